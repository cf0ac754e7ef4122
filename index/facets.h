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
//
// Splitting the slot and hashing each term was still 77 % of a query
// matching every document (~100 terms a document: its dnr, issuer, and up
// to 80 bodies for 40 pages). The slot of a document does not change until
// the database does, so FacetTermCache keeps each document's terms as small
// ids, filled the first time a document is counted and dropped on reopen; a
// count is then one integer increment per term.
#ifndef DIAR_INDEX_FACETS_H_
#define DIAR_INDEX_FACETS_H_

#include <xapian.h>

#include <cstdint>
#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "index/searcher.h"

namespace diar {

// The slot value for a document's facet terms.
std::string EncodeFacetTerms(const std::set<std::string>& terms);

// Each counted document's facet terms, as ids into one term table, by docid.
// Memory: 4 bytes per facet term of each document counted, plus 8 per docid
// (≈ 2 MB for the 4,839 documents of 100,000 pages). Not thread safe (one
// per Searcher, as the Searcher).
class FacetTermCache {
 public:
  static constexpr std::uint8_t kNoField = UINT8_MAX;

  // Ids of the facet terms of `doc` (read from schema::kSlotFacets the first
  // time), valid until the next call. Of terms equal but for the case of
  // their value, only the first the document has is listed: a document
  // counts once per value.
  std::span<const std::uint32_t> TermsOf(const Xapian::Document& doc);
  const std::string& Term(std::uint32_t id) const { return terms_[id]; }
  // Terms equal but for the case of their value share a group id.
  std::uint32_t Group(std::uint32_t id) const { return group_of_[id]; }
  // Index of the term's facet in FacetFields(), or kNoField.
  std::uint8_t Field(std::uint32_t id) const { return field_of_[id]; }
  std::size_t size() const { return terms_.size(); }
  std::size_t groups() const { return groups_.size(); }
  // Forgets everything; call when the database was reopened.
  void Clear();

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  static constexpr std::uint32_t kUnknown = UINT32_MAX;
  struct Span {
    std::uint32_t begin = 0;
    std::uint32_t size = kUnknown;  // not read yet
  };
  std::vector<std::string> terms_;
  std::vector<std::uint32_t> group_of_;  // by term id
  std::vector<std::uint8_t> field_of_;   // by term id
  std::unordered_map<std::string, std::uint32_t> groups_;  // case-folded term -> group id
  std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> ids_;
  std::vector<std::uint32_t> doc_terms_;  // every cached document's ids, back to back
  std::vector<Span> by_doc_;              // docid -> its part of doc_terms_
  std::vector<Xapian::docid> group_seen_;  // by group id: the last document read
};

// Facet counts as results carry them: per facet name ("body", ...) its
// values by count descending, then by value, at most a limit of them, and
// how many values the limit left out.
struct FacetCounts {
  std::map<std::string, std::vector<FacetCount>> shown;
  std::map<std::string, int> more;  // only facets that left values out
};

class FacetSpy : public Xapian::MatchSpy {
 public:
  // `cache` must outlive the spy.
  explicit FacetSpy(FacetTermCache* cache) : cache_(cache) {}

  // One increment per facet term of the document: its terms come from the
  // cache as ids, so nothing is split, hashed or compared while the match
  // runs.
  void operator()(const Xapian::Document& doc, double weight) override;

  // The counts, at most `limit` values per facet (0: all). Values equal but
  // for case are one value, shown in the casing most documents have (a
  // document having two casings counts for the first). Only the values
  // shown are sorted and copied: the dnr facet has a value per document.
  FacetCounts Counts(int limit) const;

  Xapian::doccount documents() const { return documents_; }

 private:
  FacetTermCache* cache_;
  std::vector<int> counts_;  // by term id
  Xapian::doccount documents_ = 0;
};

// The same counts from Xapian's ValueCountMatchSpy on schema::kSlotFacets.
// A custom MatchSpy cannot run inside xapian-tcpsrv (it knows only Xapian's
// own), so over remote shards the searcher counts this way: each distinct
// slot value is one set of terms, and a term's count is the sum over the
// sets that hold it — exactly what FacetSpy counts.
FacetCounts FacetCountsOfSlotValues(const Xapian::ValueCountMatchSpy& spy, int limit);

}  // namespace diar

#endif  // DIAR_INDEX_FACETS_H_
