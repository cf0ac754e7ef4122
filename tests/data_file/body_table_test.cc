// The one reader of the body tables (bodies_*.tsv, organ_names.tsv,
// programmes.tsv): the rows every caller gets alike, and each bad row
// reported as path:line and left out.
#include "pipeline/data_file/body_table.h"

#include <gtest/gtest.h>

#include "tests/foundation/cli_runner.h"

namespace diar {
namespace {

using testing::AllErrors;
using testing::TempDir;
using testing::WriteFile;

constexpr char kHeader[] = "# Myndigheter\ncanonical\tkind\tvariants\tacronyms\tcounty\n";

TEST(BodyTable, ARowGivesItsNameKindListsAndCounty) {
  TempDir dir;
  const auto path = (dir.path() / "bodies_test.tsv").string();
  WriteFile(path, std::string(kHeader) +
                      "Länsstyrelsen i Jämtlands län\tlansstyrelse\tLänsstyrelsen Jämtland | "
                      "Länsstyrelsen Jämtlands län\tLST Z\tJämtlands län\n");
  std::vector<std::string> errors;
  const BodyTable table = ReadBodyTable(path, &errors);
  EXPECT_TRUE(errors.empty()) << AllErrors(errors);
  ASSERT_EQ(table.rows.size(), 1u);
  const BodyRow& row = table.rows[0];
  EXPECT_EQ(row.line, 3);
  EXPECT_EQ(row.canonical, "Länsstyrelsen i Jämtlands län");
  EXPECT_EQ(row.kind, "lansstyrelse");
  EXPECT_EQ(row.variants,
            (std::vector<std::string>{"Länsstyrelsen Jämtland", "Länsstyrelsen Jämtlands län"}));
  EXPECT_EQ(row.acronyms, std::vector<std::string>{"LST Z"});
  EXPECT_EQ(row.county, "Jämtlands län");
}

TEST(BodyTable, TrailingEmptyFieldsMayBeLeftOut) {
  TempDir dir;
  const auto path = (dir.path() / "bodies_test.tsv").string();
  WriteFile(path, std::string(kHeader) + "Trafikverket\tmyndighet\n");
  std::vector<std::string> errors;
  const BodyTable table = ReadBodyTable(path, &errors);
  EXPECT_TRUE(errors.empty()) << AllErrors(errors);
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_TRUE(table.rows[0].variants.empty());
  EXPECT_EQ(table.rows[0].county, "");
}

TEST(BodyTable, BadRowsAreReportedByLineAndTheOthersKept) {
  TempDir dir;
  const auto path = (dir.path() / "bodies_test.tsv").string();
  WriteFile(path, std::string(kHeader) +
                      "Region Gävleborg\tregion\n"
                      "Region  Dalarna\tregion\n"
                      "\tkommun\n"
                      "Kumla kommun\tkommun\tKumla\t\tÖrebro län\textra\n"
                      "bara namnet\n");
  std::vector<std::string> errors;
  const BodyTable table = ReadBodyTable(path, &errors);
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_EQ(table.rows[0].canonical, "Region Gävleborg");
  const std::string all = AllErrors(errors);
  EXPECT_NE(all.find(path + ":4: \"Region  Dalarna\" has two spaces in a row"), std::string::npos)
      << all;
  EXPECT_NE(all.find(path + ":5: empty canonical name"), std::string::npos) << all;
  EXPECT_NE(all.find(path + ":6: expected 5 tab-separated fields"), std::string::npos) << all;
  EXPECT_NE(all.find(path + ":7: expected 5 tab-separated fields"), std::string::npos) << all;
}

TEST(BodyTable, AWrongHeaderStopsTheFileWithTheHeaderExpected) {
  TempDir dir;
  const auto path = (dir.path() / "bodies_test.tsv").string();
  WriteFile(path, "# Myndigheter\nnamn\ttyp\nTrafikverket\tmyndighet\n");
  std::vector<std::string> errors;
  const BodyTable table = ReadBodyTable(path, &errors);
  EXPECT_TRUE(table.rows.empty());
  const std::string all = AllErrors(errors);
  EXPECT_NE(all.find(path + ":2: header must be canonical<TAB>kind"), std::string::npos) << all;
}

TEST(BodyTable, EveryBodiesFileInTheFolderIsReadInNameOrder) {
  TempDir dir;
  WriteFile((dir.path() / "bodies_b.tsv").string(), std::string(kHeader) + "Tillväxtverket\tmyndighet\n");
  WriteFile((dir.path() / "bodies_a.tsv").string(), std::string(kHeader) + "Region Skåne\tregion\n");
  WriteFile((dir.path() / "organ_names.tsv").string(), std::string(kHeader) + "Krisledningsnämnden\torgan\n");
  std::vector<std::string> errors;
  const std::vector<BodyTable> tables = ReadBodyTables(dir.path().string(), &errors);
  EXPECT_TRUE(errors.empty()) << AllErrors(errors);
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(tables[0].rows.at(0).canonical, "Region Skåne");
  EXPECT_EQ(tables[1].rows.at(0).canonical, "Tillväxtverket");
}

TEST(BodyTable, TheShippedTablesReadWithoutErrors) {
  std::vector<std::string> errors;
  const std::vector<BodyTable> tables = ReadBodyTables(DIAR_SOURCE_DIR "/dictionaries", &errors);
  EXPECT_TRUE(errors.empty()) << AllErrors(errors);
  std::size_t rows = 0;
  for (const BodyTable& table : tables) rows += table.rows.size();
  // The 290 municipalities alone are in bodies_kommuner.tsv.
  EXPECT_GT(rows, 290u);
}

}  // namespace
}  // namespace diar
