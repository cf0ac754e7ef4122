#include "index/text_terms.h"

#include "index/schema.h"

namespace diar {
namespace {

// Title words count as much as this many occurrences in the body: a title
// match is strong evidence the document is about the word.
constexpr Xapian::termcount kTitleWeight = 5;

}  // namespace

Xapian::Stem SwedishStemmer() { return Xapian::Stem("swedish"); }

void IndexText(const std::string& title, const std::string& text,
               Xapian::Document& doc) {
  Xapian::TermGenerator generator;
  generator.set_stemmer(SwedishStemmer());
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  generator.set_document(doc);
  generator.index_text(title, kTitleWeight, std::string(schema::kTitle));
  generator.index_text(title, kTitleWeight);
  generator.increase_termpos();
  generator.index_text(text);
}

}  // namespace diar
