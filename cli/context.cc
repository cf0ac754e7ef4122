#include "cli/context.h"

#include <cstdlib>

#include "index/writer.h"

namespace diar::cli {
namespace {

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

}  // namespace

void Context::Resolve() {
  if (index_dir.empty()) index_dir = Env("DIAR_INDEX");
  if (index_dir.empty()) {
    std::string data = Env("XDG_DATA_HOME");
    if (data.empty()) data = Env("HOME") + "/.local/share";
    index_dir = data + "/diar/index";
  }
  if (dictionaries_dir.empty()) dictionaries_dir = Env("DIAR_DICTIONARIES");
  if (dictionaries_dir.empty()) dictionaries_dir = DIAR_DEFAULT_DICTIONARIES;
  cache_dir = DefaultCacheDir();
  log->set_level(quiet ? spdlog::level::warn
                       : verbose ? spdlog::level::debug : spdlog::level::info);
}

std::optional<PipelineOptions> Context::PipelineOptionsFor(const std::string& ocr, bool analyse) {
  PipelineOptions options;
  options.dictionaries_dir = dictionaries_dir;
  options.analyse = analyse;
  options.logger = log;
  if (!ParseOcrMode(ocr, &options.ocr)) {
    Fail(ConfigError("--ocr " + ocr + ": unknown mode; use auto, never or always"));
    return std::nullopt;
  }
  return options;
}

std::optional<Pipeline> Context::LoadPipeline(const std::string& ocr, bool analyse) {
  const std::optional<PipelineOptions> options = PipelineOptionsFor(ocr, analyse);
  if (!options) return std::nullopt;
  Result<Pipeline> pipeline = Pipeline::Load(*options);
  if (!pipeline) {
    Fail(pipeline.error());
    return std::nullopt;
  }
  return std::move(pipeline).value();
}

Result<Searcher> Context::OpenSearcher() {
  Result<Searcher> searcher = Searcher::Open(index_dir, {.allow_partial = allow_partial});
  if (searcher) {
    for (const std::string& shard : searcher->unavailable_shards()) {
      log->warn("partial results: {} did not answer and is left out (--allow-partial)", shard);
    }
  }
  return searcher;
}

void Context::Fail(const Error& error) {
  log->error("{}", error.message);
  const int code = error.kind == ErrorKind::kConfig ? kExitUsage : kExitInputFailed;
  exit_code = std::max(exit_code, code);
}

}  // namespace diar::cli
