// Tables without vertical rules, as LibreOffice, Word and browsers lay them
// out by default (no borders, or a rule under each row), printed here by
// Chromium (chromium_printer.h) and read row by row: each row one line,
// cells separated by " | ", a cell's wrapped lines joined and dehyphenated
// in the cell. And the layouts that look a little like tables but are not:
// two-column text, a hanging-indent list, a letterhead with tab stops.
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

const char* const kShy = "\xC2\xAD";

const std::string kBefore =
    "Kommunfullmäktige beslutade att anta verksamhetsplanen för utbildningsnämnden och uppdrog "
    "åt kommunstyrelsen att följa upp folkhälsostrategin årligen.";
const std::string kAfter =
    "Förvaltningen bedömer att de ekonomiska konsekvenserna ryms inom befintlig budget och att "
    "uppföljningen sker inom ramen för delårsrapporteringen.";

using Table = std::vector<std::vector<std::string>>;

// The table as HTML rows; a cell's first character '>' right-aligns it.
std::string TableHtml(const Table& rows, const std::string& table_style) {
  std::string html = "<table style=\"" + table_style + "\">";
  for (const std::vector<std::string>& row : rows) {
    html += "<tr>";
    for (const std::string& cell : row) {
      html += cell.starts_with(">") ? "<td style=\"text-align:right\">" + cell.substr(1) + "</td>"
                                    : "<td>" + cell + "</td>";
    }
    html += "</tr>";
  }
  return html + "</table>";
}

// What a reader takes the table to say: a row per line, cells in order
// joined by " | ", soft hyphens and alignment marks gone; an empty cell
// between two cells of text keeps its place ("Summa | | 412 500").
std::string TableText(const Table& rows) {
  std::string text;
  for (const std::vector<std::string>& row : rows) {
    std::size_t begin = 0, end = row.size();
    while (begin < end && row[begin].empty()) ++begin;
    while (end > begin && row[end - 1].empty()) --end;
    std::string line;
    for (std::size_t c = begin; c < end; ++c) {
      std::string cell = row[c];
      if (cell.starts_with(">")) cell.erase(0, 1);
      for (std::size_t at; (at = cell.find(kShy)) != std::string::npos;) cell.erase(at, 2);
      if (c > begin) line += cell.empty() ? " |" : " | ";
      line += cell;
    }
    text += line + "\n";
  }
  return text;
}

// Prints the table between two paragraphs and returns the normalised text,
// printing its CER against the reader's text.
std::string ReadTablePage(const std::string& name, const std::string& css, const Table& rows,
                          const std::string& table_style) {
  const std::string body =
      "<p>" + kBefore + "</p>" + TableHtml(rows, table_style) + "<p>" + kAfter + "</p>";
  Result<ExtractedDocument> doc = PrintAndExtract("table_" + name, Html(css, body));
  EXPECT_TRUE(doc.ok()) << doc.error().message;
  if (!doc.ok()) return "";
  const std::string text = Normalise(*doc, {}).text;
  const std::string want = kBefore + "\n" + TableText(rows) + kAfter;
  std::cout << "CER " << std::fixed << std::setprecision(3)
            << testing::CharacterErrorRate(text, want) * 100 << " %  " << name << "\n";
  return text;
}

std::string Want(const Table& rows) { return kBefore + "\n" + TableText(rows) + kAfter; }

TEST(AlignedTables, AThreeColumnTableWithoutRulesReadsRowByRowWithWrappedCellsJoined) {
  const Table rows = {
      {"Åtgärd", "Ansvar", "Tidplan"},
      {std::string("Ta fram en handlingsplan för kompetens") + kShy + "försörjning i länet",
       std::string("Regionala utvecklings") + kShy + "förvaltningen", "Hösten 2024"},
      {std::string("Samordna dialog") + kShy + "möten med näringslivet och civilsamhället",
       std::string("Kommun") + kShy + "styrelsen", "Löpande under 2024 och 2025"},
      {"Följ upp", "Nämnden", "December"},
  };
  const std::string text =
      ReadTablePage("unruled", "td{vertical-align:top;padding:2pt 6pt}", rows, "width:15cm");
  EXPECT_EQ(text, Want(rows));
}

