#include "pipeline/classify/text_scan.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

namespace diar::classify_internal {
namespace {

const uint8_t* Bytes(std::string_view s) {
  return reinterpret_cast<const uint8_t*>(s.data());
}

bool IsWordChar(UChar32 c) { return c >= 0 && u_isalnum(c); }

// Byte b of a word: kOnes * b; the top bit of every byte: kHighBits.
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

// ASCII letters and digits, u_isalnum's answer for the first 128 code
// points.
constexpr std::array<bool, 128> kAsciiWordChar = [] {
  std::array<bool, 128> table{};
  for (int c = 0; c < 128; ++c) {
    table[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
  return table;
}();

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
  // A copy lowered in place: ASCII, most of a Swedish text, needs no
  // decoding (u_tolower of an ASCII letter is its ASCII lower case), and a
  // code point left as it is (invalid, no lower case, or one of another
  // length) is already there.
  std::string out(text);
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    if (i + 8 <= length) {
      // Eight ASCII bytes at once: bit 7 of each byte of `upper` is set
      // where the byte is 'A'..'Z', and that bit shifted to bit 5 (0x20)
      // makes it lower case.
      std::uint64_t w;
      std::memcpy(&w, out.data() + i, 8);
      if ((w & kHighBits) == 0) {
        const std::uint64_t upper = (w + kOnes * (0x80 - 'A')) & ~(w + kOnes * (0x80 - 'Z' - 1)) & kHighBits;
        w |= upper >> 2;
        std::memcpy(out.data() + i, &w, 8);
        i += 8;
        continue;
      }
    }
    const unsigned char b = static_cast<unsigned char>(out[static_cast<std::size_t>(i)]);
    if (b < 0x80) {
      if (b >= 'A' && b <= 'Z') out[static_cast<std::size_t>(i)] = static_cast<char>(b + ('a' - 'A'));
      ++i;
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(Bytes(text), i, length, c);
    if (c < 0) continue;
    const UChar32 lower = u_tolower(c);
    if (lower == c || U8_LENGTH(lower) != i - start) continue;
    U8_APPEND_UNSAFE(out.data(), start, lower);
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
    bool word;
    if (const unsigned char b = static_cast<unsigned char>(text[static_cast<std::size_t>(i)]); b < 0x80) {
      word = kAsciiWordChar[b];
      ++i;
    } else {
      UChar32 c;
      U8_NEXT(Bytes(text), i, length, c);
      word = IsWordChar(c);
    }
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
  std::size_t n = 0;  // code points before byte i
  std::size_t i = 0;
  while (i < text.size()) {
    // Eight bytes at a time while no checkpoint falls among them: a
    // continuation byte is 10xxxxxx, so the code points that start in a
    // word are 8 minus the bytes with bit 7 set and bit 6 clear.
    if (n % kStride != 0 && i + 8 <= text.size()) {
      std::uint64_t w;
      std::memcpy(&w, text.data() + i, 8);
      const std::uint64_t continuation = w & ~(w << 1) & kHighBits;
      const std::size_t starts =
          continuation == 0 ? 8 : 8 - static_cast<std::size_t>(std::popcount(continuation));
      if (n % kStride + starts < kStride) {
        n += starts;
        i += 8;
        continue;
      }
    }
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (n % kStride == 0) checkpoints_.push_back(i);
      ++n;
    }
    ++i;
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
