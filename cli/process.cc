#include "cli/process.h"

namespace diar::cli {
namespace {

bool ParseOcrMode(const std::string& text, OcrMode& mode) {
  if (text == "auto") mode = OcrMode::kAuto;
  else if (text == "never") mode = OcrMode::kNever;
  else if (text == "always") mode = OcrMode::kAlways;
  else return false;
  return true;
}

}  // namespace

std::optional<Pipeline> LoadPipeline(Context& ctx, const std::string& ocr, bool tagging) {
  Pipeline pipeline;
  if (!ParseOcrMode(ocr, pipeline.extract.ocr)) {
    ctx.Fail(ConfigError("--ocr " + ocr + ": unknown mode; use auto, never or always"));
    return std::nullopt;
  }
  pipeline.normalise.hyphen_keep_file = ctx.dictionaries_dir + "/hyphen_keep.txt";
  if (std::vector<std::string> errors = CheckHyphenKeepList(pipeline.normalise.hyphen_keep_file);
      !errors.empty()) {
    std::string message;
    for (const std::string& e : errors) message += (message.empty() ? "" : "\n") + e;
    ctx.Fail(ConfigError(message));
    return std::nullopt;
  }
  if (!tagging) return pipeline;
  pipeline.tagger = ctx.LoadTagger();
  if (!pipeline.tagger) return std::nullopt;
  Result<Classifier> classifier = Classifier::Load(ctx.dictionaries_dir);
  if (!classifier) {
    ctx.Fail(classifier.error());
    return std::nullopt;
  }
  pipeline.classifier = std::move(classifier).value();
  return pipeline;
}

Result<IndexedDocument> ProcessFile(const std::string& path, const Pipeline& pipeline) {
  Result<ExtractedDocument> extracted = ExtractFile(path, pipeline.extract);
  if (!extracted) return extracted.error();
  IndexedDocument doc;
  doc.source = std::move(extracted).value();
  doc.text = Normalise(doc.source, pipeline.normalise);
  const Tagger& tagger = *pipeline.tagger;
  TagContext context;
  context.document_date = tagger.DetectDocumentDate(doc.text, doc.source.created);
  doc.mentions = tagger.Tag(doc.text, context);
  // Classify needs the mentions (issuer from the letterhead's body), and the
  // organs' owner is that issuer: so owners come last.
  doc.classification = pipeline.classifier->Classify(doc.source, doc.text, doc.mentions, tagger);
  AssignOwners(doc.classification, tagger, &doc.mentions);
  // Raw page text and line geometry are not stored; drop them before the
  // document crosses threads.
  for (ExtractedPage& page : doc.source.pages) {
    page.text.clear();
    page.lines.clear();
  }
  return doc;
}

}  // namespace diar::cli
