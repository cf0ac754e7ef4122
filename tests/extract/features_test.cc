// PDF features that authority PDFs have and the other fixtures lack, and
// two more producers, made by scripts/make-feature-pdfs.py and committed in
// tests/data/features/ with the text each should read as:
//   - word-justified (MS Word's way of placing text): justified lines with
//     each word placed by a TJ displacement and no space glyphs, in a Type0
//     Identity-H font with a ToUnicode map; lines justified with Tw over
//     space glyphs in a WinAnsi TrueType font without one; a heading
//     expanded with Tc; a line in two fonts; a ruled table; running header
//     and footer;
//   - aspose-runs (Aspose.Words, the PDF engine of case-management systems):
//     every run of two to four glyphs placed with its own Tm, kerned inside
//     by TJ numbers, each word space a glyph placed on its own;
//   - page-geometry: letterhead and footer drawn by Form XObjects; a page
//     with /Rotate 90 holding a landscape table; a landscape MediaBox; a
//     CropBox offset from the MediaBox's origin with a printer's slug
//     outside it;
//   - tex-artikel, tex-rapport (pdfTeX, T1 encoding, Latin Modern, Swedish
//     hyphenation): a two-column article with a ruled table in the right
//     column and footnotes; a one-column report with a running head,
//     footnotes and a table;
//   - groff-memo (groff -ms, then ps2pdf): a memo with a running head from
//     page 2 and page numbers;
//   - tex-bitmap (pdfTeX, T1 encoding, no Type 1 fonts for it: bitmap
//     Type 3 fonts whose glyphs are named a<code>): a two-page memo with
//     ligatures, dashes, quotation marks, a section sign and a running head.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

#include "pipeline/extract/extract.h"
#include "pipeline/normalise/normalise.h"
#include "tests/extract/read_pdf.h"
#include "tests/extract/text_metrics.h"

