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

#include <functional>
#include <map>
#include <string_view>
#include <string>
#include <unordered_map>
#include <vector>

namespace diar::tag_internal {

class Lexicon {
 public:
  // Loads every *.list file in `dir`; problems go to `errors` as file:line.
  void Load(const std::string& dir, std::vector<std::string>* errors);

  // List names and forms are views: value formers call these for every
  // match with literal list names, which must not cost an allocation.
  bool HasList(std::string_view list) const { return lists_.find(list) != lists_.end(); }
  // True when `form` (any case) is in `list`.
  bool Contains(std::string_view list, std::string_view form) const;
  // The value given for `form` in `list`, or "" (also when no value was given).
  std::string Value(std::string_view list, std::string_view form) const;
  // RE2 alternation "(?:a|b|...)" of the list's forms, spaces as \s+.
  std::string Alternation(std::string_view list) const;
  // The longest form of `list` that `lower_word` (already lower case, no
  // spaces) ends with; "" if none. For compounds: "utvecklingsstrategin"
  // ends with "strategin". Tries only the form lengths the list has.
  std::string_view LongestSuffix(std::string_view list, std::string_view lower_word) const;
  // The value given for that suffix; "" if none.
  std::string SuffixValue(std::string_view list, std::string_view lower_word) const;
  // All list names, for macro expansion.
  std::vector<std::string> Names() const;

 private:
  // Lets a std::string_view find a std::string key without a copy.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  struct List {
    // lower-cased form -> value
    std::unordered_map<std::string, std::string, Hash, std::equal_to<>> values;
    std::vector<std::string> forms;                       // as written
    std::vector<std::size_t> lengths;  // distinct key lengths, longest first
  };
  // The list's normalised key for `form`: `form` itself when it is already
  // lower case without white space (the common case: no copy), else a
  // lower-cased, space-folded copy in `*storage`.
  static std::string_view Key(std::string_view form, std::string* storage);
  // By name; hashed, since formers look a list up by name on every match.
  std::unordered_map<std::string, List, Hash, std::equal_to<>> lists_;
};

}  // namespace diar::tag_internal

#endif  // DIAR_PIPELINE_TAG_LEXICON_H_
