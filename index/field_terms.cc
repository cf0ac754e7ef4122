#include "index/field_terms.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <iterator>

#include "index/dnr_key.h"
#include "index/query_text.h"
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
  static const std::string kLan = " lan";  // folded "län"
  std::string s = folded;
  if (s.size() > kLan.size() && s.compare(s.size() - kLan.size(), kLan.size(), kLan) == 0) {
    s.resize(s.size() - kLan.size());
  }
  return WithoutPossessive(s);
}

// Words of a folded value: runs of letters and digits.
std::vector<std::string> Words(const std::string& folded) {
  std::vector<std::string> words;
  std::string word;
  for (char c : folded) {
    const bool part = (static_cast<unsigned char>(c) >= 0x80) || std::isalnum(static_cast<unsigned char>(c));
    if (part) {
      word.push_back(c);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
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
    const std::string folded = FoldSwedish(term.substr(prefix.size()));
    map[folded].push_back(term);
    if (county) {
      const std::string stem = CountyStem(folded);
      if (stem != folded) map[stem].push_back(term);
    }
  }
  return map;
}

const FieldTermIndex::Map& FieldTermIndex::WordsOf(const std::string& prefix) {
  auto [it, inserted] = by_word_.try_emplace(prefix);
  if (!inserted) return it->second;
  for (const auto& [folded, terms] : ForPrefix(prefix)) {
    for (const std::string& word : Words(folded)) {
      std::vector<std::string>& list = it->second[word];
      list.insert(list.end(), terms.begin(), terms.end());
    }
  }
  return it->second;
}

std::set<std::string> FieldTermIndex::Lookup(const std::string& prefix, const std::string& value) {
  std::set<std::string> terms;
  const Map& map = ForPrefix(prefix);
  std::vector<std::string> wants = {FoldSwedish(value), FoldSwedish(WithoutPossessive(value))};
  // "västra götaland län", as typed without its genitive.
  if (prefix == schema::kCounty) wants.push_back(CountyStem(wants.front()));
  for (const std::string& want : wants) {
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
  const bool by_words = prefix == schema::kBody || prefix == schema::kPlan || prefix == schema::kIssuer;
  if (by_words) {
    // Every value holding all the words: the intersection of their lists.
    const Map& words = WordsOf(prefix);
    std::set<std::string> with_all;
    bool first = true;
    for (const std::string& word : Words(FoldSwedish(value))) {
      std::set<std::string> with_word;
      for (const std::string& w : {word, WithoutPossessive(word)}) {
        if (auto it = words.find(w); it != words.end()) with_word.insert(it->second.begin(), it->second.end());
      }
      if (first) {
        with_all = std::move(with_word);
        first = false;
      } else {
        std::set<std::string> both;
        std::set_intersection(with_all.begin(), with_all.end(), with_word.begin(), with_word.end(),
                              std::inserter(both, both.end()));
        with_all = std::move(both);
      }
      if (with_all.empty()) break;
    }
    terms.insert(with_all.begin(), with_all.end());
  }
  return terms;
}

std::string FieldTermIndex::Unmatched(const std::string& field, const std::string& prefix,
                                      const std::string& value) {
  const Map& map = ForPrefix(prefix);
  const std::string folded = FoldSwedish(value);
  // A typo of a few letters: up to a quarter of the value, at least 2.
  const std::size_t cap = std::max<std::size_t>(2, folded.size() / 4);
  std::size_t best = cap + 1;
  std::string nearest;
  for (const auto& [key, terms] : map) {
    const std::size_t d = EditDistance(folded, key, cap);
    if (d < best) {
      best = d;
      nearest = terms.front().substr(prefix.size());
    }
  }
  std::string note = field + ": no value '" + value + "' in the index";
  if (!nearest.empty()) return note + "; did you mean '" + nearest + "'?";
  if (map.empty()) return note + " (no document has this field)";
  // Few values: list them; many: say where to see them.
  constexpr std::size_t kListAtMost = 12;
  if (map.size() <= kListAtMost) {
    std::string known;
    for (const auto& [key, terms] : map) {
      known += (known.empty() ? "" : ", ") + terms.front().substr(prefix.size());
    }
    return note + "; known values: " + known;
  }
  return note + "; " + std::to_string(map.size()) + " values are known, see `diar search --facets`";
}

Xapian::Query FacetFieldProcessor::operator()(const std::string& value) {
  const std::set<std::string> terms = index_->Lookup(prefix_, value);
  if (terms.empty()) {
    index_->notes().push_back(index_->Unmatched(field_, prefix_, value));
    return Xapian::Query(PrefixedTerm(prefix_, value));  // matches nothing
  }
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query DnrFieldProcessor::operator()(const std::string& value) {
  const std::set<std::string> terms = index_->Lookup(std::string(schema::kDnr), value);
  Xapian::Query by_key = DnrKeyQuery(value);
  if (terms.empty()) return by_key;
  return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                       by_key);
}

}  // namespace diar
