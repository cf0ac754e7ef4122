// Writers per worker (index/ingest_jobs.h): with --jobs 2 a new index has a
// shard per worker and each worker writes its own. What the index ends up
// holding must not depend on that.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "index/shards.h"
#include "pipeline/extract/extract.h"
#include "tests/foundation/cli_runner.h"
#include "tests/ingest/documents.h"
#include "tests/ingest/index_probe.h"

namespace diar {
namespace {

using testing::RunDiar;
using testing::RunResult;
using testing::TempDir;

bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(ParallelWriters, TwoWorkersIndexWhatOneDoes) {
  TempDir dir, one, two;
  const auto files = dir.path() / "in";
  testing::WriteTextDocuments(files, 12);
  std::filesystem::copy_file(testing::CorpusDir() / "samverkansgruppen-kultur-och-idrott.pdf",
                             files / "samverkansgruppen.pdf");
  // The same content twice: one document with two paths, whichever worker
  // reads it.
  std::filesystem::copy_file(files / "samverkansgruppen.pdf", files / "kopia.pdf");

  const RunResult a = RunDiar(one.path(), {"ingest", "--jobs", "1", files.string()});
  const RunResult b = RunDiar(two.path(), {"ingest", "--jobs", "2", files.string()});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_TRUE(std::filesystem::exists(two.path() / kStubFile)) << "--jobs 2 made no shards";
  EXPECT_TRUE(Has(b.out, "13 added, 0 replaced, 1 new paths")) << b.out;
  EXPECT_EQ(testing::IndexedDocuments(two.path()), 13);
  EXPECT_EQ(testing::SortedExportLines(one.path()), testing::SortedExportLines(two.path()));
  const RunResult again = RunDiar(two.path(), {"ingest", "--jobs", "2", files.string()});
  EXPECT_TRUE(Has(again.out, "0 added, 0 replaced, 0 new paths, 14 unchanged")) << again.out;
}

// Content whose document lives in a shard other than `other`'s, of two.
std::string TextInOtherShard(const std::filesystem::path& path, const std::string& other_sha) {
  for (int i = 100;; ++i) {
    testing::WriteFile(path, testing::TextDocument(i));
    const Result<std::string> sha = HashFile(path.string());
    if (sha && ShardOf(*sha, 2) != ShardOf(other_sha, 2)) return *sha;
  }
}

TEST(ParallelWriters, AFileWhoseNewContentGoesToAnotherShardLeavesNothingOfItsOldContent) {
  TempDir dir, index;
  const auto a = dir.path() / "a.txt";
  testing::WriteFile(a, testing::TextDocument(1));
  testing::WriteFile(dir.path() / "b.txt", testing::TextDocument(2));
  const Result<std::string> old_sha = HashFile(a.string());
  ASSERT_TRUE(old_sha);
  ASSERT_EQ(RunDiar(index.path(), {"ingest", "--jobs", "2", dir.path().string()}).exit_code, 0);

  TextInOtherShard(a, *old_sha);
  const RunResult run = RunDiar(index.path(), {"ingest", "--jobs", "2", dir.path().string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(Has(run.out, "0 added, 1 replaced, 0 new paths, 1 unchanged")) << run.out;
  const RunResult status = RunDiar(index.path(), {"status"});
  EXPECT_TRUE(Has(status.out, "documents: 2")) << status.out;
  EXPECT_TRUE(Has(status.out, "paths:     2")) << status.out;
  const RunResult old = RunDiar(index.path(), {"show", old_sha->substr(0, 12)});
  EXPECT_NE(old.exit_code, 0) << old.out;
}

}  // namespace
}  // namespace diar
