#include "pipeline/classify/text_scan.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace diar::classify_internal {
namespace {

const uint8_t* Bytes(std::string_view s) {
  return reinterpret_cast<const uint8_t*>(s.data());
}

bool IsWordChar(UChar32 c) { return c >= 0 && u_isalnum(c); }

}  // namespace

std::vector<Line> SplitLines(std::string_view text, std::size_t max_lines) {
  std::vector<Line> lines;
  std::size_t cp = 0;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view raw = text.substr(begin, end - begin);
    std::size_t lead = 0;
    while (lead < raw.size() && (raw[lead] == ' ' || raw[lead] == '\t' || raw[lead] == '\f')) ++lead;
    std::size_t trail = raw.size();
    while (trail > lead && (raw[trail - 1] == ' ' || raw[trail - 1] == '\t' || raw[trail - 1] == '\r')) --trail;
    const std::size_t cp_line = cp;
    std::size_t raw_cp = 0;
    for (unsigned char c : raw) {
      if ((c & 0xC0) != 0x80) ++raw_cp;
    }
    if (trail > lead) {
      Line line;
      line.text = raw.substr(lead, trail - lead);
      line.byte_begin = begin + lead;
      line.cp_begin = cp_line + lead;  // the blanks skipped are ASCII
      std::size_t text_cp = 0;
      for (unsigned char c : line.text) {
        if ((c & 0xC0) != 0x80) ++text_cp;
      }
      line.cp_end = line.cp_begin + text_cp;
      lines.push_back(line);
      if (max_lines != 0 && lines.size() >= max_lines) break;
    }
    cp += raw_cp + 1;  // the '\n'
    begin = end + 1;
  }
  return lines;
}

std::string LowerKeepOffsets(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(Bytes(text), i, length, c);
    if (c < 0) {
      out.append(text.substr(start, i - start));
      continue;
    }
    const UChar32 lower = u_tolower(c);
    if (U8_LENGTH(lower) != i - start) {
      out.append(text.substr(start, i - start));
      continue;
    }
    char buf[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, lower);
    out.append(buf, n);
  }
  return out;
}

bool WordCharBefore(std::string_view text, std::size_t pos) {
  if (pos == 0 || pos > text.size()) return false;
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_PREV(Bytes(text), 0, i, c);
  return IsWordChar(c);
}

bool WordCharAt(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return false;
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_NEXT(Bytes(text), i, static_cast<int32_t>(text.size()), c);
  return IsWordChar(c);
}

std::size_t SkipWord(std::string_view text, std::size_t pos) {
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t i = static_cast<int32_t>(pos);
  while (i < length) {
    int32_t next = i;
    UChar32 c;
    U8_NEXT(Bytes(text), next, length, c);
    if (!IsWordChar(c)) break;
    i = next;
  }
  return static_cast<std::size_t>(i);
}

std::size_t CountWords(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(Bytes(text), i, length, c);
    const bool word = IsWordChar(c);
    if (word && !in_word) ++words;
    in_word = word;
  }
  return words;
}

std::size_t BytesOfCodePoints(std::string_view text, std::size_t code_points) {
  std::size_t i = 0, n = 0;
  while (i < text.size() && n < code_points) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    ++n;
  }
  return i;
}

CodePointIndex::CodePointIndex(std::string_view text) : text_(text) {
  checkpoints_.reserve(text.size() / kStride + 1);
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (n % kStride == 0) checkpoints_.push_back(i);
    ++n;
  }
}

std::size_t CodePointIndex::Byte(std::size_t code_points) const {
  const std::size_t k = code_points / kStride;
  if (k >= checkpoints_.size()) return text_.size();
  const std::size_t from = checkpoints_[k];
  return from + BytesOfCodePoints(text_.substr(from), code_points - k * kStride);
}

std::string_view TrimPunct(std::string_view s, std::string_view punct) {
  while (!s.empty() && punct.find(s.front()) != std::string_view::npos) s.remove_prefix(1);
  while (!s.empty() && punct.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return s;
}

}  // namespace diar::classify_internal
