// Reading order from word boxes (pipeline/extract/layout.h).
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "pipeline/extract/layout.h"

namespace diar::extract_internal {
namespace {

constexpr double kPageWidth = 595;
constexpr double kSize = 10;
constexpr double kPitch = 14;

// Words of `text` set from x on the row at y, 6 pt per character, one
// 3 pt space (or `space`) between words.
void Set(std::vector<Word>& words, const std::string& text, double x, double y,
         double space = 3) {
  std::istringstream in(text);
  std::string w;
  while (in >> w) {
    Word word;
    word.text = w;
    word.x0 = x;
    word.x1 = x + 6.0 * static_cast<double>(w.size());
    word.y0 = y;
    word.y1 = y + 12;
    word.font_size = kSize;
    words.push_back(word);
    x = word.x1 + space;
  }
}

std::vector<std::string> Texts(const std::vector<TextLine>& lines) {
  std::vector<std::string> out;
  for (const TextLine& l : lines) out.push_back(l.text);
  return out;
}

TEST(Layout, ReadsTwoColumnsLeftColumnFirst) {
  std::vector<Word> words;
  Set(words, "Rubrik over hela sidan", 72, 60);
  for (int i = 0; i < 6; ++i) {
    Set(words, "vanster kolumnens text rad " + std::to_string(i), 72, 100 + i * kPitch);
    Set(words, "hoger rad " + std::to_string(i), 320, 100 + i * kPitch);
  }
  const std::vector<std::string> got = Texts(BuildLines(words, kPageWidth));
  ASSERT_EQ(got.size(), 13u);
  EXPECT_EQ(got[0], "Rubrik over hela sidan");
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(got[1 + i], "vanster kolumnens text rad " + std::to_string(i));
    EXPECT_EQ(got[7 + i], "hoger rad " + std::to_string(i));
  }
}

TEST(Layout, ReadsAShortBalancedTwoColumnEndingColumnByColumn) {
  // Full-width text, the last two lines of a two-column section (balanced,
  // ending mid-page, a narrow gutter, no extra space around the section),
  // then full-width text again: too few two-sided rows for a gutter by
  // white space alone, but each column's lines start at one x, as columns
  // do and chance gaps in justified text do not.
  std::vector<Word> words;
  double y = 60;
  for (int i = 0; i < 3; ++i, y += kPitch) {
    Set(words, "hela bredden forsta stycket med lang text som fyller sidan rad " + std::to_string(i), 72, y);
  }
  for (int i = 0; i < 2; ++i, y += kPitch) {
    Set(words, "vanster kolumnens lopande text rad " + std::to_string(i), 72, y, 5);
    Set(words, "hoger kolumnens lopande text rad " + std::to_string(i), 308, y, 6);
  }
  for (int i = 0; i < 3; ++i, y += kPitch) {
    Set(words, "hela bredden sista stycket med lang text som fyller sidan rad " + std::to_string(i), 72, y);
  }
  const std::vector<std::string> got = Texts(BuildLines(words, kPageWidth));
  ASSERT_EQ(got.size(), 10u);
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(got[3 + i], "vanster kolumnens lopande text rad " + std::to_string(i));
    EXPECT_EQ(got[5 + i], "hoger kolumnens lopande text rad " + std::to_string(i));
  }
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(got[7 + i], "hela bredden sista stycket med lang text som fyller sidan rad " + std::to_string(i));
  }
}

TEST(Layout, ReadsAHeadingInTheLeftColumnInThatColumn) {
  // The heading, set larger, shares no row with the right column's lines
  // but stands beside them: it is the left column's, and the columns go on.
  std::vector<Word> words;
  for (int i = 0; i < 10; ++i) {
    Set(words, "hoger kolumnens text rad " + std::to_string(i), 320, 100 + i * kPitch);
  }
  for (int i = 0; i < 4; ++i) {
    Set(words, "vanster kolumnens text rad " + std::to_string(i), 72, 100 + i * kPitch);
    Set(words, "vanster efter rubriken rad " + std::to_string(i), 72, 182 + i * kPitch);
  }
  Word heading{.text = "Rubrik", .x0 = 72, .y0 = 162.5, .x1 = 144, .y1 = 175.5, .font_size = 14};
  words.push_back(heading);
  const std::vector<std::string> got = Texts(BuildLines(words, kPageWidth));
  std::vector<std::string> want;
  for (int i = 0; i < 4; ++i) want.push_back("vanster kolumnens text rad " + std::to_string(i));
  want.push_back("Rubrik");
  for (int i = 0; i < 4; ++i) want.push_back("vanster efter rubriken rad " + std::to_string(i));
  for (int i = 0; i < 10; ++i) want.push_back("hoger kolumnens text rad " + std::to_string(i));
  EXPECT_EQ(got, want);
}

