#include "pipeline/normalise/paragraphs.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <string_view>

#include "pipeline/normalise/normalise.h"

namespace diar::normalise_internal {
namespace {

constexpr const char* kBullet = "\xE2\x80\xA2";  // U+2022
constexpr const char* kEnDash = "\xE2\x80\x93";  // U+2013

bool StartsBullet(const std::string& t) { return t.rfind(kBullet, 0) == 0; }

// "1. ", "12) ", "a) ", "(3) " opening a line: the label of a numbered
// list item.
bool StartsListLabel(const std::string& t) {
  std::size_t i = t.rfind('(', 0) == 0 ? 1 : 0;
  const std::size_t digits = t.find_first_not_of("0123456789", i);
  if (digits != std::string::npos && digits > i && digits - i <= 2) {
    i = digits;
  } else if (i < t.size() && t[i] >= 'a' && t[i] <= 'z') {
    ++i;
  } else {
    return false;
  }
  if (i >= t.size() || (t[i] != '.' && t[i] != ')') || (t[0] == '(' && t[i] != ')')) return false;
  return i + 1 < t.size() && t[i + 1] == ' ';
}

bool EndsWith(const std::string& t, const char* suffix) {
  const std::string s(suffix);
  return t.size() >= s.size() && t.compare(t.size() - s.size(), s.size(), s) == 0;
}

UChar32 First(const std::string& t) {
  if (t.empty()) return 0;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(t.data(), i, static_cast<int32_t>(t.size()), c);
  return c;
}

bool StartsLower(const std::string& t) { return u_islower(First(t)); }

bool EndsSentence(const std::string& t) {
  std::size_t e = t.size();
  while (e > 0 && (t[e - 1] == ')' || t[e - 1] == '"' || t[e - 1] == '\'')) --e;
  return e > 0 && (t[e - 1] == '.' || t[e - 1] == '!' || t[e - 1] == '?' || t[e - 1] == ':');
}

// Ends in a hyphen glued to a letter or digit: "regional-", not "text -".
bool EndsWithWordHyphen(const std::string& t) {
  if (t.size() < 2 || t.back() != '-') return false;
  const unsigned char before = static_cast<unsigned char>(t[t.size() - 2]);
  return before >= 0x80 || std::isalnum(before);
}

bool EndsWithGluedEnDash(const std::string& t) {
  const std::size_t n = std::string(kEnDash).size();
  return EndsWith(t, kEnDash) && t.size() > n && t[t.size() - n - 1] != ' ';
}

// An entry of a table of contents: "1.1 Syfte och mål ........ 3". It ends
// with a page number (digits, or a roman numeral in one case) after a
// leader of five dots or more (".", "·" or "…" as three, spaced or not).
// Running text never ends so (an ellipsis is three), and an entry is a
// paragraph of its own however full its line. Returns where the leader
// starts and where the page number starts; none when `t` is no entry.
std::optional<std::pair<std::size_t, std::size_t>> LeaderAndPage(const std::string& t) {
  std::size_t e = t.size();
  while (e > 0 && t[e - 1] == ' ') --e;
  auto number = [&](std::string_view digits) {
    std::size_t d = e;
    while (d > 0 && digits.find(t[d - 1]) != std::string_view::npos) --d;
    return d;
  };
  std::size_t d = number("0123456789");
  if (d == e) d = number("ivxlc");
  if (d == e) d = number("IVXLC");
  if (d == e || e - d > 6) return std::nullopt;
  int dots = 0;
  std::size_t i = d;
  while (i > 0) {
    if (t[i - 1] == ' ') {
      --i;
    } else if (t[i - 1] == '.') {
      ++dots, --i;
    } else if (i >= 3 && t.compare(i - 3, 3, "\u2026") == 0) {
      dots += 3, i -= 3;
    } else if (i >= 2 && t.compare(i - 2, 2, "\u00b7") == 0) {
      ++dots, i -= 2;
    } else {
      break;
    }
  }
  if (dots < 5) return std::nullopt;
  return std::make_pair(i, d);
}

bool EndsWithLeaderAndPage(const std::string& t) { return LeaderAndPage(t).has_value(); }

// An entry's leader is layout, as a tab in the document's source: the
// title and the page number are parted by one space ("1.1 Syfte och mål 3").
// A leader that is the whole entry's text before the number (a row of dots
// and a number, no title) stays.
void DropLeader(std::string& t) {
  const auto span = LeaderAndPage(t);
  if (!span || span->first == 0) return;
  t = t.substr(0, span->first) + " " + t.substr(span->second);
}

// A field of a letterhead or a protocol's form: "Tid: ", "Plats: ",
// "Vår referens: ", "E-post: " opening a line, one to four words of
// letters, the first capitalised, the last ending in a colon. Two fields
// in a row are two paragraphs however short their lines.
bool StartsWithField(const std::string& t) {
  if (!u_isupper(First(t))) return false;
  // Letters and hyphens only ("E-post"), and at least one letter.
  auto is_word = [](std::string_view word) {
    bool letter = false;
    for (int32_t i = 0, n = static_cast<int32_t>(word.size()); i < n;) {
      UChar32 c;
      U8_NEXT(word.data(), i, n, c);
      if (u_isalpha(c)) {
        letter = true;
      } else if (c != '-') {
        return false;
      }
    }
    return letter;
  };
  std::size_t i = 0;
  for (int words = 1; words <= 4; ++words) {
    const std::size_t end = t.find(' ', i);
    const std::string_view word(t.data() + i, (end == std::string::npos ? t.size() : end) - i);
    if (word.size() >= 2 && word.back() == ':') return is_word(word.substr(0, word.size() - 1));
    if (!is_word(word) || end == std::string::npos) return false;
    i = end + 1;
  }
  return false;
}

std::string LastWord(const std::string& t) {
  const std::size_t space = t.rfind(' ');
  return space == std::string::npos ? t : t.substr(space + 1);
}

std::string FirstWord(const std::string& t) { return t.substr(0, t.find(' ')); }

// The first two words of `t` (one when it has one), as a run of text that
// must fit for the line before to have been broken on purpose. Two, not
// one: producers keep words tied by a no-break space ("§ 22", "3 kap.")
// together, and cleaning has made that space an ordinary one.
std::string FirstTwoWords(const std::string& t) {
  const std::size_t first = t.find(' ');
  if (first == std::string::npos) return t;
  return t.substr(0, t.find(' ', first + 1));
}

int SizeKey(double size) { return static_cast<int>(std::lround(size * 2)); }

double Centre(const Line& l) { return (l.y0 + l.y1) / 2; }

double Median(std::vector<double>& v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

bool SameRow(const Line& a, const Line& b) {
  const double overlap = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
  return overlap >= 0.5 * std::min(a.Height(), b.Height()) && b.x0 >= a.x1 - 1;
}

// The line pitch (centre to centre) of running text, per font size, over the
// whole document: most consecutive lines are inside paragraphs, so the
// median is the pitch and paragraph gaps stand out above it.
class Pitches {
 public:
  explicit Pitches(const std::vector<std::vector<Line>>& pages) {
    std::map<int, std::vector<double>> by_size;
    std::vector<double> all;
    std::vector<double> all_sizes;
    for (const auto& lines : pages) {
      for (std::size_t i = 1; i < lines.size(); ++i) {
        const Line& a = lines[i - 1];
        const Line& b = lines[i];
        if (!a.has_box || !b.has_box || a.column != b.column) continue;
        const double d = Centre(b) - Centre(a);
        if (d < 0.5 * a.Height() || d > 3 * std::max(a.Height(), b.Height())) continue;
        all.push_back(d);
        if (a.font_size > 0) all_sizes.push_back(a.font_size);
        if (a.font_size > 0 && SizeKey(a.font_size) == SizeKey(b.font_size)) {
          by_size[SizeKey(a.font_size)].push_back(d);
        }
      }
    }
    for (auto& [key, v] : by_size) {
      // Three pairs at least, or the "median" is a paragraph gap.
      if (v.size() >= 3) pitch_[key] = Median(v);
    }
    fallback_ = Median(all);
    fallback_size_ = Median(all_sizes);
  }

  // Whether lines of a's size have a pitch of their own (three pairs or
  // more); else For gives the document's, mostly the body's.
  bool Own(const Line& a) const {
    return a.font_size > 0 && pitch_.count(SizeKey(a.font_size)) > 0;
  }

  // Expected pitch after line `a`; 0 when unknown. A size without a pitch
  // of its own set larger than the text the document's pitch comes from (a
  // title wrapped over two lines) gets that pitch grown with the size, as
  // line spacing is a multiple of the font size: the body's pitch would
  // part the title's lines.
  double For(const Line& a) const {
    auto it = pitch_.find(SizeKey(a.font_size));
    if (a.font_size > 0 && it != pitch_.end()) return it->second;
    if (fallback_ <= 0) return 0;
    if (a.font_size > 0 && fallback_size_ > 0 && a.font_size > fallback_size_) {
      return fallback_ * a.font_size / fallback_size_;
    }
    return fallback_;
  }

 private:
  std::map<int, double> pitch_;
  double fallback_ = 0;
  double fallback_size_ = 0;  // median font size of the lines fallback_ is measured on
};

struct Edges {
  double left = 1e9, right = -1e9;
};

std::map<int, Edges> ColumnEdges(const std::vector<Line>& lines) {
  std::map<int, Edges> edges;
  for (const Line& l : lines) {
    if (!l.has_box) continue;
    Edges& e = edges[l.column];
    e.left = std::min(e.left, l.x0);
    e.right = std::max(e.right, l.x1);
  }
  return edges;
}

// Would the start of `b` have fitted at the end of `a`, before `right`?
// Then `a` was not wrapped: it was ended on purpose (a heading set in the
// body's size, a list item, a footnote, a signature, a line of an
// address). Wrapped lines never leave room for the next words; lines ending
// in a hyphen or a glued en dash were broken inside a word or a range. The
// width is estimated from the average width of b's characters, with a fifth
// to spare for wide letters.
//
// Room alone is not enough: text whose line breaks were typed (pasted from
// another document, or set by a tool that keeps its source's breaks) leaves
// room everywhere. So the break must also show in the words: `a` ends a
// sentence or clause, or is a short line (under half the text's width: a
// heading, a name), or `b` opens a list item, or the whole of `b` would
// have fitted (the next row of a form); and `b` does not start in lower
// case, as text going on does. A scan's lines (OCR) need only room and
// the same left edge.
bool NextWordsFitted(const Line& a, const Line& b, double right) {
  if (EndsWithWordHyphen(a.text) || EndsWithGluedEnDash(a.text) || a.soft_hyphen_end ||
      right <= a.x1 || StartsLower(b.text)) {
    return false;
  }
  const std::size_t chars = CodePointCount(b.text);
  if (chars == 0 || b.x1 <= b.x0) return false;
  const double per_char = (b.x1 - b.x0) / static_cast<double>(chars);
  const double need = 1.2 * per_char * static_cast<double>(CodePointCount(FirstTwoWords(b.text)) + 1);
  const double em = std::max(1.0, a.Height() / 1.2);
  if (a.ocr && b.ocr && std::abs(b.x0 - a.x0) < 0.5 * em) {
    // A scan: OCR gives no font, so a letterhead's or a form's rows and
    // the line after a heading show no change of size or weight; but text
    // read from paper never had its breaks typed for another layout, so
    // room for the next word, beside a next line at the same left edge
    // that does not go on in lower case (a capital, a figure: "901 83
    // Umeå"), is a line ended on purpose. The next
    // word alone, as a heading set larger leaves room for less than two of
    // the body's words; two when the first is short, as words tied by a
    // no-break space ("§ 22", "3 kap.") wrap together.
    const std::string first = FirstWord(b.text);
    const std::size_t first_chars = CodePointCount(first);
    const std::size_t fit = first_chars > 3 ? first_chars : CodePointCount(FirstTwoWords(b.text));
    return right - a.x1 > 1.2 * per_char * static_cast<double>(fit + 1);
  }
  if (right - a.x1 <= need) return false;
  const double left = std::min(a.x0, b.x0);
  return EndsSentence(a.text) || a.text.back() == ';' ||
         StartsListLabel(b.text) || StartsBullet(b.text) ||
         a.x1 - a.x0 < 0.5 * (right - left) || 1.2 * (b.x1 - b.x0 + per_char) < right - a.x1;
}

// Should a paragraph break come between laid-out lines a and b? `item_x0`
// is the left edge of the current paragraph's first line when it is a
// list item (bullet or numbered) whose lines hang, else a negative value.
// `right` is the right edge of the text around a and b (NextWordsFitted).
bool BreaksLaidOut(const Line& a, const Line& b, double item_x0, const Pitches& pitches,
                   const std::map<int, Edges>& edges, double right) {
  if (StartsBullet(b.text)) return true;
  if (SameRow(a, b)) return false;
  // A range wrapped at its dash ("2024–" / "2030") goes on as a word
  // broken at a hyphen does.
  const bool continues = StartsLower(b.text) || EndsWithWordHyphen(a.text) ||
                         (EndsWithGluedEnDash(a.text) && u_isdigit(First(b.text)));
  if (b.column != a.column || Centre(b) < Centre(a)) {
    // A jump to the next column or back up the page: no spacing to go by.
    return !continues;
  }
  if (a.font_size > 0 && b.font_size > 0 &&
      (std::abs(a.font_size - b.font_size) > 0.75 || a.bold != b.bold)) {
    return true;
  }
  // A heading set larger and wrapped inside a word ("2 Bakgrund och
  // tidigare forsk-" / "ning") has no pitch of its size to go by: the
  // body's is too small for it, and the word going on in lower case says
  // the line goes on.
  const double pitch = pitches.For(a);
  const bool word_goes_on = EndsWithWordHyphen(a.text) && StartsLower(b.text);
  if (pitch > 0 && Centre(b) - Centre(a) > pitch * 1.2 + 0.5 &&
      !(word_goes_on && !pitches.Own(a))) {
    return true;
  }
  if (NextWordsFitted(a, b, right)) return true;
  const double em = a.font_size > 0 ? a.font_size : std::max(1.0, a.Height() / 1.2);
  if (item_x0 >= 0) {
    // Inside a list item continuation lines hang right of the label; a
    // line back at the label's edge is the next item or a new paragraph.
    if (b.x0 <= item_x0 + 0.3 * em) return true;
  } else if (b.x0 > a.x0 + 0.5 * em && !continues) {
    return true;
  }
  auto e = edges.find(a.column);
  if (EndsSentence(a.text) && !continues && e != edges.end()) {
    const double width = e->second.right - e->second.left;
    if (width > 0 && e->second.right - a.x1 > width / 3) return true;
  }
  return false;
}

}  // namespace

void AppendLine(std::string& para, bool soft_hyphen_end, const std::string& next,
                const HyphenEvidence& evidence, bool typed_hyphen_end) {
  if (para.empty()) {
    para = next;
    return;
  }
  if (soft_hyphen_end) {
    para += next;
    return;
  }
  if (EndsWithWordHyphen(para)) {
    switch (DecideHyphen(LastWord(para), FirstWord(next), evidence, typed_hyphen_end)) {
      case HyphenChoice::kJoin:
        para.pop_back();
        para += next;
        return;
      case HyphenChoice::kKeep:
        para += next;
        return;
      case HyphenChoice::kKeepSpaced:
        break;
    }
  } else if (EndsWithGluedEnDash(para) && !StartsLower(next)) {
    para += next;  // "2021–" + "2023"
    return;
  }
  para += ' ';
  para += next;
}

namespace {

// A table row's cells with their wrapped lines (U+2028 between them) joined
// as a paragraph's lines are: "och informa-" + "tion om stöd" is one word.
std::string JoinCellLines(const std::string& row, const HyphenEvidence& evidence) {
  static const std::string kLineSeparator = "\xE2\x80\xA8";
  std::string out;
  std::size_t start = 0;
  while (start <= row.size()) {
    const std::size_t end = std::min(row.find(kLineSeparator, start), row.size());
    AppendLine(out, false, row.substr(start, end - start), evidence);
    start = end + kLineSeparator.size();
  }
  return out;
}

// How far a column's lines may reach, whatever its own lines show: a block
// of short lines read column by column (a letterhead's sender, its "Datum"
// and "Dnr") has no wrapped line to show the width. A column goes to an em
// before the next column to its right starts, the rightmost one to the
// page's text edge. Found once per page.
struct ColumnReach {
  double text_edge = -1;
  std::map<int, double> next_start;  // per column >= 1 with one to its right
};

ColumnReach ColumnReaches(const std::vector<Line>& lines) {
  ColumnReach reach;
  std::map<int, double> left;
  for (const Line& l : lines) {
    if (l.table_row) continue;
    reach.text_edge = std::max(reach.text_edge, l.x1);
    if (l.column < 1 || !l.has_box) continue;
    const auto [it, added] = left.emplace(l.column, l.x0);
    if (!added) it->second = std::min(it->second, l.x0);
  }
  for (const auto& [column, x] : left) {
    double next = -1;
    for (const auto& [other, y] : left) {
      if (y > x && (next < 0 || y < next)) next = y;
    }
    if (next >= 0) reach.next_start[column] = next;
  }
  return reach;
}

// The right edge of the text around the break between lines i - 1 and i:
// the widest of the lines from i - 6 to i + 3 in that column: not the
// page's edge, so a block set narrower beside a picture is not short
// unless it is short (a picture's height is a dozen lines or more); but
// wide enough to reach past a paragraph's short last line, a few one-line
// footnotes or the rows of a form to a line of full width. A column's
// lines reach at least as far as the column goes (ColumnReach).
//
// A line that no other line around reaches half as far as (from its own
// left edge), or whose lines around reach a third of the column's width
// at most, shows no edge it was wrapped at: it is a line of its own
// among short ones (a page opening with one-line paragraphs, each a line
// of a list or a site's menu), and only its column's lines elsewhere on
// the page show how far text goes. A block narrowed beside a picture has
// other wrapped lines of about its width around it.
double LocalRight(const std::vector<Line>& lines, std::size_t i, const ColumnReach& reach,
                  const std::map<int, Edges>& edges) {
  const Line& a = lines[i - 1];
  const int column = a.column;
  double others = -1;
  for (std::size_t k = i >= 6 ? i - 6 : 0; k <= std::min(i + 3, lines.size() - 1); ++k) {
    if (k != i - 1 && lines[k].column == column && !lines[k].table_row) {
      others = std::max(others, lines[k].x1);
    }
  }
  double right = a.table_row ? others : std::max(others, a.x1);
  if (!a.table_row && a.has_box) {
    // A block of short lines (an address: "Trafikverket", "Box 810", "781 28
    // Borlänge") reaches a third of its column's width at most, which no
    // text wrapped narrower beside a picture does.
    const auto e = edges.find(column);
    if (e != edges.end() && (others - a.x0 < 0.5 * (a.x1 - a.x0) ||
                             right - a.x0 < (e->second.right - e->second.left) / 3)) {
      right = std::max(right, e->second.right);
    }
  }
  if (column >= 1) {
    const auto next = reach.next_start.find(column);
    const double em = lines[i - 1].font_size > 0 ? lines[i - 1].font_size : lines[i - 1].Height();
    right = std::max(right, next == reach.next_start.end() ? reach.text_edge : next->second - em);
  }
  return right;
}

// The number a note opens with ("2 Fem av tolv ..." gives 2), -1 when
// `t` does not open with a number of one to three digits and a space.
int NoteNumber(const std::string& t) {
  const std::string first = FirstWord(t);
  if (first.empty() || first.size() > 3 || first.size() == t.size() ||
      !std::all_of(first.begin(), first.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return -1;
  }
  return std::stoi(first);
}

// Footnotes set smaller than the page's text, one after another: a note
// that fills its line runs straight on into the next, whose number (one
// more than the paragraph's) is what shows the break. Body text starting
// a line with the next number is set at the body's size and is left.
bool StartsNextNote(const std::string& para, const Line& first, const Line& b, double body_size) {
  if (body_size <= 0 || b.font_size <= 0 || b.font_size > body_size - 1) return false;
  const int n = NoteNumber(para);
  const double em = b.font_size;
  return n >= 0 && NoteNumber(b.text) == n + 1 && std::abs(b.x0 - first.x0) <= 0.5 * em;
}

std::vector<std::string> LaidOutParagraphs(const std::vector<Line>& lines,
                                           const Pitches& pitches,
                                           const HyphenEvidence& evidence) {
  std::vector<std::string> out;
  const std::map<int, Edges> edges = ColumnEdges(lines);
  const ColumnReach reach = ColumnReaches(lines);
  std::string para;
  double item_x0 = -1;
  bool numbered = false;  // the paragraph opened with a numbered label
  std::size_t first = 0;  // the paragraph's first line
  std::vector<double> sizes;
  for (const Line& l : lines) {
    if (l.font_size > 0) sizes.push_back(l.font_size);
  }
  std::sort(sizes.begin(), sizes.end());
  const double body_size = sizes.empty() ? 0 : sizes[sizes.size() / 2];
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& b = lines[i];
    const std::string text = b.table_row ? JoinCellLines(b.text, evidence) : b.text;
    if (i > 0) {
      const Line& a = lines[i - 1];
      // A table row is a line of its own, and so is a stamp along the edge.
      const bool table = a.table_row || b.table_row || a.vertical || b.vertical;
      const bool same_row = !table && SameRow(a, b);
      if (numbered && !same_row && para == a.text && !StartsListLabel(b.text)) {
        // A typed "1. " whose text wraps back to the label's edge is a
        // paragraph like any other, not a hanging item.
        const double em = a.font_size > 0 ? a.font_size : std::max(1.0, a.Height() / 1.2);
        if (b.x0 <= item_x0 + 0.3 * em) item_x0 = -1;
      }
      if (table ||
          (!same_row && (EndsWithLeaderAndPage(para) || (StartsWithField(para) && StartsWithField(b.text)) ||
                         BreaksLaidOut(a, b, item_x0, pitches, edges, LocalRight(lines, i, reach, edges)) ||
                         StartsNextNote(para, lines[first], b, body_size)))) {
        if (!para.empty()) out.push_back(std::move(para));
        para.clear();
        item_x0 = -1;
      }
      if (same_row && !para.empty()) {
        // Fragments of one row: "•" and its text, cells, tab stops; also a
        // column's last line beside the next column's first, when two
        // balanced columns of one line each are all there is to show the
        // gutter, so a hyphen there is repaired as at a line end.
        if (EndsWithWordHyphen(para)) {
          AppendLine(para, false, text, evidence);
        } else {
          para += ' ';
          para += text;
        }
        continue;
      }
      AppendLine(para, a.soft_hyphen_end, text, evidence, a.typed_hyphen_end);
    } else {
      para = text;
    }
    if (para == b.text) {
      first = i;
      numbered = StartsListLabel(b.text);
      if (numbered || StartsBullet(b.text)) item_x0 = b.x0;
    }
  }
  if (!para.empty()) out.push_back(std::move(para));
  return out;
}

std::vector<std::string> PlainParagraphs(const std::vector<Line>& lines,
                                         const HyphenEvidence& evidence) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (begin < lines.size()) {
    std::size_t end = begin + 1;
    while (end < lines.size() && !lines[end].after_blank) ++end;
    std::size_t longest = 0;
    for (std::size_t i = begin; i < end; ++i) longest = std::max(longest, lines[i].text.size());
    // Hard-wrapped: no line over 100 bytes (about 95 characters of Swedish).
    const bool wrapped = longest <= 100;
    std::string para;
    for (std::size_t i = begin; i < end; ++i) {
      const Line& b = lines[i];
      if (i > begin) {
        const Line& a = lines[i - 1];
        const bool joins = wrapped && !StartsBullet(b.text) && !EndsWithLeaderAndPage(a.text) &&
                           !(StartsWithField(para) && StartsWithField(b.text)) &&
                           (a.text.size() * 10 >= longest * 6 || EndsWithWordHyphen(a.text) ||
                            a.soft_hyphen_end) &&
                           !(EndsSentence(a.text) && !StartsLower(b.text) &&
                             a.text.size() * 10 < longest * 8);
        if (!joins) {
          if (!para.empty()) out.push_back(std::move(para));
          para.clear();
        }
        AppendLine(para, a.soft_hyphen_end, b.text, evidence, a.typed_hyphen_end);
      } else {
        para = b.text;
      }
    }
    if (!para.empty()) out.push_back(std::move(para));
    begin = end;
  }
  return out;
}

}  // namespace

std::vector<std::vector<std::string>> BuildParagraphs(const std::vector<std::vector<Line>>& pages,
                                                      const HyphenEvidence& evidence) {
  const Pitches pitches(pages);
  std::vector<std::vector<std::string>> out;
  out.reserve(pages.size());
  for (const auto& lines : pages) {
    const bool laid_out = !lines.empty() && lines.front().has_box;
    out.push_back(laid_out ? LaidOutParagraphs(lines, pitches, evidence)
                           : PlainParagraphs(lines, evidence));
  }
  for (std::vector<std::string>& page : out) {
    for (std::string& para : page) DropLeader(para);
  }
  // A word hyphenated across a page break goes whole to the first page.
  for (std::size_t p = 0; p + 1 < out.size(); ++p) {
    if (out[p].empty() || out[p + 1].empty()) continue;
    std::string& last = out[p].back();
    std::string& next = out[p + 1].front();
    if (!EndsWithWordHyphen(last) || StartsBullet(next)) continue;
    const std::string word = FirstWord(next);
    const HyphenChoice choice = DecideHyphen(LastWord(last), word, evidence);
    if (choice == HyphenChoice::kKeepSpaced) continue;
    if (choice == HyphenChoice::kJoin) last.pop_back();
    last += word;
    next.erase(0, std::min(next.size(), word.size() + 1));
    if (next.empty()) out[p + 1].erase(out[p + 1].begin());
  }
  return out;
}

}  // namespace diar::normalise_internal
