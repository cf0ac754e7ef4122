// utf8: the one check that bytes are UTF-8, for every stage that reads
// text it did not make (data files, extracted text before NFC).
#ifndef DIAR_PIPELINE_UTF8_H_
#define DIAR_PIPELINE_UTF8_H_

#include <unicode/utf8.h>

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace diar {

// True when `s` is well-formed UTF-8 as ICU reads it (U8_NEXT finds no
// ill-formed sequence: no overlong forms, surrogates or stray bytes).
inline bool IsValidUtf8(std::string_view s) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    // ASCII, most of any text: eight bytes at a time, no decoding, and from
    // a word that is not all ASCII straight to its first byte that is not
    // (the lowest-addressed byte is the lowest on a little-endian CPU).
    if (i + 8 <= length) {
      std::uint64_t word;
      std::memcpy(&word, bytes + i, 8);
      const std::uint64_t high = word & 0x8080808080808080ULL;
      if (high == 0) {
        i += 8;
        continue;
      }
      if constexpr (std::endian::native == std::endian::little) i += std::countr_zero(high) / 8;
    }
    if (bytes[i] < 0x80) {
      ++i;
      continue;
    }
    // Swedish letters are two-byte sequences: a lead byte C2..DF and one
    // continuation byte, which is all U8_NEXT would check for them.
    if (bytes[i] >= 0xC2 && bytes[i] <= 0xDF && i + 1 < length && (bytes[i + 1] & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

}  // namespace diar

#endif  // DIAR_PIPELINE_UTF8_H_