TEST(Layout, ReadsAHeadingWrappedOntoTwoLinesInTheLeftColumnInThatColumn) {
  // The heading's first line has the right column's last line beside it;
  // its second line has white space beside it, where the right column
  // leaves a gap before its next paragraph. Both lines are the left
  // column's: the columns go on.
  std::vector<Word> words;
  for (int i = 0; i < 4; ++i) {
    Set(words, "vanster kolumnens text rad " + std::to_string(i), 72, 100 + i * kPitch);
    Set(words, "hoger kolumnens text rad " + std::to_string(i), 320, 100 + i * kPitch);
  }
  words.push_back(Word{.text = "2 Bakgrund och forsk-", .x0 = 72, .y0 = 160, .x1 = 250,
                       .y1 = 173, .font_size = 14});
  Set(words, "hoger kolumnens text rad 4", 320, 162);
  words.push_back(Word{.text = "ning", .x0 = 72, .y0 = 178, .x1 = 110, .y1 = 191,
                       .font_size = 14});
  for (int i = 0; i < 4; ++i) {
    Set(words, "vanster efter rubriken rad " + std::to_string(i), 72, 200 + i * kPitch);
    Set(words, "hoger efter luckan rad " + std::to_string(i), 320, 200 + i * kPitch);
  }
  const std::vector<std::string> got = Texts(BuildLines(words, kPageWidth));
  std::vector<std::string> want;
  for (int i = 0; i < 4; ++i) want.push_back("vanster kolumnens text rad " + std::to_string(i));
  want.push_back("2 Bakgrund och forsk-");
  want.push_back("ning");
  for (int i = 0; i < 4; ++i) want.push_back("vanster efter rubriken rad " + std::to_string(i));
  for (int i = 0; i < 5; ++i) want.push_back("hoger kolumnens text rad " + std::to_string(i));
  for (int i = 0; i < 4; ++i) want.push_back("hoger efter luckan rad " + std::to_string(i));
  EXPECT_EQ(got, want);
}

TEST(Layout, ReadsATableRuledInTheRightColumnApartFromTheLeftColumn) {
  // Three horizontal rules of one width in the right column (a LaTeX
  // \\hline table); the left column's lines stand beside the table.
  std::vector<Word> words;
  for (int i = 0; i < 8; ++i) {
    Set(words, "vanster kolumnens lopande text rad " + std::to_string(i), 72, 100 + i * kPitch);
  }
  auto row = [&words](const std::string& a, const std::string& b, const std::string& c, double y) {
    Set(words, a, 340, y);
    Set(words, b, 470 - 6.0 * static_cast<double>(b.size()), y);  // flush right
    Set(words, c, 530 - 6.0 * static_cast<double>(c.size()), y);
  };
  row("Arendetyp", "2019", "2023", 116);
  row("Bygglov", "42", "31", 134);
  row("Forsorjning", "18", "9", 148);
  row("Skolplacering", "25", "12", 162);
  const std::vector<Rule> rules = {{334, 113, 536, 113}, {334, 130, 536, 130}, {334, 177, 536, 177}};
  const std::vector<std::string> got = Texts(BuildLines(words, kPageWidth, rules));
  std::vector<std::string> want;
  for (int i = 0; i < 8; ++i) want.push_back("vanster kolumnens lopande text rad " + std::to_string(i));
  want.push_back("Arendetyp | 2019 | 2023");
  want.push_back("Bygglov | 42 | 31");
  want.push_back("Forsorjning | 18 | 9");
  want.push_back("Skolplacering | 25 | 12");
  EXPECT_EQ(got, want);
}

