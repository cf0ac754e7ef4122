#include "pipeline/extract/glyph_words.h"

#include <GfxFont.h>
#include <UTF.h>  // TextStringToUCS4
#include <goo/GooString.h>
#include <goo/gmem.h>

#include <cmath>

namespace diar::extract_internal {
namespace {

// poppler 22.12's parameters (TextOutputDev.cc), as fractions of the font
// size unless said.
constexpr double kMinWordBreakSpace = 0.1;
constexpr double kMinDupBreakOverlap = 0.2;
constexpr double kDupMaxPriDelta = 0.1;
constexpr double kDupMaxSecDelta = 0.2;
constexpr double kMaxBaseShift = 0.5;  // points
constexpr int kMaxTinyChars = 50000;

// The characters at which poppler ends a word (its UnicodeIsWhitespace,
// which the library does not export): Unicode's white space.
bool IsWhiteSpace(Unicode c) {
  switch (c) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20: case 0x85: case 0xA0:
    case 0x2000: case 0x2001: case 0x2002: case 0x2003: case 0x2004: case 0x2005: case 0x2006:
    case 0x2007: case 0x2008: case 0x2009: case 0x200A: case 0x2028: case 0x2029: case 0x202F:
    case 0x205F: case 0x3000:
      return true;
    default:
      return false;
  }
}

}  // namespace

GlyphWords WordsFromPoppler(TextWordList& list) {
  GlyphWords out;
  const int n = list.getLength();
  out.words.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    const TextWord* w = list.get(i);
    GlyphWord g;
    g.rot = w->getRotation();
    g.base = w->getBaseline();
    g.size = w->getFontSize();
    w->getBBox(&g.x0, &g.y0, &g.x1, &g.y1);
    const int length = w->getLength();
    g.chars_begin = static_cast<int>(out.chars.size());
    out.chars.insert(out.chars.end(), w->getChar(0), w->getChar(0) + length);
    g.chars_end = static_cast<int>(out.chars.size());
    g.char_pos = w->getCharPos();
    g.char_end = w->getCharPos() + w->getCharLen();
    g.font_first = w->getFontInfo(0);
    g.font_last = w->getFontInfo(length - 1);
    g.poppler = w;
    out.words.push_back(g);
  }
  return out;
}

void GlyphWordBuilder::StartPage(const GfxState* state) {
  words_.words.clear();
  words_.chars.clear();
  gave_up_ = false;
  page_width_ = state != nullptr ? state->getPageWidth() : 0;
  page_height_ = state != nullptr ? state->getPageHeight() : 0;
  font_ = nullptr;
  font_vertical_ = false;
  font_size_ = 0;
  char_pos_ = 0;
  tiny_chars_ = 0;
  in_word_ = false;
}

void GlyphWordBuilder::UpdateFont(const GfxState* state) {
  font_ = state->getFont().get();
  font_vertical_ = font_ != nullptr && font_->getWMode() != 0;
  font_size_ = state->getTransformedFontSize();
  // poppler sizes a Type 3 font by guessing its glyph space from the width
  // of an "m"; such fonts are left to it (DrawChar gives up on them).
}

void GlyphWordBuilder::DrawChar(const GfxState* state, double x, double y, double dx, double dy,
                                CharCode c, int bytes, const Unicode* u, int u_len) {
  if (gave_up_) return;
  if (font_vertical_) {
    gave_up_ = true;
    return;
  }
  if (!span_) {
    AddChar(state, x, y, dx, dy, c, bytes, u, u_len);
    return;
  }
  // In an ActualText span the glyphs only mark out where its text goes.
  if (span_bytes_ == 0) span_x0_ = x, span_y0_ = y;
  span_x1_ = x + dx;
  span_y1_ = y + dy;
  span_bytes_ += bytes;
}

void GlyphWordBuilder::BeginActualText(const GooString* text) {
  span_ = text != nullptr ? text->toStr() : std::string();
  span_bytes_ = 0;
}

void GlyphWordBuilder::EndActualText(const GfxState* state) {
  if (span_ && span_bytes_ > 0 && !gave_up_) {
    Unicode* text = nullptr;
    const int length = TextStringToUCS4(*span_, &text);
    AddChar(state, span_x0_, span_y0_, span_x1_ - span_x0_, span_y1_ - span_y0_, 0, span_bytes_,
            text, length);
    gfree(text);
  }
  span_.reset();
  span_bytes_ = 0;
}

void GlyphWordBuilder::EndPage() { EndWord(); }

