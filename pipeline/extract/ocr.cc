#include "pipeline/extract/ocr.h"

#include <omp.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/extract/layout.h"
#include "pipeline/extract/ocr_misreads.h"
#include "pipeline/extract/scan_rules.h"
#include "pipeline/extract/tesseract_library.h"

namespace diar::extract_internal {
namespace {

// A tesseract handle, deleted through the library that made it.
struct ApiDeleter {
  const TesseractLibrary* tess;
  void operator()(TessBaseAPI* api) const { tess->destroy(api); }
};
using Api = std::unique_ptr<TessBaseAPI, ApiDeleter>;

// A result iterator, deleted when it goes.
struct IteratorDeleter {
  const TesseractLibrary* tess;
  void operator()(TessResultIterator* it) const { tess->iterator_delete(it); }
};
using Iterator = std::unique_ptr<TessResultIterator, IteratorDeleter>;

// A word's UTF-8 text, freed when it goes.
struct TextDeleter {
  const TesseractLibrary* tess;
  void operator()(char* text) const { tess->delete_text(text); }
};
using Text = std::unique_ptr<char, TextDeleter>;

struct Engine {
  std::string key;  // tessdata_dir + '\n' + language it was initialised with
  const TesseractLibrary* tess = nullptr;
  Api api;
  // Orientation detection, with tesseract's own model for it
  // (osd.traineddata, a legacy-engine model: it cannot share the LSTM
  // engine above). Loaded by the first page that looks turned; empty when
  // the model is missing, which is said once.
  Api osd;
  bool osd_loaded = false;
};

// The orientation engine for `datapath`, or an empty one with a warning
// when the model is not there: pages are then read as they lie, as before.
Api OsdEngine(const TesseractLibrary& tess, const char* datapath) {
  Api osd(tess.create(), ApiDeleter{&tess});
  tess.set_variable(osd.get(), "debug_file", "/dev/null");
  if (tess.init(osd.get(), datapath, "osd", tesseract::OEM_TESSERACT_ONLY) != 0) {
    spdlog::warn("tesseract: no orientation model (osd.traineddata){}; scanned pages lying "
                 "sideways or upside down are read as they lie, which gives garbage: install "
                 "tesseract-ocr-osd (apt-get install tesseract-ocr-osd)",
                 datapath ? std::string(" in ") + datapath : std::string());
    return nullptr;
  }
  tess.set_page_seg_mode(osd.get(), tesseract::PSM_OSD_ONLY);
  return osd;
}

// The calling thread's engine for `options`, initialising it if needed.
Result<Engine*> ThreadEngine(const ExtractOptions& options) {
  thread_local Engine engine;
  const std::string key = options.tessdata_dir + "\n" + options.ocr_language;
  if (engine.api && engine.key == key) return &engine;
  std::string error;
  const TesseractLibrary* tess = TesseractLibrary::Get(&error);
  if (tess == nullptr) return ConfigError(error);
  Api api(tess->create(), ApiDeleter{tess});
  // Tesseract prints its warnings ("Estimating resolution ...") to stderr
  // through this file; a library must stay quiet.
  tess->set_variable(api.get(), "debug_file", "/dev/null");
  const char* datapath = options.tessdata_dir.empty() ? nullptr : options.tessdata_dir.c_str();
  if (tess->init(api.get(), datapath, options.ocr_language.c_str(), tesseract::OEM_LSTM_ONLY) != 0) {
    return ConfigError("tesseract: cannot load the OCR model '" + options.ocr_language +
                       "'" + (datapath ? std::string(" from ") + datapath : std::string()) +
                       "; install tesseract-ocr-swe (apt-get install tesseract-ocr-swe) "
                       "or run with --ocr never");
  }
  tess->set_page_seg_mode(api.get(), tesseract::PSM_AUTO);
  // Tesseract 5 re-reads every line of low confidence as inverted
  // (light-on-dark) text, doubling the work on exactly the hard lines.
  // Authority documents print dark on light; light-on-dark headings are
  // rare and short.
  tess->set_variable(api.get(), "tessedit_do_invert", "0");
  engine.key = key;
  engine.tess = tess;
  engine.osd.reset();
  engine.api = std::move(api);
  engine.osd_loaded = false;
  return &engine;
}

// Share of pixels darker than mid-grey; paper is near 255, ink near 0.
double InkShare(const poppler::image& image) {
  const char* data = image.const_data();
  std::size_t dark = 0;
  for (int y = 0; y < image.height(); y += 2) {
    const auto* row = reinterpret_cast<const unsigned char*>(data + static_cast<std::size_t>(y) * image.bytes_per_row());
    for (int x = 0; x < image.width(); x += 2) dark += row[x] < 128 ? 1 : 0;
  }
  const double sampled = std::ceil(image.height() / 2.0) * std::ceil(image.width() / 2.0);
  return sampled > 0 ? static_cast<double>(dark) / sampled : 0;
}

// An 8-bit grey page image: poppler's render, or a turned copy of it.
struct Gray {
  const unsigned char* data = nullptr;
  int width = 0, height = 0;
  std::size_t stride = 0;
  std::vector<unsigned char> owned;  // the pixels, when turned
};

// `image` turned `turns` quarter turns clockwise (1-3).
Gray Turned(const poppler::image& image, int turns) {
  const auto* src = reinterpret_cast<const unsigned char*>(image.const_data());
  const std::size_t row = static_cast<std::size_t>(image.bytes_per_row());
  const int w = image.width(), h = image.height();
  Gray out;
  out.width = turns == 2 ? w : h;
  out.height = turns == 2 ? h : w;
  out.stride = static_cast<std::size_t>(out.width);
  out.owned.resize(out.stride * static_cast<std::size_t>(out.height));
  for (int y = 0; y < out.height; ++y) {
    unsigned char* dst = out.owned.data() + static_cast<std::size_t>(y) * out.stride;
    for (int x = 0; x < out.width; ++x) {
      int sx = x, sy = y;
      if (turns == 1) sx = y, sy = h - 1 - x;
      if (turns == 2) sx = w - 1 - x, sy = h - 1 - y;
      if (turns == 3) sx = w - 1 - y, sy = x;
      dst[x] = src[static_cast<std::size_t>(sy) * row + static_cast<std::size_t>(sx)];
    }
  }
  out.data = out.owned.data();
  return out;
}

// True when tesseract's reading of the page as it lies looks like that of
// a turned page. Upside down, its words are garbage of low confidence
// (a mean of 29-30 on the fixture's pages, 92-94 on upright scans: words
// read right score above 80). Sideways, tesseract reads the lines as
// vertical text, with confidence, but the words of three letters or more
// stand taller than wide, which upright Latin script never does.
bool LooksTurned(const TesseractLibrary& tess, TessBaseAPI* api) {
  if (tess.mean_text_conf(api) < 60) return true;
  int words = 0, tall = 0;
  Iterator it(tess.get_iterator(api), IteratorDeleter{&tess});
  if (!it) return false;
  // (An empty page's iterator has no word box: the loop ends at once.)
  do {
    int left = 0, top = 0, right = 0, bottom = 0;
    Text text(tess.iterator_text(it.get(), tesseract::RIL_WORD), TextDeleter{&tess});
    if (!text || !tess.bounding_box(tess.page_iterator(it.get()), tesseract::RIL_WORD, &left, &top,
                                    &right, &bottom)) {
      continue;
    }
    int letters = 0;  // code points: UTF-8 bytes that do not continue one
    for (const char* c = text.get(); *c != '\0'; ++c) letters += (*c & 0xC0) != 0x80 ? 1 : 0;
    if (letters < 3) continue;
    ++words;
    tall += bottom - top > right - left ? 1 : 0;
  } while (tess.iterator_next(it.get(), tesseract::RIL_WORD));
  return tall * 2 > words;
}

// Quarter turns clockwise that bring the page's text upright, by
// tesseract's orientation detection; 0 when it is not sure (a page of
// little text, a picture) or has no model. Below a margin of 7 between
// the best and the next orientation tesseract's own page segmentation
// (PSM_AUTO_OSD, min_orientation_margin) does not turn a page either.
int UprightTurns(const TesseractLibrary& tess, TessBaseAPI* osd, const poppler::image& image,
                 double dpi) {
  if (osd == nullptr) return 0;
  tess.set_image(osd, reinterpret_cast<const unsigned char*>(image.const_data()), image.width(),
                 image.height(), 1, image.bytes_per_row());
  tess.set_source_resolution(osd, static_cast<int>(dpi));
  int degrees = 0;
  float confidence = 0;
  const bool found = tess.detect_orientation_script(osd, &degrees, &confidence, nullptr, nullptr);
  tess.clear(osd);
  if (!found || confidence < 7) return 0;
  // `degrees` is how far the image is turned clockwise; it is turned back.
  return (4 - (degrees / 90) % 4) % 4;
}

std::string Trim(const char* text) {
  std::string s = text ? text : "";
  const auto not_space = [](unsigned char c) { return !std::isspace(c); };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

}  // namespace

bool OcrModelFilesPresent(const ExtractOptions& options) {
  // The order of tesseract's CCUtil::main_setup: the caller's folder, the
  // environment, then the folder compiled in (Debian's tesseract-ocr-swe
  // installs there).
  std::string dir = options.tessdata_dir;
  if (dir.empty()) {
    const char* prefix = std::getenv("TESSDATA_PREFIX");
    dir = prefix != nullptr && *prefix != '\0' ? prefix : "/usr/share/tesseract-ocr/5/tessdata";
  }
  std::size_t from = 0;
  while (from <= options.ocr_language.size()) {
    const std::size_t plus = std::min(options.ocr_language.find('+', from), options.ocr_language.size());
    const std::string language = options.ocr_language.substr(from, plus - from);
    std::error_code ec;
    if (language.empty() ||
        !std::filesystem::is_regular_file(std::filesystem::path(dir) / (language + ".traineddata"), ec)) {
      return false;
    }
    from = plus + 1;
  }
  return true;
}

Result<bool> WarmOcrEngine(const ExtractOptions& options) {
  Result<Engine*> engine = ThreadEngine(options);
  if (!engine) return engine.error();
  return true;
}

Result<std::vector<TextLine>> OcrPage(const poppler::page& page, const ExtractOptions& options,
                                      const std::vector<TextLine>& kept_as_displayed,
                                      int* quarter_turns) {
  if (quarter_turns != nullptr) *quarter_turns = 0;
  // The pixel budget (ExtractOptions::ocr_max_pixels): a big page is read
  // at a lower resolution, a huge one not at all.
  const poppler::rectf box = page.page_rect();
  const double square_inches = (box.width() / 72.0) * (box.height() / 72.0);
  double dpi = options.ocr_dpi;
  if (square_inches * dpi * dpi > options.ocr_max_pixels) {
    dpi = std::floor(std::sqrt(options.ocr_max_pixels / square_inches));
  }
  if (dpi < options.ocr_min_dpi) {
    char size[64];
    std::snprintf(size, sizeof size, "%.0f x %.0f mm", box.width() / 72.0 * 25.4,
                  box.height() / 72.0 * 25.4);
    return InputError(std::string("page of ") + size +
                      " is too large to render for OCR (over " +
                      std::to_string(static_cast<long>(options.ocr_max_pixels / 1e6)) +
                      " million pixels at " + std::to_string(static_cast<int>(options.ocr_min_dpi)) +
                      " dpi); its text is not indexed");
  }
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hints(poppler::page_renderer::antialiasing |
                            poppler::page_renderer::text_antialiasing);
  poppler::image image = renderer.render_page(&page, dpi, dpi);
  // Below one dark pixel in ten thousand there is no text to read: a line of
  // 10 pt text alone darkens about 0.1 % of an A4 page.
  if (!image.is_valid() || InkShare(image) < 1e-4) return std::vector<TextLine>{};

  Result<Engine*> engine = ThreadEngine(options);
  if (!engine) return engine.error();
  const TesseractLibrary& tess = *(*engine)->tess;
  TessBaseAPI* api = (*engine)->api.get();
  omp_set_max_active_levels(0);
  Gray gray;
  gray.data = reinterpret_cast<const unsigned char*>(image.const_data());
  gray.width = image.width();
  gray.height = image.height();
  gray.stride = static_cast<std::size_t>(image.bytes_per_row());
  tess.set_image(api, gray.data, gray.width, gray.height, 1, static_cast<int>(gray.stride));
  tess.set_source_resolution(api, static_cast<int>(dpi));
  if (tess.recognize(api, nullptr) != 0) {
    tess.clear(api);
    return std::vector<TextLine>{};
  }
  // A page fed into the scanner sideways or upside down is read again
  // upright: as it lies, tesseract gives its words in a jumble
  // ("3 av 1 Sida utvecklingregional2019-2022,om2412-2018.RUNdnr...") or
  // as garbage. Orientation detection costs about a fifth of reading a
  // full page, and most of a sparse one, so only a page whose reading
  // looks turned pays for it; an upright page is read once, as before.
  int turns = 0;
  if (LooksTurned(tess, api)) {
    Engine& e = **engine;
    if (!e.osd_loaded) {
      e.osd = OsdEngine(tess, options.tessdata_dir.empty() ? nullptr : options.tessdata_dir.c_str());
      e.osd_loaded = true;
    }
    turns = UprightTurns(tess, e.osd.get(), image, dpi);
  }
  if (turns != 0) {
    gray = Turned(image, turns);
    tess.set_image(api, gray.data, gray.width, gray.height, 1, static_cast<int>(gray.stride));
    tess.set_source_resolution(api, static_cast<int>(dpi));
    if (tess.recognize(api, nullptr) != 0) {
      tess.clear(api);
      return std::vector<TextLine>{};
    }
  }
  if (quarter_turns != nullptr) *quarter_turns = turns;
  const double scale = 72.0 / dpi;  // pixels to points
  // The stamps were put on the scan as it lies, so they turn with it.
  std::vector<TextLine> kept = kept_as_displayed;
  const double width = image.width() * scale, height = image.height() * scale;
  for (TextLine& line : kept) {
    const TextLine was = line;
    if (turns == 1) line.x0 = height - was.y1, line.x1 = height - was.y0, line.y0 = was.x0, line.y1 = was.x1;
    if (turns == 2) line.x0 = width - was.x1, line.x1 = width - was.x0, line.y0 = height - was.y1, line.y1 = height - was.y0;
    if (turns == 3) line.x0 = was.y0, line.x1 = was.y1, line.y0 = width - was.x1, line.y1 = width - was.x0;
    if (turns % 2 == 1) line.vertical = !line.vertical;
  }
  // Tesseract's words, not its lines, go to the layout code the text layer
  // uses (layout.h), so a scan's columns, tables and form rows are found as
  // a typeset page's are: tesseract's own lines run across a table's cells
  // and a form's label and value. A word takes its line's height, as
  // tesseract's own PDF renderer sets it: a word's ink box depends on
  // which letters have ascenders and descenders, and the layout groups
  // words into rows by their boxes.
  std::vector<Word> words;
  Iterator it(tess.get_iterator(api), IteratorDeleter{&tess});
  if (it) {
    // (An empty page's iterator has no word box: the loop ends at once.)
    do {
      int left = 0, top = 0, right = 0, bottom = 0;
      int line_left = 0, line_top = 0, line_right = 0, line_bottom = 0;
      const TessPageIterator* at = tess.page_iterator(it.get());
      if (!tess.bounding_box(at, tesseract::RIL_WORD, &left, &top, &right, &bottom) ||
          !tess.bounding_box(at, tesseract::RIL_TEXTLINE, &line_left, &line_top, &line_right,
                             &line_bottom)) {
        continue;
      }
      Text text(tess.iterator_text(it.get(), tesseract::RIL_WORD), TextDeleter{&tess});
      Word word;
      word.text = Trim(text.get());
      if (word.text.empty()) continue;
      word.x0 = left * scale;
      word.x1 = right * scale;
      word.y0 = line_top * scale;
      word.y1 = line_bottom * scale;
      // Tesseract has parted these words, but its boxes may reach into
      // the space between them (0.5 pt apart for "kommunerna i"), and the
      // layout glues words whose boxes touch (a text layer parts a word
      // at a font change). A word keeps a quarter of an em clear of the
      // next one on its line, as a narrow word space does.
      if (!words.empty() && !tess.is_at_beginning_of(at, tesseract::RIL_TEXTLINE)) {
        Word& before = words.back();
        const double clear = 0.25 * FontSize(word);
        if (word.x0 > before.x0 && word.x0 - before.x1 < clear) {
          before.x1 = std::max(before.x0 + (before.x1 - before.x0) / 2, word.x0 - clear);
        }
      }
      // Half a line's thickness around a kept line: tesseract's boxes of
      // turned text straddle its edges.
      const double cx = (word.x0 + word.x1) / 2, cy = (word.y0 + word.y1) / 2;
      const bool inside_kept = std::any_of(kept.begin(), kept.end(), [&](const TextLine& l) {
        const double pad = std::min(l.x1 - l.x0, l.y1 - l.y0) / 2;
        return cx >= l.x0 - pad && cx <= l.x1 + pad && cy >= l.y0 - pad && cy <= l.y1 + pad;
      });
      if (inside_kept) continue;
      words.push_back(std::move(word));
    } while (tess.iterator_next(it.get(), tesseract::RIL_WORD));
  }
  tess.clear(api);
  // The page's rules too, from the image: a scan's ruled tables are then
  // read cell by cell, as a typeset page's are from its drawing.
  const std::vector<Rule> rules = FindScanRules(gray.data, gray.width, gray.height, gray.stride, dpi);
  std::vector<TextLine> lines = BuildLines(std::move(words), gray.width * scale, rules);
  for (TextLine& line : lines) {
    // Unknown (0), as TextLine says for OCR: the layout estimated it from
    // line boxes whose height follows the letters' ascenders and
    // descenders, so it would show font changes that are not there.
    line.font_size = 0;
  }
  RepairOcrMisreads(lines);
  lines.insert(lines.end(), kept.begin(), kept.end());
  return lines;
}

}  // namespace diar::extract_internal
