// PDFs made searchable by OCR: a scanned page with the OCR engine's words
// laid over it as invisible text, as tesseract, ocrmypdf and scanner
// software write them. tests/data/ocr-layer/ holds page 1 of the three
// LibreOffice PDFs in tests/data/producers/, scanned at 200 dpi and run
// through tesseract 5.3 (scripts/make-ocr-layer-pdfs). Such a text layer is
// read like any other; its geometry differs: each word's box falls short of
// its ink by about a character, so word spaces read 0.7-1.2 em wide
// (layout.cc, WidenShortWordBoxes). Beside the plan and the tjänsteskrivelse,
// the text of the typeset page alone as diar reads it (*.txt).
#include <gtest/gtest.h>

#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>

#include "pipeline/extract/extract.h"
#include "pipeline/normalise/normalise.h"
#include "tests/extract/read_pdf.h"
#include "tests/extract/text_metrics.h"

namespace diar {
namespace {

namespace fs = std::filesystem;

fs::path DataPath(const std::string& folder, const std::string& name) {
  return fs::path(DIAR_SOURCE_DIR) / "tests" / "data" / folder / (name + ".pdf");
}

using Read = testing::ReadPdf;
using testing::ReadFile;

Read ReadPdf(const fs::path& path) { return testing::ReadAndNormalise(path); }

bool HasLineContaining(const std::string& text, const std::string& part) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.find(part) != std::string::npos) return true;
  }
  return false;
}

TEST(OcrLayer, IsReadFromTheTextLayerWithoutOcr) {
  for (const char* name : {"plan", "tjansteskrivelse"}) {
    const Read read = ReadPdf(DataPath("ocr-layer", name));
    ASSERT_EQ(read.document.pages.size(), 1u) << name;
    EXPECT_FALSE(read.document.pages[0].ocr) << name;
  }
}

// The scan's text against the text of the typeset page it was printed from
// (*.txt: the LibreOffice page alone, as the reader reads it): what differs
// beyond tesseract's own misreadings (a bullet read as "+", "§" as "8", an
// en dash as a hyphen) is reading order.
TEST(OcrLayer, ReadsWithinOnePercentCerOfThePageItWasScannedFrom) {
  for (const char* name : {"plan", "tjansteskrivelse"}) {
    const Read scanned = ReadPdf(DataPath("ocr-layer", name));
    const fs::path expected = fs::path(DataPath("ocr-layer", name)).replace_extension(".txt");
    const double cer = testing::CharacterErrorRate(scanned.text.text, ReadFile(expected));
    std::cout << "CER " << std::fixed << std::setprecision(3) << cer * 100 << " %  " << name
              << "\n";
    EXPECT_LT(cer, 0.01) << name << ":\n" << scanned.text.text;
  }
}

// The plan's three bullets start alike ("samråda, samordna och lämna
// förslag i ... frågor som"), so their wide OCR word spaces line up down the
// list like a gutter; the items were read as two columns, each cut in two.
TEST(OcrLayer, ListItemsThatStartAlikeAreNotReadAsColumns) {
  const Read read = ReadPdf(DataPath("ocr-layer", "plan"));
  EXPECT_TRUE(HasLineContaining(read.text.text,
                                "samråda, samordna och lämna förslag i de frågor som är av "
                                "betydelse för länets utveckling och där regionen och kommunerna "
                                "har sitt respektive ansvar,"))
      << read.text.text;
  EXPECT_TRUE(HasLineContaining(read.text.text,
                                "vara ett forum för kommunal och regional omvärlds- och "
                                "intressebevakning."))
      << read.text.text;
}

// Tesseract reads the protokoll's "§ 45" as "8 45"; on a scan's text
// layer, as on diar's own OCR, the headings get their sign back
// (ocr_misreads.h), and with them the structure that makes it a protokoll.
TEST(OcrLayer, AProtokollsParagraphHeadingsKeepTheirSectionSign) {
  const Read read = ReadPdf(DataPath("ocr-layer", "protokoll"));
  EXPECT_TRUE(HasLineContaining(read.text.text, "§ 45 Val av justerare")) << read.text.text;
  EXPECT_TRUE(HasLineContaining(read.text.text, "§ 46 Godkännande av dagordning"))
      << read.text.text;
}

// A scan's table borders are pixels of its image, not drawing: they are
// found there (scan_rules.h), so the protokoll's ruled attendance table is
// read row by row on its text layer as on the typeset page.
TEST(OcrLayer, ARuledTableIsReadRowByRowFromTheRulesInTheScan) {
  const Read read = ReadPdf(DataPath("ocr-layer", "protokoll"));
  EXPECT_TRUE(HasLineContaining(read.text.text, "Anna Lindqvist (S), ordförande | Lars Persson (S)"))
      << read.text.text;
  EXPECT_TRUE(HasLineContaining(read.text.text, "Fatima Hassan (V) | Olle Berglund (KD)"))
      << read.text.text;
}

}  // namespace
}  // namespace diar
