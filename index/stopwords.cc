#include "index/stopwords.h"

#include <unicode/unistr.h>

#include <fstream>
#include <set>

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
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return ConfigError(path + ": cannot be read; check that it exists (it ships in diar's "
                              "dictionaries/ folder) and is readable");
  }
  std::vector<std::string> words;
  std::vector<std::string> errors;
  std::set<std::string> seen;
  std::string line;
  int number = 0;
  bool seen_data = false;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos) continue;
    const auto last = line.find_last_not_of(" \t");
    const std::string word = line.substr(first, last - first + 1);
    const std::string where = path + ":" + std::to_string(number) + ": ";
    const bool first_line = !seen_data;
    seen_data = true;
    if (word[0] == '#') continue;
    if (first_line) {
      errors.push_back(where + "no header comment; start the file with `# what this list is for`");
    }
    if (word.find_first_of(" \t") != std::string::npos) {
      errors.push_back(where + "\"" + word + "\" is more than one word; write one word a line");
      continue;
    }
    if (Lower(word) != word) {
      errors.push_back(where + "\"" + word + "\" must be lower case (queries are matched in lower case)");
      continue;
    }
    if (!seen.insert(word).second) {
      errors.push_back(where + "\"" + word + "\" is listed twice; delete one");
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
