// Line-end hyphens of the corpus (tests/data/dehyphenation.tsv: every
// line-end hyphen with the text it should become) resolved as normalise
// resolves them: precision at least 99 % and recall at least 95 % on
// joining, the positive class ("utvecklings-" + "strategin" ->
// "utvecklingsstrategin"); kept hyphens ("EU-medel", "hälso- och") are the
// negatives.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include "pipeline/extract/extract.h"
#include "pipeline/normalise/dehyphenate.h"
#include "pipeline/normalise/lexicon.h"
#include "pipeline/normalise/paragraphs.h"

namespace diar::normalise_internal {
namespace {

namespace fs = std::filesystem;

struct Row {
  std::string file, before, after, expected;
  int line = 0;
};

std::vector<Row> ReadRows(const fs::path& path) {
  std::vector<Row> rows;
  std::ifstream in(path);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (number == 1 || line.empty()) continue;  // header
    std::istringstream fields(line);
    Row r;
    r.line = number;
    std::getline(fields, r.file, '\t');
    std::getline(fields, r.before, '\t');
    std::getline(fields, r.after, '\t');
    std::getline(fields, r.expected, '\t');
    rows.push_back(r);
  }
  return rows;
}

// The document evidence normalise would have: words of the source PDF.
const WordCounts& CountsFor(const std::string& file) {
  static std::map<std::string, WordCounts> cache;
  auto it = cache.find(file);
  if (it != cache.end()) return it->second;
  WordCounts& counts = cache[file];
  const fs::path pdf = fs::path(DIAR_SOURCE_DIR) / "corpus" / file;
  ExtractOptions options;
  options.ocr = OcrMode::kNever;
  Result<ExtractedDocument> doc = ExtractFile(pdf.string(), options);
  if (doc.ok()) {
    for (const ExtractedPage& page : doc->pages) {
      for (const TextLine& line : page.lines) counts.AddLine(line.text);
    }
  }
  return counts;
}

TEST(Dehyphenation, CorpusListReachesPrecision99AndRecall95) {
  const fs::path tsv = fs::path(DIAR_SOURCE_DIR) / "tests/data/dehyphenation.tsv";
  if (!fs::exists(tsv)) GTEST_SKIP() << tsv << " missing; run the corpus generator";
  const std::vector<Row> rows = ReadRows(tsv);
  ASSERT_FALSE(rows.empty());
  const std::string keep_file = std::string(DIAR_SOURCE_DIR) + "/dictionaries/hyphen_keep.txt";
  int true_join = 0, false_join = 0, missed_join = 0, wrong_keep = 0, right_keep = 0;
  for (const Row& r : rows) {
    HyphenEvidence evidence;
    evidence.lexicon = Lexicon::Get("/usr/share/hunspell/sv_SE");
    evidence.counts = &CountsFor(r.file);
    evidence.keep = &KeepList::Get(keep_file);
    std::string got = r.before;
    AppendLine(got, false, r.after, evidence);
    std::string stem = r.before;
    // The positive class: the expected text is the two parts without the
    // line-end hyphen or dash.
    const bool should_join =
        r.before.back() == '-' && r.expected == r.before.substr(0, r.before.size() - 1) + r.after;
    const bool joined =
        r.before.back() == '-' && got == r.before.substr(0, r.before.size() - 1) + r.after;
    if (should_join && joined) ++true_join;
    if (!should_join && joined) ++false_join;
    if (should_join && !joined) ++missed_join;
    if (!should_join && !joined) (got == r.expected ? ++right_keep : ++wrong_keep);
    EXPECT_EQ(got, r.expected) << "dehyphenation.tsv:" << r.line << ": " << r.file << ": \""
                               << r.before << "\" + \"" << r.after << "\"";
  }
  const double precision = true_join + false_join > 0
                               ? static_cast<double>(true_join) / (true_join + false_join)
                               : 1.0;
  const double recall = true_join + missed_join > 0
                            ? static_cast<double>(true_join) / (true_join + missed_join)
                            : 1.0;
  std::cout << std::fixed << std::setprecision(2) << "dehyphenation: " << rows.size()
            << " rows, joins " << true_join << " right / " << false_join << " wrong / "
            << missed_join << " missed; precision " << precision * 100 << " %, recall "
            << recall * 100 << " %; kept hyphens " << right_keep << " right / " << wrong_keep
            << " wrong\n";
  EXPECT_GE(precision, 0.99);
  EXPECT_GE(recall, 0.95);
}

}  // namespace
}  // namespace diar::normalise_internal
