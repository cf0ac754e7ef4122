// Issue 6: Xapian synonyms from the body gazetteers ("SKR" finds "Sveriges
// Kommuner och Regioner" and back) and spelling suggestions from the
// indexed words ("regionstyrelssen" -> "regionstyrelsen").
#include "index/query_text.h"
#include "tests/index/index_fixture.h"

namespace diar {
namespace {

using Names = std::vector<std::string>;
using testing::MakeMention;

class SynonymsAndSpelling : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexWriter writer = testing::OpenWriter(dir_.path());
    // What the tagger gives: the acronym's value is the full name.
    writer.Add(testing::MakeDocument(
                   "acronym.txt", "SKR har yttrat sig om förslaget.",
                   {MakeMention("body", "SKR", "Sveriges Kommuner och Regioner")}),
               "/s/acronym.txt");
    writer.Add(testing::MakeDocument(
                   "fullname.txt", "Sveriges Kommuner och Regioner stöder regionerna.",
                   {MakeMention("body", "Sveriges Kommuner och Regioner",
                                "Sveriges Kommuner och Regioner")}),
               "/s/fullname.txt");
    writer.Add(testing::MakeDocument("organ.txt",
                                     "Regionstyrelsen beslutade. Regionstyrelsen sammanträder.",
                                     {MakeMention("body", "Regionstyrelsen", "Regionstyrelsen")}),
               "/s/organ.txt");
    writer.Add(testing::MakeDocument("other.txt", "Kollektivtrafik i länet."), "/s/other.txt");
    writer.Add(testing::MakeDocument("ks.txt", "Kommunstyrelsen föreslår fullmäktige att anta planen.",
                                     {MakeMention("body", "Kommunstyrelsen", "Kommunstyrelsen")}),
               "/s/ks.txt");
    writer.Add(testing::MakeDocument("series.txt", "Ärendet har nummer KS 2022/0092."), "/s/series.txt");
    writer.Commit();
  }
  Searcher searcher() { return testing::OpenSearcher(dir_.path()); }
  testing::TempDir dir_;
};

TEST_F(SynonymsAndSpelling, AnOrgansCommonAbbreviationFindsTheOrganButNotTheOtherWayRound) {
  EXPECT_EQ(testing::HitNames(searcher(), "organ:KS"), Names{"ks.txt"});
  EXPECT_EQ(testing::HitNames(searcher(), "KS"), (Names{"ks.txt", "series.txt"}));
  EXPECT_EQ(testing::HitNames(searcher(), "kommunstyrelsen"), Names{"ks.txt"});
}

TEST_F(SynonymsAndSpelling, AcronymFindsTheFullNameAndBack) {
  const Names both = {"acronym.txt", "fullname.txt"};
  EXPECT_EQ(testing::HitNames(searcher(), "SKR"), both);
  EXPECT_EQ(testing::HitNames(searcher(), "skr"), both);
  EXPECT_EQ(testing::HitNames(searcher(), "Sveriges Kommuner och Regioner"), both);
  EXPECT_EQ(testing::HitNames(searcher(), "sveriges kommuner och regioner"), both);
  // The former name and acronym of the same body are synonyms too.
  EXPECT_EQ(testing::HitNames(searcher(), "SKL"), both);
}

TEST_F(SynonymsAndSpelling, BodyFieldTakesAnyNameOfTheBody) {
  const Names both = {"acronym.txt", "fullname.txt"};
  EXPECT_EQ(testing::HitNames(searcher(), "organ:SKR"), both);
  EXPECT_EQ(testing::HitNames(searcher(), "body:\"Sveriges Kommuner och Regioner\""), both);
}

TEST_F(SynonymsAndSpelling, PhraseIsNotExpanded) {
  EXPECT_EQ(testing::HitNames(searcher(), "\"Sveriges Kommuner och Regioner\""),
            Names{"fullname.txt"});
}

TEST_F(SynonymsAndSpelling, MisspelledWordGetsASuggestion) {
  SearchRequest request = testing::Request("regionstyrelssen");
  request.search_correction = false;
  SearchResult r = testing::MustSearch(searcher(), request);
  EXPECT_EQ(r.total, 0u);
  EXPECT_EQ(r.suggestion, "regionstyrelsen");
  request.query = "kolektivtrafik";
  r = testing::MustSearch(searcher(), request);
  EXPECT_EQ(r.suggestion, "kollektivtrafik");
}

