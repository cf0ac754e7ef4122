// Reading the tagger's data files (dictionaries/*.rules, *.list, *.tsv).
//
// All of them share one shape (as xapian-omega's mimemap.tokens): UTF-8
// lines, `#` starts a comment line, blank lines are ignored, fields are
// separated by tabs. Every problem is reported as "path:line: what is wrong"
// into an error list, so Load can report every bad line at once instead of
// stopping at the first.
#ifndef DIAR_PIPELINE_TAG_DATA_FILE_H_
#define DIAR_PIPELINE_TAG_DATA_FILE_H_

#include <string>
#include <vector>

namespace diar::tag_internal {

struct DataLine {
  int number = 0;                   // 1-based line number in the file
  std::vector<std::string> fields;  // tab-separated fields, each trimmed
};

struct DataFile {
  std::string path;              // as given, for messages
  bool has_header_comment = false;  // the file opens with a `#` line
  std::vector<DataLine> lines;   // data lines only (no comments, no blanks)
};

// Reads `path`. Unreadable files and invalid UTF-8 lines are reported in
// `errors` ("path:line: ..."); invalid lines are left out of the result.
DataFile ReadDataFile(const std::string& path, std::vector<std::string>* errors);

// "path:line: message", the form every load error takes.
std::string Where(const std::string& path, int line, const std::string& message);

// Sorted paths of the regular files in `dir` whose names end in `suffix`
// (and, if `prefix` is not empty, start with it).
std::vector<std::string> ListFiles(const std::string& dir, const std::string& prefix,
                                   const std::string& suffix);

}  // namespace diar::tag_internal

#endif  // DIAR_PIPELINE_TAG_DATA_FILE_H_
