// Issue 12: the commands never abort and never report success for work
// that did not happen — exports to a full disk, queries that are not
// UTF-8, id prefixes that match two documents.
#include <map>

#include "pipeline/extract/extract.h"

#include "tests/hardening/hardening_cli.h"

namespace diar {
namespace {

using testing::HardeningTest;
using testing::Has;
using testing::RunResult;

class Commands : public HardeningTest {
 protected:
  void SetUp() override {
    HardeningTest::SetUp();
    ASSERT_EQ(Ingest({}).exit_code, 0);
  }
};

TEST_F(Commands, ExportToAFullDiskFailsLoudly) {
  for (const std::string format : {"csv", "jsonl", "sqlite"}) {
    RunResult r = Diar({"export", "--format", format, "--out", "/dev/full"});
    EXPECT_NE(r.exit_code, 0) << format;
    EXPECT_TRUE(Has(r.err, "/dev/full")) << format << ": " << r.err;
  }
}

TEST_F(Commands, ExportToAFullStandardOutputFailsLoudly) {
  const std::string cmd = testing::Quote(std::string(DIAR_BINARY_DIR) + "/cli/diar") + " --index " +
                          testing::Quote(index_.path().string()) + " export --format csv >/dev/full 2>" +
                          testing::Quote((in_.path() / "err").string());
  const int status = std::system(cmd.c_str());
  const std::string err = testing::ReadFile(in_.path() / "err");
  EXPECT_EQ(WEXITSTATUS(status), 2) << err;
  EXPECT_TRUE(Has(err, "write failed")) << err;
}

TEST_F(Commands, QueryThatIsNotUtf8IsAUsageErrorInText) {
  RunResult r = Diar({"search", "plan\xe4r"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(Has(r.err, "query 'plan\\xE4r' is not valid UTF-8")) << r.err;
}

TEST_F(Commands, QueryThatIsNotUtf8IsAUsageErrorInJson) {
  RunResult r = Diar({"search", "--format", "json", "plan\xe4r"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(Has(r.err, "is not valid UTF-8")) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;  // no half-written JSON
}

TEST_F(Commands, FilterThatIsNotUtf8IsAUsageError) {
  RunResult r = Diar({"search", "--filter", "body=n\xe4mnden", "plan"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(Has(r.err, "is not valid UTF-8")) << r.err;
}

TEST_F(Commands, AmbiguousIdPrefixIsNamedWithBothIds) {
  // Two files whose SHA-256 (their ids) share 8 hex digits, found by trying
  // texts: a birthday search of about 80 000 hashes, milliseconds.
  std::map<std::string, std::string> seen;  // 8-digit prefix -> text
  std::vector<std::string> texts;
  for (int i = 0; texts.empty(); ++i) {
    const std::string text = "Ärende " + std::to_string(i) + " om planen.\n";
    auto [it, added] = seen.emplace(Sha256Hex(text).substr(0, 8), text);
    if (!added) texts = {it->second, text};
  }
  testing::WriteFile(In("a.txt"), texts[0]);
  testing::WriteFile(In("b.txt"), texts[1]);
  ASSERT_EQ(Ingest({In("a.txt").string(), In("b.txt").string()}).exit_code, 0);
  RunResult r = Diar({"show", Sha256Hex(texts[0]).substr(0, 8)});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(Has(r.err, "ambiguous id prefix, it matches 2 documents")) << r.err;
  EXPECT_TRUE(Has(r.err, Sha256Hex(texts[0]))) << r.err;
  EXPECT_TRUE(Has(r.err, Sha256Hex(texts[1]))) << r.err;
}

}  // namespace
}  // namespace diar
