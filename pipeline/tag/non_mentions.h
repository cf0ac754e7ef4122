// Places in a text where a name or number is no mention: inside an e-mail
// or web address ("registrator@trafikverket.se"), and a body named inside a
// legal act's number ("direktiv 2010/31/EU", "förordning (EU) 2021/1060"),
// which is part of the citation.
//
// In: the text and the candidates found by the rules and the gazetteer.
// Out: the same candidates less those in such places.
#ifndef DIAR_PIPELINE_TAG_NON_MENTIONS_H_
#define DIAR_PIPELINE_TAG_NON_MENTIONS_H_

#include <string_view>
#include <vector>

#include "pipeline/tag/resolve.h"

namespace diar::tag_internal {

void DropNonMentions(std::string_view text, std::vector<Candidate>* candidates);

}  // namespace diar::tag_internal

#endif  // DIAR_PIPELINE_TAG_NON_MENTIONS_H_