namespace diar {
namespace {

const char* const kDocuments[] = {"word-justified", "aspose-runs", "page-geometry", "tex-artikel",
                                  "tex-rapport",    "groff-memo",  "tex-bitmap"};

using Read = testing::ReadPdf;
using testing::HasLine;
using testing::ReadFile;

std::filesystem::path FeaturePath(const std::string& file) {
  return std::filesystem::path(DIAR_SOURCE_DIR) / "tests" / "data" / "features" / file;
}

Read ReadDocument(const std::string& name) {
  return testing::ReadAndNormalise(FeaturePath(name + ".pdf"));
}

std::string Expected(const std::string& name) { return ReadFile(FeaturePath(name + ".txt")); }

void ExpectLines(const Read& read, const std::vector<std::string>& lines) {
  for (const std::string& line : lines) {
    EXPECT_TRUE(HasLine(read.text.text, line)) << line << "\n" << read.text.text;
  }
}

TEST(PdfFeatures, EachDocumentReadsWithinHalfAPercentCerOfItsText) {
  for (const char* name : kDocuments) {
    const Read read = ReadDocument(name);
    const double cer = testing::CharacterErrorRate(read.text.text, Expected(name));
    std::cout << "CER " << std::fixed << std::setprecision(3) << cer * 100 << " %  " << name
              << " (" << read.document.pages.size() << " pages)\n";
    EXPECT_LT(cer, 0.005) << name << ":\n" << read.text.text;
  }
}

TEST(PdfFeatures, NoPageGoesToOcr) {
  for (const char* name : kDocuments) {
    const Read read = ReadDocument(name);
    ASSERT_FALSE(read.document.pages.empty()) << name;
    for (const ExtractedPage& page : read.document.pages) {
      EXPECT_FALSE(page.ocr) << name << ": page " << page.number;
    }
  }
}

TEST(PdfFeatures, WordsPlacedOneByOneWithoutSpaceGlyphsAreSpacedAsWords) {
  const Read word = ReadDocument("word-justified");
  ExpectLines(word, {
      "Kommunstyrelsen föreslås besluta att godkänna den reviderade riktlinjen för "
      "medborgardialog och att uppdra åt kommundirektören att återrapportera arbetet till "
      "kommunstyrelsens arbetsutskott senast den 30 september 2024.",
      // Justified with Tw over the space glyphs of a WinAnsi font.
      "Kostnaderna för genomförandet ryms inom kommunstyrelsens befintliga budgetram. "
      "Utbildning av chefer och handläggare sker inom ramen för det ordinarie "
      "kompetensutvecklingsprogrammet under våren 2024.",
      "TJÄNSTESKRIVELSE",   // expanded by 1 pt with Tc
      "Datum: 2024-02-14",  // a bold run, then a regular one
  });
  // Glyph runs each placed on their own, spaces as glyphs of their own.
  ExpectLines(ReadDocument("aspose-runs"), {
      "Nämnden bedömer att tillsynen i övrigt har fungerat väl och att handläggningstiderna "
      "har minskat jämfört med föregående år, från i genomsnitt 94 till 61 dagar.",
  });
}

TEST(PdfFeatures, TableRowsAreOneLineEach) {
  ExpectLines(ReadDocument("word-justified"), {
      "Aktivitet | Ansvarig | Klart",
      "Återrapport till arbetsutskottet | Kommundirektören | 2024-09-30",
  });
  ExpectLines(ReadDocument("page-geometry"), {
      // On the page turned by /Rotate 90.
      "Förvaltning | Svar | Andel | Motivation | Ledarskap | Styrning | HME totalt",
      "Barn- och utbildning | 812 | 81 % | 80 | 77 | 74 | 77",
      // On the landscape MediaBox.
      "Jag ser fram emot att gå till arbetet | 3,9 | 4,0 | 4,1 | +0,1",
  });
  ExpectLines(ReadDocument("tex-artikel"), {
      "Ärendetyp | 2019 | 2023",
      "Försörjningsstöd | 18 | 9",
  });
  ExpectLines(ReadDocument("tex-rapport"), {
      "Åtgärd | 2022 | 2023 | Förändring",
      "Inspekterade anläggningar | 1 214 | 1 486 | 272",
  });
}

TEST(PdfFeatures, ATableRuledInTheRightColumnLeavesTheLeftColumnWhole) {
  // The table's \hline rules span the right column only; the left
  // column's lines beside it are running text, not more of its columns.
  ExpectLines(ReadDocument("tex-artikel"), {
      "Digitaliseringen av den offentliga förvaltningen har under det senaste decenniet "
      "förändrat hur medborgare och företag kommer i kontakt med kommunerna. Ansökningar om "
      "bygglov, försörjningsstöd och skolplacering görs i allt högre grad genom e-tjänster, "
      "och handläggningen sker i verksamhetssystem som kommunicerar med varandra. Samtidigt "
      "visar flera granskningar att förändringen går olika fort i olika delar av landet.",
      "Tabell 1: Handläggningstid i dagar, median.",
  });
}

TEST(PdfFeatures, AHeadingWrappedInsideAWordInTheLeftColumnReadsWholeInItsColumn) {
  const Read read = ReadDocument("tex-artikel");
  ExpectLines(read, {"2 Bakgrund och tidigare forskning"});
  // The left column is read before the right, whose heading is "3 Resultat".
  EXPECT_LT(read.text.text.find("2.1 Styrning och samordning"),
            read.text.text.find("3 Resultat"));
}

TEST(PdfFeatures, FootnotesAtThePageFootAreLinesOfTheirOwn) {
  // Note 1 fills its line; note 2's number is what shows the break.
  ExpectLines(ReadDocument("tex-rapport"), {
      "1 Uppgifterna har hämtats från kommunernas tillsynsplaner och verksamhetsberättelser för "
      "2022 och 2023.",
      "2 Fem av tolv kommuner anger att mindre än hälften av den planerade tillsynen genomfördes.",
  });
  ExpectLines(ReadDocument("tex-artikel"), {
      "1 Sveriges Kommuner och Regioner, Digitaliseringsläget i kommunerna 2023.",
      "2 Se exempelvis Lindgren och Jansson (2013) om elektroniska tjänster i offentlig sektor.",
  });
}

// The lines removed from each page, sorted.
std::vector<std::vector<std::string>> Removed(const std::string& name) {
  std::vector<std::vector<std::string>> removed = ReadDocument(name).text.removed_lines;
  for (std::vector<std::string>& page : removed) std::sort(page.begin(), page.end());
  return removed;
}

// A header's parts far apart on their row ("Österviks kommun" left,
// "Dnr KS 2024/0112" right) are lines of their own, each removed whole.
TEST(PdfFeatures, RunningHeadersAndFootersAreRemovedWhole) {
  EXPECT_EQ(Removed("word-justified"),
            (std::vector<std::vector<std::string>>{
                {"Dnr KS 2024/0112", "Sida 1 av 2", "Österviks kommun"},
                {"Dnr KS 2024/0112", "Sida 2 av 2", "Österviks kommun"}}));
  // Letterhead and footer are Form XObjects; page 2 is turned by /Rotate
  // 90, page 3 has a landscape MediaBox, page 4 an offset CropBox.
  std::vector<std::vector<std::string>> geometry;
  for (int page = 1; page <= 4; ++page) {
    geometry.push_back({"HR-avdelningen", "Rapport 2024:3", "Sida " + std::to_string(page) + " av 4",
                        "Österviks kommun", "Österviks kommun, 123 80 Östervik, www.ostervik.se"});
  }
  EXPECT_EQ(Removed("page-geometry"), geometry);
  EXPECT_EQ(Removed("tex-rapport"),
            (std::vector<std::vector<std::string>>{
                {"Länsstyrelsen i Örebro län", "Rapport 2024:7", "Sida 1"},
                {"Länsstyrelsen i Örebro län", "Rapport 2024:7", "Sida 2"}}));
  // Type 3 fonts declare no ascent: boxed as tall as poppler guesses, the
  // head's gap to the title on page 1 was lost and the head stayed.
  EXPECT_EQ(Removed("tex-bitmap"),
            (std::vector<std::vector<std::string>>{{"Kammarkollegiet", "PM 2023:14", "Sida 1"},
                                                   {"Kammarkollegiet", "PM 2023:14", "Sida 2"}}));
  // groff -ms sets no head on the first page.
  EXPECT_EQ(Removed("groff-memo"),
            (std::vector<std::vector<std::string>>{
                {"Sida 1"},
                {"PM 2024-03", "Sida 2", "Vattenverket i Östervik"},
                {"PM 2024-03", "Sida 3", "Vattenverket i Östervik"}}));
}

// The Cork encoding puts the ligatures, dashes and quotation marks below
// 0x20 and the section sign at 0x9F, which poppler reads as control
// characters when a font's glyph names are only a<code>.
TEST(PdfFeatures, TexBitmapFontsReadTheirLigaturesDashesQuotesAndSectionSign) {
  ExpectLines(ReadDocument("tex-bitmap"), {
      "Effektiv förvaltning av officiella handlingar",  // ff, ffi in the bold heading font
      "Myndigheten har under perioden 2021–2023 granskat hur de statliga myndigheterna "
      "hanterar sina officiella handlingar. Granskningen omfattar flera led i hanteringen: "
      "registrering, diarieföring, arkivering och gallring. Syftet är att ge ett underlag för "
      "en effektivare och mer enhetlig förvaltning av handlingar i hela staten.",
      "Enligt 5 kap. 1 § offentlighets- och sekretesslagen ska allmänna handlingar registreras "
      "utan dröjsmål. Flera myndigheter har infört e-arkiv där handlingarna finns tillgängliga "
      "även offline, men rutinerna för gallring skiljer sig åt. Några myndigheter beskriver sin "
      "hantering som ”fullt fungerande”, medan andra anger att de saknar officiella riktlinjer "
      "för hur effekterna av digitaliseringen ska följas upp.",
  });
}

TEST(PdfFeatures, APageTurnedByRotateIsMeasuredAsDisplayed) {
  const Read read = ReadDocument("page-geometry");
  ASSERT_EQ(read.document.pages.size(), 4u);
  const ExtractedPage& turned = read.document.pages[1];
  EXPECT_NEAR(turned.width, 841.89, 0.01);
  EXPECT_NEAR(turned.height, 595.28, 0.01);
  for (const TextLine& line : turned.lines) {
    EXPECT_LE(line.x1, turned.width + 1) << line.text;
    EXPECT_LE(line.y1, turned.height + 1) << line.text;
  }
}

TEST(PdfFeatures, TextOutsideTheCropBoxIsNotRead) {
  const Read read = ReadDocument("page-geometry");
  ASSERT_EQ(read.document.pages.size(), 4u);
  EXPECT_EQ(read.document.pages[3].text.find("tryck.pdf"), std::string::npos)
      << read.document.pages[3].text;
  ExpectLines(read, {"Fortsatt arbete"});
}

// Line ends where pdfTeX hyphenated a word (Swedish patterns): each word
// must read joined, as the expected text has it.
TEST(PdfFeatures, WordsHyphenatedByPdfTexAreJoined) {
  for (const char* name : {"tex-artikel", "tex-rapport"}) {
    const Read read = ReadDocument(name);
    const std::string want = Expected(name);
    int breaks = 0;
    for (const ExtractedPage& page : read.document.pages) {
      for (std::size_t i = 0; i + 1 < page.lines.size(); ++i) {
        const std::string& a = page.lines[i].text;
        if (a.size() < 3 || a.back() != '-' || !std::isalpha(static_cast<unsigned char>(a[a.size() - 2]))) {
          continue;
        }
        const std::string stem = a.substr(a.rfind(' ') == std::string::npos ? 0 : a.rfind(' ') + 1);
        if (want.find(stem) != std::string::npos) continue;  // a hyphen of the text's own
        ++breaks;
        EXPECT_EQ(read.text.text.find(stem), std::string::npos)
            << name << ": \"" << stem << "\" kept its break's hyphen";
      }
    }
    std::cout << name << ": " << breaks << " hyphenated line ends\n";
    EXPECT_GE(breaks, 3) << name;  // the case does happen
  }
}

}  // namespace
}  // namespace diar