TEST(AlignedTables, ATableWithHorizontalRulesOnlyReadsRowByRow) {
  const Table rows = {
      {"Mål", "Ansvar", "Uppföljning"},
      {"Andelen elever som når kunskapskraven i alla ämnen ska öka", "Utbildningsnämnden",
       "Årligen i verksamhets" + std::string(kShy) + "berättelsen"},
      {"Sjukfrånvaron bland medarbetarna ska minska", "Samtliga nämnder",
       "Delårsrapport och årsredovisning"},
      {"Kommunens klimatutsläpp ska halveras till 2030", "Kommunstyrelsen", "Klimatbokslut"},
  };
  const std::string text = ReadTablePage(
      "horizontal_rules",
      "table{border-collapse:collapse}td{vertical-align:top;padding:3pt 6pt;"
      "border-bottom:1px solid #000}",
      rows, "width:15cm");
  EXPECT_EQ(text, Want(rows));
}

TEST(AlignedTables, ATableWithoutCellPaddingKeepsAWrappedRowTogetherAndPartsTheNext) {
  // Word's default: no space between rows, so only the lines tell where a
  // row ends: a cell's next line that would have fitted on its last line
  // starts a new row.
  const Table rows = {
      {"Insats", "Ansvar", "Uppföljning"},
      {"Utveckla samverkan mellan skola och socialtjänst kring barn i behov av särskilt stöd",
       "Socialnämnden och utbildningsnämnden", "Årligen i verksamhetsberättelsen"},
      {"Inför digital ansökan om försörjningsstöd", "Socialnämnden", "Delårsrapport augusti 2024"},
      {"Se över lokalförsörjningsplanen", "Samhällsbyggnadsförvaltningen", "December 2024"},
  };
  const std::string text = ReadTablePage(
      "no_padding",
      "body{font-family:'Liberation Sans';font-size:11pt}"
      "table{border-collapse:collapse}td{vertical-align:top;padding:0 5.4pt}"
      "td:first-child{width:7cm}",
      rows, "width:16cm");
  EXPECT_EQ(text, Want(rows));
}

TEST(AlignedTables, ABudgetTableWithRightAlignedAmountsReadsRowByRow) {
  const Table rows = {
      {"Tkr", ">Budget 2024", ">Utfall 2024", ">Avvikelse"},
      {"Intäkter", ">12 500", ">13 120", ">620"},
      {"Personalkostnader", ">-48 300", ">-49 010", ">-710"},
      {"Övriga kostnader", ">-9 200", ">-8 750", ">450"},
      {"Nettokostnad", ">-45 000", ">-44 640", ">360"},
  };
  const std::string text = ReadTablePage("amounts", "td{padding:1pt 6pt}", rows, "");
  EXPECT_EQ(text, Want(rows));
}

TEST(AlignedTables, AnAttendanceListWithRulesBetweenRowsKeepsLedamotAndErsattareTogether) {
  // Two columns are table columns only with rules between the rows; a
  // protokoll's list of members and substitutes, one name wrapping.
  const Table rows = {
      {"Ledamöter", "Ersättare"},
      {"Anna Andersson (S), ordförande", "Bo Berg (S)"},
      {"Carl Carlsson (M), vice ordförande",
       "Dora Dahl (M), tjänstgörande ersättare för Erik Ek (M) från och med § 50"},
      {"Fia Fransson (C)", "Gun Gustafsson (V)"},
  };
  const std::string text = ReadTablePage(
      "attendance",
      "table{border-collapse:collapse}td{vertical-align:top;padding:2pt 8pt;"
      "border-bottom:0.75pt solid #000}",
      rows, "width:15cm");
  EXPECT_EQ(text, Want(rows));
}

