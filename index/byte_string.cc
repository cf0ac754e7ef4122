#include "index/byte_string.h"

#include <algorithm>

namespace diar {
namespace {

// Length of the well-formed UTF-8 sequence at `s[i]`, or 0 (RFC 3629,
// table 3-7 of the Unicode standard).
std::size_t SequenceLength(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  return n;
}

constexpr char kHexDigits[] = "0123456789abcdef";
constexpr char kUpperHexDigits[] = "0123456789ABCDEF";

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool IsUtf8(std::string_view s, std::size_t* bad_at) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = SequenceLength(s, i);
    if (n == 0) {
      if (bad_at) *bad_at = i;
      return false;
    }
    i += n;
  }
  if (bad_at) *bad_at = s.size();
  return true;
}

std::string Escaped(std::string_view s) {
  if (IsUtf8(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() + 16);
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = SequenceLength(s, i);
    if (n > 0) {
      out.append(s, i, n);
      i += n;
      continue;
    }
    const auto c = static_cast<unsigned char>(s[i++]);
    out += "\\x";
    out += kUpperHexDigits[c >> 4];
    out += kUpperHexDigits[c & 0xF];
  }
  return out;
}

std::string EscapedLine(std::string_view s) {
  const std::string shown = Escaped(s);
  auto control = [](unsigned char c) { return (c < 0x20 && c != '\t') || c == 0x7F; };
  if (std::none_of(shown.begin(), shown.end(), control)) return shown;
  std::string out;
  out.reserve(shown.size() + 16);
  for (const char ch : shown) {
    const auto c = static_cast<unsigned char>(ch);
    if (!control(c)) {
      out += ch;
      continue;
    }
    out += "\\x";
    out += kUpperHexDigits[c >> 4];
    out += kUpperHexDigits[c & 0xF];
  }
  return out;
}

std::string HexBytes(std::string_view s) {
  std::string hex;
  hex.reserve(s.size() * 2);
  for (unsigned char c : s) {
    hex += kHexDigits[c >> 4];
    hex += kHexDigits[c & 0xF];
  }
  return hex;
}

std::optional<std::string> FromHexBytes(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  std::string bytes;
  bytes.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int hi = HexValue(hex[i]), lo = HexValue(hex[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    bytes += static_cast<char>(hi * 16 + lo);
  }
  return bytes;
}

ShownPaths ShowPaths(const std::vector<std::string>& paths) {
  ShownPaths out;
  bool exact = true;
  for (const std::string& path : paths) {
    const bool utf8 = IsUtf8(path);
    exact = exact && utf8;
    out.shown.push_back(utf8 ? path : Escaped(path));
    out.bytes.push_back(utf8 ? "" : HexBytes(path));
  }
  if (exact) out.bytes.clear();
  return out;
}

}  // namespace diar
