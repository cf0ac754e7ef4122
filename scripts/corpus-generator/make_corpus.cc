// make_corpus: renders the diar sample corpus (Swedish public-sector style
// PDFs) from small marked-up source files, together with the exact text a
// perfect extractor + normaliser should produce for each PDF.
//
// Usage: make_corpus SOURCES_DIR OUT_DIR [HYPHEN_TSV]
//   For every SOURCES_DIR/<name>.src writes OUT_DIR/<name>.pdf and
//   OUT_DIR/<name>.truth; if HYPHEN_TSV is given, also writes one row per
//   line-end hyphen of the whole corpus (file, before, after, expected).
//
// We do our own line breaking (paragraph-wide, words measured with Pango) so we
// know exactly where every line ends; that is what makes the truth files and
// the dehyphenation table exact rather than guessed.
//
// Source markup (UTF-8, line based)
// ---------------------------------
// Document directives (anywhere, usually at the top):
//   @layout report|letter|memo   page design (margins, fonts, chrome)
//   @title T / @subject S / @author BODY / @date YYYY-MM-DD   PDF metadata
//   @font-body FAMILY  @font-heading FAMILY  @body-size PT     typography
//   @justify on|off              justified or ragged-right body text
//   @header-left|-center|-right TEXT   running header ({page}, {pages})
//   @footer-left|-center|-right TEXT   running footer
//   @footer-outer TEXT           footer on the outer side (right on odd
//                                pages, left on even pages)
//   @letterhead NAME             first-page letterhead (replaces the running
//   @letterhead-sub TEXT           header on that page); sub lines,
//   @doctype TEXT                  document type label top right,
//   @field LABEL | VALUE           and label/value rows under it
// Blocks:
//   # H / ## H / ### H           headings (in `report`, # starts a new page)
//   - TEXT                       bullet item (truth line starts with "• ")
//   TEXT                         paragraph; consecutive lines are joined,
//                                a blank line ends the paragraph
//   @columns 2 ... @columns 1    set the enclosed blocks in two columns (on
//                                pages of their own); truth: column 1, then 2
//   @pagebreak                   start a new page
//   @image-page ... @end         the enclosed blocks form one page that is
//                                rasterised at 300 dpi (no text layer)
//   @cover ... @end              cover page, lines "logo|title|subtitle|
//                                bottom TEXT"; no header or footer
//   % TEXT                       comment
// Truth files: one line per heading, paragraph and bullet, "\f" alone on a
// line between pages, no headers/footers/page numbers, hyphenation undone.

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>
#include <hyphen.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace {

namespace fs = std::filesystem;

constexpr double kPageWidth = 595.276;  // A4 in PostScript points.
constexpr double kPageHeight = 841.890;
constexpr double kImageDpi = 300.0;
constexpr const char* kDefaultHyphenDict = "/usr/share/hyphen/hyph_sv_SE.dic";

// ---------------------------------------------------------------------------
// Source model

enum class BlockKind {
  kHeading,
  kParagraph,
  kBullet,
  kColumns,
  kPageBreak,
  kImagePageBegin,
  kImagePageEnd,
  kCover,
};

struct Block {
  explicit Block(BlockKind k) : kind(k) {}

  BlockKind kind;
  int level = 0;  // Heading level, or column count for kColumns.
  std::string text;
  std::vector<std::pair<std::string, std::string>> cover_lines;  // kind, text
  int source_line = 0;
};

struct Document {
  std::string name;
  std::map<std::string, std::string> meta;
  std::vector<std::string> letterhead_sub;
  std::vector<std::pair<std::string, std::string>> fields;
  std::vector<Block> blocks;

  std::string Meta(const std::string& key, const std::string& def = "") const {
    auto it = meta.find(key);
    return it == meta.end() ? def : it->second;
  }
};

std::string Trim(const std::string& s) {
  const char* ws = " \t\r\n";
  size_t b = s.find_first_not_of(ws);
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(ws);
  return s.substr(b, e - b + 1);
}

