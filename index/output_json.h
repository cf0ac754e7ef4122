// output_json: the records every output shares, as JSON, written here only:
// a Mention (the stored record, `diar show --json`, `diar tag --json`, the
// web API, `diar export`) and a search Hit (`diar search --json`, the web
// API), so that they give each record the same fields.
#ifndef DIAR_INDEX_OUTPUT_JSON_H_
#define DIAR_INDEX_OUTPUT_JSON_H_

#include <nlohmann/json.hpp>

#include "index/searcher.h"
#include "pipeline/tag/tag.h"

namespace diar {

// type, text, value, start and end (code points), page, rule, and inferred
// and owner only when set.
nlohmann::ordered_json MentionJson(const Mention& m);

// The reverse, for a stored record. Throws nlohmann::json::exception when a
// field is missing or of the wrong type; the record reader reports that as a
// damaged record.
Mention MentionFromJson(const nlohmann::json& j);

// rank, score, id, title, type, date, issuer, county, dnr, topics, path,
// paths (all of them, collapsed identical texts included) and pages. The
// snippet is each output's own: marked for a terminal, plain with its page
// for the web page.
nlohmann::ordered_json HitJson(const Hit& hit);

}  // namespace diar

#endif  // DIAR_INDEX_OUTPUT_JSON_H_
