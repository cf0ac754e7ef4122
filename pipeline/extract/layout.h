// layout: the words of one page, with their boxes, into lines in reading
// order. Private to extract; pure geometry, so it is shared by the PDF text
// layer and OCR, and tested without a PDF.
//
// Steps, each with a reason:
//   1. Words sharing a baseline band form a row.
//   2. A row is split into fragments where the gap between two words is much
//      wider than a word space: that gap is a column gutter, a table cell
//      border or a tab stop, and the text either side does not run on.
//   3. A gutter is looked for near the middle of the page (FindGutter in
//      layout.cc says how): first one shared by the whole page, else one per
//      slab of rows set apart by white space (a letterhead). Rows clear of
//      it are read as two columns, left column first; rows across it (a
//      full-width heading, the running header) in place, top to bottom.
//      A column that parts again into columns of running text (a page of
//      three columns) is read the same way, column by column. The columns
//      end at a heading set larger, left of the gutter, once both columns'
//      text is above it, or where the columns above it end together with
//      none of the right column beside it (a page of sections, each a
//      heading over its own columns). A pull quote set larger right of the
//      gutter is the right column's own, and so is a heading of the left
//      column wrapped onto two lines when the right column stands beside
//      either of them.
//   4. A block that looks like a two-column table rather than running text
//      (short left cells; or a form: a few words to a left line beside a
//      much wider right column) is read row by row, which keeps label and
//      value together. A margin column beside the text (headings, a dnr,
//      clause numbers, each level with a group of the text's lines) is read
//      group by group with it. A letterhead's two blocks at the page's top,
//      two parties' signature blocks either side of the signing space and
//      cards side by side (a large figure over its caption) are read block
//      by block. A rule drawn across the gutter ends the columns above it.
//   5. A column's footnotes are read after the page's text (foot_notes.h).
//   6. A framed box set over a two-column page's gutter, the columns
//      wrapped around it (a callout, callouts.h), is taken out first and
//      read after the page's text, before its foot.
// First of all, list bullets that the producer drew as shapes rather than
// as glyphs (Chromium and Qt WebKit, so wkhtmltopdf, draw a list's discs,
// squares and rings as paths) become "•" words, so the items read as
// bullet items do.
// Before the rows are formed, ruled tables are taken out (ruled_tables.h):
// where the page's rules form a grid, each table row becomes one
// line, its cells in order separated by " | ", a cell's own wrapped lines
// separated by U+2028 (normalise joins them and repairs their hyphens).
// Once the rows are formed, tables without vertical rules are read the same
// way (aligned_tables.h says how they are found). Before that, a table
// marked by horizontal rules of one width (two or more; a rule drawn cell
// by cell is one) with text beside it (a table in one column of two, or
// two tables side by side) is read on its own, from the words inside its
// rules and its header row on the top rule (ReadTablesBeside in
// layout.cc), so the other column's lines are not taken for more of its
// columns.
// Once the rows are formed, a page whose word boxes fall short of their ink
// (an OCR text layer: even its narrowest word spaces are over half an em)
// has its words widened back to a typeset page's spacing
// (WidenShortWordBoxes in layout.cc), so the gaps below mean what they
// mean on a typeset page.
// Before all that, within each row: words that touch, same size on one
// baseline with no gap (parted by a font change or a space glyph that takes
// no room, as Ghostscript writes soft hyphens), are one word
// (JoinTouchingWords in layout.cc, before the widening); letter-spaced
// words ("k o m m u n") are joined (JoinLetterSpaced); a hyphen set apart
// from its word
// by less than a word space, as LibreOffice sets an automatic break's, is
// glued back (GlueDetachedHyphens); footnote references, small raised
// digits glued to a word, are dropped (DropNoteReferences) — the notes
// themselves stay at the foot of the page; small lowered figures glued to
// a word are its subscript ("CO2", "PM2,5": GlueSubscripts).
#ifndef DIAR_PIPELINE_EXTRACT_LAYOUT_H_
#define DIAR_PIPELINE_EXTRACT_LAYOUT_H_

#include <string>
#include <vector>

#include "pipeline/extract/extract.h"

namespace diar::extract_internal {

struct Word {
  std::string text;  // UTF-8
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // points, top-left origin
  double font_size = 0;
  bool bold = false;
  bool table_row = false;  // a whole ruled-table row (ReadTables)
};

// Words sharing a baseline band (step 1), for the steps after it.
struct Row {
  std::vector<Word> words;  // sorted by x0 once the row is complete
  double center = 0;        // mean vertical centre of its words
  double height = 0;        // mean height of its words
  double y0 = 0, y1 = 0;    // union of the words' boxes
};

// The word's size in points, from its box where the text layer has none.
double FontSize(const Word& w);

// The middle value (the upper one of an even count); 0 for none.
double Median(std::vector<double> v);

// Whether `b` goes on `a`'s word with no space (layout.cc says why).
bool Touches(const Word& a, const Word& b);

// A table row's text from its cells in order: " | " between cells, a
// cell's own lines as they are. An empty cell between two cells of text
// keeps its place ("Summa | | 412 500"), so the next cell's text is not
// handed to its column; empty cells before the row's first cell of text
// and after its last (a header's corner, an indent, a blank mark) are
// left out.
std::string TableRowText(const std::vector<std::string>& cells);

// A straight rule drawn on the page (a table's border), in the words'
// coordinates: horizontal when y0 == y1, vertical when x0 == x1.
struct Rule {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// A small filled shape drawn on the page, about as wide as it is tall (a
// disc or a square of 1.5-8 points): in the words' coordinates.
struct Dot {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// Lines of the page in reading order. `page_width` is used to look for the
// gutter near the middle of the page; `rules` to find ruled tables; `dots`
// to find list bullets drawn as shapes (AddDrawnBullets in layout.cc).
std::vector<TextLine> BuildLines(std::vector<Word> words, double page_width,
                                 const std::vector<Rule>& rules = {},
                                 const std::vector<Dot>& dots = {});

}  // namespace diar::extract_internal

#endif  // DIAR_PIPELINE_EXTRACT_LAYOUT_H_
