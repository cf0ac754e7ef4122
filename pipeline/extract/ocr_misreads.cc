#include "pipeline/extract/ocr_misreads.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

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

// "Paragrafer 8 45-48" -> "Paragrafer § 45-48".
void RepairFormLabel(std::string& text) {
  for (std::string_view label : {"Paragrafer ", "Paragraf ", "Paragrafer: ", "Paragraf: "}) {
    if (text.compare(0, label.size(), label) != 0) continue;
    const std::size_t at = label.size();
    if (at + 2 < text.size() && IsMisreadSign(text[at]) && text[at + 1] == ' ' &&
        IsDigit(text[at + 2])) {
      text.replace(at, 1, "§");
    }
    return;
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
  for (TextLine& line : lines) {
    if (!RepairHeading(line.text)) RepairFormLabel(line.text);
    GlueLineEndHyphen(line.text);
  }
}

}  // namespace diar::extract_internal
