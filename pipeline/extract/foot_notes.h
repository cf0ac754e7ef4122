// foot_notes: a page's footnotes read after its text. Private to extract;
// layout.cc calls it on each page's lines once they are in reading order.
//
// A column's footnotes stand at its foot, below its last line of text, and
// a column read down to its foot puts them before the next column, which
// often goes on with the sentence the column broke off ("Många hushåll har
// låga inkomster under delar" / "2 SCB, ..." / "av året."). Every run of
// footnotes is moved to the end of the page, in the order read, so the text
// runs on from column to column and the notes follow it, numbered in order.
//
// A run of footnotes: lines set smaller than the page's text (by 1.5 pt and
// a sixth or more), the first opening with a note's number ("2 SCB, ...",
// one to three digits and a space, or the number raised on a line of its
// own beside it, as TeX sets it), each below the one before; it ends
// where a line in another size follows, or reading goes back up the page
// (the next column). Runs that already end the page's text stay where they
// are, after those moved; the page's foot (short lines below all else: a
// page number, "Sida 2 av 3") stays last. A page set in one size
// throughout has none.
#ifndef DIAR_PIPELINE_EXTRACT_FOOT_NOTES_H_
#define DIAR_PIPELINE_EXTRACT_FOOT_NOTES_H_

#include <cstddef>
#include <vector>

#include "pipeline/extract/extract.h"

namespace diar::extract_internal {

void MoveFootnotesToPageEnd(std::vector<TextLine>& lines);

// Where the page's foot starts in `lines` (in reading order): the short
// lines below everything else at the end (a page number, "Sida 2 av 3"),
// which stay last, where running lines are looked for. lines.size() when
// there are none.
std::size_t PageFootStart(const std::vector<TextLine>& lines);

}  // namespace diar::extract_internal

#endif  // DIAR_PIPELINE_EXTRACT_FOOT_NOTES_H_
