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

using CellLine = std::vector<const Word*>;

// The words of one cell as its lines, top to bottom, each left to right.
std::vector<CellLine> CellLines(std::vector<const Word*> words) {
  std::sort(words.begin(), words.end(), [](const Word* a, const Word* b) {
    return a->y0 + a->y1 < b->y0 + b->y1;
  });
  std::vector<CellLine> lines;
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
  for (CellLine& line : lines) {
    std::sort(line.begin(), line.end(), [](const Word* a, const Word* b) { return a->x0 < b->x0; });
  }
  return lines;
}

// The text of one line of a cell.
std::string LineText(const CellLine& line) {
  std::string text;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (i > 0 && !Touches(*line[i - 1], *line[i])) text += ' ';
    text += line[i]->text;
  }
  return text;
}

// The words of one cell as its lines joined by U+2028.
std::string CellText(const std::vector<const Word*>& words) {
  std::string text;
  for (const CellLine& line : CellLines(words)) {
    if (!text.empty()) text += "\xE2\x80\xA8";  // U+2028
    text += LineText(line);
  }
  return text;
}

// True when every word of `line` is a figure ("22,4", "-1 200", "12 %").
bool IsFigures(const CellLine& line) {
  return std::all_of(line.begin(), line.end(), [](const Word* w) {
    return !w->text.empty() && std::all_of(w->text.begin(), w->text.end(), [](char c) {
      return (c >= '0' && c <= '9') || c == ',' || c == '.' || c == '-' || c == '%';
    });
  });
}

// True when some x stays clear on every line of `lines` in a gap an em
// wide or more between two of its words: columns inside the cell.
bool SharesAChannel(const std::vector<CellLine>& lines) {
  struct Gap {
    double x0, x1;
  };
  std::vector<Gap> open;  // the first line's wide gaps, narrowed line by line
  for (std::size_t k = 0; k < lines.size(); ++k) {
    std::vector<Gap> gaps;
    const CellLine& line = lines[k];
    for (std::size_t i = 1; i < line.size(); ++i) {
      const double em = std::min(FontSize(*line[i - 1]), FontSize(*line[i]));
      if (line[i]->x0 - line[i - 1]->x1 >= em) gaps.push_back({line[i - 1]->x1, line[i]->x0});
    }
    if (k == 0) {
      open = std::move(gaps);
      continue;
    }
    std::vector<Gap> kept;
    for (const Gap& a : open) {
      for (const Gap& b : gaps) {
        if (std::min(a.x1, b.x1) > std::max(a.x0, b.x0)) {
          kept.push_back({std::max(a.x0, b.x0), std::min(a.x1, b.x1)});
        }
      }
    }
    open = std::move(kept);
    if (open.empty()) return false;
  }
  return !open.empty();
}

// True when a line of `lines` goes on from the one before it as wrapped
// text does: the one before ends in a hyphen, or it starts in lower case.
bool ShowsAWrap(const std::vector<CellLine>& lines) {
  for (std::size_t k = 1; k < lines.size(); ++k) {
    const std::string& last = lines[k - 1].back()->text;
    if (last.ends_with("-") || last.ends_with("\xC2\xAD")) return true;
    const std::string& first = lines[k].front()->text;
    const unsigned char c = static_cast<unsigned char>(first[0]);
    const bool lower = (c >= 'a' && c <= 'z') ||
                       (c == 0xC3 && first.size() > 1 &&
                        static_cast<unsigned char>(first[1]) >= 0xA0);
    if (lower) return true;
  }
  return false;
}

// What a band between two rules holds (UnruledRows).
enum class Band {
  kOneRow,      // one table row, its cells' lines wrapped text
  kLineRows,    // a table row per line, level across its cells
  kSubColumns,  // rows and columns of their own inside its cells
};

