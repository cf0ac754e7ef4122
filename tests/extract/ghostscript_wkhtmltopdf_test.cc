// PDFs from two more producers that Swedish authorities' documents pass
// through, made by scripts/make-producer-pdfs and committed in
// tests/data/producers/ with the text each should read as:
//   - Ghostscript's pdfwrite as PDF/A-2 (e-archives require PDF/A; CUPS-PDF
//     prints through it): gs-tjansteskrivelse, gs-protokoll and gs-plan from
//     the LibreOffice PDFs (their .txt is the Writer PDF's), gs-chromium-
//     hyphens from Chromium's tests/data/chromium-hyphens.pdf, and
//     gs-verksamhetsplan-23-25 from three two-column pages of a cairo PDF in
//     corpus/. Ghostscript re-encodes every font: it drops Chromium's soft
//     hyphens for the font's space glyph moved back over itself (the parts
//     of a word touch, as words of their own), draws the break as U+2010
//     alone, and moves ligatures into a font whose boxes are taller.
//   - wkhtmltopdf (Qt WebKit; case-management systems and e-services turn
//     HTML into PDF with it): beslut, a beslut with a letterhead table, a
//     ruled data table, numbered and bulleted lists and, on each page, a
//     footer "Sida N av 3" and from page 2 a header. Qt WebKit writes a soft
//     hyphen as U+200B, a break at one as U+200B U+2010, and draws the
//     bullets of a list as discs, not glyphs.
#include <gtest/gtest.h>

#include <algorithm>
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

struct Document {
  const char* pdf;
  const char* text;  // the expected text beside it
};

const Document kDocuments[] = {
    {"gs-tjansteskrivelse", "tjansteskrivelse"},
    {"gs-protokoll", "protokoll"},
    {"gs-plan", "plan"},
    {"gs-chromium-hyphens", "gs-chromium-hyphens"},
    {"gs-verksamhetsplan-23-25", "gs-verksamhetsplan-23-25"},
    {"beslut", "beslut"},
};

using Read = testing::ReadPdf;
using testing::HasLine;
using testing::ReadFile;

Read ReadDocument(const std::string& name) {
  return testing::ReadAndNormalise(testing::ProducerPath(name + ".pdf"));
}

// The expected text of a document.
std::string Expected(const std::string& name) {
  return ReadFile(testing::ProducerPath(name + ".txt"));
}

void ExpectLines(const Read& read, const std::vector<std::string>& lines) {
  for (const std::string& line : lines) {
    EXPECT_TRUE(HasLine(read.text.text, line)) << line << "\n" << read.text.text;
  }
}

TEST(GhostscriptAndWkhtmltopdf, EachDocumentReadsWithinHalfAPercentCerOfItsText) {
  for (const Document& d : kDocuments) {
    const Read read = ReadDocument(d.pdf);
    const double cer = testing::CharacterErrorRate(
        read.text.text, Expected(d.text));
    std::cout << "CER " << std::fixed << std::setprecision(3) << cer * 100 << " %  " << d.pdf
              << " (" << read.document.pages.size() << " pages)\n";
    EXPECT_LT(cer, 0.005) << d.pdf << ":\n" << read.text.text;
  }
}

TEST(GhostscriptAndWkhtmltopdf, NoPageGoesToOcr) {
  for (const Document& d : kDocuments) {
    const Read read = ReadDocument(d.pdf);
    ASSERT_FALSE(read.document.pages.empty()) << d.pdf;
    for (const ExtractedPage& page : read.document.pages) {
      EXPECT_FALSE(page.ocr) << d.pdf << ": page " << page.number;
    }
  }
}

TEST(GhostscriptAndWkhtmltopdf, TableRowsAreOneLineEach) {
  ExpectLines(ReadDocument("gs-protokoll"), {
      "Ledamöter | Ersättare",
      "Johan Ek (S) | Maria Nyström Karlsson (C), tjänstgörande ersättare för Erik Dahl (C)",
  });
  ExpectLines(ReadDocument("gs-plan"), {
      "Insats | Ansvar | Tidplan",
      "Utveckla samverkan med civilsamhället inom folkhälsoarbetet | Folkhälsoenheten | "
      "Löpande 2021–2023",
  });
  ExpectLines(ReadDocument("beslut"), {
      "Bidragsdel | Underlag | Belopp (kr)",
      "Aktivitetsbidrag | 3 120 deltagartillfällen för barn och unga mellan 7 och 20 år under "
      "2022 | 187 200",
      "Lokalbidrag | Hyra av klubblokal och omklädningsrum vid Strandvallen, 40 procent av "
      "godkänd kostnad | 168 000",
      "Summa | | 412 500",
  });
}

// The lines removed from each page, sorted: whole lines is what counts.
std::vector<std::vector<std::string>> Removed(const std::string& name) {
  std::vector<std::vector<std::string>> removed = ReadDocument(name).text.removed_lines;
  for (std::vector<std::string>& page : removed) std::sort(page.begin(), page.end());
  return removed;
}

