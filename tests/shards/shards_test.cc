// Scale-out: the same documents in one local database and in three remote
// shards served by xapian-tcpsrv (scripts/cluster) give the same results,
// counts, facets, suggestions and exports; a shard that is down is named.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "tests/foundation/cli_runner.h"
#include "tests/ingest/documents.h"
#include "tests/ingest/index_probe.h"

namespace diar {
namespace {

using nlohmann::json;
using testing::RunDiar;
using testing::RunResult;
using testing::TempDir;

int Shell(const std::string& command) { return std::system(command.c_str()); }

class Shards : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = new TempDir;
    const auto files = root_->path() / "files";
    testing::WriteTextDocuments(files, 30);
    for (const auto& pdf : std::filesystem::directory_iterator(testing::CorpusDir())) {
      if (pdf.path().extension() == ".pdf") {
        std::filesystem::copy_file(pdf.path(), files / pdf.path().filename());
      }
    }
    const RunResult one = RunDiar(Single(), {"ingest", "--jobs", "2", files.string()});
    ASSERT_EQ(one.exit_code, 0) << one.err;
    ASSERT_EQ(Shell(Cluster() + " start 3 " + testing::Quote(Sharded().string()) + " >/dev/null"), 0);
    const RunResult three = RunDiar(Sharded(), {"ingest", "--jobs", "2", files.string()});
    ASSERT_EQ(three.exit_code, 0) << three.err;
  }
  static void TearDownTestSuite() {
    Shell(Cluster() + " stop " + testing::Quote(Sharded().string()) + " >/dev/null");
    delete root_;
  }
  static std::string Cluster() { return testing::Quote(std::string(DIAR_SOURCE_DIR) + "/scripts/cluster"); }
  static std::filesystem::path Single() { return root_->path() / "single"; }
  static std::filesystem::path Sharded() { return root_->path() / "cluster"; }

  static json Search(const std::filesystem::path& index, std::vector<std::string> args) {
    args.insert(args.begin(), "search");
    for (const char* a : {"--format", "json", "--facets", "--limit", "100"}) args.push_back(a);
    const RunResult run = RunDiar(index, args);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return json::parse(run.out, nullptr, false);
  }

  static TempDir* root_;
};
TempDir* Shards::root_ = nullptr;

// The hits as groups of equal rank keys: documents that tie (same score,
// and same date when sorting by date) are ordered by docid, which differs
// between one database and shards, so a group compares as a set.
std::vector<std::set<std::string>> RankGroups(const json& result, bool by_date) {
  std::vector<std::set<std::string>> groups;
  std::string last_key;
  for (const json& hit : result["hits"]) {
    char score[64];
    std::snprintf(score, sizeof score, "%.9g", hit["score"].get<double>());
    const std::string key = (by_date ? hit.value("date", "") + "|" : "") + score;
    if (groups.empty() || key != last_key) groups.emplace_back();
    groups.back().insert(hit["id"].get<std::string>());
    last_key = key;
  }
  return groups;
}

TEST_F(Shards, EveryQueryGivesTheSameResultsCountsAndFacets) {
  const std::vector<std::vector<std::string>> queries = {
      {"kultur"},
      {"regional utveckling"},
      {"\"regional utveckling\""},
      {"kulturplan"},
      {"SKR"},
      {"Sveriges Kommuner och Regioner"},
      {"organ:Kulturnämnden"},
      {"typ:tjänsteskrivelse"},
      {"ämne:kultur"},
      {"län:\"Västmanlands län\""},
      {"dnr:\"RS 2022/105\""},
      {"år:2022"},
      {"datum:2022-01-01..2022-06-30"},
      {"kultur OR idrott"},
      {"kultur NOT idrott"},
      {"beslut"},
      {"regionstyrelsen"},
      {"title:verksamhetsplan"},
      {""},
      {"kulturr"},
      {"Tillväxtverket"},
      {"beslut", "--from", "2022-03-01", "--to", "2022-12-31"},
      {"ärendet", "--filter", "body=Regionstyrelsen"},
      {"kultur", "--sort", "date"},
      {"", "--sort", "date"},
  };
  for (const auto& query : queries) {
    SCOPED_TRACE("query: " + query[0] + (query.size() > 1 ? " " + query[1] : ""));
    const json one = Search(Single(), query);
    const json three = Search(Sharded(), query);
    ASSERT_TRUE(one.is_object() && three.is_object());
    EXPECT_EQ(one["total"], three["total"]);
    EXPECT_EQ(one["facets"], three["facets"]);
    EXPECT_EQ(one.value("suggestion", ""), three.value("suggestion", ""));
    const bool by_date = std::find(query.begin(), query.end(), "date") != query.end();
    EXPECT_EQ(RankGroups(one, by_date), RankGroups(three, by_date));
  }
}

