// How the glyphs a producer draws become words, where drawing and reading
// differ: text drawn twice to look bold or shadowed is read once, and a
// glyph kerned back over the word before it stays in that word. The
// extractor takes poppler's words in drawing order and does these itself
// (pipeline/extract/reading_words.h); these pages say what must come out.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/extract/helvetica_pages.h"

namespace diar {
namespace {

using testing::PageTexts;
using testing::Show;

TEST(DrawnWords, ALineDrawnTwiceSlightlyOffsetAsFakeBoldIsReadOnce) {
  const std::string line = "Tj\xE4nsteskrivelse om budget";
  EXPECT_EQ(PageTexts({Show(40, 700, line) + Show(40.3, 700, line)}),
            std::vector<std::string>{"Tj\xC3\xA4nsteskrivelse om budget"});
}

TEST(DrawnWords, ALineDrawnAgainAsADropShadowBelowAndRightIsReadOnce) {
  const std::string line = "Kommunstyrelsen beslutar";
  EXPECT_EQ(PageTexts({Show(40.8, 699.2, line) + Show(40, 700, line)}),
            std::vector<std::string>{"Kommunstyrelsen beslutar"});
}

TEST(DrawnWords, EachGlyphDrawnTwiceInTurnIsReadOnce) {
  // Helvetica's advances: K 667, o 556, m 833, u 556, n 556 thousandths.
  const std::vector<std::pair<std::string, double>> glyphs = {
      {"K", 0.667}, {"o", 0.556}, {"m", 0.833}, {"m", 0.833}, {"u", 0.556}, {"n", 0.556}};
  std::string body;
  double x = 40;
  for (const auto& [glyph, advance] : glyphs) {
    body += Show(x, 700, glyph) + Show(x + 0.25, 700, glyph);
    x += advance * 12;
  }
  EXPECT_EQ(PageTexts({body}), std::vector<std::string>{"Kommun"});
}

TEST(DrawnWords, TheSameWordTwiceInTheTextIsKeptTwice) {
  EXPECT_EQ(PageTexts({Show(40, 700, "att att g\xF6ra") + Show(40, 680, "att")}),
            std::vector<std::string>{"att att g\xC3\xB6ra\natt"});
}

TEST(DrawnWords, AFullStopKernedBackUnderTheLetterBeforeStaysInTheWord) {
  // A fifth of an em back, as justified text from office suites sets "P."
  EXPECT_EQ(PageTexts({"1 0 0 1 40 700 Tm [(arbetet med SIP)203(. Deras roll)] TJ\n"}),
            std::vector<std::string>{"arbetet med SIP. Deras roll"});
}

}  // namespace
}  // namespace diar
