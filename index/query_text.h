// query_text: what the searcher does to a query string before Xapian's
// QueryParser sees it. Private to index/.
//
// - OCH, ELLER and INTE, in capitals and outside quotes, become AND, OR and
//   NOT (Swedish officials write Swedish operators; in lower case they stay
//   words, "och" a stopword).
// - A free-text number that reads like a dnr (LooksLikeDnr), with an
//   upper-case series before it ("KS 2022/0092-106"), is taken out: the
//   searcher matches it by its dnr key (dnr_key.h) as well as by its words.
// - A `name:value` whose name is no known field is reported, so the user
//   hears about it instead of getting the words "name" and "value".
// - A field's value typed without quotes over several words
//   ("län:västra götaland", "utfärdare:region västmanland") takes the words
//   after it as far as they make a value the index holds (`has_value`):
//   the user meant län:"västra götaland", not län:västra and a free word.
//
// Pure functions; thread safe.
#ifndef DIAR_INDEX_QUERY_TEXT_H_
#define DIAR_INDEX_QUERY_TEXT_H_

#include <functional>
#include <string>
#include <vector>

namespace diar {

struct PreparedQuery {
  std::string text;               // for QueryParser: operators translated, dnr spans removed
  std::vector<std::string> dnrs;  // the dnr spans taken out, as typed
  std::string unknown_field;      // the first `name:` that is no field, as typed; empty if none
};

// `is_field(name)` says whether a field name (as typed, before the ':') is
// one the parser knows; `has_value(name, value)` whether the index holds
// that value of that field (null: never join words to a value).
using HasFieldValue = std::function<bool(const std::string& name, const std::string& value)>;
PreparedQuery PrepareQuery(const std::string& query, bool (*is_field)(const std::string&),
                           const HasFieldValue& has_value = nullptr);

// The words of `typed` that `corrected` (the spelling data's correction of
// it) changes, as typed; empty when the two differ in number of words.
std::vector<std::string> CorrectedWords(const std::string& typed, const std::string& corrected);

// Whether a word typed may be searched as its correction: a typo of a
// longer word (five letters or more), not a short word or an acronym in
// capitals, whose neighbours one letter away are other words ("BUN" is no
// "gun").
bool CorrectableWord(const std::string& word);

// Whether a correction of `typed` to `corrected` may be offered ("Did you
// mean"): each word it changes has four characters or more. A word of three
// has too many neighbours one edit away for the nearest to be a guess
// ("BUN" is no "gun"); "SKRR" for "SKR" is.
bool OfferableCorrection(const std::string& typed, const std::string& corrected);

// "Ämne" -> "amne": lower case without the Swedish diacritics (å ä -> a,
// ö -> o, é -> e), for matching field names and values typed either way.
std::string FoldSwedish(const std::string& text);

// The edit distance of two strings in code points (Levenshtein), capped:
// anything above `cap` returns cap + 1.
std::size_t EditDistance(const std::string& a, const std::string& b, std::size_t cap);

}  // namespace diar

#endif  // DIAR_INDEX_QUERY_TEXT_H_
