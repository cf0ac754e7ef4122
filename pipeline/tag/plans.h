// Plans (named steering documents): their canonical value from the span.
//
// The value is the title in sentence case with a capital first letter, the
// definite ending of the head word removed where plan_heads.list knows the
// base form ("regionala utvecklingsstrategin" -> "Regional
// utvecklingsstrategi": the adjective follows the noun into the indefinite),
// and a year range written YYYY–YYYY (en dash, no spaces).
#ifndef DIAR_PIPELINE_TAG_PLANS_H_
#define DIAR_PIPELINE_TAG_PLANS_H_

#include <string>
#include <string_view>

#include "pipeline/tag/lexicon.h"
#include "pipeline/tag/rule_set.h"
#include "pipeline/tag/tag.h"

namespace diar::tag_internal {

class Gazetteer;
struct FormedValue;

bool FormPlan(const RuleMatch& match, const Lexicon& lexicon, const Gazetteer& gazetteer,
              const TagContext& context, FormedValue* out);

// The canonical value of a plan title as written (see above). After a
// genitive ("Region Skånes regionala utvecklingsstrategi") the adjectives
// keep their weak form, as Swedish has them there.
std::string PlanValue(std::string_view title, const Lexicon& lexicon, const Gazetteer& gazetteer,
                      bool after_genitive = false);

}  // namespace diar::tag_internal

#endif  // DIAR_PIPELINE_TAG_PLANS_H_
