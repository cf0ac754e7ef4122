// Normalise on laid-out pages built by hand: paragraphs, headings, bullets,
// hyphenation, running lines and the page offsets (pipeline/normalise).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/normalise/normalise.h"

namespace diar {
namespace {

// Builds pages line by line, top to bottom, 10 pt body on a 14 pt pitch.
class PageBuilder {
 public:
  PageBuilder& Line(const std::string& text, double size = 10, bool bold = false,
                    double gap_before = 0, double x0 = 72, double x1 = 523) {
    y_ += gap_before;
    TextLine l;
    l.text = text;
    l.x0 = x0;
    l.x1 = x1;
    l.y0 = y_;
    l.y1 = y_ + size * 1.2;
    l.font_size = size;
    l.bold = bold;
    page_.lines.push_back(l);
    y_ += size * 1.4;
    return *this;
  }
  ExtractedPage Build(int number) {
    page_.number = number;
    page_.width = 595;
    page_.height = 842;
    for (const TextLine& l : page_.lines) page_.text += (page_.text.empty() ? "" : "\n") + l.text;
    return page_;
  }

 private:
  ExtractedPage page_;
  double y_ = 80;
};

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out(1);
  for (char c : text) {
    if (c == '\n') out.emplace_back();
    else out.back() += c;
  }
  return out;
}

// A document of one page of plain text (a .txt file's: no layout).
ExtractedDocument PlainText(const std::string& text) {
  ExtractedDocument doc;
  ExtractedPage page;
  page.number = 1;
  page.text = text;
  doc.pages.push_back(page);
  return doc;
}

TEST(Normalise, RebuildsParagraphsAndKeepsHeadingsAndBulletsApart) {
  ExtractedDocument doc;
  doc.pages.push_back(PageBuilder()
                          .Line("1 Inledning", 16, true)
                          .Line("Regionen ansvarar f\xC3\xB6r det regionala tillv\xC3\xA4xtarbetet och", 10, false, 8)
                          .Line("samordnar insatser i l\xC3\xA4net.", 10, false, 0, 72, 250)
                          .Line("Andra stycket b\xC3\xB6rjar efter ett mellanrum.", 10, false, 7)
                          .Line("\xE2\x80\xA2 F\xC3\xB6rsta punkten", 10, false, 4)
                          .Line("\xE2\x80\xA2 Andra punkten som forts\xC3\xA4tter p\xC3\xA5", 10, false, 0)
                          .Line("en andra rad.", 10, false, 0, 86, 200)
                          .Build(1));
  const NormalisedText text = Normalise(doc, {});
  const std::vector<std::string> lines = Lines(text.text);
  ASSERT_EQ(lines.size(), 5u) << text.text;
  EXPECT_EQ(lines[0], "1 Inledning");
  EXPECT_EQ(lines[1],
            "Regionen ansvarar f\xC3\xB6r det regionala tillv\xC3\xA4xtarbetet och samordnar "
            "insatser i l\xC3\xA4net.");
  EXPECT_EQ(lines[2], "Andra stycket b\xC3\xB6rjar efter ett mellanrum.");
  EXPECT_EQ(lines[3], "\xE2\x80\xA2 F\xC3\xB6rsta punkten");
  EXPECT_EQ(lines[4], "\xE2\x80\xA2 Andra punkten som forts\xC3\xA4tter p\xC3\xA5 en andra rad.");
}

TEST(Normalise, RepairsHyphenationAndKeepsRealHyphens) {
  ExtractedDocument doc;
  doc.pages.push_back(PageBuilder()
                          .Line("Den regionala utvecklings-")
                          .Line("strategin omfattar h\xC3\xA4lso-")
                          .Line("och sjukv\xC3\xA5rd, EU-")
                          .Line("medel och perioden 2021-")
                          .Line("2023 samt ut\xC2\xAD")
                          .Line("bildning.", 10, false, 0, 72, 120)
                          .Build(1));
  const NormalisedText text = Normalise(doc, {});
  EXPECT_EQ(text.text,
            "Den regionala utvecklingsstrategin omfattar h\xC3\xA4lso- och sjukv\xC3\xA5rd, "
            "EU-medel och perioden 2021-2023 samt utbildning.");
}

TEST(Normalise, JoinsAWordHyphenatedAcrossAPageBreakOnTheFirstPage) {
  ExtractedDocument doc;
  doc.pages.push_back(PageBuilder().Line("Texten handlar om regional-").Build(1));
  doc.pages.push_back(PageBuilder().Line("utvecklingen i l\xC3\xA4net.").Build(2));
  const NormalisedText text = Normalise(doc, {});
  EXPECT_EQ(text.text, "Texten handlar om regionalutvecklingen\n\ni l\xC3\xA4net.");
  EXPECT_EQ(text.PageAt(text.page_starts[1]), 2);
}

TEST(Normalise, DropsRunningLinesAndReportsThem) {
  ExtractedDocument doc;
  for (int p = 1; p <= 3; ++p) {
    PageBuilder b;
    b.Line("Region V\xC3\xA4stmanland | Verksamhetsplan 2021\xE2\x80\x93" "2023", 8)
        .Line(std::string(p == 1 ? "Ett" : p == 2 ? "Tv\xC3\xA5" : "Tre") + " stycken.", 10, false, 30)
        .Line("Sida " + std::to_string(p) + " av 3", 8, false, 640);
    doc.pages.push_back(b.Build(p));
  }
  const NormalisedText text = Normalise(doc, {});
  EXPECT_EQ(text.text,
            "Ett stycken.\n\nTv\xC3\xA5 stycken.\n\nTre stycken.");
  ASSERT_EQ(text.removed_lines.size(), 3u);
  EXPECT_EQ(text.removed_lines[1],
            (std::vector<std::string>{"Region V\xC3\xA4stmanland | Verksamhetsplan 2021\xE2\x80\x93" "2023",
                                      "Sida 2 av 3"}));
}

TEST(Normalise, CountsPageStartsInCodePoints) {
  ExtractedDocument doc;
  doc.pages.push_back(PageBuilder().Line("\xC3\x85\xC3\x84\xC3\x96").Build(1));  // ÅÄÖ
  doc.pages.push_back(PageBuilder().Line("n\xC3\xA4sta").Build(2));
  doc.pages.push_back(PageBuilder().Build(3));  // an empty page keeps its entry
  const NormalisedText text = Normalise(doc, {});
  EXPECT_EQ(text.page_starts, (std::vector<std::size_t>{0, 5, 12}));
  EXPECT_EQ(text.PageAt(4), 1);
  EXPECT_EQ(text.PageAt(5), 2);
  EXPECT_EQ(text.PageAt(12), 3);
  EXPECT_EQ(text.page_ocr.size(), 3u);
  EXPECT_EQ(CodePointCount(text.text), 12u);
}

TEST(Normalise, SplitsPlainTextAtBlankLinesAndUnwrapsHardWrappedBlocks) {
  const ExtractedDocument doc = PlainText(
      "Rubrik\n\n"
      "Det h\xC3\xA4r stycket \xC3\xA4r radbrutet f\xC3\xB6r hand vid ungef\xC3\xA4r\n"
      "sextio tecken, som i ett e-postmeddelande fr\xC3\xA5n en\n"
      "handl\xC3\xA4ggare.\n\n"
      "- en punkt\n"
      "- en till\n");
  const NormalisedText text = Normalise(doc, {});
  EXPECT_EQ(text.text,
            "Rubrik\nDet h\xC3\xA4r stycket \xC3\xA4r radbrutet f\xC3\xB6r hand vid ungef\xC3\xA4r "
            "sextio tecken, som i ett e-postmeddelande fr\xC3\xA5n en handl\xC3\xA4ggare.\n"
            "\xE2\x80\xA2 en punkt\n\xE2\x80\xA2 en till");
}

TEST(Normalise, KeepsEachEntryOfATableOfContentsAParagraph) {
  // Full lines at the body's pitch and size, indented and not: only the
  // leader and page number that end each show where an entry ends (the
  // leader itself then goes: DropsTheLeaderBetweenAnEntryAndItsPageNumber).
  ExtractedDocument doc;
  doc.pages.push_back(PageBuilder()
                          .Line("Inneh\xC3\xA5ll", 16, true)
                          .Line("1 Inledning ....................................... 3", 10, false, 8)
                          .Line("1.1 Syfte och m\xC3\xA5l ................................ 3", 10, false, 0, 96)
                          .Line("1.2 Avgr\xC3\xA4nsningar ...............................4", 10, false, 0, 96)
                          .Line("2 Nul\xC3\xA4gesbeskrivning \xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6 xii")
                          .Line("3 \xC3\x85tg\xC3\xA4rder 2025\xE2\x80\x93" "2027 . . . . . . . . . . . . . 9")
                          .Build(1));
  EXPECT_EQ(Lines(Normalise(doc, {}).text),
            (std::vector<std::string>{"Inneh\xC3\xA5ll", "1 Inledning 3", "1.1 Syfte och m\xC3\xA5l 3",
                                      "1.2 Avgr\xC3\xA4nsningar 4", "2 Nul\xC3\xA4gesbeskrivning xii",
                                      "3 \xC3\x85tg\xC3\xA4rder 2025\xE2\x80\x93" "2027 9"}));
}

TEST(Normalise, JoinsALineEndingInAnEllipsisAndANumberToTheNext) {
  ExtractedDocument doc;
  doc.pages.push_back(PageBuilder()
                          .Line("Avgifterna h\xC3\xB6js i steg om 100 kronor: 100, 200 ... 800")
                          .Line("kronor per \xC3\xA5r fram till 2030.", 10, false, 0, 72, 300)
                          .Build(1));
  EXPECT_EQ(Normalise(doc, {}).text,
            "Avgifterna h\xC3\xB6js i steg om 100 kronor: 100, 200 ... 800 kronor per \xC3\xA5r "
            "fram till 2030.");
}

TEST(Normalise, JoinsACentredTitleWrappedInsideAYearRange) {
  ExtractedDocument doc;
  doc.pages.push_back(PageBuilder()
                          .Line("Kulturstrategi f\xC3\xB6r Region Gotland 2024\xE2\x80\x93", 20, true, 0, 90, 505)
                          .Line("2030", 20, true, 0, 275, 320)
                          .Line("Antagen av regionfullm\xC3\xA4ktige 2023-12-11.", 10, false, 12)
                          .Build(1));
  EXPECT_EQ(Lines(Normalise(doc, {}).text),
            (std::vector<std::string>{"Kulturstrategi f\xC3\xB6r Region Gotland 2024\xE2\x80\x93" "2030",
                                      "Antagen av regionfullm\xC3\xA4ktige 2023-12-11."}));
}

TEST(Normalise, KeepsFieldsOfAKallelseApart) {
  // Short lines at the body's pitch, each a label and its value: the
  // pitch and the room left say nothing, the labels do.
  ExtractedDocument doc;
  doc.pages.push_back(PageBuilder()
                          .Line("Tid: Onsdag 2024-06-12 kl. 08.30", 10, false, 0, 72, 240)
                          .Line("Plats: Kommunhuset, sammantr\xC3\xA4" "desrum \xC3\x84lven", 10, false, 0, 72, 300)
                          .Line("V\xC3\xA5r referens: Anna Berg", 10, false, 0, 72, 200)
                          .Build(1));
  EXPECT_EQ(Lines(Normalise(doc, {}).text),
            (std::vector<std::string>{"Tid: Onsdag 2024-06-12 kl. 08.30",
                                      "Plats: Kommunhuset, sammantr\xC3\xA4" "desrum \xC3\x84lven",
                                      "V\xC3\xA5r referens: Anna Berg"}));
  EXPECT_EQ(Lines(Normalise(PlainText("Tid: Onsdag 2024-06-12 kl. 08.30\nPlats: Kommunhuset\n"), {}).text),
            (std::vector<std::string>{"Tid: Onsdag 2024-06-12 kl. 08.30", "Plats: Kommunhuset"}));
}

TEST(Normalise, KeepsTheLinesOfAnAddressBlockApart) {
  // A letter's recipient, set right of the middle: three short lines that
  // reach a sixth of the page's text width, wrapped at no edge, with short
  // lines (a reference field) below them.
  ExtractedDocument doc;
  doc.pages.push_back(PageBuilder()
                          .Line("Trafikverket", 11, false, 0, 345, 405)
                          .Line("Box 810", 11, false, 0, 345, 387)
                          .Line("781 28 Borl\xC3\xA4nge", 11, false, 0, 345, 426)
                          .Line("Er referens", 7.5, false, 24, 72, 112)
                          .Line("TRV 2024/12345", 10, false, 0, 72, 150)
                          .Line("Region Sk\xC3\xA5ne har tagit del av f\xC3\xB6rslaget och l\xC3\xA4mnar "
                                "f\xC3\xB6ljande synpunkter p\xC3\xA5", 10, false, 30)
                          .Line("planens inriktning och dess genomf\xC3\xB6rande.", 10, false, 0, 72, 300)
                          .Build(1));
  EXPECT_EQ(Lines(Normalise(doc, {}).text),
            (std::vector<std::string>{"Trafikverket", "Box 810", "781 28 Borl\xC3\xA4nge",
                                      "Er referens", "TRV 2024/12345",
                                      "Region Sk\xC3\xA5ne har tagit del av f\xC3\xB6rslaget och "
                                      "l\xC3\xA4mnar f\xC3\xB6ljande synpunkter p\xC3\xA5 planens "
                                      "inriktning och dess genomf\xC3\xB6rande."}));
}

TEST(Normalise, KeepsEachEntryOfATableOfContentsInPlainTextALine) {
  const ExtractedDocument doc = PlainText(
      "1 Inledning .................................. 3\n"
      "1.1 Syfte och m\xC3\xA5l ........................... 3\n"
      "2 Nul\xC3\xA4gesbeskrivning .......................... 5\n");
  EXPECT_EQ(Lines(Normalise(doc, {}).text),
            (std::vector<std::string>{"1 Inledning 3", "1.1 Syfte och m\xC3\xA5l 3",
                                      "2 Nul\xC3\xA4gesbeskrivning 5"}));
}

TEST(Normalise, DropsTheLeaderBetweenAnEntryAndItsPageNumber) {
  // The leader is layout (a tab in the source); the dots of a blank to
  // fill in, with no number after them, and a leader with no title before
  // it stay.
  const ExtractedDocument doc = PlainText(
      "Bilaga 2 Riskanalys ........ 14\n\n"
      "Namnteckning .....................\n\n"
      "....................... 7\n");
  EXPECT_EQ(Lines(Normalise(doc, {}).text),
            (std::vector<std::string>{"Bilaga 2 Riskanalys 14", "Namnteckning .....................",
                                      "....................... 7"}));
}

TEST(Normalise, MakesEnDashListItemsBulletsButKeepsALoneLeadingDash) {
  ExtractedDocument doc;
  doc.pages.push_back(PageBuilder()
                          .Line("\xE2\x80\x93 f\xC3\xB6rsta", 10, false, 8)
                          .Line("\xE2\x80\x93 andra", 10, false, 0)
                          .Build(1));
  doc.pages.push_back(PageBuilder()
                          .Line("Det var allt", 10, false, 0)
                          .Line("\xE2\x80\x93 eller n\xC3\xA4stan.", 10, false, 0)
                          .Build(2));
  const NormalisedText text = Normalise(doc, {});
  EXPECT_EQ(text.text,
            "\xE2\x80\xA2 f\xC3\xB6rsta\n\xE2\x80\xA2 andra\n\n"
            "Det var allt \xE2\x80\x93 eller n\xC3\xA4stan.");
}

TEST(Normalise, KeepsOneParagraphPerLineInUnwrappedText) {
  const ExtractedDocument doc =
      PlainText(std::string(150, 'a') + "\n" + std::string(120, 'b') + "\nKort rad.\n");
  EXPECT_EQ(Lines(Normalise(doc, {}).text).size(), 3u);
}

}  // namespace
}  // namespace diar