TEST(Layout, ReadsAnIndexLetterInTheLeftColumnInThatColumn) {
  // An index in two columns, a letter heading over each group: "F" has
  // white space beside it, but the right column went on well below the
  // left one's last line above it, so the columns do not end there.
  std::vector<Word> words;
  auto letter = [&words](const std::string& text, double x, double y) {
    words.push_back(Word{.text = text, .x0 = x, .y0 = y, .x1 = x + 8, .y1 = y + 13,
                         .font_size = 14});
  };
  letter("A", 72, 100);
  letter("M", 320, 100);
  Set(words, "post i vanster register nr 1", 72, 118);
  Set(words, "post i hoger register nr 1", 320, 118);
  Set(words, "post i vanster register nr 2", 72, 132);
  letter("P", 320, 132);
  Set(words, "post i hoger register nr 2", 320, 150);
  letter("F", 72, 168);
  Set(words, "post i vanster register nr 3", 72, 186);
  letter("S", 320, 185);
  Set(words, "post i vanster register nr 4", 72, 200);
  Set(words, "post i hoger register nr 3", 320, 200);
  const std::vector<std::string> want = {
      "A", "post i vanster register nr 1", "post i vanster register nr 2", "F",
      "post i vanster register nr 3", "post i vanster register nr 4", "M",
      "post i hoger register nr 1", "P", "post i hoger register nr 2", "S",
      "post i hoger register nr 3"};
  EXPECT_EQ(Texts(BuildLines(words, kPageWidth)), want);
}

TEST(Layout, KeepsACentredFooterWholeOnAColumnPage) {
  // "Sida 7 av 18" centred under two columns, a word space right over the
  // gutter: one line, read after the columns, not halves in them.
  std::vector<Word> words;
  for (int i = 0; i < 6; ++i) {
    Set(words, "vanster kolumnens lopande text rad " + std::to_string(i), 72, 100 + i * kPitch, 5);
    Set(words, "hoger kolumnens lopande text rad " + std::to_string(i), 308, 100 + i * kPitch, 6);
  }
  // Close under the body, as on a page filled to its bottom margin.
  Set(words, "Sida 7 av 18", 262, 100 + 6 * kPitch + 14, 4);  // "7" ends at 296, "av" starts at 300
  const std::vector<std::string> got = Texts(BuildLines(words, kPageWidth));
  ASSERT_EQ(got.size(), 13u);
  EXPECT_EQ(got[5], "vanster kolumnens lopande text rad 5");
  EXPECT_EQ(got[6], "hoger kolumnens lopande text rad 0");
  EXPECT_EQ(got[12], "Sida 7 av 18");
}

TEST(Layout, ReadsARightColumnThatEndsEarlyAfterTheLeftOne) {
  std::vector<Word> words;
  for (int i = 0; i < 8; ++i) Set(words, "vanster kolumnens text rad " + std::to_string(i), 72, 100 + i * kPitch);
  for (int i = 0; i < 2; ++i) Set(words, "hoger rad " + std::to_string(i), 320, 100 + i * kPitch);
  const std::vector<std::string> got = Texts(BuildLines(words, kPageWidth));
  ASSERT_EQ(got.size(), 10u);
  EXPECT_EQ(got[7], "vanster kolumnens text rad 7");
  EXPECT_EQ(got[8], "hoger rad 0");
}

TEST(Layout, ReadsALetterheadSenderBlockBeforeItsDocumentTypeBlock) {
  std::vector<Word> words;
  Set(words, "Region Vasterbotten", 85, 52);
  Set(words, "TJANSTESKRIVELSE", 350, 52);
  Set(words, "Regional utvecklingsforvaltning", 85, 66);
  Set(words, "Datum 2022-03-29", 350, 66);
  Set(words, "Dnr KS 2022-0092", 350, 80);
  Set(words, "Brodtext som gar over hela bredden av sidan och lite till", 85, 200);
  const std::vector<std::string> got = Texts(BuildLines(words, kPageWidth));
  ASSERT_GE(got.size(), 5u);
  EXPECT_EQ(got[0], "Region Vasterbotten");
  EXPECT_EQ(got[1], "Regional utvecklingsforvaltning");
  EXPECT_EQ(got[2], "TJANSTESKRIVELSE");
}