// Collapses runs of spaces so the truth never depends on source formatting.
std::string CollapseSpaces(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

[[noreturn]] void Fail(const std::string& file, int line, const std::string& msg) {
  std::ostringstream os;
  os << file << ":" << line << ": " << msg;
  throw std::runtime_error(os.str());
}

// Parses one .src file into directives and blocks.
Document ParseSource(const fs::path& path) {
  std::ifstream in(path);
  if (!in) Fail(path.string(), 0, "cannot open");
  Document doc;
  doc.name = path.stem().string();
  std::string raw;
  int line_no = 0;
  std::string para;  // Accumulates a paragraph or bullet across lines.
  BlockKind para_kind = BlockKind::kParagraph;
  int para_line = 0;
  bool in_cover = false;
  Block cover(BlockKind::kCover);

  auto flush = [&]() {
    if (para.empty()) return;
    Block b(para_kind);
    b.text = CollapseSpaces(para);
    b.source_line = para_line;
    doc.blocks.push_back(std::move(b));
    para.clear();
  };
  auto split_directive = [](const std::string& line) {
    size_t sp = line.find(' ');
    std::string key = line.substr(1, sp == std::string::npos ? std::string::npos : sp - 1);
    std::string value = sp == std::string::npos ? "" : Trim(line.substr(sp + 1));
    return std::make_pair(key, value);
  };

  while (std::getline(in, raw)) {
    ++line_no;
    std::string line = Trim(raw);
    if (in_cover) {
      if (line == "@end") {
        in_cover = false;
        doc.blocks.push_back(cover);
        continue;
      }
      if (line.empty()) continue;
      size_t sp = line.find(' ');
      if (sp == std::string::npos) Fail(path.string(), line_no, "cover line needs KIND TEXT");
      cover.cover_lines.emplace_back(line.substr(0, sp), Trim(line.substr(sp + 1)));
      continue;
    }
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '%') continue;
    if (line[0] == '@') {
      flush();
      auto [key, value] = split_directive(line);
      Block b(BlockKind::kParagraph);
      b.source_line = line_no;
      if (key == "columns") {
        b.kind = BlockKind::kColumns;
        b.level = std::atoi(value.c_str());
        if (b.level < 1 || b.level > 2) Fail(path.string(), line_no, "@columns takes 1 or 2");
        doc.blocks.push_back(b);
      } else if (key == "pagebreak") {
        b.kind = BlockKind::kPageBreak;
        doc.blocks.push_back(b);
      } else if (key == "image-page") {
        b.kind = BlockKind::kImagePageBegin;
        doc.blocks.push_back(b);
      } else if (key == "end") {
        b.kind = BlockKind::kImagePageEnd;
        doc.blocks.push_back(b);
      } else if (key == "cover") {
        in_cover = true;
        cover = Block(BlockKind::kCover);
        cover.source_line = line_no;
      } else if (key == "letterhead-sub") {
        doc.letterhead_sub.push_back(value);
      } else if (key == "field") {
        size_t bar = value.find('|');
        if (bar == std::string::npos) Fail(path.string(), line_no, "@field needs LABEL | VALUE");
        doc.fields.emplace_back(Trim(value.substr(0, bar)), Trim(value.substr(bar + 1)));
      } else {
        static const char* kKnown[] = {
            "layout", "title", "subject", "author", "date", "font-body",
            "font-heading", "body-size", "justify", "header-left",
            "header-center", "header-right", "footer-left", "footer-center",
            "footer-right", "footer-outer", "letterhead", "doctype"};
        if (std::find(std::begin(kKnown), std::end(kKnown), key) == std::end(kKnown)) {
          Fail(path.string(), line_no, "unknown directive @" + key);
        }
        doc.meta[key] = value;
      }
      continue;
    }
    if (line[0] == '#') {
      flush();
      size_t level = line.find_first_not_of('#');
      if (level == std::string::npos || level > 3 || line[level] != ' ') {
        Fail(path.string(), line_no, "heading must be '#', '##' or '###' followed by a space");
      }
      Block b(BlockKind::kHeading);
      b.level = static_cast<int>(level);
      b.text = CollapseSpaces(line.substr(level + 1));
      b.source_line = line_no;
      doc.blocks.push_back(b);
      continue;
    }
    if (line.rfind("- ", 0) == 0) {
      flush();
      para_kind = BlockKind::kBullet;
      para = line.substr(2);
      para_line = line_no;
      continue;
    }
    if (para.empty()) {
      para_kind = BlockKind::kParagraph;
      para_line = line_no;
      para = line;
    } else {
      para += " " + line;
    }
  }
  flush();
  if (in_cover) Fail(path.string(), line_no, "@cover without @end");
  return doc;
}

// ---------------------------------------------------------------------------
// Fonts and measuring

struct FontSpec {
  std::string family;
  double size = 10;
  bool bold = false;
  bool italic = false;
};

// Owns the Pango context used both to measure and to draw, so measured and
// drawn widths agree exactly (72 dpi: one Pango point is one PDF unit).
class Typesetter {
 public:
  Typesetter() {
    context_ = pango_font_map_create_context(pango_cairo_font_map_get_default());
    pango_cairo_context_set_resolution(context_, 72.0);
    cairo_font_options_t* options = cairo_font_options_create();
    // Hinting would make widths depend on the output resolution, and the
    // image page is drawn at 300 dpi from the same measurements.
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context_, options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(context_, FALSE);
  }
  ~Typesetter() {
    for (auto* fd : fonts_) pango_font_description_free(fd);
    g_object_unref(context_);
  }
  Typesetter(const Typesetter&) = delete;
  Typesetter& operator=(const Typesetter&) = delete;

