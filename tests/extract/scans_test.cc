// Scanned documents: image-only PDFs, as a scanner or a print-to-image
// driver writes them, read by diar's own OCR (tesseract's Swedish model).
// tests/data/scans/ holds the first pages of committed PDFs whose expected
// text is beside them, each page a 300 dpi gray image
// (scripts/make-scan-pdfs); the scan should read as those pages of the
// expected text. OCR takes seconds a page, so each scan is read once.
#include <gtest/gtest.h>

#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include "pipeline/extract/extract.h"
#include "pipeline/normalise/normalise.h"
#include "tests/extract/read_pdf.h"
#include "tests/extract/text_metrics.h"

namespace diar {
namespace {

namespace fs = std::filesystem;

struct Scan {
  const char* name;      // tests/data/scans/<name>.pdf
  const char* expected;  // tests/data/producers/<expected>.txt, the source's text
  int pages;             // pages scanned, from the first
  double max_cer;        // what the reading must stay under
};

// The CER bounds hold the reading reached, with a margin of about a fifth
// for tesseract's versions; DECISIONS.md ("Scans read by OCR") has the
// figures before and after.
constexpr Scan kScans[] = {
    {"protokoll", "protokoll", 2, 0.05},
    {"tjansteskrivelse", "tjansteskrivelse", 1, 0.05},
    {"gs-chromium-hyphens", "gs-chromium-hyphens", 1, 0.05},
    {"gs-verksamhetsplan-23-25", "gs-verksamhetsplan-23-25", 1, 0.05},
};

const testing::ReadPdf& ReadScan(const std::string& name) {
  static std::map<std::string, testing::ReadPdf> read;
  auto it = read.find(name);
  if (it == read.end()) {
    const fs::path path = fs::path(DIAR_SOURCE_DIR) / "tests" / "data" / "scans" / (name + ".pdf");
    it = read.emplace(name, testing::ReadAndNormalise(path)).first;
  }
  return it->second;
}

// The first `pages` pages of an expected text (a form-feed line between
// pages).
std::string FirstPages(const std::string& text, int pages) {
  std::size_t end = 0;
  for (int p = 0; p < pages && end != std::string::npos; ++p) {
    end = text.find("\n\f\n", end == 0 ? 0 : end + 3);
  }
  return end == std::string::npos ? text : text.substr(0, end + 1);
}

std::string Expected(const Scan& scan) {
  return FirstPages(testing::ReadFile(testing::ProducerPath(std::string(scan.expected) + ".txt")),
                    scan.pages);
}

TEST(Scans, EveryPageIsReadByOcr) {
  for (const Scan& scan : kScans) {
    const testing::ReadPdf& read = ReadScan(scan.name);
    ASSERT_EQ(read.document.pages.size(), static_cast<std::size_t>(scan.pages)) << scan.name;
    for (const ExtractedPage& page : read.document.pages) {
      EXPECT_TRUE(page.ocr) << scan.name << " page " << page.number;
      EXPECT_EQ(page.ocr_note, "") << scan.name << " page " << page.number;
    }
  }
}

TEST(Scans, ReadWithinTheirCerOfTheTypesetText) {
  for (const Scan& scan : kScans) {
    const std::string text = ReadScan(scan.name).text.text;
    const double cer = testing::CharacterErrorRate(text, Expected(scan));
    std::cout << "CER " << std::fixed << std::setprecision(2) << cer * 100 << " %  " << scan.name
              << "\n";
    EXPECT_LT(cer, scan.max_cer) << scan.name << ":\n" << text;
  }
}

}  // namespace
}  // namespace diar
