// Margin columns of Swedish authorities' letters and protocols, printed by
// Chromium (chromium_printer.h): headings set in a left margin column beside
// their paragraphs ("marginalrubriker", a common tjänsteskrivelse template),
// a protocol's dnr in a right margin column on its paragraph's heading line,
// and clause numbers hanging left of their text. Each margin line is read
// where it stands beside the text, not as a column of its own before or
// after the whole text.
#include <gtest/gtest.h>

#include <iomanip>
#include <iostream>
#include <string>

#include "pipeline/extract/extract.h"
#include "pipeline/normalise/normalise.h"
#include "tests/extract/chromium_printer.h"
#include "tests/extract/text_metrics.h"

namespace diar {
namespace {

using testing::Html;
using testing::PrintAndExtract;

// The character error rate of the page against `truth`, the text in
// reading order; the text is shown when it misses.
double Cer(const std::string& name, const std::string& css, const std::string& body,
           const std::string& truth) {
  Result<ExtractedDocument> doc = PrintAndExtract("margins_" + name, Html(css, body));
  EXPECT_TRUE(doc.ok()) << doc.error().message;
  if (!doc.ok()) return 1;
  const std::string text = Normalise(*doc, {}).text;
  const double cer = testing::CharacterErrorRate(text, truth);
  std::cout << "CER " << std::fixed << std::setprecision(3) << cer * 100 << " %  " << name << "\n";
  if (cer >= 0.005) std::cout << text << "\n";
  return cer;
}

struct Section {
  std::string heading;
  std::string text;
};

const Section kSections[] = {
    {"Ärendet",
     "Byggnadsnämnden har tagit emot en anmälan om buller från en fläkt på taket till "
     "fastigheten Kvarnen 3. Vid mätning den 4 mars 2025 låg ljudnivån vid närmaste bostad "
     "över riktvärdet nattetid."},
    {"Förslag till beslut",
     "Nämnden förelägger fastighetsägaren att senast den 30 september 2025 vidta åtgärder så "
     "att ljudnivån nattetid inte överstiger 40 dBA vid närmaste bostad."},
    {"Bedömning av skälighet och proportionalitet",
     "Förvaltningen bedömer att kravet är skäligt. Åtgärden är tekniskt möjlig och kostnaden "
     "står inte i orimlig proportion till nyttan för de boende."},
    {"Hur man överklagar",
     "Beslutet kan överklagas till Länsstyrelsen. Överklagandet ska ha kommit in till nämnden "
     "inom tre veckor från den dag ni fick del av beslutet."},
};

TEST(Margins, HeadingsInALeftMarginColumnReadBeforeTheirParagraphs) {
  const std::string css =
      "body{margin:2cm 2cm 2cm 2.2cm;font-family:'Liberation Sans';font-size:10pt}"
      ".head{display:flex;justify-content:space-between;margin-bottom:1.2cm}"
      ".sec{display:grid;grid-template-columns:40mm 1fr;column-gap:8mm;margin-bottom:9pt}"
      ".sec h3{font-size:9.5pt;margin:0;line-height:1.45}.sec p{margin:0;line-height:1.45}";
  std::string body =
      "<div class=\"head\"><div>Österviks kommun<br>Miljö- och byggförvaltningen</div>"
      "<div>Tjänsteskrivelse<br>2025-04-07<br>Dnr BN 2025/0218</div></div>";
  std::string truth = "Österviks kommun\nMiljö- och byggförvaltningen\nTjänsteskrivelse\n"
                      "2025-04-07\nDnr BN 2025/0218\n";
  for (const Section& s : kSections) {
    body += "<div class=\"sec\"><h3>" + s.heading + "</h3><p>" + s.text + "</p></div>";
    truth += s.heading + "\n" + s.text + "\n";
  }
  EXPECT_LT(Cer("headings", css, body, truth), 0.005);
}

TEST(Margins, AProtocolsDnrInTheRightMarginFollowsItsParagraphsHeading) {
  const std::string css =
      "body{margin:2cm;font-family:'Liberation Sans';font-size:10.5pt}"
      ".par{display:grid;grid-template-columns:14mm 1fr 34mm;column-gap:4mm;margin-bottom:14pt}"
      ".par h3{font-size:11pt;margin:0 0 6pt 0}.par p{margin:0 0 6pt 0}"
      ".dnr{font-size:9pt;text-align:right;padding-top:1pt}";
  std::string body, truth;
  for (int i = 0; i < 4; ++i) {
    const std::string number = "§ " + std::to_string(21 + i);
    const std::string dnr = "Dnr KS 2025/0" + std::to_string(311 + 7 * i);
    const Section& s = kSections[i];
    body += "<div class=\"par\"><div><b>" + number + "</b></div><div><h3>" + s.heading +
            "</h3><p>" + s.text + "</p></div><div class=\"dnr\">" + dnr + "</div></div>";
    truth += number + " " + s.heading + "\n" + dnr + "\n" + s.text + "\n";
  }
  EXPECT_LT(Cer("dnr", css, body, truth), 0.005);
}

}  // namespace
}  // namespace diar
