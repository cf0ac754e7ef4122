// hardening_cli: what the issue 12 tests share — the folder of committed
// bad inputs, a run of the real binary next to one good file, and (through
// raw_pdf.h) MinimalPdf for inputs made on the spot.
#ifndef DIAR_TESTS_HARDENING_HARDENING_CLI_H_
#define DIAR_TESTS_HARDENING_HARDENING_CLI_H_

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/foundation/cli_runner.h"
#include "tests/foundation/raw_pdf.h"
#include "tests/ingest/diar_process.h"

namespace diar::testing {

inline std::filesystem::path BadInputs() {
  return std::filesystem::path(DIAR_SOURCE_DIR) / "tests/data/bad";
}

// True when `needle` occurs in `haystack` (a message, an output).
inline bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// A content stream writing `text` (ASCII) at the top of the page.
inline std::string TextContent(const std::string& text) {
  return "BT /F1 12 Tf 72 760 Td (" + text + ") Tj ET";
}

// An input folder holding good.txt, which every test expects indexed
// whatever else happens, and an index beside it.
class HardeningTest : public ::testing::Test {
 protected:
  std::filesystem::path In(const std::string& name) const { return in_.path() / name; }
  std::filesystem::path Good() const { return In("good.txt"); }

  void SetUp() override {
    WriteFile(Good(), "Regionstyrelsen beslutade den 29 mars 2022 om planen för kollektivtrafik.\n");
  }
  // `diar ingest good.txt PATHS...`, ended by force after `limit`: a hang
  // is a failure, not a stuck test.
  RunResult Ingest(const std::vector<std::string>& paths,
                   const std::vector<std::string>& options = {},
                   std::chrono::seconds limit = std::chrono::seconds(120)) {
    std::vector<std::string> args = {"ingest", "--quiet"};
    args.insert(args.end(), options.begin(), options.end());
    args.push_back(Good().string());
    args.insert(args.end(), paths.begin(), paths.end());
    DiarProcess run(index_.path(), args);
    const std::optional<int> code = run.Wait(limit);
    EXPECT_TRUE(code.has_value()) << "diar ingest did not finish within " << limit.count() << " s";
    return {code.value_or(-1), run.Out(), run.Err()};
  }
  RunResult Diar(const std::vector<std::string>& args) { return RunDiar(index_.path(), args); }
  void ExpectGoodIndexed() {
    RunResult r = Diar({"search", "--format", "json", "kollektivtrafik"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("good.txt"), std::string::npos) << r.out;
  }

  TempDir in_, index_;
};

}  // namespace diar::testing

#endif  // DIAR_TESTS_HARDENING_HARDENING_CLI_H_
