#include "pipeline/extract/scan_rules.h"

#include <algorithm>

namespace diar::extract_internal {
namespace {

constexpr unsigned char kInk = 128;  // below: dark
constexpr int kMaxGap = 2;           // pixels of broken ink inside a rule

// A run of dark pixels along a line of pixels: `at` is the row (for
// horizontal runs) or column, [from, to] the pixels it covers.
struct Run {
  int at, from, to;
};

// A rule growing across neighbouring lines of pixels.
struct Band {
  int first, last;  // lines it covers
  int from, to;     // union of its runs
};

bool Overlap(const Band& b, const Run& r) {
  const int overlap = std::min(b.to, r.to) - std::max(b.from, r.from);
  return overlap > 0.8 * std::min(b.to - b.from, r.to - r.from);
}

// Runs (sorted by line) into bands of touching lines.
std::vector<Band> Bands(const std::vector<Run>& runs) {
  std::vector<Band> done, open;
  for (const Run& r : runs) {
    bool joined = false;
    for (Band& b : open) {
      if (b.last >= r.at - 1 && Overlap(b, r)) {
        b.last = r.at;
        b.from = std::min(b.from, r.from);
        b.to = std::max(b.to, r.to);
        joined = true;
        break;
      }
    }
    if (!joined) open.push_back({r.at, r.at, r.from, r.to});
    // Bands that no longer touch the current line are finished.
    for (std::size_t i = 0; i < open.size();) {
      if (open[i].last < r.at - 1) {
        done.push_back(open[i]);
        open[i] = open.back();
        open.pop_back();
      } else {
        ++i;
      }
    }
  }
  done.insert(done.end(), open.begin(), open.end());
  return done;
}

}  // namespace

std::vector<Rule> FindScanRules(const unsigned char* pixels, int width, int height,
                                std::size_t bytes_per_row, double dpi) {
  const int min_length = static_cast<int>(dpi / 4);
  std::vector<Run> horizontal, vertical;
  // Per column: where its current dark run started and was last dark.
  std::vector<int> start(static_cast<std::size_t>(width), -1), last(static_cast<std::size_t>(width), -1);
  auto close_column = [&](int x) {
    const auto i = static_cast<std::size_t>(x);
    if (start[i] >= 0 && last[i] - start[i] + 1 >= min_length) {
      vertical.push_back({x, start[i], last[i]});
    }
    start[i] = -1;
  };
  for (int y = 0; y < height; ++y) {
    const unsigned char* row = pixels + static_cast<std::size_t>(y) * bytes_per_row;
    int run_start = -1, run_last = -1;
    for (int x = 0; x < width; ++x) {
      const auto i = static_cast<std::size_t>(x);
      if (row[x] < kInk) {
        if (run_start < 0 || x - run_last > kMaxGap + 1) {
          if (run_start >= 0 && run_last - run_start + 1 >= min_length) {
            horizontal.push_back({y, run_start, run_last});
          }
          run_start = x;
        }
        run_last = x;
        if (start[i] < 0 || y - last[i] > kMaxGap + 1) {
          close_column(x);
          start[i] = y;
        }
        last[i] = y;
      }
    }
    if (run_start >= 0 && run_last - run_start + 1 >= min_length) {
      horizontal.push_back({y, run_start, run_last});
    }
  }
  for (int x = 0; x < width; ++x) close_column(x);
  std::sort(vertical.begin(), vertical.end(),
            [](const Run& a, const Run& b) { return a.at < b.at || (a.at == b.at && a.from < b.from); });

  const double scale = 72.0 / dpi;
  std::vector<Rule> rules;
  for (const Band& b : Bands(horizontal)) {
    const double y = (b.first + b.last + 1) / 2.0 * scale;
    rules.push_back({b.from * scale, y, (b.to + 1) * scale, y});
  }
  for (const Band& b : Bands(vertical)) {
    const double x = (b.first + b.last + 1) / 2.0 * scale;
    rules.push_back({x, b.from * scale, x, (b.to + 1) * scale});
  }
  return rules;
}

}  // namespace diar::extract_internal
