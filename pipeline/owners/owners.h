// owners: which body each organ mention belongs to, decided once the
// document's issuer is known (classification), from data in dictionaries/.
//
//   diar::AssignOwners(classification, tagger, &mentions);
//
// A body mention gets the issuer as `owner` when it names a part of a body
// (its last word ends in a head of owned_heads.list: "Kulturnämnden",
// "Regionala utvecklingsförvaltningen", "Revisionen") that the gazetteers do
// not know as a body of its own, unless its name puts it on the other tier:
// "Kommunstyrelsen" in a region's document belongs to the kommuner, and
// "Regionstyrelsen" in a kommun's to the region (an unknown owner is better
// than a wrong one). A bare "Länsstyrelsen" gets the issuer's county's
// länsstyrelse (TAGGING.md). Nothing changes when the document has no issuer,
// and an owner already set is kept.
//
// This is the only place owners are set: the tagger forms values without
// knowing the issuer, and classification needs the mentions first.
#ifndef DIAR_PIPELINE_OWNERS_OWNERS_H_
#define DIAR_PIPELINE_OWNERS_OWNERS_H_

#include <vector>

#include "pipeline/classify/classify.h"
#include "pipeline/tag/tag.h"

namespace diar {

void AssignOwners(const Classification& classification, const Tagger& tagger,
                  std::vector<Mention>* mentions);

}  // namespace diar

#endif  // DIAR_PIPELINE_OWNERS_OWNERS_H_
