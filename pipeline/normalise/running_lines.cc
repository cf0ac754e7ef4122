#include "pipeline/normalise/running_lines.h"

#include <re2/re2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace diar::normalise_internal {
namespace {

enum Zone { kTop = 0, kBottom = 1 };

// Digits folded to '#', letters lower-cased, spaces dropped: what stays the
// same from page to page in a running line.
std::string Shape(const std::string& text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  u.toLower();
  icu::UnicodeString out;
  bool in_number = false;
  for (int32_t i = 0; i < u.length(); ++i) {
    const char16_t c = u[i];
    if (c >= '0' && c <= '9') {
      if (!in_number) out.append(static_cast<char16_t>('#'));
      in_number = true;
      continue;
    }
    in_number = false;
    if (c == ' ') continue;
    out.append(c);
  }
  std::string s;
  return out.toUTF8String(s);
}

std::size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// Zone of each line of the page (-1: body).
std::vector<int> Zones(const PageLayout& page) {
  const std::size_t n = page.lines.size();
  std::vector<int> zone(n, -1);
  if (n == 0) return zone;
  // Rows from the top: lines are in reading order, which in two-column
  // layouts is not top to bottom, so rank them by position.
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  const bool boxes = page.height > 0 && page.lines.front().has_box;
  if (boxes) {
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return page.lines[a].y0 < page.lines[b].y0;
    });
  }
  // Rank distinct rows: lines whose vertical centres are within half a line
  // share a row.
  std::vector<int> row_of(n, 0);
  int row = 0;
  for (std::size_t k = 1; k < n; ++k) {
    const Line& prev = page.lines[order[k - 1]];
    const Line& cur = page.lines[order[k]];
    const bool same = boxes && std::abs((cur.y0 + cur.y1) - (prev.y0 + prev.y1)) / 2 <
                                   0.5 * std::max(1.0, std::min(cur.Height(), prev.Height()));
    if (!same) ++row;
    row_of[order[k]] = row;
  }
  const int rows = row + 1;
  for (std::size_t i = 0; i < n; ++i) {
    const Line& l = page.lines[i];
    const double centre = (l.y0 + l.y1) / 2;
    if (row_of[i] < 3 && (!boxes || centre < 0.2 * page.height)) zone[i] = kTop;
    else if (row_of[i] >= rows - 3 && (!boxes || centre > 0.8 * page.height)) zone[i] = kBottom;
  }
  return zone;
}

}  // namespace

bool IsPageNumber(const std::string& text) {
  // Lone numbers have at most three digits: a four-digit number alone at the
  // foot of a cover page is a year ("2021"), not page 2021.
  static const RE2 kPattern(
      R"(^(?:)"
      R"([-–]?\s*\d{1,3}\s*[-–]?)"                 // 4, - 4 -
      R"(|\d{1,3}\s*\(\s*\d{1,4}\s*\))"            // 4 (12)
      R"(|\d{1,3}\s*/\s*\d{1,4})"                  // 4/12
      R"(|\d{1,4}\s+(?i:av|of)\s+\d{1,4})"          // 4 av 12
      R"(|(?i:sida|sid\.?|s\.|page|p\.|blad)\s*\d{1,4})"
      R"((?:\s*(?i:av|of|/|\()\s*\d{1,4}\s*\)?)?)"  // Sida 4 av 12
      R"(|[ivxlc]{1,7})"                            // iv (front matter)
      R"()$)");
  return RE2::FullMatch(text, kPattern);
}

std::vector<std::vector<bool>> FindRunningLines(const std::vector<PageLayout>& pages) {
  std::vector<std::vector<bool>> removed(pages.size());
  std::vector<std::vector<int>> zones(pages.size());
  // Pages each shape appears on, per zone.
  std::map<std::string, std::set<std::size_t>> seen[2];
  for (std::size_t p = 0; p < pages.size(); ++p) {
    zones[p] = Zones(pages[p]);
    removed[p].assign(pages[p].lines.size(), false);
    for (std::size_t i = 0; i < pages[p].lines.size(); ++i) {
      if (zones[p][i] < 0) continue;
      seen[zones[p][i]][Shape(pages[p].lines[i].text)].insert(p);
    }
  }
  const std::size_t needed = std::max<std::size_t>(2, (pages.size() * 2 + 4) / 5);  // ceil(40 %)
  std::vector<std::string> running[2];
  for (int z = 0; z < 2; ++z) {
    for (const auto& [shape, on] : seen[z]) {
      // A shape of digits alone is a page number, handled below; as a
      // "running" shape it would also take lone numbers in body tables.
      if (on.size() >= needed && shape.find_first_not_of("#") != std::string::npos) {
        running[z].push_back(shape);
      }
    }
  }
  for (std::size_t p = 0; p < pages.size(); ++p) {
    for (std::size_t i = 0; i < pages[p].lines.size(); ++i) {
      const int z = zones[p][i];
      if (z < 0) continue;
      const std::string& text = pages[p].lines[i].text;
      if (IsPageNumber(text)) {
        removed[p][i] = true;
        continue;
      }
      const std::string shape = Shape(text);
      for (const std::string& r : running[z]) {
        // Up to one edit in eight (at most 3): OCR confusions such as
        // "Sida"/"Slda", without merging different short headers.
        const std::size_t allowed = std::min<std::size_t>(3, r.size() / 8);
        if (shape == r || (allowed > 0 && EditDistance(shape, r) <= allowed)) {
          removed[p][i] = true;
          break;
        }
      }
    }
  }
  return removed;
}

}  // namespace diar::normalise_internal
