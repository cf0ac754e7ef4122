#include "pipeline/extract/turned_text.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

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

}  // namespace diar::extract_internal
