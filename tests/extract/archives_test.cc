// PDFs that went through one more step after the word processor, as a
// kommun's or region's archive holds them (tests/data/producers, made by
// scripts/make-archive-pdfs):
//   - signed-protokoll: protokoll.pdf signed as Scrive does it, a stamp
//     turned 90 degrees along the right edge of every page and a
//     verification page ("Verifikat") from another producer appended;
//   - signed-tjansteskrivelse: tjansteskrivelse.pdf with one stamp, turned
//     the other way up the left edge of its last page (Assently, Comfact);
//   - compiled-kallelse: a kallelse with its handlingar appended, as
//     Netpublicator, Meetings Plus or Ciceron compile them: parts from
//     Chromium and LibreOffice, portrait and landscape, each with its own
//     running lines, a scan whose only text is a signing stamp and a scan
//     with an OCR layer.
//   - turned-scans: two scans with an OCR layer that lie turned, one upside
//     down in its content (text matrices turned 180 degrees), one shown
//     sideways (/Rotate 90).
// Their expected text (*.txt) is the text layer's reading: page 8 of the
// compiled document, a scan, holds only its stamp there.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/extract/extract.h"
#include "pipeline/normalise/normalise.h"
#include "tests/extract/page_text.h"
#include "tests/extract/read_pdf.h"
#include "tests/extract/text_metrics.h"

