#include "pipeline/extract/pdf.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <cmath>

#include <ctime>
#include <memory>
#include <vector>

#include "pipeline/extract/layout.h"
#include "pipeline/extract/ocr.h"

namespace diar::extract_internal {
namespace {

std::string Utf8(const poppler::ustring& text) {
  poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// poppler reports recoverable syntax errors through a global callback that
// prints to stderr by default; a library must not print. The callback runs
// on the thread that called poppler: it keeps that thread's first message
// and a count, so a page whose content is damaged can say so.
struct PopplerErrors {
  int count = 0;
  std::string first;
};
thread_local PopplerErrors poppler_errors;

void SilencePoppler() {
  static const bool done = [] {
    poppler::set_debug_error_function(
        [](const std::string& message, void*) {
          if (poppler_errors.count++ == 0) poppler_errors.first = message;
        },
        nullptr);
    return true;
  }();
  (void)done;
}

std::string IsoDate(std::time_t t) {
  if (t <= 0) return "";
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

// UTF-16 (poppler's ustring) to UTF-8 without the byte_array round trip of
// ustring::to_utf8: this runs once per word of every page.
void AppendUtf8(const poppler::ustring& text, std::string& out) {
  out.reserve(out.size() + text.size());
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    UChar32 c;
    U16_NEXT(text.data(), i, n, c);
    char buf[4];
    int32_t k = 0;
    U8_APPEND_UNSAFE(buf, k, c);
    out.append(buf, static_cast<std::size_t>(k));
  }
}

std::vector<TextLine> TextLayerLines(const poppler::page& page, double width) {
  std::vector<Word> words;
  std::vector<TextLine> rotated;  // vertical margin notes, read after the page
  // Without text_list_include_font: poppler-cpp then copies every glyph's
  // font name and compares names glyph by glyph, which costs a third of
  // the page's extraction time. Sizes come from the boxes instead (below);
  // bold is not known for the text layer.
  const std::vector<poppler::text_box> boxes = page.text_list();
  words.reserve(boxes.size());
  for (const poppler::text_box& box : boxes) {
    Word w;
    AppendUtf8(box.text(), w.text);
    if (w.text.empty()) continue;
    const poppler::rectf r = box.bbox();
    w.x0 = r.left();
    w.y0 = r.top();
    w.x1 = r.right();
    w.y1 = r.bottom();
    // Poppler's word box spans the font's ascent to descent: about 1.16 em
    // for common fonts (measured: 10.5 pt text gives 12.2 pt boxes). Half a
    // point is fine enough to tell headings from body text.
    w.font_size = std::round((w.y1 - w.y0) / 1.16 * 2) / 2;
    if (box.rotation() != 0) {
      TextLine line;
      line.text = w.text;
      line.x0 = w.x0, line.y0 = w.y0, line.x1 = w.x1, line.y1 = w.y1;
      rotated.push_back(std::move(line));
      continue;
    }
    words.push_back(std::move(w));
  }
  std::vector<TextLine> lines = BuildLines(std::move(words), width);
  lines.insert(lines.end(), rotated.begin(), rotated.end());
  return lines;
}

std::string JoinLines(const std::vector<TextLine>& lines) {
  std::string text;
  for (const TextLine& line : lines) {
    if (!text.empty()) text += '\n';
    text += line.text;
  }
  return text;
}

std::size_t Alnums(const std::vector<TextLine>& lines) {
  std::size_t n = 0;
  for (const TextLine& line : lines) {
    for (char c : line.text) n += std::isalnum(static_cast<unsigned char>(c)) ? 1 : 0;
  }
  return n;
}

// Share of dark pixels between `from` and `to` (fractions of the page
// height) in a coarse 36 dpi render: a few milliseconds, against a tenth of
// a second or more for the 300 dpi render OCR needs.
double InkShare36(const poppler::page& page, double from, double to) {
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  const poppler::image image = renderer.render_page(&page, 36, 36);
  if (!image.is_valid()) return 0;
  const int y0 = static_cast<int>(image.height() * from);
  const int y1 = static_cast<int>(image.height() * to);
  std::size_t dark = 0, all = 0;
  for (int y = y0; y < y1; ++y) {
    const auto* row = reinterpret_cast<const unsigned char*>(
        image.const_data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(image.bytes_per_row()));
    for (int x = 0; x < image.width(); ++x, ++all) dark += row[x] < 200 ? 1 : 0;
  }
  return all > 0 ? static_cast<double>(dark) / static_cast<double>(all) : 0;
}

// A page needs OCR when its text layer is not worth keeping and the page
// has ink at all (blank pages are common: separator pages, empty backs), or
// when the layer holds only margin text (an archive stamp or running header
// laid over a scan) while the body of the page has ink.
//
// Thresholds, measured at 36 dpi: one line of 10.5 pt text across an A4
// column darkens about 0.1 % of the 20-80 % band. 0.2 % there is two lines
// or more; a rule line or the specks of a blank scan stay below. Any ink at
// all (0.01 %) is worth a look on a page with no usable layer.
bool NeedsOcr(const poppler::page& page, const ExtractedPage& out) {
  if (!IsUsableTextLayer(out.text)) return InkShare36(page, 0, 1) > 1e-4;
  for (const TextLine& line : out.lines) {
    const double centre = (line.y0 + line.y1) / 2;
    if (centre > 0.2 * out.height && centre < 0.8 * out.height) return false;
  }
  return InkShare36(page, 0.2, 0.8) > 0.002;
}

}  // namespace

bool IsUsableTextLayer(const std::string& text) {
  std::size_t alnum = 0, broken = 0, visible = 0;
  for (int32_t i = 0, n = static_cast<int32_t>(text.size()); i < n;) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0 || c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF) ||
        (u_iscntrl(c) && c != '\n' && c != '\t')) {
      ++broken;
    }
    if (u_isalnum(c)) ++alnum;
    if (c > ' ') ++visible;
  }
  // 20 letters: less than one short line, so a page with only a stray page
  // number or a scanner's stamp over an image still counts as a scan. A tenth
  // of garbage means the font has no usable ToUnicode map.
  return alnum >= 20 && broken * 10 < visible;
}

