#include "pipeline/tag/acronyms.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "pipeline/tag/lexicon.h"
#include "pipeline/tag/text_util.h"

namespace diar::tag_internal {
namespace {

const std::string kRule = "acronym.defined";
const std::string kNameRule = "acronym.name";

bool IsCapitalOrDigit(unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// The acronym in "(ABC)" starting at `open`, or "": two to ten capitals
// (ASCII, Å Ä Ö) or digits, a hyphen inside, starting with a capital.
std::string_view BracketedAcronym(std::string_view text, std::size_t open) {
  if (open >= text.size() || text[open] != '(') return {};
  std::size_t i = open + 1;
  std::size_t letters = 0;
  while (i < text.size() && text[i] != ')') {
    const auto c = static_cast<unsigned char>(text[i]);
    if (IsCapitalOrDigit(c) || (c == '-' && letters > 0)) {
      ++i;
    } else if (c == 0xC3 && i + 1 < text.size() &&
               (text[i + 1] == '\x85' || text[i + 1] == '\x84' || text[i + 1] == '\x96')) {
      i += 2;
    } else {
      return {};
    }
    ++letters;
  }
  if (i >= text.size() || letters < 2 || letters > 10) return {};
  const auto first = static_cast<unsigned char>(text[open + 1]);
  if (first >= '0' && first <= '9') return {};
  return text.substr(open + 1, i - open - 1);
}

Candidate AcronymCandidate(const Candidate& body, std::size_t begin, std::size_t end) {
  Candidate c;
  c.type = "body";
  c.begin = begin;
  c.end = end;
  if (body.canonical != nullptr) {
    c.canonical = body.canonical;
  } else {
    c.value = body.value;
  }
  c.rule = &kRule;
  return c;
}

// Words that give no initial: "Västmanlands Kommuner och Landsting (VKL)",
// "Inspektionen för vård och omsorg (IVO)".
bool IsLinkWord(std::string_view word) {
  for (std::string_view link : {"och", "i", "för", "samt", "av", "&", "till", "med", "om", "på"}) {
    if (word == link) return true;
  }
  return false;
}

// The acronym's letters as upper-case code points.
std::vector<char32_t> Letters(std::string_view acronym) {
  std::vector<char32_t> letters;
  for (std::size_t i = 0; i < acronym.size();) {
    std::size_t length = 0;
    const char32_t c = DecodeAt(acronym, i, &length);
    if (c != '-' && !(c >= '0' && c <= '9')) letters.push_back(c);
    i += length == 0 ? 1 : length;
  }
  return letters;
}

char32_t UpperInitial(std::string_view word) {
  std::size_t length = 0;
  char32_t c = DecodeAt(word, 0, &length);
  if (c >= 'a' && c <= 'z') return c - 'a' + 'A';
  if (c == 0xE5 || c == 0xE4 || c == 0xF6) return c - 0x20;  // å ä ö
  return c;
}

// The name before "(ABC)" whose words' initials spell ABC, the link words
// aside ("Västmanlands Kommuner och Landsting (VKL)"): its begin in bytes,
// or npos. The first word has a capital; the words stand on one line.
std::size_t NameBefore(std::string_view text, std::size_t end, std::string_view acronym,
                       const Lexicon& lexicon) {
  const std::vector<char32_t> letters = Letters(acronym);
  if (letters.size() < 2) return std::string_view::npos;
  std::size_t at = end;
  std::size_t need = letters.size();
  while (need > 0) {
    while (at > 0 && text[at - 1] == ' ') --at;
    std::size_t begin = at;
    while (begin > 0 && text[begin - 1] != ' ' && text[begin - 1] != '\n' &&
           text[begin - 1] != '(' && text[begin - 1] != ',' && text[begin - 1] != '.' &&
           text[begin - 1] != ':' && text[begin - 1] != ';') {
      --begin;
    }
    if (begin == at) return std::string_view::npos;
    const std::string_view word = text.substr(begin, at - begin);
    // Laws, funds, programmes: acronyms that name no body, whether the kind
    // word ends the name or starts it ("Lagen om offentlig upphandling").
    if (!lexicon.LongestSuffix("acronym_name_stop", Lower(word)).empty()) {
      return std::string_view::npos;
    }
    if (!IsLinkWord(word)) {
      if (UpperInitial(word) != letters[need - 1]) return std::string_view::npos;
      --need;
    }
    at = begin;
    if (need > 0 && (at == 0 || text[at - 1] != ' ')) return std::string_view::npos;
  }
  std::size_t length = 0;
  const char32_t first = DecodeAt(text, at, &length);
  const bool capital = (first >= 'A' && first <= 'Z') || first == 0xC5 || first == 0xC4 || first == 0xD6;
  return capital ? at : std::string_view::npos;
}

}  // namespace

void AddNamedByAcronym(std::string_view text, const Lexicon& lexicon,
                       std::vector<Candidate>* candidates) {
  // Where bodies end, sorted; gathered at the first acronym (most texts
  // have a few brackets and many candidates).
  std::vector<std::size_t> body_ends;
  bool gathered = false;
  for (std::size_t open = text.find('('); open != std::string_view::npos;
       open = text.find('(', open + 1)) {
    const std::string_view acronym = BracketedAcronym(text, open);
    if (acronym.empty() || open < 2 || text[open - 1] != ' ') continue;
    const std::size_t name_end = open - 1;
    if (!gathered) {
      for (const Candidate& c : *candidates) {
        if (c.type == "body" && c.emit) body_ends.push_back(c.end);
      }
      std::sort(body_ends.begin(), body_ends.end());
      gathered = true;
    }
    // A body already ends there: AddDefinedAcronyms does it.
    if (std::binary_search(body_ends.begin(), body_ends.end(), name_end)) continue;
    const std::size_t begin = NameBefore(text, name_end, acronym, lexicon);
    if (begin == std::string_view::npos) continue;
    Candidate c;
    c.type = "body";
    c.begin = begin;
    c.end = name_end;
    c.value = FoldSpace(text.substr(begin, name_end - begin));
    c.rule = &kNameRule;
    candidates->push_back(std::move(c));
  }
}

void AddDefinedAcronyms(std::string_view text, std::vector<Candidate>* candidates) {
  std::map<std::string_view, Candidate> defined;  // acronym -> its body
  for (const Candidate& c : *candidates) {
    if (c.type != "body" || !c.emit) continue;
    std::size_t open = c.end;
    if (open < text.size() && text[open] == ' ') ++open;
    const std::string_view acronym = BracketedAcronym(text, open);
    if (acronym.empty() || text.substr(c.begin, c.end - c.begin) == acronym) continue;
    defined.emplace(acronym, c);
  }
  for (const auto& [acronym, body] : defined) {
    for (std::size_t at = text.find(acronym, body.end); at != std::string_view::npos;
         at = text.find(acronym, at + acronym.size())) {
      std::size_t end = at + acronym.size();
      if (at > 0 && IsBoundaryWordChar(DecodeBefore(text, at))) continue;
      // Later in brackets it is a label after a name, as party letters are
      // ("Anna Ek (KD)" after "Kristdemokraterna (KD)").
      const bool definition = at == body.end + 1 || at == body.end + 2;
      if (!definition && at > 0 && text[at - 1] == '(' && end < text.size() && text[end] == ')') {
        continue;
      }
      if (text.substr(end, 2) == ":s") end += 2;
      std::size_t length = 0;
      if (end < text.size() && IsBoundaryWordChar(DecodeAt(text, end, &length))) continue;
      candidates->push_back(AcronymCandidate(body, at, end));
    }
  }
}

}  // namespace diar::tag_internal
