#include "index/query_text.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <set>

#include "index/dnr_key.h"

namespace diar {
namespace {

struct Token {
  std::string text;
  bool quoted = false;  // inside "..."
};

// Space-separated tokens; a quoted phrase stays one token with its quotes.
std::vector<Token> Tokens(const std::string& query) {
  std::vector<Token> tokens;
  std::string current;
  bool in_quotes = false;
  bool quoted = false;
  auto flush = [&] {
    if (!current.empty()) tokens.push_back({current, quoted});
    current.clear();
    quoted = false;
  };
  for (char c : query) {
    if (c == '"') {
      in_quotes = !in_quotes;
      quoted = true;
      current.push_back(c);
    } else if (!in_quotes && (c == ' ' || c == '\t' || c == '\n')) {
      flush();
    } else {
      current.push_back(c);
    }
  }
  flush();
  return tokens;
}

bool AllUpperLetters(const std::string& s) {
  if (s.size() < 2 || s.size() > 12) return false;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    if (!u_isupper(u.char32At(i))) return false;
  }
  return true;
}

bool AllLetters(const std::string& s) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  if (u.isEmpty()) return false;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    if (!u_isalpha(u.char32At(i))) return false;
  }
  return true;
}

// The field name of a `name:value` token, or empty. Leaves out what only
// looks like one: a genitive ("EU:s"), a number ("KS:2019"), a URL, an
// acronym in capitals.
std::string FieldName(const std::string& token) {
  std::string t = token;
  while (!t.empty() && (t[0] == '(' || t[0] == '+' || t[0] == '-')) t.erase(0, 1);
  const std::size_t colon = t.find(':');
  if (colon == std::string::npos || colon < 2 || colon + 1 >= t.size()) return "";
  const std::string name = t.substr(0, colon);
  const std::string value = t.substr(colon + 1);
  if (!AllLetters(name) || AllUpperLetters(name)) return "";
  if (value == "s" || value[0] == '/' || std::isdigit(static_cast<unsigned char>(value[0]))) return "";
  return name;
}

// A plain word that can go on a field's value typed without quotes: no
// field, operator, quote or bracket of its own.
bool JoinsValue(const Token& token) {
  static const std::set<std::string> kOperators = {"AND", "OR", "NOT", "XOR", "NEAR",
                                                   "OCH", "ELLER", "INTE"};
  return !token.quoted && FieldName(token.text).empty() && !kOperators.contains(token.text) &&
         token.text.find_first_of("()\":") == std::string::npos && token.text[0] != '-' &&
         token.text[0] != '+' && token.text.rfind("NEAR/", 0) != 0;
}

// How many of the words after tokens[i] (`name:value`, unquoted) belong to
// its value: the most that make a value the index holds with it, 0 if
// none; `*joined` gets that value. A value is rarely more than four words
// ("Länsstyrelsen i Västra Götalands län").
std::size_t WordsOfValue(const std::vector<Token>& tokens, std::size_t i, const std::string& name,
                         const HasFieldValue& has_value, std::string* joined) {
  constexpr std::size_t kMaxMoreWords = 4;
  const std::string& token = tokens[i].text;
  std::string value = token.substr(token.find(':') + 1);
  if (value.empty() || value.front() == '"' || value.find_first_of("()") != std::string::npos) return 0;
  std::size_t words = 0;
  for (std::size_t k = 1; k <= kMaxMoreWords && i + k < tokens.size() && JoinsValue(tokens[i + k]); ++k) {
    value += " " + tokens[i + k].text;
    if (has_value(name, value)) {
      words = k;
      *joined = value;
    }
  }
  return words;
}

}  // namespace

