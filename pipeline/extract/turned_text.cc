#include "pipeline/extract/turned_text.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <utility>

namespace diar::extract_internal {
namespace {

// The word's extent across its line (its glyphs' height as read).
double Thickness(const TurnedWord& w) {
  return w.rotation % 2 == 1 ? w.x1 - w.x0 : w.y1 - w.y0;
}

// Where the word starts and ends along its reading direction, growing as
// the text reads.
double Start(const TurnedWord& w) {
  switch (w.rotation) {
    case 1: return w.y0;
    case 2: return -w.x1;
    default: return -w.y1;
  }
}
double End(const TurnedWord& w) {
  switch (w.rotation) {
    case 1: return w.y1;
    case 2: return -w.x0;
    default: return -w.y0;
  }
}

}  // namespace

std::vector<TextLine> JoinTurnedWords(std::vector<TurnedWord> words) {
  // Baselines first: words of one line, in the order they were given.
  std::vector<std::vector<TurnedWord>> groups;
  for (TurnedWord& w : words) {
    auto same = std::find_if(groups.begin(), groups.end(), [&](const std::vector<TurnedWord>& g) {
      const TurnedWord& f = g.front();
      const double size = std::max(Thickness(f), Thickness(w));
      return f.rotation == w.rotation && std::abs(f.baseline - w.baseline) <= size / 3;
    });
    if (same == groups.end()) {
      groups.push_back({std::move(w)});
    } else {
      same->push_back(std::move(w));
    }
  }
  std::vector<TextLine> lines;
  for (std::vector<TurnedWord>& g : groups) {
    std::stable_sort(g.begin(), g.end(), [](const TurnedWord& a, const TurnedWord& b) {
      return Start(a) < Start(b);
    });
    for (std::size_t i = 0; i < g.size(); ++i) {
      const double size = Thickness(g[i]);
      const bool joins = i > 0 && !lines.empty() && Start(g[i]) - End(g[i - 1]) <= 3 * size;
      if (!joins) {
        TextLine line;
        line.text = g[i].text;
        line.x0 = g[i].x0, line.y0 = g[i].y0, line.x1 = g[i].x1, line.y1 = g[i].y1;
        line.vertical = g[i].rotation % 2 == 1;
        // Poppler's boxes span ascent to descent, about 1.16 em (pdf.cc).
        line.font_size = std::round(size / 1.16 * 2) / 2;
        lines.push_back(std::move(line));
        continue;
      }
      TextLine& line = lines.back();
      line.text += ' ';
      line.text += g[i].text;
      line.x0 = std::min(line.x0, g[i].x0), line.y0 = std::min(line.y0, g[i].y0);
      line.x1 = std::max(line.x1, g[i].x1), line.y1 = std::max(line.y1, g[i].y1);
    }
  }
  return lines;
}

int TurnOfText(const PageWords& page) {
  std::size_t letters[4] = {0, 0, 0, 0};
  for (const Word& w : page.words) letters[0] += w.text.size();
  for (const TurnedWord& w : page.turned) letters[w.rotation & 3] += w.text.size();
  const std::size_t all = letters[0] + letters[1] + letters[2] + letters[3];
  // 200 letters: three lines of text. A stamp alone over a scan (80 or so)
  // is no page to turn; the scan goes to OCR, which reads it as displayed.
  for (int turn = 1; turn < 4; ++turn) {
    if (letters[turn] * 2 > all && letters[turn] >= 200) return turn;
  }
  return 0;
}

void TurnUpright(int turn, double width, double height, PageWords& page) {
  // A point of the page as displayed, in the page turned back upright.
  auto point = [&](double x, double y) -> std::pair<double, double> {
    switch (turn) {
      case 1: return {y, width - x};
      case 2: return {width - x, height - y};
      default: return {height - y, x};
    }
  };
  auto box = [&](double& x0, double& y0, double& x1, double& y1) {
    const auto [ax, ay] = point(x0, y0);
    const auto [bx, by] = point(x1, y1);
    x0 = std::min(ax, bx), x1 = std::max(ax, bx);
    y0 = std::min(ay, by), y1 = std::max(ay, by);
  };
  std::vector<TurnedWord> all;
  all.reserve(page.words.size() + page.turned.size());
  for (std::size_t i = 0; i < page.words.size(); ++i) {
    Word& w = page.words[i];
    all.push_back({std::move(w.text), w.x0, w.y0, w.x1, w.y1, 0, page.bases[i], page.em_sizes[i]});
  }
  for (TurnedWord& w : page.turned) all.push_back(std::move(w));
  page.words.clear(), page.bases.clear(), page.em_sizes.clear(), page.turned.clear();
  for (TurnedWord& w : all) {
    // A point on the baseline, moved: the new baseline is its coordinate
    // across the new reading direction.
    const bool across_x = w.rotation % 2 == 1;
    const auto [bx, by] =
        across_x ? point(w.baseline, (w.y0 + w.y1) / 2) : point((w.x0 + w.x1) / 2, w.baseline);
    box(w.x0, w.y0, w.x1, w.y1);
    w.rotation = (w.rotation - turn + 4) % 4;
    w.baseline = w.rotation % 2 == 1 ? bx : by;
    if (w.rotation != 0) {
      page.turned.push_back(std::move(w));
      continue;
    }
    Word upright;
    upright.text = std::move(w.text);
    upright.x0 = w.x0, upright.y0 = w.y0, upright.x1 = w.x1, upright.y1 = w.y1;
    // As pdf.cc sizes upright words: their boxes span about 1.16 em.
    upright.font_size = std::round((w.y1 - w.y0) / 1.16 * 2) / 2;
    page.words.push_back(std::move(upright));
    page.bases.push_back(w.baseline);
    page.em_sizes.push_back(w.em);
  }
  for (Rule& r : page.rules) box(r.x0, r.y0, r.x1, r.y1);
  for (Dot& d : page.dots) box(d.x0, d.y0, d.x1, d.y1);
}

}  // namespace diar::extract_internal
