#include "pipeline/normalise/running_lines.h"

#include <re2/re2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace diar::normalise_internal {
namespace {

enum Zone { kTop = 0, kBottom = 1, kSide = 2 };
constexpr int kZones = 3;

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

// The font size most of the document's characters are set in; 0 when the
// text has no sizes (text files, OCR).
double BodySize(const std::vector<PageLayout>& pages) {
  std::map<long, std::size_t> chars;
  for (const PageLayout& page : pages) {
    for (const Line& l : page.lines) {
      if (l.font_size > 0) chars[std::lround(l.font_size * 2)] += l.text.size();
    }
  }
  long best = 0;
  std::size_t most = 0;
  for (const auto& [size, n] : chars) {
    if (n > most) {
      most = n;
      best = size;
    }
  }
  return static_cast<double>(best) / 2;
}

// Zone of each line of the page (-1: body).
//
// A running line is set apart from the body by white space: the top zone
// is the first one to three rows, ending where a gap taller than a line
// opens below them; the bottom zone likewise from the foot up. A page whose
// first rows run straight into the body has no top zone, so the first line
// of a column or a heading that opens the page is never a candidate. For
// text without boxes, blank lines play the part of the gaps.
std::vector<int> Zones(const PageLayout& page) {
  const std::size_t n = page.lines.size();
  std::vector<int> zone(n, -1);
  if (n == 0) return zone;
  const bool boxes = page.height > 0 && page.lines.front().has_box;
  // Rows: lines whose vertical centres are within half a line share one.
  // Lines are in reading order, which in two-column layouts is not top to
  // bottom, so rank them by position first. Turned lines stand beside the
  // rows, along the edge.
  std::vector<std::size_t> order;
  order.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (page.lines[i].vertical && boxes) {
      zone[i] = kSide;
    } else {
      order.push_back(i);
    }
  }
  if (order.empty()) return zone;
  if (boxes) {
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return page.lines[a].y0 < page.lines[b].y0;
    });
  }
  struct Row {
    std::vector<std::size_t> lines;
    double y0 = 0, y1 = 0;
    bool blank_before = false;  // text files
  };
  std::vector<Row> rows;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const Line& cur = page.lines[order[k]];
    const bool same =
        boxes && !rows.empty() &&
        std::abs((cur.y0 + cur.y1) / 2 - (rows.back().y0 + rows.back().y1) / 2) <
            0.5 * std::max(1.0, std::min(cur.Height(), rows.back().y1 - rows.back().y0));
    if (!same) {
      rows.push_back(Row{{}, cur.y0, cur.y1, cur.after_blank});
    }
    rows.back().lines.push_back(order[k]);
    rows.back().y0 = std::min(rows.back().y0, cur.y0);
    rows.back().y1 = std::max(rows.back().y1, cur.y1);
  }
  // Is there white space between row r and row r + 1?
  auto gap_after = [&](std::size_t r) {
    if (r + 1 >= rows.size()) return true;
    if (!boxes) return rows[r + 1].blank_before;
    const double taller = std::max(rows[r].y1 - rows[r].y0, rows[r + 1].y1 - rows[r + 1].y0);
    return rows[r + 1].y0 - rows[r].y1 > taller;
  };
  auto in_band = [&](const Row& row, bool top) {
    if (!boxes) return true;
    const double centre = (row.y0 + row.y1) / 2;
    return top ? centre < 0.2 * page.height : centre > 0.8 * page.height;
  };
  for (std::size_t r = 0; r < std::min<std::size_t>(3, rows.size()) && in_band(rows[r], true); ++r) {
    if (!gap_after(r)) continue;
    for (std::size_t k = 0; k <= r; ++k) {
      for (std::size_t i : rows[k].lines) zone[i] = kTop;
    }
    break;
  }
  for (std::size_t back = 0; back < std::min<std::size_t>(3, rows.size()); ++back) {
    const std::size_t r = rows.size() - 1 - back;
    if (!in_band(rows[r], false) || zone[rows[r].lines.front()] == kTop) break;
    if (r > 0 && !gap_after(r - 1)) continue;
    for (std::size_t k = r; k < rows.size(); ++k) {
      for (std::size_t i : rows[k].lines) zone[i] = kBottom;
    }
    break;
  }
  return zone;
}

// A number in a line, and whether it numbers a paragraph ("§ 32").
struct Number {
  long value = 0;
  bool section = false;
};

