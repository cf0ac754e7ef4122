#include "pipeline/extract/foot_notes.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace diar::extract_internal {
namespace {

// The page's text size: the size most characters are set in.
double BodySize(const std::vector<TextLine>& lines) {
  std::vector<std::pair<double, std::size_t>> sizes;  // size, characters
  for (const TextLine& l : lines) {
    if (l.font_size <= 0 || l.table_row) continue;
    auto it = std::find_if(sizes.begin(), sizes.end(),
                           [&](const auto& s) { return std::abs(s.first - l.font_size) < 0.25; });
    if (it == sizes.end()) {
      sizes.emplace_back(l.font_size, 0);
      it = sizes.end() - 1;
    }
    it->second += l.text.size();
  }
  double body = 0;
  std::size_t most = 0;
  for (const auto& [size, chars] : sizes) {
    if (chars > most) most = chars, body = size;
  }
  return body;
}

// "2 SCB, Inkomster ...": one to three digits, a space, then not a digit.
bool OpensWithNoteNumber(const std::string& t) {
  std::size_t digits = 0;
  while (digits < t.size() && t[digits] >= '0' && t[digits] <= '9') ++digits;
  return digits >= 1 && digits <= 3 && digits + 1 < t.size() && t[digits] == ' ' &&
         !(t[digits + 1] >= '0' && t[digits + 1] <= '9');
}

// "1": a note's number alone.
bool IsNoteNumber(const std::string& t) {
  return !t.empty() && t.size() <= 3 &&
         std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::size_t PageFootStart(const std::vector<TextLine>& lines) {
  std::size_t foot = lines.size();
  while (foot > 0 && lines[foot - 1].text.size() <= 40) {
    double above = -1e9;
    for (std::size_t k = 0; k + 1 < foot; ++k) above = std::max(above, lines[k].y1);
    if (lines[foot - 1].y0 < above) break;
    --foot;
  }
  return foot;
}

void MoveFootnotesToPageEnd(std::vector<TextLine>& lines) {
  const double body = BodySize(lines);
  if (body <= 0) return;
  const std::size_t foot = PageFootStart(lines);
  auto small = [&](const TextLine& l) {
    return !l.table_row && l.font_size > 0 && l.font_size <= body - 1.5 && l.font_size <= body * 5 / 6;
  };
  std::vector<std::pair<std::size_t, std::size_t>> runs;  // [begin, end)
  for (std::size_t i = 0; i < foot;) {
    const TextLine& first = lines[i];
    // The number raised on a line of its own beside the note's first line
    // (TeX sets it so): the note's size is that line's.
    const bool raised = i + 1 < lines.size() && IsNoteNumber(first.text) && small(lines[i + 1]) &&
                        first.font_size < lines[i + 1].font_size &&
                        std::min(first.y1, lines[i + 1].y1) > std::max(first.y0, lines[i + 1].y0);
    const bool opens = small(first) && (raised || OpensWithNoteNumber(first.text)) &&
                       (i == 0 || lines[i - 1].y1 <= first.y0 + 1);
    if (!opens) {
      ++i;
      continue;
    }
    const double size = raised ? lines[i + 1].font_size : first.font_size;
    std::size_t end = raised ? i + 2 : i + 1;
    while (end < foot && !lines[end].table_row && lines[end].y0 >= lines[end - 1].y0 - 1 &&
           (std::abs(lines[end].font_size - size) <= 0.5 ||
            (IsNoteNumber(lines[end].text) && lines[end].font_size < size))) {
      ++end;
    }
    // Text read after the run, lower on the page, is the column's own
    // going on (a note-sized caption, a table's small print): no foot.
    if (end == foot || lines[end].y0 < lines[end - 1].y0 - 1) runs.emplace_back(i, end);
    i = end;
  }
  // None, or one that ends the page's text already: nothing moves.
  if (runs.empty() || (runs.size() == 1 && runs.front().second == foot)) return;
  std::vector<TextLine> text, notes;
  text.reserve(lines.size());
  std::size_t next = 0;
  for (const auto& [begin, end] : runs) {
    for (; next < begin; ++next) text.push_back(std::move(lines[next]));
    for (; next < end; ++next) notes.push_back(std::move(lines[next]));
  }
  for (; next < foot; ++next) text.push_back(std::move(lines[next]));
  for (TextLine& l : notes) text.push_back(std::move(l));
  for (; next < lines.size(); ++next) text.push_back(std::move(lines[next]));
  lines = std::move(text);
}

}  // namespace diar::extract_internal
