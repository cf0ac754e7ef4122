#include "pipeline/tag/misspellings.h"

#include <unicode/uchar.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
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

// FNV-1a, one byte at a time, with ASCII and Latin-1 capitals folded (Å Ä
// Ö and the rest of C3 80-9E), as the names' lower-case UTF-8 forms are:
// the text's words are hashed as they are read, with no copy.
struct WordHasher {
  std::uint64_t hash = 0xCBF29CE484222325ULL;
  unsigned char previous = 0;
  void Add(unsigned char c) {
    unsigned char folded = c;
    if (c >= 'A' && c <= 'Z') folded = c + 32;
    if (previous == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97) folded = c + 0x20;
    hash = (hash ^ folded) * 0x100000001B3ULL;
    previous = c;
  }
};

std::uint64_t WordHash(std::string_view s) {
  WordHasher hasher;
  for (unsigned char c : s) hasher.Add(c);
  return hasher.hash;
}

// Letters and digits of ASCII, and the hyphen: a name's word goes on over
// them (bytes from 0x80 on are parts of letters).
constexpr std::array<bool, 128> MakeWordTable() {
  std::array<bool, 128> table{};
  for (int c = '0'; c <= '9'; ++c) table[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = true;
  table['-'] = true;
  return table;
}
constexpr std::array<bool, 128> kWordByte = MakeWordTable();

bool IsAsciiAlnum(unsigned char c) { return c < 0x80 && c != '-' && kWordByte[c]; }

// A byte that may start a capital: A-Z, or the lead byte of À-Þ (C3 80-9E).
bool MayStartCapital(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  return (c >= 'A' && c <= 'Z') ||
         (c == 0xC3 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9E);
}

// The first byte at or after `from` that is A-Z or C3, or text.size().
// Capitals are a few bytes in a hundred, and a byte-by-byte test of each
// was most of the matcher's time (bench/tag): 16 bytes at a time where the
// machine has SSE2.
std::size_t NextCapitalByte(std::string_view text, std::size_t from) {
  std::size_t i = from;
#if defined(__SSE2__)
  const __m128i a = _mm_set1_epi8('A');
  const __m128i span = _mm_set1_epi8('Z' - 'A');
  const __m128i lead = _mm_set1_epi8(static_cast<char>(0xC3));
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const __m128i offset = _mm_sub_epi8(chunk, a);
    // offset <= 25 unsigned: min(offset, 25) == offset.
    const __m128i upper = _mm_cmpeq_epi8(_mm_min_epu8(offset, span), offset);
    const __m128i hit = _mm_or_si128(upper, _mm_cmpeq_epi8(chunk, lead));
    if (const int mask = _mm_movemask_epi8(hit); mask != 0) return i + __builtin_ctz(mask);
  }
#endif
  for (; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c >= 'A' && c <= 'Z') || c == 0xC3) return i;
  }
  return text.size();
}

// The bytes of a one-word name's start and end that the filter compares:
// fewer than half of the shortest name's 15 letters, so a slip in either
// half leaves the other's bytes as they are.
constexpr std::size_t kAffixBytes = 6;

// What a filter key says about a span.
enum class Shape : std::uint64_t {
  kFirstOfTwo = 1, kFirstOfThree, kLastOfTwo, kLastOfThree, kPrefix, kSuffix, kLetterLength
};

std::uint64_t Key(Shape shape, std::uint64_t hash) {
  return hash ^ (static_cast<std::uint64_t>(shape) * 0x9E3779B97F4A7C15ULL);
}

std::uint64_t FirstKey(std::size_t words, std::uint64_t hash) {
  return Key(words == 2 ? Shape::kFirstOfTwo : Shape::kFirstOfThree, hash);
}

std::uint64_t LastKey(std::size_t words, std::uint64_t hash) {
  return Key(words == 2 ? Shape::kLastOfTwo : Shape::kLastOfThree, hash);
}

std::uint64_t PrefixKey(std::string_view word) {
  return Key(Shape::kPrefix, WordHash(word.substr(0, kAffixBytes)));
}

// The byte before the last kAffixBytes is the fold's context (a capital's
// lead byte C3).
std::uint64_t SuffixKey(std::string_view word) {
  WordHasher hasher;
  hasher.previous = static_cast<unsigned char>(word[word.size() - kAffixBytes - 1]);
  for (unsigned char c : word.substr(word.size() - kAffixBytes)) hasher.Add(c);
  return Key(Shape::kSuffix, hasher.hash);
}

std::uint64_t LetterLengthKey(char32_t lower_first, std::size_t code_points) {
  return Key(Shape::kLetterLength, static_cast<std::uint64_t>(lower_first) << 32 | code_points);
}

std::size_t BloomBit(std::uint64_t key, int bits_log2) {
  return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> (64 - bits_log2));
}

}  // namespace

