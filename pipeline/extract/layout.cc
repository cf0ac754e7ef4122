#include "pipeline/extract/layout.h"

#include "pipeline/extract/aligned_tables.h"
#include "pipeline/extract/callouts.h"
#include "pipeline/extract/foot_notes.h"
#include "pipeline/extract/ruled_tables.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <utility>

namespace diar::extract_internal {

double FontSize(const Word& w) {
  // Poppler reports 0 for some Type 3 fonts; the box height is a fair proxy
  // (a glyph box is about 1.0-1.2 em tall).
  return w.font_size > 0 ? w.font_size : (w.y1 - w.y0) / 1.1;
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

// Whether `b` goes on `a`'s word with no space: the same size on the same
// baseline (bottoms within a tenth of an em), and `b` starting where `a`
// ends, to within a tenth of an em either way. poppler itself parts glyphs
// into words only at a gap wider than that (or at a space character), so
// two such words were parted by something that is not a gap: a font change
// inside a word, or a space glyph that takes up no room. Ghostscript's
// pdfwrite rebuilds ToUnicode maps and writes Chromium's invisible soft
// hyphens as the font's space glyph moved back over itself (measured:
// "holms re gio nens" with gaps of -0.004 to +0.006 pt at 12 pt). A word
// space is a quarter of an em or more, and justification only widens it.
bool Touches(const Word& a, const Word& b) {
  const double em = std::max(FontSize(a), FontSize(b));
  const double ha = a.y1 - a.y0, hb = b.y1 - b.y0;
  const double gap = b.x0 - a.x1;
  return !a.table_row && !b.table_row && std::abs(ha - hb) <= 0.15 * std::max(ha, hb) &&
         std::abs(a.y1 - b.y1) <= 0.1 * em && gap > -0.1 * em && gap < 0.1 * em;
}

namespace {

bool IsSingleCodePoint(const std::string& s) {
  if (s.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(s[0]);
  const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return s.size() == len;
}

bool IsLetter(const std::string& s) {
  std::size_t i = 0;
  UChar32 c;
  U8_NEXT(s.data(), i, s.size(), c);
  return c > 0 && u_isalpha(c);
}

// Letter-spaced text ("k o m m u n e r n a s", from stretched justification
// or spaced-out headings) comes out of the text layer one letter per word.
// A run of four or more one-letter words is such text: letters closer than
// 1.6 times the run's median gap join into words, wider gaps stay spaces.
// Figures and signs among them, at gaps of 0.4 em or more, are words.
void JoinLetterSpaced(std::vector<Word>& words) {
  // Most rows have no such run: find out before rebuilding the row.
  std::size_t run = 0;
  for (const Word& w : words) {
    run = IsSingleCodePoint(w.text) ? run + 1 : 0;
    if (run == 4) break;
  }
  if (run < 4) return;
  std::vector<Word> out;
  std::size_t i = 0;
  while (i < words.size()) {
    std::size_t end = i;
    while (end < words.size() && IsSingleCodePoint(words[end].text)) ++end;
    if (end - i < 4) {
      const std::size_t stop = std::max(end, i + 1);
      for (; i < stop; ++i) out.push_back(std::move(words[i]));
      continue;
    }
    std::vector<double> gaps;
    for (std::size_t k = i + 1; k < end; ++k) gaps.push_back(words[k].x0 - words[k - 1].x1);
    std::vector<double> sorted = gaps;
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2),
                     sorted.end());
    const double median = sorted[sorted.size() / 2];
    // Figures and signs set one to a word at word spaces are words, not
    // letter-spacing: a law's "8 § I 3 kap. 22 §" in a justified line.
    // Letters are closed up however wide they are spaced ("K U N G Ö R E L
    // S E"), and a run with figures or signs when its gaps are under 0.4
    // em (leaders ". . . .", "{ 1 2 3 4 }").
    const bool letters = std::all_of(words.begin() + static_cast<std::ptrdiff_t>(i),
                                     words.begin() + static_cast<std::ptrdiff_t>(end),
                                     [](const Word& w) { return IsLetter(w.text); });
    if (!letters && median >= 0.4 * FontSize(words[i])) {
      for (; i < end; ++i) out.push_back(std::move(words[i]));
      continue;
    }
    const double limit = std::max(0.5, 1.6 * median);
    out.push_back(std::move(words[i]));
    for (std::size_t k = i + 1; k < end; ++k) {
      if (gaps[k - i - 1] <= limit) {
        Word& w = out.back();
        w.text += words[k].text;
        w.x1 = words[k].x1;
        w.y0 = std::min(w.y0, words[k].y0);
        w.y1 = std::max(w.y1, words[k].y1);
      } else {
        out.push_back(std::move(words[k]));
      }
    }
    i = end;
  }
  words = std::move(out);
}

// Joins the words of a row (sorted by x0) that Touches() glues together.
void JoinTouchingWords(std::vector<Word>& words) {
  std::size_t out = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (out > 0 && Touches(words[out - 1], words[i])) {
      Word& before = words[out - 1];
      before.text += words[i].text;
      before.x1 = std::max(before.x1, words[i].x1);
      before.y0 = std::min(before.y0, words[i].y0);
      before.y1 = std::max(before.y1, words[i].y1);
      continue;
    }
    if (out != i) words[out] = std::move(words[i]);
    ++out;
  }
  words.resize(out);
}

// LibreOffice sets the hyphen of an automatic break in justified text as a
// glyph of its own at the right margin, about 0.1 em after the stretched
// line's last letters, so the text layer gives "överens" and "-" as two
// words. A lone hyphen closer to the word before it than any word space
// (under 0.2 em: a space is 0.25 em or more, and justification only widens
// it) is that word's hyphen: glued back, it is a line-end hyphen that
// normalise can repair.
void GlueDetachedHyphens(std::vector<Word>& words) {
  std::size_t out = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& t = words[i].text;
    const bool hyphen = t == "-" || t == "\xE2\x80\x90" || t == "\xC2\xAD";
    if (hyphen && out > 0) {
      Word& before = words[out - 1];
      const double gap = words[i].x0 - before.x1;
      if (gap > -0.1 * FontSize(before) && gap < 0.2 * FontSize(before)) {
        before.text += t;
        before.x1 = std::max(before.x1, words[i].x1);
        continue;
      }
    }
    if (out != i) words[out] = std::move(words[i]);
    ++out;
  }
  words.resize(out);
}

// A footnote reference is set small and raised right after the word or
// stop it belongs to ("2026.¹"); the text layer gives it as a word of its
// own, which would read as a number in the sentence ("2026. 1 Vissa"). It
// is dropped: the note itself stays, at the foot of its page. A reference
// is 1-3 digits or an asterisk, glued to the word before it (under 0.1 em),
// under 0.9 of its height (Chromium sets <sup> at 0.83 of the size), and
// its foot above the word's foot by a quarter of that height (a
// subscript's is below: GlueSubscripts). A word of one or two letters
// before it is a unit with an exponent ("m²", "km²") and keeps it.
void DropNoteReferences(std::vector<Word>& words) {
  std::size_t out = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    const bool mark = w.text == "*" || (w.text.size() <= 3 && w.text.find_first_not_of(
                                                                 "0123456789") == std::string::npos);
    if (out > 0 && mark) {
      const Word& before = words[out - 1];
      const double h = before.y1 - before.y0;
      const std::size_t slash = before.text.rfind('/');
      const std::string stem = slash == std::string::npos ? before.text : before.text.substr(slash + 1);
      const std::size_t stem_chars = static_cast<std::size_t>(std::count_if(
          stem.begin(), stem.end(), [](char c) { return (c & 0xC0) != 0x80; }));
      if (stem_chars >= 3 && w.x0 - before.x1 < 0.1 * FontSize(before) &&
          w.x0 - before.x1 > -0.1 * FontSize(before) && w.y1 - w.y0 < 0.9 * h &&
          w.y1 < before.y1 - 0.25 * h) {
        continue;
      }
    }
    if (out != i) words[out] = std::move(words[i]);
    ++out;
  }
  words.resize(out);
}

// Subscript figures glued to the word before them ("NO" and a lowered,
// smaller "2"; CO2, PM2,5's "2,5" in a chemist's notation) join it: one
// to three figures set smaller than the word (under 0.9 of its height),
// their bottom lowered below its bottom by a tenth of its height or more,
// starting within a tenth of an em of its end.
void GlueSubscripts(std::vector<Word>& words) {
  std::size_t out = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    const bool figures = !w.text.empty() && w.text.size() <= 3 &&
                         w.text.find_first_not_of("0123456789,") == std::string::npos;
    if (out > 0 && figures && !w.table_row && !words[out - 1].table_row) {
      Word& before = words[out - 1];
      const double h = before.y1 - before.y0;
      const double gap = w.x0 - before.x1;
      if (w.y1 - w.y0 < 0.9 * h && w.y1 >= before.y1 + 0.1 * h && std::abs(gap) < 0.1 * FontSize(before)) {
        before.text += w.text;
        before.x1 = std::max(before.x1, w.x1);
        before.y1 = std::max(before.y1, w.y1);
        continue;
      }
    }
    if (out != i) words[out] = std::move(words[i]);
    ++out;
  }
  words.resize(out);
}

