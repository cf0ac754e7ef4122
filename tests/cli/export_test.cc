// `diar export`: analysts get every mention, or counts per value, of the
// documents a query matches, as CSV, JSON Lines or an SQLite file.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "tests/foundation/cli_runner.h"

namespace diar {
namespace {

using testing::RunDiar;
using testing::TempDir;
using testing::WriteFile;

class Export : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(docs_.path() / "a.txt",
              "Tjänsteskrivelse\nDatum 2022-03-29\nDnr: KS 2022-0092-106\n\n"
              "Regionstyrelsen beslutade 2022-04-12 att remittera ärendet. Regionstyrelsen återkommer.\n");
    WriteFile(docs_.path() / "b.txt",
              "Protokoll\nDatum 2022-05-10\n\nRegionstyrelsen godkände cykelplanen.\n");
    testing::RunResult r = RunDiar(index_.path(), {"ingest", docs_.path().string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  std::vector<nlohmann::json> Jsonl(const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"export", "--format", "jsonl"};
    args.insert(args.end(), extra.begin(), extra.end());
    testing::RunResult r = RunDiar(index_.path(), args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::vector<nlohmann::json> rows;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) rows.push_back(nlohmann::json::parse(line));
    return rows;
  }

  TempDir docs_, index_;
};

TEST_F(Export, JsonlHasOneRowPerMentionWithItsDocument) {
  std::vector<nlohmann::json> rows = Jsonl({"--type", "dnr"});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["value"], "KS 2022-0092-106");
  EXPECT_EQ(rows[0]["type"], "dnr");
  EXPECT_EQ(std::filesystem::path(rows[0]["path"].get<std::string>()).filename(), "a.txt");
  EXPECT_EQ(rows[0]["page"], 1);
}

TEST_F(Export, CountsGiveMentionsAndDocumentsPerValue) {
  std::vector<nlohmann::json> rows = Jsonl({"--type", "body", "--counts"});
  bool found = false;
  for (const auto& row : rows) {
    if (row["value"] == "Regionstyrelsen") {
      found = true;
      EXPECT_EQ(row["mentions"], 3);
      EXPECT_EQ(row["documents"], 2);
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(Export, QueryRestrictsToMatchingDocuments) {
  for (const auto& row : Jsonl({"cykelplanen", "--type", "body"})) {
    EXPECT_EQ(std::filesystem::path(row["path"].get<std::string>()).filename(), "b.txt");
  }
  EXPECT_EQ(Jsonl({"cykelplanen", "--type", "body"}).size(), 1u);
}

TEST_F(Export, CsvHasHeaderAndQuotesFields) {
  testing::RunResult r = RunDiar(index_.path(), {"export", "--format", "csv", "--type", "dnr"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("document,path,title,document_date,type,text,value,start,end,page,rule,inferred,owner,document_date_source,metadata_date\r\n", 0), 0u)
      << r.out;
  EXPECT_NE(r.out.find(",dnr,KS 2022-0092-106,KS 2022-0092-106,"), std::string::npos) << r.out;
}

TEST_F(Export, SqliteFileHoldsDocumentsMentionsAndCounts) {
  const auto db_path = docs_.path() / "export.sqlite";
  testing::RunResult r = RunDiar(index_.path(), {"export", "--format", "sqlite", "--out", db_path.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::size_t all_mentions = Jsonl({}).size();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  // By reference: the file is opened again below, and a copy would keep
  // asking the closed handle (SQLITE_MISUSE; it passed only while the new
  // handle happened to reuse the old one's memory, which ASan's quarantine
  // prevents).
  auto scalar = [&db](const char* sql) {
    sqlite3_stmt* s = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &s, nullptr), SQLITE_OK) << sql;
    EXPECT_EQ(sqlite3_step(s), SQLITE_ROW) << sql;
    long long v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
  };
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM documents"), 2);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM mentions"), static_cast<long long>(all_mentions));
  EXPECT_EQ(scalar("SELECT documents FROM mention_counts WHERE type='body' AND value='Regionstyrelsen'"), 2);
  sqlite3_close(db);
  // A second export into the same file replaces, not doubles, the rows.
  ASSERT_EQ(RunDiar(index_.path(), {"export", "--format", "sqlite", "--out", db_path.string()}).exit_code, 0);
  ASSERT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM mentions"), static_cast<long long>(all_mentions));
  sqlite3_close(db);
}

TEST_F(Export, SqliteWithoutOutIsAUsageError) {
  EXPECT_EQ(RunDiar(index_.path(), {"export", "--format", "sqlite"}).exit_code, 2);
}

TEST_F(Export, UnknownTypeIsAUsageError) {
  testing::RunResult r = RunDiar(index_.path(), {"export", "--format", "csv", "--type", "person"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("person"), std::string::npos);
}

}  // namespace
}  // namespace diar
