#include "pipeline/extract/aligned_tables.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>

namespace diar::extract_internal {
namespace {

// Channels narrower than this many em are word spaces. Word's default cell
// margins leave about 0.38 cm (1 em at 11 pt) between a full cell's text
// and the next cell's; LibreOffice Writer's default padding (0.097 cm a
// side) only 0.19 cm, 5.5 pt: 0.46 em at 12 pt, and a cell filled to the
// brim by hyphenation comes that close. A normal word space is 0.25-0.33
// em; stretched justified spaces grow past 0.45 em here and there, but a
// channel must stay clear on every row of a run, and the tests in
// ReadTable (aligned cells, a column that is not filled like prose) reject
// runs of running text.
constexpr double kChannelEm = 0.45;

// Cells start (or end) at one x to within this many points.
constexpr double kAligned = 1.5;

struct Span {
  double x0, x1;
};

bool HasTableRow(const Row& row) {
  return std::any_of(row.words.begin(), row.words.end(),
                     [](const Word& w) { return w.table_row; });
}

// True when two neighbouring words of `row` are a channel's width apart:
// most rows are not, and are passed over without further work.
bool HasWideGap(const Row& row) {
  for (std::size_t i = 1; i < row.words.size(); ++i) {
    const Word& a = row.words[i - 1];
    const Word& b = row.words[i];
    if (b.x0 - a.x1 >= kChannelEm * std::min(FontSize(a), FontSize(b))) return true;
  }
  return false;
}

double RowEm(const Row& row) {
  std::vector<double> sizes;
  for (const Word& w : row.words) sizes.push_back(FontSize(w));
  return Median(std::move(sizes));
}

// `occupied` (sorted, disjoint spans) with the row's word boxes added,
// words closer than `min_gap` as one span, into `out`: a merge of two
// sorted lists, as this runs for every row of a run.
void Occupy(const std::vector<Span>& occupied, const Row& row, double min_gap,
            std::vector<Span>& out) {
  out.clear();
  auto add = [&out](Span s) {
    if (!out.empty() && s.x0 <= out.back().x1) {
      out.back().x1 = std::max(out.back().x1, s.x1);
    } else {
      out.push_back(s);
    }
  };
  std::size_t k = 0;
  auto add_until = [&](double x) {
    for (; k < occupied.size() && occupied[k].x0 <= x; ++k) add(occupied[k]);
  };
  Span piece{0, -1e9};
  for (const Word& w : row.words) {
    if (w.x0 - piece.x1 < min_gap) {
      piece.x1 = std::max(piece.x1, w.x1);
      continue;
    }
    if (piece.x1 > -1e9) {
      add_until(piece.x0);
      add(piece);
    }
    piece = {w.x0, w.x1};
  }
  if (piece.x1 > -1e9) {
    add_until(piece.x0);
    add(piece);
  }
  add_until(1e18);
}

// The gaps of at least `min_width` between occupied spans, into `out`.
void Channels(const std::vector<Span>& occupied, double min_width, std::vector<Span>& out) {
  out.clear();
  for (std::size_t i = 1; i < occupied.size(); ++i) {
    if (occupied[i].x0 - occupied[i - 1].x1 >= min_width) out.push_back({occupied[i - 1].x1, occupied[i].x0});
  }
}

// True when every channel of `before` still has one of `after` over it.
bool Keeps(const std::vector<Span>& before, const std::vector<Span>& after) {
  return std::all_of(before.begin(), before.end(), [&after](const Span& b) {
    return std::any_of(after.begin(), after.end(),
                       [&b](const Span& a) { return a.x0 < b.x1 && a.x1 > b.x0; });
  });
}

// True when a horizontal rule runs between rows `a` and `b` (below a's
// word boxes, so not an underline) under some of `span`.
bool RuleBetween(const std::vector<Rule>& horizontal, const Row& a, const Row& b, Span span) {
  return std::any_of(horizontal.begin(), horizontal.end(), [&](const Rule& r) {
    return r.y0 >= a.y1 - 0.5 && r.y0 <= b.y0 + 0.5 && r.x0 < span.x1 && r.x1 > span.x0;
  });
}

// One physical row's text in one column.
struct Line {
  std::string text;
  double x0 = 0, x1 = 0;
  double first_width = 0;  // of its first word
};

std::vector<Line> ByColumn(const Row& row, const std::vector<Span>& channels) {
  std::vector<Line> cells(channels.size() + 1);
  for (const Word& w : row.words) {
    // No word enters a channel, so the channels' centres part the columns.
    std::size_t c = 0;
    while (c < channels.size() && (channels[c].x0 + channels[c].x1) / 2 < w.x0) ++c;
    Line& l = cells[c];
    if (l.text.empty()) {
      l.x0 = w.x0;
      l.first_width = w.x1 - w.x0;
    } else {
      l.text += ' ';
    }
    l.text += w.text;
    l.x1 = w.x1;
  }
  return cells;
}

bool EndsWithHyphen(const std::string& s) {
  return s.ends_with("-") || s.ends_with("\xC2\xAD") || s.ends_with("\xE2\x80\x90");
}

// A table row being gathered: per column its lines, and where its first
// line starts and ends.
struct Group {
  std::size_t first = 0;  // its first physical row
  std::vector<std::vector<std::string>> cells;
  std::vector<double> x0, x1;
};

bool HasLetter(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](char ch) {
    const unsigned char c = static_cast<unsigned char>(ch);
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0xC0;
  });
}

