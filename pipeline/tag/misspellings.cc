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

// The byte the filter keys read for `c`: ASCII capitals in lower case, and
// continuation bytes 80-9E but 97 plus 0x20 (after C3 that is the small
// letter of a Latin-1 capital: Å Ä Ö ...), as the names' lower-case UTF-8
// forms read. Folding those bytes after any lead byte keeps the fold a
// function of the byte alone: a key may let more spans through to
// Closest, never fewer.
constexpr std::array<unsigned char, 256> MakeFoldTable() {
  std::array<unsigned char, 256> table{};
  for (int c = 0; c < 256; ++c) {
    table[c] = static_cast<unsigned char>(c);
    if (c >= 'A' && c <= 'Z') table[c] = static_cast<unsigned char>(c + 32);
    if (c >= 0x80 && c <= 0x9E && c != 0x97) table[c] = static_cast<unsigned char>(c + 0x20);
  }
  return table;
}
constexpr std::array<unsigned char, 256> kFold = MakeFoldTable();

// FNV-1a of the folded bytes, with no copy; only the words a filter key
// needs are hashed.
std::uint64_t WordHash(std::string_view s) {
  std::uint64_t hash = 0xCBF29CE484222325ULL;
  for (const unsigned char c : s) hash = (hash ^ kFold[c]) * 0x100000001B3ULL;
  return hash;
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

// The end of the word at `i` (kWordByte bytes and every byte from 0x80),
// adding its code points to `*code_points`. Every capital reads up to three
// words, which byte by byte was most of the matcher's time (bench/tag): 16
// bytes at a time where the machine has SSE2.
std::size_t WordEnd(std::string_view text, std::size_t i, std::size_t* code_points) {
#if defined(__SSE2__)
  const __m128i small_a = _mm_set1_epi8('a');
  const __m128i zero = _mm_set1_epi8('0');
  const __m128i case_bit = _mm_set1_epi8(0x20);
  const __m128i letters = _mm_set1_epi8('z' - 'a');
  const __m128i digits = _mm_set1_epi8('9' - '0');
  const __m128i hyphen = _mm_set1_epi8('-');
  const __m128i first_lead = _mm_set1_epi8(static_cast<char>(0xC0));
  const __m128i index = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  const __m128i one = _mm_set1_epi8(1);
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    // offset <= limit unsigned: min(offset, limit) == offset.
    const __m128i letter_offset = _mm_sub_epi8(_mm_or_si128(chunk, case_bit), small_a);
    const __m128i letter = _mm_cmpeq_epi8(_mm_min_epu8(letter_offset, letters), letter_offset);
    const __m128i digit_offset = _mm_sub_epi8(chunk, zero);
    const __m128i digit = _mm_cmpeq_epi8(_mm_min_epu8(digit_offset, digits), digit_offset);
    const __m128i high = _mm_cmplt_epi8(chunk, _mm_setzero_si128());  // 80-FF
    const __m128i word = _mm_or_si128(_mm_or_si128(letter, digit),
                                      _mm_or_si128(high, _mm_cmpeq_epi8(chunk, hyphen)));
    const unsigned stop = ~static_cast<unsigned>(_mm_movemask_epi8(word)) & 0xFFFFu;
    const int k = stop != 0 ? __builtin_ctz(stop) : 16;
    // Code points: the word's bytes but continuation bytes (80-BF), summed
    // in the vector (no popcount instruction in the baseline x86-64).
    const __m128i in_word = _mm_cmplt_epi8(index, _mm_set1_epi8(static_cast<char>(k)));
    const __m128i counted = _mm_andnot_si128(_mm_cmplt_epi8(chunk, first_lead), in_word);
    const __m128i sums = _mm_sad_epu8(_mm_and_si128(counted, one), _mm_setzero_si128());
    *code_points += static_cast<std::size_t>(_mm_cvtsi128_si32(sums) +
                                             _mm_cvtsi128_si32(_mm_srli_si128(sums, 8)));
    if (stop != 0) return i + k;
  }
#endif
  for (; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80 && !kWordByte[byte]) break;
    if ((byte & 0xC0) != 0x80) ++*code_points;
  }
  return i;
}

// A span's first code point in lower case, as Closest compares it.
char32_t FirstLetterLower(std::string_view span) {
  const auto byte = static_cast<unsigned char>(span[0]);
  if (byte < 0x80) return byte >= 'A' && byte <= 'Z' ? byte + 32 : byte;
  std::size_t length = 0;
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(DecodeAt(span, 0, &length))));
}