TEST(GhostscriptAndWkhtmltopdf, RunningHeadersAndFootersAreRemovedWhole) {
  EXPECT_EQ(Removed("beslut"), (std::vector<std::vector<std::string>>{
                                   {"Sida 1 av 3"},
                                   {"Dnr KFN 2023/0418", "Sida 2 av 3", "Österviks kommun"},
                                   {"Dnr KFN 2023/0418", "Sida 3 av 3", "Österviks kommun"},
                               }));
  std::vector<std::vector<std::string>> plan, verksamhetsplan;
  for (int page = 1; page <= 3; ++page) {
    plan.push_back({"Region Västmanland", "Sida " + std::to_string(page) + " av 3",
                    "Verksamhetsplan 2021–2023, regionala utvecklingsförvaltningen"});
    verksamhetsplan.push_back({"Region Västmanland | Verksamhetsplan 2021–2023",
                               "Regionala utvecklingsförvaltningen",
                               "Sida " + std::to_string(22 + page) + " av 35"});
  }
  EXPECT_EQ(Removed("gs-plan"), plan);
  EXPECT_EQ(Removed("gs-verksamhetsplan-23-25"), verksamhetsplan);
}

TEST(GhostscriptAndWkhtmltopdf, TheLetterheadKeepsTheDnrThatTheLaterPagesHeadersRepeat) {
  const Read read = ReadDocument("beslut");
  ExpectLines(read, {"Österviks kommun", "BESLUT"});
  EXPECT_NE(testing::PageText(read.text, 0).find("Dnr KFN 2023/0418"), std::string::npos)
      << read.text.text;
}

TEST(GhostscriptAndWkhtmltopdf, TheLetterheadsBlocksKeepTheirLines) {
  // Read column by column, the short lines of each block are not wrapped
  // text: each ends where the writer ended it.
  ExpectLines(ReadDocument("beslut"), {
      "Kultur- och fritidsförvaltningen",
      "Handläggare: Sara Nilsson",
      "Föreningen Östervik Idrottsallians",
      "Box 142",
      "Datum 2023-11-21",
      "Dnr KFN 2023/0418",
  });
}

// The line ends that the text layer shows as a break drawn with HYPHEN
// U+2010 (after Ghostscript, or Qt WebKit's U+200B U+2010): each must read
// as the expected text has the word, joined.
TEST(GhostscriptAndWkhtmltopdf, BreaksDrawnWithAHyphenAreJoined) {
  const std::string kHyphen = "\xE2\x80\x90";
  for (const Document& d : {kDocuments[3], kDocuments[5]}) {
    const Read read = ReadDocument(d.pdf);
    const std::string want = Expected(d.text);
    int breaks = 0;
    for (const ExtractedPage& page : read.document.pages) {
      for (std::size_t i = 0; i + 1 < page.lines.size(); ++i) {
        std::string a = page.lines[i].text;
        if (a.size() < kHyphen.size() ||
            a.compare(a.size() - kHyphen.size(), kHyphen.size(), kHyphen) != 0) {
          continue;
        }
        a.resize(a.size() - kHyphen.size());
        // The word's start on its line, without the zero-width spaces Qt
        // WebKit leaves where the soft hyphens were.
        std::string stem = a.substr(a.rfind(' ') == std::string::npos ? 0 : a.rfind(' ') + 1);
        for (std::size_t z; (z = stem.find("\xE2\x80\x8B")) != std::string::npos;) stem.erase(z, 3);
        ++breaks;
        EXPECT_NE(want.find(stem), std::string::npos) << d.pdf << ": " << stem;
        EXPECT_EQ(read.text.text.find(stem + "-"), std::string::npos)
            << d.pdf << ": \"" << stem << "-\" kept its break's hyphen:\n" << read.text.text;
      }
    }
    std::cout << d.pdf << ": " << breaks << " breaks drawn with U+2010\n";
    EXPECT_GE(breaks, 3) << d.pdf;  // the case does happen
  }
  // The author's own hyphen at a line end stays.
  ExpectLines(ReadDocument("gs-chromium-hyphens"),
              {"medborgarförslag-kommuninnevånarnas synpunkter redovisas för nämnden.",
               "Planen tar upp EU-relaterade frågor i länet."});
}

TEST(GhostscriptAndWkhtmltopdf, PartsOfAWordThatTouchAreOneWordAndWordGapsStaySpaces) {
  const Read read = ReadDocument("gs-chromium-hyphens");
  // Ghostscript wrote "Kommun", "full", "mäk", "ti", "ge" as touching runs.
  ExpectLines(read, {
      "Strategin för Stockholmsregionens utveckling antas.",
      "Kommunfullmäktige beslutade att anta verksamhetsplanen för utbildningsnämnden.",
  });
}

TEST(GhostscriptAndWkhtmltopdf, AWordStartingWithALigatureStaysOnItsLine) {
  // "ﬂer" is set in Ghostscript's ligature font, whose box reaches into the
  // right column's line above, whose baseline is half a line higher.
  const Read read = ReadDocument("gs-verksamhetsplan-23-25");
  EXPECT_NE(read.text.text.find("som bidrar till nyfikenhet att hitta fler platser i länet och "
                                "upptäcka nya saker"),
            std::string::npos)
      << read.text.text;
}

TEST(GhostscriptAndWkhtmltopdf, ListBulletsDrawnAsDiscsOpenTheirItems) {
  ExpectLines(ReadDocument("beslut"), {
      "• når barn och unga som annars inte deltar i föreningslivet,",
      "• bidrar till jämställdhet och till att flickor och pojkar får samma möjligheter,",
      "• ökar tillgängligheten för personer med funktionsnedsättning,",
      "• bygger på ideellt engagemang och samverkan med andra föreningar.",
      "2. Föreningen ska senast den 31 mars 2025 lämna in en redovisning av hur bidraget har "
      "använts, med verksamhetsberättelse och ekonomisk redovisning.",
      "• Akten",
  });
}

}  // namespace
}  // namespace diar
