#include "pipeline/tag/data_file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "pipeline/tag/text_util.h"

namespace diar::tag_internal {
namespace {

bool ValidUtf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t length = 0;
    char32_t c = DecodeAt(s, i, &length);
    if (c == 0xFFFD && length == 1 && static_cast<unsigned char>(s[i]) >= 0x80) {
      return false;
    }
    i += length;
  }
  return true;
}

std::string Trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \r");
  if (first == std::string::npos) return std::string();
  const auto last = s.find_last_not_of(" \r");
  return s.substr(first, last - first + 1);
}

}  // namespace

std::string Where(const std::string& path, int line, const std::string& message) {
  return path + ":" + std::to_string(line) + ": " + message;
}

DataFile ReadDataFile(const std::string& path, std::vector<std::string>* errors) {
  DataFile file;
  file.path = path;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    errors->push_back(path + ": cannot be read; check that it exists and is readable");
    return file;
  }
  std::string line;
  int number = 0;
  bool seen_data = false;
  while (std::getline(in, line)) {
    ++number;
    if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string trimmed = Trim(line);
    if (trimmed.empty()) continue;
    if (trimmed[0] == '#') {
      if (!seen_data) file.has_header_comment = true;
      continue;
    }
    seen_data = true;
    if (!ValidUtf8(line)) {
      errors->push_back(Where(path, number, "not valid UTF-8; save the file as UTF-8"));
      continue;
    }
    DataLine data;
    data.number = number;
    std::size_t begin = 0;
    while (true) {
      const std::size_t tab = line.find('\t', begin);
      data.fields.push_back(Trim(line.substr(begin, tab - begin)));
      if (tab == std::string::npos) break;
      begin = tab + 1;
    }
    file.lines.push_back(std::move(data));
  }
  return file;
}

std::vector<std::string> ListFiles(const std::string& dir, const std::string& prefix,
                                   const std::string& suffix) {
  std::vector<std::string> paths;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file(ec)) continue;
    const std::string name = entry.path().filename().string();
    if (name.size() < suffix.size() ||
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) {
      continue;
    }
    if (!prefix.empty() && name.rfind(prefix, 0) != 0) continue;
    paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace diar::tag_internal
