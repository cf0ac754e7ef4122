// index_probe: what an index holds, asked through the real `diar` binary,
// for tests that compare two indexes or count what a run kept.
#ifndef DIAR_TESTS_INGEST_INDEX_PROBE_H_
#define DIAR_TESTS_INGEST_INDEX_PROBE_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tests/foundation/cli_runner.h"

namespace diar::testing {

// The documents `diar status` counts; -1 when it cannot say.
inline int IndexedDocuments(const std::filesystem::path& index) {
  const RunResult status = RunDiar(index, {"status"});
  std::smatch m;
  if (status.exit_code != 0 || !std::regex_search(status.out, m, std::regex("documents: (\\d+)"))) {
    return -1;
  }
  return std::stoi(m[1]);
}

// Every mention in the index, one JSON line each, sorted: two indexes with
// the same lines hold the same documents and mentions.
inline std::vector<std::string> SortedExportLines(const std::filesystem::path& index) {
  const RunResult out = RunDiar(index, {"export", "--format", "jsonl"});
  EXPECT_EQ(out.exit_code, 0) << out.err;
  std::vector<std::string> lines;
  std::istringstream in(out.out);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

}  // namespace diar::testing

#endif  // DIAR_TESTS_INGEST_INDEX_PROBE_H_
