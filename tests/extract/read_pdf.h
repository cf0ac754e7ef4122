// read_pdf: a committed test PDF through the real extractor and normaliser,
// and its expected text, for the extraction tests.
#ifndef DIAR_TESTS_EXTRACT_READ_PDF_H_
#define DIAR_TESTS_EXTRACT_READ_PDF_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>

#include "pipeline/extract/extract.h"
#include "pipeline/normalise/normalise.h"

namespace diar::testing {

// The whole file, bytes as they are; empty if it cannot be read.
inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct ReadPdf {
  ExtractedDocument document;
  NormalisedText text;
};

// `path` extracted with the default options (OCR allowed, so a page sent
// to it would show) and normalised. A failure to extract fails the test
// that asked and gives an empty result.
inline ReadPdf ReadAndNormalise(const std::filesystem::path& path) {
  Result<ExtractedDocument> doc = ExtractFile(path.string(), {});
  EXPECT_TRUE(doc.ok()) << path << ": " << (doc.ok() ? "" : doc.error().message);
  if (!doc.ok()) return {};
  NormalisedText text = Normalise(*doc, {});
  return {std::move(*doc), std::move(text)};
}

// tests/data/producers/<name>.pdf read as above (producer PDFs and their
// expected text, <name>.txt, live there).
inline std::filesystem::path ProducerPath(const std::string& file) {
  return std::filesystem::path(DIAR_SOURCE_DIR) / "tests" / "data" / "producers" / file;
}

// True when `line` is a whole line of `text`.
inline bool HasLine(const std::string& text, const std::string& line) {
  std::istringstream in(text);
  std::string l;
  while (std::getline(in, l)) {
    if (l == line) return true;
  }
  return false;
}

}  // namespace diar::testing

#endif  // DIAR_TESTS_EXTRACT_READ_PDF_H_
