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

#include <cstdint>
#include <functional>
#include <map>
#include <string_view>
#include <string>
#include <unordered_map>
#include <vector>

namespace diar::tag_internal {

class Lexicon {
 public:
  // Lets a std::string_view find a std::string key without a copy.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };

  // One list. Value formers run for every match and look words up in a few
  // lists many times: they take a List once (Lexicon::Get) rather than find
  // the list by name for every word.
  class List {
   public:
    // True when `form` (any case) is in the list.
    bool Contains(std::string_view form) const;
    // Contains for a form already as the list keys it (lower case, no white
    // space: a word the plan former lower-cased), without the scan that
    // decides whether it needs normalising.
    bool ContainsKey(std::string_view key) const {
      return MayHaveLength(key.size()) && values.find(key) != values.end();
    }
    // The value given for `form`, or "" (also when no value was given).
    std::string Value(std::string_view form) const;
    // The longest form that `lower_word` (already lower case, no spaces)
    // ends with; "" if none. For compounds: "utvecklingsstrategin" ends with
    // "strategin".
    std::string_view LongestSuffix(std::string_view lower_word) const;
    // The value given for that suffix; "" if none.
    std::string SuffixValue(std::string_view lower_word) const;
    // The forms as written, in file order.
    const std::vector<std::string>& Forms() const { return forms; }

   private:
    friend class Lexicon;
    // lower-cased form -> value
    std::unordered_map<std::string, std::string, Hash, std::equal_to<>> values;
    std::vector<std::string> forms;  // as written
    // Distinct key lengths, longest first, by the key's last two bytes
    // (key lengths of one byte under 0): LongestSuffix tries only the
    // lengths of forms that end like the word, not every length the list
    // has, which made it the tagger's most frequent hash lookup.
    std::unordered_map<std::uint16_t, std::vector<std::size_t>> lengths_by_end;
    std::vector<std::size_t> short_lengths;  // key lengths below two bytes
    // Cheap "certainly not" answers before any hashing: which key lengths
    // the list has, and (a Bloom-like bit per hashed pair) which last two
    // bytes its keys end in. Most words a former looks up are in no list.
    std::vector<bool> key_lengths;
    std::vector<bool> key_ends;
    bool MayHaveLength(std::size_t length) const {
      return length < key_lengths.size() && key_lengths[length];
    }
    // The list's normalised key for `form` in `*key`: `form` itself when it
    // is already lower case without white space (the common case: no
    // copy), else a lower-cased, space-folded copy in `*storage`. False
    // when the list has no key that long (then `*key` is unset).
    bool FindKey(std::string_view form, std::string* storage, std::string_view* key) const;
  };

  // A list found by name once per thread and Lexicon rather than at every
  // call, for value formers' hot paths:
  //   static thread_local Lexicon::CachedList heads("plan_heads");
  //   const Lexicon::List& list = heads.Get(lexicon);
  class CachedList {
   public:
    explicit CachedList(std::string_view name) : name_(name) {}
    const List& Get(const Lexicon& lexicon) {
      if (owner_ != lexicon.id_) {
        list_ = &lexicon.Get(name_);
        owner_ = lexicon.id_;
      }
      return *list_;
    }

   private:
    std::string_view name_;
    std::uint64_t owner_ = 0;
    const List* list_ = nullptr;
  };

  Lexicon() = default;
  // Not copied: CachedList keeps pointers into a Lexicon by its id.
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;
  Lexicon(Lexicon&&) = default;
  Lexicon& operator=(Lexicon&&) = default;

  // Loads every *.list file in `dir`; problems go to `errors` as file:line.
  void Load(const std::string& dir, std::vector<std::string>* errors);

  // List names and forms are views: value formers call these for every
  // match with literal list names, which must not cost an allocation.
  // Unique per Load: caches of values formed from the lists key on it.
  std::uint64_t id() const { return id_; }
  bool HasList(std::string_view list) const { return lists_.find(list) != lists_.end(); }
  // The list `name`; an empty list when there is none (Tagger::Load reports
  // a missing list a used value former needs).
  const List& Get(std::string_view name) const;
  // As the List functions, for the list named `list`.
  bool Contains(std::string_view list, std::string_view form) const {
    return Get(list).Contains(form);
  }
  std::string Value(std::string_view list, std::string_view form) const {
    return Get(list).Value(form);
  }
  std::string_view LongestSuffix(std::string_view list, std::string_view lower_word) const {
    return Get(list).LongestSuffix(lower_word);
  }
  std::string SuffixValue(std::string_view list, std::string_view lower_word) const {
    return Get(list).SuffixValue(lower_word);
  }
  // RE2 alternation "(?:a|b|...)" of the list's forms, spaces as \s+.
  std::string Alternation(std::string_view list) const;
  // All list names, for macro expansion.
  std::vector<std::string> Names() const;

 private:
  // By name.
  std::unordered_map<std::string, List, Hash, std::equal_to<>> lists_;
  std::uint64_t id_ = 0;  // unique per Load, for CachedList
};

}  // namespace diar::tag_internal

#endif  // DIAR_PIPELINE_TAG_LEXICON_H_
