// `diar search` options as users type them: filters before the query, date
// bounds, paging and sorting.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/foundation/cli_runner.h"

namespace diar {
namespace {

using testing::RunDiar;
using testing::TempDir;
using testing::WriteFile;

class SearchOptions : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(docs_.path() / "a.txt", "Protokoll\nDatum 2021-05-04\n\nKulturnämnden beslutade om bidrag.\n");
    WriteFile(docs_.path() / "b.txt", "Protokoll\nDatum 2022-05-04\n\nKulturnämnden beslutade om stipendier.\n");
    WriteFile(docs_.path() / "c.txt", "Protokoll\nDatum 2023-05-04\n\nKulturnämnden beslutade om bidrag igen.\n");
    ASSERT_EQ(RunDiar(index_.path(), {"ingest", docs_.path().string()}).exit_code, 0);
  }

  std::vector<std::string> Files(const std::vector<std::string>& args) {
    std::vector<std::string> all = {"search", "--format", "json"};
    all.insert(all.end(), args.begin(), args.end());
    testing::RunResult r = RunDiar(index_.path(), all);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::vector<std::string> files;
    const nlohmann::json result = nlohmann::json::parse(r.out);
    for (const auto& hit : result["hits"]) {
      files.push_back(std::filesystem::path(hit["path"].get<std::string>()).filename().string());
    }
    return files;
  }

  TempDir docs_, index_;
};

TEST_F(SearchOptions, QueryMayFollowRepeatedFilters) {
  EXPECT_EQ(Files({"--filter", "year=2021", "--filter", "år=2021", "bidrag"}),
            std::vector<std::string>{"a.txt"});
}

TEST_F(SearchOptions, FromAndToIncludeTheirOwnDay) {
  EXPECT_EQ(Files({"--from", "2022-05-04", "--to", "2022-05-04"}), std::vector<std::string>{"b.txt"});
  EXPECT_TRUE(Files({"--from", "2022-05-05", "--to", "2023-05-03"}).empty());
}

TEST_F(SearchOptions, SortByDateIsNewestFirst) {
  EXPECT_EQ(Files({"--sort", "date", "kulturnämnden"}), (std::vector<std::string>{"c.txt", "b.txt", "a.txt"}));
}

TEST_F(SearchOptions, OffsetAndLimitPageThroughResults) {
  EXPECT_EQ(Files({"--sort", "date", "--limit", "1", "--offset", "1", "kulturnämnden"}),
            std::vector<std::string>{"b.txt"});
}

TEST_F(SearchOptions, MalformedFilterIsAUsageError) {
  testing::RunResult r = RunDiar(index_.path(), {"search", "--filter", "year2021"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("FIELD=VALUE"), std::string::npos) << r.err;
}

// Issue 14: dates that do not exist, and ranges the wrong way round, are
// usage errors naming the value; never a filter silently dropped.
TEST_F(SearchOptions, ImpossibleDatesAreUsageErrorsNamingTheValue) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--from", "2022-13-45"}, {"--to", "2021-02-29"},
        {"--from", "2023", "--to", "2021"}, {"datum:2023..2021"}, {"datum:2022-13"}}) {
    std::vector<std::string> all = {"search"};
    all.insert(all.end(), args.begin(), args.end());
    testing::RunResult r = RunDiar(index_.path(), all);
    EXPECT_EQ(r.exit_code, 2) << args.back();
    const std::string& named = args.size() == 4 ? "2023..2021" : args.back();
    EXPECT_NE(r.err.find(named), std::string::npos) << r.err;
  }
}

TEST_F(SearchOptions, DatumTakesAYearOrAMonth) {
  EXPECT_EQ(Files({"datum:2021"}), std::vector<std::string>{"a.txt"});
  EXPECT_EQ(Files({"datum:2022-05"}), std::vector<std::string>{"b.txt"});
  EXPECT_EQ(Files({"--from", "2022", "--to", "2022-05", "kulturnämnden"}), std::vector<std::string>{"b.txt"});
}

TEST_F(SearchOptions, UnknownFieldIsAUsageErrorNamingIt) {
  testing::RunResult r = RunDiar(index_.path(), {"search", "amen:kultur"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("amen:"), std::string::npos) << r.err;
}

TEST_F(SearchOptions, JsonHitsCarryEveryPathAndTheSnippetPage) {
  testing::RunResult r = RunDiar(index_.path(), {"search", "--format", "json", "stipendier"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json hit = nlohmann::json::parse(r.out)["hits"].at(0);
  for (const char* key : {"paths", "issuer", "county", "dnr", "topics", "snippet_page"}) {
    EXPECT_TRUE(hit.contains(key)) << key;
  }
  EXPECT_EQ(hit["paths"].size(), 1u);
  EXPECT_EQ(hit["snippet_page"], 1);
}

TEST_F(SearchOptions, AFileInManyFoldersListsAFewOtherPathsAndCountsTheRest) {
  for (int copy = 1; copy <= 5; ++copy) {
    WriteFile(docs_.path() / ("kopia" + std::to_string(copy)) / "a.txt",
              "Protokoll\nDatum 2021-05-04\n\nKulturnämnden beslutade om bidrag.\n");
  }
  ASSERT_EQ(RunDiar(index_.path(), {"ingest", docs_.path().string()}).exit_code, 0);
  const testing::RunResult r = RunDiar(index_.path(), {"search", "bidrag datum:2021"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::size_t also = 0;
  for (std::size_t at = r.out.find("   also "); at != std::string::npos; at = r.out.find("   also ", at + 1)) ++also;
  EXPECT_EQ(also, 3u) << r.out;
  EXPECT_NE(r.out.find("   and 2 more paths (diar show "), std::string::npos) << r.out;
  // JSON keeps every path.
  const testing::RunResult json = RunDiar(index_.path(), {"search", "--format", "json", "bidrag", "datum:2021"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(nlohmann::json::parse(json.out)["hits"][0]["paths"].size(), 6u) << json.out;
}

TEST_F(SearchOptions, FacetLimitSaysHowManyMore) {
  testing::RunResult r = RunDiar(index_.path(), {"search", "--facets", "--facet-limit", "1", "kulturnämnden"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("(2 more; --facet-limit 0 shows all)"), std::string::npos) << r.out;  // years 2021-2023
}

}  // namespace
}  // namespace diar
