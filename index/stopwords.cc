#include "index/stopwords.h"

#include <unicode/unistr.h>

#include <set>

#include "pipeline/data_file/data_file.h"

namespace diar {
namespace {

std::string Lower(const std::string& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  u.toLower();
  std::string out;
  return u.toUTF8String(out);
}

}  // namespace

Result<std::vector<std::string>> LoadStopwords(const std::string& path) {
  std::vector<std::string> errors;
  const DataFile file = ReadDataFile(path, &errors);
  if (!file.lines.empty() && !file.has_header_comment) {
    errors.push_back(Where(path, file.lines.front().number,
                           "no header comment; start the file with `# what this list is for`"));
  }
  std::vector<std::string> words;
  std::set<std::string> seen;
  for (const DataLine& line : file.lines) {
    const std::string& word = line.fields[0];
    if (line.fields.size() > 1 || word.find(' ') != std::string::npos) {
      errors.push_back(Where(path, line.number, "\"" + word + "\" is more than one word; write one word a line"));
      continue;
    }
    if (Lower(word) != word) {
      errors.push_back(Where(path, line.number, "\"" + word + "\" must be lower case (queries are matched in lower case)"));
      continue;
    }
    if (!seen.insert(word).second) {
      errors.push_back(Where(path, line.number, "\"" + word + "\" is listed twice; delete one"));
      continue;
    }
    words.push_back(word);
  }
  if (!errors.empty()) {
    std::string message;
    for (const std::string& e : errors) message += (message.empty() ? "" : "\n") + e;
    return ConfigError(message);
  }
  return words;
}

std::string JoinStopwords(const std::vector<std::string>& words) {
  std::string s;
  for (const std::string& w : words) s += w + "\n";
  return s;
}

std::vector<std::string> SplitStopwords(const std::string& stored) {
  std::vector<std::string> words;
  std::size_t begin = 0;
  while (begin < stored.size()) {
    std::size_t end = stored.find('\n', begin);
    if (end == std::string::npos) end = stored.size();
    if (end > begin) words.push_back(stored.substr(begin, end - begin));
    begin = end + 1;
  }
  return words;
}

}  // namespace diar
