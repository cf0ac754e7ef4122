// text_metrics: character error rate for the extraction tests and the bench.
#ifndef DIAR_TESTS_EXTRACT_TEXT_METRICS_H_
#define DIAR_TESTS_EXTRACT_TEXT_METRICS_H_

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

namespace diar::testing {

// Code points of `utf8` with every run of white space (including the "\f"
// page separator lines of .truth files) folded to one space, trimmed.
inline std::u32string FoldWhitespace(const std::string& utf8) {
  std::u32string out;
  bool space = false;
  for (int32_t i = 0, n = static_cast<int32_t>(utf8.size()); i < n;) {
    UChar32 c;
    U8_NEXT(utf8.data(), i, n, c);
    if (c < 0) c = 0xFFFD;
    if (u_isUWhiteSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(U' ');
    space = false;
    out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

// Levenshtein distance, computed in a diagonal band that doubles until the
// distance fits inside it (Ukkonen): O(n * d) rather than O(n * m), so a
// 100 000-character document with a few hundred errors takes milliseconds.
inline std::size_t EditDistance(const std::u32string& a, const std::u32string& b) {
  const std::size_t n = a.size(), m = b.size();
  const std::size_t diff = n > m ? n - m : m - n;
  for (std::size_t band = std::max<std::size_t>(64, diff + 1);; band *= 2) {
    const std::size_t kInf = n + m + 1;
    std::vector<std::size_t> prev(m + 1, kInf), cur(m + 1, kInf);
    for (std::size_t j = 0; j <= std::min(m, band); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
      const std::size_t lo = i > band ? i - band : 0;
      const std::size_t hi = std::min(m, i + band);
      std::fill(cur.begin() + static_cast<std::ptrdiff_t>(lo > 0 ? lo - 1 : 0),
                cur.begin() + static_cast<std::ptrdiff_t>(hi + 1), kInf);
      if (lo == 0) cur[0] = i;
      for (std::size_t j = std::max<std::size_t>(lo, 1); j <= hi; ++j) {
        std::size_t best = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
        best = std::min(best, prev[j] + 1);
        best = std::min(best, cur[j - 1] + 1);
        cur[j] = best;
      }
      std::swap(prev, cur);
    }
    if (prev[m] <= band || band >= std::max(n, m)) return prev[m];
  }
}

// Character error rate of `hypothesis` against `reference`, white space
// folded in both: edits / reference length.
inline double CharacterErrorRate(const std::string& hypothesis, const std::string& reference) {
  const std::u32string h = FoldWhitespace(hypothesis);
  const std::u32string r = FoldWhitespace(reference);
  if (r.empty()) return h.empty() ? 0.0 : 1.0;
  return static_cast<double>(EditDistance(h, r)) / static_cast<double>(r.size());
}

}  // namespace diar::testing

#endif  // DIAR_TESTS_EXTRACT_TEXT_METRICS_H_
