#include "pipeline/classify/classify.h"

#include <filesystem>

namespace diar {
namespace {

// How far into the text the document's own dnr may stand: letterheads put it
// in the first few lines, and a dnr further down is usually a reference to
// another case.
constexpr std::size_t kOwnDnrWindow = 600;

// A title is a short first line; a long one is running text.
constexpr std::size_t kMaxTitleCodePoints = 160;

std::string FirstLine(const std::string& text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty()) return line;
    start = end + 1;
  }
  return "";
}

}  // namespace

Classification Classify(const ExtractedDocument& source,
                        const NormalisedText& text,
                        const std::vector<Mention>& mentions,
                        const Tagger& tagger) {
  Classification c;
  if (!source.title.empty()) {
    c.title = source.title;
    c.cues.push_back({"title", "PDF metadata Title"});
  } else {
    std::string line = FirstLine(text.text);
    if (!line.empty() && CodePointCount(line) <= kMaxTitleCodePoints) {
      c.title = line;
      c.cues.push_back({"title", "first line of the text"});
    } else {
      c.title = std::filesystem::path(source.path).stem().string();
      c.cues.push_back({"title", "file name"});
    }
  }

  c.date = tagger.DetectDocumentDate(text, source.created);
  if (!c.date.empty()) c.cues.push_back({"date", "document date " + c.date});

  for (const Mention& m : mentions) {
    if (m.type == "dnr" && m.start < kOwnDnrWindow) {
      c.dnr = m.value;
      c.cues.push_back({"dnr", "\"" + m.text + "\" in the opening lines"});
      break;
    }
  }
  return c;
}

}  // namespace diar
