#include "pipeline/extract/ocr_misreads.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace diar::extract_internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsMisreadSign(char c) { return c == '8' || c == '$'; }

// Length of the run of digits at `at` in `s`.
std::size_t Digits(std::string_view s, std::size_t at) {
  std::size_t n = 0;
  while (at + n < s.size() && IsDigit(s[at + n])) ++n;
  return n;
}

bool UpperCaseLetterAt(std::string_view s, std::size_t at) {
  if (at >= s.size()) return false;
  std::size_t i = at;
  UChar32 c;
  U8_NEXT(s.data(), i, s.size(), c);
  return c > 0 && u_isupper(c);
}

// "8 45 Val av justerare" -> "§ 45 Val av justerare".
bool RepairHeading(std::string& text) {
  if (text.size() < 5 || !IsMisreadSign(text[0]) || text[1] != ' ') return false;
  const std::size_t n = Digits(text, 2);
  if (n < 1 || n > 3 || 2 + n >= text.size() || text[2 + n] != ' ') return false;
  if (!UpperCaseLetterAt(text, 3 + n)) return false;
  text.replace(0, 1, "§");
  return true;
}

// "8 45-48", the value of a "Paragrafer" field, -> "§ 45-48".
void RepairParagraphNumber(std::string& text, std::size_t at) {
  if (at + 2 < text.size() && IsMisreadSign(text[at]) && text[at + 1] == ' ' &&
      IsDigit(text[at + 2])) {
    text.replace(at, 1, "§");
  }
}

constexpr std::string_view kParagraphLabels[] = {"Paragrafer", "Paragraf", "Paragrafer:",
                                                 "Paragraf:"};

// "Paragrafer 8 45-48" -> "Paragrafer § 45-48".
void RepairFormLabel(std::string& text) {
  for (std::string_view label : kParagraphLabels) {
    if (text.size() <= label.size() || text.compare(0, label.size(), label) != 0 ||
        text[label.size()] != ' ') {
      continue;
    }
    RepairParagraphNumber(text, label.size() + 1);
    return;
  }
}

bool IsParagraphLabel(std::string_view text) {
  for (std::string_view label : kParagraphLabels) {
    if (text == label) return true;
  }
  return false;
}

// The layout reads a form's label and value as two lines of one row when
// the gap between them is wide: the value's line is repaired as the field.
bool SameRow(const TextLine& a, const TextLine& b) {
  const double overlap = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
  return overlap > 0.5 * std::min(a.y1 - a.y0, b.y1 - b.y0) && b.x0 >= a.x1;
}

constexpr std::string_view kHyphen = "-";
constexpr std::string_view kEnDash = "\xE2\x80\x93";
constexpr std::string_view kEmDash = "\xE2\x80\x94";

// Length of the dash character at `at` in `s`, or 0.
std::size_t DashAt(std::string_view s, std::size_t at) {
  for (std::string_view dash : {kHyphen, kEnDash, kEmDash}) {
    if (s.compare(at, dash.size(), dash) == 0) return dash.size();
  }
  return 0;
}

// "13.00–-16.15" -> "13.00–16.15". Tesseract reads an en dash between
// figures as an en or em dash followed by a hyphen (the dash's thin end
// read as a second sign). Two dashes between two figures mean nothing in
// Swedish, so the run becomes the en dash a range is written with.
void RepairDoubleDashes(std::string& text) {
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    if (!IsDigit(text[i - 1])) continue;
    std::size_t end = i, dashes = 0;
    while (end < text.size()) {
      const std::size_t n = DashAt(text, end);
      if (n == 0) break;
      end += n;
      ++dashes;
    }
    if (dashes >= 2 && end < text.size() && IsDigit(text[end])) {
      text.replace(i, end - i, kEnDash);
    }
  }
}

