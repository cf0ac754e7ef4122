#include "pipeline/normalise/dehyphenate.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string_view>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "pipeline/data_file/data_file.h"

namespace diar::normalise_internal {
namespace {

bool IsAsciiPunct(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return u < 0x80 && !std::isalnum(u);
}

// Punctuation around a word: ASCII's, and typographic quotes and brackets
// ("“Ar-" / "betsmarknaden”").
std::string StripLeading(const std::string& w) {
  std::size_t b = 0;
  while (b < w.size()) {
    if (IsAsciiPunct(w[b])) {
      ++b;
      continue;
    }
    std::size_t next = b;
    UChar32 c;
    U8_NEXT(w.data(), next, w.size(), c);
    if (c < 0x80 || !u_ispunct(c)) break;
    b = next;
  }
  return w.substr(b);
}

std::string StripTrailing(const std::string& w) {
  std::size_t e = w.size();
  while (e > 0) {
    if (IsAsciiPunct(w[e - 1])) {
      --e;
      continue;
    }
    int32_t prev = static_cast<int32_t>(e);
    UChar32 c;
    U8_PREV(w.data(), 0, prev, c);
    if (c < 0x80 || !u_ispunct(c)) break;
    e = static_cast<std::size_t>(prev);
  }
  return w.substr(0, e);
}

UChar32 FirstCodePoint(const std::string& s) {
  if (s.empty()) return 0;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return c;
}

struct Cases {
  int letters = 0, upper = 0, upper_after_first = 0, digits = 0;
};

Cases CountCases(const std::string& s) {
  Cases k;
  bool first = true;
  for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n;) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (u_isdigit(c)) ++k.digits;
    if (u_isalpha(c)) {
      ++k.letters;
      if (u_isupper(c)) {
        ++k.upper;
        if (!first) ++k.upper_after_first;
      }
    }
    first = false;
  }
  return k;
}

bool IsCoordinator(const std::string& lower) {
  // Words after which a hyphen is a suspended compound: "hälso- och
  // sjukvård", "för- eller nackdelar", "kultur- samt fritidsnämnden",
  // "grund- respektive gymnasieskolan", "barn- & ungdom".
  static const std::set<std::string> kWords = {
      "och", "eller", "samt", "respektive", "resp", "&", "liksom", "som", "till", "men", "el"};
  return kWords.count(lower) != 0;
}

// Lower's own half: ASCII and the two-byte Latin-1 letters, which is
// nearly every Swedish word, lowered into `*out`. False at the first other
// byte, which needs ICU's Swedish rules; `*out` then holds a part. ASCII's
// capitals are A-Z, as std::tolower has them in the "C" locale (diar sets
// no other).
bool LowerLatin1(std::string_view text, std::string* out) {
  out->clear();
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
    } else if (c == 0xC3 && i + 1 < text.size()) {
      // Latin-1 capitals (Å Ä Ö É ...) are U+00C0-U+00DE, their small
      // letters 0x20 above; × (U+00D7) is no letter.
      unsigned char d = static_cast<unsigned char>(text[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) d = static_cast<unsigned char>(d + 0x20);
      out->push_back(static_cast<char>(c));
      out->push_back(static_cast<char>(d));
      ++i;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string Lower(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  if (LowerLatin1(text, &out)) return out;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  u.toLower(icu::Locale("sv"));
  std::string full;
  return u.toUTF8String(full);
}

void WordCounts::AddLine(const std::string& line) {
  // Views until the one key is built: this runs over every word of every
  // document.
  const std::string_view text(line);
  std::string lowered;  // a word with capitals or other letters, lowered
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view token = text.substr(start, end - start);
    start = end + 1;
    if (end == text.size() && !token.empty() && token.back() == '-') continue;  // cut word
    while (!token.empty() && IsAsciiPunct(token.front())) token.remove_prefix(1);
    while (!token.empty() && IsAsciiPunct(token.back())) token.remove_suffix(1);
    if (token.empty()) continue;
    const bool lower = std::none_of(token.begin(), token.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
    });
    if (lower) {
      auto it = counts_.find(token);
      if (it != counts_.end()) {
        ++it->second;
      } else {
        counts_.emplace(std::string(token), 1);
      }
    } else {
      if (!LowerLatin1(token, &lowered)) lowered = Lower(std::string(token));
      auto it = counts_.find(lowered);
      if (it != counts_.end()) {
        ++it->second;
      } else {
        counts_.emplace(lowered, 1);
      }
    }
  }
}

int WordCounts::Count(const std::string& lower_word) const {
  auto it = counts_.find(lower_word);
  return it == counts_.end() ? 0 : it->second;
}

const KeepList& KeepList::Get(const std::string& path) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<KeepList>> loaded;
  std::lock_guard<std::mutex> lock(mu);
  std::unique_ptr<KeepList>& list = loaded[path];
  if (!list) {
    list = std::make_unique<KeepList>();
    // Normalise never fails, so a missing or bad list only costs the words
    // it would have kept; the errors are not reported here.
    std::vector<std::string> ignored;
    for (const DataLine& line : ReadDataFile(path, &ignored).lines) {
      if (line.fields[0].find('-') != std::string::npos) list->words_.push_back(Lower(line.fields[0]));
    }
  }
  return *list;
}

