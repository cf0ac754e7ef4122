// ruled_tables: tables drawn with vertical and horizontal rules, read cell
// by cell. Private to extract; pure geometry like layout.h, which calls it
// before the rows are formed.
//
// Where the page's rules cross into a grid of at least two columns and one
// row (rules that touch, a border drawn cell by cell, are one rule, also
// where pieces of one line meet end to end with no rule across the joint;
// a frame with no inner vertical rule is a box around text, not a table), the words
// inside are read cell by cell: a row's cells are parted by the vertical
// rules that run through that row, so a cell spanning columns (a header over
// two, a form's full-width box) is one cell. A band between two rules
// whose cells hold rows no rule parts (groff's tbl "box" with its columns
// ruled, or only its first: every cell as many lines, figures line under
// line or columns inside a cell, or three lines or more none of which goes
// on from the one before) is not one row: its lines are rows, level across
// its cells, or, with columns inside cells, the whole table is left to the
// aligned-table reader (aligned_tables.h). Each table row replaces its
// words as one word (table_row) spanning the row, read at its first line's
// height, its cells in order separated by " | " and a cell's own lines by
// U+2028, for the rest of the layout to place like any line.
#ifndef DIAR_PIPELINE_EXTRACT_RULED_TABLES_H_
#define DIAR_PIPELINE_EXTRACT_RULED_TABLES_H_

#include <vector>

#include "pipeline/extract/layout.h"

namespace diar::extract_internal {

void ReadTables(std::vector<Word>& words, const std::vector<Rule>& rules);

}  // namespace diar::extract_internal

#endif  // DIAR_PIPELINE_EXTRACT_RULED_TABLES_H_
