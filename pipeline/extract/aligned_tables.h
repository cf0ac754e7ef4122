// aligned_tables: tables drawn without vertical rules (no rules at all, or
// horizontal rules only: the LibreOffice and Word defaults), found from the
// geometry of rows that are already formed. Private to extract; pure
// geometry like layout.h, which calls it.
//
// A table is a run of rows that keep clear of the same vertical channels
// (white space at least 0.45 em wide that no word of any of the rows
// crosses), where:
//   - there are three or more columns, or two with a horizontal rule
//     between rows (two columns alone are two-column text, a hanging-indent
//     list or a label/value header, which layout.cc reads already);
//   - the run divides into at least three table rows (two when ruled), and
//     each column has text in two of them, starting (or ending) at one x;
//   - some column is not filled line after line as running text fills a
//     column (multi-column prose: lines that reach across the column and
//     start at its left edge; amounts set flush right reach across it too,
//     but start where their widths put them), unless rules run between its
//     rows in two places or more.
// Rows after the run's last rule with text in one column only (a caption,
// the next heading) are not the table's.
// Physical rows are grouped into table rows: a new table row starts at a
// horizontal rule, at a vertical gap wider than the run's line pitch (cell
// padding), or where a cell's next line would have fitted on its previous
// line (so that line did not wrap there); a line continues a cell only when
// the wrap shows (Continues in aligned_tables.cc). When rules part every row
// from the next (three or more, none more than four lines apart), a table
// row is what lies between two rules: cells set to the middle of their row
// put a wrapped cell's lines above and below the row's other cells.
// Each table row replaces its
// physical rows as one row holding one table_row Word, text as ruled tables
// give it: cells separated by " | ", a cell's wrapped lines by U+2028. A
// table of contents with drawn leaders (four rows or more, each ending in a
// page number in the last column, the numbers never going down, no header)
// keeps an entry a line, its parts parted by spaces instead.
#ifndef DIAR_PIPELINE_EXTRACT_ALIGNED_TABLES_H_
#define DIAR_PIPELINE_EXTRACT_ALIGNED_TABLES_H_

#include <vector>

#include "pipeline/extract/layout.h"

namespace diar::extract_internal {

// `rows` in top-to-bottom order, each row's words sorted by x0; `rules` as
// for BuildLines (only the horizontal ones are used). Rows holding a ruled
// table's row are left alone and end any aligned table.
void ReadAlignedTables(std::vector<Row>& rows, const std::vector<Rule>& rules);

}  // namespace diar::extract_internal

#endif  // DIAR_PIPELINE_EXTRACT_ALIGNED_TABLES_H_
