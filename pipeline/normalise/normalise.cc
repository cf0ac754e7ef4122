#include "pipeline/normalise/normalise.h"

#include <algorithm>

#include "pipeline/normalise/chars.h"
#include "pipeline/normalise/dehyphenate.h"
#include "pipeline/normalise/lexicon.h"
#include "pipeline/normalise/line.h"
#include "pipeline/normalise/paragraphs.h"
#include "pipeline/normalise/running_lines.h"

namespace diar {
namespace {

using normalise_internal::Line;
using normalise_internal::PageLayout;

constexpr char kU2010[] = "\xE2\x80\x90";  // HYPHEN

// What the raw text layer says about how a document writes its hyphens.
struct HyphenForms {
  bool u2010_inside = false;  // some line has U+2010 before its end
  bool hyphen_minus = false;  // some line has a hyphen-minus U+002D
};

// The page's lines, cleaned; empty lines dropped (for text files they mark
// the next line as following a blank).
PageLayout CleanPage(const ExtractedPage& page, HyphenForms& forms) {
  PageLayout out;
  out.height = page.height;
  out.width = page.width;
  auto add = [&out](Line line, bool& blank) {
    if (line.text.empty()) {
      blank = true;
      return;
    }
    line.after_blank = blank;
    blank = false;
    out.lines.push_back(std::move(line));
  };
  bool blank = false;
  if (!page.lines.empty()) {
    for (const TextLine& t : page.lines) {
      normalise_internal::CleanedLine c = normalise_internal::CleanLine(t.text);
      Line line;
      line.text = std::move(c.text);
      line.soft_hyphen_end = c.soft_hyphen_end;
      line.typed_hyphen_end = c.typed_hyphen_end;
      const std::size_t end = t.text.find_last_not_of(" \t");
      const std::size_t u2010 = t.text.find(kU2010);
      line.u2010_end = !c.soft_hyphen_end && end != std::string::npos && end >= 2 &&
                       t.text.compare(end - 2, 3, kU2010) == 0;
      forms.u2010_inside = forms.u2010_inside || (u2010 != std::string::npos && u2010 + 2 != end);
      forms.hyphen_minus = forms.hyphen_minus || t.text.find('-') != std::string::npos;
      line.x0 = t.x0, line.y0 = t.y0, line.x1 = t.x1, line.y1 = t.y1;
      line.font_size = t.font_size;
      line.bold = t.bold;
      line.column = t.column;
      line.table_row = t.table_row;
      line.vertical = t.vertical;
      line.has_box = t.x1 > t.x0 && t.y1 > t.y0;
      line.ocr = page.ocr;
      add(std::move(line), blank);
    }
    // Lines without a box (rare: empty glyph boxes) cannot take part in
    // layout decisions; treat the page as laid out only if all have one.
    const bool all_boxed = std::all_of(out.lines.begin(), out.lines.end(),
                                       [](const Line& l) { return l.has_box; });
    if (!all_boxed) {
      for (Line& l : out.lines) l.has_box = false;
      out.height = out.width = 0;
    }
    return out;
  }
  std::size_t start = 0;
  const std::string& text = page.text;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    normalise_internal::CleanedLine c = normalise_internal::CleanLine(text.substr(start, end - start));
    Line line;
    line.text = std::move(c.text);
    line.soft_hyphen_end = c.soft_hyphen_end;
    line.typed_hyphen_end = c.typed_hyphen_end;
    add(std::move(line), blank);
    start = end + 1;
  }
  out.height = out.width = 0;
  return out;
}

// "– " opening a line is a list dash in Swedish documents when the page
// has several such lines; once on a page it may be a dash (tankstreck)
// that the line break happened to put first, and it stays.
void MarkDashBullets(PageLayout& page) {
  static const std::string kDash = "\xE2\x80\x93 ";  // en dash, space
  std::size_t count = 0;
  for (const Line& l : page.lines) count += l.text.rfind(kDash, 0) == 0 ? 1 : 0;
  if (count < 2) return;
  for (Line& l : page.lines) {
    if (l.text.rfind(kDash, 0) == 0 && l.text.size() > kDash.size()) {
      l.text = "\xE2\x80\xA2 " + l.text.substr(kDash.size());
    }
  }
}

// Some producers draw the hyphen of a break as HYPHEN U+2010 while the
// text's own hyphens stay hyphen-minus U+002D: Chromium after Ghostscript
// has rewritten its soft hyphens (U+00AD U+2010 becomes U+2010), Qt WebKit
// (wkhtmltopdf: U+200B U+2010). A document that has U+2010 only at line
// ends and types its other hyphens as U+002D marks its breaks that way:
// those lines are breaks as a soft hyphen marks them (the parts join, and
// a typed hyphen at a line end is the author's, dehyphenate.h rule 0). A
// document that writes U+2010 inside its lines too (a font whose hyphen
// maps there) says nothing by it, and is left to the usual rules.
void MarkDrawnBreaks(std::vector<PageLayout>& pages, const HyphenForms& forms) {
  if (forms.u2010_inside || !forms.hyphen_minus) return;
  for (PageLayout& page : pages) {
    for (Line& line : page.lines) {
      if (!line.u2010_end || line.text.empty() || line.text.back() != '-') continue;
      line.text.pop_back();
      line.soft_hyphen_end = true;
    }
  }
}

std::string DefaultKeepFile() {
#ifdef DIAR_NORMALISE_DICTIONARIES
  return std::string(DIAR_NORMALISE_DICTIONARIES) + "/hyphen_keep.txt";
#else
  return "dictionaries/hyphen_keep.txt";
#endif
}

}  // namespace