  int Font(const FontSpec& spec) {
    std::string key = spec.family + "|" + std::to_string(spec.size) + "|" +
                      (spec.bold ? "b" : "") + (spec.italic ? "i" : "");
    auto it = font_ids_.find(key);
    if (it != font_ids_.end()) return it->second;
    PangoFontDescription* fd = pango_font_description_new();
    pango_font_description_set_family(fd, spec.family.c_str());
    pango_font_description_set_size(fd, static_cast<int>(spec.size * PANGO_SCALE));
    pango_font_description_set_weight(fd, spec.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(fd, spec.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    fonts_.push_back(fd);
    int id = static_cast<int>(fonts_.size()) - 1;
    font_ids_[key] = id;
    return id;
  }

  double Width(const std::string& text, int font) {
    auto key = std::make_pair(font, text);
    auto it = widths_.find(key);
    if (it != widths_.end()) return it->second;
    PangoLayout* layout = MakeLayout(text, font);
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    g_object_unref(layout);
    double w = static_cast<double>(logical.width) / PANGO_SCALE;
    widths_[key] = w;
    return w;
  }

  // Draws text with its baseline at (x, baseline).
  void Draw(cairo_t* cr, double x, double baseline, const std::string& text, int font) {
    PangoLayout* layout = MakeLayout(text, font);
    double layout_baseline = static_cast<double>(pango_layout_get_baseline(layout)) / PANGO_SCALE;
    cairo_move_to(cr, x, baseline - layout_baseline);
    pango_cairo_show_layout(cr, layout);
    g_object_unref(layout);
  }

 private:
  PangoLayout* MakeLayout(const std::string& text, int font) {
    PangoLayout* layout = pango_layout_new(context_);
    pango_layout_set_font_description(layout, fonts_.at(font));
    pango_layout_set_text(layout, text.c_str(), -1);
    return layout;
  }

  PangoContext* context_;
  std::vector<PangoFontDescription*> fonts_;
  std::map<std::string, int> font_ids_;
  std::map<std::pair<int, std::string>, double> widths_;
};

// ---------------------------------------------------------------------------
// Hyphenation

// How a line ends, which decides how the truth joins it to the next line.
enum class LineEnd {
  kSpace,           // Broke at a space (the last word may end in a real "-").
  kInsertedHyphen,  // We hyphenated a word: drop the "-" when joining.
  kRealHyphen,      // Broke after a hyphen inside a word ("EU-medel").
  kDash,            // Broke after an en dash inside a word ("2021–2023").
  kLast,            // Last line of its block.
};

struct BreakPoint {
  size_t byte;  // The line ends before this byte of the token.
  LineEnd kind;
};

bool IsDashOnly(const std::string& s) {
  return !s.empty() && (s == "-" || s == "–" || s == "—");
}

// Finds where a token may be split across lines, Swedish style: after real
// hyphens in compounds and year ranges, after en dashes in ranges, and at
// dictionary hyphenation points of purely alphabetic words.
class Hyphenator {
 public:
  explicit Hyphenator(const std::string& dict_path) {
    dict_ = hnj_hyphen_load(dict_path.c_str());
    if (dict_ == nullptr) {
      throw std::runtime_error("cannot load hyphenation patterns " + dict_path +
                               " (apt-get install hyphen-sv)");
    }
  }
  ~Hyphenator() { hnj_hyphen_free(dict_); }
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  std::vector<BreakPoint> BreakPoints(const std::string& token) const {
    std::vector<BreakPoint> out;
    // Addresses, links and glued tokens ("2019 –") are never split.
    if (token.find_first_of("@/ ") != std::string::npos ||
        token.find("www.") != std::string::npos) {
      return out;
    }
    auto [lead, core] = SplitPunctuation(token);
    if (core.empty()) return out;
    AddRealHyphens(core, lead, &out);
    AddDictionaryBreaks(core, lead, &out);
    std::sort(out.begin(), out.end(),
              [](const BreakPoint& a, const BreakPoint& b) { return a.byte < b.byte; });
    return out;
  }

 private:
  // Returns the byte length of leading punctuation and the word core
  // without leading or trailing punctuation.
  static std::pair<size_t, std::string> SplitPunctuation(const std::string& token) {
    static const std::string kLead = "(\"“”'«[";
    static const std::string kTrail = ".,:;!?)\"”“'»]";
    auto is_in = [](const std::string& set, const char* p) {
      gunichar c = g_utf8_get_char(p);
      gchar buf[8] = {0};
      g_unichar_to_utf8(c, buf);
      return set.find(buf) != std::string::npos;
    };
    const char* begin = token.c_str();
    const char* end = begin + token.size();
    const char* b = begin;
    while (b < end && is_in(kLead, b)) b = g_utf8_next_char(b);
    const char* e = end;
    while (e > b) {
      const char* prev = g_utf8_prev_char(e);
      if (!is_in(kTrail, prev)) break;
      e = prev;
    }
    return {static_cast<size_t>(b - begin), std::string(b, e)};
  }

  static bool AllDigits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  }

  static void AddRealHyphens(const std::string& core, size_t lead, std::vector<BreakPoint>* out) {
    for (size_t i = 0; i < core.size(); ++i) {
      bool hyphen = core[i] == '-';
      bool en_dash = core.compare(i, 3, "–") == 0;
      if (!hyphen && !en_dash) continue;
      size_t after = i + (hyphen ? 1 : 3);
      if (i == 0 || after >= core.size()) continue;
      std::string left = core.substr(0, i);
      std::string right = core.substr(after);
      gunichar lc = g_utf8_get_char(g_utf8_prev_char(core.c_str() + i));
      gunichar rc = g_utf8_get_char(core.c_str() + after);
      if (!g_unichar_isalnum(lc) || !g_unichar_isalnum(rc)) continue;
      bool digits = g_unichar_isdigit(lc) || g_unichar_isdigit(rc);
      if (digits) {
        // Only year ranges break; dates, case numbers and "Covid-19" do not.
        if (!(left.size() == 4 && right.size() == 4 && AllDigits(left) && AllDigits(right))) continue;
      } else if (g_utf8_strlen(left.c_str(), -1) < 2 || g_utf8_strlen(right.c_str(), -1) < 3) {
        continue;  // "e-tjänst" or "x-ax" look wrong split.
      }
      if (en_dash && !digits) continue;
      out->push_back({lead + after, hyphen ? LineEnd::kRealHyphen : LineEnd::kDash});
    }
  }

  void AddDictionaryBreaks(const std::string& core, size_t lead, std::vector<BreakPoint>* out) const {
    glong chars = g_utf8_strlen(core.c_str(), -1);
    if (chars < 7) return;
    for (const char* p = core.c_str(); *p; p = g_utf8_next_char(p)) {
      if (!g_unichar_isalpha(g_utf8_get_char(p))) return;
    }
    // The Swedish patterns are ISO-8859-1 and lower case.
    gchar* lower = g_utf8_strdown(core.c_str(), -1);
    gsize written = 0;
    gchar* latin1 = g_convert(lower, -1, "ISO-8859-1", "UTF-8", nullptr, &written, nullptr);
    g_free(lower);
    if (latin1 == nullptr) return;
    if (static_cast<glong>(written) != chars) {
      g_free(latin1);
      return;
    }
    std::vector<char> hyphens(written + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    int rc = hnj_hyphen_hyphenate2(dict_, latin1, static_cast<int>(written), hyphens.data(),
                                   nullptr, &rep, &pos, &cut);
    g_free(latin1);
    if (rc == 0) {
      // Keep at least two letters on the line and three on the next, as
      // Swedish typesetting does.
      for (glong k = 1; k + 1 < chars; ++k) {
        if ((hyphens[k] & 1) == 0) continue;
        if (rep != nullptr && rep[k] != nullptr) continue;  // Non-standard break.
        glong left = k + 1;
        if (left < 2 || chars - left < 3) continue;
        const char* at = g_utf8_offset_to_pointer(core.c_str(), left);
        out->push_back({lead + static_cast<size_t>(at - core.c_str()), LineEnd::kInsertedHyphen});
      }
    }
    if (rep != nullptr) {
      for (size_t k = 0; k < written; ++k) free(rep[k]);
      free(rep);
    }
    free(pos);
    free(cut);
  }

  HyphenDict* dict_;
};

// ---------------------------------------------------------------------------
// Line breaking

struct Line {
  std::vector<std::string> words;
  double natural = 0;  // Width with single spaces.
  LineEnd end = LineEnd::kLast;

  bool EndsWithHyphen() const {
    if (words.empty() || end == LineEnd::kLast) return false;
    const std::string& w = words.back();
    return (w.size() >= 1 && w.back() == '-') ||
           (w.size() >= 3 && w.compare(w.size() - 3, 3, "–") == 0);
  }
};

// Splits text into tokens at spaces, keeping a free-standing dash on the
// line of the word before it and "§" with its number, as typesetters do.
std::vector<std::string> Tokenize(const std::string& text) {
  std::vector<std::string> raw;
  std::istringstream in(text);
  std::string w;
  while (in >> w) raw.push_back(w);
  std::vector<std::string> out;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (IsDashOnly(raw[i]) && !out.empty()) {
      out.back() += " " + raw[i];
    } else if (raw[i] == "§" && i + 1 < raw.size()) {
      out.push_back(raw[i] + " " + raw[i + 1]);
      ++i;
    } else {
      out.push_back(raw[i]);
    }
  }
  return out;
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string s;
  for (const auto& w : words) {
    if (!s.empty()) s += ' ';
    s += w;
  }
  return s;
}

std::string FirstPiece(const std::string& s) { return s.substr(0, s.find(' ')); }
std::string LastPiece(const std::string& s) {
  size_t sp = s.rfind(' ');
  return sp == std::string::npos ? s : s.substr(sp + 1);
}

struct BreakOptions {
  double width = 0;
  bool hyphenate = true;
  bool justified = true;
};

bool IsRealBreak(LineEnd kind) { return kind == LineEnd::kRealHyphen || kind == LineEnd::kDash; }

// A place where a line may end: before byte `byte` of token `token`
// (byte 0 = at the space before the token).
struct Candidate {
  size_t token;
  size_t byte;
  LineEnd kind;
};

// Paragraph-wide line breaking in the spirit of Knuth and Plass: choose
// the set of line ends that maximises a score over the whole paragraph.
// Lines must fit and (except the last) be reasonably full; explicit hyphens
// and suspended compounds ("hälso-" / "och") are rewarded, since Swedish
// typesetting prefers them to inserted hyphens, which cost a little; loose
// lines cost more the looser they are.
std::vector<Line> BreakLines(const std::string& text, int font, const BreakOptions& opt,
                             Typesetter& ts, const Hyphenator& hyph) {
  const std::vector<std::string> tokens = Tokenize(text);
  const size_t n = tokens.size();
  if (n == 0) return {};
  const double space = ts.Width(" ", font);
  const double min_fill = (opt.justified ? 0.84 : 0.62) * opt.width;

  std::vector<Candidate> cands = {{0, 0, LineEnd::kSpace}};
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) cands.push_back({i, 0, LineEnd::kSpace});
    if (!opt.hyphenate) continue;
    for (const BreakPoint& bp : hyph.BreakPoints(tokens[i])) cands.push_back({i, bp.byte, bp.kind});
  }
  cands.push_back({n, 0, LineEnd::kLast});

  // The words of the line running from candidate a to candidate c.
  auto words_between = [&](const Candidate& a, const Candidate& c) {
    std::vector<std::string> words;
    size_t i = a.token;
    size_t from = a.byte;
    while (i < c.token) {
      words.push_back(tokens[i].substr(from));
      ++i;
      from = 0;
    }
    if (c.byte > from && c.token < n) {
      std::string piece = tokens[c.token].substr(from, c.byte - from);
      if (c.kind == LineEnd::kInsertedHyphen) piece += "-";
      words.push_back(piece);
    }
    return words;
  };
  auto width_of = [&](const std::vector<std::string>& words) {
    double w = 0;
    for (size_t k = 0; k < words.size(); ++k) w += (k ? space : 0) + ts.Width(words[k], font);
    return w;
  };
  auto score_of = [&](const std::vector<std::string>& words, const Candidate& c, double w) {
    if (c.kind == LineEnd::kLast) return 0.0;
    double slack = (opt.width - w) / opt.width;
    double score = -(opt.justified ? 60.0 : 12.0) * slack * slack;
    if (w < min_fill) score -= 1000;  // Allowed only when nothing else fits.
    if (c.kind == LineEnd::kInsertedHyphen) score -= opt.justified ? 1.5 : 4.0;
    bool suspended = c.kind == LineEnd::kSpace && words.back().back() == '-' &&
                     !IsDashOnly(LastPiece(words.back()));
    if (IsRealBreak(c.kind) || suspended) score += 6.0;
    return score;
  };

  const double kNone = -1e18;
  std::vector<double> best(cands.size(), kNone);
  std::vector<size_t> from(cands.size(), 0);
  best[0] = 0;
  for (size_t a = 0; a + 1 < cands.size(); ++a) {
    if (best[a] == kNone) continue;
    for (size_t c = a + 1; c < cands.size(); ++c) {
      if (cands[c].token == cands[a].token && cands[c].byte <= cands[a].byte) continue;
      std::vector<std::string> words = words_between(cands[a], cands[c]);
      if (words.empty()) continue;
      double w = width_of(words);
      // A lone unbreakable piece may overhang; anything longer must fit.
      if (w > opt.width && words.size() > 1) break;
      double total = best[a] + score_of(words, cands[c], w);
      if (total > best[c]) {
        best[c] = total;
        from[c] = a;
      }
      if (w > opt.width) break;
    }
  }
  std::vector<size_t> ends;
  for (size_t c = cands.size() - 1; c != 0; c = from[c]) ends.push_back(c);
  std::reverse(ends.begin(), ends.end());
  std::vector<Line> lines;
  size_t a = 0;
  for (size_t c : ends) {
    Line line;
    line.words = words_between(cands[a], cands[c]);
    line.natural = width_of(line.words);
    line.end = cands[c].kind;
    lines.push_back(std::move(line));
    a = c;
  }
  return lines;
}

