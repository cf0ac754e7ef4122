// Word lists the rules and value formers share: month names, season words,
// dnr labels and series prefixes, organ and plan head words, stop lists.
//
// Each list is one file dictionaries/<name>.list: a `#` header comment saying
// what the list is for, then one form per line, optionally a tab and a value
// (`mars<TAB>03`). Forms are compared case-insensitively (Swedish rules); a
// form given twice is an error. Rules use a list as the macro {{name}}, which
// expands to an alternation of its forms, longest first (RE2 prefers the
// first alternative that matches, so "september" must come before "sep").
#ifndef DIAR_PIPELINE_TAG_LEXICON_H_
#define DIAR_PIPELINE_TAG_LEXICON_H_

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace diar::tag_internal {

class Lexicon {
 public:
  // Loads every *.list file in `dir`; problems go to `errors` as file:line.
  void Load(const std::string& dir, std::vector<std::string>* errors);

  bool HasList(const std::string& list) const { return lists_.count(list) != 0; }
  // True when `form` (any case) is in `list`.
  bool Contains(const std::string& list, const std::string& form) const;
  // The value given for `form` in `list`, or "" (also when no value was given).
  std::string Value(const std::string& list, const std::string& form) const;
  // RE2 alternation "(?:a|b|...)" of the list's forms, spaces as \s+.
  std::string Alternation(const std::string& list) const;
  // The longest form of `list` that `lower_word` (already lower case, no
  // spaces) ends with; "" if none. For compounds: "utvecklingsstrategin"
  // ends with "strategin". Tries only the form lengths the list has.
  std::string_view LongestSuffix(const std::string& list, std::string_view lower_word) const;
  // The value given for that suffix; "" if none.
  std::string SuffixValue(const std::string& list, std::string_view lower_word) const;
  // All list names, for macro expansion.
  std::vector<std::string> Names() const;

 private:
  struct List {
    std::unordered_map<std::string, std::string> values;  // lower-cased form -> value
    std::vector<std::string> forms;                       // as written
    std::vector<std::size_t> lengths;  // distinct key lengths, longest first
  };
  std::map<std::string, List> lists_;
};

}  // namespace diar::tag_internal

#endif  // DIAR_PIPELINE_TAG_LEXICON_H_
