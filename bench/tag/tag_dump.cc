// tag_dump FILE [text]: the mentions the pipeline finds in FILE, one per line
// (offset, type, text, value, rule, owner), or with "text" the normalised
// text the tagger sees. For writing and debugging rules; `diar tag` is the
// user's command.
#include <iostream>

#include "pipeline/pipeline.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: tag_dump FILE [text]\n";
    return 2;
  }
  const bool text_only = argc > 2 && std::string(argv[2]) == "text";
  diar::Result<diar::Pipeline> pipeline = diar::Pipeline::Load(
      {.dictionaries_dir = DIAR_SOURCE_DIR "/dictionaries", .analyse = !text_only});
  if (!pipeline) {
    std::cerr << pipeline.error().message << "\n";
    return 2;
  }
  if (text_only) {
    diar::Result<diar::ProcessedDocument> read = pipeline->Read(argv[1]);
    if (!read) {
      std::cerr << read.error().message << "\n";
      return 1;
    }
    std::cout << read->text.text;
    return 0;
  }
  diar::Result<diar::ProcessedDocument> doc = pipeline->Process(argv[1]);
  if (!doc) {
    std::cerr << doc.error().message << "\n";
    return 1;
  }
  std::cerr << "document date: " << doc->classification.date << "\n";
  for (const diar::Mention& m : doc->mentions) {
    std::string shown = m.text;
    for (char& c : shown) {
      if (c == '\n') c = ' ';
    }
    std::cout << m.start << '\t' << m.type << '\t' << shown << '\t' << m.value << '\t' << m.rule
              << (m.inferred ? "\tinferred" : "") << (m.owner.empty() ? "" : "\towner=" + m.owner)
              << '\n';
  }
  return 0;
}
