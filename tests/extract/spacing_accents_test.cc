// A spacing accent set as a glyph of its own over a letter ("¨" over "o",
// as old typesetters and some converters build "ö") is read onto its letter
// by poppler. The extractor leaves poppler's check for such accents off
// until a page shows one (pipeline/extract/pdf.cc, RuleTextOutputDev): each
// page here opens with a line without accents, and then shows one, after
// its letter, before it, or as the ActualText of another glyph.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "pipeline/extract/extract.h"
#include "tests/foundation/raw_pdf.h"

namespace diar {
namespace {

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

// Shows `text` at (x, y) in 12 pt Helvetica.
std::string Show(double x, double y, const std::string& text) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "1 0 0 1 %.3f %.3f Tm (", x, y);
  return buf + text + ") Tj\n";
}

// The x at which a glyph `width` wide stands centred over the glyph `under`
// that follows `before` on a line starting at 72.
double Over(const std::string& before, const std::string& under, double width) {
  return 72 + Width(before, 12) + (Width(under, 12) - width) / 2;
}

// A PDF of one page per content stream (a BT/ET body), in Helvetica.
std::string WritePdf(const std::vector<std::string>& bodies) {
  std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", ""};
  const std::size_t font = 3;
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                    "/Encoding /WinAnsiEncoding >>");
  std::string kids;
  for (const std::string& body : bodies) {
    const std::string content = "BT /F1 12 Tf\n" + body + "ET\n";
    const std::size_t page = objects.size() + 1;
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 750] /Resources << /Font "
                      "<< /F1 " + std::to_string(font) + " 0 R >> >> /Contents " +
                      std::to_string(page + 1) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                      "\nendstream");
    kids += std::to_string(page) + " 0 R ";
  }
  objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(bodies.size()) + " >>";
  std::random_device rd;
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("diar-accents-" + std::to_string(rd()) + ".pdf"))
                               .string();
  std::ofstream(path, std::ios::binary) << testing::AssemblePdf(objects);
  return path;
}

std::vector<std::string> PageTexts(const std::vector<std::string>& bodies) {
  const std::string path = WritePdf(bodies);
  ExtractOptions options;
  options.ocr = OcrMode::kNever;
  Result<ExtractedDocument> doc = ExtractFile(path, options);
  std::filesystem::remove(path);
  EXPECT_TRUE(doc.ok()) << (doc.ok() ? "" : doc.error().message);
  std::vector<std::string> texts;
  if (doc.ok()) {
    for (const ExtractedPage& page : doc->pages) texts.push_back(page.text);
  }
  return texts;
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