TEST(Layout, ReadsMarginHeadingsEachBeforeItsParagraph) {
  // "Marginalrubriker": each heading in a left margin column, level with
  // the first line of its paragraph in the text column; one wraps. Read as
  // two columns, all the headings came first.
  std::vector<Word> words;
  const std::vector<std::vector<std::string>> headings = {
      {"Forslag till beslut"}, {"Bedomning av skalighet", "och proportionalitet"}, {"Hur man overklagar"}};
  for (int s = 0; s < 3; ++s) {
    const double top = 100 + s * 5 * kPitch;
    const auto& heading = headings[static_cast<std::size_t>(s)];
    for (std::size_t h = 0; h < heading.size(); ++h) Set(words, heading[h], 60, top + h * kPitch);
    for (int i = 0; i < 4; ++i) {
      Set(words, "stycke " + std::to_string(s) + " rad " + std::to_string(i) + " med lopande text i spalten",
          215, top + i * kPitch);
    }
  }
  const std::vector<std::string> got = Texts(BuildLines(words, kPageWidth));
  ASSERT_EQ(got.size(), 16u);
  EXPECT_EQ(got[0], "Forslag till beslut");
  EXPECT_EQ(got[1], "stycke 0 rad 0 med lopande text i spalten");
  EXPECT_EQ(got[5], "Bedomning av skalighet");
  EXPECT_EQ(got[6], "och proportionalitet");
  EXPECT_EQ(got[7], "stycke 1 rad 0 med lopande text i spalten");
  EXPECT_EQ(got[11], "Hur man overklagar");
  EXPECT_EQ(got[12], "stycke 2 rad 0 med lopande text i spalten");
}

TEST(Layout, ReadsADnrInTheRightMarginAfterItsParagraphsHeading) {
  // A protocol's paragraphs, each with its dnr in a right margin column
  // on its heading's line.
  std::vector<Word> words;
  for (int s = 0; s < 3; ++s) {
    const double top = 100 + s * 6 * kPitch;
    Set(words, "§ " + std::to_string(14 + s) + " Rubrik for arende " + std::to_string(s), 72, top);
    Set(words, "Dnr TN 2025/00" + std::to_string(10 + s), 450, top);
    for (int i = 1; i < 4; ++i) {
      Set(words, "arende " + std::to_string(s) + " rad " + std::to_string(i) + " med text i spalten",
          72, top + 8 + i * kPitch);
    }
  }
  const std::vector<std::string> got = Texts(BuildLines(words, kPageWidth));
  ASSERT_EQ(got.size(), 15u);
  for (int s = 0; s < 3; ++s) {
    EXPECT_EQ(got[static_cast<std::size_t>(5 * s)], "§ " + std::to_string(14 + s) + " Rubrik for arende " + std::to_string(s));
    EXPECT_EQ(got[static_cast<std::size_t>(5 * s + 1)], "Dnr TN 2025/00" + std::to_string(10 + s));
  }
}

TEST(Layout, ReadsTwoSignatureBlocksSideBySideBlockByBlock) {
  // Two parties' blocks of equal width, their lines level: neither is a
  // margin of the other.
  std::vector<Word> words;
  Set(words, "For Region Varmland", 76, 500);
  Set(words, "For Karlstads kommun", 327, 500);
  Set(words, "Karlstad 2025-04-23", 76, 526);
  Set(words, "Karlstad 2025-04-25", 327, 526);
  Set(words, "Ann-Charlotte Wiklund", 76, 585);
  Set(words, "Per-Olof Granstrom", 327, 585);
  Set(words, "Regiondirektor", 76, 599);
  Set(words, "Kommundirektor", 327, 599);
  const std::vector<std::string> got = Texts(BuildLines(words, kPageWidth));
  ASSERT_EQ(got.size(), 8u);
  EXPECT_EQ(got[0], "For Region Varmland");
  EXPECT_EQ(got[1], "Karlstad 2025-04-23");
}

// Words of `text` in `size` pt type (Set's metrics scaled).
void SetSmall(std::vector<Word>& words, const std::string& text, double x, double y, double size) {
  const std::size_t from = words.size();
  Set(words, text, x, y);
  double at = x;
  for (std::size_t i = from; i < words.size(); ++i) {
    const double width = (words[i].x1 - words[i].x0) * size / kSize;
    words[i].x0 = at;
    words[i].x1 = at + width;
    words[i].y1 = y + 12 * size / kSize;
    words[i].font_size = size;
    at = words[i].x1 + 3 * size / kSize;
  }
}

