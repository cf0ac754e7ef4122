#include "pipeline/tag/misspellings.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <cstdint>

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

constexpr std::uint64_t kBase = 0x100000001B3ULL;

// Polynomial hashes of `s` with its code point `skip` left out (npos: none).
// pre[k] is the hash of s[0..k), suf[k] of s[k..n), power[k] is kBase^k.
struct Hashes {
  std::vector<std::uint64_t> pre, suf, power;
  void Build(const std::u32string& s) {
    const std::size_t n = s.size();
    pre.assign(n + 1, 0);
    suf.assign(n + 2, 0);
    power.assign(n + 1, 1);
    for (std::size_t i = 0; i < n; ++i) {
      pre[i + 1] = pre[i] * kBase + s[i];
      power[i + 1] = power[i] * kBase;
    }
    for (std::size_t i = n; i-- > 0;) suf[i] = s[i] * power[n - 1 - i] + suf[i + 1];
  }
  std::uint64_t Full() const { return pre.back(); }
  // Hash of s without s[k]: the prefix shifted past the shorter suffix.
  std::uint64_t Without(std::size_t k, std::size_t n) const {
    return pre[k] * power[n - 1 - k] + suf[k + 1];
  }
};

// FNV-1a over `s`'s bytes with ASCII and Latin-1 capitals folded (Å Ä Ö
// and the rest of C3 80-9E), as the names' lower-case UTF-8 forms are.
std::uint64_t WordHash(std::string_view s) {
  std::uint64_t h = 0xCBF29CE484222325ULL;
  unsigned char previous = 0;
  for (unsigned char c : s) {
    unsigned char folded = c;
    if (c >= 'A' && c <= 'Z') folded = c + 32;
    if (previous == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97) folded = c + 0x20;
    h = (h ^ folded) * 0x100000001B3ULL;
    previous = c;
  }
  return h;
}

bool Has(const std::vector<std::uint64_t>& sorted, std::uint64_t key) {
  return std::binary_search(sorted.begin(), sorted.end(), key);
}

// A byte that may start a capital: A-Z, or the lead byte of À-Þ (C3 80-9E).
bool MayStartCapital(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  return (c >= 'A' && c <= 'Z') ||
         (c == 0xC3 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9E);
}

}  // namespace

