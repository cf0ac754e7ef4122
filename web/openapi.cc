// The OpenAPI 3 description served at /api/openapi.json.
#include "web/api.h"

namespace diar::web {
namespace {

using Json = nlohmann::ordered_json;

Json QueryParam(const std::string& name, const std::string& description, const Json& schema) {
  return {{"name", name}, {"in", "query"}, {"description", description}, {"schema", schema}};
}

// The parameters search and export share.
Json FilterParams() {
  Json list = Json::array();
  list.push_back(QueryParam("q", "Query in diar's language: Swedish words (stemmed), \"phrases\", OCH/ELLER/INTE, "
                                 "and fields organ:, plan:, typ:, ämne:, län:, dnr:, år:, datum:A..B",
                            {{"type", "string"}, {"maxLength", kMaxQueryBytes}}));
  for (const char* field : {"body", "plan", "type", "topic", "county", "year", "issuer", "dnr"}) {
    Json p = QueryParam(field, std::string("Exact ") + field + " facet value; repeatable (all must hold)",
                        {{"type", "array"}, {"items", {{"type", "string"}}}});
    p["style"] = "form";
    p["explode"] = true;
    list.push_back(p);
  }
  list.push_back(QueryParam("from", "Document date on or after YYYY[-MM[-DD]]", {{"type", "string"}}));
  list.push_back(QueryParam("to", "Document date on or before YYYY[-MM[-DD]]", {{"type", "string"}}));
  return list;
}

Json ErrorResponse(const std::string& description) {
  return {{"description", description},
          {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
}

Json JsonResponse(const std::string& description) {
  return {{"description", description}, {"content", {{"application/json", Json::object()}}}};
}

Json Build() {
  Json search_params = FilterParams();
  search_params.push_back(QueryParam("sort", "relevance (default) or date, newest first",
                                     {{"type", "string"}, {"enum", {"relevance", "date"}}}));
  search_params.push_back(QueryParam("limit", "Hits per page", {{"type", "integer"}, {"minimum", 0},
                                                                 {"maximum", kMaxLimit}, {"default", 20}}));
  search_params.push_back(QueryParam("offset", "Hits to skip", {{"type", "integer"}, {"minimum", 0},
                                                                 {"maximum", kMaxOffset}, {"default", 0}}));
  search_params.push_back(QueryParam("facets", "1: counts per body, plan, type, topic, county, year, issuer, dnr "
                                               "over the whole result set", {{"type", "integer"}, {"enum", {0, 1}}}));
  search_params.push_back(QueryParam("facet_values", "Values per facet, by count",
                                     {{"type", "integer"}, {"minimum", 1}, {"maximum", 1000},
                                      {"default", kDefaultFacetValues}}));
  Json export_params = FilterParams();
  export_params.push_back(QueryParam("format", "csv, jsonl or sqlite",
                                     {{"type", "string"}, {"enum", {"csv", "jsonl", "sqlite"}}}));
  export_params.back()["required"] = true;
  export_params.push_back(QueryParam("records", "mentions (default), counts or documents",
                                     {{"type", "string"}, {"enum", {"mentions", "counts", "documents"}}}));
  export_params.push_back(QueryParam("by", "year: counts per value and year", {{"type", "string"}, {"enum", {"year"}}}));
  export_params.push_back(QueryParam("types", "Mention types, comma-separated: body,plan,date,period,dnr",
                                     {{"type", "string"}}));
  export_params.push_back(QueryParam("excel", "1: CSV with a UTF-8 byte-order mark and ';' (Excel, Swedish settings)",
                                     {{"type", "integer"}, {"enum", {0, 1}}}));
  const Json id_param = {{"name", "id"}, {"in", "path"}, {"required", true},
                         {"description", "Document id: SHA-256 of the file, or a unique prefix of 8+ hex digits"},
                         {"schema", {{"type", "string"}, {"pattern", "^[0-9a-f]{8,64}$"}}}};
  Json paths;
  paths["/api/search"]["get"] = {
      {"summary", "Ranked documents with snippets, and facet counts of the whole result set. Answers are "
                  "cached until the index's next commit; the X-Diar-Cache header says hit or miss"},
      {"parameters", search_params},
      {"responses", {{"200", JsonResponse("query, total, hits, facets")}, {"400", ErrorResponse("Bad query")}}}};
  paths["/api/documents/{id}"]["get"] = {
      {"summary", "A stored document: metadata, classification with cues, mentions and text"},
      {"parameters", {id_param}},
      {"responses", {{"200", JsonResponse("The document")}, {"404", ErrorResponse("Unknown document")}}}};
  paths["/api/documents/{id}/pdf"]["get"] = {
      {"summary", "The indexed PDF itself, only while its file still has the indexed SHA-256"},
      {"parameters", {id_param}},
      {"responses", {{"200", {{"description", "The PDF"}, {"content", {{"application/pdf", Json::object()}}}}},
                     {"404", ErrorResponse("Unknown document, not a PDF, or the file is gone or changed")}}}};
  paths["/api/export"]["get"] = {
      {"summary", "The matching documents' mentions, counts or document rows, streamed"},
      {"parameters", export_params},
      {"responses", {{"200", {{"description", "CSV, JSON Lines or an SQLite file"}}},
                     {"400", ErrorResponse("Bad query or parameters")}}}};
  paths["/api/status"]["get"] = {
      {"summary", "Documents, pages, mentions, documents an older diar indexed (outdated: ingest "
                  "--reindex brings them up to date), last ingest, failed inputs with reasons, and the "
                  "search answer cache (entries, bytes, max_bytes)"},
      {"responses", {{"200", JsonResponse("The index's status")}}}};
  paths["/api/openapi.json"]["get"] = {{"summary", "This description"},
                                       {"responses", {{"200", JsonResponse("OpenAPI 3.0")}}}};
  Json doc;
  doc["openapi"] = "3.0.3";
  doc["info"] = {{"title", "diar"}, {"version", "0.1.0"},
                 {"description", "Search Swedish public-sector documents: full text, facets, mentions, export. "
                                 "When the server was started with --token, send it as the X-Diar-Token header "
                                 "or the token parameter."}};
  doc["paths"] = paths;
  doc["components"]["schemas"]["Error"] = {
      {"type", "object"},
      {"properties", {{"error", {{"type", "object"}, {"properties", {{"status", {{"type", "integer"}}},
                                                                     {"message", {{"type", "string"}}}}}}}}}};
  return doc;
}

}  // namespace

const nlohmann::ordered_json& OpenApi() {
  static const nlohmann::ordered_json kDoc = Build();
  return kDoc;
}

}  // namespace diar::web
