// tex_bitmap_fonts: the text of pdfTeX's bitmap fonts in the T1 (Cork)
// encoding. pdfTeX with \usepackage[T1]{fontenc} on a TeX system without
// lmodern or cm-super has the EC fonts only as bitmaps (mktexpk makes them)
// and writes each as a Type 3 font whose glyphs are named a<code> ("a28"),
// nothing more. poppler reads such a name as its code, which is right for
// ASCII and for most of 0xC0-0xFF (å ä ö are where Latin-1 has them), but
// Cork puts the ligatures ff fi fl ffi ffl, the dashes and the quotation
// marks below 0x20 (read as control characters, then dropped: "bentliga"
// for "befintliga") and accented letters other than Latin-1's and "§" in
// 0x80-0xBF. Private to extract (pdf.cc).
#ifndef DIAR_PIPELINE_EXTRACT_TEX_BITMAP_FONTS_H_
#define DIAR_PIPELINE_EXTRACT_TEX_BITMAP_FONTS_H_

#include <cstdint>

class GfxFont;

namespace diar::extract_internal {

// Whether `font` is a bitmap font as pdfTeX writes one (a Type 3 font
// whose glyph names are all a<code> of their own code), and if so whether
// it is in the Cork encoding: it has a code at 0x80 or above. The encodings
// of TeX's other 8-bit fonts (OT1, OML, OMS) have 128 codes and differ from
// Cork below 0x20; their fonts are left as poppler reads them.
enum class TexBitmapFont { kNone, kOther, kCork };
TexBitmapFont ClassifyTexBitmapFont(GfxFont& font);

// A Type 3 font declares no ascent or descent, and poppler guesses its size
// from its first glyph's width (as if it were half an em: 1.16 em for
// "ff"), then boxes its words 1.3 of that tall: 16.5 pt for 10.9 pt text,
// taller than the 13.5 pt line pitch, so a running head's gap to the body
// is lost. A TeX bitmap font's word is boxed as the Type 1 Computer Modern
// and Latin Modern fonts box the same glyphs: 0.694 em above the baseline
// and 0.194 em below, with the font's size from the PDF.
constexpr double kTexAscent = 0.694;
constexpr double kTexDescent = 0.194;

// The Unicode code point of `code` in the Cork encoding where it is not
// the code itself, or 0 (also for the accents of 0x00-0x0C and the
// invisible marks of 0x17-0x18, which TeX draws over or between letters).
std::uint32_t CorkUnicode(std::uint32_t code);

}  // namespace diar::extract_internal

#endif  // DIAR_PIPELINE_EXTRACT_TEX_BITMAP_FONTS_H_
