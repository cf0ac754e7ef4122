// PDFs from a producer authorities use: Chromium's print-to-PDF (the
// browser's "Save as PDF"), printed here from HTML the tests write
// (chromium_printer.h). Chromium keeps every soft hyphen as an invisible
// U+00AD glyph, draws the hyphen of a break at a soft hyphen as U+00AD
// U+2010, and lays out tables and columns itself.
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

const char* const kSoftHyphen = "\xC2\xAD";

// Authority prose written for these tests.
const std::vector<std::string> kParagraphs = {
    "Kommunfullmäktige beslutade att anta verksamhetsplanen för utbildningsnämnden "
    "och uppdrog åt kommunstyrelsen att följa upp folkhälsostrategin årligen.",
    "Regionstyrelsen har remitterat medborgarförslaget om trädplantering till "
    "samhällsbyggnadsnämnden, som ska redovisa miljökonsekvensbeskrivningen i december.",
    "Arbetsmarknadsavdelningen samordnar kompetensförsörjningen tillsammans med "
    "länets kommuner, Arbetsförmedlingen och lärosätena under perioden 2024–2027.",
    "Förvaltningen bedömer att de ekonomiska konsekvenserna ryms inom befintlig budget "
    "och att uppföljningen sker inom ramen för delårsrapporteringen.",
};

// `text` with a soft hyphen after every third letter of each word of seven
// letters or more, as hyphenation tools mark words for the web: many more
// soft hyphens than a page has broken lines.
std::string MarkSoftHyphens(const std::string& text) {
  std::string out;
  std::size_t word_start = 0;
  auto flush_word = [&](std::size_t end) {
    const std::string word = text.substr(word_start, end - word_start);
    // Letters counted as code points; continuation bytes do not start one.
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < word.size(); ++i) {
      if ((static_cast<unsigned char>(word[i]) & 0xC0) != 0x80) starts.push_back(i);
    }
    const bool plain = word.find_first_of("-–0123456789,.") == std::string::npos;
    for (std::size_t k = 0; k < starts.size(); ++k) {
      const std::size_t next = k + 1 < starts.size() ? starts[k + 1] : word.size();
      out += word.substr(starts[k], next - starts[k]);
      if (plain && starts.size() >= 7 && k % 3 == 2 && k + 2 < starts.size()) out += kSoftHyphen;
    }
  };
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ' ') {
      flush_word(i);
      if (i < text.size()) out += ' ';
      word_start = i + 1;
    }
  }
  return out;
}

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(Producers, ChromiumSoftHyphensNeitherSendPagesToOcrNorStayInTheText) {
  std::string body, truth;
  for (int round = 0; round < 6; ++round) {
    for (const std::string& p : kParagraphs) {
      body += "<p>" + MarkSoftHyphens(p) + "</p>";
      truth += p + "\n";
    }
  }
  // Justified in a narrow measure, so many lines break at soft hyphens.
  Result<ExtractedDocument> doc =
      PrintAndExtract("soft_hyphens", Html("p{width:11cm;text-align:justify}", body));
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  ASSERT_GE(doc->pages.size(), 2u);
  for (const ExtractedPage& page : doc->pages) EXPECT_FALSE(page.ocr) << "page " << page.number;
  const NormalisedText text = Normalise(*doc, {});
  const double cer = testing::CharacterErrorRate(text.text, truth);
  std::cout << "CER " << std::fixed << std::setprecision(3) << cer * 100 << " %\n";
  EXPECT_LT(cer, 0.005) << text.text;
  EXPECT_EQ(text.text.find(kSoftHyphen), std::string::npos);
}

TEST(Producers, ChromiumBreaksJoinWordsAndTypedHyphensStay) {
  // Hand-marked as a writer would: soft hyphens in the long words, typed
  // hyphens where the words have them. The same paragraph at many widths
  // puts line breaks at every mark.
  const std::string para =
      std::string("Strategin för Stock") + kSoftHyphen + "holms" + kSoftHyphen + "re" + kSoftHyphen +
      "gio" + kSoftHyphen + "nens utveckling tar upp EU-re" + kSoftHyphen + "la" + kSoftHyphen +
      "te" + kSoftHyphen + "ra" + kSoftHyphen + "de frågor.";
  std::string body;
  for (int width = 30; width <= 75; width += 3) {
    body += "<p style=\"width:" + std::to_string(width) + "mm\">" + para + "</p>";
  }
  Result<ExtractedDocument> doc = PrintAndExtract("breaks", Html("", body));
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  // The case happens: a break drawn at a soft hyphen after "EU-re...".
  bool eu_broken = false;
  for (const ExtractedPage& page : doc->pages) {
    for (const TextLine& line : page.lines) {
      eu_broken = eu_broken || (line.text.find("EU-re") != std::string::npos &&
                                line.text.ends_with(std::string(kSoftHyphen) + "\xE2\x80\x90"));
    }
  }
  EXPECT_TRUE(eu_broken);
  const std::string text = Normalise(*doc, {}).text;
  const std::size_t n = 16;  // widths 30, 33, ..., 75
  EXPECT_EQ(Count(text, "Stockholmsregionens"), n) << text;
  EXPECT_EQ(Count(text, "EU-relaterade"), n) << text;
}

