#include "pipeline/extract/ruled_tables.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

namespace diar::extract_internal {
namespace {

// Positions within `tolerance` of each other as one (their mean), sorted.
std::vector<double> Distinct(std::vector<double> v, double tolerance) {
  std::sort(v.begin(), v.end());
  std::vector<double> out;
  std::size_t n = 0;
  double sum = 0;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (n > 0 && v[i] - v[i - 1] > tolerance) {
      out.push_back(sum / static_cast<double>(n));
      n = 0;
      sum = 0;
    }
    sum += v[i];
    ++n;
  }
  if (n > 0) out.push_back(sum / static_cast<double>(n));
  return out;
}

// Index of the interval of `bounds` (sorted) holding v, or -1.
int Interval(const std::vector<double>& bounds, double v) {
  for (std::size_t i = 0; i + 1 < bounds.size(); ++i) {
    if (v >= bounds[i] && v < bounds[i + 1]) return static_cast<int>(i);
  }
  return -1;
}

// The words of one cell as its lines, top to bottom, joined by U+2028.
std::string CellText(std::vector<const Word*> words) {
  std::sort(words.begin(), words.end(), [](const Word* a, const Word* b) {
    return a->y0 + a->y1 < b->y0 + b->y1;
  });
  std::vector<std::vector<const Word*>> lines;
  double centre = 0, height = 0;
  for (const Word* w : words) {
    const double c = (w->y0 + w->y1) / 2;
    if (lines.empty() || c - centre > height / 2) {
      lines.emplace_back();
      centre = c;
      height = std::max(0.1, w->y1 - w->y0);
    }
    lines.back().push_back(w);
  }
  std::string text;
  for (std::vector<const Word*>& line : lines) {
    std::sort(line.begin(), line.end(), [](const Word* a, const Word* b) { return a->x0 < b->x0; });
    if (!text.empty()) text += "\xE2\x80\xA8";  // U+2028
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (i > 0 && !Touches(*line[i - 1], *line[i])) text += ' ';
      text += line[i]->text;
    }
  }
  return text;
}

}  // namespace

std::string TableRowText(const std::vector<std::string>& cells) {
  // Before the first cell of text and after the last, nothing is moved
  // out of its column: empty cells there are a header's corner, an
  // indent's column or a blank mark.
  std::size_t begin = 0, end = cells.size();
  while (begin < end && cells[begin].empty()) ++begin;
  while (end > begin && cells[end - 1].empty()) --end;
  std::string text;
  for (std::size_t c = begin; c < end; ++c) {
    if (c > begin) text += cells[c].empty() ? " |" : " | ";
    text += cells[c];
  }
  return text;
}