Result<ExtractedDocument> ExtractPdf(ExtractedDocument doc, const std::string& bytes,
                                     const ExtractOptions& options) {
  if (bytes.compare(0, 5, "%PDF-") != 0 &&
      bytes.substr(0, 1024).find("%PDF-") == std::string::npos) {
    return InputError(doc.path +
                      ": not a PDF (no %PDF- header); check the file, or "
                      "rename it if it is another format");
  }
  SilencePoppler();
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf) {
    return InputError(doc.path +
                      ": damaged PDF that poppler cannot open; re-export or "
                      "repair it (qpdf in.pdf out.pdf) and ingest again");
  }
  if (pdf->is_locked()) {
    return InputError(doc.path +
                      ": encrypted PDF that needs a password; decrypt it "
                      "(qpdf --decrypt --password=... in.pdf out.pdf) and "
                      "ingest the result");
  }
  doc.title = Utf8(pdf->get_title());
  doc.author = Utf8(pdf->get_author());
  doc.created = IsoDate(pdf->get_creation_date_t());
  const int count = pdf->pages();
  if (count <= 0) return InputError(doc.path + ": PDF has no pages; nothing to index");
  for (int i = 0; i < count; ++i) {
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    ExtractedPage out;
    out.number = i + 1;
    poppler_errors = {};
    if (page) {
      const poppler::rectf box = page->page_rect();
      out.width = box.width();
      out.height = box.height();
      out.lines = TextLayerLines(*page, out.width);
      out.text = JoinLines(out.lines);
      const bool want_ocr = options.ocr == OcrMode::kAlways ||
                            (options.ocr == OcrMode::kAuto && NeedsOcr(*page, out));
      // Nothing is lost without a word: a scan read with OCR off says so.
      if (options.ocr == OcrMode::kNever && NeedsOcr(*page, out)) {
        out.ocr_note = "no usable text layer, and OCR is off (--ocr never); its text is missing "
                       "from the index (ingest again with --ocr auto to read it)";
      }
      if (want_ocr) {
        Result<std::vector<TextLine>> ocr = OcrPage(*page, options);
        if (!ocr) {
          if (ocr.error().kind == ErrorKind::kConfig) return ocr.error();
          out.ocr_note = ocr.error().message;
        } else if (options.ocr == OcrMode::kAlways || Alnums(*ocr) > Alnums(out.lines)) {
          // In auto mode OCR only replaces a text layer it improves on: a
          // blank page, or one OCR cannot read, keeps what little it had.
          out.lines = std::move(ocr).value();
          out.text = JoinLines(out.lines);
          out.ocr = true;
        }
      }
    }
    // Garbage in a content stream stops poppler reading the page; without
    // a note the page would go in empty and no one would know.
    if (out.text.empty() && out.ocr_note.empty() && poppler_errors.count > 0) {
      out.ocr_note = "no text could be read: the page's content is damaged (" +
                     std::to_string(poppler_errors.count) + " PDF syntax error" +
                     (poppler_errors.count == 1 ? "" : "s") + ", first: " + poppler_errors.first +
                     "); repair the file (qpdf in.pdf out.pdf) or check it in a PDF reader";
    }
    doc.pages.push_back(std::move(out));
  }
  return doc;
}

}  // namespace diar::extract_internal