TEST_F(SynonymsAndSpelling, AMisspelledQueryThatMatchesNothingSearchesItsCorrectionAndSaysSo) {
  const SearchResult r = testing::MustSearch(searcher(), testing::Request("regionstyrelssen"));
  EXPECT_EQ(r.query, "regionstyrelssen");
  EXPECT_EQ(r.searched_instead, "regionstyrelsen");
  EXPECT_EQ(r.total, 1u);
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_NE(r.hits[0].snippet.find("«"), std::string::npos) << r.hits[0].snippet;
}

TEST(CorrectedWords, AreTheWordsTypedThatTheCorrectionChanges) {
  EXPECT_EQ(CorrectedWords("Regionstyrelsn beslut", "regionstyrelsen beslut"),
            std::vector<std::string>{"Regionstyrelsn"});
  EXPECT_EQ(CorrectedWords("kultur plan", "kulturplan"), std::vector<std::string>{});  // joined
}

TEST(CorrectableWord, IsATypoOfALongerWordNotAShortWordOrAnAcronym) {
  EXPECT_TRUE(CorrectableWord("kommunstyrlsen"));
  EXPECT_TRUE(CorrectableWord("Länstyrelsen"));
  EXPECT_FALSE(CorrectableWord("BUN"));
  EXPECT_FALSE(CorrectableWord("bun"));
  EXPECT_FALSE(CorrectableWord("2022-0092"));
}

TEST_F(SynonymsAndSpelling, ATypoBesideAWordThatMatchesIsSearchedAsItsCorrection) {
  const SearchResult r = testing::MustSearch(searcher(), testing::Request("regionstyrelssen kollektivtrafik"));
  EXPECT_EQ(r.searched_instead, "regionstyrelsen kollektivtrafik");
}

TEST_F(SynonymsAndSpelling, AnAcronymIsNeverSearchedAsAnotherWord) {
  const SearchResult r = testing::MustSearch(searcher(), testing::Request("SKRR"));
  EXPECT_NE(r.suggestion, "");  // offered, not searched
  EXPECT_EQ(r.searched_instead, "");
  EXPECT_EQ(r.total, 0u);
}

TEST(OfferableCorrection, ChangesNoWordShorterThanFourCharacters) {
  EXPECT_TRUE(OfferableCorrection("SKRR", "skr"));
  EXPECT_TRUE(OfferableCorrection("BUN regionstyrlsen", "BUN regionstyrelsen"));
  EXPECT_FALSE(OfferableCorrection("BUN", "gun"));
  EXPECT_FALSE(OfferableCorrection("BUN regionstyrlsen", "gun regionstyrelsen"));
}

TEST_F(SynonymsAndSpelling, AThreeLetterWordThatMatchesNothingGetsNoSuggestion) {
  const SearchResult r = testing::MustSearch(searcher(), testing::Request("SKQ"));
  EXPECT_EQ(r.total, 0u);
  EXPECT_EQ(r.suggestion, "");
}

TEST_F(SynonymsAndSpelling, AQueryThatMatchesIsNeverReplacedByACorrection) {
  const SearchResult r = testing::MustSearch(searcher(), testing::Request("regionstyrelsen"));
  EXPECT_EQ(r.searched_instead, "");
  EXPECT_EQ(r.total, 1u);
}

TEST_F(SynonymsAndSpelling, CorrectlySpelledQueryHasNoSuggestion) {
  SearchResult r = testing::MustSearch(searcher(), testing::Request("regionstyrelsen"));
  EXPECT_EQ(r.total, 1u);
  EXPECT_EQ(r.suggestion, "");
}

TEST_F(SynonymsAndSpelling, StopwordsAreDroppedFromQueriesButPhrasesKeepThem) {
  // "och" alone with a content word: the stopword does not have to match.
  EXPECT_EQ(testing::HitNames(searcher(), "och kollektivtrafik"), Names{"other.txt"});
  EXPECT_EQ(testing::HitNames(searcher(), "\"kommuner och regioner\""), Names{"fullname.txt"});
}

}  // namespace
}  // namespace diar
