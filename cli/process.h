// process: the pipeline glue — one file through extract, normalise, tag and
// classify, configured once per command from the dictionaries and options.
#ifndef DIAR_CLI_PROCESS_H_
#define DIAR_CLI_PROCESS_H_

#include <optional>
#include <string>

#include "cli/context.h"
#include "index/writer.h"
#include "pipeline/classify/classify.h"
#include "pipeline/extract/extract.h"
#include "pipeline/normalise/normalise.h"
#include "pipeline/result.h"
#include "pipeline/tag/tag.h"

namespace diar::cli {

// Everything loaded once and then shared, read-only, by worker threads.
struct Pipeline {
  ExtractOptions extract;
  NormaliseOptions normalise;
  std::optional<Tagger> tagger;          // absent for extract-only commands
  std::optional<Classifier> classifier;  // absent for extract-only commands
};

// Builds the pipeline for `ocr` ("auto", "never", "always") from the
// context's dictionaries; with `tagging`, also loads the tagger and the
// classifier. On a configuration error, reports it through `ctx` (exit 2)
// and returns nothing.
std::optional<Pipeline> LoadPipeline(Context& ctx, const std::string& ocr, bool tagging);

// extract -> normalise -> document date -> tag -> classify -> owners (organ
// mentions get the issuer as owner). Needs a pipeline loaded with tagging.
Result<IndexedDocument> ProcessFile(const std::string& path, const Pipeline& pipeline);

}  // namespace diar::cli

#endif  // DIAR_CLI_PROCESS_H_
