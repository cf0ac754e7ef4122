// PDFs from the producer most authority documents come from besides Word:
// LibreOffice Writer 7.4 ("Export as PDF"), converted from the hand-written
// flat ODF sources in tests/data/producers/ by scripts/make-producer-pdfs
// and committed with the text each should read as (*.txt: one paragraph,
// heading, list item or table row a line; a form-feed line between pages).
//   - tjansteskrivelse: letterhead table without borders (logo cell, Datum,
//     Dnr), running header from page 2, footer "Sida N av M", footnotes,
//     numbered and bulleted lists, ragged right;
//   - protokoll: header "... Sida N (M)", a footer table "Justerandes
//     signatur | Utdragsbestyrkande" on every page, a form without borders,
//     the attendance table "Ledamöter | Ersättare" as Writer's default table,
//     § headings, justified text with automatic hyphenation;
//   - plan: headings numbered "1.2" by Writer, justified and hyphenated
//     text, two sections in two columns (one running over a page break in a
//     line each, one ending mid-page), lists, a three-column table
//     "Insats | Ansvar | Tidplan" with wrapping cells and horizontal rules
//     only.
// Writer sets the hyphen of an automatic break as a glyph of its own at
// the margin, apart from the word (layout.cc, GlueDetachedHyphens).
#include <gtest/gtest.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <filesystem>
#include <initializer_list>
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

const char* const kDocuments[] = {"tjansteskrivelse", "protokoll", "plan"};

fs::path DataPath(const std::string& name) {
  return fs::path(DIAR_SOURCE_DIR) / "tests" / "data" / "producers" / name;
}

using Read = testing::ReadPdf;
using testing::ReadFile;