struct HyphenRow {
  std::string file, before, after, expected;
};

// Records every line-end hyphen of a block with the text it stands for.
void CollectHyphenRows(const std::string& file, const std::vector<Line>& lines,
                       std::vector<HyphenRow>* rows) {
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (!lines[i].EndsWithHyphen()) continue;
    std::string before = LastPiece(lines[i].words.back());
    std::string after = FirstPiece(lines[i + 1].words.front());
    if (IsDashOnly(before)) continue;  // A free-standing dash is no hyphen.
    std::string expected;
    switch (lines[i].end) {
      case LineEnd::kInsertedHyphen:
        expected = before.substr(0, before.size() - 1) + after;
        break;
      case LineEnd::kSpace:  // Suspended compound: "hälso- och".
        expected = before + " " + after;
        break;
      default:
        expected = before + after;
    }
    rows->push_back({file, before, after, expected});
  }
}

// The text of one line as it belongs in the truth, plus what joins it to
// the following line.
std::string TruthPiece(const Line& line) {
  std::string s = JoinWords(line.words);
  switch (line.end) {
    case LineEnd::kInsertedHyphen:
      s.pop_back();
      return s;
    case LineEnd::kSpace:
      return s + " ";
    default:
      return s;
  }
}

// ---------------------------------------------------------------------------
// Page model