// True when `s` starts with a lower-case letter (ASCII or Latin-1, which
// covers Swedish): text going on, as a new cell rarely starts.
bool StartsLowerCase(const std::string& s) {
  if (s.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(s[0]);
  if (c >= 'a' && c <= 'z') return true;
  return c == 0xC3 && s.size() > 1 && static_cast<unsigned char>(s[1]) >= 0xA0 &&
         static_cast<unsigned char>(s[1]) != 0xB7;
}

// True when physical row `cur` goes on with `group`, whose last line is
// `prev`: every cell `cur` shares with `prev` reads as that cell wrapped.
// Its first word would not have fitted on `prev`'s line in that column
// (widths, not ends, are compared, so right-aligned amounts count too),
// and the break shows: `prev` fills most of the column's width, or broke a
// word with a hyphen, or `cur`'s line starts in lower case, as text going
// on does and a new cell rarely does. Lines without letters (amounts) do
// not wrap. The column's width is only known as its widest line, so a
// short line before a long word proves nothing by itself; parting one
// row's lines is a smaller fault than mixing two rows' cells. A cell that
// stops and then starts again is a new row's; so is a line that shares
// no column with the one before (nothing shows a wrap).
bool Continues(const std::vector<Line>& prev, const std::vector<Line>& cur, const Group& group,
               const std::vector<double>& left, const std::vector<double>& limit, double em) {
  bool shared = false;
  for (std::size_t c = 0; c < cur.size(); ++c) {
    if (cur[c].text.empty()) continue;
    if (prev[c].text.empty()) {
      if (!group.cells[c].empty()) return false;
      continue;
    }
    shared = true;
    if (EndsWithHyphen(prev[c].text)) continue;
    const double width = limit[c] - left[c];
    const double used = prev[c].x1 - prev[c].x0;
    if (used + 0.25 * em + cur[c].first_width <= width + 0.5) return false;
    if (!HasLetter(prev[c].text)) return false;
    if (used < 0.7 * width && !StartsLowerCase(cur[c].text)) return false;
  }
  return shared;
}

// True when at least two of `xs` lie within kAligned of each other.
bool TwoAligned(std::vector<double> xs) {
  std::sort(xs.begin(), xs.end());
  for (std::size_t i = 1; i < xs.size(); ++i) {
    if (xs[i] - xs[i - 1] <= kAligned) return true;
  }
  return false;
}

// True when `groups` are a table of contents' entries, whose leaders are
// drawn (a dotted border) rather than written: four rows or more, each
// ending in a page number of one to three digits in the last column, the
// numbers never going down, and no header over them. Each entry is still
// a line of its own, but its parts are parted by spaces, as entries with
// written leaders read ("1.1 Syfte och mål 3"), not by a table's " | ".
bool IsTableOfContents(const std::vector<Group>& groups) {
  if (groups.size() < 4) return false;
  int last = -1;
  for (const Group& g : groups) {
    const std::vector<std::string>& cell = g.cells.back();
    if (cell.size() != 1 || cell[0].empty() || cell[0].size() > 3 ||
        cell[0].find_first_not_of("0123456789") != std::string::npos) {
      return false;
    }
    const int page = std::stoi(cell[0]);
    if (page < last) return false;
    last = page;
  }
  return true;
}

// Rows [begin, end), which keep clear of `channels`, read as a table: its
// rows, each one Row holding one table_row Word; none when they do not
// look like a table (aligned_tables.h). `end` comes back lowered when the
// run's last rows lie below the table's bottom rule.
std::vector<Row> ReadTable(const std::vector<Row>& rows, std::size_t begin, std::size_t& end,
                           const std::vector<Span>& channels,
                           const std::vector<Rule>& horizontal, double em) {
  const std::size_t nc = channels.size() + 1;
  // Two columns need a rule between rows: without any among the rows
  // (two-column text, mostly), nothing more to look at.
  if (nc == 2 && std::none_of(horizontal.begin(), horizontal.end(), [&](const Rule& r) {
        return r.y0 > rows[begin].y1 - 0.5 && r.y0 < rows[end - 1].y0 + 0.5;
      })) {
    return {};
  }
  std::vector<std::vector<Line>> lines;
  std::vector<double> left(nc, 1e9), limit(nc, -1e9);
  Span span{1e9, -1e9};
  double pitch = 1e9;
  for (std::size_t r = begin; r < end; ++r) {
    lines.push_back(ByColumn(rows[r], channels));
    for (std::size_t c = 0; c < nc; ++c) {
      const Line& l = lines.back()[c];
      if (l.text.empty()) continue;
      left[c] = std::min(left[c], l.x0);
      limit[c] = std::max(limit[c], l.x1);
    }
    span.x0 = std::min(span.x0, rows[r].words.front().x0);
    span.x1 = std::max(span.x1, rows[r].words.back().x1);
    if (r > begin) pitch = std::min(pitch, rows[r].center - rows[r - 1].center);
  }
  // A caption or heading under the table's bottom rule keeps clear of the
  // channels too: rows after the last rule with text in one column only
  // are not the table's.
  std::size_t last_rule = end;
  for (std::size_t r = begin + 1; r < end; ++r) {
    if (RuleBetween(horizontal, rows[r - 1], rows[r], span)) last_rule = r;
  }
  if (last_rule < end &&
      std::all_of(lines.begin() + static_cast<std::ptrdiff_t>(last_rule - begin), lines.end(),
                  [](const std::vector<Line>& row) {
                    return std::count_if(row.begin(), row.end(), [](const Line& l) {
                             return !l.text.empty();
                           }) <= 1;
                  })) {
    end = last_rule;
    lines.resize(end - begin);
  }
  // Rules between rows, and whether they part every row of the table from
  // the next (three or more, none more than four lines apart: a grid, or
  // a rule under each row): then each stretch between two rules is one
  // row, however its cells sit in it. Cells set to the middle of their row
  // (a Word or HTML default) put a wrapped name's first line above the
  // row's amounts and its second below them, lines that share no column.
  std::vector<char> rule_before(end - begin, 0);
  // Rules with cells beside each other both above and below them part a
  // table's rows; a heading's rules over two columns of text (above or
  // below the heading, which has one column's text) do not.
  auto cells_beside = [&](std::size_t r) {
    return std::count_if(lines[r - begin].begin(), lines[r - begin].end(),
                         [](const Line& l) { return !l.text.empty(); }) >= 2;
  };
  std::size_t rules_between = 0, rules_parting_cells = 0, lines_since_rule = 1, most_lines = 1;
  for (std::size_t r = begin + 1; r < end; ++r) {
    rule_before[r - begin] = RuleBetween(horizontal, rows[r - 1], rows[r], span) ? 1 : 0;
    rules_between += rule_before[r - begin];
    if (rule_before[r - begin] && cells_beside(r - 1) && cells_beside(r)) ++rules_parting_cells;
    lines_since_rule = rule_before[r - begin] ? 1 : lines_since_rule + 1;
    most_lines = std::max(most_lines, lines_since_rule);
  }
  const bool rows_ruled = rules_between >= 3 && most_lines <= 4;
  std::vector<Group> groups;
  for (std::size_t r = begin; r < end; ++r) {
    const std::vector<Line>& cur = lines[r - begin];
    bool starts = groups.empty();
    if (!starts) {
      const bool rule = rule_before[r - begin] != 0;
      starts = rule || (!rows_ruled && (rows[r].center - rows[r - 1].center > 1.2 * pitch ||
                                        !Continues(lines[r - 1 - begin], cur, groups.back(), left,
                                                   limit, em)));
    }
    if (starts) {
      groups.push_back({r, std::vector<std::vector<std::string>>(nc), std::vector<double>(nc),
                        std::vector<double>(nc)});
    }
    Group& g = groups.back();
    for (std::size_t c = 0; c < nc; ++c) {
      if (cur[c].text.empty()) continue;
      if (g.cells[c].empty()) {
        g.x0[c] = cur[c].x0;
        g.x1[c] = cur[c].x1;
      }
      g.cells[c].push_back(cur[c].text);
    }
  }
  // Two columns without a rule between rows of cells are left to
  // layout.cc: a letterhead's two blocks over the rule under them (and the
  // title below it) are no table.
  const bool ruled = rules_between > 0;
  if (nc < 2 || (nc == 2 && rules_parting_cells == 0) || groups.size() < (ruled ? 2u : 3u)) return {};
  bool prose = true;
  for (std::size_t c = 0; c < nc; ++c) {
    std::vector<double> x0, x1;
    for (const Group& g : groups) {
      if (g.cells[c].empty()) continue;
      x0.push_back(g.x0[c]);
      x1.push_back(g.x1[c]);
    }
    if (x0.size() < 2 || (!TwoAligned(x0) && !TwoAligned(x1))) return {};
    // Running text fills its column line after line; a table has some
    // column of short cells (a name, a date), or of amounts set flush
    // right: they fill the column too, but are figures, a word or two
    // each, and start where their widths put them, not at the column's
    // left edge. (Justified text parted at its wide word spaces has
    // columns of short cells too, but of words.)
    std::vector<double> fill, words;
    std::size_t flush_left = 0, figures = 0;
    for (const std::vector<Line>& row : lines) {
      if (row[c].text.empty()) continue;
      fill.push_back((row[c].x1 - left[c]) / std::max(1.0, limit[c] - left[c]));
      flush_left += row[c].x0 - left[c] <= kAligned ? 1 : 0;
      words.push_back(static_cast<double>(std::count(row[c].text.begin(), row[c].text.end(), ' ') + 1));
      figures += std::any_of(row[c].text.begin(), row[c].text.end(),
                             [](char ch) { return ch >= '0' && ch <= '9'; }) ? 1 : 0;
    }
    const bool amounts = 2 * flush_left <= fill.size() && 2 * figures > fill.size() &&
                         Median(std::move(words)) <= 2;
    prose = prose && Median(std::move(fill)) >= 0.75 && !amounts;
  }
  // Rules between rows of cells in two places or more are a table's,
  // whatever its cells hold: full cells of hyphenated text fill their
  // columns as prose does.
  if (prose && rules_parting_cells < 2) return {};
  const bool contents = IsTableOfContents(groups);
  std::vector<Row> out;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const Group& g = groups[i];
    const std::size_t stop = i + 1 < groups.size() ? groups[i + 1].first : end;
    Word w;
    w.table_row = true;
    w.x0 = 1e9;
    w.x1 = -1e9;
    std::vector<double> sizes;
    for (std::size_t r = g.first; r < stop; ++r) {
      w.x0 = std::min(w.x0, rows[r].words.front().x0);
      w.x1 = std::max(w.x1, rows[r].words.back().x1);
      for (const Word& word : rows[r].words) sizes.push_back(word.font_size);
    }
    // Like a ruled table's row, it reads at its first line's height.
    w.y0 = rows[g.first].y0;
    w.y1 = rows[g.first].y1;
    w.font_size = Median(std::move(sizes));
    std::vector<std::string> texts;
    for (const std::vector<std::string>& cell : g.cells) {
      std::string& text = texts.emplace_back();
      for (std::size_t k = 0; k < cell.size(); ++k) {
        if (k > 0) text += "\xE2\x80\xA8";  // U+2028
        text += cell[k];
      }
    }
    if (contents) {
      for (const std::string& text : texts) {
        if (text.empty()) continue;
        if (!w.text.empty()) w.text += ' ';
        w.text += text;
      }
    } else {
      w.text = TableRowText(texts);
    }
    Row row;
    row.center = rows[g.first].center;
    row.height = rows[g.first].height;
    row.y0 = w.y0;
    row.y1 = w.y1;
    row.words.push_back(std::move(w));
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

void ReadAlignedTables(std::vector<Row>& rows, const std::vector<Rule>& rules) {
  std::vector<Rule> horizontal;
  for (const Rule& r : rules) {
    if (r.y0 == r.y1 && r.x1 - r.x0 >= 6) horizontal.push_back(r);
  }
  struct Found {
    std::size_t begin, end;
    std::vector<Row> rows;
  };
  std::vector<Found> found;
  std::vector<Span> occupied, grown, channels, kept;  // reused from run to run
  std::size_t b = 0;
  while (b < rows.size()) {
    if (!HasWideGap(rows[b]) || HasTableRow(rows[b])) {
      ++b;
      continue;
    }
    const double em = RowEm(rows[b]);
    const double min_gap = kChannelEm * em;
    Occupy({}, rows[b], min_gap, occupied);
    Channels(occupied, min_gap, channels);
    if (channels.empty()) {
      ++b;
      continue;
    }
    // Grow the run while every channel stays open and no gap wider than two
    // lines parts the rows (which parts tables from what is around them).
    std::size_t e = b + 1;
    while (e < rows.size() && !HasTableRow(rows[e]) &&
           rows[e].y0 - rows[e - 1].y1 <= 2 * std::max(rows[e].height, rows[e - 1].height)) {
      Occupy(occupied, rows[e], min_gap, grown);
      Channels(grown, min_gap, kept);
      if (!Keeps(channels, kept)) break;
      occupied.swap(grown);
      channels.swap(kept);
      ++e;
    }
    std::vector<Row> table;
    if (e - b >= 2) table = ReadTable(rows, b, e, channels, horizontal, em);
    e = std::max(e, b + 1);
    if (!table.empty()) {
      found.push_back({b, e, std::move(table)});
      b = e;
    } else {
      // A long run that is no table (two-column text) is not tried again
      // from each of its rows.
      b = e - b > 3 ? e : b + 1;
    }
  }
  if (found.empty()) return;
  std::vector<Row> out;
  std::size_t next = 0;
  for (Found& f : found) {
    for (; next < f.begin; ++next) out.push_back(std::move(rows[next]));
    for (Row& r : f.rows) out.push_back(std::move(r));
    next = f.end;
  }
  for (; next < rows.size(); ++next) out.push_back(std::move(rows[next]));
  rows = std::move(out);
}

}  // namespace diar::extract_internal
