#include "pipeline/data_file/data_file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>

#include "pipeline/utf8.h"

namespace diar {
namespace {

// A loop, not find_first_not_of: that calls memchr per character, and
// trimming every field was a sixth of the lexicon's load. Inline: a call per
// field was another eighth of it.
inline __attribute__((always_inline)) std::string_view Trim(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\r'; };
  std::size_t first = 0, last = s.size();
  while (first < last && blank(s[first])) ++first;
  while (last > first && blank(s[last - 1])) --last;
  return s.substr(first, last - first);
}

std::string Joined(const std::vector<std::string>& columns) {
  std::string s;
  for (const std::string& c : columns) s += (s.empty() ? "" : "<TAB>") + c;
  return s;
}

// Calls `data(number, fields)` for each data line of `path` (comments and
// blank lines skipped, lines that are not UTF-8 reported), with the fields
// trimmed views into one buffer holding the whole file. `header_comment`
// says, from the first call on, whether a comment came before the first
// data line. False when the file cannot be read (reported).
// A template, not a RowVisitor: ScanTable's check of each row is called
// directly, not through a second std::function.
template <typename Visitor>
bool ScanLines(const std::string& path, std::vector<std::string>* errors, bool* header_comment,
               const Visitor& data) {
  *header_comment = false;
  // One read of the whole file: a character iterator took a third of the
  // lexicon's 7 MB load (diar's start-up). Into a buffer not zeroed first.
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  std::unique_ptr<char[]> buffer;
  std::size_t read = 0;
  if (in) {
    const std::streamoff size = in.tellg();
    in.seekg(0);
    if (size > 0) {
      buffer = std::make_unique_for_overwrite<char[]>(static_cast<std::size_t>(size));
      in.read(buffer.get(), size);
      read = static_cast<std::size_t>(in.gcount());
    }
  }
  if (!in && !in.eof()) {
    errors->push_back(path + ": cannot be read; check that it exists (it ships in diar's "
                             "dictionaries/ folder) and is readable");
    return false;
  }
  std::string_view rest(buffer.get(), read);
  if (rest.rfind("\xEF\xBB\xBF", 0) == 0) rest.remove_prefix(3);
  // Most files are valid throughout: one pass over all of it, and lines are
  // checked one by one only in a file that is not.
  const bool all_valid = IsValidUtf8(rest);
  bool seen_data = false;
  std::vector<std::string_view> fields;
  for (int number = 1; !rest.empty(); ++number) {
    const std::size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::string_view trimmed = Trim(line);
    if (trimmed.empty()) continue;
    if (trimmed[0] == '#') {
      if (!seen_data) *header_comment = true;
      continue;
    }
    seen_data = true;
    if (!all_valid && !IsValidUtf8(line)) {
      errors->push_back(Where(path, number, "not valid UTF-8; save the file as UTF-8"));
      continue;
    }
    fields.clear();
    for (std::size_t begin = 0;;) {
      const std::size_t tab = line.find('\t', begin);
      fields.push_back(Trim(line.substr(begin, tab == std::string_view::npos ? std::string_view::npos
                                                                             : tab - begin)));
      if (tab == std::string_view::npos) break;
      begin = tab + 1;
    }
    data(number, fields);
  }
  return true;
}

DataLine Copied(int number, const std::vector<std::string_view>& fields) {
  DataLine line;
  line.number = number;
  line.fields.assign(fields.begin(), fields.end());
  return line;
}

}  // namespace

std::string Where(const std::string& path, int line, const std::string& message) {
  return path + ":" + std::to_string(line) + ": " + message;
}

DataFile ReadDataFile(const std::string& path, std::vector<std::string>* errors) {
  DataFile file;
  file.path = path;
  ScanLines(path, errors, &file.has_header_comment,
            [&file](int number, const std::vector<std::string_view>& fields) {
              file.lines.push_back(Copied(number, fields));
            });
  return file;
}

void ScanTable(const std::string& path, const std::vector<std::string>& columns,
               std::vector<std::string>* errors, const RowVisitor& row) {
  enum class State { kHeader, kRows, kWrongHeader } state = State::kHeader;
  const std::size_t errors_before = errors->size();
  bool header_comment = false;
  const bool readable = ScanLines(
      path, errors, &header_comment, [&](int number, const std::vector<std::string_view>& fields) {
        if (state == State::kWrongHeader) return;
        if (state == State::kHeader) {
          if (!header_comment) {
            errors->push_back(Where(path, number, "no header comment; start the file with "
                                                  "`# what this file is for`"));
          }
          if (!std::equal(fields.begin(), fields.end(), columns.begin(), columns.end())) {
            errors->push_back(Where(path, number, "header must be " + Joined(columns)));
            state = State::kWrongHeader;
            return;
          }
          state = State::kRows;
          return;
        }
        if (fields.size() != columns.size()) {
          errors->push_back(Where(path, number,
                                  "expected " + std::to_string(columns.size()) +
                                      " tab-separated fields (" + Joined(columns) + "), found " +
                                      std::to_string(fields.size())));
          return;
        }
        if (fields[0].empty()) {
          errors->push_back(Where(path, number, "empty " + columns[0] + "; fill in the first column"));
          return;
        }
        row(number, fields);
      });
  // No data line at all, and none reported (unreadable, not UTF-8).
  if (readable && state == State::kHeader && errors->size() == errors_before) {
    errors->push_back(path + ": no header row; add " + Joined(columns));
  }
}

std::vector<DataLine> ReadTable(const std::string& path, const std::vector<std::string>& columns,
                                std::vector<std::string>* errors) {
  std::vector<DataLine> rows;
  ScanTable(path, columns, errors, [&rows](int number, const std::vector<std::string_view>& fields) {
    rows.push_back(Copied(number, fields));
  });
  return rows;
}
std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t bar = text.find('|', begin);
    if (bar == std::string::npos) bar = text.size();
    std::string part(Trim(std::string_view(text).substr(begin, bar - begin)));
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
