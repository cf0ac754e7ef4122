// diar search QUERY : ranked documents with snippets, optional facet counts.
#include <algorithm>
#include <iostream>

#include "cli/context.h"
#include "cli/output.h"
#include "cli/query_options.h"
#include "index/searcher.h"

namespace diar::cli {
namespace {

struct SearchOptions {
  QueryOptions query;
  std::string format = "text", sort = "relevance";
  bool facets = false;
  int facet_limit = 10;
  int limit = 10, offset = 0;
};

void PrintText(const SearchResult& r, const SearchRequest& request) {
  if (!r.searched_instead.empty()) {
    std::cout << "Searched for \"" << r.searched_instead << "\" instead of \"" << r.query
              << "\": a word of it is in no document.\n";
  }
  std::cout << r.total << (r.total == 1 ? " document matches" : " documents match");
  const std::string& searched = r.searched_instead.empty() ? r.query : r.searched_instead;
  if (!searched.empty()) std::cout << " \"" << searched << "\"";
  if (!r.hits.empty()) {
    std::cout << " (showing " << r.hits.front().rank << "–" << r.hits.back().rank << ")";
  }
  std::cout << "\n";
  if (!r.suggestion.empty()) std::cout << "Did you mean: " << r.suggestion << "\n";
  for (const std::string& note : r.notes) std::cout << "Note: " << note << "\n";
  for (const Hit& hit : r.hits) {
    std::cout << "\n" << hit.rank << ". " << hit.title << "\n";
    std::cout << "   " << hit.path << "  (" << hit.pages << (hit.pages == 1 ? " page" : " pages");
    if (!hit.date.empty()) std::cout << ", " << hit.date;
    if (!hit.type.empty()) std::cout << ", " << hit.type;
    std::cout << ", id " << hit.id.substr(0, 12) << ")\n";
    // A file copied into many folders lists a few of its other paths; the
    // rest are counted (`show` and JSON give every one).
    constexpr std::size_t kOtherPathsShown = 3;
    std::size_t others = 0;
    for (const std::string& path : hit.paths) {
      if (path == hit.path) continue;
      if (++others <= kOtherPathsShown) std::cout << "   also " << path << "\n";
    }
    if (others > kOtherPathsShown) {
      const std::size_t more = others - kOtherPathsShown;
      std::cout << "   and " << more << " more path" << (more == 1 ? "" : "s") << " (diar show "
                << hit.id.substr(0, 12) << " lists them)\n";
    }
    if (!hit.snippet.empty()) {
      std::string snippet = hit.snippet;
      std::replace(snippet.begin(), snippet.end(), '\n', ' ');
      std::cout << "   ";
      if (hit.snippet_page > 0) std::cout << "p. " << hit.snippet_page << ": ";
      std::cout << snippet << "\n";
    }
  }
  if (request.facets) {
    for (const auto& [name, counts] : r.facets) {
      if (counts.empty()) continue;
      std::cout << "\n" << name << ":\n";
      for (const FacetCount& c : counts) std::cout << "  " << c.count << "  " << c.value << "\n";
      if (auto more = r.facets_more.find(name); more != r.facets_more.end()) {
        std::cout << "  (" << more->second << " more; --facet-limit 0 shows all)\n";
      }
    }
  }
}

void PrintJson(const SearchResult& r) {
  nlohmann::ordered_json j;
  j["query"] = r.query;
  j["total"] = r.total;
  if (!r.suggestion.empty()) j["suggestion"] = r.suggestion;
  if (!r.searched_instead.empty()) j["searched_instead"] = r.searched_instead;
  if (!r.notes.empty()) j["notes"] = r.notes;
  j["hits"] = nlohmann::ordered_json::array();
  for (const Hit& hit : r.hits) j["hits"].push_back(TerminalHitJson(hit));
  if (!r.facets.empty()) {
    nlohmann::ordered_json facets = nlohmann::ordered_json::object();
    for (const auto& [name, counts] : r.facets) {
      nlohmann::ordered_json list = nlohmann::ordered_json::array();
      for (const FacetCount& c : counts) list.push_back({{"value", c.value}, {"count", c.count}});
      facets[name] = list;
    }
    j["facets"] = facets;
    if (!r.facets_more.empty()) j["facets_more"] = r.facets_more;
  }
  std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

void RunSearch(Context& ctx, const SearchOptions& opts) {
  ctx.Resolve();
  Result<SearchRequest> made = MakeRequest(opts.query);
  if (!made) return ctx.Fail(made.error());
  SearchRequest request = std::move(made).value();
  request.facets = opts.facets;
  request.facet_limit = opts.facet_limit;
  request.limit = opts.limit;
  request.offset = opts.offset;
  request.sort_by_date = opts.sort == "date";
  Result<Searcher> searcher = ctx.OpenSearcher();
  if (!searcher) return ctx.Fail(searcher.error());
  Result<SearchResult> result = searcher->Search(request);
  if (!result) {
    // A query the user can fix is a usage error, not a failed input.
    return ctx.Fail(ConfigError(result.error().message));
  }
  if (opts.format == "json") {
    PrintJson(*result);
  } else {
    PrintText(*result, request);
  }
}

}  // namespace

void RegisterSearch(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<SearchOptions>();
  CLI::App* cmd = app.add_subcommand(
      "search",
      "Search the index: Swedish words in any form (compound parts too), \"phrases\", "
      "kult* wildcards, AND/OR/NOT or OCH/ELLER/INTE, and fields (with or without å/ä/ö) "
      "organ:/body:, plan:, typ:/type:, ämne:/topic:, län:/county:, dnr: (any spelling), "
      "år:/year:, datum:2021, datum:2021-03, datum:2021-01-01..2022-12-31");
  AddQueryOptions(cmd, opts->query);
  cmd->add_flag("--facets", opts->facets, "Print counts per body, plan, type, topic, county, year, dnr");
  cmd->add_option("--facet-limit", opts->facet_limit, "Values shown per facet, most frequent first (0: all)")
      ->capture_default_str()->check(CLI::NonNegativeNumber);
  cmd->add_option("--limit", opts->limit, "Results per page")->capture_default_str()->check(CLI::NonNegativeNumber);
  cmd->add_option("--offset", opts->offset, "Results to skip")->capture_default_str()->check(CLI::NonNegativeNumber);
  cmd->add_option("--sort", opts->sort, "relevance or date (newest first)")
      ->capture_default_str()->check(CLI::IsMember({"relevance", "date"}));
  cmd->add_option("--format", opts->format, "text or json")
      ->capture_default_str()->check(CLI::IsMember({"text", "json"}));
  cmd->callback([&ctx, opts] { RunSearch(ctx, *opts); });
}

}  // namespace diar::cli
