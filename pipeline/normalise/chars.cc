#include "pipeline/normalise/chars.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace diar::normalise_internal {
namespace {

bool IsBulletSymbol(UChar32 c) {
  switch (c) {
    case 0x2022: case 0x2023: case 0x2043: case 0x2219: case 0x00B7:
    case 0x25AA: case 0x25AB: case 0x25A0: case 0x25A1: case 0x25CF:
    case 0x25CB: case 0x25E6: case 0x25C6: case 0x25C7:
    // Word writes list bullets in the Symbol and Wingdings fonts, whose
    // glyphs come out of the text layer as private-use code points.
    case 0xF0B7: case 0xF0A7: case 0xF0FC: case 0xF0D8: case 0xF076:
    case 0xF0A8: case 0xF06E: case 0xF071:
      return true;
    default:
      return false;
  }
}

bool IsRemoved(UChar32 c) {
  switch (c) {
    case 0x00AD:  // soft hyphen
    case 0x200B: case 0x200C: case 0x200D:  // zero-width space, (non-)joiner
    case 0x2060: case 0xFEFF:               // word joiner, BOM
    case 0x200E: case 0x200F: case 0x202A: case 0x202B: case 0x202C:
    case 0x202D: case 0x202E: case 0x2066: case 0x2067: case 0x2068: case 0x2069:
      return true;
    default:
      return c < 0x20 ? c != '\t' : (c >= 0x7F && c < 0xA0);
  }
}

bool IsSpace(UChar32 c) {
  return c == ' ' || c == '\t' || c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

// The replacement for `c`, or -1 to keep it.
UChar32 Mapped(UChar32 c) {
  switch (c) {
    case 0x2010: case 0x2011: case 0x2212: case 0xFE63: case 0xFF0D:
      return '-';
    case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0xFE58:
      return 0x2013;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB:
    case 0x00BB: case 0x2033: case 0x301D: case 0x301E:
      return '"';
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2039:
    case 0x203A: case 0x2032:
      return '\'';
    default:
      return -1;
  }
}

bool NeedsWork(const std::string& raw) {
  char prev = ' ';
  for (char c : raw) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || u < 0x20 || u == 0x7F || (c == ' ' && prev == ' ')) return true;
    prev = c;
  }
  return raw.empty() || raw.front() == ' ' || raw.back() == ' ' ||
         raw.rfind("- ", 0) == 0 || raw.rfind("* ", 0) == 0;
}

}  // namespace

std::string Nfc(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(text);
  std::string out;
  if (U_FAILURE(status)) return in.toUTF8String(out);
  icu::UnicodeString normalised = nfc->normalize(in, status);
  return (U_SUCCESS(status) ? normalised : in).toUTF8String(out);
}

CleanedLine CleanLine(const std::string& raw) {
  CleanedLine result;
  if (!NeedsWork(raw)) {
    result.text = raw;
    return result;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(raw);
  if (U_SUCCESS(status)) {
    icu::UnicodeString normalised = nfc->normalize(in, status);
    if (U_SUCCESS(status)) in = normalised;
  }
  icu::UnicodeString out;
  bool pending_space = false;
  bool soft_hyphen_last = false;
  for (int32_t i = 0; i < in.length(); i = in.moveIndex32(i, 1)) {
    UChar32 c = in.char32At(i);
    if (c == 0x00AD) {
      soft_hyphen_last = true;
      continue;
    }
    if (IsSpace(c)) {
      pending_space = !out.isEmpty();
      continue;
    }
    if (IsRemoved(c)) continue;
    soft_hyphen_last = false;
    if (pending_space) out.append(static_cast<UChar>(' '));
    pending_space = false;
    if (c >= 0xFB00 && c <= 0xFB06 && U_SUCCESS(status)) {
      UErrorCode s = U_ZERO_ERROR;
      icu::UnicodeString expanded = nfkc->normalize(icu::UnicodeString(c), s);
      out.append(U_SUCCESS(s) ? expanded : icu::UnicodeString(c));
      continue;
    }
    const UChar32 mapped = Mapped(c);
    out.append(mapped >= 0 ? mapped : c);
  }
  result.soft_hyphen_end = soft_hyphen_last;
  // A bullet symbol opening the line becomes "• ", with or without the
  // space the layout had; "-" and "*" only count when a space follows, so a
  // line starting "-5 %" keeps its minus.
  if (!out.isEmpty()) {
    const UChar32 first = out.char32At(0);
    const int32_t width = U16_LENGTH(first);
    const bool dash_bullet = (first == '-' || first == '*') && out.length() > 1 && out[1] == ' ';
    if (IsBulletSymbol(first) || dash_bullet) {
      int32_t rest = width;
      while (rest < out.length() && out[rest] == ' ') ++rest;
      out = icu::UnicodeString(static_cast<UChar>(0x2022)) +
            (rest < out.length() ? icu::UnicodeString(" ") + out.tempSubString(rest)
                                 : icu::UnicodeString());
    }
  }
  out.toUTF8String(result.text);
  return result;
}

}  // namespace diar::normalise_internal
