// pipeline: one file in, everything diar learns about it out. The one chain
// every caller runs — the CLI, the ingest workers, the server, tests and
// benchmarks — so none of them keeps a copy that could drift:
//
//   extract -> normalise -> document date (once) -> tag -> classify -> owners
//
//   diar::Result<diar::Pipeline> p = diar::Pipeline::Load({.dictionaries_dir = "dictionaries"});
//   if (!p) die(p.error().message);            // kConfig: "dictionaries/x.tsv:41: ..."
//   diar::Result<diar::ProcessedDocument> doc = p->Process("a.pdf");
//   if (!doc) report(doc.error());             // kInput: this file; kConfig: stop the run
//
// Load reads and checks every dictionary once (tagger, classifier, the
// hyphenation keep-list) and, unless OCR is off, loads the OCR model on the
// calling thread: a missing model is a configuration error before the first
// file, not an input failure on every scanned one, and worker processes
// forked after Load start with a warm engine.
//
// Errors: Load fails kConfig. Process fails kInput for a bad file (the
// message names it and says what to do) and kConfig when the set-up is wrong
// (the OCR model vanished).
// Thread safety: a loaded Pipeline is immutable; Process may run
// concurrently on different files (each thread gets its own OCR engine).
#ifndef DIAR_PIPELINE_PIPELINE_H_
#define DIAR_PIPELINE_PIPELINE_H_

#include <memory>
#include <string>
#include <vector>

#include "pipeline/classify/classify.h"
#include "pipeline/extract/extract.h"
#include "pipeline/normalise/normalise.h"
#include "pipeline/result.h"
#include "pipeline/tag/tag.h"

namespace spdlog {
class logger;
}

namespace diar {

// Everything the pipeline learnt about one file, ready to index.
struct ProcessedDocument {
  ExtractedDocument source;  // metadata and pages; see Pipeline::Process for page text
  NormalisedText text;
  std::vector<Mention> mentions;
  Classification classification;
};

struct PipelineOptions {
  std::string dictionaries_dir;
  OcrMode ocr = OcrMode::kAuto;
  // Where tesseract finds its models; empty: tesseract's default.
  std::string tessdata_dir;
  // False: only extract and normalise (`diar extract`); the tagger and
  // classifier are not loaded and Analyse is not available.
  bool analyse = true;
  // Load-time warnings (unused rules, ...). Null: nowhere.
  std::shared_ptr<spdlog::logger> logger;
};

// Parses "auto", "never" or "always"; false for anything else.
bool ParseOcrMode(const std::string& text, OcrMode* mode);

class Pipeline {
 public:
  static Result<Pipeline> Load(const PipelineOptions& options);

  // Extract, normalise and analyse `path`. The pages' raw text and line
  // geometry are dropped once normalised (nothing downstream reads them and
  // they double the document's size), the page sizes and OCR notes kept.
  Result<ProcessedDocument> Process(const std::string& path) const;

  // Extract and normalise only; pages keep their raw text and lines.
  Result<ProcessedDocument> Read(const std::string& path) const;

  // Document date, tags, classification and owners for a document already
  // read (or built by a test from text). Needs a pipeline loaded with
  // `analyse`.
  void Analyse(ProcessedDocument& document) const;

  // Loads now what pipelines of `options` load on first use (the hunspell
  // dictionary, at the first hyphen), so processes forked afterwards share
  // it instead of each reading it. Costs about a tenth of a second; a caller
  // that reads one file has no need. Thread-safe, and independent of Load:
  // it may run on another thread beside it.
  static void Prepare(const PipelineOptions& options);

  const Tagger& tagger() const;
  const Classifier& classifier() const;
  const PipelineOptions& options() const;

 private:
  struct Impl;
  explicit Pipeline(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

}  // namespace diar

#endif  // DIAR_PIPELINE_PIPELINE_H_
