// Issue 16: a PatternSet (pipeline/classify/pattern_set.h) answers which of
// its patterns match a text exactly as asking each pattern would, for the
// project's site-chrome and structure-cue patterns on the development texts,
// also when its automaton cannot be built.
#include "pipeline/classify/pattern_set.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline/data_file/data_file.h"

namespace diar::classify_internal {
namespace {

// The patterns of column `column` of a dictionary file.
std::vector<std::string> Patterns(const std::string& file, const std::vector<std::string>& columns,
                                  std::size_t column) {
  std::vector<std::string> errors;
  std::vector<std::string> patterns;
  for (const DataLine& row : ReadTable(std::string(DIAR_SOURCE_DIR) + "/dictionaries/" + file, columns, &errors)) {
    patterns.push_back(row.fields[column]);
  }
  EXPECT_TRUE(errors.empty()) << errors.front();
  return patterns;
}

// The development texts, whole.
std::vector<std::string> Texts() {
  std::vector<std::string> texts;
  for (const auto& e : std::filesystem::directory_iterator(std::string(DIAR_SOURCE_DIR) + "/tests/devset")) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path());
    std::ostringstream text;
    text << in.rdbuf();
    texts.push_back(text.str());
  }
  EXPECT_GE(texts.size(), 50u);
  return texts;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Which patterns match, one at a time.
std::vector<int> OneByOne(const PatternSet& set, const std::string& text) {
  std::vector<int> matching;
  for (std::size_t i = 0; i < set.size(); ++i) {
    if (RE2::PartialMatch(text, set.pattern(i))) matching.push_back(static_cast<int>(i));
  }
  return matching;
}

PatternSet SetOf(const std::vector<std::string>& patterns, const RE2::Options& options) {
  PatternSet set(options);
  for (const std::string& pattern : patterns) {
    std::string error;
    EXPECT_GE(set.Add(pattern, &error), 0) << pattern << ": " << error;
  }
  return set;
}

void ExpectSameAsOneByOne(const PatternSet& set, const std::vector<std::string>& texts) {
  std::vector<int> matching;
  for (const std::string& text : texts) {
    set.Matching(text, &matching);
    const std::vector<int> expected = OneByOne(set, text);
    ASSERT_EQ(matching, expected) << "text: " << text.substr(0, 200);
    ASSERT_EQ(set.Any(text), !expected.empty()) << "text: " << text.substr(0, 200);
  }
}

TEST(PatternSet, FindsTheSiteChromeEachPatternFindsLineByLine) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(false);
  const PatternSet set = SetOf(Patterns("page_lines.tsv", {"kind", "pattern"}, 1), options);
  for (const std::string& text : Texts()) ExpectSameAsOneByOne(set, Lines(text));
}

TEST(PatternSet, FindsTheStructureCuesEachPatternFindsInWholeTexts) {
  RE2::Options options;
  options.set_log_errors(false);
  const PatternSet set =
      SetOf(Patterns("doc_type_cues.tsv", {"type", "points", "where", "pattern"}, 3), options);
  ExpectSameAsOneByOne(set, Texts());
}

TEST(PatternSet, AsksEachPatternWhenItsAutomatonRunsOutOfMemory) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(1 << 16);  // too little for the set's DFA on these texts
  const PatternSet set =
      SetOf(Patterns("doc_type_cues.tsv", {"type", "points", "where", "pattern"}, 3), options);
  ExpectSameAsOneByOne(set, Texts());
}

TEST(PatternSet, ReportsAPatternThatDoesNotCompile) {
  RE2::Options options;
  options.set_log_errors(false);
  PatternSet set(options);
  std::string error;
  EXPECT_EQ(set.Add("(unclosed", &error), -1);
  EXPECT_NE(error, "");
  EXPECT_EQ(set.Add("closed", &error), 0);
}

}  // namespace
}  // namespace diar::classify_internal