std::size_t CodePointCount(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

int NormalisedText::PageAt(std::size_t offset) const {
  if (page_starts.empty()) return 1;
  auto it = std::upper_bound(page_starts.begin(), page_starts.end(), offset);
  return static_cast<int>(std::max<std::ptrdiff_t>(1, it - page_starts.begin()));
}

void PrepareNormalise(const NormaliseOptions& options) {
  if (const auto* lexicon = normalise_internal::Lexicon::Get(options.hunspell_dictionary)) {
    lexicon->Load();
  }
}

NormalisedText Normalise(const ExtractedDocument& document, const NormaliseOptions& options) {
  const std::size_t n = document.pages.size();
  std::vector<PageLayout> pages;
  pages.reserve(n);
  HyphenForms forms;
  for (const ExtractedPage& page : document.pages) {
    pages.push_back(CleanPage(page, forms));
    MarkDashBullets(pages.back());
  }
  MarkDrawnBreaks(pages, forms);

  NormalisedText result;
  result.removed_lines.resize(n);
  std::vector<std::vector<Line>> body(n);
  std::vector<std::vector<bool>> running;
  if (options.remove_running_lines) running = normalise_internal::FindRunningLines(pages);
  normalise_internal::WordCounts counts;
  bool breaks_marked = false;
  for (std::size_t p = 0; p < n; ++p) {
    for (std::size_t i = 0; i < pages[p].lines.size(); ++i) {
      Line& line = pages[p].lines[i];
      breaks_marked = breaks_marked || line.soft_hyphen_end;
      if (!running.empty() && running[p][i]) {
        result.removed_lines[p].push_back(line.text);
        continue;
      }
      counts.AddLine(line.text);
      body[p].push_back(std::move(line));
    }
  }

  normalise_internal::HyphenEvidence evidence;
  evidence.lexicon = normalise_internal::Lexicon::Get(options.hunspell_dictionary);
  evidence.counts = &counts;
  evidence.breaks_marked = breaks_marked;
  evidence.keep = &normalise_internal::KeepList::Get(
      options.hyphen_keep_file.empty() ? DefaultKeepFile() : options.hyphen_keep_file);
  const std::vector<std::vector<std::string>> paragraphs =
      normalise_internal::BuildParagraphs(body, evidence);

  std::size_t code_points = 0;
  for (std::size_t p = 0; p < n; ++p) {
    if (p > 0) {
      result.text += "\n\n";
      code_points += 2;
    }
    result.page_starts.push_back(code_points);
    result.page_ocr.push_back(document.pages[p].ocr);
    for (std::size_t k = 0; k < paragraphs[p].size(); ++k) {
      // Joining lines can put a combining mark after a base letter on the
      // line before; NFC again so the result stays composed.
      const std::string para = normalise_internal::Nfc(paragraphs[p][k]);
      if (k > 0) {
        result.text += '\n';
        ++code_points;
      }
      result.text += para;
      code_points += CodePointCount(para);
    }
  }
  return result;
}

}  // namespace diar
