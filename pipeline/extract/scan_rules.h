// scan_rules: the straight rules drawn on a scanned page (a table's borders,
// a form's frames), found in its rendered image so that the layout can read
// a scan's ruled tables cell by cell as it reads a typeset page's, whose
// rules it takes from the PDF's drawing (layout.h, ReadTables): on pages
// diar reads by OCR, and on scans whose text layer an OCR engine wrote
// (pdf.cc). Private to extract.
//
// A rule is a run of dark pixels (below mid-grey) along one pixel row or
// column, allowed gaps of up to 2 pixels (a scan's broken ink), at least a
// quarter of an inch long: no letter is that long in text below 20 pt
// (a stem of a 20 pt "l" is about 0.2 inch), while the shortest border of a
// table, one row's height, is about that. Runs in neighbouring pixel rows
// (columns) that overlap are one rule of that thickness, reported at its
// middle. A scan skewed by more than about half a degree breaks its long
// rules into pieces too short to pass; those tables are then read as text
// is (not deskewed: tesseract reads skewed text, but the rules are lost).
//
// Cost: one pass over the image, lost in the seconds of recognition (a
// page read 2.95-3.7 s with it, 3.0-3.1 s before; DECISIONS.md).
#ifndef DIAR_PIPELINE_EXTRACT_SCAN_RULES_H_
#define DIAR_PIPELINE_EXTRACT_SCAN_RULES_H_

#include <cstddef>
#include <vector>

#include "pipeline/extract/layout.h"

namespace diar::extract_internal {

// The rules of an 8-bit grey image (`width` x `height` pixels, rows
// `bytes_per_row` apart, 0 black) rendered at `dpi`, in points from the
// top-left corner as layout.h's Rule wants them: horizontal rules with
// y0 == y1, vertical ones with x0 == x1.
std::vector<Rule> FindScanRules(const unsigned char* pixels, int width, int height,
                                std::size_t bytes_per_row, double dpi);

}  // namespace diar::extract_internal

#endif  // DIAR_PIPELINE_EXTRACT_SCAN_RULES_H_
