// text_terms: how document text becomes Xapian terms, shared by the writer
// (indexing) and the searcher (query parsing) so both stem the same way.
// Private to index/.
#ifndef DIAR_INDEX_TEXT_TERMS_H_
#define DIAR_INDEX_TEXT_TERMS_H_

#include <xapian.h>

#include <string>

namespace diar {

// Swedish Snowball stemmer; stemmed terms carry Xapian's "Z" prefix.
Xapian::Stem SwedishStemmer();

// Indexes `title` (unprefixed and under schema::kTitle, weighted up) and
// `text` (unprefixed, with positions for phrase search) into `doc`.
void IndexText(const std::string& title, const std::string& text,
               Xapian::Document& doc);

}  // namespace diar

#endif  // DIAR_INDEX_TEXT_TERMS_H_