void Misspellings::Build(const std::vector<std::pair<std::string, std::string>>& names) {
  Hashes hashes;
  bloom_.assign(kBloomBits / 64, 0);
  for (const auto& [form, value] : names) {
    std::u32string lower = LowerAll(Decode(FoldSpace(form)));
    if (lower.size() < kMinCodePoints) continue;
    const std::size_t id = names_.size();
    names_.push_back({lower, value, Words(lower)});
    hashes.Build(lower);
    index_[hashes.Full()].push_back(id);
    for (std::size_t k = 0; k < lower.size(); ++k) {
      std::vector<std::size_t>& ids = index_[hashes.Without(k, lower.size())];
      if (ids.empty() || ids.back() != id) ids.push_back(id);
    }
  }
  for (const Name& name : names_) {
    std::string utf8;
    for (char32_t c : name.form) AppendUtf8(c, &utf8);
    if (name.words == 1) {
      for (std::size_t length = name.form.size() - 1; length <= name.form.size() + 1; ++length) {
        single_lengths_.push_back(static_cast<std::uint64_t>(name.form[0]) << 32 | length);
      }
    } else if (name.words <= 3) {
      first_words_[name.words].push_back(WordHash(utf8.substr(0, utf8.find(' '))));
      last_words_[name.words].push_back(WordHash(utf8.substr(utf8.rfind(' ') + 1)));
    }
  }
  for (std::vector<std::uint64_t>* v : {&first_words_[2], &first_words_[3], &last_words_[2],
                                         &last_words_[3], &single_lengths_}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  for (const auto& [key, ids] : index_) {
    const std::size_t bit = (key * 0x9E3779B97F4A7C15ULL) >> (64 - 21);
    bloom_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
}

void Misspellings::Find(std::string_view text, std::vector<Candidate>* candidates) const {
  if (names_.empty()) return;
  // Where bodies were found otherwise, as disjoint sorted intervals, so
  // that a span's overlap is one binary search.
  std::vector<std::pair<std::size_t, std::size_t>> taken;
  for (const Candidate& c : *candidates) {
    if (c.type == "body") taken.emplace_back(c.begin, c.end);
  }
  std::sort(taken.begin(), taken.end());
  std::size_t merged = 0;
  for (std::size_t k = 0; k < taken.size(); ++k) {
    if (merged > 0 && taken[k].first <= taken[merged - 1].second) {
      taken[merged - 1].second = std::max(taken[merged - 1].second, taken[k].second);
    } else {
      taken[merged++] = taken[k];
    }
  }
  taken.resize(merged);
  auto overlaps = [&](std::size_t begin, std::size_t end) {
    // The first interval that ends after `begin`; it overlaps if it starts
    // before `end`.
    const auto it = std::partition_point(taken.begin(), taken.end(),
                                         [&](const auto& t) { return t.second <= begin; });
    return it != taken.end() && it->first < end;
  };
  std::vector<Candidate> found;
  for (std::size_t i = 0; i < text.size(); ++i) {
    // A capital after a space, a line break or punctuation (ASCII).
    if (!MayStartCapital(text, i)) continue;
    if (i > 0 && static_cast<unsigned char>(text[i - 1]) >= 0x80) continue;
    if (i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1]))) continue;
    // Inside a body found otherwise: nothing to correct.
    if (overlaps(i, i + 1)) continue;
    // One to three words from here, on one line.
    std::size_t end = i;
    std::size_t code_points = 0;
    for (std::size_t words = 1; words <= 3; ++words) {
      while (end < text.size()) {
        const auto byte = static_cast<unsigned char>(text[end]);
        if (byte < 0x80 && !std::isalnum(byte) && byte != '-') break;
        if ((byte & 0xC0) != 0x80) ++code_points;
        ++end;
      }
      bool may_be = false;
      if (code_points >= kMinCodePoints) {
        const std::string_view span = text.substr(i, end - i);
        if (words == 1) {
          const auto first = static_cast<unsigned char>(text[i]);
          const std::uint64_t letter = first < 0x80 ? first + 32 : 0;  // non-ASCII: checked below
          may_be = letter == 0 || Has(single_lengths_, letter << 32 | code_points);
        } else {
          may_be = Has(first_words_[words], WordHash(span.substr(0, span.find(' ')))) ||
                   Has(last_words_[words], WordHash(span.substr(span.rfind(' ') + 1)));
        }
      }
      if (may_be && !overlaps(i, end)) {
        static thread_local std::u32string lower;
        static thread_local Hashes hashes;
        lower.clear();
        for (std::size_t k = i; k < end;) {
          const auto byte = static_cast<unsigned char>(text[k]);
          if (byte < 0x80) {
            lower.push_back(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
            ++k;
            continue;
          }
          std::size_t length = 0;
          lower.push_back(static_cast<char32_t>(u_tolower(static_cast<UChar32>(DecodeAt(text, k, &length)))));
          k += length == 0 ? 1 : length;
        }
        hashes.Build(lower);
        const Name* hit = nullptr;
        auto probe = [&](std::uint64_t key) {
          const std::size_t bit = (key * 0x9E3779B97F4A7C15ULL) >> (64 - 21);
          if ((bloom_[bit / 64] >> (bit % 64) & 1) == 0) return;
          const auto it = index_.find(key);
          if (it == index_.end()) return;
          for (std::size_t id : it->second) {
            const Name& name = names_[id];
            if (name.words == words && name.form[0] == lower[0] && OneEdit(lower, name.form)) {
              hit = &name;
            }
          }
        };
        probe(hashes.Full());
        for (std::size_t d = 0; d < lower.size() && hit == nullptr; ++d) {
          probe(hashes.Without(d, lower.size()));
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
      ++code_points;
    }
  }
  for (Candidate& c : found) candidates->push_back(std::move(c));
}

}  // namespace diar::tag_internal
