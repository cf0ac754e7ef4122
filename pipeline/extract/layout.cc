#include "pipeline/extract/layout.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>

namespace diar::extract_internal {
namespace {

struct Row {
  std::vector<Word> words;  // sorted by x0 once the row is complete
  double center = 0;        // mean vertical centre of its words
  double height = 0;        // mean height of its words
  double y0 = 0, y1 = 0;    // union of the words' boxes
};

double FontSize(const Word& w) {
  // Poppler reports 0 for some Type 3 fonts; the box height is a fair proxy
  // (a glyph box is about 1.0-1.2 em tall).
  return w.font_size > 0 ? w.font_size : (w.y1 - w.y0) / 1.1;
}

std::vector<Row> GroupRows(std::vector<Word> words) {
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    return (a.y0 + a.y1) < (b.y0 + b.y1);
  });
  std::vector<Row> rows;
  for (Word& w : words) {
    const double h = std::max(0.1, w.y1 - w.y0);
    const double c = (w.y0 + w.y1) / 2;
    // A word joins a row when their vertical cores overlap by half the
    // smaller height: same baseline, allowing sub/superscripts and mixed
    // sizes, but not the next line (line spacing is >= 1.0 em).
    Row* best = nullptr;
    double best_overlap = 0;
    for (std::size_t i = rows.size(); i-- > 0;) {
      Row& r = rows[i];
      if (r.center + r.height < c - h) break;  // rows are in centre order
      const double lo = std::max(r.center - r.height / 2, c - h / 2);
      const double hi = std::min(r.center + r.height / 2, c + h / 2);
      const double overlap = (hi - lo) / std::min(r.height, h);
      if (overlap >= 0.5 && overlap > best_overlap) {
        best = &r;
        best_overlap = overlap;
      }
    }
    if (best == nullptr) {
      rows.emplace_back();
      best = &rows.back();
      best->y0 = w.y0;
      best->y1 = w.y1;
    }
    const double n = static_cast<double>(best->words.size());
    best->center = (best->center * n + c) / (n + 1);
    best->height = (best->height * n + h) / (n + 1);
    best->y0 = std::min(best->y0, w.y0);
    best->y1 = std::max(best->y1, w.y1);
    best->words.push_back(std::move(w));
  }
  for (Row& r : rows) {
    std::sort(r.words.begin(), r.words.end(),
              [](const Word& a, const Word& b) { return a.x0 < b.x0; });
  }
  std::sort(rows.begin(), rows.end(),
            [](const Row& a, const Row& b) { return a.center < b.center; });
  return rows;
}

// Makes one TextLine of consecutive words; the dominant font is the one
// carrying the most characters.
TextLine MakeLine(std::vector<Word>::const_iterator begin,
                  std::vector<Word>::const_iterator end, int column) {
  TextLine line;
  line.column = column;
  line.x0 = begin->x0;
  line.y0 = begin->y0;
  line.x1 = begin->x1;
  line.y1 = begin->y1;
  std::map<std::pair<double, bool>, std::size_t> weight;
  for (auto it = begin; it != end; ++it) {
    if (it != begin) line.text += ' ';
    line.text += it->text;
    line.x0 = std::min(line.x0, it->x0);
    line.y0 = std::min(line.y0, it->y0);
    line.x1 = std::max(line.x1, it->x1);
    line.y1 = std::max(line.y1, it->y1);
    weight[{std::round(it->font_size * 2) / 2, it->bold}] += it->text.size();
  }
  auto top = std::max_element(
      weight.begin(), weight.end(),
      [](const auto& a, const auto& b) { return a.second < b.second; });
  line.font_size = top->first.first;
  line.bold = top->first.second;
  return line;
}

// Splits the words [begin, end) of one row into lines at gaps wider than a
// word space could be. 1.5 em: a justified line stretches spaces to about
// 1 em at worst; tab stops, table cells and gutters are wider.
void AppendFragments(const std::vector<Word>& words, std::size_t begin,
                     std::size_t end, int column, std::vector<TextLine>& out) {
  std::size_t start = begin;
  for (std::size_t i = begin + 1; i <= end; ++i) {
    const bool split =
        i == end ||
        words[i].x0 - words[i - 1].x1 >
            1.5 * std::max(FontSize(words[i]), FontSize(words[i - 1]));
    if (!split) continue;
    out.push_back(MakeLine(words.begin() + static_cast<std::ptrdiff_t>(start),
                           words.begin() + static_cast<std::ptrdiff_t>(i),
                           column));
    start = i;
  }
}

// Index of the first word of `row` starting right of `gutter`.
std::size_t SplitIndex(const Row& row, double gutter) {
  std::size_t i = 0;
  while (i < row.words.size() && row.words[i].x1 <= gutter) ++i;
  return i;
}

bool Crosses(const Row& row, double gutter) {
  for (const Word& w : row.words) {
    if (w.x0 < gutter && w.x1 > gutter) return true;
  }
  return false;
}