namespace diar {
namespace {

namespace fs = std::filesystem;

const char* const kScriveStamp =
    "Transaktion 09222115557466383442 \xC2\xB7 Signerat med BankID \xC2\xB7 Verifierat av Scrive";

struct Read {
  ExtractedDocument document;
  NormalisedText text;
};

// Read from the text layer alone: the CER is the text layer's, and the
// scanned page is checked for where it goes, not for tesseract's reading.
Read ReadWithoutOcr(const std::string& name) {
  ExtractOptions options;
  options.ocr = OcrMode::kNever;
  Result<ExtractedDocument> doc = ExtractFile(testing::ProducerPath(name + ".pdf").string(), options);
  EXPECT_TRUE(doc.ok()) << name << ": " << (doc.ok() ? "" : doc.error().message);
  if (!doc.ok()) return {};
  NormalisedText text = Normalise(*doc, {});
  return {std::move(*doc), std::move(text)};
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

TEST(Archives, EachDocumentReadsWithinHalfAPercentCerOfItsText) {
  for (const char* name : {"signed-protokoll", "signed-tjansteskrivelse", "compiled-kallelse",
                           "turned-scans"}) {
    const Read read = ReadWithoutOcr(name);
    const double cer = testing::CharacterErrorRate(
        read.text.text, testing::ReadFile(testing::ProducerPath(std::string(name) + ".txt")));
    std::cout << "CER " << std::fixed << std::setprecision(3) << cer * 100 << " %  " << name
              << " (" << read.document.pages.size() << " pages)\n";
    EXPECT_LT(cer, 0.005) << name << ":\n" << read.text.text;
  }
}

TEST(Archives, ASigningStampOnEveryPageIsRemovedWholeAsARunningLine) {
  const Read read = ReadWithoutOcr("signed-protokoll");
  ASSERT_EQ(read.text.removed_lines.size(), 4u);
  for (std::size_t page = 0; page < 3; ++page) {
    const std::vector<std::string>& removed = read.text.removed_lines[page];
    EXPECT_NE(std::find(removed.begin(), removed.end(), kScriveStamp), removed.end())
        << "page " << page + 1;
  }
  EXPECT_EQ(read.text.text.find("Signerat med BankID"), std::string::npos) << read.text.text;
}

TEST(Archives, TheVerificationPageIsReadAsItsOwnPageAfterTheProtokoll) {
  const Read read = ReadWithoutOcr("signed-protokoll");
  ASSERT_EQ(read.text.page_starts.size(), 4u);
  const std::vector<std::string> page4 = Lines(testing::PageText(read.text, 3));
  ASSERT_GE(page4.size(), 3u);
  EXPECT_EQ(page4[0], "Verifikat");
  EXPECT_EQ(page4[1], "Transaktion 09222115557466383442");
  EXPECT_NE(std::find(page4.begin(), page4.end(), "Karin Holm | Justerare | 2023-05-22 10:02:41 CEST"),
            page4.end())
      << testing::PageText(read.text, 3);
  EXPECT_TRUE(read.text.removed_lines[3].empty());
}

TEST(Archives, AStampOnOnePageOnlyStaysAsALineOfItsOwnAfterThePagesText) {
  const Read read = ReadWithoutOcr("signed-tjansteskrivelse");
  ASSERT_EQ(read.text.page_starts.size(), 3u);
  const std::vector<std::string> page3 = Lines(testing::PageText(read.text, 2));
  ASSERT_GE(page3.size(), 2u);
  EXPECT_EQ(page3.back(),
            "Dokument-ID 4F2A9C71-0B3E \xC2\xB7 Signerat elektroniskt av Ann-Sofie Lindberg "
            "2022-03-30 via Assently");
  EXPECT_EQ(page3[page3.size() - 2], "Utvecklingsstrateg");
}

// Each part's running lines go, on that part's pages only, though none of
// them is on 40 % of the document's pages.
TEST(Archives, RunningLinesAreFoundPerPartOfACompiledDocument) {
  const Read read = ReadWithoutOcr("compiled-kallelse");
  ASSERT_EQ(read.text.removed_lines.size(), 9u);
  // The kallelse's head carries its page number: on two pages, a number
  // in step with the page counts where the line says it is a page number.
  auto kallelse = [](int page) {
    return std::vector<std::string>{
        "G\xC3\xA4llivare kommun",
        "Kallelse kommunstyrelsen 2023-05-16, sida " + std::to_string(page) + " (2)",
        "Postadress: Box 22, 982 21 G\xC3\xA4llivare \xC2\xB7 Telefon 0970-180 00 \xC2\xB7 "
        "kommun@gallivare.se"};
  };
  const std::vector<std::vector<std::string>> expected = {
      kallelse(1),
      kallelse(2),
      {"Sida 1 av 3"},
      {"Dnr KS 2022-0092-106", "Region V\xC3\xA4sterbotten", "Sida 2 av 3"},
      {"Dnr KS 2022-0092-106", "Region V\xC3\xA4sterbotten", "Sida 3 av 3"},
      {"Bilaga till \xC3\xA4rende 4 \xC2\xB7 Ekonomisk uppf\xC3\xB6ljning april 2023"},
      {"Bilaga till \xC3\xA4rende 4 \xC2\xB7 Ekonomisk uppf\xC3\xB6ljning april 2023"},
      {},
      {"Sida 1 av 3"}};
  for (std::size_t page = 0; page < expected.size(); ++page) {
    EXPECT_EQ(Sorted(read.text.removed_lines[page]), Sorted(expected[page])) << "page " << page + 1;
  }
}

// Where one part ends and the next begins, the next part's opening lines
// stay: its letterhead, its title.
TEST(Archives, NoPartsRunningLineTakesTheNextPartsFirstLines) {
  const Read read = ReadWithoutOcr("compiled-kallelse");
  ASSERT_EQ(read.text.page_starts.size(), 9u);
  const std::vector<std::pair<std::size_t, std::string>> first_lines = {
      {0, "Kallelse till sammantr\xC3\xA4" "de med kommunstyrelsen"},
      {2, "Region V\xC3\xA4sterbotten"},
      {5, "Ekonomisk uppf\xC3\xB6ljning per n\xC3\xA4mnd, april 2023 (mnkr)"},
      {8, "Verksamhetsplan 2021-2023, regionala utvecklingsf\xC3\xB6rvaltningen"}};
  for (const auto& [page, line] : first_lines) {
    const std::vector<std::string> lines = Lines(testing::PageText(read.text, page));
    ASSERT_FALSE(lines.empty()) << "page " << page + 1;
    EXPECT_EQ(lines.front(), line) << "page " << page + 1;
  }
}

// A scan whose only text is the stamp up its edge has no usable text
// layer: it goes to OCR. The scan with an OCR layer does not, nor does
// any typeset page. (With --ocr never the decision shows as the page's
// note, without running tesseract.)
TEST(Archives, OnlyTheScanWithoutAUsableTextLayerGoesToOcr) {
  const Read read = ReadWithoutOcr("compiled-kallelse");
  ASSERT_EQ(read.document.pages.size(), 9u);
  for (const ExtractedPage& page : read.document.pages) {
    EXPECT_EQ(page.ocr_note.empty(), page.number != 8) << "page " << page.number << ": "
                                                       << page.ocr_note;
  }
}

// OCR reads the stamped scan; the stamp comes from the text layer, which
// has it right, and tesseract's reading of the turned stamp (strings like
// "UOIPIeESUeLLZy" at the ends of the table's rows beside it) is left out.
TEST(Archives, AStampedScanIsReadByOcrWithTheStampFromItsTextLayer) {
  Result<ExtractedDocument> doc =
      ExtractFile(testing::ProducerPath("compiled-kallelse.pdf").string(), {});
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  ASSERT_EQ(doc->pages.size(), 9u);
  for (const ExtractedPage& page : doc->pages) {
    EXPECT_EQ(page.ocr, page.number == 8) << "page " << page.number;
  }
  const NormalisedText text = Normalise(*doc, {});
  const std::vector<std::string> page8 = Lines(testing::PageText(text, 7));
  ASSERT_FALSE(page8.empty());
  EXPECT_EQ(page8.back(), kScriveStamp);
  for (const char* row : {"Ledam\xC3\xB6ter | Ers\xC3\xA4ttare",
                          "Anna Lindqvist (S), ordf\xC3\xB6rande | Lars Persson (S)",
                          "Karin Holm (M), f\xC3\xB6rste vice ordf\xC3\xB6rande | Eva Sandberg (M)"}) {
    EXPECT_NE(std::find(page8.begin(), page8.end(), row), page8.end())
        << row << "\n" << testing::PageText(text, 7);
  }
}

// Most of a page's text set in one turn is the page's own direction: the
// page is read turned upright, word for word as the same scan lying
// straight (tests/data/ocr-layer). Before, each turned word was a line.
TEST(Archives, TurnedScansWithAnOcrLayerReadAsTheSameScansLyingStraight) {
  const Read turned = ReadWithoutOcr("turned-scans");
  ASSERT_EQ(turned.text.page_starts.size(), 2u);
  const char* const straight[] = {"tjansteskrivelse", "plan"};
  for (std::size_t page = 0; page < 2; ++page) {
    ExtractOptions options;
    options.ocr = OcrMode::kNever;
    const fs::path path =
        fs::path(DIAR_SOURCE_DIR) / "tests" / "data" / "ocr-layer" / (std::string(straight[page]) + ".pdf");
    Result<ExtractedDocument> doc = ExtractFile(path.string(), options);
    ASSERT_TRUE(doc.ok()) << path;
    EXPECT_EQ(Lines(testing::PageText(turned.text, page)), Lines(Normalise(*doc, {}).text))
        << straight[page];
    EXPECT_TRUE(turned.document.pages[page].ocr_note.empty()) << turned.document.pages[page].ocr_note;
  }
}

}  // namespace
}  // namespace diar