TEST(AlignedTables, ARuledTableWithCellsSetToTheMiddleOfTheirRowsKeepsEachRowTogether) {
  // A rule under every row and cells set to the middle (Word's and HTML's
  // default): a name wrapped onto two lines has the row's amounts level
  // between its lines, sharing no column with either, as has a wrapped
  // header cell.
  const Table rows = {
      {"Nämnd", ">Budget 2025", ">Förslag 2026", ">Förändring"},
      {"Kommunstyrelsen", ">142 300", ">146 950", ">4 650"},
      {"Barn- och utbildningsnämnden", ">812 400", ">838 100", ">25 700"},
      {"Socialnämnden", ">1 021 750", ">1 064 200", ">42 450"},
      {"Miljö- och byggnadsnämnden", ">21 600", ">22 150", ">550"},
      {"Summa", ">1 998 050", ">2 071 400", ">73 350"},
  };
  const std::string text = ReadTablePage(
      "middle",
      "table{border-collapse:collapse}td{vertical-align:middle;padding:3pt 6pt;"
      "border-bottom:0.5pt solid #000}td:first-child{width:3.2cm}td:not(:first-child){width:2.4cm}",
      rows, "");
  EXPECT_EQ(text, Want(rows));
}

TEST(AlignedTables, AnEmptyCellKeepsItsPlaceBetweenCellsOfText) {
  // A sum with no text in the middle column, and a row whose last cell is
  // blank: the amount stays in its column, nothing follows the last text.
  const Table rows = {
      {"Bidragsdel", "Underlag", ">Belopp (kr)"},
      {"Aktivitetsbidrag", "3 120 deltagartillfällen", ">187 200"},
      {"Lokalbidrag", "Hyra av klubblokal", ">168 000"},
      {"Startbidrag", "Ny sektion för parasport", ""},
      {"Summa", "", ">355 200"},
  };
  const std::string text = ReadTablePage(
      "empty_cells",
      "table{border-collapse:collapse}td{vertical-align:top;padding:3pt 6pt;"
      "border-bottom:0.75pt solid #000}",
      rows, "width:15cm");
  EXPECT_EQ(text, Want(rows));
}

TEST(RuledTables, AnEmptyCellOfAGridKeepsItsPlaceBetweenCellsOfText) {
  // The header's empty corner is no cell of text's place: left out.
  const Table rows = {
      {"", ">Budget 2025", ">Förslag 2026"},
      {"Kommunstyrelsen", ">142 300", ">146 950"},
      {"Kulturnämnden", "", ">21 600"},
      {"Summa", ">142 300", ">168 550"},
  };
  const std::string text = ReadTablePage(
      "grid_empty_cell",
      "table{border-collapse:collapse}td{padding:3pt 6pt;border:0.75pt solid #000}", rows,
      "width:14cm");
  EXPECT_EQ(text, Want(rows));
}

TEST(RuledTables, ABoxedTableRuledOnlyAfterItsFirstColumnReadsRowByRowWithItsColumns) {
  // groff's tbl "box" with one "|": a frame, a rule under the header and a
  // rule after the first column, no rule between rows nor between the
  // figures' columns. Each line is a row and each column a cell.
  const Table rows = {
      {"Mätplats", ">Kväveoxider", ">Partiklar", ">Ozon"},
      {"Centrum", ">22,4", ">16,8", ">48,1"},
      {"Hamnen", ">18,9", ">15,2", ">51,6"},
      {"Sjukhuset", ">11,3", ">13,9", ">55,0"},
      {"Gränsvärde", ">40", ">40", ">120"},
  };
  const std::string text = ReadTablePage(
      "box_one_rule",
      "table{border-collapse:collapse;border:0.75pt solid #000}td{padding:1pt 8pt}"
      "tr:first-child td{border-bottom:0.75pt solid #000}td:first-child{border-right:0.75pt "
      "solid #000}",
      rows, "");
  EXPECT_EQ(text, Want(rows));
}