void ReadTables(std::vector<Word>& words, const std::vector<Rule>& rules) {
  constexpr double kTouch = 2;  // points: rules this close meet
  std::vector<Rule> vertical, horizontal;
  for (const Rule& r : rules) {
    if (r.x0 == r.x1 && r.y1 - r.y0 >= 6) vertical.push_back(r);
    if (r.y0 == r.y1 && r.x1 - r.x0 >= 6) horizontal.push_back(r);
  }
  if (vertical.size() < 3 || horizontal.size() < 2) return;
  // Tables: groups of rules joined by crossings (union-find over indices,
  // verticals first).
  const std::size_t nv = vertical.size(), n = nv + horizontal.size();
  std::vector<std::size_t> parent(n);
  for (std::size_t i = 0; i < n; ++i) parent[i] = i;
  auto find = [&parent](std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (std::size_t v = 0; v < nv; ++v) {
    for (std::size_t h = 0; h < horizontal.size(); ++h) {
      const Rule& a = vertical[v];
      const Rule& b = horizontal[h];
      if (a.x0 >= b.x0 - kTouch && a.x0 <= b.x1 + kTouch && b.y0 >= a.y0 - kTouch &&
          b.y0 <= a.y1 + kTouch) {
        parent[find(v)] = find(nv + h);
      }
    }
  }
  // A border drawn cell by cell is one rule: pieces on one line that meet
  // end to end join their tables, so a cell spanning two columns (no
  // vertical rule under its border's middle) does not cut the table in two.
  auto join_pieces = [&](std::size_t offset, const std::vector<Rule>& pieces, bool across) {
    std::vector<std::size_t> order(pieces.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto line = [&](std::size_t i) { return across ? pieces[i].y0 : pieces[i].x0; };
    auto start = [&](std::size_t i) { return across ? pieces[i].x0 : pieces[i].y0; };
    auto stop = [&](std::size_t i) { return across ? pieces[i].x1 : pieces[i].y1; };
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return line(a) != line(b) ? line(a) < line(b) : start(a) < start(b);
    });
    for (std::size_t k = 1; k < order.size(); ++k) {
      const std::size_t a = order[k - 1], b = order[k];
      if (line(b) - line(a) <= kTouch && start(b) <= stop(a) + kTouch) {
        parent[find(offset + a)] = find(offset + b);
      }
    }
  };
  join_pieces(0, vertical, false);
  join_pieces(nv, horizontal, true);
  std::vector<std::vector<std::size_t>> groups(n);
  for (std::size_t i = 0; i < n; ++i) groups[find(i)].push_back(i);
  std::vector<Word> rows_out;
  std::vector<bool> taken(words.size(), false);
  for (const std::vector<std::size_t>& group : groups) {
    std::vector<double> xs, ys;
    for (std::size_t i : group) {
      if (i < nv) xs.push_back(vertical[i].x0);
      else ys.push_back(horizontal[i - nv].y0);
    }
    const std::vector<double> columns = Distinct(xs, kTouch);
    const std::vector<double> row_bounds = Distinct(ys, kTouch);
    if (columns.size() < 3 || row_bounds.size() < 2) continue;
    // Each row's own column bounds: the vertical rules that run through
    // it. A cell spanning columns (a form's full-width box under a row of
    // three, a header over two columns) has none inside it.
    const std::size_t nr = row_bounds.size() - 1, nc = columns.size() - 1;
    std::vector<std::vector<double>> row_columns(nr);
    for (std::size_t r = 0; r < nr; ++r) {
      std::vector<double> through;
      for (std::size_t i : group) {
        if (i >= nv) continue;
        const Rule& v = vertical[i];
        if (v.y0 <= row_bounds[r] + kTouch && v.y1 >= row_bounds[r + 1] - kTouch) through.push_back(v.x0);
      }
      row_columns[r] = Distinct(through, kTouch);
    }
    // cells[row][column]: the words whose centre is inside.
    std::vector<std::vector<std::vector<const Word*>>> cells(
        nr, std::vector<std::vector<const Word*>>(nc));
    std::vector<std::vector<std::size_t>> row_words(nr);
    for (std::size_t k = 0; k < words.size(); ++k) {
      if (taken[k]) continue;
      const Word& w = words[k];
      const int r = Interval(row_bounds, (w.y0 + w.y1) / 2);
      if (r < 0) continue;
      const int c = Interval(row_columns[static_cast<std::size_t>(r)], (w.x0 + w.x1) / 2);
      if (c < 0) continue;
      cells[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)].push_back(&w);
      row_words[static_cast<std::size_t>(r)].push_back(k);
    }
    for (std::size_t r = 0; r < nr; ++r) {
      if (row_words[r].empty()) continue;
      Word row;
      row.table_row = true;
      row.x0 = row.y0 = 1e9;
      row.x1 = row.y1 = -1e9;
      std::vector<double> sizes;
      for (std::size_t k : row_words[r]) {
        const Word& w = words[k];
        row.x0 = std::min(row.x0, w.x0);
        row.y0 = std::min(row.y0, w.y0);
        row.x1 = std::max(row.x1, w.x1);
        row.y1 = std::max(row.y1, w.y1);
        sizes.push_back(w.font_size);
        taken[k] = true;
      }
      std::sort(sizes.begin(), sizes.end());
      row.font_size = sizes[sizes.size() / 2];
      // The row reads at its first line's height, so it sorts and groups
      // with the text beside it as a one-line row would.
      row.y1 = std::min(row.y1, row.y0 + (words[row_words[r].front()].y1 - words[row_words[r].front()].y0));
      // The row's own cells (cells[r] is indexed by them: a spanning cell
      // is one).
      const std::size_t own = row_columns[r].size() > 1 ? row_columns[r].size() - 1 : 0;
      std::vector<std::string> texts(own);
      for (std::size_t c = 0; c < own && c < nc; ++c) {
        if (!cells[r][c].empty()) texts[c] = CellText(cells[r][c]);
      }
      row.text = TableRowText(texts);
      rows_out.push_back(std::move(row));
    }
  }
  if (rows_out.empty()) return;
  std::vector<Word> kept;
  kept.reserve(words.size() - std::count(taken.begin(), taken.end(), true) + rows_out.size());
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (!taken[k]) kept.push_back(std::move(words[k]));
  }
  for (Word& w : rows_out) kept.push_back(std::move(w));
  words = std::move(kept);
}

}  // namespace diar::extract_internal
