// PageDisplay reads a run of pages through one interpreter with their fonts
// parsed once; every page must read exactly as poppler's own per-page path
// reads it. The PDFs are typeset by cairo (fonts shared across pages, each
// page naming those it uses) or written here object by object, for what
// producers rarely do: a font name that means another font on the next
// page, a page that uses a font its resources do not name, and pages that
// leave things open.
#include "pipeline/extract/page_display.h"

#include <ErrorCodes.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "tests/extract/pdf_maker.h"
#include "tests/foundation/raw_pdf.h"

namespace diar::extract_internal {
namespace {

int poppler_errors = 0;

void CountError(ErrorCategory, Goffset, const char*) { ++poppler_errors; }

class PageDisplayTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { initer_ = std::make_unique<GlobalParamsIniter>(CountError); }
  static void TearDownTestSuite() { initer_.reset(); }
  static inline std::unique_ptr<GlobalParamsIniter> initer_;
};

// Every word of the device's page with its box, font size and baseline.
std::string Words(RunTextOutputDev& device) {
  std::string out;
  const std::unique_ptr<TextWordList> list = device.makeWordList();
  for (int i = 0; list && i < list->getLength(); ++i) {
    const TextWord* word = list->get(i);
    const std::unique_ptr<GooString> text(word->getText());
    double x0, y0, x1, y1;
    word->getBBox(&x0, &y0, &x1, &y1);
    char buf[160];
    std::snprintf(buf, sizeof buf, " [%.3f %.3f %.3f %.3f] %.3f %.3f %d\n", x0, y0, x1, y1,
                  word->getFontSize(), word->getBaseline(), word->getRotation());
    out += text->toStr() + buf;
  }
  return out;
}

// Each page's words, read in the run and read alone; the test compares
// them.
struct Reading {
  std::vector<std::string> in_run, alone;
};

Reading ReadBothWays(const std::string& bytes) {
  PDFDoc pdf(new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull)));
  EXPECT_TRUE(pdf.isOk());
  Reading reading;
  PageDisplay display(
      pdf, [] { return std::make_unique<RunTextOutputDev>(); }, poppler_errors);
  for (int n = 1; n <= pdf.getNumPages(); ++n) {
    reading.in_run.push_back(Words(display.Display(n)));
    reading.alone.push_back(Words(display.DisplayAlone(n)));
  }
  return reading;
}

std::string ReadFile(const std::string& path) {
  std::string bytes;
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    char buf[65536];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) bytes.append(buf, n);
    std::fclose(f);
  }
  return bytes;
}

// A PDF written object by object: standard Type 1 fonts (no font file) and
// pages with the given box, rotation, font names and content.
struct RawPage {
  std::string fonts;  // the /Font dictionary's entries, e.g. "/F1 3 0 R"
  std::string content;
  std::string box = "0 0 595 842";
  int rotate = 0;
  // The content deflated (FlateDecode), whole or cut short as in a damaged
  // file.
  enum class Flate { kNone, kWhole, kCut } flate = Flate::kNone;
};

// The content stream object of `page`.
std::string ContentStream(const RawPage& page) {
  if (page.flate == RawPage::Flate::kNone) {
    return "<< /Length " + std::to_string(page.content.size()) + " >>\nstream\n" + page.content +
           "\nendstream";
  }
  std::string deflated(compressBound(static_cast<uLong>(page.content.size())), '\0');
  uLongf size = static_cast<uLongf>(deflated.size());
  compress(reinterpret_cast<Bytef*>(deflated.data()), &size,
           reinterpret_cast<const Bytef*>(page.content.data()), static_cast<uLong>(page.content.size()));
  deflated.resize(page.flate == RawPage::Flate::kCut ? size * 2 / 3 : size);
  return "<< /Length " + std::to_string(deflated.size()) + " /Filter /FlateDecode >>\nstream\n" +
         deflated + "\nendstream";
}

