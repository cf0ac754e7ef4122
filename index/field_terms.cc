#include "index/field_terms.h"

#include <unicode/unistr.h>

#include "index/record.h"
#include "index/schema.h"
#include "index/synonyms.h"

namespace diar {
namespace {

// Swedish genitive: "Regionstyrelsens" -> "Regionstyrelsen", "EU:s" -> "EU".
std::string WithoutPossessive(const std::string& s) {
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ":s") == 0) return s.substr(0, s.size() - 2);
  if (s.size() > 1 && (s.back() == 's' || s.back() == 'S')) return s.substr(0, s.size() - 1);
  return s;
}

// "västmanlands län" -> "västmanland": the county facet also takes the
// name stem a user is likely to type ("län:Västmanland").
std::string CountyStem(const std::string& folded) {
  static const std::string kLan = " l\u00e4n";
  std::string s = folded;
  if (s.size() > kLan.size() && s.compare(s.size() - kLan.size(), kLan.size(), kLan) == 0) {
    s.resize(s.size() - kLan.size());
  }
  return WithoutPossessive(s);
}

}  // namespace

std::string FoldCase(const std::string& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  u.foldCase();
  std::string out;
  return u.toUTF8String(out);
}

const FieldTermIndex::Map& FieldTermIndex::ForPrefix(const std::string& prefix) {
  auto [it, inserted] = by_prefix_.try_emplace(prefix);
  if (!inserted) return it->second;
  Map& map = it->second;
  const bool county = prefix == schema::kCounty;
  for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t) {
    const std::string term = *t;
    const std::string folded = FoldCase(term.substr(prefix.size()));
    map[folded].push_back(term);
    if (county) {
      const std::string stem = CountyStem(folded);
      if (stem != folded) map[stem].push_back(term);
    }
  }
  return map;
}

std::set<std::string> FieldTermIndex::Lookup(const std::string& prefix, const std::string& value) {
  std::set<std::string> terms;
  const Map& map = ForPrefix(prefix);
  for (const std::string& want : {FoldCase(value), FoldCase(WithoutPossessive(value))}) {
    auto it = map.find(want);
    if (it != map.end()) terms.insert(it->second.begin(), it->second.end());
  }
  if (prefix == schema::kBody) {
    for (const std::string& key : {SynonymKey(value), SynonymKey(WithoutPossessive(value))}) {
      for (auto it = db_.synonyms_begin(key); it != db_.synonyms_end(key); ++it) {
        if ((*it).rfind(prefix, 0) == 0 && db_.term_exists(*it)) terms.insert(*it);
      }
    }
  }
  return terms;
}

Xapian::Query FacetFieldProcessor::operator()(const std::string& value) {
  const std::set<std::string> terms = index_->Lookup(prefix_, value);
  if (terms.empty()) return Xapian::Query(PrefixedTerm(prefix_, value));  // matches nothing
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace diar