// An OCR text layer (invisible text over a scan, as tesseract and ocrmypdf
// write it) places each word at the box the OCR engine found, and the box
// the text layer gives back can fall short of the word's ink by about a
// character: tesseract's falls short by one glyph's advance. Its word
// spaces then read 0.7-1.2 em wide, wide enough to pass for gutters and
// cell borders, so a bullet list whose items start alike came out as two
// columns. Running text (rows of five words or more) shows the page's word
// space: on a typeset page a tenth of its spaces are 0.4 em or narrower,
// even in narrow justified columns (whose median space can reach 0.65 em).
// When that tenth is over 0.55 em the boxes are short, and every word is
// widened by the excess over 0.3 em, never closer than 0.1 em to the next
// word. Typeset pages, whose word boxes are their advance, are left as they
// are.
void WidenShortWordBoxes(std::vector<Row>& rows) {
  std::vector<double> spaces;
  for (const Row& r : rows) {
    if (r.words.size() < 5) continue;
    for (std::size_t i = 1; i < r.words.size(); ++i) {
      const double em = std::max(FontSize(r.words[i - 1]), FontSize(r.words[i]));
      if (em <= 0) continue;
      const double gap = (r.words[i].x0 - r.words[i - 1].x1) / em;
      if (gap > 0 && gap < 2.0) spaces.push_back(gap);
    }
  }
  if (spaces.size() < 20) return;
  // The narrowest spaces are the font's own; justification only widens them.
  const auto tenth = spaces.begin() + static_cast<std::ptrdiff_t>(spaces.size() / 10);
  std::nth_element(spaces.begin(), tenth, spaces.end());
  const double excess = *tenth - 0.3;
  if (excess <= 0.25) return;
  for (Row& r : rows) {
    for (std::size_t i = 0; i < r.words.size(); ++i) {
      Word& w = r.words[i];
      double widen = excess * FontSize(w);
      if (i + 1 < r.words.size()) {
        widen = std::min(widen, r.words[i + 1].x0 - w.x1 - 0.1 * FontSize(w));
      }
      if (widen > 0) w.x1 += widen;
    }
  }
}