// Looks for a vertical gutter between 25 % and 75 % of the page width: the x
// that the most rows leave in a wide gap with words on both sides. Returns a
// negative value when no x is shared by enough rows to be a column gap rather
// than a coincidence of word spaces.
double FindGutter(const std::vector<Row>& rows, double page_width) {
  if (page_width <= 0 || rows.size() < 4) return -1;
  const int lo = static_cast<int>(page_width * 0.25);
  const int hi = static_cast<int>(page_width * 0.75);
  std::vector<int> two_sided(static_cast<std::size_t>(hi - lo + 1), 0);
  for (const Row& r : rows) {
    for (std::size_t i = 1; i < r.words.size(); ++i) {
      const Word& a = r.words[i - 1];
      const Word& b = r.words[i];
      // A gutter is at least ~1 em; narrower gaps are word spaces.
      if (b.x0 - a.x1 < 0.9 * std::max(FontSize(a), FontSize(b))) continue;
      // Leave a third of an em clear each side so the gutter's centre, not
      // its edge, wins.
      const int from = std::max(lo, static_cast<int>(std::ceil(a.x1 + 3)));
      const int to = std::min(hi, static_cast<int>(std::floor(b.x0 - 3)));
      for (int x = from; x <= to; ++x) ++two_sided[static_cast<std::size_t>(x - lo)];
    }
  }
  int best = 0;
  for (int v : two_sided) best = std::max(best, v);
  // Four rows side by side at least: fewer is a short table or a
  // letterhead, which read fine row by row anyway.
  if (best < 4) return -1;
  // The centre of the widest run of x values reaching the best count.
  int run_start = -1, best_start = 0, best_len = 0;
  for (int i = 0; i <= hi - lo + 1; ++i) {
    const bool on = i <= hi - lo && two_sided[static_cast<std::size_t>(i)] == best;
    if (on && run_start < 0) run_start = i;
    if (!on && run_start >= 0) {
      if (i - run_start > best_len) {
        best_len = i - run_start;
        best_start = run_start;
      }
      run_start = -1;
    }
  }
  return lo + best_start + best_len / 2.0;
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

// Emits the rows [begin, end), none of which crosses `gutter`, as two
// columns, or row by row when they look like a table.
void EmitBlock(const std::vector<Row>& rows, std::size_t begin,
               std::size_t end, double gutter, std::vector<TextLine>& out) {
  std::size_t both = 0;
  double left_edge = gutter;
  std::vector<double> left_widths;
  for (std::size_t r = begin; r < end; ++r) {
    const std::size_t split = SplitIndex(rows[r], gutter);
    if (split > 0 && split < rows[r].words.size()) ++both;
    if (split > 0) {
      left_edge = std::min(left_edge, rows[r].words.front().x0);
      left_widths.push_back(rows[r].words[split - 1].x1 - rows[r].words.front().x0);
    }
  }
  // Running text fills its column: most left-column lines reach past half
  // the column's width. Label/value tables and forms have short left cells;
  // reading them column by column would separate each label from its value.
  const bool columns =
      both >= 2 && Median(left_widths) >= 0.5 * (gutter - left_edge);
  if (!columns) {
    for (std::size_t r = begin; r < end; ++r) {
      AppendFragments(rows[r].words, 0, rows[r].words.size(), 0, out);
    }
    return;
  }
  for (std::size_t r = begin; r < end; ++r) {
    AppendFragments(rows[r].words, 0, SplitIndex(rows[r], gutter), 1, out);
  }
  for (std::size_t r = begin; r < end; ++r) {
    AppendFragments(rows[r].words, SplitIndex(rows[r], gutter),
                    rows[r].words.size(), 2, out);
  }
}

}  // namespace

bool IsBoldFontName(const std::string& name) {
  std::string lower;
  for (char c : name.substr(name.find('+') == 6 ? 7 : 0)) {
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  for (const char* mark : {"bold", "black", "heavy", "semibold", "demi"}) {
    if (lower.find(mark) != std::string::npos) return true;
  }
  return false;
}

std::vector<TextLine> BuildLines(std::vector<Word> words, double page_width) {
  std::vector<TextLine> out;
  std::vector<Row> rows = GroupRows(std::move(words));
  const double gutter = FindGutter(rows, page_width);
  std::size_t r = 0;
  while (r < rows.size()) {
    if (gutter < 0 || Crosses(rows[r], gutter)) {
      AppendFragments(rows[r].words, 0, rows[r].words.size(), 0, out);
      ++r;
      continue;
    }
    // A block: consecutive rows clear of the gutter, broken also at a
    // vertical gap of more than three lines, which separates a footer or a
    // letterhead from the body even when they keep clear of the gutter.
    std::size_t end = r + 1;
    while (end < rows.size() && !Crosses(rows[end], gutter) &&
           rows[end].y0 - rows[end - 1].y1 < 3 * rows[end - 1].height) {
      ++end;
    }
    EmitBlock(rows, r, end, gutter, out);
    r = end;
  }
  return out;
}

}  // namespace diar::extract_internal
