#include "cli/query_options.h"

namespace diar::cli {

void AddQueryOptions(CLI::App* cmd, QueryOptions& options) {
  cmd->add_option("QUERY", options.query_words, "The query (several words are joined)");
  cmd->add_option("--filter", options.filters,
                  "FIELD=VALUE filter, repeatable (body=Regionstyrelsen, type=protokoll, year=2022)")
      // One value per --filter, so the query may follow it.
      ->allow_extra_args(false);
  cmd->add_option("--from", options.from, "Documents dated on or after YYYY[-MM[-DD]]");
  cmd->add_option("--to", options.to, "Documents dated on or before YYYY[-MM[-DD]]");
}

Result<SearchRequest> MakeRequest(const QueryOptions& options) {
  SearchRequest request;
  for (const std::string& word : options.query_words) {
    request.query += (request.query.empty() ? "" : " ") + word;
  }
  for (const std::string& filter : options.filters) {
    const std::size_t eq = filter.find('=');
    if (eq == std::string::npos || eq == 0) {
      return ConfigError("--filter " + filter +
                         ": write FIELD=VALUE, e.g. --filter body=Regionstyrelsen");
    }
    request.filters.emplace_back(filter.substr(0, eq), filter.substr(eq + 1));
  }
  request.from = options.from;
  request.to = options.to;
  return request;
}

}  // namespace diar::cli
