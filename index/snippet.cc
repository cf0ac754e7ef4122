#include "index/snippet.h"

#include <algorithm>
#include <string_view>

namespace diar {
namespace {

constexpr std::size_t npos = std::string::npos;

// Text lower-cased a block at a time, so the scan for a match early in a
// long document touches only the first blocks.
constexpr std::size_t kScanBlock = 4096;

// The window MSet::snippet() gets around the first match. Its sliding window
// (kSnippetBytes) must be able to start before the match without reaching
// the window's start, or it would take the cut for a sentence start; and it
// stops once it has moved a window past its best, so the trail rarely runs
// out (it only does where matches crowd for kTrail bytes).
constexpr std::size_t kLead = 2 * kSnippetBytes;
constexpr std::size_t kTrail = 16 * kSnippetBytes;

// Windows tried at later candidates when Xapian highlights nothing in one
// (its tokeniser disagreeing with ours on a word), before giving up.
constexpr int kAttempts = 3;

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The code point starting at text[i] and its length in bytes; an invalid
// byte reads as itself, one byte long.
unsigned Decode(std::string_view text, std::size_t i, std::size_t* length) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  std::size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (i + n > text.size()) n = 1;
  unsigned cp = n == 1 ? c : c & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    if (!IsContinuation(text[i + k])) {
      *length = 1;
      return c;
    }
    cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  }
  *length = n;
  return cp;
}

// Appends text[begin, end) lower-cased to `out`, byte for byte aligned with
// the text: a character whose lower case has another UTF-8 length (a handful
// outside Latin, Greek and Cyrillic) stays as it is.
void AppendLower(std::string_view text, std::size_t begin, std::size_t end, std::string& out) {
  for (std::size_t i = begin; i < end;) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c);
      ++i;
      continue;
    }
    std::size_t n = 1;
    const unsigned cp = Decode(text, i, &n);
    char buf[4];
    if (n > 1 && Xapian::Unicode::to_utf8(Xapian::Unicode::tolower(cp), buf) == n) {
      out.append(buf, n);
    } else {
      out.append(text.data() + i, n);
    }
    i += n;
  }
}

// The word starting at text[*pos] (Xapian's word characters), lower-cased;
// *pos moves past it. Empty if no word starts there.
std::string ReadWord(std::string_view text, std::size_t* pos) {
  std::string word;
  while (*pos < text.size()) {
    std::size_t n = 1;
    const unsigned cp = Decode(text, *pos, &n);
    if (!Xapian::Unicode::is_wordchar(cp)) break;
    Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(cp));
    *pos += n;
  }
  return word;
}

bool Unprefixed(const std::string& term) {
  return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
}

}  // namespace

Snippeter::Snippeter(const Xapian::Query& query, const Xapian::Stem& stemmer)
    : stemmer_(stemmer) {
  Collect(query);
  for (const Needle& needle : needles_) {
    if (needle.size() > 1) has_phrase_ = true;
    for (const Word& word : needle) {
      const bool known = std::any_of(words_.begin(), words_.end(), [&](const Needle& w) {
        return w[0].form == word.form && w[0].stemmed == word.stemmed;
      });
      if (!known) words_.push_back({word});
    }
  }
}

void Snippeter::Collect(const Xapian::Query& query) {
  // Text terms only: a word ("kultur"), or Xapian's "Z" + stem. Other
  // prefixed terms (facets, title words) never occur in the text.
  auto as_word = [](const std::string& term, Word* word) {
    if (Unprefixed(term)) {
      *word = {term, false};
      return true;
    }
    if (term.size() > 1 && term[0] == 'Z' && Unprefixed(term.substr(1))) {
      *word = {term.substr(1), true};
      return true;
    }
    return false;
  };
  const Xapian::Query::op op = query.get_type();
  if (op == Xapian::Query::LEAF_TERM) {
    Word word;
    if (as_word(*query.get_terms_begin(), &word)) needles_.push_back({word});
    return;
  }
  const std::size_t n = query.get_num_subqueries();
  if (op == Xapian::Query::OP_PHRASE) {
    Needle phrase;
    for (std::size_t i = 0; i < n; ++i) {
      const Xapian::Query sub = query.get_subquery(i);
      Word word;
      if (sub.get_type() != Xapian::Query::LEAF_TERM || !as_word(*sub.get_terms_begin(), &word)) {
        phrase.clear();
        break;
      }
      phrase.push_back(std::move(word));
    }
    if (!phrase.empty()) {
      needles_.push_back(std::move(phrase));
      return;
    }
  }
  for (std::size_t i = 0; i < n; ++i) Collect(query.get_subquery(i));
}