TEST(RuledTables, ARuledTableWithoutRulesBetweenItsRowsReadsLineByLine) {
  // A box, a rule under the header and column rules drawn from top to
  // bottom in one stroke each (as groff's tbl draws them), no rule between
  // the rows: each line of the band under the header is a row when no
  // cell's line goes on from the one before (no lower-case start, no
  // hyphen at the end).
  const Table rows = {
      {"Område", "Förbud gäller", "Undantag"},
      {"Gamla stan", "Hela året", "Nyårsafton kl. 18.00–01.00"},
      {"Södra hamnen", "Hela året", "Inga"},
      {"Badplatsen", "1 maj–30 september", "Valborgsmässoafton"},
  };
  const std::string body =
      "<p>" + kBefore + "</p><div class=\"frame\">" + TableHtml(rows, "") +
      "<div class=\"rule\" style=\"left:3.5cm\"></div><div class=\"rule\" "
      "style=\"left:7.5cm\"></div></div><p>" + kAfter + "</p>";
  Result<ExtractedDocument> doc = PrintAndExtract(
      "table_columns_ruled_only",
      Html(".frame{position:relative;width:15cm}.rule{position:absolute;top:0;bottom:0;"
           "border-left:0.75pt solid #000}table{border-collapse:collapse;border:0.75pt solid "
           "#000;width:15cm;table-layout:fixed}td{padding:1pt 6pt}td:nth-child(1){width:3.5cm}"
           "td:nth-child(2){width:4cm}tr:first-child td{border-bottom:0.75pt solid #000}",
           body));
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_EQ(Normalise(*doc, {}).text, Want(rows));
}

TEST(RuledTables, ARuledRowWhoseCellsAllWrapToThreeLinesStaysOneRow) {
  // Every cell of the row three lines, level, the text going on in lower
  // case: one row of wrapped cells, not three rows.
  Result<ExtractedDocument> doc = PrintAndExtract(
      "table_wrapped_alike",
      Html("table{border-collapse:collapse;width:14cm}td{border:0.75pt solid #000;padding:2pt 5pt;"
           "vertical-align:top}",
           "<p>" + kBefore + "</p><table><tr><td>Insats</td><td>Ansvar</td><td>Tid</td></tr>"
           "<tr><td>Ta fram en plan<br>för uppföljning av<br>målen</td><td>Kommunstyrelsen<br>"
           "och samtliga<br>nämnder</td><td>Årligen<br>i mars och<br>oktober</td></tr></table><p>" +
               kAfter + "</p>"));
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_EQ(Normalise(*doc, {}).text,
            kBefore + "\nInsats | Ansvar | Tid\nTa fram en plan för uppföljning av målen | "
                      "Kommunstyrelsen och samtliga nämnder | Årligen i mars och oktober\n" + kAfter);
}

TEST(AlignedTables, TwoTablesSideBySideReadTableByTable) {
  // A protokoll's attendance list: members left, substitutes right, each a
  // table of its own with a rule under every row (drawn cell by cell), the
  // right one shorter. Each table is read whole, header first, before the
  // other; a row of one is never joined to the other's row beside it.
  const Table left = {
      {"Ledamöter", "Parti", "Närv."},    {"Anna Berg, ordf.", "S", "X"},
      {"Bo Dahl, vice ordf.", "M", "X"}, {"Cecilia Ek", "S", ""},
      {"David Falk", "C", "X"},          {"Eva Gran", "V", "X"},
      {"Fredrik Holm", "L", ""},         {"Greta Ivarsson", "KD", "X"},
  };
  const Table right = {
      {"Ersättare", "Parti", "Närv."}, {"Hanna Jonsson", "S", "T"},
      {"Ivar Karlsson", "M", ""},      {"Jenny Lund", "C", "X"},
      {"Karl Malm", "V", "T"},
  };
  const std::string style =
      "border-collapse:collapse;width:100%;font-size:9.5pt";
  const std::string body = "<p>" + kBefore + "</p><div class=\"two\">" + TableHtml(left, style) +
                           TableHtml(right, style) + "</div><p>" + kAfter + "</p>";
  Result<ExtractedDocument> doc = PrintAndExtract(
      "table_side_by_side",
      Html(".two{display:grid;grid-template-columns:1fr 1fr;column-gap:10mm;align-items:start}"
           "td{padding:0.7mm 1mm;border-bottom:0.3pt solid #bbb}"
           "tr:first-child td{font-weight:bold;border-bottom:1pt solid #000}",
           body));
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_EQ(Normalise(*doc, {}).text, kBefore + "\n" + TableText(left) + TableText(right) + kAfter);
}

