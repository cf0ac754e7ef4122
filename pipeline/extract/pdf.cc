#include "pipeline/extract/pdf.h"

// poppler's core API (Debian libpoppler-private-dev) for the text layer:
// poppler-cpp's page::text_list() converts every word to UTF-16 through a
// fresh iconv handle and copies each glyph's box, a quarter of the ingest
// (docs/DECISIONS.md). Only the extract files pipeline/CMakeLists.txt names
// see these headers, so a poppler version change touches them alone.
#include <DateInfo.h>
#include <Error.h>
#include <ErrorCodes.h>
#include <GfxFont.h>
#include <GfxState.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Page.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <UTF.h>
#include <goo/GooString.h>
#include <goo/gmem.h>
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
#include <optional>
#include <unordered_map>
#include <vector>

#include "pipeline/extract/glyph_words.h"
#include "pipeline/extract/layout.h"
#include "pipeline/extract/ocr.h"
#include "pipeline/extract/ocr_misreads.h"
#include "pipeline/extract/page_display.h"
#include "pipeline/extract/reading_words.h"
#include "pipeline/extract/scan_rules.h"
#include "pipeline/extract/turned_text.h"
#include "pipeline/extract/tex_bitmap_fonts.h"

namespace diar::extract_internal {
namespace {

void AppendUtf8(UChar32 c, std::string& out) {
  char buf[4];
  int32_t k = 0;
  U8_APPEND_UNSAFE(buf, k, c);
  out.append(buf, static_cast<std::size_t>(k));
}

// poppler reports recoverable syntax errors through a global callback that
// prints to stderr by default; a library must not print. The initer is kept
// for the process's life: it also keeps poppler's global parameters (font
// and Unicode tables) loaded between documents, where poppler-cpp would
// build and drop them for each one.
// The error callback runs on the thread that called poppler: it keeps that
// thread's first message and a count, so a page whose content is damaged
// can say so.
struct PopplerErrors {
  int count = 0;
  std::string first;
};
thread_local PopplerErrors poppler_errors;

void CountPopplerError(ErrorCategory, Goffset, const char* message) {
  if (poppler_errors.count++ == 0) poppler_errors.first = message ? message : "";
}

void InitPoppler() {
  static const bool done = [] {
    static GlobalParamsIniter initer(CountPopplerError);
    setErrorCallback(CountPopplerError);
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
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

// A PDF text string (the Info dictionary's values): UTF-16BE with a
// byte-order mark, or PDFDocEncoding; as UTF-8.
std::string TextString(const std::unique_ptr<GooString>& value) {
  if (!value) return "";
  // PDF 2.0 allows UTF-8 with a byte-order mark, which poppler 22 reads as
  // PDFDocEncoding; the rest (UTF-16BE with its mark, PDFDocEncoding, where
  // 0x85 is an en dash) poppler's own decoding gets right.
  const std::string& bytes = value->toStr();
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) return bytes.substr(3);
  Unicode* ucs4 = nullptr;
  const int n = TextStringToUCS4(bytes, &ucs4);
  std::string out;
  for (int i = 0; i < n; ++i) {
    const UChar32 c = static_cast<UChar32>(ucs4[i]);
    if (c > 0 && c <= 0x10FFFF && !U_IS_SURROGATE(c)) AppendUtf8(c, out);
  }
  gfree(ucs4);
  return out;
}

// poppler's text device, which also keeps the page's straight rules (table
// borders) for the layout: stroked horizontal and vertical segments, and
// thin filled rectangles (how Chromium and others draw borders).
//
// A page's glyphs go to the GlyphWordBuilder (glyph_words.h) rather than to
// poppler's text page, unless `*poppler_words` is set when the page starts:
// once the builder has given up on a page of the document, its pages are
// read by poppler's text page.
class RuleTextOutputDev : public RunTextOutputDev {
 public:
  explicit RuleTextOutputDev(const bool* poppler_words) : poppler_words_(poppler_words) {}

  // One device reads a run of pages (page_display.h): what it keeps is the
  // page's.
  void startPage(int number, GfxState* state, XRef* xref) override {
    rules_.clear();
    dots_.clear();
    tex_fonts_.clear();
    visible_ = invisible_ = 0;
    accents_ = false;
    setMergeCombining(false);
    glyphs_on_ = !*poppler_words_;
    if (glyphs_on_) glyphs_.StartPage(state);
    RunTextOutputDev::startPage(number, state, xref);
  }
  void endPage() override {
    RunTextOutputDev::endPage();
    if (glyphs_on_) glyphs_.EndPage();
  }
  void updateFont(GfxState* state) override {
    RunTextOutputDev::updateFont(state);
    if (glyphs_on_) glyphs_.UpdateFont(state);
  }
  void restoreState(GfxState* state) override {
    RunTextOutputDev::restoreState(state);
    if (glyphs_on_) glyphs_.UpdateFont(state);
  }
  void incCharCount(int chars) override {
    if (glyphs_on_) {
      glyphs_.IncCharCount(chars);
    } else {
      TextOutputDev::incCharCount(chars);
    }
  }
  // The page's words, from the builder or from poppler's text page (its
  // word list kept in `list`); null when the builder gave up on the page.
  const GlyphWords* Words(std::unique_ptr<TextWordList>& list, GlyphWords& from_poppler) {
    if (glyphs_on_) return glyphs_.Read() ? &glyphs_.words() : nullptr;
    list = makeWordList();
    if (list) from_poppler = WordsFromPoppler(*list);
    return &from_poppler;
  }
  const std::vector<Rule>& rules() const { return rules_; }
  const std::vector<Dot>& dots() const { return dots_; }
  // Most of the page's glyphs are drawn invisibly (render mode 3, or 7:
  // clip only): the text layer of a scan, written by an OCR engine.
  bool MostlyInvisible() const { return invisible_ > visible_; }

  // Every glyph of the page comes through here. One that needs no look
  // (not in a Type 3 font, no spacing accent to watch for) goes straight
  // on, a jump with the arguments still in their registers; the rest take
  // the call below. Forwarding every glyph through one body saved and
  // reloaded them all: 3 % of a long plan's extraction.
  void drawChar(GfxState* state, double x, double y, double dx, double dy, double origin_x,
                double origin_y, CharCode code, int bytes, const Unicode* u, int u_len) override {
    ((state->getRender() & 3) == 3 ? invisible_ : visible_) += 1;
    const GfxFont* font = state->getFont().get();
    bool look = font != nullptr && font->getType() == fontType3;
    for (int i = 0; i < u_len && !accents_ && !look; ++i) look = IsSpacingAccent(u[i]);
    if (glyphs_on_) {
      // The builder leaves TeX's bitmap fonts and combining accents to
      // poppler.
      if (look) {
        glyphs_.GiveUp();
      } else {
        glyphs_.DrawChar(state, x, y, dx, dy, code, bytes, u, u_len);
      }
      return;
    }
    if (look) {
      DrawLookedAtChar(state, x, y, dx, dy, origin_x, origin_y, code, bytes, u, u_len);
      return;
    }
    TextOutputDev::drawChar(state, x, y, dx, dy, origin_x, origin_y, code, bytes, u, u_len);
  }
  [[gnu::noinline]] void DrawLookedAtChar(GfxState* state, double x, double y, double dx,
                                          double dy, double origin_x, double origin_y,
                                          CharCode code, int bytes, const Unicode* u, int u_len) {
    // poppler reads a glyph of pdfTeX's bitmap fonts as its code; in the
    // Cork encoding some codes mean other characters (tex_bitmap_fonts.h).
    const TexFont& tex = Tex(state);
    Unicode cork = 0;
    if (tex.cork && u_len == 1 && u[0] == code && (cork = CorkUnicode(code)) != 0) u = &cork;
    for (int i = 0; i < u_len && !accents_; ++i) {
      if (IsSpacingAccent(u[i])) MergeAccents();
    }
    TextOutputDev::drawChar(state, x, y, dx, dy, origin_x, origin_y, code, bytes, u, u_len);
  }
  // The span's text (cairo's for a ligature: "fi") reaches the page when
  // the span ends, in place of its glyphs.
  void beginActualText(GfxState* state, const GooString* text) override {
    if (!accents_ && text != nullptr) {
      Unicode* ucs4 = nullptr;
      const int n = TextStringToUCS4(text->toStr(), &ucs4);
      for (int i = 0; i < n && !accents_; ++i) {
        if (IsSpacingAccent(ucs4[i])) MergeAccents();
      }
      gfree(ucs4);
    }
    if (glyphs_on_) {
      if (accents_) glyphs_.GiveUp();
      glyphs_.BeginActualText(text);
      return;
    }
    TextOutputDev::beginActualText(state, text);
  }
  void endActualText(GfxState* state) override {
    if (glyphs_on_) {
      glyphs_.EndActualText(state);
    } else {
      TextOutputDev::endActualText(state);
    }
  }

  // The size of the TeX bitmap font a word is set in, or 0 for a word in
  // another font (or in one drawn at two sizes on the page).
  double TexFontSize(const TextWord& word) const {
    const TextFontInfo* info = word.getFontInfo(0);
    for (const auto& [font, tex] : tex_fonts_) {
      if (tex.size > 0 && info->matches(font->getID())) return tex.size;
    }
    return 0;
  }

  void stroke(GfxState* state) override {
    TextOutputDev::stroke(state);
    const GfxPath* path = state->getPath();
    for (int s = 0; s < path->getNumSubpaths(); ++s) {
      const GfxSubpath* sub = path->getSubpath(s);
      bool curved = false;
      for (int i = 1; i < sub->getNumPoints(); ++i) {
        if (sub->getCurve(i)) {
          curved = true;
          continue;
        }
        double x0, y0, x1, y1;
        state->transform(sub->getX(i - 1), sub->getY(i - 1), &x0, &y0);
        state->transform(sub->getX(i), sub->getY(i), &x1, &y1);
        AddSegment(x0, y0, x1, y1);
      }
      // A small ring is a list bullet too (CSS list-style circle); a small
      // stroked square is more likely a form's check box, and is left.
      if (curved) AddDot(state, sub);
    }
  }
  void fill(GfxState* state) override {
    TextOutputDev::fill(state);
    FillRules(state);
  }
  void eoFill(GfxState* state) override {
    TextOutputDev::eoFill(state);
    FillRules(state);
  }

 private:
  // A filled subpath whose box is thin (at most 2.5 pt across) is a rule
  // along its long side; anything else filled (a cell's shading, a logo) is
  // not.
  void FillRules(GfxState* state) {
    const GfxPath* path = state->getPath();
    for (int s = 0; s < path->getNumSubpaths(); ++s) {
      const GfxSubpath* sub = path->getSubpath(s);
      double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
      for (int i = 0; i < sub->getNumPoints(); ++i) {
        double x, y;
        state->transform(sub->getX(i), sub->getY(i), &x, &y);
        x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
      }
      if (sub->getNumPoints() < 3) continue;
      if (y1 - y0 <= 2.5 && x1 - x0 > y1 - y0) AddSegment(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
      else if (x1 - x0 <= 2.5 && y1 - y0 > x1 - x0) AddSegment((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
      else AddDot(state, sub);
    }
  }
  // Keeps `sub` as a Dot (layout.h) when its box is the size and shape of
  // a list bullet: 1.5-8 points across, about as wide as tall.
  void AddDot(GfxState* state, const GfxSubpath* sub) {
    if (sub->getNumPoints() < 3 || dots_.size() >= 1000) return;
    double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
    for (int i = 0; i < sub->getNumPoints(); ++i) {
      double x, y;
      state->transform(sub->getX(i), sub->getY(i), &x, &y);
      x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
    }
    const double w = x1 - x0, h = y1 - y0;
    if (w >= 1.5 && w <= 8 && h >= 1.5 && h <= 8 && std::abs(w - h) <= 0.3 * std::max(w, h)) {
      dots_.push_back({x0, y0, x1, y1});
    }
  }
  void AddSegment(double x0, double y0, double x1, double y1) {
    if (rules_.size() >= 5000) return;  // a drawing, not a table
    if (std::abs(y1 - y0) < 0.5) {
      const double y = (y0 + y1) / 2;
      rules_.push_back({std::min(x0, x1), y, std::max(x0, x1), y});
    } else if (std::abs(x1 - x0) < 0.5) {
      const double x = (x0 + x1) / 2;
      rules_.push_back({x, std::min(y0, y1), x, std::max(y0, y1)});
    }
  }
  struct TexFont {
    bool cork = false;
    double size = 0;  // 0: not a TeX bitmap font; -1: drawn at two sizes
  };
  const TexFont& Tex(GfxState* state) {
    static const TexFont none;
    GfxFont* font = state->getFont().get();
    if (font == nullptr || font->getType() != fontType3) return none;
    const double size = state->getTransformedFontSize();
    const auto [it, added] = tex_fonts_.try_emplace(font);
    if (added) {
      const TexBitmapFont kind = ClassifyTexBitmapFont(*font);
      if (kind != TexBitmapFont::kNone) it->second = {kind == TexBitmapFont::kCork, size};
    }
    if (it->second.size > 0 && std::abs(it->second.size - size) > 0.01) it->second.size = -1;
    return it->second;
  }
  // poppler's text page puts an accent set as a glyph of its own (a
  // spacing accent: "¨" beside "a") onto the letter it overlaps. For that
  // it looks up every glyph, and the last glyph of the word it would join,
  // in its table of the twelve accents below (TextWord::addCombining, two
  // linear scans: 7 % of a long plan's extraction), and where neither is
  // one of them it changes nothing. A page starts with no words, and its
  // glyphs all come through here (an ActualText span's text in place of
  // its glyphs), so the check is off until the page shows an accent, and
  // from then on the page is read as poppler reads it. The table is
  // poppler 22.12's (combiningTable in TextOutputDev.cc).
  static bool IsSpacingAccent(Unicode c) {
    switch (c) {
      case 0x60: case 0xA8: case 0xAF: case 0xB4: case 0xB8: case 0x2C6: case 0x2C7:
      case 0x2D8: case 0x2D9: case 0x2DA: case 0x2DC: case 0x2DD:
        return true;
      default:
        return false;
    }
  }
  void MergeAccents() {
    accents_ = true;
    setMergeCombining(true);
  }
  const bool* poppler_words_;
  bool glyphs_on_ = false;  // this page's glyphs go to glyphs_
  GlyphWordBuilder glyphs_;
  std::vector<Rule> rules_;
  std::vector<Dot> dots_;
  std::unordered_map<GfxFont*, TexFont> tex_fonts_;
  bool accents_ = false;  // the page has shown a spacing accent
  long visible_ = 0, invisible_ = 0;
};

// poppler's word box runs from the font's ascent to its descent as the font
// declares them, so a font with odd metrics gives its words boxes taller
// than their size. Ghostscript's pdfwrite does that: it moves the glyphs
// outside a font's simple encoding (ligatures "ﬁ", "ﬂ", dashes) into a CID
// font of their own whose declared metrics are its bounding box: 1.45 em
// against the 1.15 em of the rest (measured, DejaVu Serif). Such a box
// reaches into the line above or below, and the word is read with that
// line. A box more than a fifth taller, for its size, than the page's
// median takes the box of a word of the same size on its baseline (within
// a tenth of an em) whose box is not tall; a word with no such neighbour
// (a line all in one font) keeps its box, as do all the others.
void EvenOutTallBoxes(std::vector<Word>& words, const std::vector<double>& bases,
                      const std::vector<double>& em_sizes) {
  std::vector<double> heights;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (em_sizes[i] > 0) heights.push_back((words[i].y1 - words[i].y0) / em_sizes[i]);
  }
  if (heights.size() < 10) return;
  const double limit = 1.2 * Median(heights);
  auto tall = [&](std::size_t i) {
    return em_sizes[i] <= 0 || (words[i].y1 - words[i].y0) / em_sizes[i] > limit;
  };
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!tall(i)) continue;
    for (std::size_t k = 0; k < words.size(); ++k) {
      if (k == i || tall(k) || std::abs(em_sizes[k] - em_sizes[i]) > 0.01 * em_sizes[i] ||
          std::abs(bases[k] - bases[i]) > 0.1 * em_sizes[i]) {
        continue;
      }
      words[i].y0 = words[k].y0;
      words[i].y1 = words[k].y1;
      words[i].font_size = words[k].font_size;
      break;
    }
  }
}

// The rules drawn in a scan's image, for a page whose text layer is an OCR
// engine's invisible text: the table borders are pixels there, not the
// drawing the layout reads them from (scan_rules.h). 150 dpi is enough for
// a rule of a quarter inch (37 pixels) and costs a tenth of OCR's render. A
// page too big for OCR's pixel budget at that resolution is rendered
// coarser, down to 72 dpi (18 pixels to a quarter inch), and below that
// keeps no rules: its text is still read, as a page without tables.
template <typename PageFn>
std::vector<Rule> ImageRules(PageFn&& render_page, double max_pixels) {
  const poppler::page* page = render_page();
  if (page == nullptr) return {};
  const poppler::rectf box = page->page_rect();
  const double square_inches = (box.width() / 72.0) * (box.height() / 72.0);
  double dpi = 150;
  if (square_inches * dpi * dpi > max_pixels) dpi = std::floor(std::sqrt(max_pixels / square_inches));
  if (dpi < 72) return {};
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  const poppler::image image = renderer.render_page(page, dpi, dpi);
  if (!image.is_valid()) return {};
  return FindScanRules(reinterpret_cast<const unsigned char*>(image.const_data()), image.width(),
                       image.height(), static_cast<std::size_t>(image.bytes_per_row()), dpi);
}

// The page's lines in reading order. A page whose text is mostly set
// turned is read turned upright (turned_text.h); `turn` says how many
// quarter turns, and for 1 and 3 the lines' coordinates are those of the
// page with width and height swapped.
// `alone`: the page is read through poppler's per-page path rather than
// in a run of pages that share their fonts (page_display.h).
// Nothing when the glyph word builder gave up on the page (glyph_words.h):
// it is then to be read again with `*poppler_words` set.
template <typename PageFn>
std::optional<std::vector<TextLine>> TextLayerLines(PageDisplay& display, bool alone,
                                                    int page_number, double width, double height,
                                                    PageFn&& render_page, double max_pixels,
                                                    int& turn) {
  // The page unrotated at 72 dpi (one unit per point), its words in the
  // order drawn made into reading order's words (reading_words.h).
  // PageDisplay's devices are made by ExtractPdf, of this type.
  auto& device = static_cast<RuleTextOutputDev&>(alone ? display.DisplayAlone(page_number)
                                                       : display.Display(page_number));
  std::unique_ptr<TextWordList> list;
  GlyphWords from_poppler;
  const GlyphWords* glyph_words = device.Words(list, from_poppler);
  if (glyph_words == nullptr) return std::nullopt;
  PageWords page;
  std::vector<Word>& words = page.words;
  // Stamps and margin notes, read after the page.
  std::vector<TurnedWord>& turned = page.turned;
  const std::vector<ReadingWord> reading = ReadingOrderWords(*glyph_words);
  words.reserve(reading.size());
  page.bases.reserve(reading.size());
  page.em_sizes.reserve(reading.size());
  std::string utf8;
  for (const ReadingWord& rw : reading) {
    const GlyphWord& first = glyph_words->words[rw.begin];
    Word w;
    // The glyphs' code points straight to UTF-8: no per-word encoder, and
    // one copy into the word's string.
    const Unicode* chars = glyph_words->chars.data();
    const int begin = first.chars_begin, end = glyph_words->words[rw.end - 1].chars_end;
    utf8.resize(4 * static_cast<std::size_t>(end - begin));
    int32_t size = 0;
    for (int c = begin; c < end; ++c) {
      const UChar32 u = static_cast<UChar32>(chars[c]);
      if (u > 0 && u <= 0x10FFFF && !U_IS_SURROGATE(u)) U8_APPEND_UNSAFE(utf8.data(), size, u);
    }
    if (size == 0) continue;
    w.text.assign(utf8.data(), static_cast<std::size_t>(size));
    w.x0 = rw.x0, w.y0 = rw.y0, w.x1 = rw.x1, w.y1 = rw.y1;
    double em = first.size;
    const double tex_size = first.poppler != nullptr ? device.TexFontSize(*first.poppler) : 0;
    if (tex_size > 0 && first.rot == 0) {
      em = tex_size;
      w.y0 = first.base - kTexAscent * em;
      w.y1 = first.base + kTexDescent * em;
    }
    // Poppler's word box spans the font's ascent to descent: about 1.16 em
    // for common fonts (measured: 10.5 pt text gives 12.2 pt boxes). Half a
    // point is fine enough to tell headings from body text.
    w.font_size = std::round((w.y1 - w.y0) / 1.16 * 2) / 2;
    if (first.rot != 0) {
      turned.push_back({std::move(w.text), w.x0, w.y0, w.x1, w.y1, first.rot, first.base, em});
      continue;
    }
    page.bases.push_back(first.base);
    page.em_sizes.push_back(em);
    words.push_back(std::move(w));
  }
  page.rules = device.rules();
  page.dots = device.dots();
  turn = TurnOfText(page);
  const bool ocr_layer = device.MostlyInvisible() && (!words.empty() || turn != 0);
  if (ocr_layer) {
    const std::vector<Rule> drawn = ImageRules(render_page, max_pixels);
    page.rules.insert(page.rules.end(), drawn.begin(), drawn.end());
  }
  if (turn != 0) {
    TurnUpright(turn, width, height, page);
    if (turn % 2 == 1) width = height;
  }
  EvenOutTallBoxes(words, page.bases, page.em_sizes);
  std::vector<TextLine> lines = BuildLines(std::move(words), width, page.rules, page.dots);
  std::vector<TextLine> turned_lines = JoinTurnedWords(std::move(turned));
  lines.insert(lines.end(), turned_lines.begin(), turned_lines.end());
  if (ocr_layer) RepairOcrMisreads(lines);
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

// Whether `resources` (a page's or a form's resource dictionary) draws an
// image, directly or through forms nested up to `depth` deep. Only
// dictionaries are read, no image data: a scan is always an image, so a
// page without one has nothing for OCR to find.
bool DrawsImages(Dict* resources, int depth) {
  if (resources == nullptr) return false;
  const Object xobjects = resources->lookup("XObject");
  if (!xobjects.isDict()) return false;
  Dict* dict = xobjects.getDict();
  for (int i = 0; i < dict->getLength(); ++i) {
    const Object xobject = dict->getVal(i);
    if (!xobject.isStream()) continue;
    Dict* stream = xobject.streamGetDict();
    const Object subtype = stream->lookup("Subtype");
    if (subtype.isName("Image")) return true;
    if (subtype.isName("Form") && depth > 0) {
      const Object form_resources = stream->lookup("Resources");
      if (form_resources.isDict() && DrawsImages(form_resources.getDict(), depth - 1)) return true;
    }
  }
  return false;
}

// A page needs OCR when its text layer is not worth keeping and the page
// has ink at all (blank pages are common: separator pages, empty backs), or
// when the layer holds only margin text (an archive stamp or running header
// laid over a scan, an e-signing stamp up the side) while the body of the
// page has ink.
//
// Thresholds, measured at 36 dpi: one line of 10.5 pt text across an A4
// column darkens about 0.1 % of the 20-80 % band. 0.2 % there is two lines
// or more; a rule line or the specks of a blank scan stay below. Any ink at
// all (0.01 %) is worth a look on a page with no usable layer.
//
// `page` gives the page to render; it is only asked for when the text layer
// alone cannot decide. A page of text that ends high up (a chapter's last
// page) is not rendered unless it draws an image: short pages are common,
// scans under a stamp are rare.
template <typename PageFn>
bool NeedsOcr(PageFn&& page, Page& core_page, const ExtractedPage& out) {
  if (!IsUsableTextLayer(out.text)) {
    const poppler::page* p = page();
    return p != nullptr && InkShare36(*p, 0, 1) > 1e-4;
  }
  for (const TextLine& line : out.lines) {
    // A signing service's stamp runs up the side margin, past the band.
    const double across = (line.x0 + line.x1) / 2;
    if (line.vertical && (across < 0.15 * out.width || across > 0.85 * out.width)) continue;
    const double centre = (line.y0 + line.y1) / 2;
    if (centre > 0.2 * out.height && centre < 0.8 * out.height) return false;
  }
  if (!DrawsImages(core_page.getResourceDict(), 3)) return false;
  const poppler::page* p = page();
  return p != nullptr && InkShare36(*p, 0.2, 0.8) > 0.002;
}

}  // namespace

bool IsUsableTextLayer(const std::string& text) {
  std::size_t alnum = 0, broken = 0, private_use = 0, visible = 0;
  for (int32_t i = 0, n = static_cast<int32_t>(text.size()); i < n;) {
    // ASCII, most of a page, without ICU's tables: a letter or digit, a
    // control character, a space or something visible.
    if (const unsigned char a = static_cast<unsigned char>(text[i]); a < 0x80) {
      ++i;
      if ((a < ' ' && a != '\n' && a != '\t') || a == 0x7F) ++broken;
      if ((a >= '0' && a <= '9') || ((a | 0x20) >= 'a' && (a | 0x20) <= 'z')) ++alnum;
      if (a > ' ') ++visible;
      continue;
    }
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    // Format characters are invisible by design, not broken: soft hyphens
    // (Chromium keeps every one, a few per word in hyphenated Swedish),
    // zero-width spaces and joiners, bidi marks.
    if (c >= 0 && u_charType(c) == U_FORMAT_CHAR) continue;
    if (c < 0 || c == 0xFFFD || (u_charType(c) == U_CONTROL_CHAR && c != '\n' && c != '\t')) {
      ++broken;
    }
    if (c >= 0xE000 && c <= 0xF8FF) ++private_use;
    if (u_isalnum(c)) ++alnum;  // ligatures (U+FB00-FB06) are letters
    if (c > ' ') ++visible;
  }
  // 20 letters: less than one short line, so a page with only a stray page
  // number or a scanner's stamp over an image still counts as a scan. A tenth
  // of replacement or control characters means a font without a usable
  // ToUnicode map. Private-use code points are symbol-font glyphs (Word's
  // bullets, icons): a page of text with them is fine; only a layer made
  // mostly of them is a font whose codes mean nothing.
  return alnum >= 20 && broken * 10 < visible && private_use * 2 < visible;
}

Result<ExtractedDocument> ExtractPdf(ExtractedDocument doc, const std::string& bytes,
                                     const ExtractOptions& options) {
  if (bytes.compare(0, 5, "%PDF-") != 0 &&
      bytes.substr(0, 1024).find("%PDF-") == std::string::npos) {
    return InputError(doc.path +
                      ": not a PDF (no %PDF- header); check the file, or "
                      "rename it if it is another format");
  }
  InitPoppler();
  // The bytes outlive the document: a MemStream reads them in place.
  auto pdf = std::make_unique<PDFDoc>(
      new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull)));
  if (!pdf->isOk()) {
    if (pdf->getErrorCode() == errEncrypted) {
      return InputError(doc.path +
                        ": encrypted PDF that needs a password; decrypt it "
                        "(qpdf --decrypt --password=... in.pdf out.pdf) and "
                        "ingest the result");
    }
    return InputError(doc.path +
                      ": damaged PDF that poppler cannot open; re-export or "
                      "repair it (qpdf in.pdf out.pdf) and ingest again");
  }
  doc.title = TextString(pdf->getDocInfoTitle());
  doc.author = TextString(pdf->getDocInfoAuthor());
  if (const std::unique_ptr<GooString> created = pdf->getDocInfoCreatDate()) {
    doc.created = IsoDate(dateStringToTime(created.get()));
  }
  const int count = pdf->getNumPages();
  if (count <= 0) return InputError(doc.path + ": PDF has no pages; nothing to index");
  // Rendering (the ink check, OCR) goes through poppler-cpp, opened only
  // for a document with a page that needs it.
  std::unique_ptr<poppler::document> renderable;
  // Set once the glyph word builder gives up on a page: the document's
  // later pages then go to poppler's text page straight away.
  bool poppler_words = false;
  PageDisplay display(
      *pdf, [&poppler_words] { return std::make_unique<RuleTextOutputDev>(&poppler_words); },
      poppler_errors.count);
  for (int i = 0; i < count; ++i) {
    ExtractedPage out;
    out.number = i + 1;
    poppler_errors = {};
    Page* core_page = pdf->getPage(i + 1);
    if (core_page == nullptr) {
      doc.pages.push_back(std::move(out));
      continue;
    }
    // The text device sees the page as displayed: turned by its /Rotate.
    // A landscape table page stored portrait with /Rotate 90 is 842 wide,
    // and its layout (gutters, the footer's place) is measured so.
    const PDFRectangle* box = core_page->getCropBox();
    out.width = box->x2 - box->x1;
    out.height = box->y2 - box->y1;
    if (core_page->getRotate() % 180 != 0) std::swap(out.width, out.height);
    std::unique_ptr<poppler::page> page;
    auto render_page = [&]() -> const poppler::page* {
      if (!page) {
        if (!renderable) {
          renderable.reset(poppler::document::load_from_raw_data(bytes.data(),
                                                                 static_cast<int>(bytes.size())));
        }
        if (renderable && !renderable->is_locked()) page.reset(renderable->create_page(i));
      }
      return page.get();
    };
    int turn = 0;
    const PopplerErrors errors_before = poppler_errors;
    auto read = [&](bool alone) {
      std::optional<std::vector<TextLine>> lines = TextLayerLines(
          display, alone, i + 1, out.width, out.height, render_page, options.ocr_max_pixels, turn);
      if (lines) return std::move(*lines);
      // Glyphs the builder leaves to poppler: the page again, through it.
      poppler_errors = errors_before;
      poppler_words = true;
      return std::move(*TextLayerLines(display, true, i + 1, out.width, out.height, render_page,
                                       options.ocr_max_pixels, turn));
    };
    out.lines = read(false);
    // A page without text says what poppler reported about it (below); in
    // a run of pages poppler reports a font's faults on the first page only,
    // so such a page is read again on its own.
    if (JoinLines(out.lines).empty()) {
      poppler_errors = errors_before;
      out.lines = read(true);
    }
    if (turn % 2 == 1) std::swap(out.width, out.height);
    out.text = JoinLines(out.lines);
    const bool want_ocr = options.ocr == OcrMode::kAlways ||
                          (options.ocr == OcrMode::kAuto && NeedsOcr(render_page, *core_page, out));
    // Nothing is lost without a word: a scan read with OCR off says so.
    if (options.ocr == OcrMode::kNever && NeedsOcr(render_page, *core_page, out)) {
      out.ocr_note = "no usable text layer, and OCR is off (--ocr never); its text is missing "
                     "from the index (ingest again with --ocr auto to read it)";
    }
    if (want_ocr && render_page() != nullptr) {
      // A stamp up the edge of a scan is read right by its text layer.
      std::vector<TextLine> stamps;
      for (const TextLine& line : out.lines) {
        if (line.vertical && turn == 0) stamps.push_back(line);
      }
      int scan_turns = 0;
      Result<std::vector<TextLine>> ocr = OcrPage(*render_page(), options, stamps, &scan_turns);
      if (!ocr) {
        if (ocr.error().kind == ErrorKind::kConfig) return ocr.error();
        out.ocr_note = ocr.error().message;
      } else if (options.ocr == OcrMode::kAlways || Alnums(*ocr) > Alnums(out.lines)) {
        // In auto mode OCR only replaces a text layer it improves on: a
        // blank page, or one OCR cannot read, keeps what little it had.
        out.lines = std::move(ocr).value();
        out.text = JoinLines(out.lines);
        out.ocr = true;
        // OCR reads the page as displayed, turned upright if it lay turned.
        if ((turn + scan_turns) % 2 == 1) std::swap(out.width, out.height);
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
