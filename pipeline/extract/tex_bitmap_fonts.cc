#include "pipeline/extract/tex_bitmap_fonts.h"

#include <GfxFont.h>

#include <charconv>
#include <cstring>

namespace diar::extract_internal {
namespace {

// Cork 0x0D-0x1F: ‚ ‹ › “ ” „ « » – — (compound word mark) (per-mille's
// zero) ı ȷ ﬀ ﬁ ﬂ ﬃ ﬄ.
constexpr std::uint32_t kLow[] = {0x201A, 0x2039, 0x203A, 0x201C, 0x201D, 0x201E, 0x00AB,
                                  0x00BB, 0x2013, 0x2014, 0,      0,      0x0131, 0x0237,
                                  0xFB00, 0xFB01, 0xFB02, 0xFB03, 0xFB04};
// Cork 0x80-0xBF: capitals Ă-İ, đ, §, small letters ă-ĳ, ¡ ¿ £.
constexpr std::uint32_t kHigh[] = {
    0x0102, 0x0104, 0x0106, 0x010C, 0x010E, 0x011A, 0x0118, 0x011E, 0x0139, 0x013D, 0x0141,
    0x0143, 0x0147, 0x014A, 0x0150, 0x0154, 0x0158, 0x015A, 0x0160, 0x015E, 0x0164, 0x0162,
    0x0170, 0x016E, 0x0178, 0x0179, 0x017D, 0x017B, 0x0132, 0x0130, 0x0111, 0x00A7, 0x0103,
    0x0105, 0x0107, 0x010D, 0x010F, 0x011B, 0x0119, 0x011F, 0x013A, 0x013E, 0x0142, 0x0144,
    0x0148, 0x014B, 0x0151, 0x0155, 0x0159, 0x015B, 0x0161, 0x015F, 0x0165, 0x0163, 0x0171,
    0x016F, 0x00FF, 0x017A, 0x017E, 0x017C, 0x0133, 0x00A1, 0x00BF, 0x00A3};
static_assert(sizeof kLow / sizeof kLow[0] == 0x20 - 0x0D);
static_assert(sizeof kHigh / sizeof kHigh[0] == 0xC0 - 0x80);

// The code a glyph name a<code> stands for, or -1 for any other name.
int NamedCode(const char* name) {
  if (name[0] != 'a' || name[1] < '0' || name[1] > '9') return -1;
  int code = -1;
  const char* end = name + std::strlen(name);
  const auto [rest, error] = std::from_chars(name + 1, end, code);
  return error == std::errc() && rest == end ? code : -1;
}

// The highest code named a<code> in `font`, or -1 when it is not a TeX
// bitmap font: not Type 3, or a glyph named a<code> of another code.
int HighestNamedCode(GfxFont& font) {
  if (font.getType() != fontType3 || font.isCIDFont()) return -1;
  char** names = static_cast<Gfx8BitFont&>(font).getEncoding();
  int highest = -1;
  for (int code = 0; code < 256; ++code) {
    const char* name = names[code];
    if (name == nullptr || name[0] != 'a') continue;  // also a base encoding's names
    const int named = NamedCode(name);
    if (named >= 0 && named != code) return -1;
    if (named >= 0) highest = code;
  }
  return highest;
}

}  // namespace

TexBitmapFont ClassifyTexBitmapFont(GfxFont& font) {
  const int highest = HighestNamedCode(font);
  if (highest < 0) return TexBitmapFont::kNone;
  return highest >= 0x80 ? TexBitmapFont::kCork : TexBitmapFont::kOther;
}

std::uint32_t CorkUnicode(std::uint32_t code) {
  if (code >= 0x0D && code < 0x20) return kLow[code - 0x0D];
  if (code >= 0x80 && code < 0xC0) return kHigh[code - 0x80];
  switch (code) {
    case 0x7F: return 0x2D;    // the hyphen TeX may break words at
    case 0xD7: return 0x0152;  // Œ where Latin-1 has ×
    case 0xF7: return 0x0153;  // œ where Latin-1 has ÷
    case 0xFF: return 0x00DF;  // ß; Cork's 0xDF is "SS"
    default: return 0;
  }
}

}  // namespace diar::extract_internal