TEST(Layout, ReadsAColumnsFootnotesAfterThePagesText) {
  // The left column's sentence goes on at the top of the right column;
  // the left column's notes stand at its foot, the right column's at its.
  std::vector<Word> words;
  for (int i = 0; i < 6; ++i) {
    Set(words, "vanster rad " + std::to_string(i) + " med text", 72, 100 + i * kPitch);
    Set(words, "hoger rad " + std::to_string(i) + " med text", 320, 100 + i * kPitch);
  }
  SetSmall(words, "1 Forsta noten i vanster spalt.", 72, 200, 6);
  SetSmall(words, "2 Andra noten i vanster spalt.", 72, 208, 6);
  SetSmall(words, "3 Noten i hoger spalt.", 320, 200, 6);
  const std::vector<std::string> got = Texts(BuildLines(words, kPageWidth));
  ASSERT_EQ(got.size(), 15u);
  EXPECT_EQ(got[5], "vanster rad 5 med text");
  EXPECT_EQ(got[6], "hoger rad 0 med text");
  EXPECT_EQ(got[12], "1 Forsta noten i vanster spalt.");
  EXPECT_EQ(got[13], "2 Andra noten i vanster spalt.");
  EXPECT_EQ(got[14], "3 Noten i hoger spalt.");
}

TEST(Layout, KeepsSmallPrintThatTheColumnGoesOnAfterInPlace) {
  // A note-sized line opening with a number, then the column's text going
  // on below it: no foot of a column.
  std::vector<Word> words;
  for (int i = 0; i < 3; ++i) Set(words, "rad " + std::to_string(i) + " med lopande text i spalten", 72, 100 + i * kPitch);
  SetSmall(words, "2 Bildtext under figuren i liten stil.", 72, 145, 6);
  for (int i = 0; i < 3; ++i) Set(words, "rad " + std::to_string(3 + i) + " med lopande text i spalten", 72, 160 + i * kPitch);
  const std::vector<std::string> got = Texts(BuildLines(words, kPageWidth));
  ASSERT_EQ(got.size(), 7u);
  EXPECT_EQ(got[3], "2 Bildtext under figuren i liten stil.");
}

TEST(Layout, ReadsTwoPartiesSignatureBlocksPartedByTheSigningSpaceBlockByBlock) {
  // Place and date, four lines of space to sign in, then name and title:
  // each party's lines start at one x either side of the space.
  std::vector<Word> words;
  Set(words, "Overenskommelsen har upprattats i tva likalydande exemplar av vilka parterna tagit var sitt", 72, 80);
  Set(words, "For Region Vasternorrland", 72, 120);
  Set(words, "For Sundsvalls kommun", 320, 120);
  Set(words, "Harnosand 2024-11-20", 72, 134);
  Set(words, "Sundsvall 2024-11-28", 320, 134);
  Set(words, "Glenn Nordlund", 72, 200);
  Set(words, "Niklas Sawen", 320, 200);
  Set(words, "Regionstyrelsens ordforande", 72, 214);
  Set(words, "Kommunstyrelsens ordforande", 320, 214);
  const std::vector<std::string> got = Texts(BuildLines(words, kPageWidth));
  EXPECT_EQ(got, (std::vector<std::string>{
                     "Overenskommelsen har upprattats i tva likalydande exemplar av vilka parterna tagit var sitt",
                     "For Region Vasternorrland", "Harnosand 2024-11-20", "Glenn Nordlund",
                     "Regionstyrelsens ordforande", "For Sundsvalls kommun", "Sundsvall 2024-11-28",
                     "Niklas Sawen", "Kommunstyrelsens ordforande"}));
}

TEST(Layout, ReadsTwoLabelValueBlocksPartedBySpaceRowByRow) {
  // A form's two groups of fields at one tab stop: labels much shorter
  // than their values, so no parties' blocks.
  std::vector<Word> words;
  Set(words, "Rubrik som gar over hela sidans bredd och lite till har", 72, 80);
  Set(words, "Sokande", 72, 120);
  Set(words, "Birgitta Sundqvist Storgatan 41 B 831 31 Ostersund", 200, 120);
  Set(words, "Telefon", 72, 134);
  Set(words, "063-12 45 78 dagtid och kvallstid alla dagar", 200, 134);
  Set(words, "Ombud", 72, 200);
  Set(words, "Anders Sundqvist Storgatan 41 B 831 31 Ostersund", 200, 200);
  Set(words, "Telefon", 72, 214);
  Set(words, "070-123 45 67 dagtid och kvallstid alla dagar", 200, 214);
  const std::vector<std::string> got = Texts(BuildLines(words, kPageWidth));
  ASSERT_EQ(got.size(), 9u);
  EXPECT_EQ(got[1], "Sokande");
  EXPECT_EQ(got[2], "Birgitta Sundqvist Storgatan 41 B 831 31 Ostersund");
  EXPECT_EQ(got[3], "Telefon");
}

