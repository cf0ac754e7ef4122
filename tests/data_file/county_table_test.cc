// The one reader of dictionaries/counties.tsv.
#include "pipeline/data_file/county_table.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "tests/foundation/cli_runner.h"

namespace diar {
namespace {

using testing::AllErrors;
using testing::TempDir;
using testing::WriteFile;

TEST(CountyTable, TheShippedTableHasAll21CountiesWithRegionSeatAndStem) {
  std::vector<std::string> errors;
  const std::vector<CountyRow> counties =
      ReadCountyTable(DIAR_SOURCE_DIR "/dictionaries/counties.tsv", &errors);
  EXPECT_TRUE(errors.empty()) << AllErrors(errors);
  ASSERT_EQ(counties.size(), 21u);
  const auto vastmanland = std::find_if(counties.begin(), counties.end(), [](const CountyRow& c) {
    return c.name == "Västmanlands län";
  });
  ASSERT_NE(vastmanland, counties.end());
  EXPECT_EQ(vastmanland->region, "Region Västmanland");
  EXPECT_EQ(vastmanland->seat, "Västerås");
  EXPECT_EQ(vastmanland->stem, "Västmanland");
  EXPECT_EQ(vastmanland->letter, "U");
}

TEST(CountyTable, ARowShortOfColumnsIsReportedByLineAndLeftOut) {
  TempDir dir;
  const auto path = (dir.path() / "counties.tsv").string();
  WriteFile(path,
            "# Län\nlan_kod\tlan\tbokstav\tregion\tresidensstad\tstem\n"
            "19\tVästmanlands län\tU\tRegion Västmanland\tVästerås\tVästmanland\n"
            "20\tDalarnas län\tW\tRegion Dalarna\n");
  std::vector<std::string> errors;
  const std::vector<CountyRow> counties = ReadCountyTable(path, &errors);
  ASSERT_EQ(counties.size(), 1u);
  EXPECT_EQ(counties[0].line, 3);
  const std::string all = AllErrors(errors);
  EXPECT_NE(all.find(path + ":4: expected 6 tab-separated fields"), std::string::npos) << all;
}

}  // namespace
}  // namespace diar
