// process: the pipeline glue — one file through extract, normalise, tag and
// classify, for the commands that need all or part of it.
#ifndef DIAR_CLI_PROCESS_H_
#define DIAR_CLI_PROCESS_H_

#include <string>

#include "index/writer.h"
#include "pipeline/classify/classify.h"
#include "pipeline/extract/extract.h"
#include "pipeline/result.h"
#include "pipeline/tag/tag.h"

namespace diar::cli {

// extract -> normalise -> document date -> tag -> classify -> owners (organ
// mentions get the issuer as owner).
Result<IndexedDocument> ProcessFile(const std::string& path,
                                    const Tagger& tagger,
                                    const Classifier& classifier,
                                    const ExtractOptions& options);

// The same with a classifier without type and topic data (Classifier()):
// for commands that need the mentions, not the document type.
Result<IndexedDocument> ProcessFile(const std::string& path,
                                    const Tagger& tagger,
                                    const ExtractOptions& options);

// Parses --ocr; false for an unknown mode.
bool ParseOcrMode(const std::string& text, OcrMode& mode);

}  // namespace diar::cli

#endif  // DIAR_CLI_PROCESS_H_
