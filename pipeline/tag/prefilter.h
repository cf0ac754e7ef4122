// Prefilter: one pass of the atom scanner (atom_scanner.h) over a text for
// both the rules and the gazetteer, telling each where it can match.
//
//   Prefilter prefilter;
//   prefilter.Build(rules, gazetteer, &errors);
//   Prefilter::Hits hits;
//   prefilter.Scan(text, &hits);
//   rules.Scan(text, hits.rule_atoms, sink);
//   gazetteer.Scan(text, hits.name_starts, sink);
#ifndef DIAR_PIPELINE_TAG_PREFILTER_H_
#define DIAR_PIPELINE_TAG_PREFILTER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/tag/atom_scanner.h"
#include "pipeline/tag/gazetteer.h"
#include "pipeline/tag/rule_set.h"

namespace diar::tag_internal {

class Prefilter {
 public:
  struct Hits {
    // Per rule (RuleSet order), where its atoms begin, sorted.
    std::vector<std::vector<std::size_t>> rule_atoms;
    // Where a gazetteer name may begin, sorted.
    std::vector<std::size_t> name_starts;
  };

  // A problem (too many atoms) goes to `errors`.
  void Build(const RuleSet& rules, const Gazetteer& gazetteer, std::vector<std::string>* errors);

  void Scan(std::string_view text, Hits* hits) const;

 private:
  AtomScanner scanner_;
  std::vector<int> owner_;  // atom -> rule index, or -1 for the gazetteer
  std::size_t rules_ = 0;
};

}  // namespace diar::tag_internal

#endif  // DIAR_PIPELINE_TAG_PREFILTER_H_
