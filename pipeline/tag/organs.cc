#include "pipeline/tag/organs.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "pipeline/tag/gazetteer.h"
#include "pipeline/tag/text_util.h"
#include "pipeline/tag/value_cache.h"
#include "pipeline/tag/values.h"

namespace diar::tag_internal {
namespace {

// The lists the organ former reads, found once per thread.
enum OrganListId { kAdjectives, kHeads, kHeadsDefinite, kStop };
const Lexicon::List& OrganList(const Lexicon& lexicon, OrganListId which) {
  static thread_local Lexicon::CachedList lists[] = {
      Lexicon::CachedList("organ_adjectives"), Lexicon::CachedList("organ_heads"),
      Lexicon::CachedList("organ_heads_definite"), Lexicon::CachedList("organ_stop")};
  return lists[which].Get(lexicon);
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// An attributive adjective in its definite form ("regional" -> "regionala",
// "regionalt" -> "regionala", "strategisk" -> "strategiska"). Words that are
// already definite, or not adjectives of these regular classes, are kept.
std::string DefiniteAdjective(const std::string& word, const Lexicon& lexicon) {
  const std::string irregular = OrganList(lexicon, kAdjectives).Value(word);
  if (!irregular.empty()) return irregular;
  for (const char* stem_end : {"al", "isk", "ell", "iv", "är", "ig"}) {
    const std::string t = std::string(stem_end) + "t";
    if (EndsWith(word, t)) return word.substr(0, word.size() - 1) + "a";
    if (EndsWith(word, stem_end)) return word + "a";
  }
  return word;
}

// An organ's name in one casing whatever the text's (a heading's "Miljö- och
// Byggnadsnämnden", "KULTURNÄMNDEN"): its words are common nouns and
// adjectives, so the name is in sentence case; an acronym before a hyphen
// stays ("IT-nämnden").
std::string SentenceCase(const std::string& name) {
  std::string out;
  std::size_t part = 0;
  for (std::size_t i = 0; i <= name.size(); ++i) {
    if (i < name.size() && name[i] != ' ' && name[i] != '-') continue;
    const std::string_view piece = std::string_view(name).substr(part, i - part);
    const bool acronym = i < name.size() && name[i] == '-' && !piece.empty() &&
                         CodePoints(piece) <= 3 && !HasLower(piece);
    out += acronym ? std::string(piece) : Lower(piece);
    if (i < name.size()) out += name[i];
    part = i + 1;
  }
  return CapitaliseFirst(out);
}

}  // namespace

std::string StripGenitive(std::string_view word) {
  if (word.size() > 3 && word.back() == 's') return std::string(word.substr(0, word.size() - 1));
  return std::string(word);
}

std::string DefiniteOrganName(std::string_view name, const Lexicon& lexicon) {
  std::vector<std::string> words = Words(FoldSpace(name));
  if (words.empty()) return std::string();
  const std::string last = Lower(words.back());
  std::string head_definite;
  // Try the word as written, then without a genitive s (as StripGenitive).
  const std::string_view without_s =
      last.size() > 3 && last.back() == 's' ? std::string_view(last).substr(0, last.size() - 1)
                                            : std::string_view(last);
  for (const std::string_view candidate : {std::string_view(last), without_s}) {
    // The longest head ending wins ("förvaltning" before a shorter head).
    const std::string_view base = OrganList(lexicon, kHeads).LongestSuffix(candidate);
    const std::string_view definite = OrganList(lexicon, kHeadsDefinite).LongestSuffix(candidate);
    if (!definite.empty() && definite.size() >= base.size()) {
      head_definite = candidate;
      break;
    }
    if (!base.empty()) {
      head_definite = std::string(candidate.substr(0, candidate.size() - base.size())) +
                      OrganList(lexicon, kHeads).Value(base);
      break;
    }
  }
  if (head_definite.empty()) return Join(words);
  // Keep the written case of the first letter of the last word, and an
  // acronym before its hyphen ("IT-nämnden", "PM-nämnd" -> "PM-nämnden").
  const std::string original_last = StripGenitive(words.back());
  const std::size_t hyphen = original_last.find('-');
  if (hyphen >= 2 && hyphen != std::string::npos && head_definite.find('-') == hyphen &&
      CodePoints(std::string_view(original_last).substr(0, hyphen)) <= 5 &&
      !HasLower(std::string_view(original_last).substr(0, hyphen))) {
    head_definite = original_last.substr(0, hyphen) + head_definite.substr(hyphen);
  }
  if (!original_last.empty() && Lower(original_last.substr(0, 1)) != original_last.substr(0, 1)) {
    head_definite = CapitaliseFirst(head_definite);
  }
  words.back() = head_definite;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    words[i] = DefiniteAdjective(words[i], lexicon);
  }
  return Join(words);
}

namespace {

// The value of an organ's name the gazetteer does not know as written: its
// definite form, as the gazetteer knows that or else in sentence case. Kept
// per span (value_cache.h): documents repeat their organs' names
// ("Kommunstyrelsen" page after page).
std::string DefiniteOrganValue(const std::string& span, const Lexicon& lexicon,
                               const Gazetteer& gazetteer) {
  static thread_local ValueCache<std::string> cache;
  return cache.Get(span, lexicon.id(), &gazetteer, [&] {
    const std::string definite = DefiniteOrganName(span, lexicon);
    const GazetteerEntry* known = gazetteer.Lookup(definite);
    return known != nullptr ? known->info.canonical : SentenceCase(definite);
  });
}

}  // namespace

bool FormOrgan(const RuleMatch& match, const Lexicon& lexicon, const Gazetteer& gazetteer,
               const TagContext& context, FormedValue* out) {
  const std::string span = FoldSpace(match.text.substr(match.begin, match.end - match.begin));
  if (!match.Group("parent").empty()) {
    // "Kommunstyrelsens arbetsutskott": one body, as written, capitalised.
    std::vector<std::string> words = Words(span);
    words.back() = StripGenitive(words.back());
    out->value = SentenceCase(Join(words));
    return true;
  }
  if (OrganList(lexicon, kStop).Contains(StripGenitive(Lower(span)))) return false;
  // "nämndens arbetsutskott": a part of an organ named only generically is
  // no named body either.
  {
    std::string_view before = match.text.substr(0, match.begin);
    while (!before.empty() && (before.back() == ' ' || before.back() == '\n')) before.remove_suffix(1);
    // The word starts after the last space or line break (a loop here:
    // find_last_of calls memchr on its set for every byte).
    std::size_t start = before.size();
    while (start > 0 && before[start - 1] != ' ' && before[start - 1] != '\n') --start;
    const std::string_view previous = before.substr(start);
    if (previous.size() > 1 && previous.back() == 's' &&
        OrganList(lexicon, kHeadsDefinite).Contains(Lower(previous.substr(0, previous.size() - 1)))) {
      return false;
    }
    // "Kritik mot en länsstyrelse", "en socialnämnd får": right after an
    // indefinite article an organ's name means any organ of the kind ("en
    // egen kulturförvaltning", with "egen" between, is the issuer's own).
    if (previous == "en" || previous == "ett" || previous == "En" || previous == "Ett") return false;
  }
  if (const GazetteerEntry* known = gazetteer.Lookup(span)) {
    out->value = known->info.canonical;
    return true;
  }
  out->value = DefiniteOrganValue(span, lexicon, gazetteer);
  return true;
}

}  // namespace diar::tag_internal
