#include "pipeline/classify/table_file.h"

#include <unicode/utf8.h>

#include <fstream>

namespace diar::classify_internal {
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

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t begin = 0;
  while (true) {
    const std::size_t tab = line.find('\t', begin);
    fields.push_back(Trim(line.substr(begin, tab == std::string::npos ? std::string::npos : tab - begin)));
    if (tab == std::string::npos) break;
    begin = tab + 1;
  }
  return fields;
}

std::string Joined(const std::vector<std::string>& columns) {
  std::string s;
  for (const std::string& c : columns) s += (s.empty() ? "" : "<TAB>") + c;
  return s;
}

}  // namespace

std::string At(const std::string& path, int line, const std::string& message) {
  return path + ":" + std::to_string(line) + ": " + message;
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

std::vector<TableRow> ReadTable(const std::string& path,
                                const std::vector<std::string>& columns,
                                std::vector<std::string>* errors) {
  std::vector<TableRow> rows;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    errors->push_back(path + ": cannot be read; check that it exists (it ships in diar's "
                             "dictionaries/ folder) and is readable");
    return rows;
  }
  std::string line;
  int number = 0;
  bool seen_comment = false, seen_header = false;
  while (std::getline(in, line)) {
    ++number;
    if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string trimmed = Trim(line);
    if (trimmed.empty()) continue;
    if (trimmed[0] == '#') {
      seen_comment = true;
      continue;
    }
    if (!seen_comment) {
      errors->push_back(At(path, number, "no header comment; start the file with "
                                         "`# what this file is for`"));
      seen_comment = true;  // report once
    }
    if (!ValidUtf8(line)) {
      errors->push_back(At(path, number, "not valid UTF-8; save the file as UTF-8"));
      continue;
    }
    std::vector<std::string> fields = SplitTabs(line);
    if (!seen_header) {
      seen_header = true;
      if (fields != columns) {
        errors->push_back(At(path, number, "header must be " + Joined(columns)));
        return rows;
      }
      continue;
    }
    if (fields.size() != columns.size()) {
      errors->push_back(At(path, number, "expected " + std::to_string(columns.size()) +
                                             " tab-separated fields (" + Joined(columns) +
                                             "), found " + std::to_string(fields.size())));
      continue;
    }
    if (fields[0].empty()) {
      errors->push_back(At(path, number, "empty " + columns[0] + "; fill in the first column"));
      continue;
    }
    rows.push_back({number, std::move(fields)});
  }
  if (!seen_header) errors->push_back(path + ": no header row; add " + Joined(columns));
  return rows;
}

}  // namespace diar::classify_internal
