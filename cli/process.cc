#include "cli/process.h"

#include "pipeline/classify/classify.h"
#include "pipeline/normalise/normalise.h"

namespace diar::cli {

Result<IndexedDocument> ProcessFile(const std::string& path,
                                    const Tagger& tagger,
                                    const Classifier& classifier,
                                    const ExtractOptions& options) {
  Result<ExtractedDocument> extracted = ExtractFile(path, options);
  if (!extracted) return extracted.error();
  IndexedDocument doc;
  doc.source = std::move(extracted).value();
  doc.text = Normalise(doc.source, {});
  TagContext context;
  context.document_date = tagger.DetectDocumentDate(doc.text, doc.source.created);
  doc.mentions = tagger.Tag(doc.text, context);
  // Classify needs the mentions (issuer from the letterhead's body), and the
  // organs' owner is that issuer: so owners come last.
  doc.classification = classifier.Classify(doc.source, doc.text, doc.mentions, tagger);
  AssignOwners(doc.classification, tagger, &doc.mentions);
  // Raw page text is not stored; drop it before the document crosses threads.
  for (ExtractedPage& page : doc.source.pages) page.text.clear();
  return doc;
}

Result<IndexedDocument> ProcessFile(const std::string& path,
                                    const Tagger& tagger,
                                    const ExtractOptions& options) {
  static const Classifier kWithoutData;
  return ProcessFile(path, tagger, kWithoutData, options);
}

bool ParseOcrMode(const std::string& text, OcrMode& mode) {
  if (text == "auto") mode = OcrMode::kAuto;
  else if (text == "never") mode = OcrMode::kNever;
  else if (text == "always") mode = OcrMode::kAlways;
  else return false;
  return true;
}

}  // namespace diar::cli
