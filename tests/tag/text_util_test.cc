// The tagger's UTF-8 helpers take fast paths for ASCII and Latin-1 (case
// mapping, code-point counting); these must agree with ICU and with a plain
// walk over the text, for every code point and for broken UTF-8.
#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <random>
#include <string>
#include <vector>

#include "pipeline/tag/text_util.h"

namespace diar::tag_internal {
namespace {

std::string Utf8(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

TEST(CaseMapping, AgreesWithIcuForEveryCodePoint) {
  for (char32_t c = 0; c < 0x110000; ++c) {
    if (c >= 0xD800 && c < 0xE000) continue;
    const std::string s = Utf8(c);
    ASSERT_EQ(Lower(s), Utf8(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))))) << static_cast<unsigned>(c);
    ASSERT_EQ(Upper(s), Utf8(static_cast<char32_t>(u_toupper(static_cast<UChar32>(c))))) << static_cast<unsigned>(c);
  }
}

TEST(CaseMapping, MapsEveryAsciiByteAtAnyPlaceInALongWord) {
  // Words of eight ASCII bytes or more are mapped eight at a time.
  for (int b = 0; b < 0x80; ++b) {
    for (std::size_t at = 0; at < 17; ++at) {
      std::string s = "Mixed-Case_words@[`{AZaz";
      s[at] = static_cast<char>(b);
      std::string lower = s;
      std::string upper = s;
      for (char& c : lower) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
      for (char& c : upper) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
      ASSERT_EQ(Lower(s), lower) << b << " at " << at;
      ASSERT_EQ(Upper(s), upper) << b << " at " << at;
      ASSERT_EQ(Lower(s + "Å" + s), lower + "å" + lower);
    }
  }
}

TEST(CaseMapping, MapsMixedTextAndKeepsBadBytes) {
  EXPECT_EQ(Lower("ÅRE, Örebro och ÄLVDALEN"), "åre, örebro och älvdalen");
  EXPECT_EQ(Upper("västmanlands län ÿ ß µ"), "VÄSTMANLANDS LÄN Ÿ ß Μ");
  EXPECT_EQ(Lower("A\xC3(B\x80"), "a\xC3(b\x80");
  EXPECT_EQ(Upper("\xC3"), "\xC3");
}

TEST(FindAnyOf, FindsWhatFindFirstOfFindsFromAnyOffset) {
  std::mt19937 rng(11);
  const std::string alphabet = "ab .\n?!\xC3\xA5";
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const std::size_t size = rng() % 90;
    for (std::size_t i = 0; i < size; ++i) text += alphabet[rng() % alphabet.size()];
    const std::size_t from = rng() % (text.size() + 1);
    for (const std::string_view set : {"\n.?!", " ", "\xA5", "xyz"}) {
      ASSERT_EQ(FindAnyOf(text, set, from), std::string_view(text).find_first_of(set, from))
          << "round " << round << " set " << set;
    }
  }
}

TEST(AddressRanges, FindsEmailAndWebAddressesWithoutTrailingPunctuation) {
  const std::string text = "Mejla a.b@kommun.se. Se (www.x.se/y) eller https://z.se: klart. A @ B";
  std::vector<std::string> found;
  for (const auto& [begin, end] : AddressRanges(text)) found.push_back(text.substr(begin, end - begin));
  EXPECT_EQ(found, (std::vector<std::string>{"a.b@kommun.se", "www.x.se/y", "https://z.se"}));
}

TEST(ByteToCodePoint, CountsCodePointsAtAnyOffsetsInAnyOrder) {
  std::mt19937 rng(7);
  const std::vector<std::string> pieces = {"a", "å", "–", "𝄞", " ", "\n", "Ö", "\x80"};
  for (int round = 0; round < 200; ++round) {
    // Some texts longer than 255 chunks of 16 bytes, where the counting
    // sums its lanes.
    const int length = round % 10 == 0 ? 3000 : 60;
    std::string text;
    for (int i = 0; i < length; ++i) text += pieces[rng() % pieces.size()];
    std::vector<std::size_t> offsets;
    for (int i = 0; i < 20; ++i) offsets.push_back(rng() % (text.size() + 1));
    const std::vector<std::size_t> points = ByteToCodePoint(text, offsets);
    for (std::size_t i = 0; i < offsets.size(); ++i) {
      std::size_t expected = 0;
      for (std::size_t b = 0; b < offsets[i]; ++b) {
        expected += (static_cast<unsigned char>(text[b]) & 0xC0) != 0x80;
      }
      ASSERT_EQ(points[i], expected) << "offset " << offsets[i];
    }
  }
}

}  // namespace
}  // namespace diar::tag_internal