TEST_F(Shards, PagingWalksTheSameList) {
  // Pages of three concatenated are the whole list, on one database and on
  // shards alike; the whole lists agree (EveryQuery... checks them).
  for (const std::filesystem::path& index : {Single(), Sharded()}) {
    SCOPED_TRACE(index.string());
    const json all = Search(index, {"ärendet"});
    std::vector<std::string> whole, paged;
    for (const json& hit : all["hits"]) whole.push_back(hit["id"]);
    ASSERT_GE(whole.size(), 9u);
    for (int offset = 0; offset < static_cast<int>(whole.size()); offset += 3) {
      const RunResult run = RunDiar(index, {"search", "ärendet", "--format", "json", "--limit", "3",
                                            "--offset", std::to_string(offset)});
      const json page = json::parse(run.out);
      for (const json& hit : page["hits"]) paged.push_back(hit["id"]);
    }
    EXPECT_EQ(paged, whole);
  }
  EXPECT_EQ(RankGroups(Search(Single(), {"ärendet"}), false),
            RankGroups(Search(Sharded(), {"ärendet"}), false));
}

TEST_F(Shards, ExportsStatusAndShowAreTheSame) {
  EXPECT_EQ(testing::SortedExportLines(Single()), testing::SortedExportLines(Sharded()));
  const RunResult one = RunDiar(Single(), {"status"});
  const RunResult three = RunDiar(Sharded(), {"status"});
  EXPECT_EQ(one.out.substr(one.out.find("documents:")), three.out.substr(three.out.find("documents:")));
  const json hits = Search(Single(), {"kultur"});
  const std::string id = hits["hits"][0]["id"];
  json shown_one = json::parse(RunDiar(Single(), {"show", id, "--format", "json"}).out);
  json shown_three = json::parse(RunDiar(Sharded(), {"show", id, "--format", "json"}).out);
  shown_one.erase("ingested");  // each index took the document at its own time
  shown_three.erase("ingested");
  EXPECT_TRUE(shown_one == shown_three) << "show differs between one database and shards";
}

TEST_F(Shards, ReingestAndRemoveWorkAcrossShards) {
  const RunResult again = RunDiar(Sharded(), {"ingest", (root_->path() / "files").string()});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find(" 0 added, 0 replaced, 0 new paths, 33 unchanged"), std::string::npos)
      << again.out;
  const auto path = (root_->path() / "files" / "doc-007.txt").string();
  EXPECT_EQ(RunDiar(Sharded(), {"remove", path}).exit_code, 0);
  EXPECT_NE(RunDiar(Sharded(), {"status"}).out.find("documents: 32"), std::string::npos);
  EXPECT_EQ(RunDiar(Sharded(), {"ingest", path}).exit_code, 0);
  EXPECT_NE(RunDiar(Sharded(), {"status"}).out.find("documents: 33"), std::string::npos);
}

TEST_F(Shards, AShardThatIsDownIsNamedAndPartialSearchSaysSo) {
  // Stop the second server only, then bring the cluster back for the others.
  const std::string pids = testing::ReadFile(Sharded() / "pids");
  std::istringstream in(pids);
  std::string first, second;
  in >> first >> second;
  ASSERT_FALSE(second.empty());
  const std::string stub = testing::ReadFile(Sharded() / "XAPIANDB");
  const std::size_t line = stub.find("remote", stub.find("remote") + 1);
  const std::string address = stub.substr(line + 7, stub.find('\n', line) - line - 7);
  ASSERT_EQ(Shell("kill -KILL " + second), 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));

  const RunResult down = RunDiar(Sharded(), {"search", "kultur"});
  EXPECT_EQ(down.exit_code, 2);
  EXPECT_NE(down.err.find("shard 2 (remote " + address + ")"), std::string::npos) << down.err;
  EXPECT_NE(down.err.find("--allow-partial"), std::string::npos) << down.err;

  const RunResult partial = RunDiar(Sharded(), {"search", "kultur", "--allow-partial"});
  EXPECT_EQ(partial.exit_code, 0) << partial.err;
  EXPECT_NE(partial.err.find("partial results: shard 2 (remote " + address + ") did not answer"),
            std::string::npos) << partial.err;

  const RunResult ingest = RunDiar(Sharded(), {"ingest", (root_->path() / "files").string()});
  EXPECT_EQ(ingest.exit_code, 2);
  EXPECT_NE(ingest.err.find("shard 2 (remote " + address + ")"), std::string::npos) << ingest.err;
}

}  // namespace
}  // namespace diar
