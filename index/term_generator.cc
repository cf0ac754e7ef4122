#include "index/term_generator.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <utility>

namespace diar {
namespace {

// Longest word indexed, in bytes before any prefix: Xapian's default
// (TermGenerator::set_max_word_length), which keeps binary junk out.
constexpr std::size_t kMaxWordBytes = 64;

// A character of the text and where the next one starts.
struct Char {
  unsigned code = 0;
  const char* next = nullptr;
};

// Decodes the character at `p` (< `end`) as Xapian::Utf8Iterator does:
// ASCII here, anything else through the iterator, so invalid bytes come out
// as Xapian reads them.
inline Char At(const char* p, const char* end) {
  const auto b = static_cast<unsigned char>(*p);
  if (b < 0x80) return {b, p + 1};
  Xapian::Utf8Iterator it(p, static_cast<std::size_t>(end - p));
  const unsigned code = *it;
  ++it;
  return {code, it.raw()};
}

// Xapian's answers for ASCII, asked once: a word character's lower case (0
// for a character that is no word character), and whether a word starting
// with the character is stemmed (its category is a letter that is not
// upper case).
struct AsciiTable {
  std::array<unsigned, 128> lower{};
  std::array<bool, 128> stems{};
};

const AsciiTable& Ascii() {
  static const AsciiTable table = [] {
    AsciiTable t;
    for (unsigned c = 0; c < 128; ++c) {
      t.lower[c] = Xapian::Unicode::is_wordchar(c) ? Xapian::Unicode::tolower(c) : 0;
      const Xapian::Unicode::category cat = Xapian::Unicode::get_category(c);
      t.stems[c] = cat == Xapian::Unicode::LOWERCASE_LETTER || cat == Xapian::Unicode::TITLECASE_LETTER ||
                   cat == Xapian::Unicode::MODIFIER_LETTER || cat == Xapian::Unicode::OTHER_LETTER;
    }
    return t;
  }();
  return table;
}

// The lower case of a word character, 0 for any other.
inline unsigned WordChar(unsigned c, const AsciiTable& ascii) {
  if (c < 128) return ascii.lower[c];
  return Xapian::Unicode::is_wordchar(c) ? Xapian::Unicode::tolower(c) : 0;
}

inline bool IsWordChar(unsigned c, const AsciiTable& ascii) { return WordChar(c, ascii) != 0; }

inline bool IsAsciiCapital(unsigned c) { return c >= 'A' && c <= 'Z'; }

inline bool IsDigit(unsigned c) {
  if (c < 128) return c >= '0' && c <= '9';
  return Xapian::Unicode::get_category(c) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
}

// What a character between two word characters does, as JoinWords and
// JoinDigits say: kNoJoin (the word ends before it), kSilent (the word goes
// on without it) or the character the word gets.
constexpr unsigned kNoJoin = 0;
constexpr unsigned kSilent = ~0u;

inline bool IsInvisible(unsigned c) {
  return c >= 0x200b && (c <= 0x200d || c == 0x2060 || c == 0xfeff);
}

// Between letters: Unicode's word-boundary rules' apostrophes and middle
// dots, and '&' (AT&T).
unsigned JoinWords(unsigned c) {
  switch (c) {
    case '\'': case '&': case 0xb7: case 0x5f4: case 0x2027:
      return c;
    case 0x2019: case 0x201b:  // right and reversed single quotes: apostrophes
      return '\'';
    default:
      return IsInvisible(c) ? kSilent : kNoJoin;
  }
}

// Between digits: Unicode's word-boundary number separators ("1,5", "2.3").
unsigned JoinDigits(unsigned c) {
  switch (c) {
    case ',': case '.': case ';': case 0x037e: case 0x0589: case 0x060d: case 0x07f8:
    case 0x2044: case 0xfe10: case 0xfe13: case 0xfe14:
      return c;
    default:
      return IsInvisible(c) ? kSilent : kNoJoin;
  }
}

inline bool IsSuffix(unsigned c) { return c == '+' || c == '#'; }

// At most this many '+' or '#' end a word ("c++", "c#"); more and none do.
constexpr int kMaxSuffixes = 3;

}  // namespace

TermGenerator::TermGenerator(Xapian::Document& doc, const Xapian::Stopper* stopper, Stemmer stem)
    : doc_(doc), stopper_(stopper), stem_(std::move(stem)) {}

void TermGenerator::Index(std::string_view text, Xapian::termcount wdf_inc, std::string_view prefix) {
  forms_.clear();
  occurrences_.clear();
  prefix_ = prefix;
  const Xapian::termpos first = termpos_ + 1;
  IndexWords(text);
  AddPostings(first, wdf_inc);
  for (const auto& [word, form] : forms_) {
    if (!form.stem_term.empty()) doc_.add_term(form.stem_term, form.occurrences * wdf_inc);
  }
}

// Xapian's Document keeps its terms in a std::map and looks the term up on
// every add_posting: a string comparison per level of a tree of thousands
// of terms, for every word of the text. Added form by form, the most
// frequent first, most words are added while the tree is still small (a
// text's few commonest words are a large share of it). Each term still gets
// its positions in ascending order, so the document is the same.
void TermGenerator::AddPostings(Xapian::termpos first, Xapian::termcount wdf_inc) {
  order_.clear();
  for (Forms::value_type& form : forms_) order_.push_back(&form);
  std::sort(order_.begin(), order_.end(), [](const Forms::value_type* a, const Forms::value_type* b) {
    return a->second.occurrences > b->second.occurrences;
  });
  // Each form's positions, in `order_`'s order of forms.
  std::uint32_t at = 0;
  for (Forms::value_type* form : order_) {
    form->second.next = at;
    at += form->second.occurrences;
  }
  positions_.resize(occurrences_.size());
  Xapian::termpos pos = first;
  for (Forms::value_type* form : occurrences_) positions_[form->second.next++] = pos++;
  const Xapian::termpos* p = positions_.data();
  for (const Forms::value_type* form : order_) {
    term_.assign(prefix_);
    term_ += form->first;
    for (const Xapian::termpos* const last = p + form->second.occurrences; p < last; ++p) {
      doc_.add_posting(term_, *p, wdf_inc);
    }
  }
}

void TermGenerator::IndexWords(std::string_view text) {
  const AsciiTable& ascii = Ascii();
  const char* p = text.data();
  const char* const end = p + text.size();
  while (true) {
    // To the next word character: `c` is the character at `p`, `lower` its
    // lower case.
    Char c;
    unsigned lower = 0;
    while (true) {
      if (p == end) return;
      c = At(p, end);
      lower = WordChar(c.code, ascii);
      if (lower != 0) break;
      p = c.next;
    }
    word_.clear();

    // Initials: ASCII capitals each followed by a dot, bar perhaps the last
    // ("U.S.A." and "U.S.A" are "usa"), and no word character after them.
    if (IsAsciiCapital(c.code)) {
      const char* q = p;
      while (true) {
        word_.push_back(static_cast<char>(ascii.lower[static_cast<unsigned char>(*q)]));
        ++q;
        if (q == end || *q != '.') break;
        ++q;
        if (q == end || !IsAsciiCapital(static_cast<unsigned char>(*q))) break;
      }
      if (word_.size() > 1 && (q == end || !IsWordChar(At(q, end).code, ascii))) {
        p = q;
        AddWord();
        continue;
      }
      word_.clear();
    }

    // Word characters, and joiners between two of them.
    bool ended = false;
    while (true) {
      unsigned last;
      do {
        Xapian::Unicode::append_utf8(word_, lower);
        last = lower;
        p = c.next;
        if (p == end) {
          ended = true;
          break;
        }
        c = At(p, end);
        lower = WordChar(c.code, ascii);
      } while (lower != 0);
      if (ended || c.next == end) break;
      const Char after = At(c.next, end);
      const unsigned after_lower = WordChar(after.code, ascii);
      if (after_lower == 0) break;
      const unsigned join =
          IsDigit(last) && IsDigit(after.code) ? JoinDigits(c.code) : JoinWords(c.code);
      if (join == kNoJoin) break;
      if (join != kSilent) Xapian::Unicode::append_utf8(word_, join);
      p = c.next;
      c = after;
      lower = after_lower;
    }

    // '+' and '#' after the word, unless a word character follows them
    // ("fish+chips" is two words).
    if (!ended) {
      const std::size_t bare = word_.size();
      int suffixes = 0;
      while (IsSuffix(c.code)) {
        if (++suffixes > kMaxSuffixes) {
          word_.resize(bare);
          break;
        }
        word_.push_back(static_cast<char>(c.code));
        p = c.next;
        if (p == end) {
          ended = true;
          break;
        }
        c = At(p, end);
      }
      if (!ended && IsWordChar(c.code, ascii)) word_.resize(bare);
    }
    AddWord();
  }
}

void TermGenerator::AddWord() {
  if (word_.size() > kMaxWordBytes) return;
  ++termpos_;
  auto [it, fresh] = forms_.try_emplace(word_);
  Form& form = it->second;
  if (fresh) {
    form.stopword = stopper_ != nullptr && (*stopper_)(word_);
    form.stem_term = StemTerm(word_, form);
  }
  ++form.occurrences;
  occurrences_.push_back(&*it);
}

std::string TermGenerator::StemTerm(const std::string& word, const Form& form) const {
  if (form.stopword) return "";
  // Numbers and codes get no stem; words starting with a letter do.
  const auto first = static_cast<unsigned char>(word[0]);
  if (first < 128) {
    if (!Ascii().stems[first]) return "";
  } else {
    const Xapian::Unicode::category cat = Xapian::Unicode::get_category(*Xapian::Utf8Iterator(word));
    if (cat != Xapian::Unicode::LOWERCASE_LETTER && cat != Xapian::Unicode::TITLECASE_LETTER &&
        cat != Xapian::Unicode::MODIFIER_LETTER && cat != Xapian::Unicode::OTHER_LETTER) {
      return "";
    }
  }
  const std::string& stem = stem_(word);
  if (stem.empty()) return "";
  std::string term;
  term.reserve(1 + prefix_.size() + stem.size());
  term += 'Z';
  term += prefix_;
  term += stem;
  return term;
}

}  // namespace diar