// Sorts the word indices in `order` by key(index), ascending. std::sort on
// the indices makes exactly the comparisons, and so the moves, that sorting
// the words themselves would (ties included), without moving a Word, string
// and all, at every step.
template <typename Key>
void SortIndices(std::vector<std::uint32_t>& order, Key key) {
  std::sort(order.begin(), order.end(),
            [&key](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
}

std::vector<Row> GroupRows(std::vector<Word> words) {
  // Rows are formed over the words' indices; each word is moved once, into
  // its row, in x order.
  std::vector<std::uint32_t> by_centre(words.size());
  for (std::size_t i = 0; i < by_centre.size(); ++i) by_centre[i] = static_cast<std::uint32_t>(i);
  {
    std::vector<double> centre2(words.size());
    for (std::size_t i = 0; i < words.size(); ++i) centre2[i] = words[i].y0 + words[i].y1;
    SortIndices(by_centre, [&centre2](std::uint32_t i) { return centre2[i]; });
  }
  std::vector<Row> rows;
  std::vector<std::vector<std::uint32_t>> members;  // per row, in centre order
  for (const std::uint32_t k : by_centre) {
    const Word& w = words[k];
    const double h = std::max(0.1, w.y1 - w.y0);
    const double c = (w.y0 + w.y1) / 2;
    // A word joins a row when their vertical cores overlap by half the
    // smaller height: same baseline, allowing sub/superscripts and mixed
    // sizes, but not the next line (line spacing is >= 1.0 em).
    std::size_t best = rows.size();
    double best_overlap = 0;
    for (std::size_t i = rows.size(); i-- > 0;) {
      const Row& r = rows[i];
      if (r.center + r.height < c - h) break;  // rows are in centre order
      const double lo = std::max(r.center - r.height / 2, c - h / 2);
      const double hi = std::min(r.center + r.height / 2, c + h / 2);
      const double overlap = (hi - lo) / std::min(r.height, h);
      if (overlap >= 0.5 && overlap > best_overlap) {
        best = i;
        best_overlap = overlap;
      }
    }
    if (best == rows.size()) {
      rows.emplace_back();
      members.emplace_back();
      rows.back().y0 = w.y0;
      rows.back().y1 = w.y1;
    }
    Row& row = rows[best];
    const double n = static_cast<double>(members[best].size());
    row.center = (row.center * n + c) / (n + 1);
    row.height = (row.height * n + h) / (n + 1);
    row.y0 = std::min(row.y0, w.y0);
    row.y1 = std::max(row.y1, w.y1);
    members[best].push_back(k);
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    SortIndices(members[i], [&words](std::uint32_t k) { return words[k].x0; });
    rows[i].words.reserve(members[i].size());
    for (const std::uint32_t k : members[i]) rows[i].words.push_back(std::move(words[k]));
    // Before the widening below, which leaves a tenth of an em between
    // the words it widens.
    JoinTouchingWords(rows[i].words);
  }
  WidenShortWordBoxes(rows);
  for (Row& r : rows) {
    JoinLetterSpaced(r.words);
    GlueDetachedHyphens(r.words);
    DropNoteReferences(r.words);
    GlueSubscripts(r.words);
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
  // (size, bold) -> characters. A line has one or two fonts, so a flat
  // list beats a map; ties go to the smallest key, as a map's first maximum.
  struct Weight {
    double size;
    bool bold;
    std::size_t chars;
  };
  std::vector<Weight> weight;
  std::size_t bytes = 0;
  for (auto it = begin; it != end; ++it) bytes += it->text.size() + 1;
  line.text.reserve(bytes);
  for (auto it = begin; it != end; ++it) {
    if (it != begin) line.text += ' ';
    line.text += it->text;
    line.table_row = line.table_row || it->table_row;
    line.x0 = std::min(line.x0, it->x0);
    line.y0 = std::min(line.y0, it->y0);
    line.x1 = std::max(line.x1, it->x1);
    line.y1 = std::max(line.y1, it->y1);
    const double size = std::round(it->font_size * 2) / 2;
    auto w = std::find_if(weight.begin(), weight.end(), [&](const Weight& x) {
      return x.size == size && x.bold == it->bold;
    });
    if (w == weight.end()) {
      weight.push_back({size, it->bold, 0});
      w = weight.end() - 1;
    }
    w->chars += it->text.size();
  }
  const Weight* top = &weight.front();
  for (const Weight& w : weight) {
    const bool smaller_key = std::make_pair(w.size, w.bold) < std::make_pair(top->size, top->bold);
    if (w.chars > top->chars || (w.chars == top->chars && smaller_key)) top = &w;
  }
  line.font_size = top->size;
  line.bold = top->bold;
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

// True when `row` runs across `gutter`: a word spans it, or the gap over it
// is no wider than a word space, so the words either side belong to one
// line that happens to have a space there (the last line of a full-width
// paragraph, a centred footer "Sida 7 av 18"). A real gutter is at least
// about an em wide (FindGutter).
bool Crosses(const Row& row, double gutter) {
  for (std::size_t i = 0; i < row.words.size(); ++i) {
    const Word& w = row.words[i];
    if (w.x0 < gutter && w.x1 > gutter) return true;
    if (i > 0 && row.words[i - 1].x1 <= gutter && w.x0 >= gutter &&
        w.x0 - row.words[i - 1].x1 < 0.9 * std::max(FontSize(w), FontSize(row.words[i - 1]))) {
      return true;
    }
  }
  return false;
}

// Whether `words` (one row's, in x order) are a single justified line whose
// word spaces were stretched: two spaces or more, all of one width within
// half a point. Justification spreads a line's slack evenly over its
// spaces (Word, LibreOffice, Chromium, InDesign), and a narrow column of
// long Swedish words leaves lines of three words 2 em apart, as wide as a
// gutter. Gutters, cell borders and tab stops are not that even with each
// other and with the word spaces of the text beside them.
bool IsStretchedLine(const std::vector<Word>& words) {
  if (words.size() < 3) return false;
  double narrowest = 1e9, widest = -1e9;
  for (std::size_t i = 1; i < words.size(); ++i) {
    const double gap = words[i].x0 - words[i - 1].x1;
    narrowest = std::min(narrowest, gap);
    widest = std::max(widest, gap);
  }
  return narrowest > 0 && widest - narrowest <= 0.5;
}

// Looks for a vertical gutter between 25 % and 75 % of the page width in
// rows [begin, end): an x that a run of consecutive rows keeps clear of,
// with a wide gap and words on both sides in some of them. Returns a
// negative value when there is none.
//
// "Consecutive" is what tells a gutter from loosely justified text: there,
// wide word spaces line up by chance on a few rows here and there, but the
// rows in between run across. A run counts with four two-sided rows; or two
// when the run is six rows or longer (a right column that ends early beside
// a long left one); or two whose words either side start at one x each,
// over a gutter near the middle (AlignedRun: the balanced last lines of a
// two-column section — columns start their lines at one x, chance gaps
// rarely do); or two in a wide channel
// (over 3 em, as between a letterhead's sender block and its document-type
// block — word spaces never get that wide).
// The longest run of consecutive rows in [begin, end) with a gap of at
// least `min_gap` over x whose left side starts at one x in every row and
// whose right side starts at one x in every row (within a point). A
// stretched line (IsStretchedLine; `stretched[k - begin]`, worked out once
// for all the x tried) has no such gap: three loose lines of a narrow
// justified column can start their second words within a point of each
// other by chance.
int AlignedRun(const std::vector<Row>& rows, std::size_t begin, std::size_t end,
               const std::vector<char>& stretched, double x, double min_gap) {
  int best = 0, run = 0;
  double left = -1, right = -1;
  for (std::size_t k = begin; k < end; ++k) {
    const std::vector<Word>& w = rows[k].words;
    double l = -1, r = -1;
    for (std::size_t i = stretched[k - begin] ? w.size() : 1; i < w.size(); ++i) {
      if (w[i - 1].x1 < x && w[i].x0 > x && w[i].x0 - w[i - 1].x1 >= min_gap) {
        l = w.front().x0;
        r = w[i].x0;
        break;
      }
    }
    if (r < 0) {
      run = 0;
      continue;
    }
    if (run > 0 && std::abs(l - left) <= 1 && std::abs(r - right) <= 1) {
      ++run;
    } else {
      run = 1;
      left = l;
      right = r;
    }
    best = std::max(best, run);
  }
  return best;
}

// FindGutter over the stretch [x_from, x_to) of the page rather than the
// whole width: the columns' own text when a gutter has already parted the
// page and a column may hold another (three columns and more).
// `any_run`, when given, says whether some x had a run of rows clear of it
// with two two-sided rows, the least any gutter needs. Where none of
// [begin, end) has one, no stretch of those rows has one either (a run in
// a stretch is part of a run in the whole, with no more two-sided rows),
// so the search over a stretch can be skipped.
double FindGutterIn(const std::vector<Row>& rows, std::size_t begin, std::size_t end,
                    double x_from, double x_to, bool* any_run = nullptr) {
  if (any_run != nullptr) *any_run = false;
  const double span = x_to - x_from;
  if (span <= 0 || end - begin < 2) return -1;
  const int lo = static_cast<int>(x_from + span * 0.25);
  const int hi = static_cast<int>(x_from + span * 0.75);
  const std::size_t width = static_cast<std::size_t>(hi - lo + 1);
  enum : char { kClear = 0, kCrossed = 1, kTwoSided = 2 };
  std::vector<double> sizes;
  // Per x, for the current run of rows clear of x: two-sided rows and all
  // rows; and the best two-sided count and longest run (with >= 2 two-sided)
  // seen.
  std::vector<int> run_sided(width, 0), run_rows(width, 0), best_sided(width, 0),
      best_rows(width, 0);
  std::vector<char> state(width);
  // The row's words' stretches of x, [from, to] (indices into state).
  std::vector<std::pair<int, int>> crossed;
  // Adds row state `st` at x to the runs.
  auto count = [&](std::size_t x, char st) {
    if (st == kCrossed) {
      run_sided[x] = run_rows[x] = 0;
      return;
    }
    ++run_rows[x];
    if (st == kTwoSided) ++run_sided[x];
    if (run_sided[x] >= 2) {
      best_sided[x] = std::max(best_sided[x], run_sided[x]);
      best_rows[x] = std::max(best_rows[x], run_rows[x]);
    }
  };
  for (std::size_t k = begin; k < end; ++k) {
    const Row& r = rows[k];
    std::fill(state.begin(), state.end(), kClear);
    crossed.clear();
    // Whether the row's words' stretches are all crossed, in x order, and
    // nothing else is: then each stretch ends its runs in one go, and only
    // the x between them are counted one by one. Text rows cross most x of
    // the search, and this is most of its time.
    bool stretches = true;
    for (std::size_t i = 0; i < r.words.size(); ++i) {
      const Word& b = r.words[i];
      sizes.push_back(FontSize(b));
      const int c0 = std::max(lo, static_cast<int>(std::floor(b.x0)));
      const int c1 = std::min(hi, static_cast<int>(std::ceil(b.x1)));
      for (int x = c0; x <= c1; ++x) state[static_cast<std::size_t>(x - lo)] = kCrossed;
      if (c0 <= c1) {
        if (!crossed.empty() && c0 - lo < crossed.back().first) stretches = false;
        crossed.emplace_back(c0 - lo, c1 - lo);
      }
      if (i == 0) continue;
      const Word& a = r.words[i - 1];
      // A gutter is at least ~1 em; narrower gaps are word spaces.
      if (b.x0 - a.x1 < 0.9 * std::max(FontSize(a), FontSize(b))) continue;
      // A few points clear each side so the gap's centre, not its edge, wins.
      const int g0 = std::max(lo, static_cast<int>(std::ceil(a.x1 + 3)));
      const int g1 = std::min(hi, static_cast<int>(std::floor(b.x0 - 3)));
      for (int x = g0; x <= g1; ++x) {
        const std::size_t at = static_cast<std::size_t>(x - lo);
        if (state[at] == kCrossed) stretches = false;  // a word reaching past the next
        state[at] = kTwoSided;
      }
    }
    if (!stretches) {
      for (std::size_t x = 0; x < width; ++x) count(x, state[x]);
      continue;
    }
    std::size_t x = 0;
    for (const auto& [from, to] : crossed) {
      for (; x < static_cast<std::size_t>(from); ++x) count(x, state[x]);
      if (x <= static_cast<std::size_t>(to)) {
        std::fill(run_sided.begin() + static_cast<std::ptrdiff_t>(x),
                  run_sided.begin() + to + 1, 0);
        std::fill(run_rows.begin() + static_cast<std::ptrdiff_t>(x), run_rows.begin() + to + 1, 0);
        x = static_cast<std::size_t>(to) + 1;
      }
    }
    for (; x < width; ++x) count(x, state[x]);
  }
  std::nth_element(sizes.begin(), sizes.begin() + static_cast<std::ptrdiff_t>(sizes.size() / 2),
                   sizes.end());
  const double em = sizes[sizes.size() / 2];
  // Score per x; 0 rejects. Strong runs first, then aligned runs, then
  // wide channels.
  std::vector<int> score(width, 0);
  std::vector<char> stretched;  // per row, filled when an aligned run is first asked for
  for (std::size_t x = 0; x < width; ++x) {
    if (best_sided[x] >= 4 || (best_sided[x] >= 2 && best_rows[x] >= 6)) {
      score[x] = 1000 + best_sided[x];
    } else if (best_sided[x] >= 2) {
      // Columns this short are told from chance gaps in justified text
      // also by where and how wide: a gutter near the middle (35-65 % of
      // the width) and wider than a stretched word space (1.3 em).
      const double at = lo + static_cast<double>(x);
      const bool middle = at >= x_from + 0.35 * span && at <= x_from + 0.65 * span;
      if (middle && stretched.empty()) {
        for (std::size_t k = begin; k < end; ++k) stretched.push_back(IsStretchedLine(rows[k].words));
      }
      const int aligned = middle ? AlignedRun(rows, begin, end, stretched, at, 1.3 * em) : 0;
      score[x] = aligned >= 2 ? 500 + aligned : best_sided[x];
    }
  }
  // The widest stretch of x with the top score; its centre is the gutter.
  int top = 0;
  for (int v : score) top = std::max(top, v);
  // Every x with two two-sided rows in a run scores above 0.
  if (any_run != nullptr) *any_run = top > 0;
  if (top == 0) return -1;
  std::size_t run_start = 0, best_start = 0, best_len = 0;
  bool in_run = false;
  for (std::size_t x = 0; x <= width; ++x) {
    const bool on = x < width && score[x] == top;
    if (on && !in_run) run_start = x;
    if (!on && in_run && x - run_start > best_len) {
      best_len = x - run_start;
      best_start = run_start;
    }
    in_run = on;
  }
  if (top < 500 && static_cast<double>(best_len) + 6 < 3 * em) return -1;
  return lo + static_cast<double>(best_start) + static_cast<double>(best_len) / 2.0;
}

double FindGutter(const std::vector<Row>& rows, std::size_t begin, std::size_t end,
                  double page_width) {
  return FindGutterIn(rows, begin, end, 0, page_width);
}

// Whether the words of `row` left of index `split` and those from it on
// sit as the cells of one table or form row do: tops level (cells set from
// their top) or bottoms level (one baseline), within an eighth of the
// smaller side's height. Lines of two blocks set apart, each on its own
// grid, overlap by chance and are level neither way.
bool SidesAligned(const Row& row, std::size_t split) {
  double top[2] = {1e9, 1e9}, bottom[2] = {-1e9, -1e9};
  for (std::size_t i = 0; i < row.words.size(); ++i) {
    const int side = i < split ? 0 : 1;
    top[side] = std::min(top[side], row.words[i].y0);
    bottom[side] = std::max(bottom[side], row.words[i].y1);
  }
  const double tolerance = 0.125 * std::min(bottom[0] - top[0], bottom[1] - top[1]);
  return std::abs(top[0] - top[1]) <= tolerance || std::abs(bottom[0] - bottom[1]) <= tolerance;
}

// Whether the rows [begin, end), none of which crosses `gutter`, are two
// columns of text side by side rather than a table or a form read row by
// row.
bool ReadsAsColumns(const std::vector<Row>& rows, std::size_t begin, std::size_t end,
                    double gutter) {
  std::size_t both = 0, left_rows = 0, right_rows = 0, apart = 0;
  double left_edge = gutter;
  double left_top = 1e9, left_bottom = -1e9, right_top = 1e9, right_bottom = -1e9;
  std::vector<double> left_widths, left_words, right_widths, right_words;
  double right_edge = gutter, right_start = 1e9;
  for (std::size_t r = begin; r < end; ++r) {
    const std::size_t split = SplitIndex(rows[r], gutter);
    if (split > 0 && split < rows[r].words.size()) {
      ++both;
      if (!SidesAligned(rows[r], split)) ++apart;
    }
    if (split > 0) {
      ++left_rows;
      left_top = std::min(left_top, rows[r].y0);
      left_bottom = std::max(left_bottom, rows[r].y1);
      left_edge = std::min(left_edge, rows[r].words.front().x0);
      left_widths.push_back(rows[r].words[split - 1].x1 - rows[r].words.front().x0);
      left_words.push_back(static_cast<double>(split));
    }
    if (split < rows[r].words.size()) {
      ++right_rows;
      right_edge = std::max(right_edge, rows[r].words.back().x1);
      right_start = std::min(right_start, rows[r].words[split].x0);
      right_widths.push_back(rows[r].words.back().x1 - rows[r].words[split].x0);
      right_words.push_back(static_cast<double>(rows[r].words.size() - split));
      right_top = std::min(right_top, rows[r].y0);
      right_bottom = std::max(right_bottom, rows[r].y1);
    }
  }
  // Two columns side by side: rows with words either side, or, where the
  // columns' lines do not share baselines (a paragraph's space above it in
  // one column only), two or more lines each side over the same stretch.
  const double overlap = std::min(left_bottom, right_bottom) - std::max(left_top, right_top);
  const bool side_by_side =
      both >= 2 || (left_rows >= 2 && right_rows >= 2 &&
                    overlap >= 0.5 * std::min(left_bottom - left_top, right_bottom - right_top));
  // Running text fills its column: most left-column lines reach past half
  // the column's width. Label/value tables and forms have short left cells;
  // reading them column by column would separate each label from its value.
  // A form's labels ("Plats och tid", "Utses att justera") can fill half of
  // a narrow left column too; they are told from a narrow column of running
  // text by their few words (running text has four or more to a line)
  // beside a much wider right column (two columns of text are about equal)
  // that holds values, not running text: few words to a line, or lines
  // that mostly stop short (a sidebar of short lines beside the body text
  // stays two columns).
  const bool values = Median(right_words) < 4 ||
                      Median(right_widths) < 0.75 * (right_edge - right_start);
  const bool labels =
      values && Median(left_words) < 4 && gutter - left_edge < 0.6 * (right_edge - gutter);
  // Two blocks whose lines mostly do not line up are two columns, however
  // short their lines (a letterhead's two cells: the issuer left, "Datum"
  // over its date right, level only at the top): a form's labels and values
  // share their rows.
  if (both >= 2 && 2 * apart > both) return true;
  return side_by_side && !labels && Median(left_widths) >= 0.5 * (gutter - left_edge);
}

// The words of rows [begin, end) left of `gutter` (or right of it), as rows
// of their own, rows left empty dropped.
std::vector<Row> SideOf(const std::vector<Row>& rows, std::size_t begin, std::size_t end,
                        double gutter, bool left) {
  std::vector<Row> side;
  for (std::size_t r = begin; r < end; ++r) {
    const std::size_t split = SplitIndex(rows[r], gutter);
    const std::size_t from = left ? 0 : split;
    const std::size_t to = left ? split : rows[r].words.size();
    if (from == to) continue;
    Row row = rows[r];
    row.words.assign(rows[r].words.begin() + static_cast<std::ptrdiff_t>(from),
                     rows[r].words.begin() + static_cast<std::ptrdiff_t>(to));
    side.push_back(std::move(row));
  }
  return side;
}

// Letters in `word`, counted up to `enough`.
int LetterCount(const std::string& word, int enough) {
  int letters = 0;
  for (std::size_t i = 0; i < word.size() && letters < enough;) {
    UChar32 c;
    U8_NEXT(word.data(), i, word.size(), c);
    if (c > 0 && u_isalpha(c)) ++letters;
  }
  return letters;
}

// Whether the rows [begin, end), none of which crosses `gutter`, part there
// into two columns of running text: both filled as running text fills a
// column (most lines reach past half its width), over three rows or more
// each, with most words of three letters or more (a hex dump's or a figure
// table's columns line up as well, but hold none).
bool PartsIntoColumns(const std::vector<Row>& rows, std::size_t begin, std::size_t end,
                      double gutter) {
  std::vector<double> left_widths, right_widths;
  double left_edge = gutter, right_edge = gutter;
  std::size_t words[2] = {0, 0}, long_words[2] = {0, 0};
  for (std::size_t k = begin; k < end; ++k) {
    const Row& r = rows[k];
    const std::size_t split = SplitIndex(r, gutter);
    if (split > 0) {
      left_widths.push_back(r.words[split - 1].x1 - r.words.front().x0);
      left_edge = std::min(left_edge, r.words.front().x0);
    }
    if (split < r.words.size()) {
      right_widths.push_back(r.words.back().x1 - r.words[split].x0);
      right_edge = std::max(right_edge, r.words.back().x1);
    }
    for (std::size_t i = 0; i < r.words.size(); ++i) {
      const int side = i < split ? 0 : 1;
      ++words[side];
      if (LetterCount(r.words[i].text, 3) >= 3) ++long_words[side];
    }
  }
  if (left_widths.size() < 3 || right_widths.size() < 3) return false;
  return Median(left_widths) >= 0.5 * (gutter - left_edge) &&
         Median(right_widths) >= 0.5 * (right_edge - gutter) &&
         2 * long_words[0] >= words[0] && 2 * long_words[1] >= words[1];
}

// End of the run of rows from `begin` that all cross `gutter` (or all clear
// it, `crossing` false).
std::size_t RunEnd(const std::vector<Row>& rows, std::size_t begin, double gutter,
                   bool crossing) {
  std::size_t end = begin;
  while (end < rows.size() && Crosses(rows[end], gutter) == crossing) ++end;
  return end;
}

// One column's words as rows of their own, its stretch of the page, and the
// gutter at which it may part again (negative: none), found once for both
// the test (PartsAgain) and the reading (EmitColumn).
struct Column {
  std::vector<Row> rows;
  double x_from = 0, x_to = 0;
  double gutter = -1;
};

Column ColumnOf(std::vector<Row> rows, double x_from, double x_to) {
  const double gutter = FindGutterIn(rows, 0, rows.size(), x_from, x_to);
  return {std::move(rows), x_from, x_to, gutter};
}

// Whether some stretch of the column's rows clear of its gutter parts there
// into columns: a page of three columns or more, whose first gutter found
// parts one column from the others.
bool PartsAgain(const Column& c) {
  if (c.gutter < 0) return false;
  for (std::size_t r = RunEnd(c.rows, 0, c.gutter, true); r < c.rows.size();) {
    const std::size_t end = RunEnd(c.rows, r, c.gutter, false);
    if (PartsIntoColumns(c.rows, r, end, c.gutter)) return true;
    r = RunEnd(c.rows, end, c.gutter, true);
  }
  return false;
}

// A run of one side's lines at line pitch: a paragraph, a heading, a
// letterhead's block. A gap of more than half a line parts groups.
struct LineGroup {
  std::size_t first = 0, end = 0;  // rows of the side
  double top = 0, first_bottom = 0, first_height = 0;
};

std::vector<LineGroup> GroupsOf(const std::vector<Row>& side) {
  std::vector<LineGroup> groups;
  for (std::size_t k = 0; k < side.size(); ++k) {
    const bool starts =
        k == 0 || side[k].y0 - side[k - 1].y1 > 0.5 * std::max(side[k].height, side[k - 1].height);
    if (starts) groups.push_back({k, k, side[k].y0, side[k].y1, side[k].y1 - side[k].y0});
    groups.back().end = k + 1;
  }
  return groups;
}

// Whether the rows [begin, end), none across `gutter`, are cards side by
// side: each side one block of lines at line pitch that opens with a line
// set larger than the rest (an annual report's key figures, "312 mnkr" over
// "Årets resultat"; fact boxes, each with its heading), the two openings
// level. Read row by row, the figures run together and the captions
// interleave. A form's labels and values are set in one size.
bool SideBySideCards(const std::vector<Row>& rows, std::size_t begin, std::size_t end, double gutter) {
  const std::vector<Row> sides[2] = {SideOf(rows, begin, end, gutter, true),
                                     SideOf(rows, begin, end, gutter, false)};
  for (const std::vector<Row>& side : sides) {
    if (side.size() < 2 || GroupsOf(side).size() != 1) return false;
    std::vector<double> first, rest;
    for (const Word& w : side.front().words) first.push_back(FontSize(w));
    for (std::size_t k = 1; k < side.size(); ++k) {
      for (const Word& w : side[k].words) rest.push_back(FontSize(w));
    }
    if (Median(first) < 1.3 * Median(rest)) return false;
  }
  const Row& left = sides[0].front();
  const Row& right = sides[1].front();
  return std::abs(left.y0 - right.y0) <= 0.3 * std::min(left.height, right.height);
}

// Emits one column's rows top to bottom, parting the stretches that hold
// further columns (PartsIntoColumns) and reading rows across their gutter
// (a heading over two of three columns) in place. `column` numbers the
// text read as one column; each part gets a number of its own.
void EmitColumn(const Column& c, int& column, std::vector<TextLine>& out) {
  const std::vector<Row>& rows = c.rows;
  std::size_t r = 0;
  while (r < rows.size()) {
    const bool crosses = c.gutter >= 0 && Crosses(rows[r], c.gutter);
    const std::size_t end = c.gutter < 0 ? rows.size() : RunEnd(rows, r, c.gutter, crosses);
    if (c.gutter >= 0 && !crosses &&
        (PartsIntoColumns(rows, r, end, c.gutter) || SideBySideCards(rows, r, end, c.gutter))) {
      ++column;
      EmitColumn(ColumnOf(SideOf(rows, r, end, c.gutter, true), c.x_from, c.gutter), column, out);
      ++column;
      EmitColumn(ColumnOf(SideOf(rows, r, end, c.gutter, false), c.gutter, c.x_to), column, out);
      ++column;
    } else {
      for (std::size_t k = r; k < end; ++k) {
        AppendFragments(rows[k].words, 0, rows[k].words.size(), column, out);
      }
    }
    r = end;
  }
}

// Whether the groups of `margin` stand in a margin beside `text`: two or
// more, of four lines at most, together no more lines than the text's
// (a list's numbers beside one-line items have as many), the margin at
// most 0.6 of the text's width (two parties' signature blocks side by
// side are read block by block), and each level with the first line of one of the text's groups
// (tops or bottoms within a third of the smaller line): Swedish
// "marginalrubriker" set beside their paragraphs, a protocol's dnr beside
// its paragraph's heading, a letterhead's right block beside its left one.
// A sidebar's paragraphs start where they fall, mostly beside the middle
// of the text's.
bool StandsInMargin(const std::vector<Row>& margin, const std::vector<LineGroup>& margin_groups,
                    const std::vector<Row>& text, const std::vector<LineGroup>& text_groups) {
  if (margin_groups.size() < 2 || margin.size() > text.size()) return false;
  auto width = [](const std::vector<Row>& side) {
    double x0 = 1e9, x1 = -1e9;
    for (const Row& r : side) x0 = std::min(x0, r.words.front().x0), x1 = std::max(x1, r.words.back().x1);
    return x1 - x0;
  };
  if (width(margin) > 0.6 * width(text)) return false;
  for (const LineGroup& m : margin_groups) {
    if (m.end - m.first > 4) return false;
    const bool level = std::any_of(text_groups.begin(), text_groups.end(), [&](const LineGroup& t) {
      const double tolerance = 0.3 * std::min(m.first_height, t.first_height);
      return std::abs(m.top - t.top) <= tolerance || std::abs(m.first_bottom - t.first_bottom) <= tolerance;
    });
    if (!level) return false;
  }
  return true;
}

// Reads a text side and a margin side (StandsInMargin) group by group, top
// down; of two level groups the left one first (a heading in the left
// margin before its paragraph, a dnr in the right margin after its
// paragraph's heading). Each side keeps its column number.
void EmitWithMargin(const std::vector<Row>& left, const std::vector<LineGroup>& left_groups,
                    const std::vector<Row>& right, const std::vector<LineGroup>& right_groups,
                    int column, std::vector<TextLine>& out) {
  const std::vector<LineGroup>* groups[2] = {&left_groups, &right_groups};
  std::size_t next[2] = {0, 0};
  while (next[0] < groups[0]->size() || next[1] < groups[1]->size()) {
    int side = next[0] < groups[0]->size() ? 0 : 1;
    if (side == 0 && next[1] < groups[1]->size()) {
      const LineGroup& l = (*groups[0])[next[0]];
      const LineGroup& r = (*groups[1])[next[1]];
      const double tolerance = 0.3 * std::min(l.first_height, r.first_height);
      if (r.top < l.top - tolerance) side = 1;
    }
    const LineGroup& g = (*groups[side])[next[side]++];
    const std::vector<Row>& rows = side == 0 ? left : right;
    for (std::size_t k = g.first; k < g.end; ++k) {
      AppendFragments(rows[k].words, 0, rows[k].words.size(), column + side, out);
    }
  }
}

// Emits the rows [begin, end), none of which crosses `gutter`, as columns,
// left first, or row by row when they look like a table or a form. When a
// side parts again (three columns or more), the sides are columns: the
// form test (ReadsAsColumns) would take two narrow columns beside a third
// for a wide value column beside labels.
// Rows [end, flow_end) follow the block and carry on its left column's
// last paragraph (LeftFlowEnd): read after the left column, before the
// right one. `as_columns`: the block is known to be two columns (a box
// left of text that wraps below it, LeftBoxInText; a letterhead's two
// blocks, LetterheadEnd).
void EmitBlock(const std::vector<Row>& rows, std::size_t begin, std::size_t end,
               std::size_t flow_end, bool as_columns, double gutter, double page_width,
               std::vector<TextLine>& out) {
  const Column left = ColumnOf(SideOf(rows, begin, end, gutter, true), 0, gutter);
  const Column right = ColumnOf(SideOf(rows, begin, end, gutter, false), gutter, page_width);
  const bool parts_again = !as_columns && (PartsAgain(left) || PartsAgain(right));
  if (!as_columns && !parts_again && !ReadsAsColumns(rows, begin, end, gutter)) {
    for (std::size_t r = begin; r < flow_end; ++r) {
      AppendFragments(rows[r].words, 0, rows[r].words.size(), 0, out);
    }
    return;
  }
  if (!as_columns && flow_end == end && !parts_again) {
    const std::vector<LineGroup> left_groups = GroupsOf(left.rows), right_groups = GroupsOf(right.rows);
    if (StandsInMargin(left.rows, left_groups, right.rows, right_groups) ||
        StandsInMargin(right.rows, right_groups, left.rows, left_groups)) {
      EmitWithMargin(left.rows, left_groups, right.rows, right_groups, 1, out);
      return;
    }
  }
  int column = 1;
  EmitColumn(left, column, out);
  for (std::size_t r = end; r < flow_end; ++r) {
    AppendFragments(rows[r].words, 0, rows[r].words.size(), column, out);
  }
  ++column;
  EmitColumn(right, column, out);
}

// Whether the block [begin, end) is a box set left of running text that
// goes on below it at full width (a fact box floated left, Word's text box
// with square wrapping), its lines mostly not level with the text's: read
// row by row, box and text lines would alternate. All must hold: the box
// is set smaller than the text; the text side runs on as text does (most
// of its lines follow the one before at a line's pitch, four words or
// more to a line); most rows hold one side's line only or the two out of
// level; and the row after the block crosses the gutter in the text's
// size, from the box's left edge or further left, at the text's pitch
// (the text wrapping below the box). A form's labels and values share
// level rows, and a margin column of paragraph numbers has no text below
// it at full width.
bool LeftBoxInText(const std::vector<Row>& rows, std::size_t begin, std::size_t end,
                   std::size_t region_end, double gutter) {
  if (end >= region_end || !Crosses(rows[end], gutter)) return false;
  std::vector<double> box_sizes, text_sizes, text_words;
  double box_edge = 1e9, text_bottom = -1e9, text_height = 0;
  std::size_t unlevel = 0, text_lines = 0, text_tight = 0;
  for (std::size_t k = begin; k < end; ++k) {
    const std::vector<Word>& w = rows[k].words;
    const std::size_t split = SplitIndex(rows[k], gutter);
    if (split == 0 || split == w.size() || !SidesAligned(rows[k], split)) ++unlevel;
    for (std::size_t i = 0; i < split; ++i) {
      box_sizes.push_back(FontSize(w[i]));
      box_edge = std::min(box_edge, w[i].x0);
    }
    if (split == w.size()) continue;
    double top = 1e9, bottom = -1e9;
    for (std::size_t i = split; i < w.size(); ++i) {
      text_sizes.push_back(FontSize(w[i]));
      top = std::min(top, w[i].y0), bottom = std::max(bottom, w[i].y1);
    }
    text_words.push_back(static_cast<double>(w.size() - split));
    if (text_lines > 0 && top - text_bottom <= 0.5 * (bottom - top)) ++text_tight;
    ++text_lines;
    text_bottom = bottom;
    text_height = bottom - top;
  }
  if (box_sizes.empty() || text_lines < 3) return false;
  const double text_size = Median(text_sizes);
  if (Median(box_sizes) > text_size - 1 || 2 * text_tight < text_lines || Median(text_words) < 4 ||
      2 * unlevel <= end - begin) {
    return false;
  }
  const Row& below = rows[end];
  return below.words.front().x0 <= box_edge + 1 &&
         std::abs(FontSize(below.words.front()) - text_size) <= 0.5 &&
         below.y0 - text_bottom <= 0.6 * text_height;
}

bool StartsInLowerCase(const std::string& word) {
  if (word.empty()) return false;
  std::size_t i = 0;
  UChar32 c;
  U8_NEXT(word.data(), i, word.size(), c);
  return c >= 0 && u_islower(c);
}

// Where the rows from `block_end` stop carrying on the paragraph that the
// left column of the block [begin, block_end) ends with: block_end when
// they do not. Text wrapped around a box set beside it (Word's text box
// with square wrapping, a float in HTML, a fact panel in a brochure) runs
// beside the box and then goes on below it at full width, mid-sentence.
// Read left column first and then the box, the paragraph would be cut in
// two by the box's text. The rows carry it on when the left column went on
// past the right one's end by half a line or more (the text wraps below the
// box; balanced columns end together) and the first of them starts at the
// left column's edge, in its size, at its line pitch (no paragraph space)
// and in lower case, the sentence going on; they end at a row set apart or
// in another size or edge, or after a row that stays left of the gutter
// (the paragraph's short last line).
std::size_t LeftFlowEnd(const std::vector<Row>& rows, std::size_t begin, std::size_t block_end,
                        std::size_t end, double gutter) {
  if (block_end >= end || !Crosses(rows[block_end], gutter)) return block_end;
  std::size_t last = block_end;
  for (std::size_t k = block_end; k-- > begin;) {
    if (SplitIndex(rows[k], gutter) > 0) {
      last = k;
      break;
    }
  }
  if (last == block_end) return block_end;
  // The text goes on beside the box past its end; balanced columns end
  // together.
  double right_bottom = -1;
  for (std::size_t k = begin; k < block_end; ++k) {
    if (SplitIndex(rows[k], gutter) < rows[k].words.size()) right_bottom = rows[k].y1;
  }
  if (rows[last].y1 - right_bottom < 0.5 * rows[last].height) return block_end;
  const Word& edge = rows[last].words.front();
  auto goes_on = [&](const Row& above, const Row& row) {
    const Word& first = row.words.front();
    return std::abs(first.x0 - edge.x0) <= 2 && std::abs(FontSize(first) - FontSize(edge)) <= 0.5 &&
           row.y0 - above.y1 <= 0.6 * std::min(above.height, row.height);
  };
  if (!goes_on(rows[last], rows[block_end]) || !StartsInLowerCase(rows[block_end].words.front().text)) {
    return block_end;
  }
  std::size_t flow = block_end + 1;
  while (flow < end && goes_on(rows[flow - 1], rows[flow])) {
    const bool crosses = Crosses(rows[flow], gutter);
    if (!crosses && SplitIndex(rows[flow], gutter) < rows[flow].words.size()) break;
    ++flow;
    if (!crosses) break;
  }
  return flow;
}

// Whether some row of [begin, end) other than `k` has words right of
// `gutter` reaching more than a point into row `k`'s height: the right
// column goes on beside row `k`. (Words beside it on its baseline would be
// in row `k` itself; a column's lines leave less than a point between them,
// so a heading beside the right column overlaps one of its lines.)
// The median size of a row's words left of `gutter`; 0 for none.
double LeftSize(const Row& row, double gutter) {
  std::vector<double> sizes;
  for (std::size_t i = 0; i < SplitIndex(row, gutter); ++i) sizes.push_back(FontSize(row.words[i]));
  return Median(std::move(sizes));
}

bool RightColumnBeside(const std::vector<Row>& rows, std::size_t begin, std::size_t end,
                       std::size_t k, double gutter) {
  for (std::size_t j = begin; j < end; ++j) {
    if (j == k) continue;
    const std::size_t split = SplitIndex(rows[j], gutter);
    for (std::size_t i = split; i < rows[j].words.size(); ++i) {
      const Word& w = rows[j].words[i];
      if (std::min(w.y1, rows[k].y1) - std::max(w.y0, rows[k].y0) > 1) return true;
    }
  }
  return false;
}

// Whether row `k` of the block [begin, end) is where one section's
// columns end and the next section's begin: columns side by side above it
// and below it (two rows or more with words either side of `gutter`, each
// way), no line of the right column beside it (RightColumnBeside), and the
// columns above it ending together, as balanced columns do: their last
// lines within 1.2 lines of each other, or the right column's up to three
// lines higher. Balancing fills the columns from the left, so the last
// column is the short one, by a line or two plus a paragraph's spacing
// when widow and orphan control keeps lines together (a Chromium print of
// three columns under a heading spanning them: two lines). An index's
// letter heading in the left column has white space beside it too, but
// the right column goes on past it (measured on a GNU manual's index: 1.7
// lines lower).
bool EndsASection(const std::vector<Row>& rows, std::size_t begin, std::size_t end,
                  std::size_t k, double gutter) {
  int above = 0, below = 0;
  double left_bottom = -1, right_bottom = -1;
  std::vector<double> heights;
  for (std::size_t j = begin; j < end; ++j) {
    const std::size_t split = SplitIndex(rows[j], gutter);
    const bool two_sided = split > 0 && split < rows[j].words.size();
    if (j < k) {
      above += two_sided ? 1 : 0;
      if (split > 0) left_bottom = rows[j].y1;
      if (split < rows[j].words.size()) right_bottom = rows[j].y1;
      heights.push_back(rows[j].y1 - rows[j].y0);
    } else if (j > k) {
      below += two_sided ? 1 : 0;
    }
  }
  const double line = Median(heights);
  if (above < 2 || below < 2 || right_bottom - left_bottom > 1.2 * line ||
      left_bottom - right_bottom > 3 * line) {
    return false;
  }
  // A heading wrapped onto more lines (a narrow column's "2 Bakgrund och
  // tidigare forsk-" / "ning") is the column's own when the right column
  // stands beside any of its lines.
  const double size = LeftSize(rows[k], gutter);
  auto same_heading = [&](std::size_t upper, std::size_t lower) {
    return std::abs(LeftSize(rows[upper], gutter) - size) <= 0.5 &&
           rows[lower].y0 - rows[upper].y1 <= rows[lower].height;
  };
  std::size_t first = k;
  while (first > begin && same_heading(first - 1, first)) --first;
  for (std::size_t h = first; h < end; ++h) {
    if (h > k && (std::abs(LeftSize(rows[h], gutter) - size) > 0.5 ||
                  rows[h].y0 - rows[h - 1].y1 > rows[h].height)) {
      break;
    }
    if (SplitIndex(rows[h], gutter) != rows[h].words.size() ||
        RightColumnBeside(rows, begin, end, h, gutter)) {
      return false;
    }
  }
  return true;
}

// Where the columns of the block [begin, end) end: at the first row that
// is a heading, set larger than the block's body, with words left of
// `gutter` only, that is either below both columns' text (the last row
// with words either side of the gutter) or where a section ends
// (EndsASection). Balanced columns end together and the document goes on
// at full width; a short heading there keeps clear of the gutter, and
// without this it would be read as the end of the left column, before the
// whole right one. A page of sections, each a heading over its own columns
// (a newsletter's four columns under one heading, then four more under the
// next), is read section by section. A heading of the left column's own
// has the right column's lines beside it and does not end the block.
std::size_t EndOfColumns(const std::vector<Row>& rows, std::size_t begin, std::size_t end,
                         double gutter) {
  std::size_t first_two_sided = end, last_two_sided = end;
  std::vector<double> sizes;
  for (std::size_t k = begin; k < end; ++k) {
    const std::size_t split = SplitIndex(rows[k], gutter);
    if (split > 0 && split < rows[k].words.size()) {
      if (first_two_sided == end) first_two_sided = k;
      last_two_sided = k;
    }
    for (const Word& w : rows[k].words) sizes.push_back(FontSize(w));
  }
  if (last_two_sided == end) return end;
  const double body = Median(sizes);
  for (std::size_t k = first_two_sided + 1; k < end; ++k) {
    // Larger type right of the gutter (a pull quote) is the right column's
    // own, not a heading going on at full width from the left.
    if (SplitIndex(rows[k], gutter) != rows[k].words.size()) continue;
    std::vector<double> row_sizes;
    for (const Word& w : rows[k].words) row_sizes.push_back(FontSize(w));
    if (Median(row_sizes) <= 1.15 * body) continue;
    if (k > last_two_sided || EndsASection(rows, begin, end, k, gutter)) return k;
  }
  return end;
}

// The end of the slab of rows from `begin` (before `end`): more than a
// line's height of space parts slabs, while paragraph spacing (half a
// line, typically) does not.
std::size_t SlabEnd(const std::vector<Row>& rows, std::size_t begin, std::size_t end) {
  std::size_t k = begin + 1;
  while (k < end && rows[k].y0 - rows[k - 1].y1 <= std::max(rows[k].height, rows[k - 1].height)) ++k;
  return k;
}

// The rows at the top of a page that are a letterhead's two blocks side by
// side, and the channel between them: the sender left ("Österviks kommun"
// over its förvaltning), the document's type, date and dnr right. They are
// the rows before the first vertical gap of more than a line, five at
// most, parted by a channel of a quarter of the page or more that no word
// crosses, with a word of three letters either side and six words at
// most to a line each side, their first lines level, and not every row a
// level pair of lines. Returns the end of
// those rows and sets `channel` to its middle, or returns 0. Their lines
// are often level (a row or two holding both blocks, too few for a
// gutter), and the right block's are short, as a form's values are. A
// label/value list pairs its lines row by row; a letterhead of two blocks
// of level lines, as many each side, is read row by row too.
std::size_t LetterheadEnd(const std::vector<Row>& rows, std::size_t end, double page_width,
                          double* channel) {
  const std::size_t n = SlabEnd(rows, 0, end);
  if (n > 5 || n < 2) return 0;
  std::vector<std::pair<double, double>> spans;
  for (std::size_t k = 0; k < n; ++k) {
    for (const Word& w : rows[k].words) spans.emplace_back(w.x0, w.x1);
  }
  std::sort(spans.begin(), spans.end());
  double reach = spans.front().second, best = 0, at = -1;
  for (std::size_t i = 1; i < spans.size(); ++i) {
    if (spans[i].first - reach > best) best = spans[i].first - reach, at = (spans[i].first + reach) / 2;
    reach = std::max(reach, spans[i].second);
  }
  if (best < 0.25 * page_width) return 0;
  bool letters[2] = {false, false};
  double top[2] = {1e9, 1e9}, height = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t split = SplitIndex(rows[k], at);
    if (split > 0) top[0] = std::min(top[0], rows[k].y0);
    if (split < rows[k].words.size()) top[1] = std::min(top[1], rows[k].y0);
    height = std::max(height, rows[k].height);
    // Names, a date, a dnr: a few words to a line, not running text (a
    // protocol's paragraph under its heading, its dnr far right).
    if (split > 6 || rows[k].words.size() - split > 6) return 0;
    for (const Word& w : rows[k].words) {
      if (LetterCount(w.text, 3) >= 3) letters[w.x0 > at ? 1 : 0] = true;
    }
  }
  // The blocks start level: a line above the other side's first is read
  // before it, as lines are (a motion's party above its addressee).
  if (!letters[0] || !letters[1] || std::abs(top[0] - top[1]) > 0.8 * height) return 0;
  // Every row holding a line each side, level, is a table's or a form's
  // rows, label and value ("Datum" | "2025-04-07"); a letterhead's two
  // blocks differ in lines or in where their lines stand.
  const bool pairs = std::all_of(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(n), [&](const Row& r) {
    const std::size_t split = SplitIndex(r, at);
    return split > 0 && split < r.words.size() && SidesAligned(r, split);
  });
  if (pairs) return 0;
  *channel = at;
  return n;
}

// Whether the slabs [begin, middle) and [middle, end) are short blocks of
// two columns each, four rows at most and none across `gutter`, whose left
// sides start at one x and right sides at one x, at most six lines apart:
// the halves of a signature block parted by the space to sign in.
bool SameTwoColumns(const std::vector<Row>& rows, std::size_t begin, std::size_t middle,
                    std::size_t end, double gutter) {
  if (middle - begin > 4 || end - middle > 4) return false;
  if (rows[middle].y0 - rows[middle - 1].y1 > 6 * rows[middle - 1].height) return false;
  auto starts = [&](std::size_t from, std::size_t to, double* left, double* right) {
    *left = *right = 1e9;
    for (std::size_t k = from; k < to; ++k) {
      if (Crosses(rows[k], gutter)) return false;
      const std::size_t split = SplitIndex(rows[k], gutter);
      if (split > 0) *left = std::min(*left, rows[k].words.front().x0);
      if (split < rows[k].words.size()) *right = std::min(*right, rows[k].words[split].x0);
    }
    return *left < 1e9 && *right < 1e9;
  };
  double left[2], right[2];
  return starts(begin, middle, &left[0], &right[0]) && starts(middle, end, &left[1], &right[1]) &&
         std::abs(left[0] - left[1]) <= 2 && std::abs(right[0] - right[1]) <= 2;
}

// Whether the two sides of rows [begin, end) are alike, as two parties'
// blocks are ("För Region Västernorrland" beside "För Sundsvalls kommun"):
// in three rows of four holding both, neither side is over twice as wide
// as the other. A form's labels are much shorter than its values.
bool SidesAlike(const std::vector<Row>& rows, std::size_t begin, std::size_t end, double gutter) {
  std::size_t both = 0, alike = 0;
  for (std::size_t k = begin; k < end; ++k) {
    const std::vector<Word>& w = rows[k].words;
    const std::size_t split = SplitIndex(rows[k], gutter);
    if (split == 0 || split == w.size()) continue;
    ++both;
    const double left = w[split - 1].x1 - w.front().x0, right = w.back().x1 - w[split].x0;
    if (std::min(left, right) >= 0.5 * std::max(left, right)) ++alike;
  }
  return both > 0 && 4 * alike >= 3 * both;
}

// Reads rows [begin, end) with `gutter` (negative: none); `rules`, the
// page's, part blocks where one is drawn across the gutter.
void EmitRegion(const std::vector<Row>& rows, std::size_t begin, std::size_t end,
                double gutter, double page_width, const std::vector<Rule>& rules,
                const std::vector<Callout>& callouts, std::vector<TextLine>& out) {
  std::size_t r = begin;
  double channel = -1;
  if (begin == 0) {
    if (const std::size_t letterhead = LetterheadEnd(rows, end, page_width, &channel)) {
      EmitBlock(rows, 0, letterhead, letterhead, true, channel, page_width, out);
      r = letterhead;
    }
  }
  while (r < end) {
    if (gutter < 0 || Crosses(rows[r], gutter)) {
      AppendFragments(rows[r].words, 0, rows[r].words.size(), 0, out);
      ++r;
      continue;
    }
    // A block: consecutive rows clear of the gutter, broken also at a
    // vertical gap of more than three lines, which separates a footer or a
    // letterhead from the body even when they keep clear of the gutter.
    // A rule across the gutter ends the columns above it: no column runs
    // on past a rule drawn over both (a heading ruled above and below,
    // spanning them).
    auto ruled_across = [&](std::size_t k) {
      return std::any_of(rules.begin(), rules.end(), [&](const Rule& rule) {
        return rule.y0 == rule.y1 && rule.y0 >= rows[k - 1].y1 - 1 && rule.y0 <= rows[k].y0 + 1 &&
               rule.x0 < gutter - 10 && rule.x1 > gutter + 10;
      });
    };
    auto clear_end = [&](std::size_t from) {
      std::size_t to = from + 1;
      while (to < end && !Crosses(rows[to], gutter) &&
             rows[to].y0 - rows[to - 1].y1 < 3 * rows[to - 1].height && !ruled_across(to)) {
        ++to;
      }
      return to;
    };
    std::size_t block_end = clear_end(r);
    // The halves of a signature block, parted by the space to sign in.
    bool signatures = false;
    while (block_end < end && !Crosses(rows[block_end], gutter)) {
      const std::size_t next = clear_end(block_end);
      if (!SameTwoColumns(rows, r, block_end, next, gutter)) break;
      block_end = next;
      signatures = true;
    }
    block_end = EndOfColumns(rows, r, block_end, gutter);
    const std::size_t flow_end = LeftFlowEnd(rows, r, block_end, end, gutter);
    // Columns wrapped around a callout over the gutter (taken out of the
    // page, callouts.h) stop short at its frame, as a form's values stop
    // short of the column's edge: two columns all the same.
    const bool around_callout = std::any_of(callouts.begin(), callouts.end(), [&](const Callout& c) {
      return c.x0 < gutter && c.x1 > gutter && c.y0 < rows[block_end - 1].y1 && c.y1 > rows[r].y0;
    });
    const bool as_columns = around_callout || LeftBoxInText(rows, r, block_end, end, gutter) ||
                            (signatures && SidesAlike(rows, r, block_end, gutter));
    EmitBlock(rows, r, block_end, flow_end, as_columns, gutter, page_width, out);
    r = flow_end;
  }
}


// A dot that opens a line of text is a list bullet drawn as a shape: it
// sits inside the band of the word right of it, is under 0.6 of that
// word's height (a bullet is set about the x-height), and that word is
// within 2.5 em to its right with nothing between them or in the 2 em
// before the dot. Dots elsewhere (a chart's markers, a decoration) have no
// such word and are left out. The bullet is given the word's band, so it
// groups into the word's row like a glyph.
void AddDrawnBullets(std::vector<Word>& words, const std::vector<Dot>& dots) {
  if (dots.empty() || dots.size() > 500) return;  // hundreds: a chart, not a list
  std::vector<Word> bullets;
  std::vector<const Word*> opened;  // the words given a bullet
  for (const Dot& d : dots) {
    const double cy = (d.y0 + d.y1) / 2;
    const Word* next = nullptr;
    bool opens = true;
    for (const Word& w : words) {
      const double h = w.y1 - w.y0;
      if (cy < w.y0 || cy > w.y1 || d.y1 - d.y0 > 0.6 * h) continue;
      const double em = FontSize(w);
      if (w.x1 > d.x0 - 2 * em && w.x0 < d.x0) opens = false;
      if (w.x0 >= d.x1 && w.x0 - d.x1 <= 2.5 * em && (next == nullptr || w.x0 < next->x0)) {
        next = &w;
      }
    }
    // One bullet per item: a disc drawn filled and stroked is two dots.
    if (next == nullptr || !opens ||
        std::find(opened.begin(), opened.end(), next) != opened.end()) {
      continue;
    }
    opened.push_back(next);
    Word bullet;
    bullet.text = "\xE2\x80\xA2";  // •
    bullet.x0 = d.x0;
    bullet.x1 = d.x1;
    bullet.y0 = next->y0;
    bullet.y1 = next->y1;
    bullet.font_size = next->font_size;
    bullets.push_back(std::move(bullet));
  }
  for (Word& b : bullets) words.push_back(std::move(b));
}

// The horizontal rules of `rules`, pieces that meet or overlap at one
// height (to within a point) joined into one rule.
std::vector<Rule> JoinedHorizontalRules(const std::vector<Rule>& rules) {
  std::vector<Rule> pieces;
  for (const Rule& r : rules) {
    if (r.y0 == r.y1) pieces.push_back(r);
  }
  std::sort(pieces.begin(), pieces.end(), [](const Rule& a, const Rule& b) {
    return a.y0 != b.y0 ? a.y0 < b.y0 : a.x0 < b.x0;
  });
  std::vector<Rule> joined;
  for (const Rule& r : pieces) {
    if (!joined.empty() && r.y0 - joined.back().y0 <= 0.5 && r.x0 <= joined.back().x1 + 1) {
      joined.back().x1 = std::max(joined.back().x1, r.x1);
    } else {
      joined.push_back(r);
    }
  }
  return joined;
}

// A table drawn with horizontal rules only, in one column of a page set in
// two (a LaTeX \\hline or booktabs table in an article's right column): the
// page's aligned-table search sees the left column's lines beside it as
// more columns of the table. Rules of one width stacked two or more deep
// mark the table's box; when text stands beside that box, on two rows or
// more, the words inside it are read as a table on their own, and only
// rows read as a table replace their words. Without text beside it, the
// page-level search reads the table as before. The rules must be under
// 0.6 of the page's width, as a column is: rules across the text width
// are a running header's and footer's, or a full-width table's, with at
// most a margin note beside them. A rule drawn cell by cell (Chromium,
// Word) is one rule: its pieces meet end to end at one height.
void ReadTablesBeside(std::vector<Word>& words, const std::vector<Rule>& rules,
                      double page_width) {
  if (words.empty()) return;
  std::vector<Rule> horizontal = JoinedHorizontalRules(rules);
  std::erase_if(horizontal, [page_width](const Rule& r) {
    return r.x1 - r.x0 < 36 || r.x1 - r.x0 >= 0.6 * page_width;
  });
  std::sort(horizontal.begin(), horizontal.end(),
            [](const Rule& a, const Rule& b) { return a.y0 < b.y0; });
  std::vector<bool> used(horizontal.size(), false);
  for (std::size_t i = 0; i < horizontal.size(); ++i) {
    if (used[i]) continue;
    const Rule& top = horizontal[i];
    double bottom = top.y0;
    int count = 0;
    for (std::size_t k = i; k < horizontal.size(); ++k) {
      if (std::abs(horizontal[k].x0 - top.x0) <= 1 && std::abs(horizontal[k].x1 - top.x1) <= 1) {
        used[k] = true;
        bottom = horizontal[k].y0;
        ++count;
      }
    }
    if (count < 2) continue;
    // The header row sits on the top rule when the rules are drawn under
    // each row (an HTML table's borders): words of one band right above
    // it, the band's other words well clear of the box (a heading or a
    // paragraph across it stays where it is).
    const double em = FontSize(words.front());
    auto on_top = [&](const Word& w) {
      return !w.table_row && w.y1 <= top.y0 + 0.5 && top.y0 - w.y1 <= 0.6 * FontSize(w);
    };
    bool header_clear = true;
    for (const Word& w : words) {
      if (!on_top(w)) continue;
      const double cx = (w.x0 + w.x1) / 2;
      const bool in_box = cx > top.x0 - 1 && cx < top.x1 + 1;
      if (in_box ? (w.x0 < top.x0 - 1 || w.x1 > top.x1 + 1)
                 : (w.x1 > top.x0 - em && w.x0 < top.x1 + em)) {
        header_clear = false;
      }
    }
    auto inside = [&](const Word& w) {
      const double cx = (w.x0 + w.x1) / 2, cy = (w.y0 + w.y1) / 2;
      if (w.table_row || cx <= top.x0 - 1 || cx >= top.x1 + 1) return false;
      return (cy > top.y0 && cy < bottom) || (header_clear && on_top(w));
    };
    std::vector<double> beside;  // centres of the words beside the box
    for (const Word& w : words) {
      const double cy = (w.y0 + w.y1) / 2;
      if (cy > top.y0 && cy < bottom && (w.x1 < top.x0 - 1 || w.x0 > top.x1 + 1)) {
        beside.push_back(cy);
      }
    }
    const auto [low, high] = std::minmax_element(beside.begin(), beside.end());
    if (beside.empty() || *high - *low < 0.5 * FontSize(words.front())) continue;
    std::vector<Word> in, kept;
    for (Word& w : words) (inside(w) ? in : kept).push_back(std::move(w));
    std::vector<Row> rows = GroupRows(std::move(in));
    ReadAlignedTables(rows, rules);
    for (Row& row : rows) {
      for (Word& w : row.words) kept.push_back(std::move(w));
    }
    words = std::move(kept);
  }
}

// Reads the page's callouts (callouts.h) after its text, before its foot.
void AddCallouts(std::vector<Callout> callouts, double page_width, const std::vector<Dot>& dots,
                 std::vector<TextLine>& out) {
  if (callouts.empty()) return;
  std::vector<TextLine> lines;
  for (Callout& callout : callouts) {
    for (TextLine& line : BuildLines(std::move(callout.words), page_width, {}, dots)) {
      lines.push_back(std::move(line));
    }
  }
  // A foot line stands apart from the text above it; a column's last
  // short line does not, and the callout comes after it.
  std::size_t at = PageFootStart(out);
  while (at < out.size()) {
    double above = -1e9;
    for (std::size_t k = 0; k < at; ++k) above = std::max(above, out[k].y1);
    if (out[at].y0 - above >= out[at].y1 - out[at].y0) break;
    ++at;
  }
  out.insert(out.begin() + static_cast<std::ptrdiff_t>(at), std::make_move_iterator(lines.begin()),
             std::make_move_iterator(lines.end()));
}

// The page's lines in reading order (BuildLines without the callouts and
// the footnotes' move).
std::vector<TextLine> ReadPage(std::vector<Word> words, double page_width,
                               const std::vector<Rule>& rules, const std::vector<Dot>& dots,
                               const std::vector<Callout>& callouts) {
  std::vector<TextLine> out;
  AddDrawnBullets(words, dots);
  ReadTables(words, rules);
  ReadTablesBeside(words, rules, page_width);
  std::vector<Row> rows = GroupRows(std::move(words));
  ReadAlignedTables(rows, rules);
  // A gutter shared by the whole page (two-column body text, possibly with
  // full-width headings and running lines across it).
  bool any_run = false;
  const double page_gutter = FindGutterIn(rows, 0, rows.size(), 0, page_width, &any_run);
  if (page_gutter >= 0) {
    EmitRegion(rows, 0, rows.size(), page_gutter, page_width, rules, callouts, out);
    return out;
  }
  // Otherwise each slab of rows set apart by vertical white space (a
  // letterhead, a signature block, a short two-column passage) gets its own
  // chance: more than a line's height of space parts slabs, while
  // paragraph spacing (half a line, typically) does not.
  std::size_t begin = 0;
  while (begin < rows.size()) {
    std::size_t end = SlabEnd(rows, begin, rows.size());
    const double gutter = any_run ? FindGutter(rows, begin, end, page_width) : -1;
    // Two parties' signature blocks: place and date, the space to sign in,
    // then name and title, each party's lines starting at one x. The slabs
    // either side of the space are one block.
    while (gutter >= 0 && end < rows.size()) {
      const std::size_t next = SlabEnd(rows, end, rows.size());
      if (!SameTwoColumns(rows, begin, end, next, gutter)) break;
      end = next;
    }
    EmitRegion(rows, begin, end, gutter, page_width, rules, callouts, out);
    begin = end;
  }
  return out;
}

}  // namespace

std::vector<TextLine> BuildLines(std::vector<Word> words, double page_width,
                                 const std::vector<Rule>& rules, const std::vector<Dot>& dots) {
  std::vector<Callout> callouts = TakeCallouts(words, rules, page_width);
  // A callout's frame goes with it: drawn across the gutter, it would end
  // the columns wrapped around it (EmitRegion).
  std::vector<Rule> without_frames;
  if (!callouts.empty()) {
    for (const Rule& r : rules) {
      const bool frame = std::any_of(callouts.begin(), callouts.end(), [&r](const Callout& c) {
        return r.x0 >= c.x0 - 2 && r.x1 <= c.x1 + 2 && r.y0 >= c.y0 - 2 && r.y1 <= c.y1 + 2;
      });
      if (!frame) without_frames.push_back(r);
    }
  }
  std::vector<TextLine> out =
      ReadPage(std::move(words), page_width, callouts.empty() ? rules : without_frames, dots,
               callouts);
  AddCallouts(std::move(callouts), page_width, dots, out);
  MoveFootnotesToPageEnd(out);
  return out;
}

}  // namespace diar::extract_internal
