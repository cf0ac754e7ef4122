// FormPlan (plans.h): a plan's title found in a match of the plan rule.
// Its value is PlanValue's, in plan_value.cc.
#include "pipeline/tag/plans.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "pipeline/tag/gazetteer.h"
#include "pipeline/tag/plan_lists.h"
#include "pipeline/tag/text_util.h"
#include "pipeline/tag/value_cache.h"
#include "pipeline/tag/values.h"

namespace diar::tag_internal {
namespace {

struct Token {
  std::size_t begin;       // bytes into the text
  std::size_t end;
  std::string_view word;   // as written
  std::string_view lower;  // in the tokeniser's buffer
  bool line_start;         // first on its line
};

// The words of a match, with their lower case. One tokeniser per thread:
// its storage is reused from match to match, since the plan former runs
// for every plan head in a text.
class Tokeniser {
 public:
  const std::vector<Token>& Split(std::string_view text, std::size_t begin, std::size_t end) {
    tokens_.clear();
    lowers_.clear();
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
      const std::string_view word = text.substr(i, j - i);
      // Where the lower case begins, and its length; views are made when
      // the buffer has stopped growing.
      const std::size_t lower_begin = lowers_.size();
      AppendLower(word, &lowers_);
      tokens_.push_back({i, j, word, std::string_view(nullptr, 0), line_start});
      spans_.resize(tokens_.size());
      spans_.back() = {lower_begin, lowers_.size() - lower_begin};
      i = j;
    }
    for (std::size_t t = 0; t < tokens_.size(); ++t) {
      tokens_[t].lower = std::string_view(lowers_).substr(spans_[t].first, spans_[t].second);
    }
    return tokens_;
  }

