// glyph_words: a page's glyphs made into words as poppler's text page makes
// them in raw order (TextPage::addChar, poppler 22.12), without poppler's
// per-glyph bookkeeping. Private to extract; it sees poppler's core API, so
// a poppler version change touches it with pdf.cc, page_display.cc and
// reading_words.cc.
//
// Why: poppler's text page keeps, for every glyph, its code, font, edge,
// position and text matrix in six arrays regrown every 16 glyphs, and a
// heap word object per word: 13 % of a long plan's ingest, of which the
// layout reads the words' text, box, baseline, size, fonts and positions.
// GlyphWordBuilder keeps only those, with poppler's rules for where a word
// breaks, for the glyphs of horizontal text in ordinary fonts, upright or
// turned: the text of nearly every page. A glyph it does not read as
// poppler would (a Type 3 font, a vertical font, text drawn against its
// reading direction, a spacing accent poppler would combine with its
// letter) makes it give up on the page (Read() false); the page is then
// read by poppler's own text page, which WordsFromPoppler puts in the same
// form.
#ifndef DIAR_PIPELINE_EXTRACT_GLYPH_WORDS_H_
#define DIAR_PIPELINE_EXTRACT_GLYPH_WORDS_H_

#include <CharTypes.h>
#include <GfxState.h>
#include <TextOutputDev.h>

#include <optional>
#include <string>
#include <vector>

namespace diar::extract_internal {

// A word as poppler's glyph pass leaves it (before reading order).
struct GlyphWord {
  int rot = 0;                              // quarter turns, as TextWord::getRotation
  double base = 0, size = 0;                // baseline, font size in points
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;    // box
  int chars_begin = 0, chars_end = 0;       // its code points in GlyphWords::chars
  int char_pos = 0, char_end = 0;           // where its glyphs are in the content stream
  const void* font_first = nullptr;         // the fonts of its first and last glyphs,
  const void* font_last = nullptr;          // compared for identity only
  const TextWord* poppler = nullptr;        // the word poppler made, if it made it
  int length() const { return chars_end - chars_begin; }
};

struct GlyphWords {
  std::vector<GlyphWord> words;  // in the order drawn
  std::vector<Unicode> chars;
};

// The words of poppler's text page, `list` in raw order.
GlyphWords WordsFromPoppler(TextWordList& list);

// Glyphs in, words out, one page at a time; the calls mirror a text output
// device's (TextOutputDev's) and take the same arguments.
class GlyphWordBuilder {
 public:
  void StartPage(const GfxState* state);
  void UpdateFont(const GfxState* state);
  void DrawChar(const GfxState* state, double x, double y, double dx, double dy, CharCode c,
                int bytes, const Unicode* u, int u_len);
  void IncCharCount(int chars) { char_pos_ += chars; }
  void BeginActualText(const GooString* text);
  void EndActualText(const GfxState* state);
  void EndPage();
  // Gives up on the page: its glyphs are to be read by poppler.
  void GiveUp() { gave_up_ = true; }

  // True when every glyph of the page was read as poppler reads it; then
  // words() are the page's words.
  bool Read() const { return !gave_up_; }
  GlyphWords& words() { return words_; }

 private:
  void AddChar(const GfxState* state, double x, double y, double dx, double dy, CharCode c,
               int bytes, const Unicode* u, int u_len);
  bool BeginWord(const GfxState* state);
  void StartBox(double x, double y);
  void EndWord();

  GlyphWords words_;
  bool gave_up_ = false;
  double page_width_ = 0, page_height_ = 0;
  const GfxFont* font_ = nullptr;  // the current font, and its size in points
  bool font_vertical_ = false;     // the current font writes vertically
  double font_size_ = 0;
  int char_pos_ = 0;
  int tiny_chars_ = 0;
  bool in_word_ = false;
  GlyphWord word_;             // the word being built, while in_word_
  double last_char_edge_ = 0;  // where the word's last glyph starts along the line
  bool last_char_overlap_ = false;
  // An ActualText span: its text, and the glyphs' extent and bytes so far.
  std::optional<std::string> span_;
  double span_x0_ = 0, span_y0_ = 0, span_x1_ = 0, span_y1_ = 0;
  int span_bytes_ = 0;
};

}  // namespace diar::extract_internal

#endif  // DIAR_PIPELINE_EXTRACT_GLYPH_WORDS_H_