struct Color {
  double r = 0, g = 0, b = 0;
};

struct TextItem {
  double x, baseline;
  std::string text;
  int font;
  Color color;
};

struct RuleItem {
  double x1, y1, x2, y2, width;
  Color color;
};

struct Page {
  bool image = false;   // Rasterised, no text layer.
  bool chrome = true;   // Running header and footer.
  bool letterhead = false;
  std::vector<TextItem> texts;
  std::vector<RuleItem> rules;
  std::vector<std::string> truth;
};

struct OutlineEntry {
  int level;
  std::string text;
  int page;  // 1-based.
  double y;
};

// Everything that differs between the three kinds of document.
struct LayoutSpec {
  std::string kind;
  double margin_left, margin_right, margin_top, margin_bottom;
  double column_gap = 20;
  FontSpec body, heading[3], header_font;
  double line_factor = 1.38;
  bool justified = true;
  bool chapter_new_page = false;
  bool header_rule = true, footer_rule = false;
  Color heading_color;
  double letterhead_height = 0;  // Body starts this far down on page 1.
};

LayoutSpec MakeLayoutSpec(const Document& doc) {
  LayoutSpec s;
  s.kind = doc.Meta("layout", "report");
  if (s.kind == "report") {
    s.margin_left = 72;
    s.margin_right = 72;
    s.margin_top = 86;
    s.margin_bottom = 80;
    s.body = {"DejaVu Serif", 10.5};
    s.heading[0] = {"DejaVu Sans", 17, true};
    s.heading[1] = {"DejaVu Sans", 13, true};
    s.heading[2] = {"DejaVu Sans", 11, true};
    s.header_font = {"DejaVu Sans", 8};
    s.chapter_new_page = true;
    s.heading_color = {0.05, 0.27, 0.47};
  } else if (s.kind == "letter") {
    s.margin_left = 85;
    s.margin_right = 70;
    s.margin_top = 80;
    s.margin_bottom = 90;
    s.body = {"Liberation Serif", 12};
    s.heading[0] = {"Liberation Sans", 15, true};
    s.heading[1] = {"Liberation Sans", 12, true};
    s.heading[2] = {"Liberation Sans", 11, true};
    s.header_font = {"Liberation Sans", 8};
    s.justified = false;
    s.header_rule = false;
    s.footer_rule = true;
    s.letterhead_height = 190;
  } else if (s.kind == "memo") {
    s.margin_left = 80;
    s.margin_right = 80;
    s.margin_top = 95;
    s.margin_bottom = 70;
    s.body = {"Liberation Sans", 11};
    s.heading[0] = {"Liberation Sans", 14, true};
    s.heading[1] = {"Liberation Sans", 12, true};
    s.heading[2] = {"Liberation Sans", 11, true, true};
    s.header_font = {"Liberation Sans", 9};
    s.justified = false;
    s.header_rule = true;
    s.letterhead_height = 175;
  } else {
    throw std::runtime_error(doc.name + ": unknown @layout " + s.kind);
  }
  if (doc.meta.count("font-body")) s.body.family = doc.Meta("font-body");
  if (doc.meta.count("font-heading")) {
    for (auto& h : s.heading) h.family = doc.Meta("font-heading");
  }
  if (doc.meta.count("body-size")) s.body.size = std::atof(doc.Meta("body-size").c_str());
  if (doc.meta.count("justify")) s.justified = doc.Meta("justify") == "on";
  return s;
}

// ---------------------------------------------------------------------------
// Flowing blocks onto pages

class Flow {
 public:
  Flow(const Document& doc, const LayoutSpec& spec, Typesetter& ts, const Hyphenator& hyph)
      : doc_(doc), spec_(spec), ts_(ts), hyph_(hyph) {
    body_font_ = ts_.Font(spec_.body);
    for (int i = 0; i < 3; ++i) heading_font_[i] = ts_.Font(spec_.heading[i]);
    line_height_ = spec_.body.size * spec_.line_factor;
  }

  void Run() {
    for (size_t i = 0; i < doc_.blocks.size(); ++i) {
      const Block& b = doc_.blocks[i];
      switch (b.kind) {
        case BlockKind::kHeading: PlaceHeading(b); break;
        case BlockKind::kParagraph: PlaceText(b, false); break;
        case BlockKind::kBullet: PlaceText(b, true); break;
        case BlockKind::kColumns: SetColumns(b.level); break;
        case BlockKind::kPageBreak: NewPage(false); break;
        case BlockKind::kImagePageBegin:
          NewPage(true);
          in_image_ = true;
          break;
        case BlockKind::kImagePageEnd:
          in_image_ = false;
          need_new_page_ = true;
          break;
        case BlockKind::kCover: PlaceCover(b); break;
      }
    }
    if (pages_.empty()) NewPage(false);
  }

  std::vector<Page>& pages() { return pages_; }
  const std::vector<HyphenRow>& rows() const { return rows_; }
  const std::vector<OutlineEntry>& outline() const { return outline_; }

 private:
  double BodyWidth() const { return kPageWidth - spec_.margin_left - spec_.margin_right; }
  double FrameWidth() const { return (BodyWidth() - spec_.column_gap * (columns_ - 1)) / columns_; }
  double FrameX() const { return spec_.margin_left + column_ * (FrameWidth() + spec_.column_gap); }
  double FrameBottom() const { return kPageHeight - spec_.margin_bottom; }
  double FrameTop() const {
    const Page& p = pages_.back();
    return p.letterhead ? spec_.letterhead_height : spec_.margin_top;
  }

