// line: the unit the private parts of normalise pass between them — one
// layout line with its text already cleaned (chars.h). Private to normalise.
#ifndef DIAR_PIPELINE_NORMALISE_LINE_H_
#define DIAR_PIPELINE_NORMALISE_LINE_H_

#include <string>

namespace diar::normalise_internal {

struct Line {
  std::string text;  // cleaned: NFC, one space between words, trimmed
  // Layout, as in TextLine (points, top-left origin); all zero and has_box
  // false for text files, which have no layout.
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double font_size = 0;  // 0: unknown (text files, OCR)
  bool bold = false;
  int column = 0;
  bool has_box = false;
  // A table row (TextLine::table_row): cells separated by " | ", a
  // cell's wrapped lines by U+2028 until paragraphs joins them.
  bool table_row = false;
  // Set a quarter turn (TextLine::vertical): a stamp or note along the
  // page's edge, a paragraph of its own.
  bool vertical = false;
  // The raw line ended in a soft hyphen (U+00AD): the producer marked a
  // hyphenation break, so the word joins without asking the lexicon.
  bool soft_hyphen_end = false;
  // The raw line ended in a typed hyphen-minus (CleanedLine).
  bool typed_hyphen_end = false;
  // The raw line ended in a HYPHEN U+2010 (not after a soft hyphen); `text`
  // has it as "-". Whether it was drawn for a break is the document's
  // question (normalise.cc, MarkDrawnBreaks).
  bool u2010_end = false;
  // The page was read by diar's own OCR (ExtractedPage::ocr): its lines
  // carry no font size, and paragraphs reads their breaks by room alone.
  bool ocr = false;
  // Text files: one or more blank lines came before this one.
  bool after_blank = false;

  double Height() const { return y1 - y0; }
};

}  // namespace diar::normalise_internal

#endif  // DIAR_PIPELINE_NORMALISE_LINE_H_
