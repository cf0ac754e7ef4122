// @atoms patterns expand to finite sets of strings, or are refused.
#include "pipeline/tag/atom_pattern.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace diar::tag_internal {
namespace {

std::vector<std::string> Expand(const std::string& pattern) {
  std::vector<std::string> strings;
  std::string error;
  EXPECT_TRUE(ExpandAtomPattern(pattern, 1000, &strings, &error)) << pattern << ": " << error;
  return strings;
}

std::string Refusal(const std::string& pattern, std::size_t limit = 1000) {
  std::vector<std::string> strings;
  std::string error;
  EXPECT_FALSE(ExpandAtomPattern(pattern, limit, &strings, &error)) << pattern;
  return error;
}

TEST(AtomPattern, ExpandsAlternativesClassesAndOptionals) {
  EXPECT_EQ(Expand("(?:ab|c)[de]f?"),
            (std::vector<std::string>{"abd", "abdf", "abe", "abef", "cd", "cdf", "ce", "cef"}));
}

TEST(AtomPattern, ExpandsDigitsRepeatsAndEscapes) {
  EXPECT_EQ(Expand("(?:19|20)\\d{2}\\/").size(), 200u);
  EXPECT_EQ(Expand("\\x{2013}\\.\\(?"), (std::vector<std::string>{"–.", "–.("}));
}

TEST(AtomPattern, WhiteSpaceIsOneSpace) {
  EXPECT_EQ(Expand("mellan\\s+(?i:maj)[ \\t]+2"), (std::vector<std::string>{"mellan maj 2"}));
  EXPECT_EQ(Expand("a\\s*-"), (std::vector<std::string>{"a -", "a-"}));
}

TEST(AtomPattern, RefusesWhatIsNotFinite) {
  EXPECT_NE(Refusal("a+").find("only on white space"), std::string::npos);
  EXPECT_NE(Refusal("a.").find("finite"), std::string::npos);
  EXPECT_NE(Refusal("[^a]").find("negated"), std::string::npos);
  EXPECT_NE(Refusal("\\w").find("finite"), std::string::npos);
  EXPECT_NE(Refusal("a{1,3}").find("{N}"), std::string::npos);
  EXPECT_NE(Refusal("(?=a)").find("groups"), std::string::npos);
  EXPECT_NE(Refusal("(ab").find("missing"), std::string::npos);
}

TEST(AtomPattern, RefusesTooManyStrings) {
  EXPECT_NE(Refusal("\\d\\d\\d\\d", 500).find("more than 500"), std::string::npos);
}

}  // namespace
}  // namespace diar::tag_internal
