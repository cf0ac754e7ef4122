#include "pipeline/tag/text_util.h"

#include <re2/re2.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <numeric>

namespace diar::tag_internal {

char32_t DecodeAt(std::string_view s, std::size_t i, std::size_t* length) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = 1;
  char32_t c = b;
  if (b >= 0xF0) {
    n = 4;
    c = b & 0x07;
  } else if (b >= 0xE0) {
    n = 3;
    c = b & 0x0F;
  } else if (b >= 0xC0) {
    n = 2;
    c = b & 0x1F;
  } else if (b >= 0x80) {
    *length = 1;
    return 0xFFFD;
  }
  if (i + n > s.size()) {
    *length = 1;
    return 0xFFFD;
  }
  for (std::size_t k = 1; k < n; ++k) {
    const auto cont = static_cast<unsigned char>(s[i + k]);
    if ((cont & 0xC0) != 0x80) {
      *length = 1;
      return 0xFFFD;
    }
    c = (c << 6) | (cont & 0x3F);
  }
  *length = n;
  return c;
}

char32_t DecodeBefore(std::string_view s, std::size_t i) {
  if (i == 0) return 0;
  std::size_t start = i - 1;
  // Step back over continuation bytes (at most three).
  while (start > 0 && i - start < 4 &&
         (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
    --start;
  }
  std::size_t length = 0;
  char32_t c = DecodeAt(s, start, &length);
  return start + length == i ? c : 0xFFFD;
}

bool IsWordChar(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
  }
  return u_isalnum(static_cast<UChar32>(c));
}

bool IsUpper(char32_t c) { return u_isupper(static_cast<UChar32>(c)); }
bool IsLower(char32_t c) { return u_islower(static_cast<UChar32>(c)); }

namespace {
const icu::Locale& Swedish() {
  static const icu::Locale locale("sv");
  return locale;
}
}  // namespace

std::string Lower(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  std::string out;
  u.toLower(Swedish()).toUTF8String(out);
  return out;
}

std::string Upper(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  std::string out;
  u.toUpper(Swedish()).toUTF8String(out);
  return out;
}

std::string CapitaliseFirst(std::string_view s) {
  if (s.empty()) return std::string();
  std::size_t length = 0;
  DecodeAt(s, 0, &length);
  return Upper(s.substr(0, length)) + std::string(s.substr(length));
}

std::string LowerFirst(std::string_view s) {
  if (s.empty()) return std::string();
  std::size_t length = 0;
  DecodeAt(s, 0, &length);
  return Lower(s.substr(0, length)) + std::string(s.substr(length));
}

std::string FoldSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      pending_space = !out.empty();
    } else {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.push_back(c);
    }
  }
  return out;
}

bool HasLower(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t length = 0;
    char32_t c = DecodeAt(s, i, &length);
    if (IsLower(c)) return true;
    i += length;
  }
  return false;
}

std::vector<std::size_t> ByteToCodePoint(std::string_view text,
                                         const std::vector<std::size_t>& byte_offsets) {
  std::vector<std::size_t> order(byte_offsets.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return byte_offsets[a] < byte_offsets[b];
  });
  std::vector<std::size_t> result(byte_offsets.size());
  std::size_t byte = 0;
  std::size_t code_points = 0;
  for (std::size_t index : order) {
    const std::size_t target = std::min(byte_offsets[index], text.size());
    for (; byte < target; ++byte) {
      if ((static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80) ++code_points;
    }
    result[index] = code_points;
  }
  return result;
}

std::string QuoteRegex(std::string_view literal) {
  return RE2::QuoteMeta(re2::StringPiece(literal.data(), literal.size()));
}

}  // namespace diar::tag_internal
