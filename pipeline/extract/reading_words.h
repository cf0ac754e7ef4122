// reading_words: a page's words as poppler's reading order makes them,
// taken from its raw order, without poppler building that order. Private to
// extract (pdf.cc); it follows poppler 22.12's rules, so a poppler version
// change is checked here too (glyph_words.h).
//
// Why: the layout (layout.h) orders the words itself, from their boxes, so
// of poppler's reading order (TextPage::coalesce: blocks, lines, flows; 11 %
// of a long plan's extraction) it needs only what that order does to the
// words. That is two things, both done here on the raw words, in poppler
// 22.12's terms (TextBlock::coalesce and TextLine::coalesce):
//   - duplicated text (fake bold, drop shadows: the same text drawn again
//     within a tenth of an em along the line and a fifth across it) is read
//     once;
//   - words poppler's glyph pass parted (at a kern of more than a fifth of
//     an em back, a size change of under 5 %, a baseline shift) that follow
//     one another in the content stream and in one font with less than the
//     line's character spacing between them are one word ("SIP" + "." set
//     with a kern back).
// A line here is a run of words drawn one after another along one baseline
// (within half an em of the run's first word, each starting no more than
// half an em back and less than 1.5 em on from the one before): poppler's
// own lines take words in x order, which differs only where a line is drawn
// out of order, and then only in the spacing a merge is held to.
#ifndef DIAR_PIPELINE_EXTRACT_READING_WORDS_H_
#define DIAR_PIPELINE_EXTRACT_READING_WORDS_H_

#include <vector>

#include "pipeline/extract/glyph_words.h"

namespace diar::extract_internal {

// One word: the glyph words `begin` to `end` (exclusive), which follow one
// another in the order drawn; the first's rotation, baseline, size and font
// are the word's. The box is the union of theirs.
struct ReadingWord {
  int begin = 0, end = 0;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// The words of a page, `glyph_words` (glyph_words.h, in the order drawn),
// with duplicates dropped and parted words merged, in the order drawn.
std::vector<ReadingWord> ReadingOrderWords(const GlyphWords& glyph_words);

}  // namespace diar::extract_internal

#endif  // DIAR_PIPELINE_EXTRACT_READING_WORDS_H_