bool UpperCaseWordEndsAt(std::string_view s, std::size_t end) {
  std::size_t start = s.rfind(' ', end == 0 ? 0 : end - 1);
  start = start == std::string_view::npos ? 0 : start + 1;
  return start < end && UpperCaseLetterAt(s, start);
}

// "Johan Ek (5)" -> "Johan Ek (S)", "(5D)" -> "(SD)". A party is written
// after a name in parentheses, and tesseract reads the S of the Social
// Democrats (S) and the Sweden Democrats (SD) as a 5. A figure in
// parentheses right after a capitalised word (a name) is not otherwise
// written: a list label or a note stands at a line's start or after a
// lower-case word ("enligt punkt (5)").
void RepairPartyLetters(std::string& text) {
  for (std::string_view misread : {" (5)", " (5D)"}) {
    std::size_t at = 0;
    while ((at = text.find(misread, at)) != std::string::npos) {
      const std::size_t after = at + misread.size();
      const bool word_ends = after == text.size() || text[after] == ' ' || text[after] == ',' ||
                             text[after] == '.' || text[after] == ';';
      if (word_ends && UpperCaseWordEndsAt(text, at)) text[at + 2] = 'S';
      at = after;
    }
  }
}

// "«", "”", "+"
constexpr std::string_view kBulletMisreads[] = {"\xC2\xAB", "\xE2\x80\x9D", "+"};

// "« Tjänsteskrivelse från ..." -> "• Tjänsteskrivelse från ...". A
// bullet is read as a guillemet, a closing quotation mark or a plus sign,
// now and then with a stray hyphen after it ("« - Primärkommunala"); any
// of these at a line's start before a space and a capital cannot be what
// the text means (Swedish quotes close with "”" and "»" after the words
// and open without a space; a sum does not open a line), so it is the
// bullet of a list item, and normalise reads the item as one. The layout
// may give the bullet a line of its own beside its item's (`next`: the
// following line when it is on the same row).
void RepairBullet(std::string& text, const TextLine* next) {
  for (std::string_view misread : kBulletMisreads) {
    if (text.compare(0, misread.size(), misread) != 0) continue;
    if (text.size() == misread.size() && next != nullptr &&
        UpperCaseLetterAt(next->text, 0)) {
      text = "\xE2\x80\xA2";
      return;
    }
    std::size_t end = misread.size();
    if (text.compare(end, 3, " - ") == 0) end += 2;
    if (text.size() > end && text[end] == ' ' && UpperCaseLetterAt(text, end + 1)) {
      text.replace(0, end, "\xE2\x80\xA2");
      return;
    }
  }
}

bool LowerCaseLetterBefore(std::string_view s, std::size_t at) {
  if (at == 0) return false;
  auto i = static_cast<std::int32_t>(at);
  UChar32 c;
  U8_PREV(s.data(), 0, i, c);
  return c > 0 && u_islower(c);
}

// "så -" at a line's end -> "så-".
void GlueLineEndHyphen(std::string& text) {
  const std::size_t n = text.size();
  if (n >= 3 && text[n - 1] == '-' && text[n - 2] == ' ' && LowerCaseLetterBefore(text, n - 2)) {
    text.erase(n - 2, 1);
  }
}

}  // namespace

void RepairOcrMisreads(std::vector<TextLine>& lines) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    TextLine& line = lines[i];
    if (!RepairHeading(line.text)) RepairFormLabel(line.text);
    if (i > 0 && IsParagraphLabel(lines[i - 1].text) && SameRow(lines[i - 1], line)) {
      RepairParagraphNumber(line.text, 0);
    }
    RepairDoubleDashes(line.text);
    RepairPartyLetters(line.text);
    const bool row_goes_on = i + 1 < lines.size() && SameRow(line, lines[i + 1]);
    RepairBullet(line.text, row_goes_on ? &lines[i + 1] : nullptr);
    GlueLineEndHyphen(line.text);
  }
}

}  // namespace diar::extract_internal
