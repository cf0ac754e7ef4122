#include "pipeline/normalise/normalise.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>

namespace diar {
namespace {

// NFC, with invalid UTF-8 replaced by U+FFFD on the way in.
std::string ToNfc(const std::string& raw) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(raw);
  if (U_FAILURE(status)) {
    std::string out;
    return in.toUTF8String(out);
  }
  icu::UnicodeString normalised = nfc->normalize(in, status);
  std::string out;
  (U_SUCCESS(status) ? normalised : in).toUTF8String(out);
  return out;
}

bool IsHorizontalSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Folds runs of horizontal space to one space, trims each line, and keeps at
// most one blank line between lines.
std::string FoldWhitespace(const std::string& in) {
  std::string out;
  out.reserve(in.size());
  std::string line;
  int blank_run = 0;
  auto flush = [&](bool end) {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (line.empty()) {
      ++blank_run;
    } else {
      if (!out.empty()) out += blank_run > 0 ? "\n\n" : "\n";
      out += line;
      blank_run = 0;
    }
    line.clear();
    (void)end;
  };
  for (char c : in) {
    if (c == '\n') {
      flush(false);
    } else if (IsHorizontalSpace(c)) {
      if (!line.empty() && line.back() != ' ') line.push_back(' ');
    } else {
      line.push_back(c);
    }
  }
  flush(true);
  return out;
}

}  // namespace

std::size_t CodePointCount(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

int NormalisedText::PageAt(std::size_t offset) const {
  if (page_starts.empty()) return 1;
  auto it = std::upper_bound(page_starts.begin(), page_starts.end(), offset);
  return static_cast<int>(std::max<std::ptrdiff_t>(1, it - page_starts.begin()));
}

NormalisedText Normalise(const ExtractedDocument& document,
                         const NormaliseOptions& options) {
  NormalisedText result;
  std::size_t code_points = 0;
  for (const ExtractedPage& page : document.pages) {
    std::string text = FoldWhitespace(ToNfc(page.text));
    if (!result.text.empty()) {
      result.text += "\n\n";
      code_points += 2;
    }
    result.page_starts.push_back(code_points);
    result.page_ocr.push_back(page.ocr);
    code_points += CodePointCount(text);
    result.text += text;
  }
  (void)options;
  return result;
}

}  // namespace diar
