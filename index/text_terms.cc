#include "index/text_terms.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <memory>
#include <unordered_map>
#include <vector>

#include "index/schema.h"

namespace diar {
namespace {

// Title words count as much as this many occurrences in the body: a title
// match is strong evidence the document is about the word.
constexpr Xapian::termcount kTitleWeight = 5;

// Unprefixed terms are the words TermGenerator indexed as written; prefixes
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
// its compound parts' kPart terms. TermGenerator asks for the stem of every
// occurrence, and a word's lexicon stem is a binary search in 300,000 forms
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
    std::vector<std::string> parts;
    for (const std::string& part : lexicon_->Split(word)) {
      parts.push_back(std::string(schema::kPart) + Entry(part).stem);
    }
    WordTerms& entry = Entry(word);  // again: a full cache may have started over
    entry.parts = std::move(parts);
    entry.split = true;
    return entry.parts;
  }

 private:
  std::shared_ptr<const Lexicon> lexicon_;
  Xapian::Stem stemmer_;
  std::unordered_map<std::string, WordTerms> words_;
};

// The lexicon's stemmer through this thread's cache. Holds the cache of
// the lexicon it was made for; used only while indexing one text.
class CachedStem : public Xapian::StemImplementation {
 public:
  explicit CachedStem(WordCache& cache) : cache_(cache) {}
  std::string operator()(const std::string& word) override { return cache_.Entry(word).stem; }
  std::string get_description() const override { return "diar-swedish-cached"; }

 private:
  WordCache& cache_;
};

}  // namespace

void IndexText(const std::string& title, const std::string& text, Xapian::Document& doc,
               const Xapian::Stopper* stopper, const Lexicon& lexicon) {
  WordCache& cache = WordCache::For(lexicon);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem(new CachedStem(cache)));
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  if (stopper != nullptr) {
    generator.set_stopper(stopper);
    generator.set_stopper_strategy(Xapian::TermGenerator::STOP_STEMMED);
  }
  generator.set_document(doc);
  generator.index_text(title, kTitleWeight, std::string(schema::kTitle));
  generator.index_text(title, kTitleWeight);
  generator.increase_termpos();
  generator.index_text(text);
  // Does the text look like language? Counted over the words as indexed
  // (every occurrence has a position; stopwords keep theirs).
  Xapian::termcount words = 0, stop = 0;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string term = *t;
    if (!Unprefixed(term)) continue;
    const Xapian::termcount n = t.positionlist_count();
    words += n;
    if (stopper != nullptr && (*stopper)(term)) stop += n;
  }
  if (words >= kMinWordsToJudge && stop < kMinStopwordShare * words) {
    doc.add_boolean_term(NoSpellingTerm());
  }
  if (!lexicon.has_compounds()) return;
  std::vector<std::pair<std::string, Xapian::termcount>> parts;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string word = *t;
    if (!Unprefixed(word)) continue;
    for (const std::string& part : cache.Parts(word)) parts.emplace_back(part, t.get_wdf());
  }
  for (const auto& [term, wdf] : parts) doc.add_term(term, wdf);
}

void AddSpelling(Xapian::WritableDatabase& db, const Xapian::Document& doc) {
  if (HasTerm(doc, NoSpellingTerm())) return;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string term = *t;
    if (!IsSpellingWord(term)) continue;
    const Xapian::termcount positions = t.positionlist_count();
    if (positions > 0) db.add_spelling(term, positions);
  }
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
