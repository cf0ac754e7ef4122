// Issue 12: faults around the index — a full disk, a damaged index, the
// index folder removed mid-run. Each gives a message naming the index and
// exit 2 (never an abort, exit 134), and the index keeps its last commit.
#include <fstream>
#include <random>
#include <thread>

#include "tests/hardening/hardening_cli.h"

namespace diar {
namespace {

namespace fs = std::filesystem;
using testing::HardeningTest;
using testing::Has;
using testing::RunResult;

// Swedish-looking text of about `words` words, each one different, so the
// index has to write a lot for it.
std::string ManyWords(int words) {
  static const char* kStems[] = {"regionen", "kommunen", "planen", "beslutet", "nämnden", "budgeten"};
  std::string text;
  for (int i = 0; i < words; ++i) {
    text += kStems[i % 6] + std::to_string(i) + (i % 12 == 11 ? ". " : " och ");
  }
  return text;
}

// Overwrites every byte of `file` with 0xA5: a table whose blocks no longer
// make sense.
void Scribble(const fs::path& file) {
  const std::string junk(fs::file_size(file), '\xa5');
  std::ofstream(file, std::ios::binary | std::ios::in | std::ios::out) << junk;
}

using Fault = HardeningTest;

TEST_F(Fault, FullDiskStopsWithExit2AndTheLastCommitStays) {
  ASSERT_EQ(Ingest({}).exit_code, 0);
  testing::WriteFile(In("stor.txt"), ManyWords(200000));
  // No file of the index may grow past 300 kB (RLIMIT_FSIZE through
  // prlimit): the disk is full for this run. A test may not mount a tmpfs
  // where it runs unprivileged in a container; this works everywhere.
  const std::string cmd = "prlimit --fsize=300000 " + testing::Quote(std::string(DIAR_BINARY_DIR) + "/cli/diar") +
                          " --index " + testing::Quote(index_.path().string()) + " ingest " +
                          testing::Quote(In("stor.txt").string()) + " >/dev/null 2>" +
                          testing::Quote((in_.path() / "err").string());
  const int status = std::system(cmd.c_str());
  const std::string err = testing::ReadFile(in_.path() / "err");
  ASSERT_TRUE(WIFEXITED(status)) << err;
  EXPECT_EQ(WEXITSTATUS(status), 2) << err;
  EXPECT_TRUE(Has(err, index_.path().string() + ": cannot")) << err;
  EXPECT_TRUE(Has(err, "File too large")) << err;
  EXPECT_TRUE(Has(err, "the index keeps its last commit")) << err;
  RunResult s = Diar({"status"});
  EXPECT_EQ(s.exit_code, 0) << s.err;
  EXPECT_TRUE(Has(s.out, "documents: 1")) << s.out;
  ExpectGoodIndexed();
}

// One database (--jobs 1), whose tables the tests damage.
TEST_F(Fault, DamagedIndexIsNamedByEveryCommandWithExit2) {
  ASSERT_EQ(Ingest({}, {"--jobs", "1"}).exit_code, 0);
  Scribble(index_.path() / "postlist.glass");
  const std::string damaged = index_.path().string() + ": index is damaged";
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"status"},
                                             {"search", "plan"},
                                             {"show", Good().string()},
                                             {"export", "--format", "csv"},
                                             {"remove", Good().string()},
                                             {"ingest", Good().string()}}) {
    RunResult r = Diar(args);
    EXPECT_EQ(r.exit_code, 2) << args[0] << ": " << r.err;
    EXPECT_TRUE(Has(r.err, damaged)) << args[0] << ": " << r.err;
  }
}

TEST_F(Fault, DamagedDocumentDataIsNamedWithExit2) {
  ASSERT_EQ(Ingest({}, {"--jobs", "1"}).exit_code, 0);
  Scribble(index_.path() / "docdata.glass");
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"show", Good().string()}, {"export", "--format", "jsonl"}}) {
    RunResult r = Diar(args);
    EXPECT_EQ(r.exit_code, 2) << args[0] << ": " << r.err;
    EXPECT_TRUE(Has(r.err, index_.path().string() + ": ")) << args[0] << ": " << r.err;
  }
}

TEST_F(Fault, IndexRemovedMidRunStopsWithExit2) {
  for (int i = 0; i < 300; ++i) {
    testing::WriteFile(In("d" + std::to_string(i) + ".txt"),
                       "Nämnden beslutade i ärende " + std::to_string(i) + " om planen.\n");
  }
  testing::DiarProcess run(index_.path(), {"ingest", "--jobs", "1", "--commit-every", "10", in_.path().string()});
  ASSERT_TRUE(run.WaitForErr("[20/", std::chrono::seconds(120))) << run.Err();
  // diar keeps writing meanwhile, so a pass may meet a file it just made.
  std::error_code ec;
  for (int i = 0; i < 100 && fs::exists(index_.path()); ++i) fs::remove_all(index_.path(), ec);
  ASSERT_FALSE(fs::exists(index_.path())) << ec.message();
  const std::optional<int> code = run.Wait(std::chrono::seconds(120));
  ASSERT_TRUE(code.has_value());
  EXPECT_EQ(*code, 2) << run.Err();
  EXPECT_TRUE(Has(run.Err(), index_.path().string() + ": cannot")) << run.Err();
}

}  // namespace
}  // namespace diar
