// classify: a tagged document in, what kind of document it is out — its
// title, type, issuing body and county, date, own dnr and topics, each with
// the cue that decided it.
//
//   diar::Result<diar::Classifier> classifier = diar::Classifier::Load("dictionaries");
//   if (!classifier) die(classifier.error().message);  // "dictionaries/topics.tsv:12: ..."
//   diar::Classification c = classifier->Classify(extracted, text, mentions, tagger);
//
// The data is in dictionaries/: doc_types.tsv (type labels and title heads),
// doc_type_cues.tsv (structure cues), topics.tsv (topic cue words),
// page_lines.tsv (site chrome and attachment lines, never title or type). Issuer
// and county come from the tagger's gazetteers (Tagger::FindBody), the date
// from Tagger::DetectDocumentDate.
//
// A decision the text does not support is left empty rather than guessed;
// `cues` says why each field has its value, and why `type` is empty when it
// is ("no clear type cue"). Offsets in mentions are code points (tag.h).
//
// Errors: Load fails kConfig and lists every bad line as file:line.
// Thread safety: a loaded Classifier is immutable; Classify may run
// concurrently. Copies share the loaded data.
#ifndef DIAR_PIPELINE_CLASSIFY_CLASSIFY_H_
#define DIAR_PIPELINE_CLASSIFY_CLASSIFY_H_

#include <memory>
#include <string>
#include <vector>

#include "pipeline/extract/extract.h"
#include "pipeline/normalise/normalise.h"
#include "pipeline/result.h"
#include "pipeline/tag/tag.h"

namespace diar {

struct Cue {
  std::string field;  // "title", "type", "issuer", "county", "date", "dnr", "topic"
  std::string cue;    // what in the document decided it, for `diar show`
};

struct Classification {
  std::string title;   // the document's title, never empty (file name last)
  std::string type;    // document type (doc_types.tsv); empty when no clear cue
  std::string issuer;  // canonical name of the issuing body; may be empty
  std::string county;  // the issuer's län ("Västmanlands län"); may be empty
  std::string date;    // the document's date from its text, YYYY-MM-DD; may be empty
  std::string date_source;    // "text" (date is set), "metadata" (only metadata_date is), ""
  std::string metadata_date;  // the PDF's CreationDate (YYYY-MM-DD) when the text has no
                              // date: when the file was written, not the document's date
  std::string dnr;     // the document's own dnr value; may be empty
  std::vector<std::string> topics;  // topics.tsv names, in file order
  std::vector<Cue> cues;
};

class Classifier {
 public:
  // Reads doc_types.tsv, doc_type_cues.tsv, topics.tsv and page_lines.tsv from
  // `dictionary_dir`; kConfig error listing every bad line.
  static Result<Classifier> Load(const std::string& dictionary_dir);

  // A classifier without type and topic data: it finds title, issuer,
  // county, date and dnr; type says "no type data loaded", topics stay empty.
  Classifier();

  Classification Classify(const ExtractedDocument& source, const NormalisedText& text,
                          const std::vector<Mention>& mentions, const Tagger& tagger) const;

  // The same, given `text_date`, which must be tagger.DetectDocumentDate(text,
  // ""). A caller that tags has it already (the tag context's date is that
  // date, or the PDF's where the text has none); finding it here again would
  // run the date rules over the opening a second time.
  Classification Classify(const ExtractedDocument& source, const NormalisedText& text,
                          const std::vector<Mention>& mentions, const Tagger& tagger,
                          const std::string& text_date) const;

 private:
  struct Impl;
  explicit Classifier(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

}  // namespace diar

#endif  // DIAR_PIPELINE_CLASSIFY_CLASSIFY_H_
