// Document date detection: the date a document carries for itself, used for
// dates written without a year and for the index's date facets.
//
// In order: a full date right after a date label in the opening
// (date_labels.list: "Datum 2022-03-29", "Sammanträdesdatum: 29 mars 2022");
// else the first full date in the opening ("near the title": a dated
// tjänsteskrivelse puts it in the letter head); else `metadata_date`.
// The opening is the first kOpeningCodePoints of the text: about a page's
// header block, so a date in the body text (a meeting, a deadline) is not
// taken for the document's own.
#ifndef DIAR_PIPELINE_TAG_DOCUMENT_DATE_H_
#define DIAR_PIPELINE_TAG_DOCUMENT_DATE_H_

#include <string>
#include <string_view>

#include "pipeline/tag/gazetteer.h"
#include "pipeline/tag/lexicon.h"
#include "pipeline/tag/prefilter.h"
#include "pipeline/tag/rule_set.h"

namespace diar::tag_internal {

inline constexpr std::size_t kOpeningCodePoints = 1500;

std::string DetectDocumentDate(std::string_view text, const Prefilter& prefilter,
                               const RuleSet& rules, const Lexicon& lexicon,
                               const Gazetteer& gazetteer, const std::string& metadata_date);

}  // namespace diar::tag_internal

#endif  // DIAR_PIPELINE_TAG_DOCUMENT_DATE_H_
