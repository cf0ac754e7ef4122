// The issuing body and its county. Private to pipeline/classify.
//
// Cues, strongest first:
//   1. letterhead: one of the first kLetterheadLines lines is nothing but a
//      body the gazetteers know ("Region Västerbotten" over a
//      tjänsteskrivelse, on a report's cover page), or such a body with a
//      heading in capitals, a date or its organs set beside it ("KALIX
//      KOMMUN PROTOKOLL", "Region Östergötland Regionstyrelsen");
//   2. the PDF's Author, when it names a known body;
//   3. the region, kommun or länsstyrelse the text names most: at least
//      kMinProminentMentions times and more than twice as often as the next.
// Organs ("Regionala utvecklingsförvaltningen") are never the issuer: they
// belong to one, and the gazetteers give no county for them.
#ifndef DIAR_PIPELINE_CLASSIFY_ISSUER_H_
#define DIAR_PIPELINE_CLASSIFY_ISSUER_H_

#include <string>
#include <vector>

#include "pipeline/classify/text_scan.h"
#include "pipeline/extract/extract.h"
#include "pipeline/tag/tag.h"

namespace diar::classify_internal {

// A letterhead is the first thing on the page; past a few lines (letterhead,
// sub-line with the administration, document label) a line naming a body
// is a heading or an addressee.
inline constexpr std::size_t kLetterheadLines = 4;
// Three mentions is the least that is not an aside (as for topics), and
// twice the runner-up keeps a document about two regions undecided.
inline constexpr int kMinProminentMentions = 3;

struct IssuerDecision {
  std::string issuer;
  std::string issuer_cue;
  std::string county;
  std::string county_cue;
};

IssuerDecision DetectIssuer(const ExtractedDocument& source, const std::vector<Line>& opening,
                            const std::vector<Mention>& mentions, const Tagger& tagger);

}  // namespace diar::classify_internal

#endif  // DIAR_PIPELINE_CLASSIFY_ISSUER_H_