// The numbers in `text`, in order.
std::vector<Number> Numbers(const std::string& text) {
  std::vector<Number> out;
  long value = -1;
  bool section = false;  // a "§" (and spaces) since the last number
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      value = (value < 0 ? 0 : value * 10) + (c - '0');
      if (value > 1000000) value = 1000000;
      continue;
    }
    if (value >= 0) {
      out.push_back({value, section});
      value = -1;
      section = false;
    }
    if (text.compare(i, 2, "\u00a7") == 0) {
      section = true;
      ++i;
    } else if (c != ' ') {
      section = false;
    }
  }
  if (value >= 0) out.push_back({value, section});
  return out;
}

// Whether the lines of one shape, (page index, text) pairs, run across the
// pages: the same text everywhere, or a number that moves in step with the
// page ("Sida 4 av 12" on page 4, "Sida 5 av 12" on page 5) while each of
// the others stays the same or moves in step too. A number that changes
// otherwise is content: "§ 32 Dnr BUN 2024/0140" and "§ 33 Dnr BUN
// 2024/0151" heading pages 2 and 3 of a protocol, whose dnr is not the
// page's. So is a paragraph number ("§ 32", "§ 33"), which may go up one a
// page when each paragraph fills one but numbers no page.
bool RunsAcrossPages(const std::vector<std::pair<std::size_t, std::string>>& lines) {
  bool same_text = true;
  for (const auto& l : lines) same_text = same_text && l.second == lines.front().second;
  if (same_text) return true;
  std::vector<std::vector<Number>> numbers;
  for (const auto& l : lines) numbers.push_back(Numbers(l.second));
  const std::size_t count = numbers.front().size();
  for (const auto& n : numbers) {
    if (n.size() != count) return false;
  }
  bool steps = false;
  for (std::size_t k = 0; k < count; ++k) {
    bool same = true, in_step = !numbers.front()[k].section;
    const long offset = numbers.front()[k].value - static_cast<long>(lines.front().first);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      same = same && numbers[i][k].value == numbers.front()[k].value;
      in_step = in_step && numbers[i][k].value - static_cast<long>(lines[i].first) == offset;
    }
    if (!same && !in_step) return false;
    steps = steps || (in_step && !same);
  }
  return steps;
}

