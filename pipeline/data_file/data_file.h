// data_file: reading the files in dictionaries/ — the one format every data
// file shares, read by one piece of code.
//
//   std::vector<std::string> errors;
//   diar::DataFile f = diar::ReadDataFile("dictionaries/months.list", &errors);
//   for (const diar::DataLine& line : f.lines) use(line.fields);
//
// The format (as xapian-omega's mimemap.tokens): UTF-8 lines (a BOM is
// skipped, CRLF accepted), `#` starts a comment line, blank lines are
// ignored, fields are separated by tabs and trimmed of spaces. Tables
// (ReadTable) also have a header row naming their columns, and must open with
// a comment saying what the file is.
//
// Nothing here stops at the first problem: every one is appended to `errors`
// as "path:line: what is wrong; what to do", so a load can report all bad lines
// at once, and bad lines are left out of the result. Thread safety: pure.
#ifndef DIAR_PIPELINE_DATA_FILE_DATA_FILE_H_
#define DIAR_PIPELINE_DATA_FILE_DATA_FILE_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace diar {

struct DataLine {
  int number = 0;                   // 1-based line number in the file
  std::vector<std::string> fields;  // tab-separated fields, each trimmed
};

struct DataFile {
  std::string path;                 // as given, for messages
  bool has_header_comment = false;  // the file opens with a `#` line
  std::vector<DataLine> lines;      // data lines only (no comments, no blanks)
};

// Reads `path`. An unreadable file and lines that are not UTF-8 are reported
// in `errors`; such lines are left out.
DataFile ReadDataFile(const std::string& path, std::vector<std::string>* errors);

// Reads a table: a header comment, then the header row, which must equal
// `columns`, then rows of exactly that many fields with a non-empty first
// field. Returns the rows that pass (the header row excluded).
std::vector<DataLine> ReadTable(const std::string& path, const std::vector<std::string>& columns,
                   std::vector<std::string>* errors);

// ReadTable without the copies: calls `row` for each row that passes, with
// its line number and fields as views that live only during the call. For
// tables of hundreds of thousands of rows (the word-form tables), where
// copying every field into a DataLine was most of the load.
using RowVisitor = std::function<void(int number, const std::vector<std::string_view>& fields)>;
void ScanTable(const std::string& path, const std::vector<std::string>& columns,
               std::vector<std::string>* errors, const RowVisitor& row);

// "path:line: message", the form every load error takes.
std::string Where(const std::string& path, int line, const std::string& message);

// `text` split at '|' (the list separator inside a field), parts trimmed,
// empty parts dropped.
std::vector<std::string> SplitList(const std::string& text);

// Sorted paths of the regular files in `dir` whose names end in `suffix`
// and, if `prefix` is not empty, start with it.
std::vector<std::string> ListFiles(const std::string& dir, const std::string& prefix,
                                   const std::string& suffix);

}  // namespace diar

#endif  // DIAR_PIPELINE_DATA_FILE_DATA_FILE_H_
