// running_lines: running headers, running footers and page numbers, found so
// they can be dropped. Private to normalise.
//
// A line is a candidate only where such lines live: among the three topmost
// or three bottommost rows of its page, set apart from the body by a gap
// taller than a line (a blank line in text files), and, when the page has a
// layout, in the top or bottom fifth of it; and not set larger than the
// body text (that is a heading). A candidate is dropped when
//   - its shape (digits folded to '#', case and spaces folded: "Sida 4 av
//     12" and "Sida 5 av 12" are one shape) recurs in the same zone on at
//     least 40 % of the pages and on at least two pages — 40 % rather than
//     most, because headers often alternate between odd and even pages and
//     first pages carry a letterhead instead — and runs across the pages:
//     the same text on each, or a number moving in step with the page
//     ("Sida 4 av 12" on page 4, "Sida 5 av 12" on page 5) and every other
//     number fixed or in step too, where headings such as "§ 12", "§ 15"
//     at the top of protocol pages change otherwise ("§ 32 Dnr BUN
//     2024/0140" on page 2, "§ 33 Dnr BUN 2024/0151" on page 3: the dnr
//     does not follow the page), and a number after "§" never counts as a
//     page's;
//     or its shape is within a small edit distance of such a shape (OCR
//     misreads a letter or two); and on its page it stands where it stands
//     on another page (within a line's height, a header measured from the
//     top edge and a footer from the bottom edge, so a landscape page's
//     footer matches the portrait pages'; the letterhead's "Dnr ..." on
//     page 1, lower than the header that repeats it on page 2, stays);
//     or
//   - it is a page number on its own: "4", "- 4 -", "4 (12)", "4/12",
//     "Sida 4", "sid. 4 av 12", "Page 4 of 12", a lone roman numeral.
// Lines set a quarter turn (Line::vertical: an e-signing service's stamp
// along the page's edge, "Transaktion 0922... Signerat med BankID") are a
// zone of their own, placed by their distance from the nearer side edge,
// and recur as the others do; one that does not recur stays, as its own
// line.
// Body text that repeats ("Beslut", a table heading) is safe unless it sits
// at the very top or bottom of most pages, where it is running text anyway.
#ifndef DIAR_PIPELINE_NORMALISE_RUNNING_LINES_H_
#define DIAR_PIPELINE_NORMALISE_RUNNING_LINES_H_

#include <string>
#include <vector>

#include "pipeline/normalise/line.h"

namespace diar::normalise_internal {

struct PageLayout {
  std::vector<Line> lines;
  double height = 0;  // points; 0 when the page has no layout
  double width = 0;   // points; 0 when the page has no layout
};

// Per page, per line: true when the line is a running header, footer or
// page number.
std::vector<std::vector<bool>> FindRunningLines(const std::vector<PageLayout>& pages);

// True when `text` is nothing but a page number in one of the forms above.
bool IsPageNumber(const std::string& text);

}  // namespace diar::normalise_internal

#endif  // DIAR_PIPELINE_NORMALISE_RUNNING_LINES_H_
