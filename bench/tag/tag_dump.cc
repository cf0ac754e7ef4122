// tag_dump FILE [text]: the mentions the tagger finds in FILE, one per line
// (offset, type, text, value, rule), or with "text" the normalised text the
// tagger sees. For writing and debugging rules; `diar tag` is the user's
// command.
#include <iostream>

#include "pipeline/extract/extract.h"
#include "pipeline/normalise/normalise.h"
#include "pipeline/tag/tag.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: tag_dump FILE [text]\n";
    return 2;
  }
  diar::Result<diar::Tagger> tagger = diar::Tagger::Load(DIAR_SOURCE_DIR "/dictionaries", {});
  if (!tagger) {
    std::cerr << tagger.error().message << "\n";
    return 2;
  }
  diar::Result<diar::ExtractedDocument> document = diar::ExtractFile(argv[1], {});
  if (!document) {
    std::cerr << document.error().message << "\n";
    return 1;
  }
  const diar::NormalisedText text = diar::Normalise(*document, {});
  if (argc > 2 && std::string(argv[2]) == "text") {
    std::cout << text.text;
    return 0;
  }
  diar::TagContext context;
  context.document_date = tagger->DetectDocumentDate(text, document->created);
  std::cerr << "document date: " << context.document_date << "\n";
  for (const diar::Mention& m : tagger->Tag(text, context)) {
    std::string shown = m.text;
    for (char& c : shown) {
      if (c == '\n') c = ' ';
    }
    std::cout << m.start << '\t' << m.type << '\t' << shown << '\t' << m.value << '\t' << m.rule
              << (m.inferred ? "\tinferred" : "") << '\n';
  }
  return 0;
}