bool KeepList::Matches(const std::string& lower_hyphenated, std::size_t hyphen_at) const {
  for (const std::string& w : words_) {
    if (w.size() > hyphen_at && w[hyphen_at] == '-' &&
        lower_hyphenated.compare(0, w.size(), w) == 0) {
      return true;
    }
  }
  return false;
}

HyphenChoice DecideHyphen(const std::string& left, const std::string& right,
                          const HyphenEvidence& evidence, bool typed) {
  std::string stem = StripLeading(left);
  if (!stem.empty() && stem.back() == '-') stem.pop_back();
  const std::string word = StripTrailing(right);
  if (stem.empty() || word.empty()) return HyphenChoice::kKeepSpaced;
  const std::string lower_word = Lower(word);
  if (typed && evidence.breaks_marked) {
    return IsCoordinator(lower_word) ? HyphenChoice::kKeepSpaced : HyphenChoice::kKeep;
  }
  // The word's own hyphen stays; its last part is what the break cut.
  if (const std::size_t own = stem.rfind('-'); own != std::string::npos && own + 1 < stem.size()) {
    stem.erase(0, own + 1);
  }
  const std::string lower_joined = Lower(stem + word);
  // Hunspell's compound check is the costly step here (it tries the ways a
  // word could split); ask it only when the cheaper evidence is silent.
  auto lexicon_joined = [&] {
    return evidence.lexicon != nullptr &&
           (evidence.lexicon->IsWord(stem + word) || evidence.lexicon->IsWord(lower_joined));
  };
  // "men", "som" and "till" also end words ("kännedo-" / "men"): a known
  // joined word from a stem that is no word by itself is a broken word.
  if (IsCoordinator(lower_word)) {
    const bool broken_word = lexicon_joined() && !evidence.lexicon->IsWord(stem);
    return broken_word ? HyphenChoice::kJoin : HyphenChoice::kKeepSpaced;
  }

  const std::string hyphenated = stem + "-" + word;
  const Cases s = CountCases(stem);
  const Cases w = CountCases(word);

  if (u_isupper(FirstCodePoint(word))) {
    const bool all_caps = s.upper == s.letters && w.upper == w.letters && s.letters >= 2;
    if (!all_caps) return HyphenChoice::kKeep;
    const bool joins =
        (evidence.counts != nullptr && evidence.counts->Count(lower_joined) > 0) ||
        (evidence.lexicon != nullptr && evidence.lexicon->IsWord(lower_joined));
    return joins ? HyphenChoice::kJoin : HyphenChoice::kKeep;
  }
  if (s.digits > 0 || w.digits > 0 || !u_isalpha(FirstCodePoint(word))) return HyphenChoice::kKeep;
  if (s.upper_after_first > 0 || s.letters <= 1) return HyphenChoice::kKeep;
  if (evidence.keep != nullptr && evidence.keep->Matches(Lower(hyphenated), stem.size())) {
    return HyphenChoice::kKeep;
  }
  if (evidence.counts != nullptr) {
    const int whole = evidence.counts->Count(lower_joined);
    const int with_hyphen = evidence.counts->Count(Lower(hyphenated));
    if (with_hyphen > whole) return HyphenChoice::kKeep;
    if (whole > 0) return HyphenChoice::kJoin;
  }
  // A lower-case stem joins: a joined word the lexicon rejects is mostly a
  // word newer than the dictionary ("corona-" / "pandemin"), written solid.
  // So the lexicon is not asked: its compound check is the costliest
  // question here, and these were 4 in 5 of its calls on long plans.
  if (!u_isupper(FirstCodePoint(stem))) return HyphenChoice::kJoin;
  // The lexicon knows the joined word: a broken word.
  if (lexicon_joined()) return HyphenChoice::kJoin;
  // A name the lexicon cannot compound with a word that stands on its own:
  // Swedish writes such name compounds with a hyphen ("Gaaltije-" /
  // "sydsamiskt", "Northvolt-" / "fabriken"). The rejection means something
  // because sv_SE's compounding accepts nearly every Swedish compound. (The
  // lexicon is never asked about the hyphenated form: hunspell accepts any
  // "a-b" whose parts are words, by its BREAK rule.)
  if (evidence.lexicon != nullptr && evidence.lexicon->IsWord(word)) return HyphenChoice::kKeep;
  // Nothing against joining: Swedish writes compounds solid.
  return HyphenChoice::kJoin;
}

}  // namespace diar::normalise_internal

namespace diar {

std::vector<std::string> CheckHyphenKeepList(const std::string& path) {
  std::vector<std::string> errors;
  const DataFile file = ReadDataFile(path, &errors);
  for (const DataLine& line : file.lines) {
    const std::string& word = line.fields[0];
    if (line.fields.size() > 1 || word.find(' ') != std::string::npos) {
      errors.push_back(Where(path, line.number, "one word a line; split \"" + word + "\""));
    } else if (word.find('-') == std::string::npos) {
      errors.push_back(Where(path, line.number, "\"" + word + "\" has no hyphen; list words whose hyphen must stay"));
    } else if (normalise_internal::Lower(word) != word) {
      errors.push_back(Where(path, line.number, "\"" + word + "\" must be lower case"));
    }
  }
  return errors;
}

}  // namespace diar
