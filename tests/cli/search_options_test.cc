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

}  // namespace
}  // namespace diar
