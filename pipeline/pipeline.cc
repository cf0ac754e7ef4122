#include "pipeline/pipeline.h"

#include <optional>

#include "pipeline/owners/owners.h"

namespace diar {
namespace {

NormaliseOptions NormaliseOptionsFor(const PipelineOptions& options) {
  NormaliseOptions normalise;
  normalise.hyphen_keep_file = options.dictionaries_dir + "/hyphen_keep.txt";
  return normalise;
}

}  // namespace

bool ParseOcrMode(const std::string& text, OcrMode* mode) {
  if (text == "auto") *mode = OcrMode::kAuto;
  else if (text == "never") *mode = OcrMode::kNever;
  else if (text == "always") *mode = OcrMode::kAlways;
  else return false;
  return true;
}

struct Pipeline::Impl {
  PipelineOptions options;
  ExtractOptions extract;
  NormaliseOptions normalise;
  std::optional<Tagger> tagger;
  std::optional<Classifier> classifier;
};

Pipeline::Pipeline(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Result<Pipeline> Pipeline::Load(const PipelineOptions& options) {
  auto impl = std::make_shared<Impl>();
  impl->options = options;
  impl->extract.ocr = options.ocr;
  impl->extract.tessdata_dir = options.tessdata_dir;
  impl->normalise = NormaliseOptionsFor(options);
  if (std::vector<std::string> errors = CheckHyphenKeepList(impl->normalise.hyphen_keep_file);
      !errors.empty()) {
    std::string message;
    for (const std::string& e : errors) message += (message.empty() ? "" : "\n") + e;
    return ConfigError(message);
  }
  if (options.analyse) {
    Result<Tagger> tagger = Tagger::Load(options.dictionaries_dir, {.logger = options.logger});
    if (!tagger) return tagger.error();
    impl->tagger = std::move(tagger).value();
    Result<Classifier> classifier = Classifier::Load(options.dictionaries_dir);
    if (!classifier) return classifier.error();
    impl->classifier = std::move(classifier).value();
  }
  if (Result<bool> ocr = PrepareOcr(impl->extract); !ocr) return ocr.error();
  return Pipeline(std::move(impl));
}

Result<ProcessedDocument> Pipeline::Read(const std::string& path) const {
  Result<ExtractedDocument> extracted = ExtractFile(path, impl_->extract);
  if (!extracted) return extracted.error();
  ProcessedDocument doc;
  doc.source = std::move(extracted).value();
  doc.text = Normalise(doc.source, impl_->normalise);
  return doc;
}

void Pipeline::Analyse(ProcessedDocument& doc) const {
  const Tagger& tagger = *impl_->tagger;
  // The text's own date, found once: the tag context falls back on the
  // PDF's CreationDate, as DetectDocumentDate(text, created) does; the
  // classifier keeps that apart (metadata_date).
  const std::string text_date = tagger.DetectDocumentDate(doc.text, "");
  TagContext context;
  context.document_date = text_date.empty() ? doc.source.created : text_date;
  doc.mentions = tagger.Tag(doc.text, context);
  // Classification reads the mentions (the issuer is the letterhead's
  // body), and an organ's owner is that issuer: so owners come last.
  doc.classification =
      impl_->classifier->Classify(doc.source, doc.text, doc.mentions, tagger, text_date);
  AssignOwners(doc.text, doc.classification, tagger, &doc.mentions);
}

Result<ProcessedDocument> Pipeline::Process(const std::string& path) const {
  if (!impl_->tagger) {
    return ConfigError("pipeline loaded without analysis; load it with analyse = true");
  }
  Result<ProcessedDocument> doc = Read(path);
  if (!doc) return doc;
  Analyse(*doc);
  for (ExtractedPage& page : doc->source.pages) {
    page.text.clear();
    page.text.shrink_to_fit();
    page.lines.clear();
    page.lines.shrink_to_fit();
  }
  return doc;
}

void Pipeline::Prepare(const PipelineOptions& options) { PrepareNormalise(NormaliseOptionsFor(options)); }

const Tagger& Pipeline::tagger() const { return *impl_->tagger; }
const Classifier& Pipeline::classifier() const { return *impl_->classifier; }
const PipelineOptions& Pipeline::options() const { return impl_->options; }

}  // namespace diar
