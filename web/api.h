// api: the JSON API's requests and answers, apart from HTTP. Each endpoint's
// parameters are read and checked here in one place (limits included), and
// each answer is shaped here, so the server only routes.
//
//   GET /api/search?q=…&body=…&type=…&from=…&to=…&sort=date&limit=20&offset=0&facets=1
//   GET /api/export?format=csv|jsonl|sqlite&records=mentions|counts|documents&…same filters
//
// Filters are repeatable parameters named after the facets (body, plan,
// type, topic, county, year, issuer, dnr), each an exact facet value; the
// page's own URL (/?q=…&type=…) uses the same names, so a shared address
// restores the search.
//
// Errors: kInput with a message for the user (the server answers 400).
// Thread safety: free functions without state.
#ifndef DIAR_WEB_API_H_
#define DIAR_WEB_API_H_

#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "index/export.h"
#include "index/searcher.h"
#include "pipeline/result.h"

namespace diar::web {

using Params = std::multimap<std::string, std::string>;

// Limits on what one request may ask for: a query of a page's worth of
// words, a result page a person reads, and no deep paging that would make
// Xapian rank tens of thousands of documents per request (export is the way
// to get everything).
inline constexpr std::size_t kMaxQueryBytes = 1000;
inline constexpr int kMaxLimit = 100;
inline constexpr int kMaxOffset = 10000;
inline constexpr std::size_t kMaxFilters = 20;
inline constexpr int kDefaultFacetValues = 100;  // values per facet in an answer

struct SearchQuery {
  SearchRequest search;
  int facet_values = kDefaultFacetValues;
};

// The query's white space is collapsed and the filters sorted, so requests
// that mean the same are the same request.
Result<SearchQuery> ParseSearchQuery(const Params& params);

// Everything that shapes the answer to `query`, as one string: equal keys,
// equal answers on the same index revision (the server's response cache).
std::string CacheKey(const SearchQuery& query);

struct ExportQuery {
  ExportRequest request;
  bool sqlite = false;
  std::string file_name;  // for Content-Disposition: "diar-mentions.csv", ...
};

Result<ExportQuery> ParseExportQuery(const Params& params);

// A document id as the URL may give it: 8 to 64 lower-case hex digits.
bool IsDocumentId(std::string_view id);

nlohmann::ordered_json SearchJson(const SearchResult& result, int facet_values);
// A document's JSON is index/output_json.h's DocumentJson, as `diar show`'s.
nlohmann::ordered_json StatusJson(const IndexStatus& status);
nlohmann::ordered_json ErrorJson(int status, const std::string& message);
// The OpenAPI 3 description of every endpoint.
const nlohmann::ordered_json& OpenApi();

// `j` as UTF-8 text; invalid UTF-8 from a document becomes U+FFFD.
std::string Dump(const nlohmann::ordered_json& j);

}  // namespace diar::web

#endif  // DIAR_WEB_API_H_
