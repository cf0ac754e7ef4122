// mention_json: a Mention as JSON, written and read here only, so that the
// stored record, `diar show --json`, `diar tag --json`, the web API and
// `diar export` give every mention the same fields: type, text, value,
// start and end (code points), page, rule, and inferred and owner only when
// set.
#ifndef DIAR_INDEX_MENTION_JSON_H_
#define DIAR_INDEX_MENTION_JSON_H_

#include <nlohmann/json.hpp>

#include "pipeline/tag/tag.h"

namespace diar {

nlohmann::ordered_json MentionJson(const Mention& m);

// The reverse, for a stored record. Throws nlohmann::json::exception when a
// field is missing or of the wrong type; the record reader reports that as a
// damaged record.
Mention MentionFromJson(const nlohmann::json& j);

}  // namespace diar

#endif  // DIAR_INDEX_MENTION_JSON_H_