TEST(Layout, KeepsALawsOneCharacterWordsAtWordSpacesApart) {
  // "8 § I 3 kap. 22 §" in a justified line: four one-character words in a
  // row, each gap a (stretched) word space, half an em.
  std::vector<Word> words;
  Set(words, "8 \xC2\xA7 I 3 kap. 22 \xC2\xA7 ordningslagen finns bestammelser om straff", 72, 100, 5);
  EXPECT_EQ(Texts(BuildLines(words, kPageWidth)),
            std::vector<std::string>{"8 \xC2\xA7 I 3 kap. 22 \xC2\xA7 ordningslagen finns bestammelser om straff"});
}

TEST(Layout, ClosesUpWidelyLetterSpacedCapitals) {
  std::vector<Word> words;
  Set(words, "K U N G \xC3\x96 R E L S E", 72, 100, 5);
  EXPECT_EQ(Texts(BuildLines(words, kPageWidth)), std::vector<std::string>{"KUNG\xC3\x96RELSE"});
}

TEST(Layout, ReadsALineSetRightAboveTheLeftBlockFirst) {
  // A motion: the party right, a line above its addressee left; not a
  // letterhead's two blocks, whose first lines stand level.
  std::vector<Word> words;
  Set(words, "Vansterpartiet Umea", 411, 78);
  Set(words, "Till kommunfullmaktige", 76, 94);
  Set(words, "Motion om avgiftsfria sommarlovsaktiviteter for alla barn i kommunen", 76, 137);
  EXPECT_EQ(Texts(BuildLines(words, kPageWidth)),
            (std::vector<std::string>{"Vansterpartiet Umea", "Till kommunfullmaktige",
                                      "Motion om avgiftsfria sommarlovsaktiviteter for alla barn i kommunen"}));
}

TEST(Layout, KeepsJustifiedSingleColumnTextInRowOrderDespiteWideSpaces) {
  std::vector<Word> words;
  // Wide (1.2 em) justified spaces that line up on alternate rows only.
  for (int i = 0; i < 12; ++i) {
    const std::string text = i % 2 == 0 ? "aaaaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbbbbb ccccccccccccccc dd"
                                        : "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee fffffffffffffffffff";
    Set(words, text, 72, 100 + i * kPitch, 12);
  }
  const std::vector<TextLine> lines = BuildLines(words, kPageWidth);
  ASSERT_EQ(lines.size(), 12u);
  for (const TextLine& l : lines) EXPECT_EQ(l.column, 0) << l.text;
}

TEST(Layout, ReadsLooseJustifiedLinesOfANarrowColumnInRowOrder) {
  // A narrow justified column of long words: three lines of two or three
  // words, each line's spaces stretched to one width (1.4-2.6 em), whose
  // second words start at one x by chance. Not a second column: the lines
  // read in row order (a line's words wider apart than 1.5 em are
  // fragments of their line, which normalise joins).
  std::vector<Word> words;
  Set(words, "naturvardsverket har gett ut en ny", 200, 100);
  Set(words, "vagledningarna om strandskydd.", 200, 100 + kPitch, 26);
  Set(words, "lansstyrelsernas kommer att halla", 200, 100 + 2 * kPitch, 14);
  Set(words, "utbildningarnas for kommunernas", 200, 100 + 3 * kPitch, 20);
  Set(words, "handlaggare under varen och hosten", 200, 100 + 4 * kPitch);
  std::string text;
  for (const TextLine& l : BuildLines(words, kPageWidth)) text += (text.empty() ? "" : " ") + l.text;
  EXPECT_EQ(text,
            "naturvardsverket har gett ut en ny vagledningarna om strandskydd. lansstyrelsernas "
            "kommer att halla utbildningarnas for kommunernas handlaggare under varen och hosten");
}

