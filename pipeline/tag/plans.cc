#include "pipeline/tag/plans.h"

#include <re2/re2.h>

#include <vector>

#include "pipeline/tag/gazetteer.h"
#include "pipeline/tag/text_util.h"
#include "pipeline/tag/values.h"

namespace diar::tag_internal {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> words;
  std::size_t begin = 0;
  while (begin < s.size()) {
    std::size_t space = s.find(' ', begin);
    if (space == std::string_view::npos) space = s.size();
    if (space > begin) words.emplace_back(s.substr(begin, space - begin));
    begin = space + 1;
  }
  return words;
}

// "2019 – 2022", "2021-23" -> "2019–2022", "2021–2023".
std::string NormaliseYearRanges(const std::string& title) {
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

// The head word's definite ending removed; returns the gender of the head
// ("n" neuter, "u" common, "p" plural) or "" when the head is not definite.
std::string MakeIndefinite(std::string* word, const Lexicon& lexicon) {
  const std::string lower = Lower(*word);
  std::size_t best = 0;
  std::string base;
  for (std::size_t cut = 0; cut < lower.size(); ++cut) {
    if ((static_cast<unsigned char>(lower[cut]) & 0xC0) == 0x80) continue;
    const std::string tail = lower.substr(cut);
    const std::string value = lexicon.Value("plan_definite", tail);
    if (!value.empty() && tail.size() > best) {
      best = tail.size();
      base = word->substr(0, cut) + value;
    }
  }
  if (best == 0) return std::string();
  const std::string ending = lower.substr(lower.size() - 2);
  std::string gender = ending == "et" ? "n" : ending == "na" ? "p" : "u";
  *word = base;
  return gender;
}

bool IsHeadWord(const std::string& lower, const Lexicon& lexicon) {
  for (std::size_t cut = 0; cut < lower.size(); ++cut) {
    if ((static_cast<unsigned char>(lower[cut]) & 0xC0) == 0x80) continue;
    const std::string tail = lower.substr(cut);
    if (lexicon.Contains("plan_heads", tail) || lexicon.Contains("plan_definite", tail)) {
      return true;
    }
  }
  return false;
}

// Regular attributive adjectives ("regional", "regionala", "digitalt").
bool IsAdjective(const std::string& lower) {
  for (const char* end : {"al", "ala", "alt", "isk", "iska", "iskt", "ell", "ella", "ellt",
                          "iv", "iva", "ivt", "ig", "iga", "igt"}) {
    if (EndsWith(lower, end) && lower.size() > std::string(end).size() + 2) return true;
  }
  return false;
}

std::string IndefiniteAdjective(const std::string& word, const std::string& gender) {
  if (gender == "p" || !EndsWith(word, "a")) return word;
  const std::string stem = word.substr(0, word.size() - 1);
  return gender == "n" ? stem + "t" : stem;
}

}  // namespace

std::string PlanValue(std::string_view title, const Lexicon& lexicon, const Gazetteer& gazetteer) {
  std::vector<std::string> words = Words(NormaliseYearRanges(FoldSpace(title)));
  if (words.empty()) return std::string();
  // The head is the first word that ends in a plan head noun.
  std::size_t head = words.size();
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (IsHeadWord(Lower(words[i]), lexicon)) {
      head = i;
      break;
    }
  }
  if (head < words.size()) {
    const std::string gender = MakeIndefinite(&words[head], lexicon);
    if (!gender.empty()) {
      for (std::size_t i = 0; i < head; ++i) {
        if (IsAdjective(Lower(words[i]))) words[i] = IndefiniteAdjective(words[i], gender);
      }
    }
  }
  // Sentence case: head words and adjectives lose their capital; proper
  // names, acronyms and other capitalised words (embedded titles) keep it.
  for (std::size_t i = 1; i < words.size(); ++i) {
    const std::string lower = Lower(words[i]);
    if (lower == words[i] || !HasLower(words[i])) continue;
    if (gazetteer.Lookup(words[i]) != nullptr) continue;
    if (IsHeadWord(lower, lexicon) || IsAdjective(lower)) words[i] = lower;
  }
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return CapitaliseFirst(out);
}

bool FormPlan(const RuleMatch& match, const Lexicon& lexicon, const Gazetteer& gazetteer,
              FormedValue* out) {
  out->value = PlanValue(match.text.substr(match.begin, match.end - match.begin), lexicon,
                         gazetteer);
  return !out->value.empty();
}

}  // namespace diar::tag_internal
