// paragraphs: the body lines of each page into paragraphs, with line-end
// hyphenation repaired. Private to normalise.
//
// Layout decides where a paragraph ends. Between two consecutive lines a
// break is made when the second
//   - starts with a bullet ("• ");
//   - is set in another font size or weight (a heading, or the body after
//     one: headings thus stay paragraphs of their own);
//   - starts further below than the line pitch of its font allows (20 %
//     over the document's median pitch for that size: paragraph spacing is
//     usually half a line or more, rounding jitter under a point; a size
//     with too few lines for a pitch of its own takes the document's,
//     grown in proportion when the size is larger, as a title wrapped over
//     two lines), unless the size has no pitch of its own (a heading) and
//     a word broken at a hyphen goes on in lower case;
//   - is indented by more than half an em against the first (a first-line
//     indent), except inside a list item (a bullet, or a label "1. ",
//     "a) " whose next line hangs at the text), whose lines hang indented;
//     a line back at the item's edge starts the next;
//   - follows a line that ends a sentence well short of the column's right
//     edge (over a third of the column free: a last line);
//   - follows a line that left room for the second's first two words
//     (wrapping never does: it was ended on purpose), measured to the
//     widest line nearby, when the words show it too: the first ends a
//     sentence or clause or is under half the text's width, or the second
//     opens a list item or would have fitted whole; never before a
//     lower-case start (NextWordsFitted in paragraphs.cc);
//   - starts a new column or region above the first and the first line ended
//     a sentence or the second starts with a capital;
//   - is set smaller than the page's text, at the paragraph's left edge, and
//     opens with the number after the one the paragraph opened with: the
//     next footnote, after a note that filled its line;
//   - follows an entry of a table of contents (the paragraph ends in a
//     leader of five dots or more and a page number), in plain text too;
//     the entry's leader then goes, one space parting its title from the
//     page number ("1.1 Syfte och mål 3"), as a tab parts them in the
//     source;
//   - opens with a field's label ("Plats: ", "Vår referens: ") after a
//     paragraph that did ("Tid: ..."), in plain text too.
// Lines on the same row (fragments split at a wide gap) always join, with a
// hyphen between them repaired as at a line end.
// Text files have no layout: blank lines separate paragraphs, and lines
// inside a block are joined only when the block is hard-wrapped (lines of
// similar length, none over 100 characters); otherwise each line is one.
//
// Hyphens: a line ending in letter + "-" is resolved by DecideHyphen; a line
// that ended in a soft hyphen joins outright; a line ending in an en dash
// glued to a word or number ("2021–") joins without a space. A paragraph
// ending a page with a hyphen takes the first word of the next page when
// that word continues it, so the repaired word is whole on one page.
#ifndef DIAR_PIPELINE_NORMALISE_PARAGRAPHS_H_
#define DIAR_PIPELINE_NORMALISE_PARAGRAPHS_H_

#include <string>
#include <vector>

#include "pipeline/normalise/dehyphenate.h"
#include "pipeline/normalise/line.h"

namespace diar::normalise_internal {

// Appends the text of the next line, `next`, to paragraph `para`, repairing
// a line-end hyphen or glued en dash as described above. `soft_hyphen_end`:
// the line `para` ends with ended in a soft hyphen; `typed_hyphen_end`: in a
// typed hyphen-minus (CleanedLine).
void AppendLine(std::string& para, bool soft_hyphen_end, const std::string& next,
                const HyphenEvidence& evidence, bool typed_hyphen_end = false);

// `pages[i]` holds page i's body lines in reading order. Returns each
// page's paragraphs, in order, without empty ones.
std::vector<std::vector<std::string>> BuildParagraphs(
    const std::vector<std::vector<Line>>& pages, const HyphenEvidence& evidence);

}  // namespace diar::normalise_internal

#endif  // DIAR_PIPELINE_NORMALISE_PARAGRAPHS_H_