TEST(Producers, ChromiumTypedLineEndHyphenStaysWhereBreaksAreMarked) {
  // The compound with its typed hyphen opens a paragraph too narrow for it,
  // so the line breaks after the hyphen; nothing else in the document
  // writes the word, so only the marked breaks tell the hyphen is real.
  std::string body = "<p style=\"width:45mm\">medborgarförslag-kommuninnevånarnas synpunkter "
                     "redovisas.</p>";
  for (const std::string& p : kParagraphs) body += "<p style=\"width:60mm\">" + MarkSoftHyphens(p) + "</p>";
  Result<ExtractedDocument> doc = PrintAndExtract("typed_hyphen", Html("", body));
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  ASSERT_FALSE(doc->pages.empty());
  ASSERT_FALSE(doc->pages[0].lines.empty());
  EXPECT_EQ(doc->pages[0].lines[0].text, "medborgarförslag-");
  const std::string text = Normalise(*doc, {}).text;
  EXPECT_NE(text.find("medborgarförslag-kommuninnevånarnas synpunkter"), std::string::npos) << text;
}

// Page furniture as Chromium prints it from CSS page-margin boxes.
const char* const kPageCss =
    "@page{size:A4;margin:2cm 2cm 2.5cm 2cm;"
    "@bottom-center{content:'Sida ' counter(page) ' av ' counter(pages);"
    "font-family:'Liberation Sans';font-size:9pt}}";

TEST(Producers, OnePageLetterKeepsItsLetterheadAndDropsSidaEttAvEtt) {
  const std::string body =
      "<div style=\"font-family:'Liberation Sans';font-size:14pt\">Region Exempel</div>"
      "<div style=\"font-family:'Liberation Sans';font-size:9pt;margin-bottom:1cm\">"
      "Regionala utvecklingsförvaltningen</div><h2>Tjänsteskrivelse</h2><p>" + kParagraphs[0] +
      "</p><p>" + kParagraphs[3] + "</p>";
  Result<ExtractedDocument> doc = PrintAndExtract("letter", Html(kPageCss, body));
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  ASSERT_EQ(doc->pages.size(), 1u);
  const NormalisedText text = Normalise(*doc, {});
  EXPECT_EQ(text.text.rfind("Region Exempel\nRegionala utvecklingsförvaltningen\n", 0), 0u) << text.text;
  EXPECT_EQ(text.text.find("Sida"), std::string::npos) << text.text;
  ASSERT_EQ(text.removed_lines.size(), 1u);
  EXPECT_EQ(text.removed_lines[0], std::vector<std::string>{"Sida 1 av 1"});
}

TEST(Producers, ColumnPagesReadInOrderAndLoseTheirSidaNAvMFooterWhole) {
  // Sections of full-width text and two balanced columns, so some sections
  // end mid-page with short columns.
  std::string body, truth;
  for (int round = 0; round < 5; ++round) {
    const std::string heading = "Avsnitt " + std::to_string(round + 1);
    body += "<h2>" + heading + "</h2><p>" + kParagraphs[round % 4] +
            "</p><div style=\"column-count:2;column-gap:1cm;text-align:justify\">";
    truth += heading + "\n" + kParagraphs[round % 4] + "\n";
    for (int i = 0; i < 6; ++i) {
      body += "<p>" + kParagraphs[(round + i) % 4] + "</p>";
      truth += kParagraphs[(round + i) % 4] + "\n";
    }
    body += "</div>";
  }
  Result<ExtractedDocument> doc = PrintAndExtract("column_footer", Html(kPageCss, body));
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  ASSERT_GE(doc->pages.size(), 2u);
  const NormalisedText text = Normalise(*doc, {});
  const double cer = testing::CharacterErrorRate(text.text, truth);
  std::cout << "CER " << std::fixed << std::setprecision(3) << cer * 100 << " %\n";
  EXPECT_LT(cer, 0.005) << text.text;
  EXPECT_EQ(text.text.find("Sida"), std::string::npos) << text.text;
  const std::string pages = std::to_string(doc->pages.size());
  for (std::size_t p = 0; p < doc->pages.size(); ++p) {
    EXPECT_EQ(text.removed_lines[p],
              std::vector<std::string>{"Sida " + std::to_string(p + 1) + " av " + pages});
  }
}