TEST(AlignedTables, ATableOfContentsWithDrawnLeadersReadsEntryByEntryWithoutPipes) {
  // Section number, title, a dotted border as the leader, page number: the
  // columns line up as a table's, but each entry reads as a line of text.
  const std::vector<std::vector<std::string>> entries = {
      {"1", "Bakgrund", "2"},          {"1.1", "Uppdraget", "2"},
      {"1.2", "Avgränsningar", "3"},   {"2", "Nuläge i länet", "5"},
      {"2.1", "Befolkning", "6"},      {"3", "Mål och insatser", "11"},
  };
  std::string body = "<h2>Innehåll</h2>", truth = "Innehåll\n";
  for (const auto& e : entries) {
    body += "<div class=\"r\"><span class=\"n\">" + e[0] + "</span><span>" + e[1] +
            "</span><span class=\"d\"></span><span>" + e[2] + "</span></div>";
    truth += e[0] + " " + e[1] + " " + e[2] + "\n";
  }
  body += "<p>" + kAfter + "</p>";
  Result<ExtractedDocument> doc = PrintAndExtract(
      "table_contents",
      Html(".r{display:flex;align-items:baseline;margin:0 0 3pt 0}.n{width:1.4cm}"
           ".d{flex:1;border-bottom:1.2pt dotted #000;margin:0 2mm}",
           body));
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_EQ(Normalise(*doc, {}).text, truth + kAfter);
}

// Prose for the layouts that are not tables.
const std::vector<std::string> kProse = {
    "Regionstyrelsen har remitterat medborgarförslaget om trädplantering till "
    "samhällsbyggnadsnämnden, som ska redovisa miljökonsekvensbeskrivningen i december.",
    "Arbetsmarknadsavdelningen samordnar kompetensförsörjningen tillsammans med länets "
    "kommuner, Arbetsförmedlingen och lärosätena under perioden 2024–2027.",
    "Ärendet har beretts av tjänstepersoner vid avdelningen för tillväxt och samhällsplanering. "
    "Samråd har skett med de fackliga organisationerna.",
    "Under hösten genomförs dialogmöten med näringslivet, civilsamhället och kommunernas "
    "arbetsmarknadsenheter. Synpunkterna sammanställs i en rapport.",
};

// Extracts `body` and checks it reads as `truth` with no table row in it.
void ExpectNoTable(const std::string& name, const std::string& css, const std::string& body,
                   const std::string& truth) {
  Result<ExtractedDocument> doc = PrintAndExtract(name, Html(css, body));
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  for (const ExtractedPage& page : doc->pages) {
    for (const TextLine& line : page.lines) EXPECT_FALSE(line.table_row) << line.text;
  }
  const std::string text = Normalise(*doc, {}).text;
  const double cer = testing::CharacterErrorRate(text, truth);
  std::cout << "CER " << std::fixed << std::setprecision(3) << cer * 100 << " %  " << name << "\n";
  EXPECT_LT(cer, 0.005) << text;
}

TEST(AlignedTables, ATwoColumnPageIsReadColumnByColumnNotAsATable) {
  std::string body = "<h2>Bakgrund</h2><div style=\"column-count:2;column-gap:1cm\">", truth =
                                                                                            "Bakgrund\n";
  for (int round = 0; round < 4; ++round) {
    for (const std::string& p : kProse) {
      body += "<p>" + p + "</p>";
      truth += p + "\n";
    }
  }
  ExpectNoTable("two_columns", "", body + "</div>", truth);
}

