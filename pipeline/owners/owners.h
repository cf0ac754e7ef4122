// owners: which body each organ mention belongs to, from what the text says
// next to it or else from the document's issuer (classification), with data
// from dictionaries/.
//
//   diar::AssignOwners(text, classification, tagger, &mentions);
//
// An organ mention is one that names a part of a body (its last word ends in
// a head of owned_heads.list: "Kulturnämnden", "Regionala
// utvecklingsförvaltningen", "Revisionen") that the gazetteers do not know as
// a body of its own.
//   1. The text names its owner, a kommun or a region, right beside it:
//      "Socialnämnden i Mora kommun", "Region Dalarnas kulturnämnd". That
//      owner wins, whatever the issuer.
//   2. Otherwise it gets the issuer, unless its name puts it on the other
//      tier: "Kommunstyrelsen" in a region's document belongs to the
//      kommuner, and "Regionstyrelsen" in a kommun's to the region (an
//      unknown owner is better than a wrong one). The same tier rule holds
//      for 1, and an organ whose named owner it refuses ("Kommunstyrelsen i
//      Region Dalarna") gets no owner at all.
//   3. A bare "Länsstyrelsen" gets the issuer's county's länsstyrelse
//      (TAGGING.md).
// Without an issuer only 1 applies, and an owner already set is kept.
//
// This is the only place owners are set: the tagger forms values without
// knowing the issuer, and classification needs the mentions first.
#ifndef DIAR_PIPELINE_OWNERS_OWNERS_H_
#define DIAR_PIPELINE_OWNERS_OWNERS_H_

#include <vector>

#include "pipeline/classify/classify.h"
#include "pipeline/normalise/normalise.h"
#include "pipeline/tag/tag.h"

namespace diar {

// `text` is the text the mentions were tagged in (their offsets are its
// code points).
void AssignOwners(const NormalisedText& text, const Classification& classification,
                  const Tagger& tagger, std::vector<Mention>* mentions);

}  // namespace diar

#endif  // DIAR_PIPELINE_OWNERS_OWNERS_H_
