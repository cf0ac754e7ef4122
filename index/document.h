// document: one processed file in, the Xapian document diar stores for it out
// — its id and path terms, Swedish text terms, facet terms, value slots and
// the stored record (index/schema.h says what each is).
//
//   diar::DocumentBuilder builder(stopwords);
//   Xapian::Document doc = builder.Build(processed, "/abs/a.pdf");
//   std::string bytes = doc.serialise();     // what an ingest worker sends back
//
// Building needs no database, so ingest workers build whole documents and
// the single writer only adds them (IndexWriter::AddBuilt). Spelling data is
// not written here: the writer derives it from the built document's terms
// (CountSpelling, AddSpelling), the exact counterpart of RemoveSpelling.
//
// Thread safety: Build is const and may run concurrently.
#ifndef DIAR_INDEX_DOCUMENT_H_
#define DIAR_INDEX_DOCUMENT_H_

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "index/lexicon.h"
#include "index/text_terms.h"
#include "pipeline/pipeline.h"

namespace diar {

class DocumentBuilder {
 public:
  // `stopwords`: the words that get no stemmed term (the index's list);
  // `lexicon`: word forms and compounds (lexicon.h), the table the index
  // stores under schema::kMetaLexicon.
  DocumentBuilder(const std::vector<std::string>& stopwords, std::shared_ptr<const Lexicon> lexicon);

  Xapian::Document Build(const ProcessedDocument& document, const std::string& path) const;

  const std::vector<std::string>& stopwords() const { return stopwords_; }

 private:
  std::vector<std::string> stopwords_;
  StopwordSet stopper_;
  std::shared_ptr<const Lexicon> lexicon_;
};

// The id term of content `sha256` (schema::kId).
std::string IdTerm(const std::string& sha256);

}  // namespace diar

#endif  // DIAR_INDEX_DOCUMENT_H_
