// Reading the classifier's data files (dictionaries/doc_types.tsv,
// doc_type_cues.tsv, topics.tsv). Private to pipeline/classify.
//
// The shape every dictionaries/ file shares: UTF-8 lines, `#` comment lines
// (the file must open with one saying what it is), blank lines ignored, a
// header row naming the columns, then tab-separated rows. Problems go into an
// error list as "path:line: what is wrong; what to do", so a load reports
// every bad line at once.
#ifndef DIAR_PIPELINE_CLASSIFY_TABLE_FILE_H_
#define DIAR_PIPELINE_CLASSIFY_TABLE_FILE_H_

#include <string>
#include <vector>

namespace diar::classify_internal {

struct TableRow {
  int line = 0;                     // 1-based line number, for messages
  std::vector<std::string> fields;  // exactly as many as the header has
};

// Reads `path`, checks the header comment, that the header row is `columns`,
// that every row is valid UTF-8 with that many fields and no empty first
// field. Bad rows are reported and left out.
std::vector<TableRow> ReadTable(const std::string& path,
                                const std::vector<std::string>& columns,
                                std::vector<std::string>* errors);

// "path:line: message".
std::string At(const std::string& path, int line, const std::string& message);

// `text` split at '|', each part trimmed; empty parts dropped.
std::vector<std::string> SplitList(const std::string& text);

}  // namespace diar::classify_internal

#endif  // DIAR_PIPELINE_CLASSIFY_TABLE_FILE_H_
