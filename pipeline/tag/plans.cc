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
  // Most titles have no digits; skip the regex for them.
  if (title.find_first_of("0123456789") == std::string::npos) return title;
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
  const std::string_view suffix = lexicon.LongestSuffix("plan_definite", lower);
  if (suffix.empty()) return std::string();
  const std::string base = lexicon.Value("plan_definite", std::string(suffix));
  const std::string ending = lower.substr(lower.size() - 2);
  std::string gender = ending == "et" ? "n" : ending == "na" ? "p" : "u";
  *word = word->substr(0, word->size() - suffix.size()) + base;
  return gender;
}

// Gender of the plan head a word ends in (plan_heads.list value), or "".
std::string HeadGender(const std::string& lower, const Lexicon& lexicon) {
  return lexicon.SuffixValue("plan_heads", lower);
}

bool IsHeadWord(const std::string& lower, const Lexicon& lexicon) {
  return !lexicon.LongestSuffix("plan_heads", lower).empty() ||
         !lexicon.LongestSuffix("plan_definite", lower).empty();
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
  std::string stem = word;
  if (EndsWith(stem, "a")) {
    stem.pop_back();
  } else if (EndsWith(stem, "t") && !EndsWith(stem, "tt")) {
    stem.pop_back();
  }
  if (gender == "p") return stem + "a";
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
    MakeIndefinite(&words[head], lexicon);
    // Adjectives agree with the indefinite head: "regionala kulturplan" ->
    // "regional kulturplan", "regionala trafikförsörjningsprogrammet" ->
    // "regionalt trafikförsörjningsprogram".
    const std::string gender = HeadGender(Lower(words[head]), lexicon);
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

namespace {

struct Token {
  std::size_t begin;  // bytes into the text
  std::size_t end;
  std::string word;   // as written
  std::string lower;
  bool line_start;    // first on its line
};

std::vector<Token> Tokenise(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<Token> tokens;
  std::size_t i = begin;
  while (i < end) {
    bool line_start = false;
    while (i < end && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) {
      line_start = line_start || text[i] == '\n';
      ++i;
    }
    if (i >= end) break;
    std::size_t j = i;
    while (j < end && text[j] != ' ' && text[j] != '\n' && text[j] != '\t') ++j;
    std::string word(text.substr(i, j - i));
    tokens.push_back({i, j, word, Lower(word), line_start});
    i = j;
  }
  return tokens;
}

bool IsCapitalised(const std::string& word) {
  if (word.empty()) return false;
  std::size_t length = 0;
  return IsUpper(DecodeAt(word, 0, &length));
}

bool IsYearish(const std::string& word) {
  return !word.empty() && word[0] >= '0' && word[0] <= '9';
}

bool IsDash(const std::string& word) { return word == "-" || word == "–" || word == "—"; }

// The base form of a plan word, lower case, without a genitive -s or a
// definite ending ("Miljöprogrammets" -> "miljöprogram").
std::string BaseOf(const std::string& lower, const Lexicon& lexicon) {
  for (const std::string& candidate :
       {lower, lower.size() > 2 && lower.back() == 's' ? lower.substr(0, lower.size() - 1)
                                                      : std::string()}) {
    if (candidate.empty()) continue;
    std::string word = candidate;
    if (!MakeIndefinite(&word, lexicon).empty()) return word;
    if (!lexicon.LongestSuffix("plan_heads", candidate).empty()) return candidate;
  }
  return std::string();
}

// Ends like "-ades", "-ats": passive and past verb forms that end a title.
bool LooksLikeVerb(const std::string& lower) {
  for (const char* end : {"ades", "ats", "des", "tes", "erar"}) {
    if (EndsWith(lower, end) && lower.size() > 5) return true;
  }
  // "färdigställas", "genomföras": s-passives (nouns in -as are rare).
  if (EndsWith(lower, "as") && lower.size() > 6) return true;
  return false;
}

}  // namespace

bool FormPlan(const RuleMatch& match, const Lexicon& lexicon, const Gazetteer& gazetteer,
              const TagContext& /*context*/, FormedValue* out) {
  std::vector<Token> tokens = Tokenise(match.text, match.begin, match.end);
  // Leading status adjectives stay outside: "gällande", "aktuella".
  std::size_t first = 0;
  while (first < tokens.size() && lexicon.Contains("plan_adjective_stop", tokens[first].lower)) {
    ++first;
  }
  // The head: the first word whose base form ends in a plan head.
  std::size_t head = tokens.size();
  std::string head_base;
  for (std::size_t i = first; i < tokens.size(); ++i) {
    head_base = BaseOf(tokens[i].lower, lexicon);
    if (!head_base.empty()) {
      head = i;
      break;
    }
  }
  if (head == tokens.size()) return false;
  const bool bare = lexicon.Contains("plan_heads", head_base);
  const bool adjectives = head > first;
  const bool title_case = IsCapitalised(tokens[first].word);

  // What follows the head: a name, a "för"/"om" complement, years.
  std::size_t last = head;
  bool named = false;
  bool complement = false;
  std::size_t i = head + 1;
  // A capitalised word at the start of a line begins a new heading or
  // sentence, not the rest of this title.
  auto new_line = [&](std::size_t t) {
    return tokens[t].line_start && IsCapitalised(tokens[t].word);
  };
  // A capitalised name right after the head: "Affärsplan Västmanland".
  while (i < tokens.size() && IsCapitalised(tokens[i].word) && i - head <= 3 &&
         !IsYearish(tokens[i].word) && !new_line(i)) {
    last = i++;
    named = true;
    if (i + 1 < tokens.size() && (tokens[i].lower == "i" || tokens[i].lower == "och") &&
        IsCapitalised(tokens[i + 1].word)) {
      ++i;
    }
  }
  // "Regionplan och budget", "Verksamhetsplan och budget": the standard
  // name of a region's or municipality's budget document.
  if (i + 1 < tokens.size() && tokens[i].lower == "och" && tokens[i + 1].lower == "budget") {
    last = i + 1;
    named = true;
    i += 2;
  }
  int content = 0;
  if (i < tokens.size() && (tokens[i].lower == "för" || tokens[i].lower == "om") &&
      i + 1 < tokens.size() && !IsYearish(tokens[i + 1].word)) {
    // Content words, with one connector ("för", "om", "i", "och") between
    // two content words at a time; at most six content words.
    std::size_t j = i + 1;
    std::size_t content_end = 0;
    while (j < tokens.size() && content < 6) {
      const Token& t = tokens[j];
      if (IsYearish(t.word) || new_line(j)) break;
      const bool connector = t.lower == "för" || t.lower == "om" || t.lower == "i" ||
                             t.lower == "och";
      if (connector) {
        // A connector must be followed by a content word that is not
        // another plan ("... och genomförandeplanen").
        if (j + 1 >= tokens.size() || IsYearish(tokens[j + 1].word) ||
            lexicon.Contains("plan_title_stop", tokens[j + 1].lower) ||
            !BaseOf(tokens[j + 1].lower, lexicon).empty()) {
          break;
        }
        ++j;
        continue;
      }
      if (lexicon.Contains("plan_title_stop", t.lower) || LooksLikeVerb(t.lower)) break;
      ++content;
      content_end = j;
      ++j;
    }
    if (content > 0) {
      last = content_end;
      complement = true;
    }
  }
  // Years right after the title: "2019 – 2022", "2023-2026", "2030".
  std::size_t k = last + 1;
  if (k < tokens.size() && IsYearish(tokens[k].word)) {
    last = k;
    if (k + 2 < tokens.size() && IsDash(tokens[k + 1].word) && IsYearish(tokens[k + 2].word)) {
      last = k + 2;
    }
  }
  const bool years = last > head && IsYearish(tokens[last].word);

  // Generic mentions are not plans. A lower-case bare head needs a real
  // title after it: "överenskommelse om samverkan för regional utveckling",
  // not "program för småbarnsfamiljer".
  if (bare) {
    const bool titled = (complement && (title_case || adjectives || content >= 2 || years)) ||
                        named || (adjectives && title_case) || (years && title_case);
    if (!titled) return false;
  } else if (lexicon.Contains("plan_stop", head_base) &&
             (lexicon.Value("plan_stop", head_base) != "title" || (!complement && !named))) {
    // Working documents are never plans; "handlingsplan" only with a title.
    return false;
  }
  // An indefinite article or a plural quantifier blocks a generic plan word
  // but not a title, a complement or a statutory plan type.
  std::string_view before = match.text.substr(0, tokens[first].begin);
  std::vector<std::string> previous;
  while (previous.size() < 2) {
    while (!before.empty() && (before.back() == ' ' || before.back() == '\n')) {
      before.remove_suffix(1);
    }
    const std::size_t space = before.find_last_of(" \n");
    const std::string word(before.substr(space == std::string_view::npos ? 0 : space + 1));
    if (word.empty()) break;
    previous.push_back(Lower(word));
    before = before.substr(0, space == std::string_view::npos ? 0 : space);
  }
  bool indefinite = !previous.empty() && lexicon.Contains("plan_articles", previous[0]);
  if (!indefinite && previous.size() == 2 && lexicon.Contains("plan_articles", previous[1])) {
    for (const char* adjective : {"ny", "nytt", "egen", "eget", "gemensam", "gemensamt",
                                  "annan", "annat", "sådan", "sådant"}) {
      if (previous[0] == adjective) indefinite = true;
    }
  }
  // After an indefinite article only a capitalised title, an adjective
  // title with a complement ("en regional digital agenda för Västmanland")
  // or a statutory plan type is a plan; "en överenskommelse om samverkan
  // mellan ..." and "en samverkansöverenskommelse för ..." describe.
  if (indefinite && !title_case && !(adjectives && complement)) {
    if (lexicon.LongestSuffix("plan_statutory", head_base).empty()) return false;
  }

  out->begin = tokens[first].begin;
  out->end = tokens[last].end;
  std::string title(match.text.substr(out->begin, out->end - out->begin));
  // A genitive on a name at the end belongs to the sentence: "Affärsplan
  // Västmanlands" -> "Affärsplan Västmanland".
  if (named && !complement && !years && title.size() > 3 && title.back() == 's') {
    title.pop_back();
  }
  out->value = PlanValue(title, lexicon, gazetteer);
  // Established terms shaped like titles ("Samordnad individuell plan").
  if (lexicon.Contains("plan_not_titles", out->value)) return false;
  return !out->value.empty();
}

}  // namespace diar::tag_internal
