#include "pipeline/tag/acronyms.h"

#include <map>
#include <string>

#include "pipeline/tag/text_util.h"

namespace diar::tag_internal {
namespace {

const std::string kRule = "acronym.defined";

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

}  // namespace

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
