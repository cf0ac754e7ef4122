// Layouts the corpus does not have, typeset here with cairo + pango
// (pdf_maker.h): other fonts, ragged and justified text, a header with a
// diarienummer on the right, "- N -" and outer "Sida N (M)" footers, two
// columns under a full-width heading, words hyphenated by the typesetter,
// and an image-only page for OCR. Each PDF is extracted and normalised
// and compared with what was typeset.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

#include "pipeline/extract/extract.h"
#include "pipeline/normalise/normalise.h"
#include "tests/extract/pdf_maker.h"
#include "tests/extract/read_pdf.h"
#include "tests/extract/text_metrics.h"

namespace diar {
namespace {

namespace fs = std::filesystem;
using testing::Block;
using testing::PageSpec;
using testing::Style;

// Seed text: Swedish authority prose written for these tests. "\xC2\xAD"
// marks soft hyphens where the typesetter may break long compounds.
const std::vector<std::string> kParagraphs = {
    "Regionstyrelsen beslutade den 14 mars att ge regional\xC2\xAD"
    "utvecklings\xC2\xAD" "förvaltningen i uppdrag att ta fram en ny handlings\xC2\xAD"
    "plan för kompetens\xC2\xAD" "försörjning i länet under perioden 2024–2027.",
    "Arbetet sker i samverkan med länets kommuner, Arbets\xC2\xAD" "förmedlingen och "
    "lärosätena. Finansieringen kommer delvis från EU-medel inom Europeiska social\xC2\xAD"
    "fonden, och hälso- och sjukvårdens behov av personal ska särskilt belysas.",
    "Förvaltningen bedömer att de ekonomiska konsekvenserna ryms inom befintlig budget. "
    "Uppföljning sker två gånger per år till den regionala utvecklings\xC2\xAD"
    "nämnden, som även ansvarar för samordningen med Länsstyrelsen.",
    "Under hösten genomförs dialogmöten med näringslivet, civil\xC2\xAD"
    "samhället och kommunernas arbetsmarknads\xC2\xAD" "enheter. Synpunkterna "
    "sammanställs i en rapport som redovisas för nämnden i december.",
    "Ärendet har beretts av tjänstepersoner vid avdelningen för tillväxt och "
    "samhälls\xC2\xAD" "planering. Samråd har skett med de fackliga organisationerna "
    "enligt medbestämmande\xC2\xAD" "lagen.",
};

struct Outcome {
  double cer = 0;
  NormalisedText text;
};

Outcome ExtractTypeset(const std::string& name, const std::vector<PageSpec>& pages, const Style& style,
           OcrMode ocr = OcrMode::kNever) {
  const fs::path path = fs::temp_directory_path() / ("diar_layouts_" + name + ".pdf");
  const std::string truth = testing::MakePdf(path.string(), pages, style);
  ExtractOptions options;
  options.ocr = ocr;
  diar::Result<ExtractedDocument> doc = ExtractFile(path.string(), options);
  // DIAR_KEEP_TEST_PDFS=1 keeps the PDFs for a look with pdftotext.
  if (std::getenv("DIAR_KEEP_TEST_PDFS") == nullptr) fs::remove(path);
  EXPECT_TRUE(doc.ok()) << name;
  Outcome r;
  if (!doc.ok()) return r;
  r.text = Normalise(*doc, {});
  r.cer = testing::CharacterErrorRate(r.text.text, truth);
  std::cout << "CER " << std::fixed << std::setprecision(3) << r.cer * 100 << " %  " << name
            << "\n";
  if (r.cer > 0.005) std::cout << "--- got:\n" << r.text.text << "\n--- want:\n" << truth << "\n";
  return r;
}

std::vector<Block> Body(std::size_t from, std::size_t n) {
  std::vector<Block> blocks;
  for (std::size_t i = 0; i < n; ++i) blocks.push_back({kParagraphs[(from + i) % kParagraphs.size()]});
  return blocks;
}

bool Contains(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

TEST(Layouts, ReadsARaggedLetterWithDnrHeaderAndDashFooter) {
  Style style;
  style.font = "Liberation Sans";
  style.header_right = "Dnr RS 2024/118";
  style.footer_center = "- {page} -";
  std::vector<PageSpec> pages;
  for (std::size_t p = 0; p < 3; ++p) {
    PageSpec page;
    page.blocks.push_back({p == 0 ? "Tjänsteskrivelse om kompetensförsörjning" : "Fortsättning",
                           14, true});
    for (const Block& b : Body(p, 4)) page.blocks.push_back(b);
    pages.push_back(page);
  }
  const Outcome r = ExtractTypeset("letter", pages, style);
  EXPECT_LE(r.cer, 0.005);
  EXPECT_FALSE(Contains(r.text.text, "Dnr RS 2024/118"));
  EXPECT_FALSE(Contains(r.text.text, "- 2 -"));
  EXPECT_TRUE(Contains(r.text.text, "regionalutvecklingsförvaltningen"));
  EXPECT_TRUE(Contains(r.text.text, "EU-medel"));
  EXPECT_TRUE(Contains(r.text.text, "hälso- och sjukvårdens"));
}

TEST(Layouts, AWideLineAmongOneLineParagraphsAtTheLinePitchIsALineOfItsOwn) {
  // A page opening with lines each a paragraph of its own and no space
  // between them (a site's menu and a document's title copied above a
  // letter): the title is the widest line around, so only the page's
  // full lines below show the room after it.
  PageSpec page;
  page.blocks.push_back({"Nyheter\nÖverenskommelse om samverkan med Region Uppsala\nN/A\n"
                         "N/A\nSkyddad\nLäsår 2022"});
  for (const Block& b : Body(0, 3)) page.blocks.push_back(b);
  const Outcome r = ExtractTypeset("one_line_paragraphs", {page}, Style{});
  EXPECT_LE(r.cer, 0.005);
  EXPECT_TRUE(testing::HasLine(r.text.text,
                               "Överenskommelse om samverkan med Region Uppsala"))
      << r.text.text;
  EXPECT_TRUE(testing::HasLine(r.text.text, "N/A")) << r.text.text;
}

TEST(Layouts, ReadsJustifiedTwoColumnPagesColumnByColumn) {
  Style style;
  style.font = "DejaVu Serif";
  style.justify = true;
  style.header_left = "Region Exempel | Handlingsplan 2024–2027";
  style.footer_outer = "Sida {page} ({pages})";
  std::vector<PageSpec> pages;
  for (std::size_t p = 0; p < 4; ++p) {
    PageSpec page;
    page.two_columns = p >= 1;
    page.blocks.push_back({"Kapitel " + std::to_string(p + 1) + " Mål och insatser", 16, true});
    for (const Block& b : Body(p, 5)) page.blocks.push_back(b);
    if (p == 2) {
      page.blocks.push_back({"Öka andelen med eftergymnasial utbildning.", 10.5, false, true});
      page.blocks.push_back({"Stärka samverkan mellan kommunerna och lärosätena.", 10.5, false, true});
    }
    pages.push_back(page);
  }
  const Outcome r = ExtractTypeset("columns", pages, style);
  EXPECT_LE(r.cer, 0.005);
  EXPECT_FALSE(Contains(r.text.text, "Handlingsplan 2024–2027\n"));
  EXPECT_FALSE(Contains(r.text.text, "Sida 3 (4)"));
  EXPECT_TRUE(Contains(r.text.text, "\n• Öka andelen med eftergymnasial utbildning."));
}

TEST(Layouts, ALetterheadOfTwoCellsWithLinesOfTheirOwnPitchReadsCellByCell) {
  // The issuer left; each label over its value right, set smaller, so the
  // cells' lines are level only at the top: read row by row, a label
  // would be parted from its value.
  PageSpec page;
  page.two_columns = true;
  page.blocks.push_back({"Överenskommelse om samverkansstruktur med Region Uppsala", 13});
  page.blocks.push_back({"Kommunledningskontoret\nKansliet\nHandläggare\nEva Ek\nTfn 12 34", 8});
  page.blocks.push_back({"Datum\n2017-02-16\nDiarienummer\nKSN-2016-2381", 7});
  const Outcome r = ExtractTypeset("letterhead_cells", {page}, Style{});
  EXPECT_LE(r.cer, 0.005);
  for (const char* line : {"Kansliet", "Handläggare", "Datum", "2017-02-16",
                           "Diarienummer", "KSN-2016-2381"}) {
    EXPECT_TRUE(testing::HasLine(r.text.text, line)) << line << "\n" << r.text.text;
  }
  EXPECT_LT(r.text.text.find("Tfn 12 34"), r.text.text.find("Datum"));
}

TEST(Layouts, ReadsAnImageOnlyPageByOcrWithinThreePercentCer) {
  Style style;
  style.font = "Liberation Serif";
  style.header_right = "Dnr RS 2024/118";
  std::vector<PageSpec> pages(3);
  pages[0].blocks = Body(0, 3);
  pages[1].blocks = Body(1, 4);
  pages[1].image_only = true;
  pages[2].blocks = Body(3, 2);
  const Outcome r = ExtractTypeset("scan", pages, style, OcrMode::kAuto);
  ASSERT_EQ(r.text.page_ocr.size(), 3u);
  EXPECT_FALSE(r.text.page_ocr[0]);
  EXPECT_TRUE(r.text.page_ocr[1]);
  EXPECT_LE(r.cer, 0.03);
  EXPECT_FALSE(Contains(r.text.text, "Dnr RS 2024/118"));
}

TEST(Layouts, ReadsAFullyScannedDocumentAndDropsItsRunningLines) {
  Style style;
  style.font = "DejaVu Sans";
  style.header_left = "Kommunstyrelsen | Protokoll 2024-05-14";
  style.footer_center = "Sida {page} av {pages}";
  std::vector<PageSpec> pages(3);
  for (std::size_t p = 0; p < pages.size(); ++p) {
    pages[p].blocks = Body(p, 3);
    pages[p].image_only = true;
  }
  const Outcome r = ExtractTypeset("scanned", pages, style, OcrMode::kAuto);
  EXPECT_LE(r.cer, 0.03);
  for (bool ocr : r.text.page_ocr) EXPECT_TRUE(ocr);
  EXPECT_FALSE(Contains(r.text.text, "Protokoll 2024-05-14"));
  EXPECT_FALSE(Contains(r.text.text, "av 3"));
}

TEST(Layouts, ReadsAScanWhoseOnlyTextLayerIsAnArchiveStamp) {
  Style style;
  style.font = "Liberation Serif";
  style.header_left = "Region Exempel, diarienummer RE 2024/0042, inkom 2024-05-20";
  style.footer_center = "Sida {page} av {pages}";
  style.stamp_running_lines = true;
  std::vector<PageSpec> pages(2);
  for (std::size_t p = 0; p < pages.size(); ++p) {
    pages[p].blocks = Body(p + 2, 2);
    pages[p].image_only = true;
  }
  const Outcome r = ExtractTypeset("stamped", pages, style, OcrMode::kAuto);
  ASSERT_EQ(r.text.page_ocr.size(), 2u);
  EXPECT_TRUE(r.text.page_ocr[0]);
  EXPECT_LE(r.cer, 0.03);
}

TEST(Layouts, LeavesABlankPageEmptyWithoutOcr) {
  Style style;
  std::vector<PageSpec> pages(3);
  pages[0].blocks = Body(0, 2);
  pages[2].blocks = Body(1, 2);  // page 2 stays blank
  const Outcome r = ExtractTypeset("blank", pages, style, OcrMode::kAuto);
  ASSERT_EQ(r.text.page_ocr.size(), 3u);
  EXPECT_FALSE(r.text.page_ocr[1]);
  EXPECT_EQ(r.text.page_starts[2] - r.text.page_starts[1], 2u);  // just the separator
  EXPECT_LE(r.cer, 0.005);
}

}  // namespace
}  // namespace diar