std::string WritePdf(const std::vector<RawPage>& pages) {
  // Objects 3-5 are fonts; pages and their contents follow.
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "",  // the page tree, once the pages' numbers are known
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Bold /Encoding /WinAnsiEncoding >>",
  };
  std::string kids;
  for (const RawPage& page : pages) {
    const std::size_t number = objects.size() + 1;
    kids += std::to_string(number) + " 0 R ";
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [" + page.box + "] /Rotate " +
                      std::to_string(page.rotate) + " /Resources << /Font << " + page.fonts +
                      " >> >> /Contents " + std::to_string(number + 1) + " 0 R >>");
    objects.push_back(ContentStream(page));
  }
  objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>";
  return testing::AssemblePdf(objects);
}

std::string Text(const std::string& font, const std::string& words, int y = 700) {
  return "BT " + font + " 12 Tf 72 " + std::to_string(y) + " Td (" + words + ") Tj ET";
}

void ExpectSameAsAlone(const Reading& reading) {
  ASSERT_EQ(reading.in_run.size(), reading.alone.size());
  for (std::size_t i = 0; i < reading.alone.size(); ++i) {
    EXPECT_EQ(reading.in_run[i], reading.alone[i]) << "page " << i + 1;
  }
}

TEST_F(PageDisplayTest, PagesSharingFontsReadAsEachAlone) {
  // cairo names on each page the fonts that page uses: regular and bold
  // here, bold only where a page has a heading.
  std::vector<testing::PageSpec> pages(4);
  for (int p = 0; p < 4; ++p) {
    if (p % 2 == 1) pages[p].blocks.push_back({"Rubrik " + std::to_string(p + 1), 16, true});
    pages[p].blocks.push_back({"Kommunstyrelsen beslutar att anta riktlinjerna för sida " +
                               std::to_string(p + 1) + " enligt förvaltningens förslag."});
  }
  const std::string path =
      (std::filesystem::temp_directory_path() / "diar-page-display-shared.pdf").string();
  testing::MakePdf(path, pages, {});
  const Reading reading = ReadBothWays(ReadFile(path));
  std::filesystem::remove(path);
  ExpectSameAsAlone(reading);
  ASSERT_EQ(reading.alone.size(), 4u);
  EXPECT_NE(reading.alone[1].find("Rubrik"), std::string::npos);
  EXPECT_NE(reading.alone[3].find("Kommunstyrelsen"), std::string::npos);
}

TEST_F(PageDisplayTest, FontNameReboundToAnotherFontReadsInTheNewFont) {
  const std::string words = "Kommunstyrelsen";
  const Reading reading = ReadBothWays(WritePdf({
      {"/F1 3 0 R", Text("/F1", words)},  // Helvetica
      {"/F1 4 0 R", Text("/F1", words)},  // Courier under the same name
  }));
  ExpectSameAsAlone(reading);
  // The word is as wide as each page's font sets it.
  EXPECT_NE(reading.alone[0], reading.alone[1]);
}

TEST_F(PageDisplayTest, PagesOfAnotherSizeOrRotationReadAsEachAlone) {
  const Reading reading = ReadBothWays(WritePdf({
      {"/F1 3 0 R", Text("/F1", "Protokoll")},
      {"/F1 3 0 R", Text("/F1", "Bilaga", 500), "0 0 842 595"},
      {"/F1 3 0 R", Text("/F1", "Tabell"), "0 0 595 842", 90},
      {"/F1 3 0 R", Text("/F1", "Beslut")},
  }));
  ExpectSameAsAlone(reading);
  EXPECT_NE(reading.alone[2].find("Tabell"), std::string::npos);
}

