// query_options: the query, --filter, --from and --to options that `search`
// and `export` share, and the SearchRequest they make.
#ifndef DIAR_CLI_QUERY_OPTIONS_H_
#define DIAR_CLI_QUERY_OPTIONS_H_

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "index/searcher.h"
#include "pipeline/result.h"

namespace diar::cli {

struct QueryOptions {
  std::vector<std::string> query_words;  // joined with spaces
  std::vector<std::string> filters;      // FIELD=VALUE
  std::string from, to;
};

// Adds QUERY (optional positional), --filter, --from and --to to `cmd`.
void AddQueryOptions(CLI::App* cmd, QueryOptions& options);

// The request for `options`; kConfig error for a malformed --filter.
Result<SearchRequest> MakeRequest(const QueryOptions& options);

}  // namespace diar::cli

#endif  // DIAR_CLI_QUERY_OPTIONS_H_
