#include "tests/extract/pdf_maker.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <stdexcept>

namespace diar::testing {
namespace {

constexpr double kWidth = 595.276;  // A4, points
constexpr double kHeight = 841.890;
constexpr double kMargin = 72;
constexpr double kGutter = 24;

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

// The block's text without soft hyphens: what the truth holds.
std::string Plain(const Block& b) {
  return (b.bullet ? "\xE2\x80\xA2 " : "") + Replace(b.text, "\xC2\xAD", "");
}

// Draws `text` at (x, y) in a box `width` wide; returns the height used.
double Draw(cairo_t* cr, const std::string& text, const std::string& font, double size,
            bool bold, double x, double y, double width, bool justify,
            PangoAlignment align = PANGO_ALIGN_LEFT) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* desc = pango_font_description_from_string(font.c_str());
  pango_font_description_set_size(desc, static_cast<int>(size * PANGO_SCALE));
  pango_font_description_set_weight(desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout, desc);
  pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD);
  pango_layout_set_justify(layout, justify);
  pango_layout_set_alignment(layout, align);
  pango_layout_set_text(layout, text.c_str(), -1);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
  int w = 0, h = 0;
  pango_layout_get_size(layout, &w, &h);
  pango_font_description_free(desc);
  g_object_unref(layout);
  return static_cast<double>(h) / PANGO_SCALE;
}

// Draws the blocks of one page body; appends their truth lines.
void DrawBody(cairo_t* cr, const PageSpec& page, const Style& style, std::string& truth) {
  cairo_set_source_rgb(cr, 0, 0, 0);
  const double full = kWidth - 2 * kMargin;
  double y = kMargin + 14;
  std::size_t first = 0;
  if (page.two_columns) {
    while (first < page.blocks.size() && page.blocks[first].size > 12) {
      const Block& b = page.blocks[first++];
      y += Draw(cr, b.text, style.font, b.size, b.bold, kMargin, y, full, false) + 8;
      truth += Plain(b) + "\n";
    }
  }
  const std::size_t count = page.blocks.size() - first;
  const std::size_t left_count = page.two_columns ? (count + 1) / 2 : count;
  const double column = page.two_columns ? (full - kGutter) / 2 : full;
  const double top = y;
  for (std::size_t i = first; i < page.blocks.size(); ++i) {
    const bool right = page.two_columns && i - first >= left_count;
    if (right && i - first == left_count) y = top;
    const double x = kMargin + (right ? column + kGutter : 0);
    const Block& b = page.blocks[i];
    if (b.bullet) {
      Draw(cr, "\xE2\x80\xA2", style.font, b.size, false, x, y, 12, false);
      y += Draw(cr, b.text, style.font, b.size, b.bold, x + 14, y, column - 14, style.justify) + 3;
    } else {
      y += Draw(cr, b.text, style.font, b.size, b.bold, x, y, column,
                style.justify && b.size <= 12) +
           (b.size > 12 ? 6 : 8);
    }
    truth += Plain(b) + "\n";
  }
}

void DrawRunningLines(cairo_t* cr, const Style& style, int number, int pages) {
  if (number == 1 && !style.header_on_first_page) return;
  auto fill = [&](const std::string& s) {
    return Replace(Replace(s, "{page}", std::to_string(number)), "{pages}", std::to_string(pages));
  };
  const double full = kWidth - 2 * kMargin;
  cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
  if (!style.header_left.empty()) {
    Draw(cr, fill(style.header_left), style.font, 8, false, kMargin, 36, full, false);
  }
  if (!style.header_right.empty()) {
    Draw(cr, fill(style.header_right), style.font, 8, false, kMargin, 36, full, false,
         PANGO_ALIGN_RIGHT);
  }
  if (!style.footer_center.empty()) {
    Draw(cr, fill(style.footer_center), style.font, 8, false, kMargin, kHeight - 48, full, false,
         PANGO_ALIGN_CENTER);
  }
  if (!style.footer_outer.empty()) {
    Draw(cr, fill(style.footer_outer), style.font, 8, false, kMargin, kHeight - 48, full, false,
         number % 2 == 1 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  }
}

}  // namespace

std::string MakePdf(const std::string& path, const std::vector<PageSpec>& pages,
                    const Style& style) {
  cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), kWidth, kHeight);
  cairo_t* cr = cairo_create(surface);
  std::string truth;
  const int count = static_cast<int>(pages.size());
  for (int p = 0; p < count; ++p) {
    if (p > 0) truth += "\f\n";
    const PageSpec& page = pages[static_cast<std::size_t>(p)];
    if (page.image_only) {
      // 300 dpi grey raster of the page, painted at 72/300 scale.
      const double scale = 300.0 / 72.0;
      cairo_surface_t* image = cairo_image_surface_create(
          CAIRO_FORMAT_RGB24, static_cast<int>(kWidth * scale), static_cast<int>(kHeight * scale));
      cairo_t* ic = cairo_create(image);
      cairo_set_source_rgb(ic, 1, 1, 1);
      cairo_paint(ic);
      cairo_scale(ic, scale, scale);
      DrawBody(ic, page, style, truth);
      if (!style.stamp_running_lines) DrawRunningLines(ic, style, p + 1, count);
      cairo_destroy(ic);
      cairo_save(cr);
      cairo_scale(cr, 1 / scale, 1 / scale);
      cairo_set_source_surface(cr, image, 0, 0);
      cairo_paint(cr);
      cairo_restore(cr);
      cairo_surface_destroy(image);
      if (style.stamp_running_lines) DrawRunningLines(cr, style, p + 1, count);
    } else {
      DrawBody(cr, page, style, truth);
      DrawRunningLines(cr, style, p + 1, count);
    }
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error(path + ": cairo: " + cairo_status_to_string(status));
  }
  return truth;
}

}  // namespace diar::testing
