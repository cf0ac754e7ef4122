// Pages set in three columns, as newsletters, brochures and reports laid
// out in InDesign or a browser are, printed here by Chromium
// (chromium_printer.h): read column by column, left to right, with a heading
// over the columns in its place. The first gutter found parts one column
// from the other two, which part again (layout.cc, EmitColumn).
#include <gtest/gtest.h>

#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

#include "pipeline/extract/extract.h"
#include "pipeline/normalise/normalise.h"
#include "tests/extract/chromium_printer.h"
#include "tests/extract/text_metrics.h"

namespace diar {
namespace {

using testing::Html;
using testing::PrintAndExtract;

const std::vector<std::string> kParagraphs = {
    "Arbetet med framtagandet av ny samverkansöverenskommelse har avvaktat regionfullmäktiges "
    "beslut den 22 februari om en ny förtroendepersonsorganisation för kommande mandatperiod.",
    "Under perioden 2019–2022 har kommunerna i länet tillsammans med regionen haft en "
    "samverkansöverenskommelse för regionalt utvecklingsarbete. Nu är det dags att förnya den.",
    "Samverkansstrukturen syftar till att skapa forum och nätverksstrukturer för en "
    "förtroendefull, effektiv och transparent samverkan för regional utveckling.",
    "Den omfattar såväl det regionala utvecklingsuppdraget som mellankommunal samverkan och "
    "bygger på samverkansområden baserade på den regionala utvecklingsstrategin.",
    "Den nya överenskommelsen är likalydande för alla kommuner i länet. För varje kommun "
    "tydliggörs överenskommelsens innebörd genom ett samverkansavtal med regionen.",
    "Samverkansresultat och effekter på den regionala utvecklingen följs upp och utvärderas "
    "inom ramen för arbetet med den regionala utvecklingsstrategin.",
};

struct Page {
  std::string text;   // normalised, as read
  std::string truth;  // the heading and the paragraphs, a line each
};

// The heading and the paragraphs printed in `columns` columns of `align`ed
// text.
Page PrintColumns(const std::string& name, int columns, const std::string& align) {
  std::string body = "<h1>Nyhetsbrev från regionen</h1><div class=\"cols\">";
  Page page;
  page.truth = "Nyhetsbrev från regionen\n";
  for (const std::string& p : kParagraphs) {
    body += "<p>" + p + "</p>";
    page.truth += p + "\n";
  }
  body += "</div>";
  const std::string css = "body{margin:2cm;font-size:10pt}h1{font-size:16pt}p{margin:0 0 6pt 0}"
                          ".cols{column-count:" + std::to_string(columns) +
                          ";column-gap:0.8cm;text-align:" + align + "}";
  Result<ExtractedDocument> doc = PrintAndExtract(name, Html(css, body));
  EXPECT_TRUE(doc.ok()) << doc.error().message;
  if (doc.ok()) page.text = Normalise(*doc, {}).text;
  return page;
}

// The CER of the page read against its paragraphs in order.
double ReadColumns(const std::string& name, int columns, const std::string& align) {
  const Page page = PrintColumns(name, columns, align);
  if (page.text.empty()) return 1;
  const double cer = testing::CharacterErrorRate(page.text, page.truth);
  std::cout << "CER " << std::fixed << std::setprecision(3) << cer * 100 << " %  " << name << "\n";
  if (cer >= 0.005) std::cout << page.text;
  return cer;
}

TEST(Columns, AJustifiedThreeColumnPageReadsColumnByColumn) {
  EXPECT_LT(ReadColumns("three_columns_justified", 3, "justify"), 0.005);
}

TEST(Columns, ARaggedThreeColumnPageReadsColumnByColumn) {
  EXPECT_LT(ReadColumns("three_columns_ragged", 3, "left"), 0.005);
}

// A column's lines reach to an em before the next column to their right:
// with three columns that is the middle one, not a second column that
// two-column pages have. A paragraph's wrapped lines then show no room for
// the next word, and the paragraph stays one.
TEST(Columns, EachParagraphOfAThreeColumnPageStaysOneParagraph) {
  const Page page = PrintColumns("three_columns_paragraphs", 3, "justify");
  EXPECT_EQ(page.text + "\n", page.truth);
}

TEST(Columns, ATwoColumnPageStillReadsColumnByColumn) {
  EXPECT_LT(ReadColumns("two_columns", 2, "justify"), 0.005);
}

}  // namespace
}  // namespace diar