TEST(Producers, RuledTableReadsRowByRowWithWrappedCellsJoined) {
  // Three columns, cells that wrap (at soft hyphens too), borders drawn by
  // Chromium; text before and after the table.
  const std::string shy = kSoftHyphen;
  const std::vector<std::vector<std::string>> rows = {
      {"Dokument", "Typ", "Ansvarig"},
      {"Kulturnämndens riktlinjer för bidrag och informa" + shy + "tion om stöd", "Riktlinjer",
       "Kultur" + shy + "nämnden"},
      {"Strategi för hälsa", "Strategi", "SKR"},
      {"Regional utvecklings" + shy + "strategi för Västmanlands län 2030", "Strategi",
       "Region Väst" + shy + "manland"},
  };
  std::string body = "<p>" + kParagraphs[0] + "</p><table style=\"width:11cm\">";
  for (const auto& row : rows) {
    body += "<tr>";
    for (const std::string& cell : row) body += "<td>" + cell + "</td>";
    body += "</tr>";
  }
  body += "</table><p>" + kParagraphs[3] + "</p>";
  Result<ExtractedDocument> doc = PrintAndExtract(
      "table", Html("table{border-collapse:collapse}td{border:1px solid #000;padding:3pt;"
                    "vertical-align:top}", body));
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  const std::string text = Normalise(*doc, {}).text;
  const std::string want = kParagraphs[0] +
                           "\nDokument | Typ | Ansvarig"
                           "\nKulturnämndens riktlinjer för bidrag och information om stöd | "
                           "Riktlinjer | Kulturnämnden"
                           "\nStrategi för hälsa | Strategi | SKR"
                           "\nRegional utvecklingsstrategi för Västmanlands län 2030 | Strategi | "
                           "Region Västmanland\n" + kParagraphs[3];
  EXPECT_EQ(text, want);
}

TEST(Producers, RuledTableCellSpanningColumnsIsOneCell) {
  // A header cell over two columns (colspan) and a full-width row: no
  // vertical rule runs through them, so their text is one cell each.
  const std::string body =
      "<p>" + kParagraphs[0] + "</p><table style=\"width:13cm\">"
      "<tr><td rowspan=\"2\">Projekt</td><td colspan=\"2\">Budget per år (tkr)</td></tr>"
      "<tr><td>2025</td><td>2026</td></tr>"
      "<tr><td>Ny simhall i Iggesund</td><td>12 500</td><td>48 000</td></tr>"
      "<tr><td colspan=\"3\">Beskriv projektets syfte och hur det bidrar till kommunens mål "
      "för folkhälsa och ett aktivt fritidsliv för alla åldrar</td></tr>"
      "<tr><td>Gång- och cykelväg längs Kvarnvägen</td><td>3 200</td><td>1 100</td></tr>"
      "</table><p>" + kParagraphs[3] + "</p>";
  Result<ExtractedDocument> doc = PrintAndExtract(
      "table_spans", Html("table{border-collapse:collapse}td{border:1px solid #000;padding:3pt;"
                          "vertical-align:top}", body));
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  const std::string text = Normalise(*doc, {}).text;
  EXPECT_NE(text.find("\nProjekt | Budget per år (tkr)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\nBeskriv projektets syfte och hur det bidrar till kommunens mål för "
                      "folkhälsa och ett aktivt fritidsliv för alla åldrar\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\nNy simhall i Iggesund | 12 500 | 48 000\n"), std::string::npos) << text;
}