// A byte that may start a capital: A-Z, or the lead byte of À-Þ (C3 80-9E).
bool MayStartCapital(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  return (c >= 'A' && c <= 'Z') ||
         (c == 0xC3 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9E);
}

// The first byte at or after `from` that may start a capital
// (MayStartCapital), or text.size(). Capitals are a few bytes in a hundred,
// and a byte-by-byte test of each was most of the matcher's time
// (bench/tag): 16 bytes at a time where the machine has SSE2, with the
// byte after a C3 read too, since the small å, ä and ö lead with C3 as
// well and are ten times as frequent as capitals.
std::size_t NextCapitalByte(std::string_view text, std::size_t from) {
  std::size_t i = from;
#if defined(__SSE2__)
  const __m128i a = _mm_set1_epi8('A');
  const __m128i span = _mm_set1_epi8('Z' - 'A');
  const __m128i lead = _mm_set1_epi8(static_cast<char>(0xC3));
  const __m128i last_capital = _mm_set1_epi8(static_cast<char>(0x9E));
  for (; i + 17 <= text.size(); i += 16) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const __m128i after = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i + 1));
    // offset <= limit unsigned: min(offset, limit) == offset.
    const __m128i offset = _mm_sub_epi8(chunk, a);
    const __m128i upper = _mm_cmpeq_epi8(_mm_min_epu8(offset, span), offset);
    const __m128i latin1_capital = _mm_and_si128(
        _mm_cmpeq_epi8(chunk, lead), _mm_cmpeq_epi8(_mm_min_epu8(after, last_capital), after));
    const __m128i hit = _mm_or_si128(upper, latin1_capital);
    if (const int mask = _mm_movemask_epi8(hit); mask != 0) return i + __builtin_ctz(mask);
  }
#endif
  for (; i < text.size(); ++i) {
    if (MayStartCapital(text, i)) return i;
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

std::uint64_t SuffixKey(std::string_view word) {
  return Key(Shape::kSuffix, WordHash(word.substr(word.size() - kAffixBytes)));
}

// A name of `words` words with this first letter is this long, give or
// take one code point (the one edit): every span Closest can match has one.
std::uint64_t LetterLengthKey(std::size_t words, char32_t lower_first, std::size_t code_points) {
  return Key(Shape::kLetterLength, static_cast<std::uint64_t>(words) << 56 |
                                       static_cast<std::uint64_t>(lower_first) << 32 | code_points);
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
  lengths_.assign((std::size_t{1} << kLengthBitsLog2) / 64, 0);
  for (const Name& name : names_) {
    std::string utf8;
    for (char32_t c : name.form) AppendUtf8(c, &utf8);
    if (name.words > 3) continue;  // Find reads spans of up to three words
    for (std::size_t length = name.form.size() - 1; length <= name.form.size() + 1; ++length) {
      const std::size_t bit = BloomBit(LetterLengthKey(name.words, name.form[0], length),
                                       kLengthBitsLog2);
      lengths_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
    if (name.words == 1) {
      keys_.Add(PrefixKey(utf8));
      keys_.Add(SuffixKey(utf8));
    } else {
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

bool Misspellings::MayHaveLength(std::size_t words, char32_t lower_first,
                                 std::size_t code_points) const {
  const std::size_t bit =
      BloomBit(LetterLengthKey(words, lower_first, code_points), kLengthBitsLog2);
  return (lengths_[bit / 64] >> (bit % 64) & 1) != 0;
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
    // One to three words from here, on one line. Keys are hashed only for
    // spans long enough to be a misspelt name.
    std::size_t end = i;
    std::size_t code_points = 0;
    std::size_t first_end = 0;
    char32_t first_letter = 0;
    for (std::size_t words = 1; words <= 3; ++words) {
      const std::size_t word_begin = end;
      end = WordEnd(text, end, &code_points);
      if (words == 1) first_end = end;
      bool may_be = false;
      if (code_points >= kMinCodePoints && !overlaps(end)) {
        const std::string_view span = text.substr(i, end - i);
        if (first_letter == 0) first_letter = FirstLetterLower(span);
        const std::string_view last = text.substr(word_begin, end - word_begin);
        may_be = MayHaveLength(words, first_letter, code_points) &&
                 (words == 1 ? keys_.Has(PrefixKey(span)) || keys_.Has(SuffixKey(span))
                             : keys_.Has(FirstKey(words, WordHash(text.substr(i, first_end - i)))) ||
                                   keys_.Has(LastKey(words, WordHash(last))));
      }
      if (may_be) {
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
