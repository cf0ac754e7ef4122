// PatternSet: the patterns of a dictionary file asked together which of
// them match a text. Private to pipeline/classify.
//
// RE2::Set finds every pattern that matches in one pass of one automaton,
// where asking each pattern in turn reads the text once per pattern: the
// 55 site-chrome patterns of page_lines.tsv for every opening line, the 36
// structure cues of doc_type_cues.tsv over a whole text. Should the set's
// automaton run out of memory on some text, the patterns are asked one by
// one, so the answer never depends on it.
#ifndef DIAR_PIPELINE_CLASSIFY_PATTERN_SET_H_
#define DIAR_PIPELINE_CLASSIFY_PATTERN_SET_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace diar::classify_internal {

class PatternSet {
 public:
  // Every pattern is compiled with `options` and searched for anywhere in
  // a text (RE2::PartialMatch).
  explicit PatternSet(const RE2::Options& options);

  // Adds `pattern`; returns its index (0, 1, ...), or -1 with RE2's message
  // in `error` when it does not compile.
  int Add(const std::string& pattern, std::string* error);

  // Readies the set for matching: after the last Add, before the first
  // Any or Matching. Matching works without it, pattern by pattern.
  void Compile();

  std::size_t size() const { return patterns_.size(); }
  const re2::RE2& pattern(std::size_t i) const { return *patterns_[i]; }

  // True when some pattern matches in `text`.
  bool Any(std::string_view text) const;
  // Into `indexes` (cleared first), in increasing order: every pattern that
  // matches in `text`.
  void Matching(std::string_view text, std::vector<int>* indexes) const;

 private:
  RE2::Options options_;
  std::vector<std::unique_ptr<re2::RE2>> patterns_;
  std::unique_ptr<RE2::Set> set_;  // null until compiled, or when it failed to
};

}  // namespace diar::classify_internal

#endif  // DIAR_PIPELINE_CLASSIFY_PATTERN_SET_H_
