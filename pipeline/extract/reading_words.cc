#include "pipeline/extract/reading_words.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <utility>

namespace diar::extract_internal {
namespace {

// poppler 22.12's parameters (TextOutputDev.cc), as fractions of the font
// size, and the height of its baseline buckets in points.
constexpr double kDupMaxPriDelta = 0.1;
constexpr double kDupMaxSecDelta = 0.2;
constexpr double kMaxIntraLineDelta = 0.5;
constexpr double kMinCharSpacing = -0.5;
constexpr double kMaxWordSpacing = 1.5;
constexpr double kMaxCharSpacing = 0.03;
constexpr double kMaxWideCharSpacingMul = 1.3;
constexpr double kMaxWideCharSpacing = 0.4;
constexpr double kMaxWordFontSizeDelta = 0.05;
constexpr double kTextPoolStep = 4;

using Raw = GlyphWord;

// The gap from `a`'s end to `b`'s start along the line (TextWord::primaryDelta).
double PrimaryDelta(const Raw& a, const Raw& b) {
  switch (a.rot) {
    case 0: return b.x0 - a.x1;
    case 1: return b.y0 - a.y1;
    case 2: return a.x0 - b.x1;
    default: return a.y0 - b.y1;
  }
}

// Where the word starts along its line (TextWord::primaryCmp's measure).
double Primary(const Raw& w) {
  switch (w.rot) {
    case 0: return w.x0;
    case 1: return w.y0;
    case 2: return -w.x1;
    default: return -w.y1;
  }
}

int BaseIdx(double base) { return static_cast<int>(base / kTextPoolStep); }

// Whether `a` comes before `b` (same rotation) in poppler's pool of words:
// by baseline bucket, then along the line, a later word before an earlier
// one where they start at the same place (TextPool::addWord).
bool PoolOrder(const Raw& a, int ia, const Raw& b, int ib) {
  if (BaseIdx(a.base) != BaseIdx(b.base)) return BaseIdx(a.base) < BaseIdx(b.base);
  if (Primary(a) != Primary(b)) return Primary(a) < Primary(b);
  return ia > ib;
}

// The words' texts: their code points, and a hash of each word's, worked
// out once for both passes over them.
struct Texts {
  Texts(const std::vector<Raw>& words, const std::vector<Unicode>& chars) : chars(chars) {
    hashes.reserve(words.size());
    for (const Raw& w : words) {
      std::uint64_t h = 14695981039346656037ull;  // FNV-1a
      for (int i = w.chars_begin; i < w.chars_end; ++i) h = (h ^ chars[i]) * 1099511628211ull;
      hashes.push_back(h);
    }
  }
  bool Same(const Raw& a, const Raw& b) const {
    return a.length() == b.length() &&
           std::memcmp(&chars[a.chars_begin], &chars[b.chars_begin],
                       static_cast<std::size_t>(a.length()) * sizeof(Unicode)) == 0;
  }
  const std::vector<Unicode>& chars;
  std::vector<std::uint64_t> hashes;  // by word
};

// `later` repeats `kept` (earlier in pool order) where poppler's
// TextBlock::coalesce drops it: the same text, each edge within a tenth of
// `kept`'s size along the line and a fifth across it, in the baseline
// buckets it searches.
bool Repeats(const Raw& kept, const Raw& later, const Texts& texts) {
  const double pri = kDupMaxPriDelta * kept.size, sec = kDupMaxSecDelta * kept.size;
  if (BaseIdx(later.base) > BaseIdx(kept.base + sec)) return false;
  const double dx = kept.rot % 2 == 0 ? pri : sec, dy = kept.rot % 2 == 0 ? sec : pri;
  return std::abs(kept.x0 - later.x0) < dx && std::abs(kept.x1 - later.x1) < dx &&
         std::abs(kept.y0 - later.y0) < dy && std::abs(kept.y1 - later.y1) < dy &&
         texts.Same(kept, later);
}

// Whether `a` and `b` could be one text drawn twice: a loose test, true of
// every pair Repeats() is true of, either way round.
bool Near(const Raw& a, const Raw& b) {
  const double limit = kDupMaxSecDelta * std::max(a.size, b.size);
  return a.rot == b.rot && std::abs(a.y0 - b.y0) < limit && std::abs(a.x0 - b.x0) < limit;
}

// Whether any two words of the page have the same text and lie Near()
// each other: on most pages none do, and nothing needs sorting. Each word
// is checked against the earlier words of its text, found through a hash
// table of chains.
bool AnyNearTwins(const std::vector<Raw>& raw, const Texts& texts) {
  std::size_t slots = 16;
  while (slots < 2 * raw.size()) slots *= 2;
  std::vector<std::pair<std::uint64_t, int>> heads(slots, {0, -1});  // text hash, latest word
  std::vector<int> earlier(raw.size(), -1);                          // the word before of the same hash
  for (int i = 0; i < static_cast<int>(raw.size()); ++i) {
    const std::uint64_t h = texts.hashes[i];
    std::size_t slot = h & (slots - 1);
    while (heads[slot].second >= 0 && heads[slot].first != h) slot = (slot + 1) & (slots - 1);
    for (int j = heads[slot].second; j >= 0; j = earlier[j]) {
      if (Near(raw[j], raw[i])) return true;
    }
    earlier[i] = heads[slot].second;
    heads[slot] = {h, i};
  }
  return false;
}

// Marks in `dropped` each word that repeats one before it in pool order.
// Only words with a twin in text can repeat, so they are grouped by a hash
// of their text first.
void DropRepeats(const std::vector<Raw>& raw, const Texts& texts, std::vector<bool>& dropped) {
  std::vector<std::pair<std::uint64_t, int>> by_text;
  by_text.reserve(raw.size());
  for (int i = 0; i < static_cast<int>(raw.size()); ++i) by_text.emplace_back(texts.hashes[i], i);
  std::sort(by_text.begin(), by_text.end());
  std::vector<int> twins;
  for (std::size_t s = 0; s < by_text.size();) {
    std::size_t e = s + 1;
    while (e < by_text.size() && by_text[e].first == by_text[s].first) ++e;
    if (e - s >= 2) {
      twins.clear();
      for (std::size_t k = s; k < e; ++k) twins.push_back(by_text[k].second);
      std::sort(twins.begin(), twins.end(), [&](int a, int b) {
        if (raw[a].rot != raw[b].rot) return raw[a].rot < raw[b].rot;
        return PoolOrder(raw[a], a, raw[b], b);
      });
      for (std::size_t k = 1; k < twins.size(); ++k) {
        const Raw& later = raw[twins[k]];
        for (std::size_t j = 0; j < k && !dropped[twins[k]]; ++j) {
          const Raw& kept = raw[twins[j]];
          if (!dropped[twins[j]] && kept.rot == later.rot && Repeats(kept, later, texts)) dropped[twins[k]] = true;
        }
      }
    }
    s = e;
  }
}

// The spacing below which two words of a line may be one (TextLine::coalesce):
// a thirtieth of the first word's size, unless the line starts with single
// glyphs set apart (letter spacing), where it is 1.3 times their narrowest
// gap, up to 0.4 em.
double MergeSpacing(const std::vector<Raw>& raw, const std::vector<int>& line) {
  const Raw& first = raw[line[0]];
  double min_space = 0;
  if (raw[line[0]].length() == 1 && raw[line[1]].length() == 1) {
    min_space = PrimaryDelta(raw[line[0]], raw[line[1]]);
    for (std::size_t k = 2; k < line.size() && min_space > 0; ++k) {
      if (raw[line[k]].length() > 1) min_space = 0;
      min_space = std::min(min_space, PrimaryDelta(raw[line[k - 1]], raw[line[k]]));
    }
  }
  if (min_space <= 0) return kMaxCharSpacing * first.size;
  return std::min(kMaxWideCharSpacingMul * min_space, kMaxWideCharSpacing * first.size);
}

// Merges the words of one line (indices into `raw`, in raw order) as
// TextLine::coalesce does, appending the results to `out`.
void MergeLine(const std::vector<Raw>& raw, const std::vector<int>& line,
               std::vector<ReadingWord>& out) {
  const double space = line.size() >= 2 ? MergeSpacing(raw, line) : 0;
  const double size_delta = kMaxWordFontSizeDelta * raw[line[0]].size;
  Raw merged = raw[line[0]];
  int begin = line[0], end = line[0] + 1;
  auto emit = [&] { out.push_back({begin, end, merged.x0, merged.y0, merged.x1, merged.y1}); };
  for (std::size_t k = 1; k < line.size(); ++k) {
    const Raw& next = raw[line[k]];
    const Raw& last = raw[end - 1];
    // poppler's line is in order along it, so `next` must start no earlier
    // than the word before it: a mirrored line's glyphs, drawn leftwards,
    // are never one word.
    const bool joins = PrimaryDelta(merged, next) < space && line[k] == end &&
                       Primary(next) >= Primary(last) &&
                       last.font_last == next.font_first && std::abs(merged.size - next.size) < size_delta &&
                       next.char_pos == last.char_end;
    if (joins) {
      merged.x0 = std::min(merged.x0, next.x0), merged.y0 = std::min(merged.y0, next.y0);
      merged.x1 = std::max(merged.x1, next.x1), merged.y1 = std::max(merged.y1, next.y1);
      end = line[k] + 1;
      continue;
    }
    emit();
    merged = next;
    begin = line[k], end = line[k] + 1;
  }
  emit();
}

}  // namespace

std::vector<ReadingWord> ReadingOrderWords(const GlyphWords& glyph_words) {
  const std::vector<Raw>& raw = glyph_words.words;
  const Texts texts(raw, glyph_words.chars);
  const int n = static_cast<int>(raw.size());
  std::vector<bool> dropped(raw.size(), false);
  if (AnyNearTwins(raw, texts)) DropRepeats(raw, texts, dropped);

  std::vector<ReadingWord> out;
  out.reserve(raw.size());
  std::vector<int> line;
  for (int i = 0; i <= n; ++i) {
    if (i < n && dropped[i]) continue;
    if (!line.empty() && i < n) {
      const Raw& first = raw[line[0]];
      const Raw& w = raw[i];
      const double delta = PrimaryDelta(raw[line.back()], w);
      if (w.rot == first.rot && std::abs(w.base - first.base) <= kMaxIntraLineDelta * first.size &&
          delta >= kMinCharSpacing * first.size && delta < kMaxWordSpacing * first.size) {
        line.push_back(i);
        continue;
      }
    }
    if (!line.empty()) MergeLine(raw, line, out);
    line.clear();
    if (i < n) line.push_back(i);
  }
  return out;
}

}  // namespace diar::extract_internal
