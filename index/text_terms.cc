#include "index/text_terms.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

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

}  // namespace

void IndexText(const std::string& title, const std::string& text, Xapian::Document& doc,
               const Xapian::Stopper* stopper, const Lexicon& lexicon) {
  const Xapian::Stem stemmer = lexicon.Stemmer();
  Xapian::TermGenerator generator;
  generator.set_stemmer(stemmer);
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
    for (const std::string& part : lexicon.Split(word)) {
      parts.emplace_back(std::string(schema::kPart) + stemmer(part), t.get_wdf());
    }
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