  void NewPage(bool image) {
    if (in_image_) {
      Fail(doc_.name + ".src", 0, "content of @image-page does not fit on one page");
    }
    Page p;
    p.image = image;
    p.chrome = !image;
    bool has_letterhead = doc_.meta.count("letterhead") > 0 || doc_.meta.count("doctype") > 0 ||
                          !doc_.fields.empty();
    if (pages_.empty() && has_letterhead && spec_.kind != "report") {
      p.letterhead = true;
    }
    pages_.push_back(std::move(p));
    if (pages_.back().letterhead) AddLetterhead();
    column_ = 0;
    y_ = FrameTop();
    frame_empty_ = true;
    need_new_page_ = false;
  }

  // Moves to the next column, or to a new page after the last column.
  void NextFrame() {
    if (column_ + 1 < columns_) {
      ++column_;
      y_ = column_top_;
      frame_empty_ = true;
      return;
    }
    FlushTruth();
    NewPage(false);
    column_top_ = y_;
  }

  void EnsurePage() {
    if (!pages_.empty() && !need_new_page_) return;
    NewPage(false);
    column_top_ = y_;
  }

  void SetColumns(int n) {
    FlushTruth();
    if (pages_.empty() || need_new_page_ || !PageBlank()) NewPage(false);
    columns_ = n;
    column_ = 0;
    column_top_ = y_;
  }

  bool PageBlank() const { return frame_empty_ && column_ == 0; }

  void FlushTruth() {
    if (pending_truth_.empty()) return;
    while (!pending_truth_.empty() && pending_truth_.back() == ' ') pending_truth_.pop_back();
    pages_.back().truth.push_back(pending_truth_);
    pending_truth_.clear();
  }

  void AddText(double x, double baseline, const std::string& text, int font, Color color = {}) {
    pages_.back().texts.push_back({x, baseline, text, font, color});
  }

  // Emits one line: word by word when justified (stretching the gaps) or
  // as a single run when ragged.
  void EmitLine(const Line& line, double x, double width, int font, bool justify, Color color) {
    double baseline = y_ + line_height_ * 0.78;
    if (justify && line.end != LineEnd::kLast && line.words.size() > 1) {
      double words_width = 0;
      for (const auto& w : line.words) words_width += ts_.Width(w, font);
      double gap = (width - words_width) / (line.words.size() - 1);
      double cx = x;
      for (const auto& w : line.words) {
        AddText(cx, baseline, w, font, color);
        cx += ts_.Width(w, font) + gap;
      }
    } else {
      AddText(x, baseline, JoinWords(line.words), font, color);
    }
  }

  // Places the lines of one block, breaking frames as needed; never leaves
  // a hyphenated line at the bottom of a frame, so every hyphen pair sits
  // in one frame and the per-page truth stays exact.
  void PlaceLines(const std::vector<Line>& lines, double indent, int font, bool justify,
                  double lh, Color color, const std::string& marker) {
    for (size_t i = 0; i < lines.size(); ++i) {
      const Line& line = lines[i];
      bool fits = y_ + lh <= FrameBottom() + 0.01;
      bool hyphen_at_bottom = line.EndsWithHyphen() && y_ + 2 * lh > FrameBottom() + 0.01;
      // Widow control: the last line of a paragraph never sits alone at the
      // top of a frame, so take the line before it along.
      bool widow = i + 2 == lines.size() && i > 0 && fits && y_ + 2 * lh > FrameBottom() + 0.01;
      if (!frame_empty_ && (!fits || hyphen_at_bottom || widow)) NextFrame();
      double x = FrameX() + indent;
      if (i == 0 && !marker.empty()) {
        AddText(FrameX() + indent - 11, y_ + lh * 0.78, marker, font, color);
      }
      double saved = line_height_;
      line_height_ = lh;
      EmitLine(line, x, FrameWidth() - indent, font, justify, color);
      line_height_ = saved;
      pending_truth_ += TruthPiece(line);
      y_ += lh;
      frame_empty_ = false;
    }
  }

  void PlaceText(const Block& b, bool bullet) {
    EnsurePage();
    double indent = bullet ? 16 : 0;
    BreakOptions opt{FrameWidth() - indent, true, spec_.justified && !bullet};
    std::vector<Line> lines = BreakLines(b.text, body_font_, opt, ts_, hyph_);
    CollectHyphenRows(doc_.name + ".pdf", lines, &rows_);
    if (bullet) pending_truth_ = "• ";
    // A list ends with a little air before the next paragraph.
    if (!bullet && last_was_bullet_ && !frame_empty_) y_ += line_height_ * 0.3;
    last_was_bullet_ = bullet;
    // Keep a short paragraph's first two lines together.
    if (!frame_empty_ && lines.size() >= 2 && y_ + 2 * line_height_ > FrameBottom()) NextFrame();
    PlaceLines(lines, indent, body_font_, opt.justified, line_height_, {}, bullet ? "•" : "");
    FlushTruth();
    y_ += bullet ? line_height_ * 0.25 : line_height_ * 0.5;
  }

  void PlaceHeading(const Block& b) {
    if (spec_.chapter_new_page && b.level == 1 && !pages_.empty() && !need_new_page_ &&
        !PageBlank()) {
      FlushTruth();
      NewPage(false);
      column_top_ = y_;
    }
    EnsurePage();
    int font = heading_font_[b.level - 1];
    double size = spec_.heading[b.level - 1].size;
    double lh = size * 1.3;
    BreakOptions opt{FrameWidth(), false, false};
    std::vector<Line> lines = BreakLines(b.text, font, opt, ts_, hyph_);
    CollectHyphenRows(doc_.name + ".pdf", lines, &rows_);
    double before = frame_empty_ ? 0 : size * (b.level == 1 ? 1.2 : 0.9);
    // Keep the heading with at least two lines of what follows.
    double needed = before + lh * lines.size() + size * 0.5 + 2 * line_height_;
    if (!frame_empty_ && y_ + needed > FrameBottom()) NextFrame();
    if (!frame_empty_) y_ += before;
    outline_.push_back({b.level, b.text, static_cast<int>(pages_.size()), y_});
    PlaceLines(lines, 0, font, false, lh, spec_.heading_color, "");
    FlushTruth();
    y_ += size * 0.5;
  }