TEST(Layout, ReadsThreeColumnsWhoseLastEndsTwoLinesShortBeforeTheNextSectionsHeading) {
  // Balanced columns fill from the left: the third column of the first
  // section ends two lines above the other two. A heading over the first
  // two columns' width then opens the next section of three columns.
  std::vector<Word> words;
  const double x[3] = {72, 250, 428};
  for (int c = 0; c < 3; ++c) {
    for (int i = 0; i < (c == 2 ? 2 : 4); ++i) {
      Set(words, "forsta avsnittet spalt " + std::to_string(c) + " rad " + std::to_string(i), x[c],
          100 + i * kPitch);
    }
  }
  words.push_back(Word{.text = "Nästa", .x0 = 72, .y0 = 166, .x1 = 130, .y1 = 182, .font_size = 14});
  words.push_back(Word{.text = "avsnittets", .x0 = 136, .y0 = 166, .x1 = 230, .y1 = 182, .font_size = 14});
  words.push_back(Word{.text = "rubrik", .x0 = 236, .y0 = 166, .x1 = 290, .y1 = 182, .font_size = 14});
  for (int c = 0; c < 3; ++c) {
    for (int i = 0; i < 4; ++i) {
      Set(words, "andra avsnittet spalt " + std::to_string(c) + " rad " + std::to_string(i), x[c],
          194 + i * kPitch);
    }
  }
  std::vector<std::string> want;
  for (int c = 0; c < 3; ++c) {
    for (int i = 0; i < (c == 2 ? 2 : 4); ++i) {
      want.push_back("forsta avsnittet spalt " + std::to_string(c) + " rad " + std::to_string(i));
    }
  }
  want.push_back("Nästa avsnittets rubrik");
  for (int c = 0; c < 3; ++c) {
    for (int i = 0; i < 4; ++i) {
      want.push_back("andra avsnittet spalt " + std::to_string(c) + " rad " + std::to_string(i));
    }
  }
  EXPECT_EQ(Texts(BuildLines(words, kPageWidth)), want);
}

TEST(Layout, ReadsTextWrappedAroundABoxOnBelowItBeforeTheBox) {
  // A box of smaller type set right of the text, which runs beside it and
  // then on below it at full width, mid-sentence: the paragraph is read
  // whole, then the box, then the next paragraph.
  std::vector<Word> words;
  for (int i = 0; i < 6; ++i) {
    Set(words, "text bredvid rutan rad " + std::to_string(i), 72, 100 + i * kPitch);
  }
  for (int i = 0; i < 4; ++i) {
    words.push_back(Word{.text = "ruta", .x0 = 340, .y0 = 104.0 + i * 11, .x1 = 364,
                         .y1 = 113.0 + i * 11, .font_size = 8});
    words.push_back(Word{.text = "rad" + std::to_string(i), .x0 = 367, .y0 = 104.0 + i * 11,
                         .x1 = 391, .y1 = 113.0 + i * 11, .font_size = 8});
  }
  Set(words, "och fortsatter under rutan over hela bredden av sidan med samma stycke", 72,
      100 + 6 * kPitch);
  Set(words, "som slutar har", 72, 100 + 7 * kPitch);
  Set(words, "Nasta stycke borjar efter luft over hela bredden av sidan med ny mening", 72,
      100 + 9 * kPitch);
  std::vector<std::string> want;
  for (int i = 0; i < 6; ++i) want.push_back("text bredvid rutan rad " + std::to_string(i));
  want.push_back("och fortsatter under rutan over hela bredden av sidan med samma stycke");
  want.push_back("som slutar har");
  for (int i = 0; i < 4; ++i) want.push_back("ruta rad" + std::to_string(i));
  want.push_back("Nasta stycke borjar efter luft over hela bredden av sidan med ny mening");
  EXPECT_EQ(Texts(BuildLines(words, kPageWidth)), want);
}

TEST(Layout, ReadsAFormOfSmallLabelsAboveTextAtFullWidthRowByRow) {
  // Labels set smaller than their values, level with them, then a
  // paragraph at full width from the labels' edge: a form, not a box.
  std::vector<Word> words;
  const std::vector<std::pair<std::string, std::string>> fields = {
      {"Handlaggare", "Karin Lindqvist pa socialforvaltningen i kommunen"},
      {"Telefon", "021 39 00 00 vardagar mellan nio och tolv"},
      {"E-post", "karin.lindqvist@vasteras.se eller registrator"}};
  std::vector<std::string> want;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const double y = 100 + 13.0 * static_cast<double>(i);
    words.push_back(Word{.text = fields[i].first, .x0 = 72, .y0 = y + 1, .x1 = 72 + 4.0 * static_cast<double>(fields[i].first.size()),
                         .y1 = y + 10, .font_size = 8});
    Set(words, fields[i].second, 200, y);
    want.push_back(fields[i].first);
    want.push_back(fields[i].second);
  }
  Set(words, "Socialforvaltningen har sett over riktlinjerna for ekonomiskt bistand i ar", 72, 139);
  want.push_back("Socialforvaltningen har sett over riktlinjerna for ekonomiskt bistand i ar");
  EXPECT_EQ(Texts(BuildLines(words, kPageWidth)), want);
}

