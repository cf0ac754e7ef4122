// A spacing accent set as a glyph of its own over a letter ("¨" over "o",
// as old typesetters and some converters build "ö") is read onto its letter
// by poppler. The extractor leaves poppler's check for such accents off
// until a page shows one (pipeline/extract/pdf.cc, RuleTextOutputDev): each
// page here opens with a line without accents, and then shows one, after
// its letter, before it, or as the ActualText of another glyph.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/extract/extract.h"
#include "tests/extract/helvetica_pages.h"

namespace diar {
namespace {

using testing::PageTexts;
using testing::Show;

// Helvetica's advance widths (its AFM), in thousandths of an em, for the
// glyphs the pages use.
double Width(const std::string& text, double size) {
  double units = 0;
  for (const char c : text) {
    switch (c) {
      case 'K': units += 667; break;
      case 'M': case 'm': units += 833; break;
      case 'S': units += 667; break;
      case 'l': units += 222; break;
      case 't': units += 278; break;
      case 'x': units += 500; break;
      case '\xA8': units += 333; break;  // dieresis in WinAnsiEncoding
      default: units += 556; break;      // a d e n o u
    }
  }
  return units * size / 1000;
}

// The x at which a glyph `width` wide stands centred over the glyph `under`
// that follows `before` on a line starting at 72.
double Over(const std::string& before, const std::string& under, double width) {
  return 72 + Width(before, 12) + (Width(under, 12) - width) / 2;
}

TEST(SpacingAccents, AnAccentAfterItsLetterOrBeforeItOrAsActualTextJoinsTheLetter) {
  const std::string dieresis = "\xA8";
  const std::vector<std::string> texts = PageTexts({
      Show(72, 700, "Kommun") + Show(72, 680, "Malmo") +
          Show(Over("Malm", "o", Width(dieresis, 12)), 680, dieresis),
      Show(72, 700, "Kommun") + Show(72, 680, "Sm") +
          Show(Over("Sm", "a", Width(dieresis, 12)), 680, dieresis) +
          Show(72 + Width("Sm", 12), 680, "aland"),
      Show(72, 700, "Kommun") + Show(72, 680, "Mote") +
          "/Span << /ActualText <FEFF00A8> >> BDC\n" +
          Show(Over("Mot", "e", Width("x", 12)), 680, "x") + "EMC\n",
  });
  // poppler gives the letter and the combining form of the accent.
  const std::vector<std::string> want = {"Kommun\nMalmo\xCC\x88", "Kommun\nSma\xCC\x88land",
                                         "Kommun\nMote\xCC\x88"};
  EXPECT_EQ(texts, want);
}

}  // namespace
}  // namespace diar