// Whether `text` holds a page number among other words: "sida 4",
// "s. 4", "Page 4", "4 av 12", "4 (12)". Not "4/12": a dnr's serial
// ("KS 2023/12") looks the same.
bool SaysPageNumber(const std::string& text) {
  static const RE2 kPattern(
      R"((?i)(?:^|\W)(?:sida|sid\.|s\.|page|p\.)\s*\d{1,4}(?:\D|$))"
      R"(|(?:^|\D)\d{1,4}\s*(?:(?:av|of)\s+|\(\s*)\d{1,4}(?:\s*\))?(?:\D|$))");
  return RE2::PartialMatch(text, kPattern);
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

// Where a running line stands: a header's centre measured from the page's
// top edge, a footer's from its bottom edge, as the page style places
// them. A landscape page in a portrait report (a wide table) keeps the
// report's footer at the same distance from its bottom edge, 250 points
// higher up from the top.
double Place(const PageLayout& page, int zone, const Line& l) {
  if (zone == kSide) {
    const double centre = (l.x0 + l.x1) / 2;
    return std::min(centre, std::max(0.0, page.width - centre));
  }
  const double centre = (l.y0 + l.y1) / 2;
  return zone == kTop ? centre : page.height - centre;
}

std::vector<std::vector<bool>> FindRunningLines(const std::vector<PageLayout>& pages) {
  std::vector<std::vector<bool>> removed(pages.size());
  std::vector<std::vector<int>> zones(pages.size());
  // Per zone, per shape: the pages it appears on and its lines there.
  std::map<std::string, std::set<std::size_t>> seen[kZones];
  std::map<std::string, std::vector<std::pair<std::size_t, std::string>>> texts[kZones];
  // Per zone, per shape: (page, vertical centre) of its lines with a box.
  std::map<std::string, std::vector<std::pair<std::size_t, double>>> where[kZones];
  // Running lines are not set larger than the body; a larger line at the
  // top of several pages is a heading ("Fortsättning", "Kapitel 3").
  const double body_size = BodySize(pages);
  for (std::size_t p = 0; p < pages.size(); ++p) {
    zones[p] = Zones(pages[p]);
    for (std::size_t i = 0; i < pages[p].lines.size(); ++i) {
      if (body_size > 0 && pages[p].lines[i].font_size > body_size + 1) zones[p][i] = -1;
    }
    removed[p].assign(pages[p].lines.size(), false);
    for (std::size_t i = 0; i < pages[p].lines.size(); ++i) {
      if (zones[p][i] < 0) continue;
      const std::string shape = Shape(pages[p].lines[i].text);
      seen[zones[p][i]][shape].insert(p);
      texts[zones[p][i]][shape].emplace_back(p, pages[p].lines[i].text);
      const Line& l = pages[p].lines[i];
      if (l.has_box) where[zones[p][i]][shape].emplace_back(p, Place(pages[p], zones[p][i], l));
    }
  }
  const std::size_t needed = std::max<std::size_t>(2, (pages.size() * 2 + 4) / 5);  // ceil(40 %)
  // A running shape and the pages it runs over: the whole document, or one
  // part of it (RunsOfPages).
  struct Running {
    std::string shape;
    std::size_t first = 0, last = 0;
  };
  std::vector<Running> running[kZones];
  for (int z = 0; z < kZones; ++z) {
    for (const auto& [shape, on] : seen[z]) {
      // A shape of digits alone is a page number, handled below; as a
      // "running" shape it would also take lone numbers in body tables.
      if (shape.find_first_not_of("#") == std::string::npos) continue;
      if (on.size() >= needed && RunsAcrossPages(texts[z][shape])) {
        running[z].push_back({shape, 0, pages.size() - 1});
        continue;
      }
      // A compiled document (a kallelse with its handlingar appended, a
      // protokoll with its signing service's verification page) has parts
      // from different producers, each with its own running lines, on too
      // few of the whole document's pages. Within a part the pages that
      // carry a shape follow one another, at most one page apart (a header
      // on odd pages only); such a run of pages is a part. A number moving
      // in step with the page must do so on three pages of the run, as
      // on two a heading "§ 12", "§ 13" opening consecutive pages would,
      // unless the line says it is a page number ("Kallelse 2023-05-16,
      // sida 1 (2)"); the same text on two pages is enough, in place
      // (below).
      std::vector<std::size_t> run;
      auto close_run = [&] {
        if (run.size() >= 2) {
          std::vector<std::pair<std::size_t, std::string>> run_texts;
          for (const auto& t : texts[z][shape]) {
            if (t.first >= run.front() && t.first <= run.back()) run_texts.push_back(t);
          }
          bool same_text = true, numbered = true;
          for (const auto& t : run_texts) {
            same_text = same_text && t.second == run_texts.front().second;
            numbered = numbered && SaysPageNumber(t.second);
          }
          if (same_text || ((run.size() >= 3 || numbered) && RunsAcrossPages(run_texts))) {
            running[z].push_back({shape, run.front(), run.back()});
          }
        }
        run.clear();
      };
      for (std::size_t p : on) {
        if (!run.empty() && p > run.back() + 2) close_run();
        run.push_back(p);
      }
      close_run();
    }
  }
  // A running line stands where it stands on the other pages: a header is
  // placed by the page style. The same words elsewhere in the zone are
  // content: the letterhead's "Dnr KS 2023/0418" under the sender on page 1,
  // where the later pages' header repeats it at the top edge. Within a
  // line's height, for scans shifted on the glass; lines without boxes
  // (text files) cannot say, except that a part's running line needs a
  // box: without the whole document's recurrence, only its place says it
  // is not content.
  auto in_place = [&](int z, const Running& r, std::size_t p, const Line& l) {
    if (!l.has_box) return r.first == 0 && r.last + 1 == pages.size();
    const double size = l.vertical ? l.x1 - l.x0 : l.Height();
    for (const auto& [q, centre] : where[z][r.shape]) {
      if (q != p && q >= r.first && q <= r.last &&
          std::abs(centre - Place(pages[p], z, l)) <= std::max(2.0, size)) {
        return true;
      }
    }
    return false;
  };
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
      for (const Running& r : running[z]) {
        // Only over the pages the shape runs on: a part's header does not
        // take the next part's first line.
        if (p < r.first || p > r.last) continue;
        // Up to one edit in eight (at most 3): OCR confusions such as
        // "Sida"/"Slda", without merging different short headers.
        const std::size_t allowed = std::min<std::size_t>(3, r.shape.size() / 8);
        if ((shape == r.shape || (allowed > 0 && EditDistance(shape, r.shape) <= allowed)) &&
            in_place(z, r, p, pages[p].lines[i])) {
          removed[p][i] = true;
          break;
        }
      }
    }
  }
  return removed;
}

}  // namespace diar::normalise_internal
