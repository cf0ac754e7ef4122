// PatternSet: the patterns of a dictionary file asked together which of
// them match a text. Private to pipeline/classify.
//
// RE2::Set finds every pattern that matches in one pass of one automaton,
// where asking each pattern in turn reads the text once per pattern: the
// 55 site-chrome patterns of page_lines.tsv for every opening line, the 36
// structure cues of doc_type_cues.tsv over a whole text. Should the set's
// automaton run out of memory on some text, the patterns are asked one by
// one, so the answer never depends on it.
//
// The set is built at the first question, not at load: building it costs
// as much as compiling each pattern again (15 M instructions for the cues,
// 8 M for page_lines.tsv), and a process that never asks (the type of
// every long plan is found in a label line, before any cue) never pays.
// Fewer than kMinPatternsForSet patterns are asked one by one: there one
// match through the set costs more than the few searches.
#ifndef DIAR_PIPELINE_CLASSIFY_PATTERN_SET_H_
#define DIAR_PIPELINE_CLASSIFY_PATTERN_SET_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <cstddef>
#include <memory>
#include <mutex>
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
  // in `error` when it does not compile. Every Add comes before the first
  // Any or Matching.
  int Add(const std::string& pattern, std::string* error);

  std::size_t size() const { return patterns_.size(); }
  const re2::RE2& pattern(std::size_t i) const { return *patterns_[i]; }

  // True when some pattern matches in `text`. Thread-safe.
  bool Any(std::string_view text) const;
  // Into `indexes` (cleared first), in increasing order: every pattern that
  // matches in `text`. Thread-safe.
  void Matching(std::string_view text, std::vector<int>* indexes) const;

 private:
  // Measured on page_lines.tsv: its 2 attachment patterns on 550 lines
  // took 0.7 M instructions one by one, 2.4 M through a set.
  static constexpr std::size_t kMinPatternsForSet = 8;

  struct Automaton {
    std::once_flag built;
    std::unique_ptr<RE2::Set> set;  // null: too few patterns, or it could not be built
  };
  // The set, built at the first call.
  const RE2::Set* Set() const;

  RE2::Options options_;
  std::vector<std::unique_ptr<re2::RE2>> patterns_;
  std::unique_ptr<Automaton> automaton_ = std::make_unique<Automaton>();
};

}  // namespace diar::classify_internal

#endif  // DIAR_PIPELINE_CLASSIFY_PATTERN_SET_H_
