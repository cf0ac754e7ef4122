// Interrupts: Ctrl-C keeps what is done and says how to go on; kill -9 at
// any moment leaves an index that opens and holds whole documents only, and
// the same command then completes it to exactly what an uninterrupted run
// gives.
#include <gtest/gtest.h>

#include <signal.h>

#include <algorithm>
#include <iostream>
#include <regex>
#include <sstream>

#include "tests/foundation/cli_runner.h"
#include "tests/ingest/diar_process.h"
#include "tests/ingest/documents.h"
#include "tests/ingest/index_probe.h"

namespace diar {
namespace {

using namespace std::chrono_literals;
using testing::DiarProcess;
using testing::RunDiar;
using testing::RunResult;
using testing::TempDir;

bool HoldsIndex(const std::filesystem::path& index) {
  return std::filesystem::exists(index / "iamglass") || std::filesystem::exists(index / "XAPIANDB");
}

TEST(Interrupt, SigintKeepsWhatIsDoneAndTheSameCommandContinues) {
  TempDir dir, index;
  const auto files = dir.path() / "in";
  testing::WriteFile(files / "a.txt", testing::TextDocument(1));
  testing::WriteScan(files / "b-scan.pdf", 2);
  testing::WriteTextDocuments(files, 6, 10);
  const std::vector<std::string> command = {"ingest", "--jobs", "1", files.string()};

  DiarProcess ingest(index.path(), command);
  ASSERT_TRUE(ingest.WaitForErr("[1/8]", 60s)) << ingest.Err();
  ASSERT_TRUE(ingest.Signal(SIGINT));
  const std::optional<int> exit_code = ingest.Wait(60s);
  ASSERT_TRUE(exit_code.has_value());
  EXPECT_EQ(*exit_code, 130) << ingest.Err();
  std::smatch m;
  const std::string err = ingest.Err();
  ASSERT_TRUE(std::regex_search(err, m, std::regex(
      "interrupted: (\\d+) of 8 files done and committed; run the same command to ingest the rest")))
      << err;
  const int done = std::stoi(m[1]);
  EXPECT_GE(done, 1);
  EXPECT_LT(done, 8);
  // The scan was in the worker: it is said to finish before the commit.
  EXPECT_TRUE(std::regex_search(err, std::regex("stopping: [12] files? already being read will finish")))
      << err;
  EXPECT_EQ(testing::IndexedDocuments(index.path()), done);

  const RunResult rest = RunDiar(index.path(), command);
  EXPECT_EQ(rest.exit_code, 0) << rest.err;
  EXPECT_NE(rest.out.find(std::to_string(done) + " unchanged"), std::string::npos) << rest.out;
  EXPECT_EQ(testing::IndexedDocuments(index.path()), 8);
}

TEST(Interrupt, TheSummaryOfAnInterruptedRunSaysHowManyFilesItDid) {
  TempDir dir, index;
  const auto files = dir.path() / "in";
  // The scan, second, is still in OCR when the signal comes.
  testing::WriteFile(files / "a.txt", testing::TextDocument(1));
  testing::WriteScan(files / "b-scan.pdf", 2);
  testing::WriteTextDocuments(files, 4, 10);
  DiarProcess ingest(index.path(), {"ingest", "--jobs", "1", files.string()});
  ASSERT_TRUE(ingest.WaitForErr("[1/6]", 60s)) << ingest.Err();
  ASSERT_TRUE(ingest.Signal(SIGINT));
  ASSERT_EQ(ingest.Wait(60s), std::optional<int>(130)) << ingest.Err();
  std::smatch m;
  const std::string out = ingest.Out();
  ASSERT_TRUE(std::regex_search(out, m, std::regex("^interrupted after (\\d+) of 6 files: (\\d+) added")))
      << out;
  EXPECT_LT(std::stoi(m[1]), 6);
  EXPECT_EQ(m[1], m[2]);
  EXPECT_EQ(out.find("ingested 6 files"), std::string::npos) << out;
}

TEST(Interrupt, KillNineAtTwentyMomentsLosesNothingOnceRerun) {
  TempDir dir, reference;
  const auto files = dir.path() / "in";
  // Enough files that most of the twenty moments fall while documents are
  // being read and committed, not in the start-up or the exit.
  testing::WriteTextDocuments(files, 119);
  std::filesystem::copy_file(testing::CorpusDir() / "samverkansgruppen-kultur-och-idrott.pdf",
                             files / "samverkansgruppen.pdf");
  // Frequent commits, so kills land before, during and after many of them.
  const std::vector<std::string> command = {"ingest", "--jobs", "2", "--commit-every", "2",
                                            files.string()};

  const auto started = std::chrono::steady_clock::now();
  const RunResult full = RunDiar(reference.path(), command);
  const auto duration = std::chrono::steady_clock::now() - started;
  ASSERT_EQ(full.exit_code, 0) << full.err;
  const std::vector<std::string> expected = testing::SortedExportLines(reference.path());
  ASSERT_EQ(testing::IndexedDocuments(reference.path()), 120);

  for (int moment = 1; moment <= 20; ++moment) {
    SCOPED_TRACE("killed at moment " + std::to_string(moment) + " of 20");
    TempDir index;
    {
      DiarProcess ingest(index.path(), command);
      std::this_thread::sleep_for(duration * moment / 21);
      ASSERT_TRUE(ingest.Signal(SIGKILL));
      ASSERT_TRUE(ingest.Wait(30s).has_value()) << "the killed ingest did not end";
    }
    int kept = -1;  // no index yet: killed before it was created
    if (HoldsIndex(index.path())) {
      kept = testing::IndexedDocuments(index.path());
      EXPECT_GE(kept, 0);
      EXPECT_LE(kept, 120);
    }
    std::cout << "kill -9 at moment " << moment << "/20: the index "
              << (kept < 0 ? "did not exist yet" : "opened with " + std::to_string(kept) + " of 120 documents")
              << "; the rerun completed it\n";
    const RunResult rest = RunDiar(index.path(), command);
    ASSERT_EQ(rest.exit_code, 0) << rest.err;
    EXPECT_EQ(testing::IndexedDocuments(index.path()), 120);
    EXPECT_EQ(testing::SortedExportLines(index.path()), expected);
  }
}

}  // namespace
}  // namespace diar
