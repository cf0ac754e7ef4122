// Organs (nämnder, styrelser, förvaltningar, beredningar, utskott,
// fullmäktige, ...): their canonical value from the span a rule found.
//
// The value is the organ's name in its definite singular form with a capital
// first letter, whatever inflection the text used:
//   "regionstyrelsen", "Regionstyrelsens", "regionstyrelse" -> "Regionstyrelsen"
//   "regional utvecklingsförvaltning"   -> "Regionala utvecklingsförvaltningen"
//   "Kommunstyrelsens arbetsutskott"    -> "Kommunstyrelsens arbetsutskott"
//     (a sub-organ named with its parent's genitive stays as written)
// The definite ending of each head word comes from organ_heads.list
// (`nämnd<TAB>nämnden`). A name the gazetteers know as an organ (organs.tsv,
// e.g. "Strategisk regional beredning") takes that name instead. Owners are
// not set here: they need the document's issuer (pipeline/owners/owners.h).
#ifndef DIAR_PIPELINE_TAG_ORGANS_H_
#define DIAR_PIPELINE_TAG_ORGANS_H_

#include <string>
#include <string_view>

#include "pipeline/tag/lexicon.h"
#include "pipeline/tag/rule_set.h"
#include "pipeline/tag/tag.h"

namespace diar::tag_internal {

class Gazetteer;
struct FormedValue;

bool FormOrgan(const RuleMatch& match, const Lexicon& lexicon, const Gazetteer& gazetteer,
               const TagContext& context, FormedValue* out);

// The definite singular of an organ name ("regional utvecklingsnämnd" ->
// "regionala utvecklingsnämnden"); `name` unchanged when its last word has no
// known head.
std::string DefiniteOrganName(std::string_view name, const Lexicon& lexicon);

// `word` without a genitive -s ("beredningens" -> "beredningen",
// "fullmäktiges" -> "fullmäktige"); unchanged when it has none.
std::string StripGenitive(std::string_view word);

}  // namespace diar::tag_internal

#endif  // DIAR_PIPELINE_TAG_ORGANS_H_