void Misspellings::KeySet::Seal() {
  std::sort(keys_.begin(), keys_.end());
  keys_.erase(std::unique(keys_.begin(), keys_.end()), keys_.end());
  bits_.assign((std::size_t{1} << kBitsLog2) / 64, 0);
  for (const std::uint64_t key : keys_) {
    const std::size_t bit = BloomBit(key, kBitsLog2);
    bits_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
}

bool Misspellings::KeySet::Has(std::uint64_t key) const {
  const std::size_t bit = BloomBit(key, kBitsLog2);
  if ((bits_[bit / 64] >> (bit % 64) & 1) == 0) return false;
  return std::binary_search(keys_.begin(), keys_.end(), key);
}

void Misspellings::Build(const std::vector<std::pair<std::string, std::string>>& names) {
  Hashes hashes;
  bloom_.assign((std::size_t{1} << kBloomBitsLog2) / 64, 0);
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
        keys_.Add(LetterLengthKey(name.form[0], length));
      }
      keys_.Add(PrefixKey(utf8));
      keys_.Add(SuffixKey(utf8));
    } else if (name.words <= 3) {
      keys_.Add(FirstKey(name.words, WordHash(utf8.substr(0, utf8.find(' ')))));
      keys_.Add(LastKey(name.words, WordHash(utf8.substr(utf8.rfind(' ') + 1))));
    }
  }
  keys_.Seal();
  for (const auto& [key, ids] : index_) {
    const std::size_t bit = BloomBit(key, kBloomBitsLog2);
    bloom_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
}

const Misspellings::Name* Misspellings::Closest(std::string_view span, std::size_t words) const {
  // Reused across calls: a span is decoded without allocating.
  static thread_local std::u32string lower;
  static thread_local Hashes hashes;
  lower.clear();
  for (std::size_t k = 0; k < span.size();) {
    const auto byte = static_cast<unsigned char>(span[k]);
    if (byte < 0x80) {
      lower.push_back(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
      ++k;
      continue;
    }
    std::size_t length = 0;
    lower.push_back(static_cast<char32_t>(u_tolower(static_cast<UChar32>(DecodeAt(span, k, &length)))));
    k += length == 0 ? 1 : length;
  }
  hashes.Build(lower);
  const Name* hit = nullptr;
  auto probe = [&](std::uint64_t key) {
    const std::size_t bit = BloomBit(key, kBloomBitsLog2);
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
  return hit;
}

void Misspellings::Find(std::string_view text, std::vector<Candidate>* candidates) const {
  if (names_.empty()) return;
  // Where bodies were found otherwise, as disjoint sorted intervals.
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
  // The first interval that ends after the span's start (which only grows):
  // the span overlaps one if that one starts before the span's end.
  std::size_t next_taken = 0;
  auto overlaps = [&](std::size_t end) {
    return next_taken < taken.size() && taken[next_taken].first < end;
  };
  std::vector<Candidate> found;
  for (std::size_t i = NextCapitalByte(text, 0); i < text.size();
       i = NextCapitalByte(text, i + 1)) {
    // A capital after a space, a line break or punctuation (ASCII).
    if (!MayStartCapital(text, i)) continue;
    if (i > 0) {
      const auto before = static_cast<unsigned char>(text[i - 1]);
      if (before >= 0x80 || IsAsciiAlnum(before)) continue;
    }
    while (next_taken < taken.size() && taken[next_taken].second <= i) ++next_taken;
    // Inside a body found otherwise: nothing to correct.
    if (overlaps(i + 1)) continue;
    // One to three words from here, on one line, each hashed as it is read.
    std::size_t end = i;
    std::size_t code_points = 0;
    std::uint64_t first_word = 0;
    for (std::size_t words = 1; words <= 3; ++words) {
      WordHasher word;
      while (end < text.size()) {
        const auto byte = static_cast<unsigned char>(text[end]);
        if (byte < 0x80 && !kWordByte[byte]) break;
        if ((byte & 0xC0) != 0x80) ++code_points;
        word.Add(byte);
        ++end;
      }
      if (words == 1) first_word = word.hash;
      bool may_be = false;
      if (code_points >= kMinCodePoints) {
        const std::string_view span = text.substr(i, end - i);
        if (words == 1) {
          std::size_t length = 0;
          const auto first = static_cast<char32_t>(
              u_tolower(static_cast<UChar32>(DecodeAt(span, 0, &length))));
          may_be = keys_.Has(LetterLengthKey(first, code_points)) &&
                   (keys_.Has(PrefixKey(span)) || keys_.Has(SuffixKey(span)));
        } else {
          may_be = keys_.Has(FirstKey(words, first_word)) || keys_.Has(LastKey(words, word.hash));
        }
      }
      if (may_be && !overlaps(end)) {
        if (const Name* hit = Closest(text.substr(i, end - i), words); hit != nullptr) {
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
