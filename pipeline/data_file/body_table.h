// body_table: the one reader of the body tables in dictionaries/:
// bodies_*.tsv, organ_names.tsv and programmes.tsv, which share the columns
// canonical, kind, variants (|-separated), acronyms (|-separated), county.
//
//   std::vector<std::string> errors;
//   for (const diar::BodyTable& table : diar::ReadBodyTables("dictionaries", &errors))
//     for (const diar::BodyRow& row : table.rows) use(row.canonical, row.county);
//
// It checks the shape every reader relies on: the header comment and header
// row, 2 to 5 fields (empty trailing fields may be left out), a canonical
// name, names with single spaces (they are matched as written). What the values mean (a known kind, a county of counties.tsv, each
// name listed once) is the gazetteer's to check (pipeline/tag/gazetteer.h),
// since it is what tags with them. Every problem goes to `errors` as
// "path:line: ..."; a bad row is left out. Thread safety: pure.
#ifndef DIAR_PIPELINE_DATA_FILE_BODY_TABLE_H_
#define DIAR_PIPELINE_DATA_FILE_BODY_TABLE_H_

#include <string>
#include <vector>

namespace diar {

struct BodyRow {
  int line = 0;           // 1-based, for messages
  std::string canonical;
  std::string kind;
  std::vector<std::string> variants;
  std::vector<std::string> acronyms;
  std::string county;  // the full län name, or empty for a national body
};

struct BodyTable {
  std::string path;
  std::vector<BodyRow> rows;
};

// Reads one body table.
BodyTable ReadBodyTable(const std::string& path, std::vector<std::string>* errors);

// Reads every bodies_*.tsv in `dir`, in name order (organ_names.tsv and
// programmes.tsv are read by name with ReadBodyTable).
std::vector<BodyTable> ReadBodyTables(const std::string& dir, std::vector<std::string>* errors);

}  // namespace diar

#endif  // DIAR_PIPELINE_DATA_FILE_BODY_TABLE_H_
