// field_terms: which facet terms a query's field value means ("organ:SKR",
// "län:Västmanland", "typ:Protokoll"). Private to index/.
//
// A value matches a stored canonical value without regard to case, with or
// without å/ä/ö ("tjansteskrivelse") and with or without a possessive -s; a
// county also by its name without " län"; a body also by any name the
// synonyms know for it. A body, plan or issuer value also matches every
// value containing all its words ("organ:tyresö" -> "Tyresö kommun",
// "Kommunstyrelsen i Tyresö kommun"): a facet-term expansion. A value that matches nothing
// leaves a note naming the nearest known value, or the known values when
// there are few. Matching folds the case of
// every stored value of the prefix, so FieldTermIndex does that once per
// prefix and keeps the folded value -> terms map until the database changes
// (Clear() on reopen), instead of once per query: the dnr prefix alone has a
// term per document (4,839 ICU case folds a query at 100,000 pages).
#ifndef DIAR_INDEX_FIELD_TERMS_H_
#define DIAR_INDEX_FIELD_TERMS_H_

#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace diar {

// Unicode case folding ("Västmanlands LÄN" -> "västmanlands län").
std::string FoldCase(const std::string& s);

// Folded value -> facet terms, per prefix, built on first use. Not thread
// safe (one per Searcher, as the Searcher).
class FieldTermIndex {
 public:
  explicit FieldTermIndex(const Xapian::Database& db) : db_(db) {}

  // The terms of `prefix` that `value` means; empty when none.
  std::set<std::string> Lookup(const std::string& prefix, const std::string& value);

  // "field: no value 'x'; did you mean 'y'?" for a value that matched
  // nothing (`field` as typed).
  std::string Unmatched(const std::string& field, const std::string& prefix,
                        const std::string& value);

  // Notes left by field processors during the last parse; the searcher
  // clears them before each.
  std::vector<std::string>& notes() { return notes_; }

  // Forgets every map; call when the database was reopened.
  void Clear() { by_prefix_.clear(); by_word_.clear(); }

 private:
  using Map = std::map<std::string, std::vector<std::string>>;
  const Map& ForPrefix(const std::string& prefix);
  // Folded word -> terms of `prefix` whose value has that word.
  const Map& WordsOf(const std::string& prefix);

  Xapian::Database db_;  // shares the Searcher's database, reopened with it
  std::map<std::string, Map> by_prefix_;
  std::map<std::string, Map> by_word_;
  std::vector<std::string> notes_;
};

// The query parser's handler for a facet field: the OR of the terms
// `index` finds for the value, or a term matching nothing. `index` must
// outlive the parser it is added to.
class FacetFieldProcessor : public Xapian::FieldProcessor {
 public:
  // `field`: the name as the user types it, for notes.
  FacetFieldProcessor(FieldTermIndex* index, std::string field, std::string prefix)
      : index_(index), field_(std::move(field)), prefix_(std::move(prefix)) {}
  Xapian::Query operator()(const std::string& value) override;

 private:
  FieldTermIndex* index_;
  std::string field_;
  std::string prefix_;
};

// The query parser's handler for dnr:. The canonical value as for any facet,
// or any number with the same key or beginning with it (dnr_key.h), so
// "dnr:ks2022-0092-106" and "dnr:2022-0092" find "KS 2022-0092-106".
class DnrFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit DnrFieldProcessor(FieldTermIndex* index) : index_(index) {}
  Xapian::Query operator()(const std::string& value) override;

 private:
  FieldTermIndex* index_;
};

}  // namespace diar

#endif  // DIAR_INDEX_FIELD_TERMS_H_