 private:
  std::vector<Token> tokens_;
  std::vector<std::pair<std::size_t, std::size_t>> spans_;
  std::string lowers_;
};

bool IsCapitalised(std::string_view word) {
  if (word.empty()) return false;
  std::size_t length = 0;
  return IsUpper(DecodeAt(word, 0, &length));
}

// A year or a range of them ("2030", "2019–2022", "2021-23"), not a
// number inside a name ("Natura 2000-området").
bool IsYearish(std::string_view word) {
  if (word.empty() || word[0] < '0' || word[0] > '9') return false;
  for (std::size_t i = 0; i < word.size();) {
    std::size_t length = 0;
    const char32_t c = DecodeAt(word, i, &length);
    if (IsBoundaryWordChar(c) && (c < '0' || c > '9')) return false;
    i += length;
  }
  return true;
}

// A year or an ascending range of years, as a title ends with: "2030",
// "2019–2022", "2021-23" (trailing punctuation aside).
bool IsTitleYears(std::string_view word) {
  while (!word.empty() && (word.back() == '.' || word.back() == ',' || word.back() == ';' ||
                           word.back() == ':' || word.back() == ')')) {
    word.remove_suffix(1);
  }
  auto digits = [](std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  auto year = [&](std::string_view s) {
    return s.size() == 4 && digits(s) && (s.starts_with("19") || s.starts_with("20"));
  };
  if (year(word)) return true;
  if (word.size() < 6 || !year(word.substr(0, 4))) return false;
  std::string_view rest = word.substr(4);
  for (const std::string_view dash : {"-", "–", "—"}) {
    if (rest.starts_with(dash)) {
      rest.remove_prefix(dash.size());
      const int first = std::stoi(std::string(word.substr(0, 4)));
      if (year(rest)) return std::stoi(std::string(rest)) > first;
      if (rest.size() == 2 && digits(rest)) return std::stoi(std::string(rest)) > first % 100;
      return false;
    }
  }
  return false;
}

bool IsDash(std::string_view word) { return word == "-" || word == "–" || word == "—"; }

// The base form of a plan word, lower case, without a genitive -s or a
// definite ending ("Miljöprogrammets" -> "miljöprogram").
std::string BaseOf(std::string_view lower, const HeadLists& lists) {
  // Most words are no plan word: look the suffixes up on views and build a
  // string only for a hit.
  for (const std::string_view candidate :
       {lower, lower.size() > 2 && lower.back() == 's' ? lower.substr(0, lower.size() - 1)
                                                      : std::string_view()}) {
    if (candidate.empty()) continue;
    if (const std::string_view suffix = lists.definite.LongestSuffix(candidate);
        !suffix.empty()) {
      return std::string(candidate.substr(0, candidate.size() - suffix.size())) +
             lists.definite.Value(suffix);
    }
    if (!lists.heads.LongestSuffix(candidate).empty()) return std::string(candidate);
  }
  return std::string();
}

// Ends like "-ades", "-ats", "-ade": passive, past and participle forms
// that end a title ("... antagna av", "... reviderade").
// Words that begin a title's complement: "Riktlinjer för ...", "Handlingsprogram
// mot ...", "Överenskommelse mellan ... om ...", "Överenskommelse avseende
// habilitering".
bool ComplementStart(std::string_view lower) {
  return lower == "för" || lower == "om" || lower == "mot" || lower == "mellan" ||
         lower == "avseende" || lower == "angående";
}

bool LooksLikeVerb(std::string_view lower) {
  // A place is a noun whatever its ending says ("trafikplats",
  // "mötesplats", "arbetsplats").
  if (EndsWith(lower, "plats")) return false;
  for (const char* end : {"ades", "ats", "des", "tes", "erar", "ade"}) {
    if (EndsWith(lower, end) && lower.size() > 5) return true;
  }
  // "färdigställas", "genomföras": s-passives (nouns in -as are rare, but
  // for plural genitives: "kommunernas", "invånarnas", "skolornas").
  if (EndsWith(lower, "as") && lower.size() > 6 && !EndsWith(lower, "ernas") &&
      !EndsWith(lower, "arnas") && !EndsWith(lower, "ornas")) {
    return true;
  }
  return false;
}

// PlanValue, kept per title (value_cache.h): documents repeat their plans'
// titles ("den regionala utvecklingsstrategin" twenty times).
std::string CachedPlanValue(const std::string& title, const Lexicon& lexicon,
                            const Gazetteer& gazetteer) {
  static thread_local ValueCache<std::string> cache;
  return cache.Get(title, lexicon.id(), &gazetteer, [&] { return PlanValue(title, lexicon, gazetteer); });
}

// A noun formed from a verb or an adjective ("samplanering", "uppföljning",
// "redovisning", "information"): what a heading names, not a place.
bool IsNominal(std::string_view lower) {
  for (std::string_view suffix : {"ning", "ing", "else", "het", "tion", "ande", "ende"}) {
    if (lower.size() > suffix.size() + 2 && lower.ends_with(suffix)) return true;
  }
  return false;
}


// The lists the plan former reads, looked up once per match.
struct FormerLists {
  explicit FormerLists(const Lexicon& lexicon)
      : heads(lexicon),
        title_stop(PlanList(lexicon, kTitleStop)),
        adjective_stop(PlanList(lexicon, kAdjectiveStop)),
        months(PlanList(lexicon, kMonths)),
        connectors(PlanList(lexicon, kConnectors)),
        time_nouns(PlanList(lexicon, kTimeNouns)),
        kinds(PlanList(lexicon, kKindWords)),
        name_stop(PlanList(lexicon, kNameStop)) {}
  const HeadLists heads;
  const Lexicon::List& title_stop;
  const Lexicon::List& adjective_stop;
  const Lexicon::List& months;
  const Lexicon::List& connectors;
  const Lexicon::List& time_nouns;
  const Lexicon::List& kinds;
  const Lexicon::List& name_stop;
};

// What the plan former has found of the title in a match, by token.
struct Title {
  std::size_t first = 0;    // its first word: status adjectives before it stay out
  std::size_t head = 0;     // the plan head ("strategi", "kulturplanen")
  std::string head_base;    // the head's base form
  bool bare = false;        // the head is a generic word of its own ("plan", "EU-program")
  bool adjectives = false;  // words between the first and the head
  bool title_case = false;  // the first word capitalised
  std::size_t last = 0;     // its last word
  bool named = false;       // a name right after the head ("Affärsplan Västmanland")
  bool complement = false;  // a complement ("för ...", "om ...", "mellan ...")
  bool named_complement = false;  // with a capitalised word ("för Östersjöregionen")
  int content = 0;          // the complement's content words
  bool years = false;       // it ends in years
};

// A capitalised word at the start of a line begins a new heading or
// sentence, not the rest of this title.
bool StartsNewLine(const std::vector<Token>& tokens, std::size_t t) {
  return tokens[t].line_start && IsCapitalised(tokens[t].word);
}

// "Länstransportplan Blekinge län", "IT-strategi Ragunda kommun": a
// place's name takes these after it.
bool IsPlaceWord(std::string_view lower) {
  return lower == "län" || lower == "kommun" || lower == "stad";
}

// The head, the first word whose base form ends in a plan head, and what
// comes before it. False when there is none.
bool FindHead(const std::vector<Token>& tokens, const FormerLists& lists, Title* title) {
  // Leading status adjectives stay outside: "gällande", "aktuella".
  std::size_t first = 0;
  while (first < tokens.size() && lists.adjective_stop.ContainsKey(tokens[first].lower)) ++first;
  std::size_t head = tokens.size();
  for (std::size_t i = first; i < tokens.size(); ++i) {
    title->head_base = BaseOf(tokens[i].lower, lists.heads);
    if (!title->head_base.empty()) {
      head = i;
      break;
    }
  }
  if (head == tokens.size()) return false;
  const std::string& head_base = title->head_base;
  // A head after a hyphenated prefix is still bare in the indefinite:
  // "EU-program" needs a title as "program" does ("EU-strategi för
  // Östersjöregionen"). In the definite it points to one document, as a
  // compound does ("IT-strategin" as "kulturstrategin").
  const std::size_t hyphen = head_base.rfind('-');
  title->bare = hyphen == std::string::npos
                    ? lists.heads.heads.Contains(head_base)
                    : lists.heads.heads.Contains(head_base.substr(hyphen + 1)) &&
                          lists.heads.definite.LongestSuffix(tokens[head].lower).empty();
  title->first = first;
  title->head = head;
  title->last = head;
  title->adjectives = head > first;
  title->title_case = IsCapitalised(tokens[first].word);
  return true;
}

// A capitalised name right after the head ("Affärsplan Västmanland"), with
// its place word, and "och budget". Returns the token after them.
std::size_t TakeName(const std::vector<Token>& tokens, const FormerLists& lists, Title* title) {
  std::size_t i = title->head + 1;
  // ("FÖR" in a title in capitals is no name; nor is a personal pronoun,
  // which starts the sentence a heading ran into: "Strategi Vi har".)
  // A head in the genitive governs the noun after it, which is no name
  // ("MILJÖPROGRAMMETS STRUKTUR" in a table of contents).
  const std::string_view head_word = tokens[title->head].lower;
  const bool head_genitive =
      head_word.size() > 1 && head_word.back() == 's' &&
      BaseOf(head_word.substr(0, head_word.size() - 1), lists.heads) == title->head_base;
  while (!head_genitive && i < tokens.size() && IsCapitalised(tokens[i].word) &&
         i - title->head <= 3 && !IsYearish(tokens[i].word) && !StartsNewLine(tokens, i) &&
         !lists.connectors.ContainsKey(tokens[i].lower) && !lists.kinds.ContainsKey(tokens[i].lower) &&
         !lists.name_stop.ContainsKey(tokens[i].lower)) {
    title->last = i++;
    title->named = true;
    if (i + 1 < tokens.size() && (tokens[i].lower == "i" || tokens[i].lower == "och") &&
        IsCapitalised(tokens[i + 1].word)) {
      ++i;
    }
  }
  // "Länstransportplan Blekinge län": a county's name takes its "län";
  // "IT-strategi Ragunda kommun": a kommun's or city's name its "kommun"
  // or "stad".
  if (title->named && i < tokens.size() && IsPlaceWord(tokens[i].lower)) title->last = i++;
  // "Regionplan och budget", "Verksamhetsplan och budget": the standard
  // name of a region's or municipality's budget document.
  if (i + 1 < tokens.size() && tokens[i].lower == "och" && tokens[i + 1].lower == "budget") {
    title->last = i + 1;
    title->named = true;
    i += 2;
  }
  return i;
}

// Names listed with commas and closed by "och" and a last name ("för Mora,
// Orsa och Älvdalens kommuner"), from token `j`, the one after a comma: the
// list is one part of the title, as a list of parties is.
bool ListOfNamesGoesOn(const std::vector<Token>& tokens, std::size_t j) {
  for (std::size_t k = j; k < tokens.size() && k < j + 6; ++k) {
    if (!IsCapitalised(tokens[k].word) || IsYearish(tokens[k].word) || StartsNewLine(tokens, k)) {
      return false;
    }
    const bool comma = tokens[k].word.ends_with(",");
    if (!comma) {
      return k + 2 < tokens.size() && tokens[k + 1].lower == "och" &&
             IsCapitalised(tokens[k + 2].word) && !IsYearish(tokens[k + 2].word);
    }
  }
  return false;
}

// A complement starting at token `i`: "för"/"om"/"mot"/"mellan" and
// content words ("Handlingsprogram mot våld i nära relationer",
// "Överenskommelse mellan kommunerna i Stockholms län om ...").
void TakeComplement(const std::vector<Token>& tokens, const FormerLists& lists, std::size_t i,
                    Title* title) {
  // "för perioden 2026–2037" is the plan's time, not its title
  // (plan_time_nouns.list).
  if (!(i < tokens.size() && ComplementStart(tokens[i].lower) && i + 1 < tokens.size() &&
        !IsYearish(tokens[i + 1].word) && !lists.time_nouns.ContainsKey(tokens[i + 1].lower))) {
    return;
  }
  // Content words, with one connector (a conjunction or preposition:
  // "vård och stöd vid missbruk", "bidrag till föreningar") between two
  // content words at a time; at most six content words.
  int content = 0;
  std::size_t j = i + 1;
  std::size_t content_end = 0;
  // Where the title stood before the last connector: another plan's name
  // after it ("för Värmland och Hållbar tillväxtstrategi") cuts it back.
  std::size_t end_before_connector = 0;
  int content_before_connector = 0;
  // An agreement's title names its parties after "mellan", then what it
  // is about ("Överenskommelse mellan kommunerna i X län och Region X om
  // samarbete kring ..."): the subject has six content words of its own.
  bool parties = tokens[i].lower == "mellan";
  // The parties may be many ("mellan Ale kommun, Härryda kommun, ... och
  // Öckerö kommun"): fourteen content words, commas between them.
  auto limit = [&] { return parties ? 14 : 6; };
  int party_words = 0;  // the parties' content words, when a subject follows
  while (j < tokens.size() && (content < limit() || (parties && ComplementStart(tokens[j].lower)))) {
    const Token& t = tokens[j];
    if (IsYearish(t.word) || StartsNewLine(tokens, j)) break;
    // A comma inside a list of parties goes on to the next party;
    // elsewhere the title ends with the word before it.
    const bool comma = t.lower.size() > 1 && t.lower.back() == ',';
    const std::string_view lower = comma ? t.lower.substr(0, t.lower.size() - 1) : t.lower;
    // A title "för" what may go on with what it concerns ("Samverkansavtal
    // för gemensam servicenämnd i Mora avseende IT-organisation för ...").
    const bool concerns = lower == "avseende" || lower == "angående";
    if ((parties || concerns) && content > 0 && j + 1 < tokens.size() && lower != "mellan" &&
        ComplementStart(lower) && !IsYearish(tokens[j + 1].word)) {
      parties = false;
      party_words = content;
      content = 0;
      ++j;
      continue;
    }
    if (lists.connectors.ContainsKey(lower)) {
      if (comma) break;
      // "Överenskommelse om samverkan mellan A och B angående ...": the
      // parties, then what it concerns.
      parties = parties || lower == "mellan";
      // A connector must be followed by a content word that is not
      // another plan ("... och genomförandeplanen") nor the first part of
      // one's hyphenated pair ("... och Mål- och resultatplanen"), nor by
      // another connector ("... och i EU:s strategi").
      if (j + 1 >= tokens.size() || IsYearish(tokens[j + 1].word) ||
          lists.title_stop.ContainsKey(tokens[j + 1].lower) ||
          lists.connectors.ContainsKey(tokens[j + 1].lower) ||
          !BaseOf(tokens[j + 1].lower, lists.heads).empty() ||
          (tokens[j + 1].word.ends_with("-") && j + 3 < tokens.size() &&
           lists.connectors.ContainsKey(tokens[j + 2].lower) &&
           !BaseOf(tokens[j + 3].lower, lists.heads).empty())) {
        break;
      }
      end_before_connector = content_end;
      content_before_connector = content;
      ++j;
      continue;
    }
    // A capitalised word right after a lower-case content word starts a
    // heading run into the text ("för Kronobergs län Samplanering
    // Kronoberg - information"); after a connector it is a name ("för barn
    // i Västmanland").
    // A place's name may end a title ("för Natura 2000-området Vättern",
    // "för styrdokument Örebro kommun"); a heading is a common noun
    // ("Samplanering", "Information") and names what follows in capitals.
    if (IsCapitalised(t.word) && j > i + 1 && !IsCapitalised(tokens[j - 1].word) &&
        !lists.connectors.Contains(tokens[j - 1].lower) && !ComplementStart(tokens[j - 1].lower) &&
        ((j + 1 < tokens.size() && IsCapitalised(tokens[j + 1].word)) || IsNominal(lower))) {
      break;
    }
    // A capitalised word is a name ("för Dalarnas län"), whatever it ends
    // in. A month is a date's ("... till föreningar i mars").
    if (lists.title_stop.ContainsKey(lower) || (!IsCapitalised(t.word) && LooksLikeVerb(lower)) ||
        lists.months.ContainsKey(lower)) {
      break;
    }
    // Another plan's name after a connector cuts the title back before the
    // connector; a plan word in capitals after a lower-case word starts the
    // sentence a heading ran into ("av bostadsanpassningsbidrag Riktlinjerna
    // ska ..."): the title ends before it.
    if (content > 0 && !BaseOf(lower, lists.heads).empty()) {
      if (end_before_connector > 0 &&
          !(IsCapitalised(t.word) && !IsCapitalised(tokens[j - 1].word))) {
        content_end = end_before_connector;
        content = content_before_connector;
      }
      break;
    }
    ++content;
    content_end = j;
    title->named_complement = title->named_complement || IsCapitalised(t.word);
    ++j;
    if (comma && !((parties || ListOfNamesGoesOn(tokens, j)) && j < tokens.size() &&
                   IsCapitalised(tokens[j].word))) {
      break;
    }
  }
  // Parties that are not named ("mellan kommunerna", "mellan parterna")
  // and no subject after them say who agreed, not which agreement: the
  // title stays the head's ("samverkansavtal mellan kommunerna remiss").
  if (tokens[i].lower == "mellan" && parties && party_words == 0 && !title->named_complement) {
    content = 0;
  }
  // A subject that ends before its first content word leaves the title
  // with its parties.
  if (content == 0 && party_words > 0) content = party_words;
  // A county's name takes its "län" here too, past the six content words
  // ("... och åtta kommuner i Uppsala län").
  if (content > 0 && content_end + 1 < tokens.size() && tokens[content_end + 1].lower == "län" &&
      IsCapitalised(tokens[content_end].word) && !StartsNewLine(tokens, content_end + 1)) {
    ++content_end;
  }
  title->content = content;
  if (content > 0) {
    title->last = content_end;
    title->complement = true;
  }
}

// Years right after the title: "2019 – 2022", "2023-2026", "2030"; not a
// date or a month ("2022-10-10", "2021-03": a table's next column).
void TakeYears(const std::vector<Token>& tokens, Title* title) {
  const std::size_t k = title->last + 1;
  if (k < tokens.size() && IsTitleYears(tokens[k].word) && !tokens[title->last].word.ends_with(",")) {
    title->last = k;
    if (k + 2 < tokens.size() && IsDash(tokens[k + 1].word) && IsYearish(tokens[k + 2].word)) {
      title->last = k + 2;
    }
  }
  title->years = title->last > title->head && IsYearish(tokens[title->last].word);
}

// A heading's theme after a dash, and its place, ending the line: "Tillägg
// till Översiktsplan - vindkraft Vingåker". Only at a line's end, where a
// heading stops; in running text a dash goes on into a sentence.
void TakeDashTheme(std::string_view text, const std::vector<Token>& tokens, Title* title) {
  const std::size_t k = title->last + 1;
  if (title->complement || k + 1 >= tokens.size() || !IsDash(tokens[k].word) ||
      IsCapitalised(tokens[k + 1].word) || IsYearish(tokens[k + 1].word)) {
    return;
  }
  std::size_t last = k + 1;
  if (last + 1 < tokens.size() && IsCapitalised(tokens[last + 1].word) && !StartsNewLine(tokens, last + 1)) {
    ++last;
  }
  std::size_t end = tokens[last].end;
  while (end < text.size() && (text[end] == '"' || text[end] == '.' || text[end] == ')')) ++end;
  if (end < text.size() && text[end] != '\n') return;
  title->last = last;
}

// A bare head and one capitalised word that goes on in lower case is a
// heading run into the sentence after it ("Strategi Kriser ställer
// särskilda krav"): a name after a bare head ends the line or the clause,
// or goes on with a connector ("Agenda Norr och ...").
void DropNameRunIntoSentence(std::string_view text, const std::vector<Token>& tokens,
                             const FormerLists& lists, Title* title) {
  if (!(title->bare && title->named && !title->complement && !title->years &&
        title->last == title->head + 1)) {
    return;
  }
  const std::size_t after = tokens[title->last].end;
  if (after + 1 >= text.size() || text[after] != ' ') return;
  const std::size_t end = text.find_first_of(" \n.,;:()", after + 1);
  const std::string_view next =
      text.substr(after + 1, end == std::string_view::npos ? end : end - after - 1);
  std::size_t length = 0;
  if (!next.empty() && IsLower(DecodeAt(next, 0, &length)) && !lists.connectors.Contains(next) &&
      !IsPlaceWord(next)) {
    title->named = false;
  }
}

// Generic mentions are not plans. A lower-case bare head needs a real
// title after it: "överenskommelse om samverkan för regional utveckling",
// not "program för småbarnsfamiljer". Working documents are never plans;
// "handlingsplan" only with a title (plan_stop.list).
bool IsGeneric(const Lexicon& lexicon, const FormerLists& lists, const std::vector<Token>& tokens,
               const Title& title) {
  if (title.bare) {
    // An indefinite head with a name after "för" is titled as a title is
    // ("EU:s strategi för Östersjöregionen"); "planen för Västerås" points
    // back to a plan already named.
    const bool definite = !lists.heads.definite.LongestSuffix(tokens[title.head].lower).empty();
    const bool titled =
        (title.complement && (title.title_case || title.adjectives || title.content >= 2 ||
                              title.years || (title.named_complement && !definite))) ||
        title.named || (title.adjectives && title.title_case) || (title.years && title.title_case);
    return !titled;
  }
  const Lexicon::List& stop = PlanList(lexicon, kStop);
  return stop.Contains(title.head_base) &&
         (stop.Value(title.head_base) != "title" || (!title.complement && !title.named));
}

// Up to `count` words before byte `pos`, nearest first, in lower case.
std::vector<std::string> WordsBefore(std::string_view text, std::size_t pos, std::size_t count) {
  std::string_view before = text.substr(0, pos);
  std::vector<std::string> previous;
  while (previous.size() < count) {
    while (!before.empty() && (before.back() == ' ' || before.back() == '\n')) before.remove_suffix(1);
    // The word starts after the last space or line break (a loop here:
    // find_last_of calls memchr on its set for every byte).
    std::size_t start = before.size();
    while (start > 0 && before[start - 1] != ' ' && before[start - 1] != '\n') --start;
    const std::string_view word = before.substr(start);
    if (word.empty()) break;
    previous.push_back(Lower(word));
    before = before.substr(0, start == 0 ? 0 : start - 1);
  }
  return previous;
}

// In a list of document kinds: a kind word or an example marker right
// before ("Budget Årsplan", "exempelvis översiktsplan", "översiktsplan,
// jämställdhetsplan"), or a kind word right after the head.
bool InListOfKinds(const FormerLists& lists, const std::vector<Token>& tokens, const Title& title,
                   const std::vector<std::string>& previous) {
  const bool definite_head = !lists.heads.definite.LongestSuffix(tokens[title.head].lower).empty();
  if (!previous.empty() && !definite_head) {
    std::string word = previous[0];
    const bool comma = !word.empty() && word.back() == ',';
    if (comma) word.pop_back();
    // (A capitalised title after a comma names the plan before it:
    // "Regionens energiplan, Energiplan för Gotland 2019–2023".)
    if (lists.kinds.Contains(word) ||
        (comma && !title.title_case && !BaseOf(word, lists.heads).empty() &&
         lists.heads.definite.LongestSuffix(word).empty())) {
      return true;
    }
  }
  return title.head + 1 < tokens.size() && title.last == title.head &&
         lists.kinds.ContainsKey(tokens[title.head + 1].lower);
}

// A street is named like a plan ("Furuhällsplan", "Järntorgsplan"): a
// one-word title after an address label ("Besöksadress: Furuhällsplan 1")
// or before a house number and a town ("Furuhällsplan 1, Kungsängen").
bool NamesAStreet(std::string_view text, const std::vector<Token>& tokens, const Title& title,
                  const std::vector<std::string>& previous) {
  if (title.last != title.head || title.first != title.head || !title.title_case) return false;
  if (!previous.empty() && (previous[0].ends_with("adress") || previous[0].ends_with("adress:"))) {
    return true;
  }
  std::size_t k = tokens[title.last].end;
  if (k >= text.size() || text[k] != ' ') return false;
  const std::size_t digits = k + 1;
  for (++k; k < text.size() && text[k] >= '0' && text[k] <= '9'; ++k) {
  }
  if (k == digits || k - digits > 3) return false;
  if (k < text.size() && text[k] >= 'A' && text[k] <= 'Z') ++k;  // "12B"
  return k + 2 < text.size() && text[k] == ',' && text[k + 1] == ' ' &&
         IsCapitalised(text.substr(k + 2, 4));
}

// An indefinite article or a plural quantifier blocks a generic plan word
// but not a title, a complement or a statutory plan type. After it only a
// capitalised title, an adjective title with a complement ("en regional
// digital agenda för Västmanland") or a statutory plan type is a plan; "en
// överenskommelse om samverkan mellan ..." and "en
// samverkansöverenskommelse för ..." describe.
bool AfterIndefiniteArticle(const Lexicon& lexicon, const FormerLists& lists, const Title& title,
                            const std::vector<std::string>& previous) {
  const Lexicon::List& articles = PlanList(lexicon, kArticles);
  bool indefinite = !previous.empty() && articles.Contains(previous[0]);
  if (!indefinite && previous.size() == 2 && articles.Contains(previous[1])) {
    // "en ny handlingsplan", "en reviderad investeringsplan": an article,
    // then a word that says nothing of which plan.
    for (const char* adjective : {"ny", "nytt", "egen", "eget", "gemensam", "gemensamt",
                                  "annan", "annat", "sådan", "sådant"}) {
      if (previous[0] == adjective) indefinite = true;
    }
    if (lists.adjective_stop.Contains(previous[0])) indefinite = true;
  }
  if (!indefinite || title.title_case || (title.adjectives && title.complement)) return false;
  return PlanList(lexicon, kStatutory).LongestSuffix(title.head_base).empty();
}

// The start of a place's genitive right before byte `begin` on its line,
// or npos: a capitalised word ending in "s", in running text (not after a
// sentence's end or at a line's start, where any word is capitalised), not
// in capitals (a heading's "KOMMUNS" is a body's, joined at resolution),
// and no determiner or generic owner ("Sveriges", "Kommunens":
// body_determiners.list).
std::size_t PlaceGenitiveBefore(std::string_view text, std::size_t begin, const Lexicon& lexicon) {
  constexpr std::size_t kNone = std::string_view::npos;
  std::size_t end = begin;
  if (end == 0 || text[end - 1] != ' ') return kNone;
  while (end > 0 && text[end - 1] == ' ') --end;
  std::size_t start = end;
  while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '\n') --start;
  const std::string_view word = text.substr(start, end - start);
  if (word.size() < 4 || word.back() != 's' || !IsCapitalised(word)) return kNone;
  std::size_t length = 0;
  DecodeAt(word, 0, &length);
  for (std::size_t i = length; i + 1 < word.size();) {
    std::size_t n = 0;
    const char32_t c = DecodeAt(word, i, &n);
    if (!IsBoundaryWordChar(c) || IsUpper(c)) return kNone;
    i += n;
  }
  std::size_t before = start;
  while (before > 0 && text[before - 1] == ' ') --before;
  if (before == 0 || text[before - 1] == '\n' || text[before - 1] == '.' || text[before - 1] == '!' ||
      text[before - 1] == '?' || text[before - 1] == ':') {
    return kNone;
  }
  // A capitalised word before it makes it the end of a longer name, a
  // body's ("Region Värmlands"), which resolution joins.
  std::size_t prev = before;
  while (prev > 0 && text[prev - 1] != ' ' && text[prev - 1] != '\n') --prev;
  if (IsCapitalised(text.substr(prev, before - prev))) return kNone;
  if (lexicon.Contains("body_determiners", word)) return kNone;
  return start;
}

}  // namespace

