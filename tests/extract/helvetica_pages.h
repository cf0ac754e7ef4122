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
  std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", ""};
  const std::size_t font = 3;
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                    "/Encoding /WinAnsiEncoding >>");
  std::string kids;
  for (const std::string& body : bodies) {
    const std::string content = "BT /F1 12 Tf\n" + body + "ET\n";
    const std::size_t page = objects.size() + 1;
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 750] /Resources << /Font "
                      "<< /F1 " + std::to_string(font) + " 0 R >> >> /Contents " +
                      std::to_string(page + 1) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                      "\nendstream");
    kids += std::to_string(page) + " 0 R ";
  }
  objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(bodies.size()) + " >>";
  std::random_device rd;
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("diar-helvetica-" + std::to_string(rd()) + ".pdf"))
                               .string();
  std::ofstream(path, std::ios::binary) << AssemblePdf(objects);
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