TEST(Layout, ReadsALabelValueTableRowByRow) {
  std::vector<Word> words;
  const char* labels[] = {"Datum", "Dnr", "Handlaggare", "Telefon", "E-post"};
  for (int i = 0; i < 5; ++i) {
    Set(words, labels[i], 72, 100 + i * kPitch);
    Set(words, "varde nummer " + std::to_string(i), 320, 100 + i * kPitch);
  }
  const std::vector<std::string> got = Texts(BuildLines(words, kPageWidth));
  ASSERT_EQ(got.size(), 10u);
  EXPECT_EQ(got[0], "Datum");
  EXPECT_EQ(got[1], "varde nummer 0");
  EXPECT_EQ(got[2], "Dnr");
}

TEST(Layout, JoinsWordsThatTouchAndKeepsWordGapsAsSpaces) {
  // Ghostscript's rewrite of a soft-hyphenated word: parts that touch (a
  // zero-width space glyph between them, so poppler makes them words of
  // their own), then a word space of a quarter of an em.
  std::vector<Word> words;
  Set(words, "Stock holms re gio nens", 72, 100, 0);
  Set(words, "utveckling antas.", 72 + 6.0 * 19 + 2.5, 100);
  const std::vector<std::string> got = Texts(BuildLines(words, kPageWidth));
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0], "Stockholmsregionens utveckling antas.");
}

TEST(Layout, KeepsASpaceBetweenWordsCloserThanAWordSpaceButApart) {
  // A tight justified space (0.15 em) still parts words.
  std::vector<Word> words;
  Set(words, "en tät rad med ord", 72, 100, 1.5);
  EXPECT_EQ(Texts(BuildLines(words, kPageWidth)), std::vector<std::string>{"en tät rad med ord"});
}

TEST(Layout, DoesNotJoinARaisedReferenceToItsWord) {
  std::vector<Word> words;
  Set(words, "2026.", 72, 100);
  Word note;
  note.text = "1";
  note.x0 = words.back().x1;
  note.x1 = note.x0 + 4;
  note.y0 = 99;
  note.y1 = 106;
  note.font_size = 6;
  words.push_back(note);
  Set(words, "Vissa", words.back().x1 + 3, 100);
  EXPECT_EQ(Texts(BuildLines(words, kPageWidth)), std::vector<std::string>{"2026. Vissa"});
}

TEST(Layout, ReadsADotOpeningALineAsABullet) {
  std::vector<Word> words;
  Set(words, "Prioriterade områden:", 72, 100);
  Set(words, "barn och unga,", 90, 100 + kPitch);
  Set(words, "jämställdhet.", 90, 100 + 2 * kPitch);
  const std::vector<Dot> dots = {{78, 104 + kPitch, 82, 108 + kPitch},
                                 {78, 104 + 2 * kPitch, 82, 108 + 2 * kPitch}};
  const std::vector<std::string> got = Texts(BuildLines(words, kPageWidth, {}, dots));
  EXPECT_EQ(got, (std::vector<std::string>{"Prioriterade områden:", "\xE2\x80\xA2 barn och unga,",
                                           "\xE2\x80\xA2 jämställdhet."}));
}

TEST(Layout, LeavesOutDotsThatOpenNoLine) {
  std::vector<Word> words;
  Set(words, "Antal besök per år", 72, 100);
  // A chart's markers: in the middle of a line, and off on their own.
  const std::vector<Dot> dots = {{150, 104, 154, 108}, {300, 300, 304, 304}};
  EXPECT_EQ(Texts(BuildLines(words, kPageWidth, {}, dots)),
            std::vector<std::string>{"Antal besök per år"});
}

}  // namespace
}  // namespace diar::extract_internal