TEST(AlignedTables, AHangingIndentListIsNotReadAsATable) {
  // Numbers at the margin, a tab stop to the text, wrapped lines indented
  // to the tab stop: Word's and LibreOffice's numbered paragraphs.
  std::string body = "<p>" + kBefore + "</p>", truth = kBefore + "\n";
  for (std::size_t i = 0; i < kProse.size(); ++i) {
    body += "<p class=\"item\">" + std::to_string(i + 1) + ".\t" + kProse[i] + "</p>";
    truth += std::to_string(i + 1) + ". " + kProse[i] + "\n";
  }
  ExpectNoTable("hanging_list",
                ".item{padding-left:1.25cm;text-indent:-1.25cm;white-space:pre-wrap;"
                "tab-size:1.25cm;margin:0 0 4pt 0}",
                body + "<p>" + kAfter + "</p>", truth + kAfter);
}

TEST(AlignedTables, ALetterheadWithTabStopsIsNotReadAsATable) {
  // A sender block beside the document type and date, then lines set with
  // tab stops, as a template puts "Dnr" on the right.
  const std::string body =
      "<table style=\"width:16cm;border-collapse:collapse\"><tr><td style=\"width:9cm\">Region "
      "Exempel</td><td>TJÄNSTESKRIVELSE</td></tr><tr><td>Regionala "
      "utvecklingsförvaltningen</td><td>Datum 2023-05-12</td></tr><tr><td>Handläggare: Eva "
      "Ek</td><td>Dnr KS 2023/12</td></tr></table>"
      "<p style=\"white-space:pre\">Datum\t2023-05-12\t\tDnr KS 2023/12</p>"
      "<p style=\"white-space:pre\">Diarienummer:\tKS 2023/12\tÄrende:\tBudget 2024</p><p>" +
      kBefore + "</p>";
  const std::string truth =
      "Region Exempel TJÄNSTESKRIVELSE Regionala utvecklingsförvaltningen Datum 2023-05-12 "
      "Handläggare: Eva Ek Dnr KS 2023/12\nDatum 2023-05-12 Dnr KS 2023/12\nDiarienummer: KS "
      "2023/12 Ärende: Budget 2024\n" + kBefore;
  ExpectNoTable("letterhead", "td{padding:0;vertical-align:top}", body, truth);
}

TEST(AlignedTables, ALetterheadOverARuleIsNotReadAsATable) {
  // The sender left, the document's type, date and dnr right, a rule under
  // both, then the title and a boxed summary: the rules part no row of
  // cells from another.
  const std::string body =
      "<div class=\"top\"><div><b>Skolverket</b><br>Avdelningen för analys</div>"
      "<div style=\"text-align:right\">PM<br>2025-03-18<br>Dnr 2025:00412</div></div>"
      "<h1>Elevers närvaro i grundskolan läsåret 2023/24</h1><div class=\"box\"><h2>Sammanfattning</h2>"
      "<p>" + kBefore + "</p></div>";
  const std::string truth = "Skolverket\nAvdelningen för analys\nPM\n2025-03-18\nDnr 2025:00412\n"
                            "Elevers närvaro i grundskolan läsåret 2023/24\nSammanfattning\n" + kBefore;
  ExpectNoTable("letterhead_rule",
                "@page{size:A4;margin:20mm 22mm}body{font-size:11.5pt;line-height:1.35}"
                ".top{font-family:'Liberation Sans';font-size:9.5pt;border-bottom:1pt solid #000;"
                "padding-bottom:2mm;margin-bottom:6mm;display:flex;justify-content:space-between}"
                ".top b{font-size:12pt}h1{font-family:'Liberation Sans';font-size:17pt;margin:0 0 5mm 0}"
                ".box{border:1.2pt solid #2b5d34;padding:4mm 6mm;font-family:'Liberation Sans';"
                "font-size:10.5pt}.box h2{font-size:12pt;margin:0 0 2mm 0}.box p{margin:0}",
                body, truth);
}

}  // namespace
}  // namespace diar
