// facets: counting facet values over a whole matching set. Private to index/.
//
// Each document keeps all its facet terms in one value slot
// (schema::kSlotFacets: "XBRegion Västmanland\0XY2021\0..."). A MatchSpy
// reads that slot for every matching document while the match runs, so
// counts cost one value read per matching document and come in the same
// pass as the ranked hits; a document with five bodies adds one to each of
// the five. (The earlier way — every facet term's posting list intersected
// with the match set — cost the same for a query matching ten documents as
// for one matching all of them, and a second pass.)
#ifndef DIAR_INDEX_FACETS_H_
#define DIAR_INDEX_FACETS_H_

#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "index/searcher.h"

namespace diar {

// The slot value for a document's facet terms.
std::string EncodeFacetTerms(const std::set<std::string>& terms);

class FacetSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double weight) override;

  // Counts per facet name ("body", ...), each list by count descending, then
  // by value.
  std::map<std::string, std::vector<FacetCount>> Counts() const;

  Xapian::doccount documents() const { return documents_; }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, int, Hash, std::equal_to<>> counts_;
  Xapian::doccount documents_ = 0;
};

}  // namespace diar

#endif  // DIAR_INDEX_FACETS_H_
