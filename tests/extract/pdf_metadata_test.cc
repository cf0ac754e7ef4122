// Issue 15: the PDF Info dictionary's text strings (Title, Author) decoded
// as the PDF writes them: PDFDocEncoding by default, UTF-16BE after a
// byte-order mark. Each test writes a one-page PDF whose Info strings hold
// the bytes under test and reads it through poppler.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "pipeline/extract/extract.h"
#include "tests/foundation/raw_pdf.h"

namespace diar {
namespace {

// A one-page PDF with `info` (the inside of the Info dictionary, raw bytes)
// and a correct cross-reference table.
std::string WritePdf(const std::string& info) {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
      "<< " + info + " >>"};
  const std::string pdf = testing::AssemblePdf(objects, "/Info 4 0 R");
  std::random_device rd;
  const std::string path =
      (std::filesystem::temp_directory_path() / ("diar-meta-" + std::to_string(rd()) + ".pdf")).string();
  std::ofstream(path, std::ios::binary) << pdf;
  return path;
}

ExtractedDocument Read(const std::string& info) {
  const std::string path = WritePdf(info);
  ExtractOptions options;
  options.ocr = OcrMode::kNever;
  Result<ExtractedDocument> doc = ExtractFile(path, options);
  std::filesystem::remove(path);
  EXPECT_TRUE(doc.ok()) << (doc.ok() ? "" : doc.error().message);
  return doc.ok() ? *doc : ExtractedDocument{};
}

TEST(PdfMetadata, PdfDocEncodingDashesAndQuotes) {
  // 0x85 en dash, 0x84 em dash, 0x8D/0x8E double quotes, Latin-1 å (0xE5).
  const ExtractedDocument doc =
      Read("/Title (Regional kulturplan 2019\x85" "2022 \x84 \x8Dm\xE5l\x8E)");
  EXPECT_EQ(doc.title, "Regional kulturplan 2019\u20132022 \u2014 \u201cm\u00e5l\u201d");
}

TEST(PdfMetadata, Utf16WithAByteOrderMark) {
  // "Västerås – plan" in UTF-16BE after FE FF, as a hex string.
  const ExtractedDocument doc = Read("/Title <FEFF005600E4007300740065007200E500730020201300200070006C0061006E>");
  EXPECT_EQ(doc.title, "Västerås \u2013 plan");
}

TEST(PdfMetadata, Utf16TitleWithOnlyLatinLettersIsLeftAsDecoded) {
  // "Plan för Västerås" in UTF-16BE: every code unit below 0x100.
  const ExtractedDocument doc = Read("/Author <FEFF0050006C0061006E0020006600F600720020005600E4007300740065007200E50073>");
  EXPECT_EQ(doc.author, "Plan för Västerås");
}

TEST(PdfMetadata, Utf8WithAByteOrderMark) {
  const ExtractedDocument doc = Read("/Title (\xEF\xBB\xBFPlan f\xC3\xB6r V\xC3\xA4ster\xC3\xA5s)");
  EXPECT_EQ(doc.title, "Plan för Västerås");
}

}  // namespace
}  // namespace diar
