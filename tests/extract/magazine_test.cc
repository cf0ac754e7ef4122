// Layouts that communication departments set for regional plans, annual
// reports, newsletters and brochures (InDesign, or HTML printed by a
// browser), printed here by Chromium (chromium_printer.h): four narrow
// columns in small type, a main column beside a boxed fact panel
// ("faktaruta") or an image caption, a spread of two pages on one landscape
// sheet, a heading over two of three columns, a landscape table between
// portrait pages, large headings with a subtitle and numbered headings.
// Each is read as a reader reads it: column by column, left to right.
#include <gtest/gtest.h>

#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

#include "pipeline/extract/extract.h"
#include "pipeline/normalise/normalise.h"
#include "tests/extract/chromium_printer.h"
#include "tests/extract/read_pdf.h"
#include "tests/extract/text_metrics.h"

namespace diar {
namespace {

using testing::Html;
using testing::PrintAndExtract;

const std::vector<std::string> kText = {
    "Utveckling och hållbar tillväxt skapas av alla tillsammans. Arbetet med regional utveckling "
    "är till för hela länet och för alla som finns här.",
    "Under året har regionen i bred samverkan beslutat om en ny regional utvecklingsstrategi, "
    "som bildar grunden för arbetet inom regionala utvecklingsförvaltningen.",
    "Pandemin har påverkat människor och organisationer dramatiskt. Länets arbetsmarknad och "
    "näringsliv har drabbats hårt av den konjunkturnedgång som uppstått.",
    "Verksamheter inom kultur och folkbildning har påverkats kraftigt. Även om läget förväntas "
    "bli bättre tar det lång tid innan utvecklingen är ifatt.",
    "Förvaltningens olika verksamheter har ställt om, omprioriterat och omfördelat resurser. Den "
    "digitala omställningen har tagit stora och konkreta kliv framåt.",
    "Globaliseringen och det internationella utbytet ger stora möjligheter när kunskaper, "
    "kulturer, människor och idéer kommer till länet och utvecklas här.",
    "Kompetensförsörjningen är en av de största utmaningarna. Arbetsgivare inom både offentlig "
    "och privat sektor har svårt att rekrytera personal med rätt utbildning.",
    "Samverkansresultat och effekter på den regionala utvecklingen följs upp och utvärderas inom "
    "ramen för arbetet med den regionala utvecklingsstrategin.",
};

// kText[from, to) as HTML paragraphs, and as the reader's text.
std::string Paragraphs(std::size_t from, std::size_t to) {
  std::string html;
  for (std::size_t i = from; i < to; ++i) html += "<p>" + kText[i] + "</p>";
  return html;
}
std::string Truth(std::size_t from, std::size_t to) {
  std::string text;
  for (std::size_t i = from; i < to; ++i) text += kText[i] + "\n";
  return text;
}

struct Reading {
  std::string text;
  double cer = 1;
};

// Prints the page, extracts and normalises it, and measures it against
// `truth`, the text in reading order. The text is shown when it misses.
Reading Read(const std::string& name, const std::string& css, const std::string& body,
             const std::string& truth) {
  Result<ExtractedDocument> doc = PrintAndExtract("magazine_" + name, Html(css, body));
  EXPECT_TRUE(doc.ok()) << doc.error().message;
  if (!doc.ok()) return {};
  Reading r;
  r.text = Normalise(*doc, {}).text;
  r.cer = testing::CharacterErrorRate(r.text, truth);
  std::cout << "CER " << std::fixed << std::setprecision(3) << r.cer * 100 << " %  " << name
            << "\n";
  if (r.cer >= 0.005) std::cout << r.text << "\n";
  return r;
}

const std::string kPage = "body{margin:1.5cm;font-size:9pt}p{margin:0 0 5pt 0}";

TEST(Magazine, FourColumnsInSmallTypeReadColumnByColumn) {
  const std::string css = kPage + ".cols{column-count:4;column-gap:0.5cm;text-align:justify}";
  const std::string body = "<h1>Nyhetsbrev</h1><div class=\"cols\">" + Paragraphs(0, 8) + "</div>";
  EXPECT_LT(Read("four_columns", css, body, "Nyhetsbrev\n" + Truth(0, 8)).cer, 0.005);
}

TEST(Magazine, FourRaggedColumnsInEightPointTypeReadColumnByColumn) {
  const std::string css = "body{margin:1.2cm;font-size:8pt}p{margin:0 0 4pt 0}"
                          ".cols{column-count:4;column-gap:0.4cm}";
  const std::string body = "<div class=\"cols\">" + Paragraphs(0, 8) + Paragraphs(0, 4) + "</div>";
  EXPECT_LT(Read("four_columns_ragged", css, body, Truth(0, 8) + Truth(0, 4)).cer, 0.005);
}

// A fact panel in a ruled, shaded box beside the body text.
const std::string kBoxCss =
    ".row{display:flex;gap:0.8cm}.main{flex:3;text-align:justify}"
    ".box{flex:1;border:0.75pt solid #000;background:#e8eef4;padding:5pt;font-size:8pt}"
    ".box h3{font-size:9pt;margin:0 0 4pt 0}";
const std::string kBox = "<div class=\"box\"><h3>Faktaruta</h3><p>Länet har 280 000 invånare i "
                         "tio kommuner.</p><p>Regionen har 7 000 medarbetare.</p><p>Budgeten "
                         "för regional utveckling är 300 miljoner kronor.</p></div>";
const std::string kBoxTruth = "Faktaruta\nLänet har 280 000 invånare i tio kommuner.\nRegionen "
                              "har 7 000 medarbetare.\nBudgeten för regional utveckling är 300 "
                              "miljoner kronor.\n";

TEST(Magazine, AWideColumnThenTheFactPanelBoxedBesideIt) {
  const std::string body =
      "<div class=\"row\"><div class=\"main\">" + Paragraphs(0, 4) + "</div>" + kBox + "</div>";
  EXPECT_LT(Read("sidebar_right", kPage + kBoxCss, body, Truth(0, 4) + kBoxTruth).cer, 0.005);
}

TEST(Magazine, AFactPanelBoxedLeftOfTheWideColumnThenTheColumn) {
  const std::string body =
      "<div class=\"row\">" + kBox + "<div class=\"main\">" + Paragraphs(0, 4) + "</div></div>";
  EXPECT_LT(Read("sidebar_left", kPage + kBoxCss, body, kBoxTruth + Truth(0, 4)).cer, 0.005);
}

TEST(Magazine, ACalloutBoxOverTheGutterReadsAfterBothColumnsWrappedAroundIt) {
  // An information sheet's framed "Visste du att…" box set over the
  // middle of two columns, each column's lines stopping short at it
  // (spacers floated beside the box's place). The columns read whole, the
  // left one first, and the box after them; none of its lines is spliced
  // into the columns' lines level with it.
  const std::string css =
      kPage +
      "body{font-size:10pt;line-height:1.4}.wrap{position:relative}"
      ".cols{display:grid;grid-template-columns:1fr 1fr;column-gap:1.1cm}"
      ".push{width:0;height:3.2cm}.sp{width:3.6cm;height:3.4cm}"
      ".cols>div:first-child .push,.cols>div:first-child .sp{float:right;clear:right}"
      ".cols>div:last-child .push,.cols>div:last-child .sp{float:left;clear:left}"
      "h2{font-size:11pt;margin:0 0 2pt 0}"
      ".callout{position:absolute;left:50%;top:3.4cm;transform:translateX(-50%);width:6.6cm;"
      "background:#fff;border:1.5pt solid #234;padding:8pt;font-size:9pt}";
  const std::string callout =
      "Länets kommuner tog emot 41 000 nya invånare under perioden, och var tredje av dem var "
      "under 25 år.";
  const std::string body =
      "<div class=\"wrap\"><div class=\"cols\"><div><div class=\"push\"></div><div "
      "class=\"sp\"></div><h2>Bakgrund</h2>" + Paragraphs(0, 3) +
      "</div><div><div class=\"push\"></div><div class=\"sp\"></div><h2>Uppföljning</h2>" +
      Paragraphs(3, 6) + "</div></div><div class=\"callout\"><b>Visste du att…</b><br>" + callout +
      "</div></div>";
  const std::string truth = "Bakgrund\n" + Truth(0, 3) + "Uppföljning\n" + Truth(3, 6) +
                            "Visste du att…\n" + callout + "\n";
  EXPECT_LT(Read("callout_over_gutter", css, body, truth).cer, 0.005);
}

TEST(Magazine, APullQuoteInANarrowColumnBesideTheText) {
  const std::string css = kPage +
                          ".row{display:flex;gap:0.8cm}.main{flex:3}"
                          ".quote{flex:1;font-size:13pt;font-style:italic;padding-top:1cm}";
  const std::string quote =
      "Den digitala omställningen har tagit stora och konkreta kliv framåt.";
  const std::string body = "<div class=\"row\"><div class=\"main\">" + Paragraphs(2, 6) +
                           "</div><div class=\"quote\">" + quote + "</div></div>";
  EXPECT_LT(Read("pull_quote", css, body, Truth(2, 6) + quote + "\n").cer, 0.005);
}

TEST(Magazine, APullQuoteLeftOfTheTextReadsBeforeIt) {
  const std::string css = kPage +
                          ".row{display:flex;gap:0.8cm}.main{flex:3;text-align:justify}"
                          ".quote{flex:1;font-size:13pt;font-style:italic;padding-top:1cm}";
  const std::string quote = "Kompetensförsörjningen är en av de största utmaningarna.";
  const std::string body = "<div class=\"row\"><div class=\"quote\">" + quote +
                           "</div><div class=\"main\">" + Paragraphs(4, 8) + "</div></div>";
  EXPECT_LT(Read("pull_quote_left", css, body, quote + "\n" + Truth(4, 8)).cer, 0.005);
}

TEST(Magazine, ACaptionInTheMarginColumnLeftOfTheTextReadsBeforeIt) {
  const std::string css = kPage +
                          ".row{display:flex;gap:0.6cm}.main{flex:3}.fig{flex:1;font-size:7.5pt;"
                          "padding-top:2cm}";
  const std::string caption =
      "Foto: Regionens arkiv. Utbildningsdagen samlade deltagare från alla länets kommuner.";
  const std::string body = "<div class=\"row\"><div class=\"fig\"><p>" + caption +
                           "</p></div><div class=\"main\">" + Paragraphs(0, 5) +
                           "</div></div>";
  EXPECT_LT(Read("caption_margin", css, body, caption + "\n" + Truth(0, 5)).cer, 0.005);
}

TEST(Magazine, AnImageCaptionBesideTheTextReadsAfterIt) {
  const std::string css = kPage +
                          ".row{display:flex;gap:0.8cm}.main{flex:2}.fig{flex:1;font-size:8pt}"
                          ".img{height:4cm;background:#8aa}";
  const std::string caption =
      "Bild 2. Nya resecentrum i Västerås invigdes i maj och knyter samman tåg, regionbuss och "
      "stadsbuss.";
  const std::string body = "<div class=\"row\"><div class=\"main\">" + Paragraphs(0, 4) +
                           "</div><div class=\"fig\"><div class=\"img\"></div><p>" + caption +
                           "</p></div></div>";
  EXPECT_LT(Read("caption", css, body, Truth(0, 4) + caption + "\n").cer, 0.005);
}

// Two portrait pages (A5) side by side on each landscape A4 sheet, each
// with its own running header and page number, body in two columns.
std::string SpreadPage(int number, std::size_t from, std::size_t to) {
  return "<div class=\"pg\"><div class=\"head\">Årsredovisning 2023 · Österviks kommun</div>"
         "<div class=\"cols\">" +
         Paragraphs(from, to) + "</div><div class=\"foot\">" + std::to_string(number) +
         "</div></div>";
}

TEST(Magazine, ASpreadOfTwoPagesOnOneSheetReadsLeftPageThenRightPage) {
  const std::string css =
      "@page{size:297mm 210mm;margin:0}body{margin:0;font-size:9pt}p{margin:0 0 4pt 0}"
      ".sheet{display:flex;width:297mm;height:210mm;break-after:page}"
      ".pg{position:relative;width:148.5mm;height:210mm;box-sizing:border-box;padding:18mm 14mm}"
      ".head{position:absolute;top:8mm;left:14mm;font-size:7pt}"
      ".foot{position:absolute;bottom:8mm;left:0;right:0;text-align:center;font-size:8pt}"
      ".cols{column-count:2;column-gap:5mm;text-align:justify}";
  const std::string body =
      "<div class=\"sheet\">" + SpreadPage(2, 0, 4) + SpreadPage(3, 4, 8) + "</div>" +
      "<div class=\"sheet\">" + SpreadPage(4, 1, 5) + SpreadPage(5, 3, 7) + "</div>";
  const std::string truth = Truth(0, 4) + Truth(4, 8) + Truth(1, 5) + Truth(3, 7);
  EXPECT_LT(Read("spread", css, body, truth).cer, 0.005);
}

// The page numbers at the outer corners and each page's own header, as
// InDesign sets a report's spreads.
std::string OuterSpreadPage(int number, const std::string& head, std::size_t from,
                            std::size_t to) {
  const std::string side = number % 2 == 0 ? "left" : "right";
  return "<div class=\"pg\"><div class=\"head\" style=\"text-align:" + side + "\">" + head +
         "</div><div class=\"cols\">" + Paragraphs(from, to) +
         "</div><div class=\"foot\" style=\"text-align:" + side + "\">" +
         std::to_string(number) + "</div></div>";
}

TEST(Magazine, ASpreadWithOuterPageNumbersAndOwnHeadersReadsPageByPage) {
  const std::string css =
      "@page{size:297mm 210mm;margin:0}body{margin:0;font-size:8.5pt}p{margin:0 0 4pt 0}"
      ".sheet{display:flex;width:297mm;height:210mm;break-after:page}"
      ".pg{position:relative;width:148.5mm;height:210mm;box-sizing:border-box;padding:18mm 14mm}"
      ".head{position:absolute;top:8mm;left:14mm;right:14mm;font-size:7pt}"
      ".foot{position:absolute;bottom:8mm;left:14mm;right:14mm;font-size:8pt}"
      ".cols{column-count:2;column-gap:5mm}";
  const std::string body = "<div class=\"sheet\">" +
                           OuterSpreadPage(2, "Årsredovisning 2023", 0, 5) +
                           OuterSpreadPage(3, "Österviks kommun", 3, 8) + "</div>" +
                           "<div class=\"sheet\">" +
                           OuterSpreadPage(4, "Årsredovisning 2023", 1, 6) +
                           OuterSpreadPage(5, "Österviks kommun", 2, 7) + "</div>" +
                           "<div class=\"sheet\">" +
                           OuterSpreadPage(6, "Årsredovisning 2023", 0, 4) +
                           OuterSpreadPage(7, "Österviks kommun", 4, 8) + "</div>";
  const std::string truth =
      Truth(0, 5) + Truth(3, 8) + Truth(1, 6) + Truth(2, 7) + Truth(0, 4) + Truth(4, 8);
  EXPECT_LT(Read("spread_outer", css, body, truth).cer, 0.005);
}

TEST(Magazine, FourColumnsUnderAHeadingThenFourMoreUnderTheNextReadSectionBySection) {
  const std::string css = kPage + ".cols{column-count:4;column-gap:0.5cm;text-align:justify}"
                          "h2{font-size:13pt;margin:8pt 0 4pt 0}";
  const std::string body = "<h2>Regional utveckling</h2><div class=\"cols\">" +
                           Paragraphs(0, 4) + "</div><h2>Kompetensförsörjning</h2>"
                           "<div class=\"cols\">" + Paragraphs(4, 8) + "</div>";
  EXPECT_LT(Read("four_columns_sections", css, body,
                 "Regional utveckling\n" + Truth(0, 4) + "Kompetensförsörjning\n" + Truth(4, 8))
                .cer,
            0.005);
}

// A county board's newsletter: three justified columns, a heading spanning
// them, three more. Chromium balances the first section so that its last
// column ends two lines above the others, and sets the narrow columns'
// long words three to a line with their spaces stretched wide.
TEST(Magazine, ThreeColumnsThenAHeadingSpanningThemThenThreeMoreReadSectionBySection) {
  const std::vector<std::string> first = {
      "Länsstyrelsen har under hösten arbetat med den regionala handlingsplanen för "
      "klimatanpassning. Planen tas fram tillsammans med länets kommuner och Region Dalarna och "
      "ska vara klar under första halvåret 2025.",
      "I arbetet ingår en kartläggning av risker för översvämning, ras och skred längs Dalälven. "
      "Resultaten presenteras vid ett seminarium i Falun den 14 mars."};
  const std::vector<std::string> second = {
      "Naturvårdsverket har gett ut en ny vägledning om strandskydd. Länsstyrelsen kommer att "
      "hålla utbildningar för kommunernas handläggare under våren.",
      "Frågor om vägledningen besvaras av enheten för naturvård. Ärenden om dispens handläggs "
      "som tidigare av kommunerna, och överprövning sker hos Länsstyrelsen.",
      "Mer information finns på webbplatsen under rubriken natur och landskap, där även "
      "tidigare nyhetsbrev finns samlade."};
  const std::string css = "@page{size:A4;margin:15mm}body{font-size:10pt;margin:8px}h1{font-size:22pt}"
                          ".cols{column-count:3;column-gap:6mm;text-align:justify;hyphens:auto}"
                          "h2{column-span:all;font-size:14pt}";
  std::string body = "<h1>Nyhetsbrev från Länsstyrelsen i Dalarnas län</h1><div class=\"cols\">";
  std::string truth = "Nyhetsbrev från Länsstyrelsen i Dalarnas län\n";
  for (const std::string& p : first) body += "<p>" + p + "</p>", truth += p + "\n";
  body += "<h2>Ny vägledning för strandskydd</h2>";
  truth += "Ny vägledning för strandskydd\n";
  for (const std::string& p : second) body += "<p>" + p + "</p>", truth += p + "\n";
  body += "</div>";
  EXPECT_LT(Read("three_columns_spanning_heading", css, body, truth).cer, 0.005);
}

TEST(Magazine, TwoColumnsThenARuledHeadingSpanningThemThenTwoMoreReadSectionBySection) {
  // The heading's rules above and below it run between rows of the two
  // columns' text; they part no table's cells.
  const std::vector<std::string> first = {
      "Året präglades av att det nya kulturhuset kunde invigas den 14 september efter tre års "
      "ombyggnad. Under hösten genomfördes 86 föreställningar och konserter med sammanlagt drygt "
      "31 000 besökare.",
      "Stadsbiblioteket utökade sina öppettider med meröppet på lördagar och söndagar. Antalet lån "
      "ökade med 7 procent, främst inom barn- och ungdomslitteratur.",
      "Nämnden fördelade 9 860 tkr i föreningsbidrag till 142 föreningar. Aktivitetsstödet till "
      "barn- och ungdomsföreningar höjdes med 10 procent per deltagartillfälle."};
  const std::vector<std::string> second = {
      "Nämnden redovisar ett underskott om 2 140 tkr mot budget. Underskottet beror i huvudsak på "
      "högre kostnader än beräknat för invigningen och på ökade energikostnader i simhallen.",
      "Investeringarna uppgick till 18 450 tkr, vilket är 3 600 tkr lägre än budget. Upprustningen "
      "av konstgräsplanen har skjutits till 2025 på grund av förseningar i upphandlingen.",
      "Inför 2025 har nämnden fått ett utökat ramanslag om 4 000 tkr för driften av kulturhuset."};
  const std::string css =
      "@page{size:A4;margin:20mm 18mm}body{font-family:'Liberation Serif';font-size:10.5pt;"
      "line-height:1.4;margin:0}h1{font-family:'Liberation Sans';font-size:20pt;margin:1mm 0 5mm 0}"
      ".cols{column-count:2;column-gap:9mm;text-align:justify}.cols p{margin:0 0 2.5mm 0}"
      ".cols h3{font-family:'Liberation Sans';font-size:10.5pt;margin:2mm 0 1mm 0}"
      ".cols h2{column-span:all;font-family:'Liberation Sans';font-size:14pt;"
      "border-top:1pt solid #000;border-bottom:1pt solid #000;padding:1.5mm 0;margin:5mm 0 4mm 0}";
  std::string body = "<h1>Kultur- och fritidsnämnden</h1><div class=\"cols\"><h3>Årets händelser</h3>";
  std::string truth = "Kultur- och fritidsnämnden\nÅrets händelser\n";
  for (const std::string& p : first) body += "<p>" + p + "</p>", truth += p + "\n";
  body += "<h2>Ekonomiskt utfall</h2>";
  truth += "Ekonomiskt utfall\n";
  for (const std::string& p : second) body += "<p>" + p + "</p>", truth += p + "\n";
  body += "</div>";
  EXPECT_LT(Read("two_columns_ruled_heading", css, body, truth).cer, 0.005);
}

TEST(Magazine, KeyFiguresInBoxesSideBySideReadBoxByBox) {
  // An annual report's key figures: a large figure over a small caption
  // that wraps, four boxes in a row filled with colour (no rules).
  const std::vector<std::pair<std::string, std::string>> boxes = {
      {"48 mnkr", "Årets resultat"},
      {"1,8 %", "Resultat i förhållande till skatter och statsbidrag"},
      {"2 415", "Antal anställda den 31 december"},
      {"21,35 kr", "Kommunal skattesats per hundra kronor"}};
  const std::string css =
      "@page{size:A4;margin:20mm}body{font-family:'Liberation Sans';font-size:10.5pt;margin:0}"
      ".row{display:flex;gap:5mm;margin:6mm 0}.box{flex:1;background:#0b4a6f;color:#fff;"
      "padding:5mm 4mm;min-height:30mm}.n{font-size:19pt;font-weight:bold;white-space:nowrap}"
      ".t{font-size:9pt;margin-top:2mm;line-height:1.25}";
  std::string body = "<h1>Året i korthet</h1><p>" + kText[0] + "</p><div class=\"row\">";
  std::string truth = "Året i korthet\n" + kText[0] + "\n";
  for (const auto& [figure, caption] : boxes) {
    body += "<div class=\"box\"><div class=\"n\">" + figure + "</div><div class=\"t\">" + caption +
            "</div></div>";
    truth += figure + "\n" + caption + "\n";
  }
  body += "</div><p>" + kText[1] + "</p>";
  truth += kText[1] + "\n";
  EXPECT_LT(Read("key_figures", css, body, truth).cer, 0.005);
}

// A fact box floated right of the text, as Word's text box with square
// wrapping or an HTML float: the paragraph runs beside it and goes on below
// it mid-sentence, and is read whole before the box.
TEST(Magazine, TextWrappedAroundAFactBoxReadsOnBelowItBeforeTheBox) {
  const std::vector<std::string> text = {
      "Region Gävleborg driver sedan 2024 ett projekt för att stärka kompetensförsörjningen "
      "inom vård och omsorg i länet. Projektet genomförs tillsammans med länets tio kommuner "
      "och Högskolan i Gävle, och riktar sig särskilt till personer som saknar fullständig "
      "gymnasieutbildning.",
      "Insatserna omfattar validering av yrkeskunskaper, språkstöd och handledning på "
      "arbetsplatsen. Under det första året har 180 deltagare påbörjat en utbildning, och av "
      "dem har 120 fått en anställning inom vård och omsorg. Resultaten följs upp av en extern "
      "utvärderare som rapporterar till styrgruppen två gånger per år.",
      "Erfarenheterna från projektet ska tas tillvara i den regionala kompetensplattformen och "
      "i arbetet med den regionala utvecklingsstrategin."};
  const std::string box = "Projektägare: Region Gävleborg<br>Budget: 4,2 miljoner kronor<br>"
                          "Period: 2024–2026<br>Finansiering: Europeiska regionala "
                          "utvecklingsfonden";
  const std::string css = "@page{size:A4;margin:25mm}body{font-size:11pt;margin:8px}"
                          ".box{float:right;width:60mm;margin:0 0 4mm 6mm;padding:3mm;"
                          "border:1px solid #333;font-family:'Liberation Sans';font-size:9pt}"
                          ".box h4{margin:0 0 2mm 0}";
  const std::string body = "<h2>Bakgrund</h2><div class=\"box\"><h4>Fakta om projektet</h4>" +
                           box + "</div><p>" + text[0] + "</p><p>" + text[1] + "</p><p>" +
                           text[2] + "</p>";
  const std::string truth = "Bakgrund\n" + text[0] + "\n" + text[1] +
                            "\nFakta om projektet\nProjektägare: Region Gävleborg Budget: 4,2 "
                            "miljoner kronor Period: 2024–2026 Finansiering: Europeiska "
                            "regionala utvecklingsfonden\n" + text[2] + "\n";
  EXPECT_LT(Read("float_box", css, body, truth).cer, 0.005);
}

// The same box floated left, with room between its lines: few of its lines
// are level with the text's, and read row by row the two would alternate.
// The box is read first, then the text, whole.
TEST(Magazine, TextWrappedRightOfAFactBoxReadsAfterTheBoxWhole) {
  const std::vector<std::string> text = {
      "Förslaget till ny översiktsplan för Falu kommun har varit utställt för samråd under "
      "vintern 2024. Under samrådstiden hölls sex öppna möten i kommunens tätorter, bland annat "
      "i Bjursås, Sundborn och Svärdsjö, där sammanlagt cirka 400 personer deltog.",
      "De flesta yttrandena handlar om bostadsbyggande på landsbygden, skydd av jordbruksmark "
      "och utvecklingen av kollektivtrafiken mellan Falun och de mindre orterna. Länsstyrelsen i "
      "Dalarnas län har i sitt yttrande framfört synpunkter på hur riksintressen för "
      "kulturmiljövården i Stora Kopparbergets gruvområde redovisas.",
      "Kommunen har efter samrådet gjort ett antal ändringar i planförslaget. Utbyggnadsområdet "
      "vid Främby udde har minskats för att ta hänsyn till strandskyddet, och ett nytt avsnitt om "
      "klimatanpassning och skyfall har lagts till. Vidare har redovisningen av riksintressen "
      "kompletterats med kartor som visar värdekärnorna.",
      "Det reviderade planförslaget kommer att ställas ut för granskning under hösten 2024. "
      "Därefter ska kommunfullmäktige ta ställning till om planen ska antas. Enligt tidplanen "
      "sker antagandet under våren 2025."};
  const std::vector<std::string> box = {"Samrådstid: 2024-01-15 till 2024-03-31",
                                        "Antal yttranden: 187", "Dnr: KS 2023/0734",
                                        "Ansvarig nämnd: Kommunstyrelsens planeringsutskott"};
  const std::string css = "@page{size:A4;margin:22mm}body{font-size:11.5pt;text-align:justify;margin:8px}"
                          ".box{float:left;width:60mm;border:1px solid #000;padding:3mm;"
                          "margin:0 6mm 3mm 0;font-family:'Liberation Sans';font-size:9.5pt;"
                          "text-align:left}.box h4{margin:0 0 2mm 0}.box p{margin:0 0 2mm 0}"
                          "h1{font-family:'Liberation Sans';font-size:16pt}";
  const std::string title = "Översiktsplan för Falu kommun – samrådsredogörelse";
  std::string body = "<h1>" + title + "</h1><div class=\"box\"><h4>Fakta om samrådet</h4>";
  for (const std::string& b : box) body += "<p>" + b + "</p>";
  body += "</div>";
  for (const std::string& t : text) body += "<p>" + t + "</p>";
  std::string truth = title + "\nFakta om samrådet\n";
  for (const std::string& b : box) truth += b + "\n";
  for (const std::string& t : text) truth += t + "\n";
  EXPECT_LT(Read("float_box_left", css, body, truth).cer, 0.005);
}

TEST(Magazine, AHeadingOverTwoOfThreeColumnsReadsBeforeThoseTwo) {
  const std::string css = kPage +
                          ".grid{display:grid;grid-template-columns:1fr 2fr;gap:0.6cm}"
                          ".two{column-count:2;column-gap:0.6cm}h2{font-size:14pt;margin:0 0 6pt 0}";
  const std::string body = "<div class=\"grid\"><div>" + Paragraphs(0, 3) +
                           "</div><div><h2>Kompetensförsörjning i länet</h2><div class=\"two\">" +
                           Paragraphs(3, 8) + "</div></div></div>";
  EXPECT_LT(Read("heading_two_of_three", css, body,
                 Truth(0, 3) + "Kompetensförsörjning i länet\n" + Truth(3, 8))
                .cer,
            0.005);
}

TEST(Magazine, AParagraphBrokenAcrossAColumnBreakReadsAsOneParagraph) {
  const std::string css = kPage + ".cols{column-count:2;column-gap:0.8cm;text-align:justify}";
  std::string paragraph;
  for (std::size_t i = 0; i < 5; ++i) paragraph += (i ? " " : "") + kText[i];
  const std::string body = "<div class=\"cols\"><p>" + paragraph + "</p></div>";
  const Reading r = Read("column_break", css, body, paragraph + "\n");
  EXPECT_LT(r.cer, 0.005);
  EXPECT_TRUE(testing::HasLine(r.text, paragraph)) << r.text;
}

TEST(Magazine, ALandscapeTableBetweenPortraitPagesReadsRowByRow) {
  const std::string css =
      "@page{size:A4;margin:2cm}@page wide{size:A4 landscape;margin:2cm}"
      "body{font-size:10pt}.wide{page:wide}table{border-collapse:collapse}"
      "td,th{padding:2pt 8pt;text-align:left}";
  const std::vector<std::vector<std::string>> rows = {
      {"Verksamhet", "Budget 2022", "Utfall 2022", "Budget 2023", "Utfall 2023", "Avvikelse",
       "Kommentar"},
      {"Kollektivtrafik", "1 240", "1 198", "1 310", "1 287", "23", "Lägre kostnader för drivmedel"},
      {"Kultur", "312", "305", "330", "334", "-4", "Fler sökta bidrag"},
      {"Folkhälsa", "88", "91", "95", "92", "3", "Vakanser under året"},
      {"Näringsliv", "145", "139", "150", "151", "-1", "Enligt plan"},
  };
  std::string table = "<table>";
  std::string table_text;
  for (const auto& row : rows) {
    table += "<tr>";
    std::string line;
    for (const std::string& cell : row) {
      table += "<td>" + cell + "</td>";
      line += (line.empty() ? "" : " | ") + cell;
    }
    table += "</tr>";
    table_text += line + "\n";
  }
  table += "</table>";
  const std::string body = Paragraphs(0, 3) + "<div class=\"wide\">" + table + "</div>" +
                           "<div style=\"break-before:page\">" + Paragraphs(3, 6) + "</div>";
  const Reading r = Read("landscape_table", kPage + css, body, Truth(0, 3) + table_text +
                                                                   Truth(3, 6));
  EXPECT_LT(r.cer, 0.005);
  EXPECT_TRUE(testing::HasLine(r.text, "Kultur | 312 | 305 | 330 | 334 | -4 | Fler sökta bidrag"))
      << r.text;
}

TEST(Magazine, ALargeHeadingAndItsSubtitleAreLinesOfTheirOwn) {
  const std::string css = kPage + "h1{font-size:28pt;margin:0}.sub{font-size:14pt;margin:0 0 12pt 0}";
  const std::string body = "<h1>Regional utvecklingsplan</h1><p class=\"sub\">Så arbetar vi för "
                           "ett livskraftigt län 2024–2027</p>" + Paragraphs(0, 3);
  const Reading r =
      Read("title_subtitle", css, body,
           "Regional utvecklingsplan\nSå arbetar vi för ett livskraftigt län 2024–2027\n" +
               Truth(0, 3));
  EXPECT_LT(r.cer, 0.005);
  EXPECT_TRUE(testing::HasLine(r.text, "Regional utvecklingsplan")) << r.text;
  EXPECT_TRUE(testing::HasLine(r.text, "Så arbetar vi för ett livskraftigt län 2024–2027"))
      << r.text;
}

TEST(Magazine, NumberedHeadingsKeepTheirNumbersOnTheirLines) {
  const std::string css = kPage + "h2{font-size:16pt}h3{font-size:13pt}h4{font-size:11pt}";
  const std::string body = "<h2>2 Mål och inriktning</h2>" + Paragraphs(0, 1) +
                           "<h3>2.3 Kompetensförsörjning</h3>" + Paragraphs(1, 2) +
                           "<h4>2.3.1 Validering och yrkesutbildning</h4>" + Paragraphs(2, 3);
  const Reading r = Read("numbered_headings", css, body,
                         "2 Mål och inriktning\n" + Truth(0, 1) + "2.3 Kompetensförsörjning\n" +
                             Truth(1, 2) + "2.3.1 Validering och yrkesutbildning\n" + Truth(2, 3));
  EXPECT_LT(r.cer, 0.005);
  EXPECT_TRUE(testing::HasLine(r.text, "2.3.1 Validering och yrkesutbildning")) << r.text;
}

}  // namespace
}  // namespace diar
