// callouts: a framed box set across a two-column page's gutter, the
// columns' text wrapped around it (an information sheet's "Visste du
// att…" box), taken out of the page so it is read after the page's text
// rather than spliced into the columns' lines. Private to extract; pure
// geometry like layout.h, whose BuildLines calls it before anything else
// reads the words.
//
// A callout: four rules closing a rectangle (top and bottom of one width,
// left and right of one height, meeting at the corners) that stands free:
// no rule inside it or going on past its sides (so neither a table's grid
// nor one of its cells, ruled_tables.h), under 0.6 of the
// page's width, over the page's middle by a tenth of its own width each
// side, with words of the page beside it on both sides, two or more each,
// level with it. The words whose centres are inside it are its text.
// Boxes within one column, a full-width frame and a frame with no text
// beside it (a title page's box) are read in place as before.
#ifndef DIAR_PIPELINE_EXTRACT_CALLOUTS_H_
#define DIAR_PIPELINE_EXTRACT_CALLOUTS_H_

#include <vector>

#include "pipeline/extract/layout.h"

namespace diar::extract_internal {

// A callout taken out of its page: its frame and its words.
struct Callout {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::vector<Word> words;
};

// Takes each callout's words out of `words`, top to bottom. Its frame's
// rules are the caller's to drop (drawn across the gutter, they would end
// the columns wrapped around it), and the columns beside it, which stop
// short at its frame as a form's values stop short, are two columns
// however short their lines (EmitRegion in layout.cc).
std::vector<Callout> TakeCallouts(std::vector<Word>& words, const std::vector<Rule>& rules,
                                  double page_width);

}  // namespace diar::extract_internal

#endif  // DIAR_PIPELINE_EXTRACT_CALLOUTS_H_