  void PlaceCover(const Block& b) {
    NewPage(false);
    Page& page = pages_.back();
    page.chrome = false;
    const Color dark = spec_.heading_color;
    double x = spec_.margin_left;
    double y = 0;
    double subtitle_gap = 46;  // The first one clears the title rule.
    // A coloured band with the logo text, like most regional report covers.
    page.rules.push_back({0, 60, kPageWidth, 60, 120, dark});
    for (const auto& [kind, text] : b.cover_lines) {
      int font;
      Color color = {0.1, 0.1, 0.1};
      if (kind == "logo") {
        font = ts_.Font({spec_.heading[0].family, 22, true});
        color = {1, 1, 1};
        y = 75;
      } else if (kind == "title") {
        font = ts_.Font({spec_.heading[0].family, 30, true});
        color = dark;
        y = y < 300 ? 330 : y + 44;
      } else if (kind == "subtitle") {
        font = ts_.Font({spec_.heading[0].family, 15});
        y += subtitle_gap;
        subtitle_gap = 26;
      } else if (kind == "bottom") {
        font = ts_.Font({spec_.heading[0].family, 11});
        y = y < 700 ? 740 : y + 16;
      } else {
        Fail(doc_.name + ".src", b.source_line, "unknown cover line kind " + kind);
      }
      AddText(x, y, text, font, color);
      page.truth.push_back(text);
      if (kind == "title") page.rules.push_back({x, y + 14, x + 160, y + 14, 3, dark});
    }
    need_new_page_ = true;
  }

  // Letterhead, document type and label/value fields on the first page;
  // content (so in the truth), not a running header.
  void AddLetterhead() {
    Page& page = pages_.back();
    const std::string family = spec_.heading[0].family;
    double x = spec_.margin_left;
    double y = spec_.kind == "letter" ? 70 : 80;
    if (doc_.meta.count("letterhead")) {
      int big = ts_.Font({family, 19, true});
      AddText(x, y, doc_.Meta("letterhead"), big, spec_.heading_color);
      page.truth.push_back(doc_.Meta("letterhead"));
      int small = ts_.Font({family, 9});
      double sy = y + 16;
      for (const auto& sub : doc_.letterhead_sub) {
        AddText(x, sy, sub, small, {0.25, 0.25, 0.25});
        page.truth.push_back(sub);
        sy += 12;
      }
    }
    double rx = kPageWidth - spec_.margin_right - 175;
    double ry = spec_.kind == "letter" ? 70 : 125;
    if (spec_.kind == "memo") rx = spec_.margin_left;
    if (doc_.meta.count("doctype")) {
      int type_font = ts_.Font({family, spec_.kind == "memo" ? 16.0 : 11.0, true});
      AddText(rx, ry, doc_.Meta("doctype"), type_font);
      page.truth.push_back(doc_.Meta("doctype"));
      ry += spec_.kind == "memo" ? 20 : 18;
    }
    int label_font = ts_.Font({family, 8});
    int value_font = ts_.Font({family, 10});
    for (const auto& [label, value] : doc_.fields) {
      AddText(rx, ry, label, label_font, {0.3, 0.3, 0.3});
      AddText(rx + 42, ry, value, value_font);
      page.truth.push_back(label + " " + value);
      ry += 14;
    }
    if (spec_.kind == "letter") {
      page.rules.push_back({x, spec_.letterhead_height - 22, kPageWidth - spec_.margin_right,
                            spec_.letterhead_height - 22, 0.6, {0.5, 0.5, 0.5}});
    }
  }

  const Document& doc_;
  const LayoutSpec& spec_;
  Typesetter& ts_;
  const Hyphenator& hyph_;
  int body_font_;
  int heading_font_[3];
  double line_height_;
  std::vector<Page> pages_;
  std::vector<HyphenRow> rows_;
  std::vector<OutlineEntry> outline_;
  std::string pending_truth_;
  int columns_ = 1;
  int column_ = 0;
  double column_top_ = 0;
  double y_ = 0;
  bool frame_empty_ = true;
  bool in_image_ = false;
  bool need_new_page_ = false;
  bool last_was_bullet_ = false;
};

// ---------------------------------------------------------------------------
// Rendering

std::string Substitute(std::string text, int page, int pages) {
  auto replace = [&](const std::string& key, int value) {
    for (size_t at; (at = text.find(key)) != std::string::npos;) {
      text.replace(at, key.size(), std::to_string(value));
    }
  };
  replace("{page}", page);
  replace("{pages}", pages);
  return text;
}

void DrawItems(cairo_t* cr, const Page& page, Typesetter& ts) {
  for (const auto& r : page.rules) {
    cairo_set_source_rgb(cr, r.color.r, r.color.g, r.color.b);
    cairo_set_line_width(cr, r.width);
    cairo_move_to(cr, r.x1, r.y1);
    cairo_line_to(cr, r.x2, r.y2);
    cairo_stroke(cr);
  }
  for (const auto& t : page.texts) {
    cairo_set_source_rgb(cr, t.color.r, t.color.g, t.color.b);
    ts.Draw(cr, t.x, t.baseline, t.text, t.font);
  }
}

// Running header and footer: left/center/right slots, optional rules.
void DrawChrome(cairo_t* cr, const Document& doc, const LayoutSpec& spec, const Page& page,
                int number, int total, Typesetter& ts) {
  int font = ts.Font(spec.header_font);
  const double left = spec.margin_left;
  const double right = kPageWidth - spec.margin_right;
  const Color gray = {0.3, 0.3, 0.3};
  auto slot = [&](const std::string& key, double baseline, int align) {
    std::string text = doc.Meta(key);
    if (text.empty()) return false;
    text = Substitute(text, number, total);
    double w = ts.Width(text, font);
    double x = align < 0 ? left : align > 0 ? right - w : (left + right - w) / 2;
    cairo_set_source_rgb(cr, gray.r, gray.g, gray.b);
    ts.Draw(cr, x, baseline, text, font);
    return true;
  };
  auto rule = [&](double y) {
    cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, left, y);
    cairo_line_to(cr, right, y);
    cairo_stroke(cr);
  };
  if (!(page.letterhead && spec.kind == "letter")) {
    double hy = spec.margin_top - 30;
    bool any = slot("header-left", hy, -1) | slot("header-center", hy, 0) | slot("header-right", hy, 1);
    if (any && spec.header_rule) rule(hy + 6);
  }
  double fy = kPageHeight - spec.margin_bottom + 40;
  bool any = slot("footer-left", fy, -1) | slot("footer-center", fy, 0) | slot("footer-right", fy, 1);
  if (doc.meta.count("footer-outer")) any |= slot("footer-outer", fy, number % 2 == 1 ? 1 : -1);
  if (any && spec.footer_rule) rule(fy - 13);
}

