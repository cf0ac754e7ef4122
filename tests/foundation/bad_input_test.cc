// Issue 3: bad inputs each get one line naming the file and the reason, the
// exit status is 1, and every other file is still indexed.
#include <gtest/gtest.h>

#include "tests/foundation/cli_runner.h"

namespace diar {
namespace {

using testing::RunDiar;
using testing::TempDir;
using testing::WriteFile;

struct BadCase {
  std::string name;     // file name inside the input folder
  std::string bytes;    // content; empty string = empty file
  std::string reason;   // words the message must contain
};

class BadInput : public ::testing::Test {
 protected:
  // Ingests `good.txt` plus `extra` paths; returns the run.
  testing::RunResult IngestWith(const std::vector<std::string>& extra) {
    WriteFile(dir_.path() / "good.txt", "Regionstyrelsen beslutade den 29 mars 2022.\n");
    std::vector<std::string> args = {"ingest", (dir_.path() / "good.txt").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunDiar(index_.path(), args);
  }
  void ExpectGoodIndexed() {
    testing::RunResult r = RunDiar(index_.path(), {"search", "--format", "json", "regionstyrelsen"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("good.txt"), std::string::npos) << r.out;
  }
  TempDir dir_, index_;
};

TEST_F(BadInput, MissingPathIsNamedAndTheRestIndexed) {
  const std::string missing = (dir_.path() / "finns-inte.pdf").string();
  testing::RunResult r = IngestWith({missing});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(missing + ": no such file"), std::string::npos) << r.err;
  ExpectGoodIndexed();
}

TEST_F(BadInput, TextFileNamedPdfIsNamedAndTheRestIndexed) {
  const auto fake = dir_.path() / "inte-en.pdf";
  WriteFile(fake, "Det här är ingen PDF.\n");
  testing::RunResult r = IngestWith({fake.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(fake.string() + ": not a PDF"), std::string::npos) << r.err;
  ExpectGoodIndexed();
}

TEST_F(BadInput, EmptyFileIsNamedAndTheRestIndexed) {
  const auto empty = dir_.path() / "tom.pdf";
  WriteFile(empty, "");
  testing::RunResult r = IngestWith({empty.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(empty.string() + ": empty file"), std::string::npos) << r.err;
  ExpectGoodIndexed();
}

TEST_F(BadInput, EncryptedPdfIsNamedAndTheRestIndexed) {
  const auto encrypted = dir_.path() / "krypterad.pdf";
  std::filesystem::copy_file(std::filesystem::path(DIAR_SOURCE_DIR) / "tests/data/encrypted.pdf", encrypted);
  testing::RunResult r = IngestWith({encrypted.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(encrypted.string() + ": encrypted PDF"), std::string::npos) << r.err;
  ExpectGoodIndexed();
}

TEST_F(BadInput, EveryFailureIsOneLineAndListedByStatus) {
  const auto fake = dir_.path() / "inte-en.pdf";
  const auto empty = dir_.path() / "tom.txt";
  WriteFile(fake, "text");
  WriteFile(empty, "");
  testing::RunResult r = IngestWith({fake.string(), empty.string()});
  EXPECT_EQ(r.exit_code, 1);
  int error_lines = 0;
  std::istringstream lines(r.err);
  for (std::string line; std::getline(lines, line);) error_lines += line.find("error") != std::string::npos;
  EXPECT_EQ(error_lines, 2) << r.err;
  testing::RunResult status = RunDiar(index_.path(), {"status", "--failed"});
  EXPECT_NE(status.out.find("failed:    2"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find(fake.string()), std::string::npos) << status.out;
  EXPECT_NE(status.out.find(empty.string()), std::string::npos) << status.out;
  // Fixing a file clears its failure on the next ingest.
  WriteFile(empty, "Nu finns det text.\n");
  RunDiar(index_.path(), {"ingest", empty.string()});
  status = RunDiar(index_.path(), {"status", "--failed"});
  EXPECT_NE(status.out.find("failed:    1"), std::string::npos) << status.out;
}

TEST(Usage, CommandHelpNamesTheGlobalOptions) {
  TempDir index;
  testing::RunResult r = RunDiar(index.path(), {"ingest", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("--jobs"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--index DIR"), std::string::npos) << r.out;
}

TEST(Usage, BadDictionaryLineStopsWithFileAndLine) {
  TempDir dictionaries, docs, index;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(DIAR_SOURCE_DIR) / "dictionaries")) {
    std::filesystem::copy_file(entry.path(), dictionaries.path() / entry.path().filename());
  }
  const auto keep = dictionaries.path() / "hyphen_keep.txt";
  WriteFile(keep, testing::ReadFile(keep) + "utan bindestreck\n");
  WriteFile(docs.path() / "a.txt", "Regionstyrelsen beslutade.\n");
  testing::RunResult r =
      RunDiar(index.path(), {"--dictionaries", dictionaries.path().string(), "ingest", docs.path().string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(keep.string() + ":"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("one word a line"), std::string::npos) << r.err;
}

TEST(Usage, UnknownOptionExitsTwo) {
  TempDir index;
  EXPECT_EQ(RunDiar(index.path(), {"search", "--no-such-option"}).exit_code, 2);
}

TEST(Usage, SearchWithoutIndexExitsTwoAndSaysWhatToDo) {
  TempDir index;
  testing::RunResult r = RunDiar(index.path() / "none", {"search", "plan"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("diar ingest"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace diar
