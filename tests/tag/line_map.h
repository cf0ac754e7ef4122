// Maps code-point offsets in normalised text back to 1-based lines of the
// raw source text, for scoring against gold files annotated by source line.
//
// Normalisation keeps every non-white-space character in order, except that
// it may drop a hyphen at a repaired line break and replace ligatures,
// dashes and quotes. So the non-white-space characters of both texts are
// aligned greedily: each normalised character is looked for in the raw text
// a short way ahead of the last match; one not found (an inserted or changed
// character) takes the line of the last match.
#ifndef DIAR_TESTS_TAG_LINE_MAP_H_
#define DIAR_TESTS_TAG_LINE_MAP_H_

#include <string>
#include <vector>

namespace diar::testing {

class LineMap {
 public:
  LineMap(const std::string& raw, const std::string& normalised) {
    struct Char {
      char32_t c;
      int line;
    };
    std::vector<Char> source;
    int line = 1;
    for (std::size_t i = 0; i < raw.size();) {
      std::size_t n = 0;
      const char32_t c = Decode(raw, i, &n);
      if (c == '\n') ++line;
      if (!IsSpace(c)) source.push_back({c, line});
      i += n;
    }
    std::size_t next = 0;  // next unmatched source character
    int last_line = 1;
    for (std::size_t i = 0; i < normalised.size();) {
      std::size_t n = 0;
      const char32_t c = Decode(normalised, i, &n);
      i += n;
      if (IsSpace(c)) {
        // A space belongs to the line of what follows it; use the next
        // source character's line when known.
        lines_.push_back(next < source.size() ? source[next].line : last_line);
        continue;
      }
      // How far ahead a character may be found: dropped hyphens and
      // changed characters make short gaps only.
      constexpr std::size_t kLookahead = 40;
      std::size_t found = next;
      while (found < source.size() && found < next + kLookahead && source[found].c != c) {
        ++found;
      }
      if (found < source.size() && source[found].c == c) {
        last_line = source[found].line;
        next = found + 1;
      }
      lines_.push_back(last_line);
    }
  }

  // Line of the code point at `offset` (the last line past the end).
  int LineOf(std::size_t offset) const {
    if (lines_.empty()) return 1;
    return lines_[std::min(offset, lines_.size() - 1)];
  }

 private:
  static bool IsSpace(char32_t c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v' ||
           c == 0xA0 || c == 0x2028 || c == 0x2029;
  }
  static char32_t Decode(const std::string& s, std::size_t i, std::size_t* n) {
    const auto b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    if (i + len > s.size()) len = 1;
    char32_t c = len == 1 ? b : b & (0x7F >> len);
    for (int k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    *n = len;
    return c;
  }
  std::vector<int> lines_;  // per code point of the normalised text
};

}  // namespace diar::testing

#endif  // DIAR_TESTS_TAG_LINE_MAP_H_
