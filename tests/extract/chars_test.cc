// Character clean-up of one line (pipeline/normalise/chars.h).
#include <gtest/gtest.h>

#include <string>

#include "pipeline/normalise/chars.h"

namespace diar::normalise_internal {
namespace {

struct Case {
  const char* raw;
  const char* want;
};

TEST(NormaliseChars, MapsEachCharacterClassToItsCleanForm) {
  const Case cases[] = {
      {"e\xCC\x88n kommun", "\xC3\xABn kommun"},                // NFC: e + diaeresis
      {"\xEF\xAC\x81nansiering", "finansiering"},               // ﬁ ligature
      {"e\xEF\xAC\x80" "ekt \xEF\xAC\x84" "ode", "effekt fflode"},  // ﬀ, ﬄ
      {"x\xC2\xB2 \xC2\xBD", "x\xC2\xB2 \xC2\xBD"},             // ² ½ kept (no NFKC)
      {"ut\xC2\xADveckling", "utveckling"},                     // soft hyphen
      {"regi\xE2\x80\x8Bon\xE2\x80\x8D", "region"},              // zero-width
      {"2021\xE2\x80\x94" "2023", "2021\xE2\x80\x93" "2023"},   // em -> en dash
      {"2021\xE2\x80\x93" "2023", "2021\xE2\x80\x93" "2023"},   // en dash kept
      {"EU\xE2\x80\x90medel", "EU-medel"},                       // U+2010 hyphen
      {"\xE2\x88\x92" "5", "-5"},                                // minus sign
      {"\xE2\x80\x9E" "citat\xE2\x80\x9D", "\xE2\x80\x9D" "citat\xE2\x80\x9D"},  // „ -> ”
      {"\xC2\xAB" "citat\xC2\xBB", "\xE2\x80\x9D" "citat\xE2\x80\x9D"},        // « » -> ”
      {"\xE2\x80\x9C" "ok\xE2\x80\x9D", "\xE2\x80\x9C" "ok\xE2\x80\x9D"},      // “ ” kept
      {"\xE2\x96\xAA  punkt", "\xE2\x80\xA2 punkt"},             // ▪ bullet
      {"\xEF\x82\xB7\tpunkt", "\xE2\x80\xA2 punkt"},             // Word Symbol bullet
      {"\xE2\x80\xA2punkt", "\xE2\x80\xA2 punkt"},               // bullet, no space
      {"- punkt", "\xE2\x80\xA2 punkt"},                         // dash item
      {"- 4 -", "- 4 -"},                                        // page number
      {"-5 %", "-5 %"},                                          // minus, no item
      {"  a\xC2\xA0\xC2\xA0 b\t c  ", "a b c"},                  // spaces folded
      {"ett  tv\xC3\xA5 tre\xC2\xA0" "fyra  x", "ett tv\xC3\xA5 tre fyra x"},  // in ASCII runs
      {"EU\xC2\xAD-medel och mer", "EU-medel och mer"},        // hyphen after soft hyphen
  };
  for (const Case& c : cases) {
    EXPECT_EQ(CleanLine(c.raw).text, c.want) << "raw: " << c.raw;
  }
}

TEST(NormaliseChars, ReportsALineEndingInASoftHyphen) {
  EXPECT_TRUE(CleanLine("regional\xC2\xAD").soft_hyphen_end);
  EXPECT_TRUE(CleanLine("regional\xC2\xAD ").soft_hyphen_end);
  EXPECT_FALSE(CleanLine("re\xC2\xADgional").soft_hyphen_end);
}

TEST(NormaliseChars, ReplacesInvalidUtf8) {
  EXPECT_EQ(CleanLine("a\xFF" "b").text, "a\xEF\xBF\xBD" "b");
}

}  // namespace
}  // namespace diar::normalise_internal
