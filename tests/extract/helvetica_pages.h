// helvetica_pages: PDFs written byte by byte, one page per content stream
// set in 12 pt Helvetica (WinAnsiEncoding), read through the real
// extractor: for tests that must say exactly how each glyph is drawn.
#ifndef DIAR_TESTS_EXTRACT_HELVETICA_PAGES_H_
#define DIAR_TESTS_EXTRACT_HELVETICA_PAGES_H_

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "pipeline/extract/extract.h"
#include "tests/foundation/raw_pdf.h"

namespace diar::testing {

// Shows `text` (a PDF string's bytes) at (x, y).
inline std::string Show(double x, double y, const std::string& text) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "1 0 0 1 %.3f %.3f Tm (", x, y);
  return buf + text + ") Tj\n";
}

// Writes a PDF of one 300 x 750 pt page per body (what goes between
// "BT /F1 12 Tf" and "ET") to a temporary file and returns its path.
inline std::string WriteHelveticaPdf(const std::vector<std::string>& bodies) {
  std::vector<std::string> contents;
  for (const std::string& body : bodies) contents.push_back("BT /F1 12 Tf\n" + body + "ET\n");
  std::random_device rd;
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("diar-helvetica-" + std::to_string(rd()) + ".pdf"))
                               .string();
  std::ofstream(path, std::ios::binary) << MinimalPdf(contents, 300, 750);
  return path;
}

// The extracted text of each page (no OCR), the file removed again.
inline std::vector<std::string> PageTexts(const std::vector<std::string>& bodies) {
  const std::string path = WriteHelveticaPdf(bodies);
  ExtractOptions options;
  options.ocr = OcrMode::kNever;
  Result<ExtractedDocument> doc = ExtractFile(path, options);
  std::filesystem::remove(path);
  EXPECT_TRUE(doc.ok()) << (doc.ok() ? "" : doc.error().message);
  std::vector<std::string> texts;
  if (doc.ok()) {
    for (const ExtractedPage& page : doc->pages) texts.push_back(page.text);
  }
  return texts;
}

}  // namespace diar::testing

#endif  // DIAR_TESTS_EXTRACT_HELVETICA_PAGES_H_
