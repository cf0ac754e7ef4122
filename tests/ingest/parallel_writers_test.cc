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

// The diar process reads the index (what is indexed already) while the
// workers commit under it; Xapian keeps a revision only until two commits
// later, so a reader left behind must read the newest, not stop the run.
TEST(ParallelWriters, CommitsAfterEveryFileDoNotStopTheRun) {
  TempDir dir, index;
  testing::WriteTextDocuments(dir.path(), 120);
  const RunResult run =
      RunDiar(index.path(), {"ingest", "--jobs", "2", "--commit-every", "1", dir.path().string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(testing::IndexedDocuments(index.path()), 120);
}

// New content goes to the worker free first, so a changed file's new
// document may land in another shard than its old one: the old one must go
// all the same.
TEST(ParallelWriters, ChangedFilesLeaveNothingOfTheirOldContentInAnyShard) {
  TempDir dir, index;
  std::vector<std::string> old_ids;
  for (int i = 0; i < 8; ++i) {
    const auto path = dir.path() / ("f" + std::to_string(i) + ".txt");
    testing::WriteFile(path, testing::TextDocument(i));
    const Result<std::string> sha = HashFile(path.string());
    if (i < 6) old_ids.push_back(sha ? *sha : "");
  }
  ASSERT_EQ(RunDiar(index.path(), {"ingest", "--jobs", "2", dir.path().string()}).exit_code, 0);

  for (int i = 0; i < 6; ++i) {
    testing::WriteFile(dir.path() / ("f" + std::to_string(i) + ".txt"), testing::TextDocument(100 + i));
  }
  const RunResult run = RunDiar(index.path(), {"ingest", "--jobs", "2", dir.path().string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(Has(run.out, "0 added, 6 replaced, 0 new paths, 2 unchanged")) << run.out;
  const RunResult status = RunDiar(index.path(), {"status"});
  EXPECT_TRUE(Has(status.out, "documents: 8")) << status.out;
  EXPECT_TRUE(Has(status.out, "paths:     8")) << status.out;
  for (const std::string& id : old_ids) {
    ASSERT_FALSE(id.empty());
    EXPECT_NE(RunDiar(index.path(), {"show", id.substr(0, 12)}).exit_code, 0) << id << " is still indexed";
  }
}

// A run that indexed nothing still leaves its failures on record, so the
// next run must look them up: a file that reads now is no longer failed.
TEST(ParallelWriters, AFileThatFailedInARunThatIndexedNothingIsClearedWhenItReads) {
  TempDir dir, index;
  const auto file = dir.path() / "plan.pdf";
  testing::WriteFile(file, "%PDF-1.4 nothing more");
  EXPECT_EQ(RunDiar(index.path(), {"ingest", "--jobs", "2", dir.path().string()}).exit_code, 1);
  ASSERT_TRUE(Has(RunDiar(index.path(), {"status", "--failed"}).out, "plan.pdf"));

  std::filesystem::copy_file(testing::CorpusDir() / "samverkansgruppen-kultur-och-idrott.pdf", file,
                             std::filesystem::copy_options::overwrite_existing);
  const RunResult run = RunDiar(index.path(), {"ingest", "--jobs", "2", dir.path().string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const RunResult status = RunDiar(index.path(), {"status", "--failed"});
  EXPECT_FALSE(Has(status.out, "plan.pdf")) << status.out;
  EXPECT_TRUE(Has(status.out, "failed:    0")) << status.out;
}

}  // namespace
}  // namespace diar
