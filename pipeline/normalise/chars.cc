#include "pipeline/normalise/chars.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>

#include "pipeline/utf8.h"

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

// Printable ASCII other than the space: kept as it is.
bool IsPrintableAscii(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return u > 0x20 && u < 0x7F;
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
    // Quotes: the Swedish ” and ’, the English “ and ‘ and the ASCII ones
    // stay; the rarer forms join the Swedish ones.
    case 0x201E: case 0x00AB: case 0x00BB: case 0x2033: case 0x301D:
    case 0x301E: case 0xFF02:
      return 0x201D;
    case 0x201F:
      return 0x201C;
    case 0x201A: case 0x2039: case 0x203A: case 0x2032:
      return 0x2019;
    case 0x201B:
      return 0x2018;
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

std::string NfcImpl(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(text);
  std::string out;
  if (U_FAILURE(status)) return in.toUTF8String(out);
  icu::UnicodeString normalised = nfc->normalize(in, status);
  return (U_SUCCESS(status) ? normalised : in).toUTF8String(out);
}

void AppendUtf8(std::string& out, UChar32 c) {
  char buf[4];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, c);
  out.append(buf, static_cast<std::size_t>(n));
}

}  // namespace

CleanedLine CleanLine(const std::string& raw) {
  CleanedLine result;
  if (!NeedsWork(raw)) {
    result.text = raw;
    return result;
  }
  // Work on UTF-8 directly; go through ICU's UTF-16 only for text that is
  // not already NFC (rare in PDF text layers), which keeps this step cheap.
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  std::string composed;
  const std::string* text = &raw;
  if (U_SUCCESS(status) && !nfc->isNormalizedUTF8(raw, status)) {
    composed = NfcImpl(raw);
    text = &composed;
  }
  std::string& out = result.text;
  out.reserve(text->size());
  bool pending_space = false;
  bool soft_hyphen_last = false;
  // A hyphen right after a soft hyphen is the one drawn for its break; it is
  // held back until something visible follows.
  bool held_hyphen = false;
  const int32_t n = static_cast<int32_t>(text->size());
  for (int32_t i = 0; i < n;) {
    // Printable ASCII other than the space is kept as it is: most of a
    // line, so it skips the decoding and the tables below.
    const char b = (*text)[static_cast<std::size_t>(i)];
    if (b == '-' && soft_hyphen_last && !pending_space) {
      held_hyphen = true;
      ++i;
      continue;
    }
    if (IsPrintableAscii(b)) {
      if (held_hyphen) out.push_back('-');
      held_hyphen = false;
      soft_hyphen_last = false;
      if (pending_space) out.push_back(' ');
      pending_space = false;
      // The run of printable ASCII that follows, with single spaces inside
      // it, is copied as it stands: after a printable byte no flag is set.
      int32_t end = i + 1;
      while (end < n) {
        if (IsPrintableAscii((*text)[static_cast<std::size_t>(end)])) {
          ++end;
        } else if ((*text)[static_cast<std::size_t>(end)] == ' ' && end + 1 < n &&
                   IsPrintableAscii((*text)[static_cast<std::size_t>(end) + 1])) {
          end += 2;
        } else {
          break;
        }
      }
      out.append(text->data() + i, static_cast<std::size_t>(end - i));
      i = end;
      continue;
    }
    UChar32 c;
    U8_NEXT(text->data(), i, n, c);
    if (c < 0) c = 0xFFFD;
    if (c == 0x00AD) {
      soft_hyphen_last = true;
      continue;
    }
    if (c == 0x2010 && soft_hyphen_last && !pending_space) {
      held_hyphen = true;
      continue;
    }
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (IsRemoved(c)) continue;
    if (c == 0x2028) {
      // A line break inside a table cell (TextLine::table_row): a marked
      // break joins here; any other stays for paragraphs to resolve.
      if (!soft_hyphen_last) AppendUtf8(out, c);
      held_hyphen = soft_hyphen_last = pending_space = false;
      continue;
    }
    if (held_hyphen) out.push_back('-');
    held_hyphen = false;
    soft_hyphen_last = false;
    if (pending_space) out.push_back(' ');
    pending_space = false;
    if (c >= 0xFB00 && c <= 0xFB06 && nfkc != nullptr) {
      UErrorCode s = U_ZERO_ERROR;
      icu::UnicodeString expanded = nfkc->normalize(icu::UnicodeString(c), s);
      if (U_SUCCESS(s)) {
        expanded.toUTF8String(out);
        continue;
      }
    }
    const UChar32 mapped = Mapped(c);
    AppendUtf8(out, mapped >= 0 ? mapped : c);
  }
  result.soft_hyphen_end = soft_hyphen_last;
  const std::size_t last = raw.find_last_not_of(" \t");
  result.typed_hyphen_end = !soft_hyphen_last && last != std::string::npos && raw[last] == '-';
  // A bullet symbol opening the line becomes "• ", with or without the
  // space the layout had; "-" and "*" only count when a space and words
  // follow, so "-5 %" keeps its minus and "- 4 -" stays a page number.
  if (!out.empty()) {
    int32_t width = 0;
    UChar32 first;
    U8_NEXT(out.data(), width, static_cast<int32_t>(out.size()), first);
    bool has_letter = false;
    for (int32_t i = width, m = static_cast<int32_t>(out.size()); i < m && !has_letter;) {
      UChar32 c;
      U8_NEXT(out.data(), i, m, c);
      has_letter = u_isalpha(c);
    }
    const bool dash_bullet = (first == '-' || first == '*') && out.size() > 1 && out[1] == ' ' &&
                             has_letter;
    if (IsBulletSymbol(first) || dash_bullet) {
      std::size_t rest = static_cast<std::size_t>(width);
      while (rest < out.size() && out[rest] == ' ') ++rest;
      out = rest < out.size() ? "\xE2\x80\xA2 " + out.substr(rest) : "\xE2\x80\xA2";
    }
  }
  return result;
}

std::string Nfc(const std::string& text) {
  // Text that is already NFC (nearly all: lines were composed in CleanLine,
  // and only a join can put a combining mark after a base letter) skips the
  // round trip through ICU's UTF-16 strings. Invalid UTF-8 takes the long
  // way, which replaces the bad bytes.
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status) && IsValidUtf8(text) && nfc->isNormalizedUTF8(text, status) &&
      U_SUCCESS(status)) {
    return text;
  }
  return NfcImpl(text);
}

}  // namespace diar::normalise_internal
