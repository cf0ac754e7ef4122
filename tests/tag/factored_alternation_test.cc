// The gazetteer's alternation factored by common prefixes: the same longest
// match in every text as the alternation written out.
#include "pipeline/tag/factored_alternation.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <string>
#include <vector>

namespace diar::tag_internal {
namespace {

TEST(FactoredAlternation, SharesLeadingPiecesOnce) {
  EXPECT_EQ(FactoredAlternation({"(?:A|a)le\\s+kommun", "(?:A|a)lvesta\\s+kommun"}),
            "(?:(?:A|a)l(?:e\\s+kommun|vesta\\s+kommun))");
}

TEST(FactoredAlternation, AnAlternativeThatIsAnotherOnesPrefixMakesTheRestOptional) {
  EXPECT_EQ(FactoredAlternation({"EU", "EU\\-kommissionen"}), "(?:EU(?:\\-kommissionen)?)");
}

TEST(FactoredAlternation, KeepsAQuantifierWithItsPiece) {
  // "s?" and "s" are different pieces: the genitive of "Kammarrätten i ...".
  EXPECT_EQ(FactoredAlternation({"ab?c", "abd"}), "(?:a(?:bd|b?c))");
}

TEST(FactoredAlternation, SplitsBetweenCodePointsNotBytes) {
  // "ä" and "å" share their first UTF-8 byte; a byte split would not compile.
  const std::string pattern = FactoredAlternation({"Mälaren", "Målilla"});
  EXPECT_EQ(pattern, "(?:M(?:älaren|ålilla))");
  EXPECT_TRUE(RE2(pattern).ok());
}

TEST(FactoredAlternation, RepeatsAndOrderDoNotMatter) {
  EXPECT_EQ(FactoredAlternation({"b", "a", "b"}), FactoredAlternation({"a", "b"}));
  EXPECT_EQ(FactoredAlternation({"only"}), "(?:only)");
}

TEST(FactoredAlternation, MatchesWhatTheAlternationMatches) {
  const std::vector<std::string> names = {
      "(?:A|a)le\\s+kommun",  "(?:A|a)le\\s+Kommun", "(?:K|k)ammarrätten(?:s)?\\s+i\\s+Göteborg",
      "(?:K|k)ammarrätten",   "EU",                  "EU\\-kommissionen",
      "(?:R|r)egion\\s+Skåne", "(?:R|r)egion",        "Region\\s+Skåne\\s+Nordost"};
  std::string plain = "(?:";
  for (const std::string& name : names) plain += (plain.size() > 3 ? "|" : "") + name;
  plain += ")";
  RE2::Options options;
  options.set_longest_match(true);
  const RE2 written(plain, options), factored(FactoredAlternation(names), options);
  ASSERT_TRUE(written.ok() && factored.ok());
  for (const std::string text :
       {"ale kommun", "Ale  Kommun beslutar", "kammarrättens i Göteborg dom", "Kammarrätten i Malmö",
        "EU-kommissionen", "EU-", "Region Skåne Nordost", "region Skåne", "Region Skånes", "Regio"}) {
    re2::StringPiece a, b;
    const bool in_written = written.Match(text, 0, text.size(), RE2::ANCHOR_START, &a, 1);
    const bool in_factored = factored.Match(text, 0, text.size(), RE2::ANCHOR_START, &b, 1);
    EXPECT_EQ(in_written, in_factored) << text;
    if (in_written && in_factored) {
      EXPECT_EQ(a, b) << text;
    }
  }
}

}  // namespace
}  // namespace diar::tag_internal
