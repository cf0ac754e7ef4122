#include "index/text_terms.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <set>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "index/schema.h"
#include "index/term_generator.h"
#include "pipeline/normalise/normalise.h"

namespace diar {
namespace {

// Title words count as much as this many occurrences in the body: a title
// match is strong evidence the document is about the word.
constexpr Xapian::termcount kTitleWeight = 5;

// Unprefixed terms are the words the term generator indexed as written; prefixes
// are capital ASCII letters by Xapian convention.
bool Unprefixed(const std::string& term) {
  return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
}

// A word worth suggesting: 2 to 40 letters, all of the Latin script (the
// longest Swedish compounds in authority text run to about 35:
// "landstingsfullmäktigeledamöterna"). Numbers, codes and the letter soup
// of binary data are not words anyone misspells.
bool IsSpellingWord(const std::string& term) {
  if (!Unprefixed(term)) return false;
  int32_t letters = 0;
  for (int32_t i = 0, n = static_cast<int32_t>(term.size()); i < n;) {
    // Most letters are ASCII, where Latin letters are a-z (terms are lower
    // case; A-Z for safety): no need to ask ICU.
    if (const unsigned char b = static_cast<unsigned char>(term[i]); b < 0x80) {
      if (!((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z'))) return false;
      ++i;
      if (++letters > 40) return false;
      continue;
    }
    UChar32 c;
    U8_NEXT(term.data(), i, n, c);
    UErrorCode status = U_ZERO_ERROR;
    if (c < 0 || !u_isalpha(c) || uscript_getScript(c, &status) != USCRIPT_LATIN) return false;
    if (++letters > 40) return false;
  }
  return letters >= 2;
}

// Share of a text's words that must be stopwords for it to count as
// language. Swedish running text has 30-35 % (the three corpus documents:
// 31 %, 33 %, 35 %); 1 MB of random bytes read as Windows-1252 has 0.7 %.
// 5 % keeps a factor of six on each side; a text in another language gets
// no spelling data, which only costs suggestions.
constexpr double kMinStopwordShare = 0.05;
// Below this many words the share says little (a title, one table row),
// and such a text adds at most this many entries: it is trusted.
constexpr Xapian::termcount kMinWordsToJudge = 100;

bool HasTerm(const Xapian::Document& doc, const std::string& term) {
  Xapian::TermIterator it = doc.termlist_begin();
  it.skip_to(term);
  return it != doc.termlist_end() && *it == term;
}

const std::string& NoSpellingTerm() {
  static const std::string term = std::string(schema::kNoSpelling) + "none";
  return term;
}

// What indexing needs of each word form, from the lexicon: its stem, and
// its compound parts' kPart terms. The term generator asks for the stem of
// every occurrence, and a word's lexicon stem is a binary search in 300,000 forms
// plus Snowball, its split a dictionary lookup per substring: together a
// tenth of a whole ingest before this cache. A document repeats its words
// and a corpus its vocabulary, so each form is worked out once per thread
// (ingest workers are single-threaded processes).
struct WordTerms {
  std::string stem;
  std::vector<std::string> parts;  // kPart terms
  bool split = false;              // parts worked out
};

// Forms kept before the cache starts again: about 150 bytes each, so at
// most 15 MB, and a corpus's common words are back within a few documents.
constexpr std::size_t kMaxCachedWords = 100000;

class WordCache {
 public:
  // The cache of this thread for `lexicon`; another lexicon starts it
  // again. (The cache keeps its lexicon alive, so the address is never
  // another's.)
  static WordCache& For(const Lexicon& lexicon) {
    thread_local WordCache cache;
    if (cache.lexicon_.get() != &lexicon) {
      cache.words_.clear();
      cache.lexicon_ = lexicon.shared_from_this();
      cache.stemmer_ = lexicon.Stemmer();
    }
    return cache;
  }

  WordTerms& Entry(const std::string& word) {
    auto it = words_.find(word);
    if (it != words_.end()) return it->second;
    if (words_.size() >= kMaxCachedWords) words_.clear();
    WordTerms& entry = words_[word];
    entry.stem = stemmer_(word);
    return entry;
  }

  const std::vector<std::string>& Parts(const std::string& word) {
    if (WordTerms& entry = Entry(word); entry.split) return entry.parts;
    std::set<std::string> terms;
    std::vector<std::string> leaves;
    AddParts(word, terms, leaves);
    if (leaves.size() >= 3) AddInnerCompounds(word, leaves, terms);
    WordTerms& entry = Entry(word);  // again: a full cache may have started over
    entry.parts.assign(terms.begin(), terms.end());
    entry.split = true;
    return entry.parts;
  }

 private:
  // Split() takes the fewest parts, and a part may be a compound itself:
  // "kollektivtrafikutbud" is kollektivtrafik + utbud, "djurskyddslagen"
  // djur + skyddslag. Each part is split again, so "trafik" finds the first
  // and "lag" the second; `leaves` gets the smallest parts, in order.
  void AddParts(const std::string& word, std::set<std::string>& terms, std::vector<std::string>& leaves) {
    for (const std::string& part : lexicon_->Split(word)) {
      terms.insert(std::string(schema::kPart) + Entry(part).stem);
      const std::size_t before = leaves.size();
      AddParts(part, terms, leaves);
      if (leaves.size() == before) leaves.push_back(part);
    }
  }

  // A word of three or more smallest parts also holds the compounds its
  // first and its last parts make, which no split names: "djurskydd" in
  // "djurskyddslagen", "kompetensförsörjning" and "försörjningsstrategi" in
  // "kompetensförsörjningsstrategi", "konstnärsstipendium" in
  // "konstnärsstipendiefonden". Each part is found where the word's letters
  // best match its base form, near where the parts before it end; the first
  // parts make the word's letters up to that part plus the part's base form
  // (stipendie- -> stipendium), the last parts the word's letters from it.
  // Kept only when the lexicon splits the result too: no word is made up.
  void AddInnerCompounds(const std::string& word, const std::vector<std::string>& leaves,
                         std::set<std::string>& terms) {
    std::vector<std::size_t> at;  // byte offset of each code point, then the end
    for (int32_t i = 0, n = static_cast<int32_t>(word.size()); i < n;) {
      at.push_back(static_cast<std::size_t>(i));
      U8_FWD_1(word.data(), i, n);
    }
    const std::ptrdiff_t letters = static_cast<std::ptrdiff_t>(at.size());
    at.push_back(word.size());
    auto add = [&](const std::string& inner) {
      if (lexicon_->Split(inner).size() >= 2) terms.insert(std::string(schema::kPart) + Entry(inner).stem);
    };
    std::ptrdiff_t start = 0;  // code point where leaf k starts
    for (std::size_t k = 1; k + 1 < leaves.size(); ++k) {
      // A linking -s- or -e-, or a base form longer or shorter than its
      // compound form by a letter or two ("folkhälso", "skol").
      const std::ptrdiff_t expected = start + static_cast<std::ptrdiff_t>(CodePointCount(leaves[k - 1]));
      std::size_t best = 0;
      for (std::ptrdiff_t c = std::max<std::ptrdiff_t>(1, expected - 2);
           c <= std::min(letters - 1, expected + 3); ++c) {
        const std::size_t same = SharedPrefix(std::string_view(word).substr(at[c]), leaves[k]);
        if (same > best) best = same, start = c;
      }
      if (best < std::min<std::size_t>(3, leaves[k].size())) return;  // lost the parts
      add(word.substr(0, at[start]) + leaves[k]);  // leaves 0..k
      add(word.substr(at[start]));                 // leaves k..last
    }
  }

  // Bytes `a` and `b` share at their start.
  static std::size_t SharedPrefix(std::string_view a, std::string_view b) {
    std::size_t n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
    return n;
  }

  std::shared_ptr<const Lexicon> lexicon_;
  Xapian::Stem stemmer_;
  std::unordered_map<std::string, WordTerms> words_;
};

}  // namespace

void IndexText(const std::string& title, const std::string& text, Xapian::Document& doc,
               const Xapian::Stopper* stopper, const Lexicon& lexicon) {
  WordCache& cache = WordCache::For(lexicon);
  TermGenerator generator(doc, stopper,
                          [&cache](const std::string& word) -> const std::string& { return cache.Entry(word).stem; });
  // Over the unprefixed words as indexed (the title's and the text's): does
  // the text look like language (every occurrence has a position, stopwords
  // keep theirs), and which compound parts do its words add, with the wdf
  // each call gave the word (Xapian sums a term added again).
  Xapian::termcount words = 0, stop = 0;
  const bool compounds = lexicon.has_compounds();
  auto unprefixed = [&](Xapian::termcount wdf_inc) {
    for (const auto& [word, form] : generator.forms()) {
      words += form.occurrences;
      if (form.stopword) stop += form.occurrences;
      if (!compounds) continue;
      for (const std::string& part : cache.Parts(word)) doc.add_term(part, form.occurrences * wdf_inc);
    }
  };
  generator.Index(title, kTitleWeight, schema::kTitle);
  generator.Index(title, kTitleWeight, "");
  unprefixed(kTitleWeight);
  generator.IncreaseTermpos();
  generator.Index(text, 1, "");
  unprefixed(1);
  if (words >= kMinWordsToJudge && stop < kMinStopwordShare * words) {
    doc.add_boolean_term(NoSpellingTerm());
  }
}

void CountSpelling(const Xapian::Document& doc, SpellingCounts& counts) {
  if (HasTerm(doc, NoSpellingTerm())) return;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    std::string term = *t;
    if (!IsSpellingWord(term)) continue;
    const Xapian::termcount positions = t.positionlist_count();
    if (positions > 0) counts[std::move(term)] += positions;
  }
}

void AddSpelling(Xapian::WritableDatabase& db, SpellingCounts& counts) {
  for (const auto& [word, count] : counts) db.add_spelling(word, count);
  counts.clear();
}

void RemoveSpelling(Xapian::WritableDatabase& db, Xapian::docid id) {
  if (HasTerm(db.get_document(id), NoSpellingTerm())) return;
  for (auto t = db.termlist_begin(id); t != db.termlist_end(id); ++t) {
    const std::string term = *t;
    if (!IsSpellingWord(term)) continue;
    const Xapian::termcount added = t.positionlist_count();
    if (added > 0) db.remove_spelling(term, added);
  }
}

}  // namespace diar
