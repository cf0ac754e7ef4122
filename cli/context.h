// context: what every diar command shares — global options, the logger, and
// the helpers that turn library results into output and exit codes.
#ifndef DIAR_CLI_CONTEXT_H_
#define DIAR_CLI_CONTEXT_H_

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <memory>
#include <optional>
#include <string>

#include "pipeline/result.h"
#include "index/searcher.h"
#include "pipeline/pipeline.h"

namespace diar::cli {

// Exit status contract (DESIGN.md): only main and the commands decide it.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInputFailed = 1;
inline constexpr int kExitUsage = 2;

struct Context {
  std::string index_dir;         // --index, else DIAR_INDEX, else XDG default
  std::string dictionaries_dir;  // --dictionaries, else DIAR_DICTIONARIES, else build default
  std::string cache_dir;         // XDG_CACHE_HOME/diar, else HOME/.cache/diar; empty: neither is set
  bool allow_partial = false;    // --allow-partial: search the shards that answer
  bool quiet = false;
  bool verbose = false;
  std::shared_ptr<spdlog::logger> log;
  int exit_code = kExitOk;

  // Fills the defaults from the environment; each command calls it first.
  void Resolve();
  // Loads the pipeline for `ocr` ("auto", "never", "always"); with
  // `analyse`, also the tagger and classifier. On a configuration error,
  // logs it, sets exit 2 and returns nothing.
  std::optional<Pipeline> LoadPipeline(const std::string& ocr, bool analyse);
  // The options LoadPipeline would load with, for a caller that loads the
  // pipeline later (ingest); an unknown `ocr` is handled the same way.
  std::optional<PipelineOptions> PipelineOptionsFor(const std::string& ocr, bool analyse);
  // Opens the index for reading (a database, a sharded folder or a stub);
  // warns when shards are left out (--allow-partial). Errors are logged by
  // the caller.
  Result<Searcher> OpenSearcher();
  // Logs `error` and raises the exit code to what its kind means.
  void Fail(const Error& error);
};

// Subcommand registration; each lives in its own cmd_*.cc.
void RegisterIngest(CLI::App& app, Context& ctx);
void RegisterSearch(CLI::App& app, Context& ctx);
void RegisterShow(CLI::App& app, Context& ctx);
void RegisterExtract(CLI::App& app, Context& ctx);
void RegisterTag(CLI::App& app, Context& ctx);
void RegisterStatus(CLI::App& app, Context& ctx);
void RegisterRemove(CLI::App& app, Context& ctx);
void RegisterExport(CLI::App& app, Context& ctx);
void RegisterServe(CLI::App& app, Context& ctx);

}  // namespace diar::cli

#endif  // DIAR_CLI_CONTEXT_H_
