// Worker isolation: a worker that dies while reading a file (a crashing
// parser, the out-of-memory killer) fails only that file, with a reason
// naming it and what happened; the worker is replaced and every other file
// is indexed.
#include <gtest/gtest.h>

#include <signal.h>

#include "tests/foundation/cli_runner.h"
#include "tests/ingest/diar_process.h"
#include "tests/ingest/documents.h"

namespace diar {
namespace {

using namespace std::chrono_literals;
using testing::DiarProcess;
using testing::RunDiar;
using testing::TempDir;

// The one worker of a --jobs 1 run, once it exists.
pid_t OnlyWorker(const DiarProcess& ingest) {
  for (int tries = 0; tries < 500; ++tries) {
    const std::vector<pid_t> children = ingest.Children();
    if (children.size() == 1) return children[0];
    std::this_thread::sleep_for(10ms);
  }
  return 0;
}

TEST(WorkerIsolation, AKilledWorkerFailsOnlyItsFile) {
  TempDir dir, index;
  const auto files = dir.path() / "in";
  testing::WriteFile(files / "a.txt", testing::TextDocument(1));
  testing::WriteScan(files / "b-scan.pdf", 2);
  testing::WriteFile(files / "c.txt", testing::TextDocument(3));
  testing::WriteScan(files / "d-scan.pdf", 4);
  testing::WriteFile(files / "e.txt", testing::TextDocument(5));

  DiarProcess ingest(index.path(), {"ingest", "--jobs", "1", files.string()});
  // When a.txt is logged, the worker already holds b-scan.pdf (dispatch
  // runs ahead of the writer), and OCR keeps it there for seconds.
  ASSERT_TRUE(ingest.WaitForErr("[1/5]", 60s)) << ingest.Err();
  const pid_t first = OnlyWorker(ingest);
  ASSERT_GT(first, 0);
  ASSERT_EQ(::kill(first, SIGSEGV), 0);
  ASSERT_TRUE(ingest.WaitForErr("[3/5]", 60s)) << ingest.Err();
  const pid_t second = OnlyWorker(ingest);
  ASSERT_GT(second, 0);
  EXPECT_NE(second, first) << "the crashed worker was not replaced";
  ASSERT_EQ(::kill(second, SIGKILL), 0);
  const std::optional<int> exit_code = ingest.Wait(120s);
  ASSERT_TRUE(exit_code.has_value());
  EXPECT_EQ(*exit_code, 1) << ingest.Err();

  const std::string err = ingest.Err();
  EXPECT_NE(err.find("b-scan.pdf: the worker reading it crashed (signal 11, SIGSEGV"),
            std::string::npos) << err;
  EXPECT_NE(err.find("d-scan.pdf: the worker reading it crashed (signal 9, SIGKILL"),
            std::string::npos) << err;
  EXPECT_NE(ingest.Out().find("3 added, 0 replaced, 0 new paths, 0 unchanged, 2 failed"),
            std::string::npos) << ingest.Out();

  const testing::RunResult status = RunDiar(index.path(), {"status", "--failed"});
  EXPECT_NE(status.out.find("documents: 3"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("b-scan.pdf"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("SIGSEGV"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("d-scan.pdf"), std::string::npos) << status.out;
}

TEST(WorkerIsolation, AFileOverTheTimeLimitFailsAndTheRunGoesOn) {
  TempDir dir, index;
  const auto files = dir.path() / "in";
  testing::WriteFile(files / "a.txt", testing::TextDocument(1));
  testing::WriteScan(files / "b-scan.pdf", 2, /*pages=*/8);
  testing::WriteFile(files / "c.txt", testing::TextDocument(3));
  // OCR of eight pages takes far longer than 2 s; a text file, far less.
  const testing::RunResult run =
      RunDiar(index.path(), {"ingest", "--jobs", "1", "--timeout", "2", files.string()});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.err.find("b-scan.pdf: time limit of 2 s reached"), std::string::npos) << run.err;
  EXPECT_NE(run.out.find("2 added"), std::string::npos) << run.out;
}

}  // namespace
}  // namespace diar
