#include "pipeline/tag/text_util.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <re2/re2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
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

bool IsBoundaryWordChar(char32_t c) {
  return c < 0x80 ? (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                  : (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

bool IsUpper(char32_t c) { return u_isupper(static_cast<UChar32>(c)); }
bool IsLower(char32_t c) { return u_islower(static_cast<UChar32>(c)); }

namespace {

// Simple (one code point to one) case mapping, as ICU's u_tolower and
// u_toupper give it. Swedish has no locale-specific case rules (unlike
// Turkish or Lithuanian), so the root mapping is the Swedish one; doing it
// per code point avoids building an icu::UnicodeString for every word,
// which cost more than all the matching (bench/tag).
//
// ASCII and the Latin-1 letters (lead byte C3: U+00C0 to U+00FF, where å ä ö
// é live) are mapped here, byte by byte; everything else goes through ICU.
// In C3, lower case is upper case + 0x20 in the second byte (U+00C0-U+00DE,
// not U+00D7 ×); ÿ (U+00FF) upper-cases out of the range (U+0178).
void AppendMapped(std::string_view s, bool upper, std::string* out) {
  const std::size_t start = out->size();
  out->resize(start + s.size());
  char* o = out->data() + start;
  std::size_t i = 0;
  while (i < s.size()) {
    // Eight ASCII bytes at a time (most words are ASCII throughout): a
    // byte's high bit set where it is at least 'A' (or 'a') and not past
    // 'Z' (or 'z'); adding to a byte below 0x80 carries into no other.
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
    const unsigned char first = upper ? 'a' : 'A';
    for (std::uint64_t word; i + 8 <= s.size(); i += 8, o += 8) {
      std::memcpy(&word, s.data() + i, 8);
      if ((word & kHighs) != 0) break;
      const std::uint64_t at_least_first = word + (0x80 - first) * kOnes;
      const std::uint64_t past_last = word + (0x80 - first - 26) * kOnes;
      word ^= ((at_least_first & ~past_last) & kHighs) >> 2;
      std::memcpy(o, &word, 8);
    }
    if (i >= s.size()) break;
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      const bool flip = upper ? (b >= 'a' && b <= 'z') : (b >= 'A' && b <= 'Z');
      *o++ = static_cast<char>(flip ? b ^ 0x20 : b);
      ++i;
      continue;
    }
    if (b == 0xC3 && i + 1 < s.size()) {
      const auto second = static_cast<unsigned char>(s[i + 1]);
      if (second >= 0x80 && second <= 0xBF && !(upper && second == 0xBF)) {
        unsigned char mapped = second;
        if (upper && second >= 0xA0 && second != 0xB7) mapped = second - 0x20;
        if (!upper && second <= 0x9E && second != 0x97) mapped = second + 0x20;
        *o++ = static_cast<char>(b);
        *o++ = static_cast<char>(mapped);
        i += 2;
        continue;
      }
    }
    // ICU: the output may be longer or shorter than the input from here.
    out->resize(o - out->data());
    while (i < s.size()) {
      std::size_t length = 0;
      const char32_t c = DecodeAt(s, i, &length);
      if (c == 0xFFFD && length == 1) {
        out->push_back(s[i]);  // keep a bad byte as it is
      } else if (c < 0x80) {
        const bool flip = upper ? (c >= 'a' && c <= 'z') : (c >= 'A' && c <= 'Z');
        out->push_back(static_cast<char>(flip ? c ^ 0x20 : c));
      } else {
        AppendUtf8(static_cast<char32_t>(upper ? u_toupper(static_cast<UChar32>(c))
                                               : u_tolower(static_cast<UChar32>(c))),
                   out);
      }
      i += length;
    }
    return;
  }
  out->resize(o - out->data());
}

}  // namespace

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string Lower(std::string_view s) {
  std::string out;
  AppendMapped(s, false, &out);
  return out;
}

void AppendLower(std::string_view s, std::string* out) { AppendMapped(s, false, out); }

std::string Upper(std::string_view s) {
  std::string out;
  AppendMapped(s, true, &out);
  return out;
}

std::string CapitaliseFirst(std::string_view s) {
  if (s.empty()) return std::string();
  std::size_t length = 0;
  DecodeAt(s, 0, &length);
  std::string out = Upper(s.substr(0, length));
  out.append(s.substr(length));
  return out;
}

std::string LowerFirst(std::string_view s) {
  if (s.empty()) return std::string();
  std::size_t length = 0;
  DecodeAt(s, 0, &length);
  std::string out = Lower(s.substr(0, length));
  out.append(s.substr(length));
  return out;
}

std::size_t FindAnyOf(std::string_view s, std::string_view set, std::size_t from) {
  std::size_t i = from;
#if defined(__SSE2__)
  if (set.size() <= 8) {
    __m128i wanted[8];
    for (std::size_t k = 0; k < set.size(); ++k) wanted[k] = _mm_set1_epi8(set[k]);
    for (; i + 16 <= s.size(); i += 16) {
      const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
      __m128i hit = _mm_setzero_si128();
      for (std::size_t k = 0; k < set.size(); ++k) {
        hit = _mm_or_si128(hit, _mm_cmpeq_epi8(chunk, wanted[k]));
      }
      if (const int mask = _mm_movemask_epi8(hit); mask != 0) return i + __builtin_ctz(mask);
    }
  }
#endif
  for (; i < s.size(); ++i) {
    for (const char c : set) {
      if (s[i] == c) return i;
    }
  }
  return std::string_view::npos;
}

std::size_t CodePoints(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::vector<std::pair<std::size_t, std::size_t>> AddressRanges(std::string_view text) {
  // An address is one token: it ends at white space or at punctuation that
  // encloses or ends it in running text.
  auto outside = [](char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '<' ||
           c == '>' || c == '(' || c == ')' || c == '"' || c == ',' || c == ';';
  };
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  auto add = [&](std::size_t at) {
    std::size_t begin = at;
    while (begin > 0 && !outside(text[begin - 1])) --begin;
    std::size_t end = at;
    while (end < text.size() && !outside(text[end])) ++end;
    // A full stop or colon after an address ends the sentence.
    while (end > begin && (text[end - 1] == '.' || text[end - 1] == ':')) --end;
    if (!ranges.empty() && begin < ranges.back().second) {
      ranges.back().second = std::max(ranges.back().second, end);
    } else {
      ranges.emplace_back(begin, end);
    }
  };
  // Looked for by their rare bytes ('@', 'w' and ':' are rare in Swedish
  // text; 'h' is not): "@", "www." and "http(s)://".
  for (std::size_t at = FindAnyOf(text, "@w:"); at != std::string_view::npos;
       at = FindAnyOf(text, "@w:", at + 1)) {
    if (text[at] == '@') {
      // user@host.domain: no white space on either side.
      if (at > 0 && at + 1 < text.size() && !outside(text[at - 1]) && !outside(text[at + 1])) {
        add(at);
      }
    } else if (text[at] == 'w') {
      if (text.substr(at, 4) == "www." && (at == 0 || outside(text[at - 1]) || text[at - 1] == '/')) {
        add(at);
      }
    } else if (text.substr(at, 3) == "://" && at >= 4 &&
               (text.substr(at - 4, 4) == "http" || (at >= 5 && text.substr(at - 5, 5) == "https"))) {
      add(at);
    }
    if (!ranges.empty() && ranges.back().second > at) at = ranges.back().second;
  }
  return ranges;
}

std::string FoldSpace(std::string_view s) {
  if (FindAnyOf(s, " \n\t\r") == std::string_view::npos) return std::string(s);
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
    // Many bytes at a time: a continuation byte is 10xxxxxx (80-BF), each
    // other byte starts a code point. (The offsets cover the whole text,
    // and this walk was a tenth of Tag.)
#if defined(__SSE2__)
    // Per byte lane, the continuation bytes of up to 255 chunks (a compare
    // gives -1 for each, subtracted), summed across lanes once per run
    // rather than once per chunk.
    while (byte + 16 <= target) {
      const std::size_t chunks = std::min<std::size_t>((target - byte) / 16, 255);
      __m128i counts = _mm_setzero_si128();
      for (std::size_t k = 0; k < chunks; ++k, byte += 16) {
        const __m128i chunk =
            _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + byte));
        // Signed, 80-BF are the bytes below -64.
        counts = _mm_sub_epi8(counts, _mm_cmplt_epi8(chunk, _mm_set1_epi8(-64)));
      }
      const __m128i sums = _mm_sad_epu8(counts, _mm_setzero_si128());
      code_points += 16 * chunks - static_cast<std::size_t>(_mm_cvtsi128_si32(sums) +
                                                            _mm_extract_epi16(sums, 4));
    }
#endif
    for (; byte + 8 <= target; byte += 8) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + byte, 8);
      const std::uint64_t continuation = (word & ~(word << 1) & 0x8080808080808080ULL) >> 7;
      // One per continuation byte in each byte's low bit; the multiply sums
      // them into the top byte (no popcount instruction in the baseline ISA).
      code_points += 8 - static_cast<std::size_t>((continuation * 0x0101010101010101ULL) >> 56);
    }
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

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> words;
  std::size_t begin = 0;
  while (begin < s.size()) {
    std::size_t space = s.find(' ', begin);
    if (space == std::string_view::npos) space = s.size();
    if (space > begin) words.emplace_back(s.substr(begin, space - begin));
    begin = space + 1;
  }
  return words;
}

}  // namespace diar::tag_internal
