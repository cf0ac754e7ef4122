// PlanValue (plans.h): a plan title's canonical value. The former that
// finds titles is in plans.cc.
#include <re2/re2.h>

#include <algorithm>
#include <vector>

#include "pipeline/tag/gazetteer.h"
#include "pipeline/tag/plan_lists.h"
#include "pipeline/tag/plans.h"
#include "pipeline/tag/text_util.h"

namespace diar::tag_internal {
namespace {

// "2019 – 2022", "2021-23" -> "2019–2022", "2021–2023".
std::string NormaliseYearRanges(const std::string& title) {
  // Most titles have no digits; skip the regex for them.
  if (std::none_of(title.begin(), title.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return title;
  }
  static const RE2 range("((?:19|20)\\d\\d)\\s*[-–—]\\s*((?:19|20)?\\d\\d)\\b");
  std::string out;
  re2::StringPiece input(title);
  std::size_t last = 0;
  re2::StringPiece subs[3];
  std::size_t pos = 0;
  while (range.Match(input, pos, input.size(), RE2::UNANCHORED, subs, 3)) {
    const std::size_t begin = subs[0].data() - input.data();
    out.append(title, last, begin - last);
    std::string second(subs[2].data(), subs[2].size());
    if (second.size() == 2) second = std::string(subs[1].data(), 2) + second;
    out += std::string(subs[1].data(), subs[1].size()) + "–" + second;
    last = begin + subs[0].size();
    pos = last;
  }
  out.append(title, last, std::string::npos);
  return out;
}

// `word` with the head's definite ending replaced by its base form
// (plan_definite.list); `lower` is `word` in lower case. False, and `word`
// unchanged, when the word has no definite plan ending.
bool MakeIndefinite(std::string* word, std::string_view lower, const HeadLists& lists) {
  const std::string_view suffix = lists.definite.LongestSuffix(lower);
  if (suffix.empty()) return false;
  const std::string base = lists.definite.Value(suffix);
  word->resize(word->size() - suffix.size());
  *word += base;
  return true;
}

// Gender of the plan head a word ends in (plan_heads.list value), or "".
std::string HeadGender(std::string_view lower, const HeadLists& lists) {
  return lists.heads.SuffixValue(lower);
}

bool IsHeadWord(std::string_view lower, const HeadLists& lists) {
  return !lists.heads.LongestSuffix(lower).empty() ||
         !lists.definite.LongestSuffix(lower).empty();
}

// Regular attributive adjectives ("regional", "regionala", "digitalt").
bool IsAdjective(std::string_view lower) {
  for (const std::string_view end : {"al", "ala", "alt", "isk", "iska", "iskt", "ell", "ella",
                                     "ellt", "iv", "iva", "ivt", "ig", "iga", "igt", "bar", "bara",
                                     "bart", "fri", "fria"}) {
    if (EndsWith(lower, end) && lower.size() > end.size() + 2) return true;
  }
  // A past participle in the definite or plural ("fördjupade översiktsplanen").
  return EndsWith(lower, "ade") && lower.size() > 6;
}

std::string IndefiniteAdjective(const std::string& word, const std::string& gender) {
  // "fördjupade" -> "fördjupad", "fördjupat", "fördjupade".
  if (EndsWith(word, "ade")) {
    if (gender == "p") return word;
    return word.substr(0, word.size() - (gender == "n" ? 2 : 1)) + (gender == "n" ? "t" : "");
  }
  std::string stem = word;
  if (EndsWith(stem, "a")) {
    stem.pop_back();
  } else if (EndsWith(stem, "t") && !EndsWith(stem, "tt")) {
    stem.pop_back();
  }
  if (gender == "p") return stem + "a";
  return gender == "n" ? stem + "t" : stem;
}

// Whether a short word in capitals reads as an acronym: the gazetteer
// knows it ("SKR"), or it has no vowel to be a word ("KS", "RJL"); "LÄN",
// "FÖR", "NYA" are words.
bool ReadsAsAcronym(const std::string& word, const Gazetteer& gazetteer) {
  if (gazetteer.Lookup(word) != nullptr) return true;
  const std::string lower = Lower(word);
  for (const std::string_view vowel : {"a", "e", "i", "o", "u", "y", "å", "ä", "ö", "é"}) {
    if (lower.find(vowel) != std::string::npos) return false;
  }
  return true;
}

// A title in capitals ("RIKTLINJER FÖR FÖRENINGSBIDRAG I JÄRFÄLLA KOMMUN")
// in lower case, but for short words that read as acronyms ("EU", "SKR")
// and names: those the gazetteer knows take its capitals ("Järfälla
// kommun", "Region Jämtland Härjedalen"), and a county keeps its
// ("JÄMTLANDS LÄN" -> "Jämtlands län").
void UnShout(std::vector<std::string>* words, const Gazetteer& gazetteer) {
  for (std::string& word : *words) {
    if (CodePoints(word) > 3 || !ReadsAsAcronym(word, gazetteer)) word = Lower(word);
  }
  for (std::size_t i = 0; i + 1 < words->size(); ++i) {
    if ((*words)[i + 1] == "län") (*words)[i] = CapitaliseFirst((*words)[i]);
  }
  auto take_case = [&](std::size_t first, std::size_t count) {
    // Names capitalise every word ("Region Västmanland") or the first
    // ("Järfälla kommun").
    std::string every;
    std::string first_only;
    for (std::size_t k = 0; k < count; ++k) {
      const std::string& word = (*words)[first + k];
      if (k > 0) {
        every += ' ';
        first_only += ' ';
      }
      every += CapitaliseFirst(word);
      first_only += k > 0 ? word : CapitaliseFirst(word);
    }
    const GazetteerEntry* entry = gazetteer.Lookup(every);
    if (entry == nullptr && count > 1) entry = gazetteer.Lookup(first_only);
    if (entry == nullptr) return false;
    const std::vector<std::string> canonical = Words(entry->info.canonical);
    if (canonical.size() != count) return false;
    for (std::size_t k = 0; k < count; ++k) {
      std::size_t length = 0;
      DecodeAt(canonical[k], 0, &length);
      const bool capital = Lower(canonical[k].substr(0, length)) != canonical[k].substr(0, length);
      if (capital) (*words)[first + k] = CapitaliseFirst((*words)[first + k]);
    }
    return true;
  };
  for (std::size_t i = 0; i < words->size(); ++i) {
    if (i + 2 < words->size() && take_case(i, 3)) {
      i += 2;
    } else if (i + 1 < words->size() && take_case(i, 2)) {
      ++i;
    } else {
      take_case(i, 1);
    }
  }
}

// `lower` for a head word, but an acronym before its hyphen stays
// ("ANDTS-strategin" -> "ANDTS-strategin", not "andts-strategin").
std::string LowerHead(const std::string& word, const std::string& lower) {
  const std::size_t hyphen = word.rfind('-');
  if (hyphen == std::string::npos || hyphen < 2 || HasLower(word.substr(0, hyphen))) return lower;
  return word.substr(0, hyphen) + lower.substr(hyphen);
}

}  // namespace

std::string PlanValue(std::string_view title, const Lexicon& lexicon, const Gazetteer& gazetteer,
                      bool after_genitive) {
  const HeadLists lists(lexicon);
  std::vector<std::string> words = Words(NormaliseYearRanges(FoldSpace(title)));
  if (words.empty()) return std::string();
  if (!HasLower(title)) UnShout(&words, gazetteer);
  // Each word's lower case, computed once (words are looked up several
  // times below).
  std::vector<std::string> lowers;
  lowers.reserve(words.size());
  for (const std::string& word : words) lowers.push_back(Lower(word));
  // The head is the first word that ends in a plan head noun, also in the
  // genitive ("regionala utvecklingsstrategins" -> "utvecklingsstrategi").
  std::size_t head = words.size();
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (IsHeadWord(lowers[i], lists)) {
      head = i;
      break;
    }
    if (lowers[i].size() > 3 && lowers[i].back() == 's' &&
        IsHeadWord(std::string_view(lowers[i]).substr(0, lowers[i].size() - 1), lists)) {
      words[i].pop_back();
      lowers[i].pop_back();
      head = i;
      break;
    }
  }
  if (head < words.size()) {
    if (MakeIndefinite(&words[head], lowers[head], lists)) lowers[head] = Lower(words[head]);
    // Adjectives agree with the indefinite head: "regionala kulturplan" ->
    // "regional kulturplan", "regionala trafikförsörjningsprogrammet" ->
    // "regionalt trafikförsörjningsprogram".
    const std::string gender = HeadGender(lowers[head], lists);
    // Only the adjectives of the head's own phrase, back to the first word
    // that is neither an adjective, a conjunction nor a compound's first
    // part: "tematiskt tillägg till översiktsplan" keeps the neuter of
    // "tillägg".
    if (!gender.empty() && !after_genitive) {
      for (std::size_t k = head; k > 0; --k) {
        const std::size_t i = k - 1;
        if (IsAdjective(lowers[i])) {
          words[i] = IndefiniteAdjective(words[i], gender);
          lowers[i] = Lower(words[i]);
        } else if (lowers[i] != "och" && lowers[i] != "samt" && !lowers[i].ends_with("-")) {
          break;
        }
      }
    }
  }
  // Sentence case: the head and the adjectives before it lose their
  // capital; proper names, acronyms and capitalised words after the head
  // (embedded titles: "regionala utvecklingsstrategin Dalastrategin") keep
  // it.
  const std::size_t last_lowered = head < words.size() ? head + 1 : words.size();
  for (std::size_t i = 1; i < last_lowered; ++i) {
    const std::string& lower = lowers[i];
    if (lower == words[i] || !HasLower(words[i])) continue;
    if (gazetteer.Lookup(words[i]) != nullptr) continue;
    if (IsHeadWord(lower, lists) || IsAdjective(lower)) words[i] = LowerHead(words[i], lower);
  }
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return CapitaliseFirst(out);
}
}  // namespace diar::tag_internal
