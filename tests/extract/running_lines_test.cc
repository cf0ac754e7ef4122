// Running headers, footers and page numbers (pipeline/normalise/running_lines.h).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/normalise/running_lines.h"

namespace diar::normalise_internal {
namespace {

TEST(RunningLines, RecognisesLonePageNumbers) {
  for (const char* text : {"4", "- 4 -", "\xE2\x80\x93 12 \xE2\x80\x93", "4 (12)", "4/12",
                           "4 av 12", "Sida 4", "Sida 4 av 12", "sid. 4", "Page 4 of 12", "iv"}) {
    EXPECT_TRUE(IsPageNumber(text)) << text;
  }
  for (const char* text : {"2021", "Sida", "4 kap.", "Bilaga 4", "Vi", "4 000 kr", "IV"}) {
    EXPECT_FALSE(IsPageNumber(text)) << text;
  }
}

Line At(const std::string& text, double y) {
  Line l;
  l.text = text;
  l.x0 = 72;
  l.x1 = 400;
  l.y0 = y;
  l.y1 = y + 10;
  l.font_size = 10;
  l.has_box = true;
  return l;
}

// A five-page document: header with the page number in it, body lines of
// which one repeats on every page mid-page, a footer only on page 3.
std::vector<PageLayout> FivePages() {
  std::vector<PageLayout> pages;
  for (int p = 1; p <= 5; ++p) {
    PageLayout page;
    page.height = 842;
    page.lines.push_back(At("Region V\xC3\xA4stmanland | Sida " + std::to_string(p) + " av 5", 40));
    page.lines.push_back(At("Beslut", 300));
    page.lines.push_back(At("Text " + std::to_string(p), 320));
    page.lines.push_back(At(p == 3 ? "Bilaga 1 finns separat" : "Slut " + std::to_string(p), 800));
    pages.push_back(page);
  }
  return pages;
}

TEST(RunningLines, DropsAHeaderThatRepeatsWithChangingDigits) {
  const auto removed = FindRunningLines(FivePages());
  for (int p = 0; p < 5; ++p) EXPECT_TRUE(removed[p][0]) << "page " << p + 1;
}

TEST(RunningLines, KeepsBodyTextThatRepeatsMidPage) {
  const auto removed = FindRunningLines(FivePages());
  for (int p = 0; p < 5; ++p) EXPECT_FALSE(removed[p][1]) << "page " << p + 1;
}

TEST(RunningLines, KeepsABottomLineFoundOnOnePageOnly) {
  const auto removed = FindRunningLines(FivePages());
  EXPECT_FALSE(removed[2][3]);
}

TEST(RunningLines, DropsBottomLinesThatRepeatWithOnlyDigitsChanging) {
  // "Slut 1", "Slut 2", ... on 4 of 5 pages: a footer.
  const auto removed = FindRunningLines(FivePages());
  EXPECT_TRUE(removed[0][3]);
}

TEST(RunningLines, ToleratesAnOcrMisreadInARunningLine) {
  std::vector<PageLayout> pages = FivePages();
  pages[4].lines[0].text = "Region V\xC3\xA4stmanland | Slda 5 av 5";
  EXPECT_TRUE(FindRunningLines(pages)[4][0]);
}

TEST(RunningLines, KeepsSectionHeadingsWhoseNumbersDoNotFollowThePages) {
  std::vector<PageLayout> pages;
  const int sections[] = {12, 14, 15, 19};
  for (int p = 0; p < 4; ++p) {
    PageLayout page;
    page.height = 842;
    page.lines = {At("Â§ " + std::to_string(sections[p]) + " Beslut", 60), At("Text", 100),
                  At("Mer text", 120), At("Slut", 140), At("Sista", 160)};
    pages.push_back(page);
  }
  const auto removed = FindRunningLines(pages);
  for (int p = 0; p < 4; ++p) EXPECT_FALSE(removed[p][0]) << "page " << p + 1;
}

TEST(RunningLines, DropsALonePageNumberOnASinglePage) {
  std::vector<PageLayout> pages(1);
  pages[0].height = 842;
  pages[0].lines = {At("Rubrik", 80), At("Text", 100), At("- 1 -", 800)};
  const auto removed = FindRunningLines(pages);
  EXPECT_FALSE(removed[0][0]);
  EXPECT_TRUE(removed[0][2]);
}

TEST(RunningLines, KeepsANumberInTheMiddleOfThePage) {
  std::vector<PageLayout> pages(1);
  pages[0].height = 842;
  pages[0].lines = {At("a", 80), At("b", 100), At("c", 120), At("4", 400), At("d", 420),
                    At("e", 440), At("f", 460)};
  EXPECT_FALSE(FindRunningLines(pages)[0][3]);
}

TEST(RunningLines, KeepsTheHeadersTextWhereItStandsElsewhereOnAPage) {
  // The later pages' header repeats the letterhead's dnr at the top edge;
  // on page 1 the letterhead has it lower down, in the top zone too.
  std::vector<PageLayout> pages(3);
  for (int p = 0; p < 3; ++p) {
    pages[p].height = 842;
    if (p == 0) {
      pages[p].lines = {At("Österviks kommun", 15), At("Datum 2023-11-21", 30),
                        At("Dnr KFN 2023/0418", 45)};
    } else {
      pages[p].lines = {At("Dnr KFN 2023/0418", 10)};
    }
    pages[p].lines.push_back(At("Text " + std::to_string(p), 200));
    pages[p].lines.push_back(At("Mer text", 215));
  }
  const std::vector<std::vector<bool>> removed = FindRunningLines(pages);
  EXPECT_FALSE(removed[0][2]);
  EXPECT_TRUE(removed[1][0]);
  EXPECT_TRUE(removed[2][0]);
}

TEST(RunningLines, DropsTheFooterOfALandscapePageBetweenPortraitPages) {
  // A wide table on a landscape page: its footer stands as far from the
  // bottom edge as on the portrait pages, 247 points higher from the top.
  std::vector<PageLayout> pages(3);
  for (int p = 0; p < 3; ++p) {
    pages[p].height = p == 1 ? 595 : 842;
    const double bottom = pages[p].height;
    pages[p].lines = {At("Text " + std::to_string(p), 100), At("Mer text", 115),
                      At("Österviks kommun, Box 142, 123 45 Östervik", bottom - 60)};
  }
  const std::vector<std::vector<bool>> removed = FindRunningLines(pages);
  for (int p = 0; p < 3; ++p) EXPECT_TRUE(removed[p][2]) << "page " << p + 1;
}

// Pages of a compiled document, one per head: each page opens with
// `heads[p]` (empty: none) at the top edge, set apart from its body.
std::vector<PageLayout> PagesWithHeads(const std::vector<std::string>& heads) {
  std::vector<PageLayout> pages(heads.size());
  for (std::size_t p = 0; p < pages.size(); ++p) {
    pages[p].height = 842;
    if (!heads[p].empty()) pages[p].lines.push_back(At(heads[p], 40));
    pages[p].lines.push_back(At("Text " + std::to_string(p), 200));
    pages[p].lines.push_back(At("Mer text", 215));
  }
  return pages;
}

TEST(RunningLines, DropsAPartsHeaderOnThatPartsPagesOnly) {
  // A bilaga on pages 5-7 of 12 has its own header (on a quarter of the
  // pages); page 10 opens with the same words, in place, as the title of
  // another part.
  std::vector<std::string> heads(12);
  for (int p = 4; p <= 6; ++p) heads[p] = "Bilaga 2 Ekonomisk uppf\xC3\xB6ljning";
  heads[9] = "Bilaga 2 Ekonomisk uppf\xC3\xB6ljning";
  const std::vector<std::vector<bool>> removed = FindRunningLines(PagesWithHeads(heads));
  for (int p = 4; p <= 6; ++p) EXPECT_TRUE(removed[p][0]) << "page " << p + 1;
  EXPECT_FALSE(removed[9][0]);
}

TEST(RunningLines, KeepsSectionHeadingsInStepWithTwoPagesButDropsAPageNumberedHead) {
  std::vector<std::string> heads(10);
  heads[2] = "\xC2\xA7 12 Budget";
  heads[3] = "\xC2\xA7 13 Budget";
  heads[6] = "Kallelse 2023-05-16, sida 1 (2)";
  heads[7] = "Kallelse 2023-05-16, sida 2 (2)";
  const std::vector<std::vector<bool>> removed = FindRunningLines(PagesWithHeads(heads));
  EXPECT_FALSE(removed[2][0]);
  EXPECT_FALSE(removed[3][0]);
  EXPECT_TRUE(removed[6][0]);
  EXPECT_TRUE(removed[7][0]);
}

TEST(RunningLines, KeepsAParagraphHeadingWithItsDnrOpeningEachPage) {
  // A protocol whose paragraphs each fill a page: the paragraph number goes
  // up one a page, the dnr beside it does not follow the page.
  const std::vector<std::vector<bool>> removed = FindRunningLines(PagesWithHeads(
      {"", "\xC2\xA7 32 Dnr BUN 2024/0140", "\xC2\xA7 33 Dnr BUN 2024/0151"}));
  EXPECT_FALSE(removed[1][0]);
  EXPECT_FALSE(removed[2][0]);
}

TEST(RunningLines, KeepsParagraphNumbersThatGoUpOneAPage) {
  std::vector<std::string> heads;
  for (int p = 0; p < 5; ++p) heads.push_back("\xC2\xA7 " + std::to_string(31 + p));
  const std::vector<std::vector<bool>> removed = FindRunningLines(PagesWithHeads(heads));
  for (int p = 0; p < 5; ++p) EXPECT_FALSE(removed[p][0]) << "page " << p + 1;
}

TEST(RunningLines, DropsAHeaderWhosePageNumberStepsBesideAFixedDate) {
  std::vector<std::string> heads;
  for (int p = 0; p < 5; ++p) {
    heads.push_back("Protokoll 2024-04-18, sida " + std::to_string(p + 1) + " av 5");
  }
  const std::vector<std::vector<bool>> removed = FindRunningLines(PagesWithHeads(heads));
  for (int p = 0; p < 5; ++p) EXPECT_TRUE(removed[p][0]) << "page " << p + 1;
}

TEST(RunningLines, DropsAStampAlongTheEdgeThatRecursAndKeepsOneThatDoesNot) {
  std::vector<PageLayout> pages(3);
  for (int p = 0; p < 3; ++p) {
    pages[p].height = 842;
    pages[p].width = 595;
    pages[p].lines = {At("Text " + std::to_string(p), 200), At("Mer text", 215)};
    Line stamp;
    stamp.text = p < 2 ? "Transaktion 0922 Signerat med BankID" : "Dokument-ID 4F2A";
    stamp.x0 = 578, stamp.x1 = 586, stamp.y0 = 170, stamp.y1 = 480;
    stamp.vertical = stamp.has_box = true;
    pages[p].lines.push_back(stamp);
  }
  const std::vector<std::vector<bool>> removed = FindRunningLines(pages);
  EXPECT_TRUE(removed[0][2]);
  EXPECT_TRUE(removed[1][2]);
  EXPECT_FALSE(removed[2][2]);
}

}  // namespace
}  // namespace diar::normalise_internal
