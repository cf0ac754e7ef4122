#include "pipeline/data_file/data_file.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace diar {
namespace {

bool ValidUtf8(const std::string& s) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::string Trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \r");
  if (first == std::string::npos) return std::string();
  const auto last = s.find_last_not_of(" \r");
  return s.substr(first, last - first + 1);
}

std::string Joined(const std::vector<std::string>& columns) {
  std::string s;
  for (const std::string& c : columns) s += (s.empty() ? "" : "<TAB>") + c;
  return s;
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
    errors->push_back(path + ": cannot be read; check that it exists (it ships in diar's "
                             "dictionaries/ folder) and is readable");
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
      data.fields.push_back(Trim(line.substr(begin, tab == std::string::npos ? std::string::npos : tab - begin)));
      if (tab == std::string::npos) break;
      begin = tab + 1;
    }
    file.lines.push_back(std::move(data));
  }
  return file;
}

std::vector<DataLine> ReadTable(const std::string& path, const std::vector<std::string>& columns,
                   std::vector<std::string>* errors) {
  DataFile file = ReadDataFile(path, errors);
  if (file.lines.empty()) {
    if (errors->empty() || errors->back().rfind(path + ":", 0) != 0) {
      errors->push_back(path + ": no header row; add " + Joined(columns));
    }
    return {};
  }
  if (!file.has_header_comment) {
    errors->push_back(Where(path, file.lines.front().number,
                            "no header comment; start the file with `# what this file is for`"));
  }
  if (file.lines.front().fields != columns) {
    errors->push_back(Where(path, file.lines.front().number, "header must be " + Joined(columns)));
    return {};
  }
  std::vector<DataLine> rows;
  for (std::size_t i = 1; i < file.lines.size(); ++i) {
    DataLine& row = file.lines[i];
    if (row.fields.size() != columns.size()) {
      errors->push_back(Where(path, row.number,
                              "expected " + std::to_string(columns.size()) + " tab-separated fields (" +
                                  Joined(columns) + "), found " + std::to_string(row.fields.size())));
      continue;
    }
    if (row.fields[0].empty()) {
      errors->push_back(Where(path, row.number, "empty " + columns[0] + "; fill in the first column"));
      continue;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t bar = text.find('|', begin);
    if (bar == std::string::npos) bar = text.size();
    std::string part = Trim(text.substr(begin, bar - begin));
    if (!part.empty()) parts.push_back(std::move(part));
    begin = bar + 1;
  }
  return parts;
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

}  // namespace diar
