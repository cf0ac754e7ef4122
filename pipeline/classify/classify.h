// classify: a tagged document in, what kind of document it is out — its
// title, type, issuing body and county, date, own dnr and topics, each with
// the cue that decided it.
//
//   diar::Classification c = diar::Classify(extracted, text, mentions, tagger);
//
// A decision the text does not support is left empty rather than guessed;
// `cues` says why each filled field has its value. Thread safety: pure.
#ifndef DIAR_PIPELINE_CLASSIFY_CLASSIFY_H_
#define DIAR_PIPELINE_CLASSIFY_CLASSIFY_H_

#include <string>
#include <vector>

#include "pipeline/extract/extract.h"
#include "pipeline/normalise/normalise.h"
#include "pipeline/tag/tag.h"

namespace diar {

struct Cue {
  std::string field;  // "title", "date", "dnr", "type", "issuer", ...
  std::string cue;    // what in the document decided it, for `diar show`
};

struct Classification {
  std::string title;   // the document's title, never empty (file name last)
  std::string type;    // document type; empty when no clear cue
  std::string issuer;  // canonical name of the issuing body; may be empty
  std::string county;  // the issuer's län; may be empty
  std::string date;    // document date YYYY-MM-DD; may be empty
  std::string dnr;     // the document's own dnr value; may be empty
  std::vector<std::string> topics;
  std::vector<Cue> cues;
};

Classification Classify(const ExtractedDocument& source,
                        const NormalisedText& text,
                        const std::vector<Mention>& mentions,
                        const Tagger& tagger);

}  // namespace diar

#endif  // DIAR_PIPELINE_CLASSIFY_CLASSIFY_H_
