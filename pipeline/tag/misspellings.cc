#include "pipeline/tag/misspellings.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "pipeline/tag/text_util.h"

namespace diar::tag_internal {
namespace {

const std::string kRule = "misspelling";

std::u32string Decode(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t length = 0;
    out.push_back(DecodeAt(s, i, &length));
    i += length == 0 ? 1 : length;
  }
  return out;
}

std::string Encode(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) AppendUtf8(c, &out);
  return out;
}

std::u32string LowerAll(std::u32string s) {
  for (char32_t& c : s) c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
  return s;
}

// Levenshtein distance is exactly one.
bool OneEdit(const std::u32string& a, const std::u32string& b) {
  if (a == b) return false;
  const std::size_t n = a.size(), m = b.size();
  if (n + 1 < m || m + 1 < n) return false;
  std::size_t i = 0;
  while (i < n && i < m && a[i] == b[i]) ++i;
  if (n == m) return a.compare(i + 1, std::u32string::npos, b, i + 1, std::u32string::npos) == 0;
  if (n > m) return a.compare(i + 1, std::u32string::npos, b, i, std::u32string::npos) == 0;
  return a.compare(i, std::u32string::npos, b, i + 1, std::u32string::npos) == 0;
}

std::size_t Words(const std::u32string& s) { return 1 + std::count(s.begin(), s.end(), U' '); }

}  // namespace

void Misspellings::Build(const std::vector<std::pair<std::string, std::string>>& names) {
  for (const auto& [form, value] : names) {
    std::u32string lower = LowerAll(Decode(FoldSpace(form)));
    if (lower.size() < kMinCodePoints) continue;
    const std::size_t id = names_.size();
    names_.push_back({lower, value, Words(lower)});
    index_[Encode(lower)].push_back(id);
    for (std::size_t i = 0; i < lower.size(); ++i) {
      std::u32string deleted = lower;
      deleted.erase(i, 1);
      std::vector<std::size_t>& ids = index_[Encode(deleted)];
      if (ids.empty() || ids.back() != id) ids.push_back(id);
    }
  }
}

void Misspellings::Find(std::string_view text, std::vector<Candidate>* candidates) const {
  if (names_.empty()) return;
  std::vector<std::pair<std::size_t, std::size_t>> taken;
  for (const Candidate& c : *candidates) {
    if (c.type == "body") taken.emplace_back(c.begin, c.end);
  }
  std::sort(taken.begin(), taken.end());
  auto overlaps = [&](std::size_t begin, std::size_t end) {
    auto it = std::lower_bound(taken.begin(), taken.end(), std::make_pair(end, std::size_t{0}));
    while (it != taken.begin()) {
      --it;
      if (it->second > begin) return true;
      if (it->first + 4096 < begin) break;  // spans are short
    }
    return false;
  };
  std::vector<Candidate> found;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 0;
    const char32_t c = DecodeAt(text, i, &length);
    if (length == 0) length = 1;
    const bool starts = IsUpper(c) && (i == 0 || !IsBoundaryWordChar(DecodeBefore(text, i)));
    if (!starts) {
      i += length;
      continue;
    }
    // One to three words from here, on one line.
    std::size_t end = i;
    for (std::size_t words = 1; words <= 3; ++words) {
      while (end < text.size()) {
        std::size_t l = 0;
        const char32_t w = DecodeAt(text, end, &l);
        if (!IsBoundaryWordChar(w) && w != '-') break;
        end += l == 0 ? 1 : l;
      }
      const std::string_view span = text.substr(i, end - i);
      if (span.size() >= kMinCodePoints && !overlaps(i, end)) {
        const std::u32string lower = LowerAll(Decode(span));
        const Name* hit = nullptr;
        auto probe = [&](const std::u32string& key) {
          const auto it = index_.find(Encode(key));
          if (it == index_.end()) return;
          for (std::size_t id : it->second) {
            const Name& name = names_[id];
            if (name.words == words && name.form[0] == lower[0] && OneEdit(lower, name.form)) {
              hit = &name;
            }
          }
        };
        if (lower.size() + 1 >= kMinCodePoints) {
          probe(lower);
          for (std::size_t k = 0; k < lower.size() && hit == nullptr; ++k) {
            std::u32string deleted = lower;
            deleted.erase(k, 1);
            probe(deleted);
          }
        }
        if (hit != nullptr) {
          Candidate candidate;
          candidate.type = "body";
          candidate.begin = i;
          candidate.end = end;
          candidate.value = hit->value;
          candidate.rule = &kRule;
          found.push_back(std::move(candidate));
          break;
        }
      }
      if (end >= text.size() || text[end] != ' ') break;
      ++end;
    }
    i += length;
    while (i < text.size() && IsBoundaryWordChar(DecodeAt(text, i, &length))) i += length ? length : 1;
  }
  for (Candidate& c : found) candidates->push_back(std::move(c));
}

}  // namespace diar::tag_internal
