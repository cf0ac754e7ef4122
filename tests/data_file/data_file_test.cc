// The one reader of dictionaries/ files: what it accepts, and that every bad
// line is reported as path:line.
#include "pipeline/data_file/data_file.h"

#include <gtest/gtest.h>

#include "tests/foundation/cli_runner.h"

namespace diar {
namespace {

using testing::AllErrors;
using testing::TempDir;
using testing::WriteFile;

TEST(DataFile, SkipsCommentsBlankLinesBomAndCarriageReturns) {
  TempDir dir;
  const auto path = (dir.path() / "ord.list").string();
  WriteFile(path, "\xEF\xBB\xBF# Månader\r\n\r\njanuari\r\n  februari \r\n# slut\r\n");
  std::vector<std::string> errors;
  DataFile file = ReadDataFile(path, &errors);
  EXPECT_TRUE(errors.empty()) << AllErrors(errors);
  EXPECT_TRUE(file.has_header_comment);
  ASSERT_EQ(file.lines.size(), 2u);
  EXPECT_EQ(file.lines[0].number, 3);
  EXPECT_EQ(file.lines[0].fields, std::vector<std::string>{"januari"});
  EXPECT_EQ(file.lines[1].fields, std::vector<std::string>{"februari"});
}

TEST(DataFile, ReportsInvalidUtf8ByLineAndKeepsTheRest) {
  TempDir dir;
  const auto path = (dir.path() / "x.list").string();
  WriteFile(path, "# lista\nÖrebro\nV\xE4ster\xE5s\nÅre\n");
  std::vector<std::string> errors;
  DataFile file = ReadDataFile(path, &errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find(path + ":3: not valid UTF-8"), std::string::npos) << errors[0];
  EXPECT_EQ(file.lines.size(), 2u);
}

TEST(DataFile, TableChecksHeaderAndFieldCountOnEveryRow) {
  TempDir dir;
  const auto path = (dir.path() / "t.tsv").string();
  WriteFile(path, "# tabell\nnamn\tlän\nRegion Örebro län\tÖrebro län\nbara ett fält\n\tTomt namn\n");
  std::vector<std::string> errors;
  std::vector<DataLine> rows = ReadTable(path, {"namn", "län"}, &errors);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].fields[0], "Region Örebro län");
  const std::string all = AllErrors(errors);
  EXPECT_NE(all.find(path + ":4: expected 2 tab-separated fields"), std::string::npos) << all;
  EXPECT_NE(all.find(path + ":5: empty namn"), std::string::npos) << all;
}

TEST(DataFile, TableWithWrongHeaderSaysWhichHeaderIsExpected) {
  TempDir dir;
  const auto path = (dir.path() / "t.tsv").string();
  WriteFile(path, "# tabell\nname\tcounty\nA\tB\n");
  std::vector<std::string> errors;
  EXPECT_TRUE(ReadTable(path, {"namn", "län"}, &errors).empty());
  EXPECT_NE(AllErrors(errors).find(path + ":2: header must be namn<TAB>län"), std::string::npos)
      << AllErrors(errors);
}

TEST(DataFile, ScanTableVisitsTheRowsReadTableKeepsWithTheirLineNumbers) {
  TempDir dir;
  const auto path = (dir.path() / "t.tsv").string();
  WriteFile(path, "# tabell\nnamn\tlän\n\n Region Örebro län \tÖrebro län\nbara ett fält\nÅre\tJämtlands län\n");
  std::vector<std::string> errors;
  std::vector<std::pair<int, std::string>> seen;
  ScanTable(path, {"namn", "län"}, &errors,
            [&seen](int number, const std::vector<std::string_view>& fields) {
              seen.emplace_back(number, std::string(fields[0]) + "|" + std::string(fields[1]));
            });
  EXPECT_EQ(seen, (std::vector<std::pair<int, std::string>>{{4, "Region Örebro län|Örebro län"},
                                                            {6, "Åre|Jämtlands län"}}));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find(path + ":5: expected 2 tab-separated fields"), std::string::npos) << errors[0];
}

TEST(DataFile, TableWithoutHeaderCommentNamesTheHeaderLine) {
  TempDir dir;
  const auto path = (dir.path() / "t.tsv").string();
  WriteFile(path, "\nnamn\tlän\nÅre\tJämtlands län\n");
  std::vector<std::string> errors;
  EXPECT_EQ(ReadTable(path, {"namn", "län"}, &errors).size(), 1u);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], path + ":2: no header comment; start the file with `# what this file is for`");
}

TEST(DataFile, MissingFileIsNamed) {
  std::vector<std::string> errors;
  ReadDataFile("/nonexistent/dictionaries/x.list", &errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].rfind("/nonexistent/dictionaries/x.list: cannot be read", 0), 0u) << errors[0];
}

TEST(DataFile, SplitListTrimsAndDropsEmptyParts) {
  EXPECT_EQ(SplitList(" SKR | | Sveriges Kommuner och Regioner "),
            (std::vector<std::string>{"SKR", "Sveriges Kommuner och Regioner"}));
}

}  // namespace
}  // namespace diar