// Rasterises the page at 300 dpi in grey and places the bitmap as the only
// content, like a scanned sheet inserted into a born-digital PDF.
void DrawImagePage(cairo_t* cr, const Page& page, Typesetter& ts) {
  const double scale = kImageDpi / 72.0;
  int w = static_cast<int>(kPageWidth * scale + 0.5);
  int h = static_cast<int>(kPageHeight * scale + 0.5);
  cairo_surface_t* img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t* icr = cairo_create(img);
  cairo_set_source_rgb(icr, 1, 1, 1);
  cairo_paint(icr);
  cairo_scale(icr, scale, scale);
  Page gray = page;  // Colour would defeat the grey image encoding.
  for (auto& t : gray.texts) t.color = {0, 0, 0};
  for (auto& r : gray.rules) r.color = {0, 0, 0};
  DrawItems(icr, gray, ts);
  cairo_destroy(icr);
  cairo_surface_flush(img);
  cairo_save(cr);
  cairo_scale(cr, 1 / scale, 1 / scale);
  cairo_set_source_surface(cr, img, 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_paint(cr);
  cairo_restore(cr);
  cairo_surface_destroy(img);
}

std::string PdfDate(const std::string& date) {
  if (date.size() != 10) return "2021-01-01T09:00:00";
  return date + "T09:00:00";
}

void RenderPdf(const Document& doc, const LayoutSpec& spec, std::vector<Page>& pages,
               const std::vector<OutlineEntry>& outline, const fs::path& out, Typesetter& ts) {
  cairo_surface_t* surface = cairo_pdf_surface_create(out.c_str(), kPageWidth, kPageHeight);
  // Fixed dates keep the output byte-identical from run to run.
  std::string date = PdfDate(doc.Meta("date"));
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, doc.Meta("title").c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, doc.Meta("author").c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, doc.Meta("subject").c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "diar make_corpus");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
  cairo_t* cr = cairo_create(surface);
  const int total = static_cast<int>(pages.size());
  for (int i = 0; i < total; ++i) {
    const Page& page = pages[i];
    if (page.image) {
      DrawImagePage(cr, page, ts);
    } else {
      DrawItems(cr, page, ts);
      if (page.chrome) DrawChrome(cr, doc, spec, page, i + 1, total, ts);
    }
    cairo_show_page(cr);
  }
  // Bookmarks for the two top heading levels, as exported office files have.
  int parent[3] = {CAIRO_PDF_OUTLINE_ROOT, 0, 0};
  for (const auto& e : outline) {
    if (e.level > 2) continue;
    std::ostringstream link;
    link << "page=" << e.page << " pos=[" << spec.margin_left << " " << e.y << "]";
    int id = cairo_pdf_surface_add_outline(surface, parent[e.level - 1], e.text.c_str(),
                                           link.str().c_str(), CAIRO_PDF_OUTLINE_FLAG_OPEN);
    if (e.level < 3) parent[e.level] = id;
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error(out.string() + ": " + cairo_status_to_string(status));
  }
}

void WriteTruth(const std::vector<Page>& pages, const fs::path& out) {
  std::ofstream f(out, std::ios::binary);
  for (size_t i = 0; i < pages.size(); ++i) {
    if (i > 0) f << "\f\n";
    for (const auto& line : pages[i].truth) f << line << "\n";
  }
  if (!f) throw std::runtime_error("cannot write " + out.string());
}

void WriteHyphenRows(const std::vector<HyphenRow>& rows, const fs::path& out) {
  std::ofstream f(out, std::ios::binary);
  f << "file\tbefore\tafter\texpected\n";
  for (const auto& r : rows) f << r.file << "\t" << r.before << "\t" << r.after << "\t" << r.expected << "\n";
  if (!f) throw std::runtime_error("cannot write " + out.string());
}

int Run(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    std::cerr << "usage: make_corpus SOURCES_DIR OUT_DIR [HYPHEN_TSV]\n";
    return 2;
  }
  fs::path sources = argv[1];
  fs::path out_dir = argv[2];
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(sources)) {
    if (entry.path().extension() == ".src") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());  // Directory order is not stable.
  if (files.empty()) {
    std::cerr << "make_corpus: no .src files in " << sources << "\n";
    return 2;
  }
  fs::create_directories(out_dir);
  const char* dict = std::getenv("DIAR_HYPHEN_DICT");
  Hyphenator hyph(dict != nullptr ? dict : kDefaultHyphenDict);
  Typesetter ts;
  std::vector<HyphenRow> all_rows;
  for (const auto& file : files) {
    Document doc = ParseSource(file);
    LayoutSpec spec = MakeLayoutSpec(doc);
    Flow flow(doc, spec, ts, hyph);
    flow.Run();
    RenderPdf(doc, spec, flow.pages(), flow.outline(), out_dir / (doc.name + ".pdf"), ts);
    WriteTruth(flow.pages(), out_dir / (doc.name + ".truth"));
    all_rows.insert(all_rows.end(), flow.rows().begin(), flow.rows().end());
    std::cout << doc.name << ": " << flow.pages().size() << " pages, " << flow.rows().size()
              << " line-end hyphens\n";
  }
  if (argc == 4) {
    fs::path tsv = argv[3];
    if (tsv.has_parent_path()) fs::create_directories(tsv.parent_path());
    WriteHyphenRows(all_rows, tsv);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "make_corpus: " << e.what() << "\n";
    return 1;
  }
}