bool Snippeter::MatchesAt(const std::string& text, std::size_t at, const Needle& needle) const {
  if (at > 0) {
    std::size_t before = at - 1;
    while (before > 0 && IsContinuation(text[before])) --before;
    std::size_t n = 1;
    if (Xapian::Unicode::is_wordchar(Decode(text, before, &n))) return false;  // inside a word
  }
  std::size_t pos = at;
  for (std::size_t k = 0; k < needle.size(); ++k) {
    if (k > 0) {
      // The next word of the phrase: Xapian numbers words, not characters,
      // so whatever lies between two words keeps them adjacent.
      std::size_t n = 1;
      while (pos < text.size() && !Xapian::Unicode::is_wordchar(Decode(text, pos, &n))) pos += n;
    }
    const std::string word = ReadWord(text, &pos);
    if (word.empty()) return false;
    if (needle[k].stemmed ? stemmer_(word) != needle[k].form : word != needle[k].form) return false;
  }
  return true;
}

std::size_t Snippeter::FirstMatch(const std::string& text, const std::vector<Needle>& needles,
                                  std::size_t from) const {
  // Candidates are where a needle's first form occurs in the lower-cased
  // text; Swedish Snowball stems are prefixes of the lower-cased word, so a
  // stemmed form is found too. Each is checked by MatchesAt.
  std::string lower;  // text[from, from + lower.size()) lower-cased
  std::vector<std::size_t> next(needles.size(), 0);
  while (from + lower.size() < text.size()) {
    std::size_t end = std::min(text.size(), from + lower.size() + kScanBlock);
    while (end < text.size() && IsContinuation(text[end])) ++end;
    AppendLower(text, from + lower.size(), end, lower);
    std::size_t best = npos;
    for (std::size_t i = 0; i < needles.size(); ++i) {
      const std::string& form = needles[i][0].form;
      for (std::size_t p = lower.find(form, next[i]); p != npos && p < best;
           p = lower.find(form, p + 1)) {
        if (MatchesAt(text, from + p, needles[i])) {
          best = p;
          break;
        }
      }
      // An occurrence cut by the block's end is found with the next block.
      if (lower.size() >= form.size()) next[i] = std::max(next[i], lower.size() - form.size() + 1);
    }
    if (best != npos) return from + best;
  }
  return npos;
}

std::string Snippeter::Around(const Xapian::MSet& mset, const std::string& text,
                              std::size_t at) const {
  std::size_t begin = at > kLead ? at - kLead : 0;
  while (begin < at && IsContinuation(text[begin])) ++begin;
  std::size_t end = std::min(text.size(), at + kTrail);
  while (end < text.size() && IsContinuation(text[end])) ++end;
  return mset.snippet(text.substr(begin, end - begin), kSnippetBytes, stemmer_,
                      Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH, kHighlightStart, kHighlightEnd,
                      kOmit);
}

std::string Snippeter::Opening(const Xapian::MSet& mset, const std::string& text) const {
  std::size_t cut = std::min(text.size(), kSnippetBytes);
  while (cut > 0 && cut < text.size() && IsContinuation(text[cut])) --cut;
  if (cut < text.size()) {
    // End on a word boundary when there is one in the second half.
    const std::size_t space = text.find_last_of(" \n\t", cut);
    if (space != npos && space >= kSnippetBytes / 2) cut = space;
  }
  std::string snippet = mset.snippet(text.substr(0, cut), kSnippetBytes, stemmer_, 0,
                                     kHighlightStart, kHighlightEnd, kOmit);
  if (cut < text.size() && !snippet.ends_with(kOmit)) snippet += kOmit;
  return snippet;
}

std::string Snippeter::Make(const Xapian::MSet& mset, const std::string& text,
                            std::size_t* match_at) const {
  if (match_at != nullptr) *match_at = 0;
  // Tight phrases first; failing those (a phrase found only in the title, or
  // a phrase with a gap, which Xapian highlights word by word), their words.
  for (const std::vector<Needle>* needles : {&needles_, &words_}) {
    if (needles == &words_ && !has_phrase_) break;
    std::size_t from = 0;
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
      const std::size_t at = FirstMatch(text, *needles, from);
      if (at == npos) break;
      std::string snippet = Around(mset, text, at);
      if (!snippet.empty()) {
        if (match_at != nullptr) *match_at = at;
        return snippet;
      }
      from = at + 1;
    }
  }
  return Opening(mset, text);
}

}  // namespace diar