Read ReadDocument(const std::string& name) {
  return testing::ReadAndNormalise(DataPath(name + ".pdf"));
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

bool HasLine(const std::string& text, const std::string& line) {
  for (const std::string& l : Lines(text)) {
    if (l == line) return true;
  }
  return false;
}

// Page `page` (0-based) of the normalised text, without the blank line
// that parts it from the next.
std::string PageText(const NormalisedText& text, std::size_t page) {
  std::string page_text = testing::PageText(text, page);
  while (!page_text.empty() && page_text.back() == '\n') page_text.pop_back();
  return page_text;
}

// Each of `lines` is a whole line of `read`'s text.
void ExpectLines(const Read& read, std::initializer_list<const char*> lines) {
  for (const char* line : lines) {
    EXPECT_TRUE(HasLine(read.text.text, line)) << line << "\n" << read.text.text;
  }
}

TEST(LibreOffice, EachDocumentReadsWithinHalfAPercentCerOfItsText) {
  for (const char* name : kDocuments) {
    const Read read = ReadDocument(name);
    const double cer =
        testing::CharacterErrorRate(read.text.text, ReadFile(DataPath(std::string(name) + ".txt")));
    std::cout << "CER " << std::fixed << std::setprecision(3) << cer * 100 << " %  " << name
              << " (" << read.document.pages.size() << " pages)\n";
    EXPECT_LT(cer, 0.005) << name << ":\n" << read.text.text;
  }
}

TEST(LibreOffice, NoPageGoesToOcr) {
  for (const char* name : kDocuments) {
    const Read read = ReadDocument(name);
    ASSERT_GE(read.document.pages.size(), 3u) << name;
    for (const ExtractedPage& page : read.document.pages) {
      EXPECT_FALSE(page.ocr) << name << ": page " << page.number;
    }
  }
}

TEST(LibreOffice, TableRowsAreOneLineEach) {
  const Read protokoll = ReadDocument("protokoll");
  ExpectLines(protokoll, {
      "Ledamöter | Ersättare",
      "Anna Lindqvist (S), ordförande | Lars Persson (S)",
      "Karin Holm (M), förste vice ordförande | Eva Sandberg (M)",
      "Johan Ek (S) | Maria Nyström Karlsson (C), tjänstgörande ersättare för Erik Dahl (C)",
      "Fatima Hassan (V) | Olle Berglund (KD)",
      "Stig Åkesson (SD) | Linnea Öberg (L)",
  });
  const Read plan = ReadDocument("plan");
  ExpectLines(plan, {
      "Insats | Ansvar | Tidplan",
      "Ta fram en regional handlingsplan för kompetensförsörjning tillsammans med länets "
      "kommuner, Arbetsförmedlingen och lärosätena | Enheten för regional utveckling och "
      "tillväxt | Andra kvartalet 2021",
      "Utveckla samverkan med civilsamhället inom folkhälsoarbetet | Folkhälsoenheten | "
      "Löpande 2021–2023",
      "Genomföra en regional kulturplan med utvecklingsprojekt i samverkan mellan regionen och "
      "kommunerna | Kulturenheten i samverkan med länets kulturinstitutioner | 2021–2022",
      "Följa upp länsplanen för regional transportinfrastruktur | Samhällsplaneringsenheten | "
      "Årligen i november",
  });
  // The caption under the table's bottom rule is not a row of it.
  EXPECT_TRUE(HasLine(plan.text.text, "Tabell 1. Prioriterade insatser 2021–2023."));
}

// The lines removed from each page, sorted: whole lines is what counts; the
// order they were found in is the reading order of a header set with tab
// stops, which layout decides.
std::vector<std::vector<std::string>> Removed(const std::string& name) {
  std::vector<std::vector<std::string>> removed = ReadDocument(name).text.removed_lines;
  for (std::vector<std::string>& page : removed) std::sort(page.begin(), page.end());
  return removed;
}

TEST(LibreOffice, RunningHeadersAndFootersAreRemovedWhole) {
  const std::vector<std::vector<std::string>> tjansteskrivelse = {
      {"Sida 1 av 3"},
      {"Dnr KS 2022-0092-106", "Region Västerbotten", "Sida 2 av 3"},
      {"Dnr KS 2022-0092-106", "Region Västerbotten", "Sida 3 av 3"},
  };
  EXPECT_EQ(Removed("tjansteskrivelse"), tjansteskrivelse);
  std::vector<std::vector<std::string>> protokoll, plan;
  for (int page = 1; page <= 3; ++page) {
    const std::string n = std::to_string(page);
    protokoll.push_back({"Justerandes signatur | Utdragsbestyrkande", "Kommunstyrelsen",
                         "SAMMANTRÄDESPROTOKOLL", "Sammanträdesdatum 2023-05-16",
                         "Sida " + n + " (3)", "ÖSTERVIKS KOMMUN"});
    plan.push_back({"Region Västmanland", "Sida " + n + " av 3",
                    "Verksamhetsplan 2021–2023, regionala utvecklingsförvaltningen"});
  }
  EXPECT_EQ(Removed("protokoll"), protokoll);
  EXPECT_EQ(Removed("plan"), plan);
}

TEST(LibreOffice, FootnotesStayAtTheFootOfTheirPageAndTheirReferencesLeaveTheSentence) {
  const Read read = ReadDocument("tjansteskrivelse");
  ASSERT_EQ(read.text.page_starts.size(), 3u);
  const std::vector<std::string> page1 = Lines(PageText(read.text, 0));
  const std::vector<std::string> page2 = Lines(PageText(read.text, 1));
  ASSERT_GE(page1.size(), 2u);
  ASSERT_GE(page2.size(), 2u);
  // Each note is a paragraph of its own after its page's body text.
  EXPECT_EQ(page1[page1.size() - 2],
            "1 Regionfullmäktige 2022-02-22, § 14, Förtroendepersonsorganisation 2023–2026.");
  EXPECT_EQ(page1.back(),
            "2 Överenskommelse om samverkan för regional utveckling 2019–2022, dnr RUN 412-2018.");
  EXPECT_EQ(page2[page2.size() - 2],
            "3 Halvtidsutvärdering av samverkansöverenskommelsen, Region Västerbotten, juni 2020.");
  EXPECT_EQ(page2.back(),
            "4 Lag (2018:1197) om Förenta nationernas konvention om barnets rättigheter.");
  // The raised reference numbers are not read into the sentences.
  const std::string& text = read.text.text;
  EXPECT_NE(text.find("mandatperiod 2023–2026. Vissa förändringar"), std::string::npos) << text;
  EXPECT_NE(text.find("utvecklingsarbete. Nu är det dags"), std::string::npos) << text;
  EXPECT_NE(text.find("våren 2020. Resultaten"), std::string::npos) << text;
  EXPECT_NE(text.find("om barnets rättigheter.\nFormalia"), std::string::npos) << text;
}

// The word a line ends in when it ends in a hyphen: "överens" for
// "... överens-", and for "... överens -" too (Writer's automatic hyphen,
// set apart from its word, as the text layer may give it); else empty.
std::string HyphenatedStem(const std::string& t) {
  if (t.size() < 2 || t.back() != '-') return "";
  std::string s = t.substr(0, t.size() - 1);
  if (s.back() == ' ') s.pop_back();
  if (s.empty() || s.back() == '-' || s.back() == ' ') return "";
  return s.substr(s.rfind(' ') == std::string::npos ? 0 : s.rfind(' ') + 1);
}

bool StartsLower(const std::string& t) {
  if (t.empty()) return false;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(t.data(), i, static_cast<int32_t>(t.size()), c);
  return u_islower(c);
}

TEST(LibreOffice, AutomaticHyphenationIsJoined) {
  for (const char* name : {"protokoll", "plan"}) {
    const Read read = ReadDocument(name);
    const std::string want = ReadFile(DataPath(std::string(name) + ".txt"));
    // Every break the text layer shows: a line ending in a word and "-",
    // the next line going on in lower case.
    int joined = 0, kept = 0;
    for (const ExtractedPage& page : read.document.pages) {
      for (std::size_t i = 0; i + 1 < page.lines.size(); ++i) {
        const TextLine& a = page.lines[i];
        const TextLine& b = page.lines[i + 1];
        const std::string stem = HyphenatedStem(a.text);
        if (a.table_row || b.table_row || stem.empty() || !StartsLower(b.text)) continue;
        std::string rest = b.text.substr(0, b.text.find(' '));
        while (!rest.empty() && std::string(",.;:)").find(rest.back()) != std::string::npos) {
          rest.pop_back();
        }
        // The expected text says which: the word joined, or (should a break
        // fall after a real hyphen, "HR- och") the hyphen kept.
        const std::string word = want.find(stem + rest) != std::string::npos ? stem + rest
                                                                             : stem + "- " + rest;
        (word == stem + rest ? joined : kept) += 1;
        EXPECT_NE(read.text.text.find(word), std::string::npos)
            << name << ": page " << page.number << ": \"" << a.text << "\" / \"" << b.text
            << "\" should read " << word;
      }
    }
    std::cout << name << ": " << joined << " breaks joined, " << kept << " hyphens kept\n";
    // Writer did hyphenate: the case happens, many times.
    EXPECT_GE(joined, 8) << name;
  }
}

TEST(LibreOffice, TwoColumnSectionsReadColumnOneThenColumnTwo) {
  const Read read = ReadDocument("plan");
  const std::string& text = read.text.text;
  // Ending mid-page, balanced, then full width again.
  const std::string section =
      "För att stärka samverkan mellan länets kommuner och Region Västmanland finns strategisk "
      "regional beredning (SRB) som är knuten till regionstyrelsen. Regionstyrelsen utser "
      "beredningens ordförande bland sina majoritetsledamöter och en vice ordförande bland sina "
      "oppositionsledamöter.\n"
      "Kommunerna utser en förste vice ordförande bland sina majoritetsledamöter och ytterligare en "
      "vice ordförande bland sina oppositionsledamöter. Beredningen består av minst 25 och högst 30 "
      "ledamöter. Varje kommun är representerad av två ledamöter, en från majoriteten och en från "
      "oppositionen.\n"
      "I beredningen sker information, samråd och samverkan i frågor som är av gemensamt intresse "
      "för länets kommuner och regionen.\n";
  EXPECT_NE(text.find(section), std::string::npos) << text;
  // Running over a page break with one line in each column, the second
  // column going on with a broken word.
  EXPECT_TRUE(HasLine(PageText(read.text, 1), "Kultur och idrott hanterar regionala kultur- och "
                                              "idrottsfrågor."))
      << PageText(read.text, 1);
}

TEST(LibreOffice, HeadingsListItemsAndFormRowsAreLinesOfTheirOwn) {
  const Read tjansteskrivelse = ReadDocument("tjansteskrivelse");
  ExpectLines(tjansteskrivelse, {
      "Förslag till beslut",
      "1. att anta överenskommelse om samverkan för regional utveckling 2023–2026 med "
      "tillhörande samverkansavtal för regional utveckling,",
      // Its second line starts with a capital, so only the hanging
      // indent tells it goes on.
      "2. att uppdra åt regiondirektören att efter samråd med beredningen teckna "
      "samverkansavtal med Västerbottens femton kommuner,",
      "3. att överenskommelsen aktualitetsprövas under 2024.",
      "1. Primärkommunala beredningens protokoll 2022-03-23, § 22",
      "2. Överenskommelse om samverkan för regional utveckling 2023–2026",
      "3. Samverkansavtal för regional utveckling",
      "• likvärdighet i samverkan är viktig.",
  });
  // The letterhead's document-type block, read after the sender's.
  ExpectLines(tjansteskrivelse, {"Datum 2022-03-29", "Dnr KS 2022-0092-106"});
  // Headings in the body's size and a form without borders.
  const Read protokoll = ReadDocument("protokoll");
  ExpectLines(protokoll, {
      "Plats och tid Kommunhuset, sammanträdesrummet Storsjön, tisdagen den 16 maj 2023 kl. "
      "13.00–16.15",
      "Utses att justera Karin Holm (M) och Johan Ek (S)",
      "Justeringens plats och tid Kommunkansliet, måndagen den 22 maj 2023",
      "Paragrafer § 45–48",
      "§ 47 Dnr KS 2022/0092 Överenskommelse om samverkan för regional utveckling 2023–2026",
      "Ärendebeskrivning",
      "Beslut",
      "Reservation",
  });
  // Headings numbered by Writer's outline numbering.
  const Read plan = ReadDocument("plan");
  ExpectLines(plan, {
      "1 Inledning",
      "1.2 Regionala utvecklingsförvaltningen och det regionala utvecklingsarbetet",
      "2.1 Ett livskraftigt Västmanland",
      "2. implementera nya instruktioner för arbetet mot våld i nära relationer,",
  });
}

// The plan's title, Writer's Title style (20 pt over 10 pt text), wraps
// over two lines: the text's line pitch is far below the title's, yet the
// two lines are one paragraph.
TEST(LibreOffice, ATitleSetLargerThanTheTextAndWrappedOverTwoLinesIsOneLine) {
  const Read plan = ReadDocument("plan");
  const std::vector<std::string> lines = Lines(plan.text.text);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0], "Verksamhetsplan 2021–2023 för regionala utvecklingsförvaltningen");
}

}  // namespace
}  // namespace diar