TEST(Producers, AFormWhoseEveryRowSpansTwoOfItsColumnsReadsCellByCell) {
  // A form's signature boxes: a fixed grid of three columns, each row a box
  // and a box over the other two. Chromium draws each row's border column
  // by column, so the border over the spanning box is two pieces meeting
  // end to end with no vertical rule under the joint; they are one rule,
  // and the boxes one table read box by box, each box's label before its
  // value.
  const std::string body =
      "<p>" + kParagraphs[0] + "</p><table><tr><td></td><td></td><td></td></tr>"
      "<tr><td><span class=\"l\">Ort och datum</span>Gävle 2025-05-20</td><td colspan=\"2\">"
      "<span class=\"l\">Underskrift</span>&nbsp;</td></tr>"
      "<tr><td><span class=\"l\">Namnförtydligande</span>Karin Lund</td><td colspan=\"2\">"
      "<span class=\"l\">Befattning</span>Enhetschef</td></tr></table><p>" + kParagraphs[3] +
      "</p>";
  Result<ExtractedDocument> doc = PrintAndExtract(
      "form_spans",
      Html("table{width:16cm;border-collapse:collapse;table-layout:fixed}"
           "tr:first-child td{height:0;padding:0;border:0}"
           "tr:not(:first-child) td{border:0.8pt solid #000;padding:1mm 1.5mm;height:10mm;"
           "vertical-align:top}.l{display:block;font-size:7pt;margin-bottom:1mm}",
           body));
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  const std::string text = Normalise(*doc, {}).text;
  EXPECT_NE(text.find("\nOrt och datum Gävle 2025-05-20 | Underskrift\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("\nNamnförtydligande Karin Lund | Befattning Enhetschef\n"),
            std::string::npos)
      << text;
}

TEST(Producers, ChromiumSubscriptsJoinTheirWord) {
  // <sub> is set at 0.83 of the size and lowered: "CO" and "2" are one word.
  Result<ExtractedDocument> doc = PrintAndExtract(
      "subscripts", Html("", "<p>Målet är att utsläppen av CO<sub>2</sub> ska halveras och att "
                             "halterna av NO<sub>2</sub> och PM<sub>2,5</sub> ska klara normen.</p>"));
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_EQ(Normalise(*doc, {}).text,
            "Målet är att utsläppen av CO2 ska halveras och att halterna av NO2 och PM2,5 ska "
            "klara normen.");
}

TEST(Producers, ChromiumFootnoteReferencesAreDropped) {
  // <sup> is set at 0.83 of the size and raised: a note's number glued to
  // its word goes; the note stays where it is.
  Result<ExtractedDocument> doc = PrintAndExtract(
      "note_references",
      Html("", "<p>Befolkningen ökade med 1,2 procent under 2024<sup>1</sup> och väntas öka "
               "även i år.<sup>2</sup></p>"));
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_EQ(Normalise(*doc, {}).text,
            "Befolkningen ökade med 1,2 procent under 2024 och väntas öka även i år.");
}

TEST(Producers, ChromiumListBulletsDrawnAsShapesOpenTheirItems) {
  // Chromium draws a list's discs, squares and rings as paths, not glyphs:
  // without them the items ran together, lower-case starts and all.
  const std::string body =
      "<p>Nämnden prioriterar verksamhet som</p>"
      "<ul><li>når barn och unga som annars inte deltar,</li><li>bidrar till jämställdhet,</li></ul>"
      "<ul style=\"list-style:square\"><li>ökar tillgängligheten,</li></ul>"
      "<ul style=\"list-style:circle\"><li>bygger på ideellt engagemang.</li></ul>";
  Result<ExtractedDocument> doc = PrintAndExtract("bullets", Html("", body));
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_EQ(Normalise(*doc, {}).text,
            "Nämnden prioriterar verksamhet som\n"
            "• når barn och unga som annars inte deltar,\n"
            "• bidrar till jämställdhet,\n"
            "• ökar tillgängligheten,\n"
            "• bygger på ideellt engagemang.");
}

TEST(Producers, TurnedMarginNotesFollowThePageInTheOrderTheDocumentHasThem) {
  // Text set vertically or turned (a registry stamp, an annex label in the
  // margin) is read after the page's lines, in the order drawn, which is
  // the document's; poppler's own block order put the label up the left
  // edge before the stamp down the right one.
  const std::string style =
      ".stamp{writing-mode:vertical-rl;height:300px;float:right}"
      ".label{transform:rotate(-90deg);position:absolute;left:-60px;top:400px}";
  const std::string body =
      "<div class=\"stamp\">Diarienummer KS 2023/145</div>"
      "<p>Kommunstyrelsen beslutar att anta kulturplanen.</p>"
      "<div class=\"label\">Bilaga 1 till protokoll</div>";
  Result<ExtractedDocument> doc = PrintAndExtract("margin_notes", Html(style, body));
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_EQ(Normalise(*doc, {}).text,
            "Kommunstyrelsen beslutar att anta kulturplanen.\n"
            "Diarienummer KS 2023/145\n"
            "Bilaga 1 till protokoll");
}

}  // namespace
}  // namespace diar
