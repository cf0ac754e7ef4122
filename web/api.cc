#include "web/api.h"

#include <algorithm>
#include <charconv>

#include "index/byte_string.h"
#include "index/output_json.h"

namespace diar::web {
namespace {

// The filter parameters: the facet names the searcher knows (index/fields.h).
constexpr std::string_view kFilterFields[] = {"body", "plan", "type", "topic", "county", "year", "issuer", "dnr"};

std::string Param(const Params& params, const std::string& name) {
  auto it = params.find(name);
  return it == params.end() ? "" : it->second;
}

// An integer parameter within [low, high]; `fallback` when absent.
Result<int> IntParam(const Params& params, const std::string& name, int fallback, int low, int high) {
  const std::string text = Param(params, name);
  if (text.empty()) return fallback;
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < low || value > high) {
    return InputError(name + "=" + text + ": write a whole number from " + std::to_string(low) + " to " +
                      std::to_string(high));
  }
  return value;
}

// `text` with runs of white space as one space and none at the ends: the
// query means the same, and one spelling of it is one cached answer.
std::string CollapsedSpace(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Appends `text` so that no two sequences of fields give the same key.
void AddField(std::string& key, std::string_view text) {
  key += std::to_string(text.size());
  key += ':';
  key += text;
}

// Query, filters and date range, shared by search and export.
Result<SearchRequest> ParseRequest(const Params& params) {
  SearchRequest request;
  request.query = CollapsedSpace(Param(params, "q"));
  if (request.query.size() > kMaxQueryBytes) {
    return InputError("the query is " + std::to_string(request.query.size()) + " bytes; at most " +
                      std::to_string(kMaxQueryBytes) + " are allowed");
  }
  for (std::string_view field : kFilterFields) {
    auto [begin, end] = params.equal_range(std::string(field));
    for (auto it = begin; it != end; ++it) {
      if (it->second.empty()) continue;
      if (it->second.size() > kMaxQueryBytes) return InputError(std::string(field) + ": the value is too long");
      request.filters.emplace_back(field, it->second);
    }
  }
  if (request.filters.size() > kMaxFilters) {
    return InputError("at most " + std::to_string(kMaxFilters) + " filters are allowed");
  }
  // Filters all apply at once: their order means nothing, so one order.
  std::sort(request.filters.begin(), request.filters.end());
  request.from = Param(params, "from");
  request.to = Param(params, "to");
  const std::string sort = Param(params, "sort");
  if (!sort.empty() && sort != "relevance" && sort != "date") {
    return InputError("sort=" + sort + ": use relevance or date");
  }
  request.sort_by_date = sort == "date";
  return request;
}

// Xapian's MSet::snippet escapes &, < and > for HTML; the API gives text,
// which the page puts on the page as text.
std::string PlainSnippet(const std::string& snippet) {
  std::string out;
  out.reserve(snippet.size());
  for (std::size_t i = 0; i < snippet.size(); ++i) {
    if (snippet[i] == '&') {
      if (snippet.compare(i, 5, "&amp;") == 0) {
        out += '&', i += 4;
        continue;
      }
      if (snippet.compare(i, 4, "&lt;") == 0) {
        out += '<', i += 3;
        continue;
      }
      if (snippet.compare(i, 4, "&gt;") == 0) {
        out += '>', i += 3;
        continue;
      }
    }
    out += snippet[i];
  }
  return out;
}

// A hit with its snippet as the page shows it: plain, with its page.
nlohmann::ordered_json PageHitJson(const Hit& hit) {
  nlohmann::ordered_json j = HitJson(hit);
  j["snippets"] = nlohmann::ordered_json::array(
      {{{"text", PlainSnippet(hit.snippet)}, {"page", hit.snippet_page}}});
  j["snippet"] = PlainSnippet(hit.snippet);
  return j;
}

}  // namespace

Result<SearchQuery> ParseSearchQuery(const Params& params) {
  SearchQuery query;
  Result<SearchRequest> request = ParseRequest(params);
  if (!request) return request.error();
  query.search = std::move(request).value();
  Result<int> limit = IntParam(params, "limit", 20, 0, kMaxLimit);
  if (!limit) return limit.error();
  Result<int> offset = IntParam(params, "offset", 0, 0, kMaxOffset);
  if (!offset) return offset.error();
  Result<int> facet_values = IntParam(params, "facet_values", kDefaultFacetValues, 1, 1000);
  if (!facet_values) return facet_values.error();
  const std::string facets = Param(params, "facets");
  if (!facets.empty() && facets != "0" && facets != "1") return InputError("facets=" + facets + ": use 0 or 1");
  query.search.limit = *limit;
  query.search.offset = *offset;
  query.search.facets = facets == "1";
  query.facet_values = *facet_values;
  // Only the values the answer shows are sorted and copied out: a facet
  // such as dnr has a value per document (thousands), and building them all
  // was most of the facet work of a search.
  query.search.facet_limit = *facet_values;
  return query;
}

Result<ExportQuery> ParseExportQuery(const Params& params) {
  ExportQuery query;
  Result<SearchRequest> request = ParseRequest(params);
  if (!request) return request.error();
  query.request.search = std::move(request).value();
  const std::string format = Param(params, "format");
  const std::string records = Param(params, "records").empty() ? "mentions" : Param(params, "records");
  if (format != "csv" && format != "jsonl" && format != "sqlite") {
    return InputError("format=" + format + ": use csv, jsonl or sqlite");
  }
  if (records != "mentions" && records != "counts" && records != "documents") {
    return InputError("records=" + records + ": use mentions, counts or documents");
  }
  query.sqlite = format == "sqlite";
  if (query.sqlite && records != "mentions") {
    return InputError("format=sqlite holds documents, mentions and a mention_counts view; leave records out");
  }
  query.request.format = format == "jsonl" ? ExportFormat::kJsonl : ExportFormat::kCsv;
  query.request.records = records == "counts"      ? ExportRecords::kCounts
                          : records == "documents" ? ExportRecords::kDocuments
                                                   : ExportRecords::kMentions;
  const std::string excel = Param(params, "excel");
  if (!excel.empty() && excel != "0" && excel != "1") return InputError("excel=" + excel + ": use 0 or 1");
  query.request.excel = excel == "1";
  if (query.request.excel && format != "csv") return InputError("excel=1 goes with format=csv");
  const std::string by = Param(params, "by");
  if (!by.empty() && (by != "year" || records != "counts")) return InputError("by=" + by + ": only by=year, with records=counts");
  query.request.by_year = by == "year";
  Result<std::set<std::string>> types = ParseMentionTypes(Param(params, "types"));
  if (!types) return InputError(types.error().message);
  query.request.types = std::move(types).value();
  query.file_name = "diar-" + records + (query.sqlite ? ".sqlite" : format == "jsonl" ? ".jsonl" : ".csv");
  return query;
}

std::string CacheKey(const SearchQuery& query) {
  const SearchRequest& r = query.search;
  std::string key;
  AddField(key, r.query);
  for (const auto& [field, value] : r.filters) {
    AddField(key, field);
    AddField(key, value);
  }
  AddField(key, "|");
  AddField(key, r.from);
  AddField(key, r.to);
  for (int n : {r.limit, r.offset, r.facet_limit, query.facet_values, static_cast<int>(r.ranking),
                int{r.facets}, int{r.sort_by_date}, int{r.collapse_identical}}) {
    AddField(key, std::to_string(n));
  }
  return key;
}

bool IsDocumentId(std::string_view id) {
  if (id.size() < 8 || id.size() > 64) return false;
  for (char c : id) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

nlohmann::ordered_json SearchJson(const SearchResult& result, int facet_values) {
  nlohmann::ordered_json j;
  j["query"] = result.query;
  j["total"] = result.total;
  if (!result.suggestion.empty()) j["suggestion"] = result.suggestion;
  if (!result.searched_instead.empty()) j["searched_instead"] = result.searched_instead;
  j["hits"] = nlohmann::ordered_json::array();
  for (const Hit& hit : result.hits) j["hits"].push_back(PageHitJson(hit));
  nlohmann::ordered_json facets = nlohmann::ordered_json::object();
  for (const auto& [name, counts] : result.facets) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < counts.size() && i < static_cast<std::size_t>(facet_values); ++i) {
      list.push_back({{"value", counts[i].value}, {"count", counts[i].count}});
    }
    const auto more = result.facets_more.find(name);
    const std::size_t left_out = more == result.facets_more.end() ? 0 : static_cast<std::size_t>(more->second);
    facets[name] = {{"values", list}, {"distinct", counts.size() + left_out}};
  }
  j["facets"] = facets;
  return j;
}

nlohmann::ordered_json StatusJson(const IndexStatus& s) {
  nlohmann::ordered_json failures = nlohmann::ordered_json::array();
  for (const auto& [path, reason] : s.failures) {
    nlohmann::ordered_json failure = {{"path", Escaped(path)}};
    if (!IsUtf8(path)) failure["path_bytes"] = HexBytes(path);
    failure["reason"] = reason;
    failures.push_back(std::move(failure));
  }
  return {{"documents", s.documents}, {"pages", s.pages},         {"mentions", s.mentions},
          {"paths", s.paths},         {"outdated", s.outdated}, {"last_ingest", s.last_ingest}, {"failures", failures}};
}

nlohmann::ordered_json ErrorJson(int status, const std::string& message) {
  return {{"error", {{"status", status}, {"message", message}}}};
}

std::string Dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace diar::web