TEST_F(PageDisplayTest, FontThePageDoesNotNameGivesNoText) {
  // Page 2 sets /F2, which only page 1's resources name: poppler alone
  // finds no font there and reads no text.
  const Reading reading = ReadBothWays(WritePdf({
      {"/F1 3 0 R /F2 5 0 R", Text("/F1", "Kallelse") + " " + Text("/F2", "Rubrik", 650)},
      {"/F1 3 0 R", Text("/F1", "Ärenden") + " " + Text("/F2", "Saknas", 650)},
  }));
  ExpectSameAsAlone(reading);
  EXPECT_EQ(reading.alone[1].find("Saknas"), std::string::npos);
}

TEST_F(PageDisplayTest, TextPositionAndPathLeftOpenDoNotReachTheNextPage) {
  // Page 1 ends inside a text object whose position has moved, and inside
  // a path with a clip announced; page 2 sets text before any BT, which
  // starts from a fresh state's position.
  const Reading reading = ReadBothWays(WritePdf({
      {"/F1 3 0 R", Text("/F1", "Yttrande") + " BT 30 30 Td 0 0 m 100 100 l W"},
      {"/F1 3 0 R", "/F1 12 Tf 50 50 Td (och) Tj " + Text("/F1", "Remissvar")},
  }));
  ExpectSameAsAlone(reading);
  EXPECT_NE(reading.alone[1].find("och"), std::string::npos);
}

TEST_F(PageDisplayTest, MarkedContentLeftOpenDoesNotReachTheNextPage) {
  // Page 1 leaves open a q, a BX section and an ActualText span, which
  // would take the next page's text for its own.
  const Reading reading = ReadBothWays(WritePdf({
      {"/F1 3 0 R", "q 0.5 0 0 0.5 0 0 cm BX /Span << /ActualText (X) >> BDC " +
                        Text("/F1", "Yttrande")},
      {"/F1 3 0 R", Text("/F1", "Remissvar")},
  }));
  ExpectSameAsAlone(reading);
  EXPECT_NE(reading.alone[1].find("Remissvar"), std::string::npos);
}

TEST_F(PageDisplayTest, DeflatedContentReadsAsPopplerReadsIt) {
  // The run reads a page's deflated content as zlib inflates it; a stream
  // cut short, as in a damaged file, is left to poppler, which reads what
  // it can of it and says so.
  std::string words;
  for (int line = 0; line < 40; ++line) {
    words += Text("/F1", "Kommunstyrelsen beslutar enligt forslaget " + std::to_string(line),
                  760 - 18 * line) + "\n";
  }
  const std::string bytes = WritePdf({
      {"/F1 3 0 R", words, "0 0 595 842", 0, RawPage::Flate::kWhole},
      {"/F1 3 0 R", words, "0 0 595 842", 0, RawPage::Flate::kCut},
      {"/F1 3 0 R", words, "0 0 595 842", 0, RawPage::Flate::kWhole},
  });
  PDFDoc pdf(new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull)));
  ASSERT_TRUE(pdf.isOk());
  PageDisplay display(
      pdf, [] { return std::make_unique<RunTextOutputDev>(); }, poppler_errors);
  std::vector<int> errors_alone;
  for (int n = 1; n <= 3; ++n) {
    int before = poppler_errors;
    const std::string in_run = Words(display.Display(n));
    const int errors_in_run = poppler_errors - before;
    before = poppler_errors;
    const std::string alone = Words(display.DisplayAlone(n));
    errors_alone.push_back(poppler_errors - before);
    EXPECT_EQ(in_run, alone) << "page " << n;
    EXPECT_EQ(errors_in_run, errors_alone.back()) << "page " << n;
    EXPECT_NE(alone.find("Kommunstyrelsen"), std::string::npos) << "page " << n;
    if (n != 2) {
      EXPECT_NE(alone.find("39"), std::string::npos) << "page " << n;
    }
  }
  EXPECT_EQ(errors_alone[0], 0);
  EXPECT_GT(errors_alone[1], 0);
  EXPECT_EQ(errors_alone[2], 0);
}

}  // namespace
}  // namespace diar::extract_internal
