// output_json: the records every output shares, as JSON, written here only,
// so that each gives a record the same fields: a Mention and a
// Classification (the stored record, `diar show --json`, the web API;
// mentions also `diar tag --json` and `diar export`), a search Hit (`diar
// search --json`, the web API) and a whole document (`diar show --json`,
// the web API).
#ifndef DIAR_INDEX_OUTPUT_JSON_H_
#define DIAR_INDEX_OUTPUT_JSON_H_

#include <nlohmann/json.hpp>

#include <string>

#include "index/searcher.h"  // Hit, StoredDocument
#include "pipeline/tag/tag.h"

namespace diar {

// type, text, value, start and end (code points), page, rule, and inferred
// and owner only when set.
nlohmann::ordered_json MentionJson(const Mention& m);

// Appends to `out` exactly what MentionJson(m).dump() writes with no indent
// and invalid UTF-8 replaced (error_handler_t::replace), without building
// the JSON value: a long plan's record holds thousands of mentions, and
// building and dumping them was most of its encoding.
void AppendMentionJson(const Mention& m, std::string& out);

// The reverse, for a stored record. Throws nlohmann::json::exception when a
// field is missing or of the wrong type; the record reader reports that as a
// damaged record.
Mention MentionFromJson(const nlohmann::json& j);

// title, type, issuer, county, date, date_source, metadata_date, dnr,
// topics, and the cues each decision was taken on.
nlohmann::ordered_json ClassificationJson(const Classification& c);
// The reverse, for a stored record; a missing field is left empty.
Classification ClassificationFromJson(const nlohmann::json& j);

// A stored document: id, paths as shown (byte_string.h Escaped) and
// path_bytes when some path is not UTF-8, format, bytes, pages, ocr_pages,
// author, created, ingested, classification, mentions, page_starts, text.
nlohmann::ordered_json DocumentJson(const StoredDocument& d);

// rank, score, id, title, type, date, issuer, county, dnr, topics, path,
// paths (all of them, collapsed identical texts included) and pages. The
// snippet is each output's own: marked for a terminal, plain with its page
// for the web page.
nlohmann::ordered_json HitJson(const Hit& hit);

}  // namespace diar

#endif  // DIAR_INDEX_OUTPUT_JSON_H_
