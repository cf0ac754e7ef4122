#include "index/text_terms.h"

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
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string term = *t;
    if (!Unprefixed(term)) continue;
    const Xapian::termcount positions = t.positionlist_count();
    if (positions > 0) db.add_spelling(term, positions);
  }
}

void RemoveSpelling(Xapian::WritableDatabase& db, Xapian::docid id) {
  for (auto t = db.termlist_begin(id); t != db.termlist_end(id); ++t) {
    const std::string term = *t;
    if (!Unprefixed(term)) continue;
    const Xapian::termcount added = t.positionlist_count();
    if (added > 0) db.remove_spelling(term, added);
  }
}

}  // namespace diar