void GlyphWordBuilder::AddChar(const GfxState* state, double x, double y, double dx, double dy,
                               CharCode c, int bytes, const Unicode* u, int u_len) {
  // The glyph's advance without the character and word spacing, in
  // device space, and its origin.
  double spacing = state->getCharSpace();
  if (c == static_cast<CharCode>(0x20)) spacing += state->getWordSpace();
  double sx, sy;
  state->textTransformDelta(spacing * state->getHorizScaling(), 0, &sx, &sy);
  double w, h, x1, y1;
  state->transformDelta(dx - sx, dy - sy, &w, &h);
  state->transform(x, y, &x1, &y1);
  if (x1 + w < 0 || x1 > page_width_ || y1 + h < 0 || y1 > page_height_ || std::isnan(x1) ||
      std::isnan(y1) || std::isnan(w) || std::isnan(h)) {
    char_pos_ += bytes;
    return;
  }
  if (std::fabs(w) < 3 && std::fabs(h) < 3 && ++tiny_chars_ > kMaxTinyChars) {
    char_pos_ += bytes;
    return;
  }
  if (u_len == 1 && IsWhiteSpace(u[0])) {
    char_pos_ += bytes;
    EndWord();
    return;
  }
  if (u_len == 1 && u[0] == 0) {
    char_pos_ += bytes;
    return;
  }
  // A new word where the glyph does not follow the word's last one: a gap
  // of more than a tenth of an em along the line, an overlap of more than
  // a fifth, a glyph over the last one (duplicated text: each duplicate a
  // word of its own at this stage, as is the glyph after one), another
  // baseline or another size. Along the line is x for rotations 0 and 2
  // (2 reads leftwards), y for 1 and 3 (3 reads upwards).
  if (in_word_) {
    const double size = word_.size;
    const bool across_x = word_.rot % 2 == 1;  // the baseline is an x
    const double base = across_x ? x1 : y1;
    double gap = 0, delta = 0;
    switch (word_.rot) {
      case 0: gap = x1 - word_.x1, delta = x1 - last_char_edge_; break;
      case 1: gap = y1 - word_.y1, delta = y1 - last_char_edge_; break;
      case 2: gap = word_.x0 - x1, delta = last_char_edge_ - x1; break;
      default: gap = word_.y0 - y1, delta = last_char_edge_ - y1; break;
    }
    const double shift = std::fabs(base - word_.base);
    const bool overlap = std::fabs(delta) < kDupMaxPriDelta * size && shift < kDupMaxSecDelta * size;
    if (overlap || last_char_overlap_ || gap < -kMinDupBreakOverlap * size ||
        gap > kMinWordBreakSpace * size || shift > kMaxBaseShift || font_size_ != size) {
      EndWord();
    }
    last_char_overlap_ = overlap;
  } else {
    last_char_overlap_ = false;
  }
  if (u_len == 0) {
    char_pos_ += bytes;
    return;
  }
  if (!in_word_ && !BeginWord(state)) return;
  const int rot = word_.rot;
  if ((rot == 0 && w < 0) || (rot == 1 && h < 0) || (rot == 2 && w > 0) || (rot == 3 && h > 0)) {
    // Drawn against its reading direction: poppler parts it glyph by glyph.
    gave_up_ = true;
    return;
  }
  w /= u_len;
  h /= u_len;
  for (int i = 0; i < u_len; ++i) {
    const double gx = x1 + i * w, gy = y1 + i * h;
    if (word_.chars_end == word_.chars_begin) StartBox(gx, gy);
    // The glyph's edge along the line, and the word's end there.
    switch (rot) {
      case 0: last_char_edge_ = gx, word_.x1 = gx + w; break;
      case 1: last_char_edge_ = gy, word_.y1 = gy + h; break;
      case 2: last_char_edge_ = gx, word_.x0 = gx + w; break;
      default: last_char_edge_ = gy, word_.y0 = gy + h; break;
    }
    words_.chars.push_back(u[i]);
    ++word_.chars_end;
    word_.char_end = char_pos_ + bytes;
    word_.font_last = font_;
  }
  char_pos_ += bytes;
}

// The box of a word whose first glyph is at (x, y): across the line it
// spans the font's ascent to its descent (a sliver of a point where a
// font declares both the same); along it the glyphs set it.
void GlyphWordBuilder::StartBox(double x, double y) {
  const double ascent = (font_ != nullptr ? font_->getAscent() : 0.95) * word_.size;
  const double descent = (font_ != nullptr ? font_->getDescent() : -0.35) * word_.size;
  switch (word_.rot) {
    case 0:
      word_.x0 = x, word_.y0 = y - ascent, word_.y1 = y - descent;
      if (word_.y0 == word_.y1) word_.y0 = y, word_.y1 = y + 1;
      word_.base = y;
      break;
    case 1:
      word_.x0 = x + descent, word_.y0 = y, word_.x1 = x + ascent;
      if (word_.x0 == word_.x1) word_.x0 = x, word_.x1 = x + 1;
      word_.base = x;
      break;
    case 2:
      word_.y0 = y + descent, word_.x1 = x, word_.y1 = y + ascent;
      if (word_.y0 == word_.y1) word_.y0 = y, word_.y1 = y + 1;
      word_.base = y;
      break;
    default:
      word_.x0 = x - ascent, word_.x1 = x - descent, word_.y1 = y;
      if (word_.x0 == word_.x1) word_.x0 = x, word_.x1 = x + 1;
      word_.base = x;
      break;
  }
  word_.char_pos = char_pos_;
  word_.font_first = font_;
}

// Starts a word for a glyph in the current font, turned as poppler turns
// it from the font's transform (a quarter turn at a time). Text in a Type 3
// font or a vertical font is left to poppler.
bool GlyphWordBuilder::BeginWord(const GfxState* state) {
  const GfxFont* font = state->getFont().get();
  if (font != nullptr && (font->getType() == fontType3 || font->getWMode() != 0)) {
    gave_up_ = true;
    return false;
  }
  double m[4];
  state->getFontTransMat(&m[0], &m[1], &m[2], &m[3]);
  int rot;
  if (std::fabs(m[0] * m[3]) > std::fabs(m[1] * m[2])) {
    rot = (m[0] > 0 || m[3] < 0) ? 0 : 2;
  } else {
    rot = m[2] > 0 ? 1 : 3;
  }
  word_ = GlyphWord();
  word_.rot = rot;
  word_.size = font_size_;
  word_.chars_begin = word_.chars_end = static_cast<int>(words_.chars.size());
  in_word_ = true;
  return true;
}

void GlyphWordBuilder::EndWord() {
  if (!in_word_) return;
  in_word_ = false;
  if (word_.chars_end > word_.chars_begin) words_.words.push_back(word_);
}

}  // namespace diar::extract_internal
