// Exports of a document whose file name is not UTF-8 (Latin-1 "år", as old
// Windows shares hold them): every format shows the name escaped (\xE5), as
// show and search do, and keeps the exact bytes where the format can hold
// them (JSON Lines: path_bytes in hex; SQLite: a path_bytes BLOB). The
// server's document and status answers do the same.
#include <gtest/gtest.h>
#include <httplib.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include <sstream>

#include "tests/foundation/cli_runner.h"
#include "tests/web/serve_process.h"

namespace diar {
namespace {

namespace fs = std::filesystem;
using testing::RunDiar;
using testing::TempDir;
using testing::WriteFile;

// "Beslut år 2021.txt" with å as the single Latin-1 byte 0xE5.
const std::string kName = "Beslut \xE5r 2021.txt";
const std::string kShownName = "Beslut \\xE5r 2021.txt";
// The same bytes in hex, as path_bytes carries them.
std::string Hex(const std::string& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : bytes) hex += {digits[c >> 4], digits[c & 15]};
  return hex;
}

class ExportOfANonUtf8Name : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = docs_.path() / kName;
    WriteFile(file_, "Protokoll\nDatum 2021-03-02\nDnr KS 2021/17\n\nRegionstyrelsen beslutade om budgeten.\n");
    testing::RunResult r = RunDiar(index_.path(), {"ingest", docs_.path().string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  std::string Run(const std::vector<std::string>& args) {
    testing::RunResult r = RunDiar(index_.path(), args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }

  std::vector<nlohmann::json> Jsonl(const std::vector<std::string>& args) {
    std::vector<nlohmann::json> rows;
    std::istringstream lines(Run(args));
    for (std::string line; std::getline(lines, line);) rows.push_back(nlohmann::json::parse(line));
    return rows;
  }

  std::string Exact() const { return file_.string(); }
  std::string Shown() const { return (docs_.path() / kShownName).string(); }

  TempDir docs_, index_;
  fs::path file_;
};

TEST_F(ExportOfANonUtf8Name, CsvShowsTheNameEscaped) {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"export", "--format", "csv"}, {"export", "--documents", "--format", "csv"},
           {"export", "--excel", "--format", "csv"}}) {
    const std::string out = Run(args);
    EXPECT_NE(out.find(Shown()), std::string::npos) << ::testing::PrintToString(args) << "\n" << out;
    EXPECT_EQ(out.find(Exact()), std::string::npos) << ::testing::PrintToString(args);
  }
}

TEST_F(ExportOfANonUtf8Name, JsonLinesOfMentionsCarryTheEscapedNameAndTheExactBytes) {
  const std::vector<nlohmann::json> rows = Jsonl({"export", "--format", "jsonl"});
  ASSERT_FALSE(rows.empty());
  for (const nlohmann::json& row : rows) {
    EXPECT_EQ(row["path"], Shown());
    EXPECT_EQ(row["path_bytes"], Hex(Exact()));
  }
}

TEST_F(ExportOfANonUtf8Name, JsonLinesOfDocumentsCarryTheEscapedNamesAndTheExactBytes) {
  const std::vector<nlohmann::json> rows = Jsonl({"export", "--documents", "--format", "jsonl"});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["paths"], nlohmann::json::array({Shown()}));
  EXPECT_EQ(rows[0]["path_bytes"], nlohmann::json::array({Hex(Exact())}));
}

TEST_F(ExportOfANonUtf8Name, SqliteHoldsTheEscapedNameAndTheExactBytes) {
  const fs::path out = docs_.path().parent_path() / "export.sqlite";
  Run({"export", "--format", "sqlite", "--out", out.string()});
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(out.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT path, path_bytes FROM documents", -1, &stmt, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))), Shown());
  ASSERT_EQ(sqlite3_column_type(stmt, 1), SQLITE_BLOB);
  const std::string bytes(static_cast<const char*>(sqlite3_column_blob(stmt, 1)), sqlite3_column_bytes(stmt, 1));
  EXPECT_EQ(bytes, Exact());
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  fs::remove(out);
}

TEST_F(ExportOfANonUtf8Name, AUtf8NameHasNoPathBytes) {
  WriteFile(docs_.path() / "Beslut år 2022.txt", "Protokoll\nDatum 2022-03-02\n\nKulturnämnden beslutade.\n");
  ASSERT_EQ(RunDiar(index_.path(), {"ingest", docs_.path().string()}).exit_code, 0);
  int utf8_rows = 0;
  for (const nlohmann::json& row : Jsonl({"export", "--documents", "--format", "jsonl"})) {
    if (row["paths"][0].get<std::string>().find("år 2022") == std::string::npos) continue;
    ++utf8_rows;
    EXPECT_FALSE(row.contains("path_bytes")) << row;
  }
  EXPECT_EQ(utf8_rows, 1);
}

TEST_F(ExportOfANonUtf8Name, TheServerShowsTheNameEscapedWithTheExactBytes) {
  // A second file that fails, so the status lists a non-UTF-8 name too.
  const fs::path broken = docs_.path() / "Trasig \xE5tg\xE4rd.pdf";
  WriteFile(broken, "%PDF-1.7 not really");
  RunDiar(index_.path(), {"ingest", docs_.path().string()});  // exit 1: one file failed
  testing::ServeProcess server(std::string(DIAR_BINARY_DIR) + "/cli/diar", index_.path().string());
  httplib::Client client(server.host(), server.port());
  const nlohmann::json hits = nlohmann::json::parse(client.Get("/api/search?q=budgeten")->body)["hits"];
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["path"], Shown());
  const nlohmann::json doc =
      nlohmann::json::parse(client.Get("/api/documents/" + hits[0]["id"].get<std::string>())->body);
  EXPECT_EQ(doc["paths"], nlohmann::json::array({Shown()}));
  EXPECT_EQ(doc["path_bytes"], nlohmann::json::array({Hex(Exact())}));
  const nlohmann::json status = nlohmann::json::parse(client.Get("/api/status")->body);
  ASSERT_EQ(status["failures"].size(), 1u) << status;
  EXPECT_EQ(status["failures"][0]["path"], (docs_.path() / "Trasig \\xE5tg\\xE4rd.pdf").string());
  EXPECT_EQ(status["failures"][0]["path_bytes"], Hex(broken.string()));
}

}  // namespace
}  // namespace diar