// Whether the band's cells hold rows of their own, which no rule parts
// (groff's tbl boxes a table and rules its columns, or only its first,
// without rules between rows). Two cells or more of two lines or more
// each, as many in each, and one cell of figures line under line (amounts
// do not wrap) or of columns of its own (a channel through all its lines):
// kSubColumns, for the aligned-table reader. Three cells or more of three
// lines or more each, none going on from the line before as wrapped text
// does (ShowsAWrap): kLineRows. Cells of words wrapped to as many lines
// have none of these.
Band UnruledRows(const std::vector<std::vector<const Word*>>& band) {
  std::size_t filled = 0, lines = 0;
  bool columns = false, wrapped = false;
  for (const std::vector<const Word*>& cell : band) {
    if (cell.empty()) continue;
    const std::vector<CellLine> cell_lines = CellLines(cell);
    if (cell_lines.size() < 2 || (lines > 0 && cell_lines.size() != lines)) return Band::kOneRow;
    lines = cell_lines.size();
    ++filled;
    columns = columns || std::all_of(cell_lines.begin(), cell_lines.end(), IsFigures) ||
              SharesAChannel(cell_lines);
    wrapped = wrapped || ShowsAWrap(cell_lines);
  }
  if (filled >= 2 && columns) return Band::kSubColumns;
  if (filled >= 3 && lines >= 3 && !wrapped) return Band::kLineRows;
  return Band::kOneRow;
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
    // The group's vertical rules with pieces meeting end to end joined (a
    // border drawn row by row runs through a band of several rows).
    std::vector<Rule> spans;
    for (std::size_t i : group) {
      if (i < nv) spans.push_back(vertical[i]);
    }
    std::sort(spans.begin(), spans.end(), [](const Rule& a, const Rule& b) {
      return a.x0 != b.x0 ? a.x0 < b.x0 : a.y0 < b.y0;
    });
    std::vector<Rule> joined;
    for (const Rule& v : spans) {
      if (!joined.empty() && v.x0 - joined.back().x0 <= kTouch && v.y0 <= joined.back().y1 + kTouch) {
        joined.back().y1 = std::max(joined.back().y1, v.y1);
      } else {
        joined.push_back(v);
      }
    }
    std::vector<std::vector<double>> row_columns(nr);
    for (std::size_t r = 0; r < nr; ++r) {
      std::vector<double> through;
      for (const Rule& v : joined) {
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
    // Rows that no rule parts are the aligned-table reader's to find
    // (aligned_tables.h): the table's words are left to it.
    std::vector<Band> bands(nr);
    for (std::size_t r = 0; r < nr; ++r) bands[r] = UnruledRows(cells[r]);
    // Columns inside cells are the aligned-table reader's to find
    // (aligned_tables.h): the table's words are left to it.
    if (std::find(bands.begin(), bands.end(), Band::kSubColumns) != bands.end()) continue;
    // One table row from `row_cells` (the band's own cells, each as its
    // words), its words taken.
    auto emit = [&](const std::vector<std::vector<const Word*>>& row_cells,
                    const std::vector<std::string>& texts) {
      Word row;
      row.table_row = true;
      row.x0 = row.y0 = 1e9;
      row.x1 = row.y1 = -1e9;
      std::vector<double> sizes;
      const Word* first = nullptr;
      for (const std::vector<const Word*>& cell : row_cells) {
        for (const Word* w : cell) {
          if (first == nullptr || w->y0 < first->y0) first = w;
          row.x0 = std::min(row.x0, w->x0);
          row.y0 = std::min(row.y0, w->y0);
          row.x1 = std::max(row.x1, w->x1);
          row.y1 = std::max(row.y1, w->y1);
          sizes.push_back(w->font_size);
          taken[static_cast<std::size_t>(w - words.data())] = true;
        }
      }
      if (first == nullptr) return;
      std::sort(sizes.begin(), sizes.end());
      row.font_size = sizes[sizes.size() / 2];
      // The row reads at its first line's height, so it sorts and groups
      // with the text beside it as a one-line row would.
      row.y1 = std::min(row.y1, row.y0 + (first->y1 - first->y0));
      row.text = TableRowText(texts);
      rows_out.push_back(std::move(row));
    };
    for (std::size_t r = 0; r < nr; ++r) {
      if (row_words[r].empty()) continue;
      // The row's own cells (cells[r] is indexed by them: a spanning cell
      // is one).
      const std::size_t own = std::min(nc, row_columns[r].size() > 1 ? row_columns[r].size() - 1 : 0);
      if (bands[r] == Band::kLineRows) {
        std::vector<std::vector<CellLine>> lines(own);
        std::size_t count = 0;
        for (std::size_t c = 0; c < own; ++c) {
          lines[c] = CellLines(cells[r][c]);
          count = std::max(count, lines[c].size());
        }
        for (std::size_t k = 0; k < count; ++k) {
          std::vector<std::vector<const Word*>> row_cells(own);
          std::vector<std::string> texts(own);
          for (std::size_t c = 0; c < own; ++c) {
            if (k >= lines[c].size()) continue;
            row_cells[c] = lines[c][k];
            texts[c] = LineText(lines[c][k]);
          }
          emit(row_cells, texts);
        }
        continue;
      }
      std::vector<std::vector<const Word*>> row_cells(own);
      std::vector<std::string> texts(own);
      for (std::size_t c = 0; c < own; ++c) {
        row_cells[c] = cells[r][c];
        if (!cells[r][c].empty()) texts[c] = CellText(cells[r][c]);
      }
      emit(row_cells, texts);
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
