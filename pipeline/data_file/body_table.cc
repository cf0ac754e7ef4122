#include "pipeline/data_file/body_table.h"

#include "pipeline/data_file/data_file.h"

namespace diar {
namespace {

// Names are matched and compared as written, so "Region  Gävleborg" with two
// spaces would be a name of its own that no text spells.
bool HasDoubleSpace(const std::string& name) { return name.find("  ") != std::string::npos; }

}  // namespace

BodyTable ReadBodyTable(const std::string& path, std::vector<std::string>* errors) {
  static const std::vector<std::string> kColumns = {"canonical", "kind", "variants", "acronyms",
                                                    "county"};
  BodyTable table;
  table.path = path;
  const DataFile file = ReadDataFile(path, errors);
  if (!file.has_header_comment && !file.lines.empty()) {
    errors->push_back(Where(path, 1, "no header comment; start the file with `# what it lists`"));
  }
  bool header = true;
  for (const DataLine& line : file.lines) {
    if (header) {
      if (line.fields != kColumns) {
        errors->push_back(Where(path, line.number,
                                "header must be canonical<TAB>kind<TAB>variants<TAB>acronyms<TAB>"
                                "county"));
        return table;
      }
      header = false;
      continue;
    }
    std::vector<std::string> fields = line.fields;
    if (fields.size() < 2 || fields.size() > kColumns.size()) {
      errors->push_back(Where(path, line.number,
                              "expected 5 tab-separated fields (canonical, kind, variants, "
                              "acronyms, county), found " + std::to_string(fields.size())));
      continue;
    }
    fields.resize(kColumns.size());
    BodyRow row;
    row.line = line.number;
    row.canonical = fields[0];
    if (row.canonical.empty()) {
      errors->push_back(Where(path, line.number, "empty canonical name; write the body's name "
                                                  "in the first column"));
      continue;
    }
    row.kind = fields[1];
    row.variants = SplitList(fields[2]);
    row.acronyms = SplitList(fields[3]);
    row.county = fields[4];
    std::string doubled;
    for (const std::vector<std::string>& names :
         {std::vector<std::string>{row.canonical}, row.variants, row.acronyms}) {
      for (const std::string& name : names) {
        if (HasDoubleSpace(name)) doubled = name;
      }
    }
    if (!doubled.empty()) {
      errors->push_back(Where(path, line.number, "\"" + doubled +
                                                     "\" has two spaces in a row; write one"));
      continue;
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::vector<BodyTable> ReadBodyTables(const std::string& dir, std::vector<std::string>* errors) {
  std::vector<BodyTable> tables;
  for (const std::string& path : ListFiles(dir, "bodies_", ".tsv")) {
    tables.push_back(ReadBodyTable(path, errors));
  }
  return tables;
}

}  // namespace diar