// The title in a match of the plan rule: its head, then a name, a
// complement and years after it, unless it is a generic mention; its value
// from PlanValue.
bool FormPlan(const RuleMatch& match, const Lexicon& lexicon, const Gazetteer& gazetteer,
              const TagContext& /*context*/, FormedValue* out) {
  const FormerLists lists(lexicon);
  static thread_local Tokeniser tokeniser;
  const std::vector<Token>& tokens = tokeniser.Split(match.text, match.begin, match.end);
  Title title;
  if (!FindHead(tokens, lists, &title)) return false;
  TakeComplement(tokens, lists, TakeName(tokens, lists, &title), &title);
  TakeYears(tokens, &title);
  TakeDashTheme(match.text, tokens, &title);
  DropNameRunIntoSentence(match.text, tokens, lists, &title);
  if (IsGeneric(lexicon, lists, tokens, title)) return false;
  const std::vector<std::string> previous = WordsBefore(match.text, tokens[title.first].begin, 2);
  if (InListOfKinds(lists, tokens, title, previous)) return false;
  if (AfterIndefiniteArticle(lexicon, lists, title, previous)) return false;
  if (NamesAStreet(match.text, tokens, title, previous)) return false;

  out->begin = tokens[title.first].begin;
  out->end = tokens[title.last].end;
  // A list's comma after the title's last word is the sentence's.
  if (tokens[title.last].word.size() > 1 && tokens[title.last].word.back() == ',') --out->end;
  std::string text(match.text.substr(out->begin, out->end - out->begin));
  // A genitive on a name at the end belongs to the sentence: "Affärsplan
  // Västmanlands" -> "Affärsplan Västmanland".
  if (title.named && !title.complement && !title.years && text.size() > 3 && text.back() == 's') {
    text.pop_back();
  }
  out->value = CachedPlanValue(text, lexicon, gazetteer);
  // A statutory plan is its place's: "Jonstorps fördjupade översiktsplan",
  // "Karlstads översiktsplan". The place's genitive joins the title.
  if (const std::size_t at = PlaceGenitiveBefore(match.text, out->begin, lexicon);
      at != std::string_view::npos && !PlanList(lexicon, kStatutory).LongestSuffix(title.head_base).empty()) {
    out->begin = at;
    text = std::string(match.text.substr(at, out->end - at));
    out->value = PlanValue(text, lexicon, gazetteer, true);
    return !PlanList(lexicon, kNotTitles).Contains(out->value) && !out->value.empty();
  }
  // A genitive right before may be a body's that joins the title
  // (resolve.h); adjectives after it stay as written.
  if (title.adjectives && !previous.empty() && previous[0].size() > 2 && previous[0].back() == 's') {
    out->owned_value = PlanValue(text, lexicon, gazetteer, true);
  }
  // Established terms shaped like titles ("Samordnad individuell plan").
  if (PlanList(lexicon, kNotTitles).Contains(out->value)) return false;
  return !out->value.empty();
}

}  // namespace diar::tag_internal