PreparedQuery PrepareQuery(const std::string& query, bool (*is_field)(const std::string&),
                           const HasFieldValue& has_value) {
  PreparedQuery prepared;
  std::vector<Token> tokens = Tokens(query);
  std::vector<bool> taken(tokens.size(), false);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    Token& token = tokens[i];
    if (token.quoted) continue;
    if (token.text == "OCH") token.text = "AND";
    if (token.text == "ELLER") token.text = "OR";
    if (token.text == "INTE") token.text = "NOT";
    const std::string name = FieldName(token.text);
    if (!name.empty()) {
      if (!is_field(name)) {
        if (prepared.unknown_field.empty()) prepared.unknown_field = name;
      } else if (has_value) {
        std::string value;
        if (const std::size_t more = WordsOfValue(tokens, i, name, has_value, &value); more > 0) {
          for (std::size_t k = 1; k <= more; ++k) taken[i + k] = true;
          token.text = token.text.substr(0, token.text.find(':') + 1) + "\"" + value + "\"";
          i += more;
        }
      }
      continue;
    }
    if (token.text.find(':') == std::string::npos && LooksLikeDnr(token.text) &&
        std::any_of(token.text.begin(), token.text.end(), [](char c) { return c == '/' || c == '-' || c == ':' || c == '.'; })) {
      std::string span = token.text;
      while (!span.empty() && (span.back() == ',' || span.back() == ';' || span.back() == ')')) span.pop_back();
      if (i > 0 && !taken[i - 1] && !tokens[i - 1].quoted && AllUpperLetters(tokens[i - 1].text) &&
          tokens[i - 1].text != "AND" && tokens[i - 1].text != "OR" && tokens[i - 1].text != "NOT") {
        span = tokens[i - 1].text + " " + span;
        taken[i - 1] = true;
      }
      prepared.dnrs.push_back(span);
      taken[i] = true;
    }
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (taken[i]) continue;
    if (!prepared.text.empty()) prepared.text.push_back(' ');
    prepared.text += tokens[i].text;
  }
  return prepared;
}

std::vector<std::string> CorrectedWords(const std::string& typed, const std::string& corrected) {
  const std::vector<Token> from = Tokens(typed), to = Tokens(corrected);
  std::vector<std::string> changed;
  if (from.size() != to.size()) return changed;
  for (std::size_t i = 0; i < from.size(); ++i) {
    if (FoldSwedish(from[i].text) != FoldSwedish(to[i].text)) changed.push_back(from[i].text);
  }
  return changed;
}

bool CorrectableWord(const std::string& word) {
  constexpr int32_t kMinLetters = 5;
  return icu::UnicodeString::fromUTF8(word).countChar32() >= kMinLetters && !AllUpperLetters(word) &&
         AllLetters(word);
}

bool OfferableCorrection(const std::string& typed, const std::string& corrected) {
  constexpr int32_t kMinCharacters = 4;
  const std::vector<std::string> changed = CorrectedWords(typed, corrected);
  return std::all_of(changed.begin(), changed.end(), [](const std::string& word) {
    return icu::UnicodeString::fromUTF8(word).countChar32() >= kMinCharacters;
  });
}

std::string FoldSwedish(const std::string& text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  u.foldCase();
  icu::UnicodeString out;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    UChar32 c = u.char32At(i);
    switch (c) {
      case 0x00E5: case 0x00E4: case 0x00E0: case 0x00E1: c = 'a'; break;  // å ä à á
      case 0x00F6: case 0x00F8: c = 'o'; break;                            // ö ø
      case 0x00E9: case 0x00E8: c = 'e'; break;                            // é è
      case 0x00FC: c = 'u'; break;                                         // ü
      default: break;
    }
    out.append(c);
  }
  std::string s;
  return out.toUTF8String(s);
}

std::size_t EditDistance(const std::string& a, const std::string& b, std::size_t cap) {
  const icu::UnicodeString ua = icu::UnicodeString::fromUTF8(a);
  const icu::UnicodeString ub = icu::UnicodeString::fromUTF8(b);
  const std::size_t n = static_cast<std::size_t>(ua.length());
  const std::size_t m = static_cast<std::size_t>(ub.length());
  if ((n > m ? n - m : m - n) > cap) return cap + 1;
  std::vector<std::size_t> row(m + 1);
  for (std::size_t j = 0; j <= m; ++j) row[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    std::size_t best = row[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t up = row[j];
      const std::size_t cost = ua[static_cast<int32_t>(i - 1)] == ub[static_cast<int32_t>(j - 1)] ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = up;
      best = std::min(best, row[j]);
    }
    if (best > cap) return cap + 1;
  }
  return std::min(row[m], cap + 1);
}

}  // namespace diar
