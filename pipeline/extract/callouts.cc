#include "pipeline/extract/callouts.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace diar::extract_internal {
namespace {

constexpr double kMeet = 2;  // points: rule ends this close meet

struct Box {
  double x0, y0, x1, y1;
};

bool Near(double a, double b) { return std::abs(a - b) <= kMeet; }

// Rectangles closed by four rules: a top and a bottom of one span, a left
// and a right rule running from one to the other at their ends. Found from
// each top rule's left side, through rules sorted by position, so a page
// of many rules (a drawing, a large grid) costs little.
std::vector<Box> Frames(const std::vector<Rule>& rules) {
  std::vector<Rule> horizontal, vertical;
  for (const Rule& r : rules) {
    if (r.y0 == r.y1 && r.x1 - r.x0 >= 36) horizontal.push_back(r);
    if (r.x0 == r.x1 && r.y1 - r.y0 >= 18) vertical.push_back(r);
  }
  std::vector<Box> frames;
  if (horizontal.size() < 2 || vertical.size() < 2) return frames;
  std::sort(horizontal.begin(), horizontal.end(),
            [](const Rule& a, const Rule& b) { return a.y0 < b.y0; });
  std::sort(vertical.begin(), vertical.end(),
            [](const Rule& a, const Rule& b) { return a.x0 < b.x0; });
  // The vertical rules at x from y0 to y1, ends within kMeet.
  auto side = [&vertical](double x, double y0, double y1) {
    auto it = std::lower_bound(vertical.begin(), vertical.end(), x - kMeet,
                               [](const Rule& r, double v) { return r.x0 < v; });
    for (; it != vertical.end() && it->x0 <= x + kMeet; ++it) {
      if (Near(it->y0, y0) && Near(it->y1, y1)) return true;
    }
    return false;
  };
  for (const Rule& top : horizontal) {
    auto left = std::lower_bound(vertical.begin(), vertical.end(), top.x0 - kMeet,
                                 [](const Rule& r, double v) { return r.x0 < v; });
    for (; left != vertical.end() && left->x0 <= top.x0 + kMeet; ++left) {
      if (!Near(left->y0, top.y0)) continue;
      auto bottom = std::lower_bound(horizontal.begin(), horizontal.end(), left->y1 - kMeet,
                                     [](const Rule& r, double v) { return r.y0 < v; });
      for (; bottom != horizontal.end() && bottom->y0 <= left->y1 + kMeet; ++bottom) {
        if (bottom->y0 - top.y0 >= 18 && Near(bottom->x0, top.x0) && Near(bottom->x1, top.x1) &&
            side(top.x1, top.y0, bottom->y0)) {
          frames.push_back({top.x0, top.y0, top.x1, bottom->y0});
        }
      }
    }
  }
  return frames;
}

// True when every rule reaching `box` is a side of it: no rule inside it
// (a grid, a drawing) and none going on past its frame (a table's cell,
// whose borders run on into the next cells').
bool StandsFree(const Box& box, const std::vector<Rule>& rules) {
  return std::all_of(rules.begin(), rules.end(), [&box](const Rule& r) {
    const bool reaches = r.x1 >= box.x0 - kMeet && r.x0 <= box.x1 + kMeet &&
                         r.y1 >= box.y0 - kMeet && r.y0 <= box.y1 + kMeet;
    if (!reaches) return true;
    const bool within = r.x0 >= box.x0 - kMeet && r.x1 <= box.x1 + kMeet &&
                        r.y0 >= box.y0 - kMeet && r.y1 <= box.y1 + kMeet;
    const bool on_side = r.y0 == r.y1 ? Near(r.y0, box.y0) || Near(r.y0, box.y1)
                                      : Near(r.x0, box.x0) || Near(r.x0, box.x1);
    return within && on_side;
  });
}

}  // namespace

std::vector<Callout> TakeCallouts(std::vector<Word>& words, const std::vector<Rule>& rules,
                                  double page_width) {
  std::vector<Callout> callouts;
  if (page_width <= 0) return callouts;
  std::vector<Box> frames = Frames(rules);
  std::sort(frames.begin(), frames.end(), [](const Box& a, const Box& b) { return a.y0 < b.y0; });
  const double middle = page_width / 2;
  for (const Box& box : frames) {
    const double width = box.x1 - box.x0;
    if (width >= 0.6 * page_width || box.x0 > middle - 0.1 * width ||
        box.x1 < middle + 0.1 * width || !StandsFree(box, rules)) {
      continue;
    }
    int left = 0, right = 0;
    for (const Word& w : words) {
      const double cy = (w.y0 + w.y1) / 2;
      if (cy <= box.y0 || cy >= box.y1) continue;
      if (w.x1 < box.x0) ++left;
      if (w.x0 > box.x1) ++right;
    }
    if (left < 2 || right < 2) continue;
    std::vector<Word> inside, kept;
    for (Word& w : words) {
      const double cx = (w.x0 + w.x1) / 2, cy = (w.y0 + w.y1) / 2;
      const bool in = cx > box.x0 && cx < box.x1 && cy > box.y0 && cy < box.y1;
      (in ? inside : kept).push_back(std::move(w));
    }
    words = std::move(kept);
    if (!inside.empty()) callouts.push_back({box.x0, box.y0, box.x1, box.y1, std::move(inside)});
  }
  return callouts;
}

}  // namespace diar::extract_internal
