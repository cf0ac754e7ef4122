// stopwords: the Swedish stopword list (dictionaries/stopwords_sv.txt) and
// its copy in the index metadata (schema::kMetaStopwords), so that a searcher
// drops exactly the words the writer did. Private to index/.
#ifndef DIAR_INDEX_STOPWORDS_H_
#define DIAR_INDEX_STOPWORDS_H_

#include <string>
#include <vector>

#include "pipeline/result.h"

namespace diar {

inline constexpr const char* kStopwordFile = "stopwords_sv.txt";

// Reads a stopword file: `#` comment lines (the file must open with one),
// then one lower-case word per line. kConfig error listing every bad line as
// "path:line: ..." (several words on a line, upper case, a duplicate).
Result<std::vector<std::string>> LoadStopwords(const std::string& path);

// One word a line, for the metadata; and back.
std::string JoinStopwords(const std::vector<std::string>& words);
std::vector<std::string> SplitStopwords(const std::string& stored);

}  // namespace diar

#endif  // DIAR_INDEX_STOPWORDS_H_
