// Issue 14: the query language as Swedish officials type it — compounds,
// wildcards, OCH/ELLER/INTE, fields and values with or without å/ä/ö, body
// words, and what an unknown field or value says.
#include "tests/index/index_fixture.h"

namespace diar {
namespace {

using Names = std::vector<std::string>;

class QuerySyntax : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexWriter writer = testing::OpenWriter(dir_.path());
    auto add = [&](const std::string& name, const std::string& text, const std::string& type = "",
                   const std::string& topic = "", const std::vector<Mention>& mentions = {}) {
      Classification c;
      c.type = type;
      if (!topic.empty()) c.topics = {topic};
      c.county = "Stockholms län";
      writer.Add(testing::MakeDocument(name, text, mentions, c), "/q/" + name);
    };
    add("plan.txt", "Kommunen antar en plan för cykelvägar.", "Tjänsteskrivelse", "kultur");
    add("kulturplan.txt", "Regionens kulturplan beskriver kulturplanen och kulturplanens mål. "
                          "Kulturplanen följs upp.", "Protokoll", "kultur");
    add("konstnar.txt", "En konstnär ställer ut i konsthallen.", "", "");
    add("idrott.txt", "Kultur och idrott för unga i kommunen.", "Protokoll", "idrott",
        {testing::MakeMention("body", "Tyresö kommun", "Tyresö kommun")});
    add("kultur.txt", "Kulturen och kulturarvet i regionen.", "Riktlinje", "kultur",
        {testing::MakeMention("body", "Kommunstyrelsen i Tyresö kommun", "Kommunstyrelsen i Tyresö kommun")});
    add("bibliotek.txt", "Biblioteket lånar ut böcker.", "", "",
        {testing::MakeMention("body", "Region Stockholm", "Region Stockholm")});
    writer.Commit();
  }
  Names Hits(const std::string& query) { return testing::HitNames(searcher(), query); }
  SearchResult Run(const std::string& query) {
    return testing::MustSearch(searcher(), testing::Request(query, false, 100));
  }
  Result<SearchResult> Try(const std::string& query) {
    return searcher().Search(testing::Request(query));
  }
  Searcher searcher() { return testing::OpenSearcher(dir_.path()); }
  testing::TempDir dir_;
};

TEST_F(QuerySyntax, ACompoundPartFindsTheCompoundAfterTheWordItself) {
  const SearchResult r = Run("plan");
  ASSERT_EQ(r.hits.size(), 2u);
  EXPECT_EQ(r.hits[0].path, "/q/plan.txt");
  EXPECT_EQ(r.hits[1].path, "/q/kulturplan.txt");
}

// Words typed without å, ä and ö, as on a phone or a foreign keyboard. (The
// file names, which are titles here, say none of the words searched for.)
class TypedWithoutSwedishLetters : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexWriter writer = testing::OpenWriter(dir_.path());
    auto add = [&](const std::string& name, const std::string& text) {
      writer.Add(testing::MakeDocument(name, text), "/s/" + name);
    };
    add("avtal.txt", "Överenskommelsen om samverkan gäller från i år.");
    add("yttrande.txt", "Länsstyrelsen har yttrat sig över planen.");
    for (int i = 1; i <= 10; ++i) {
      add("beslut-" + std::to_string(i) + ".txt", "Länsstyrelsen beslutar om bidrag nummer " +
                                                    std::to_string(i) + ".");
    }
    add("idrott.txt", "Idrottshallen byggs om.");
    add("skylt.txt", "Håll avståndet.");
    add("regler.txt", "Håll dörren stängd.");
    add("webb.txt", "Mer finns på www.lansstyrelsen.se om tillsynen.");
    add("paragraf.txt", "Enligt lag ska nämnden pröva ärendet. Lagen gäller alla.");
    add("matning.txt", "Trycket är lågt i ledningen, och nivån är låg.");
    writer.Commit();
  }
  Names Hits(const std::string& query) { return testing::HitNames(testing::OpenSearcher(dir_.path()), query); }
  testing::TempDir dir_;
};

TEST_F(TypedWithoutSwedishLetters, AWordTypedWithoutThemFindsItsFormWithThem) {
  EXPECT_EQ(Hits("overenskommelse"), Names{"avtal.txt"});
  EXPECT_EQ(Hits("Overenskommelsen om samverkan"), Names{"avtal.txt"});
}

// "lansstyrelsen" in one address, "Länsstyrelsen" in eleven texts.
TEST_F(TypedWithoutSwedishLetters, APhraseFindsItsWordsWithThemInOrder) {
  EXPECT_EQ(Hits("\"overenskommelsen om samverkan\""), Names{"avtal.txt"});
  EXPECT_EQ(Hits("\"samverkan om overenskommelsen\""), Names{});
}

TEST_F(TypedWithoutSwedishLetters, NearFindsItsWordsWithThemWithinTheDistanceTyped) {
  EXPECT_EQ(Hits("overenskommelsen NEAR samverkan"), Names{"avtal.txt"});
  // "Länsstyrelsen har yttrat sig över planen": five words apart.
  EXPECT_EQ(Hits("lansstyrelsen NEAR/5 planen"), Names{"yttrande.txt"});
  EXPECT_EQ(Hits("lansstyrelsen NEAR/3 planen"), Names{});
}

TEST_F(TypedWithoutSwedishLetters, AFormOnlyAnAddressHoldsStillFindsTheWord) {
  const Names hits = Hits("lansstyrelsen");
  EXPECT_EQ(hits.size(), 12u);
  EXPECT_NE(std::find(hits.begin(), hits.end(), "webb.txt"), hits.end());
  EXPECT_NE(std::find(hits.begin(), hits.end(), "yttrande.txt"), hits.end());
}

TEST_F(TypedWithoutSwedishLetters, AWordTypedRightKeepsItsMeaning) {
  EXPECT_EQ(Hits("lag"), Names{"paragraf.txt"});
  EXPECT_EQ(Hits("låg"), Names{"matning.txt"});
}

TEST_F(TypedWithoutSwedishLetters, ACompoundPartIsAWordOfItsOwn) {
  EXPECT_EQ(Hits("hall"), Names{"idrott.txt"});
}

// Split() takes the fewest parts: "kollektivtrafikutbudet" is
// kollektivtrafik + utbud, "djurskyddslagen" djur + skyddslag,
// "konstnärsstipendiefonden" konstnär + stipendiefond.
class NestedCompounds : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexWriter writer = testing::OpenWriter(dir_.path());
    auto add = [&](const std::string& name, const std::string& text) {
      writer.Add(testing::MakeDocument(name, text), "/n/" + name);
    };
    add("trafik.txt", "Kollektivtrafikutbudet ses över.");
    add("djur.txt", "Ärendet prövas enligt djurskyddslagen.");
    add("fond.txt", "Konstnärsstipendiefonden delar ut pengar.");
    writer.Commit();
  }
  Names Hits(const std::string& query) { return testing::HitNames(testing::OpenSearcher(dir_.path()), query); }
  testing::TempDir dir_;
};

TEST_F(NestedCompounds, APartOfAPartFindsTheWord) {
  EXPECT_EQ(Hits("trafik"), Names{"trafik.txt"});
  EXPECT_EQ(Hits("kollektiv"), Names{"trafik.txt"});
  EXPECT_EQ(Hits("fond"), Names{"fond.txt"});
}

TEST_F(NestedCompounds, TheFirstPartsTogetherFindTheWord) {
  EXPECT_EQ(Hits("djurskydd"), Names{"djur.txt"});
  EXPECT_EQ(Hits("konstnärsstipendium"), Names{"fond.txt"});
}

TEST_F(NestedCompounds, NoLookAlikeIsMadeFromTheParts) {
  EXPECT_EQ(Hits("när"), Names{});       // konstnär is not konst + när
  EXPECT_EQ(Hits("rskydd"), Names{});    // no cut but at a part's edge
  EXPECT_EQ(Hits("sstipendium"), Names{});
}

TEST_F(QuerySyntax, LookAlikesAreNotSplit) {
  EXPECT_EQ(Hits("när"), Names{});  // "konstnär" is no konst + när
}

TEST_F(QuerySyntax, PhrasesMatchTheExactWords) {
  EXPECT_EQ(Hits("\"en plan\""), Names{"plan.txt"});
  EXPECT_EQ(Hits("\"regionens plan\""), Names{});  // the compound is not a phrase
}

TEST_F(QuerySyntax, WildcardExpandsOverUnstemmedWords) {
  EXPECT_EQ(Hits("kult*"), (Names{"idrott.txt", "kultur.txt", "kulturplan.txt"}));
  EXPECT_EQ(Hits("konstn*"), Names{"konstnar.txt"});
}

TEST_F(QuerySyntax, WildcardOverTheLimitSaysSo) {
  testing::TempDir dir;
  {
    IndexWriter writer = testing::OpenWriter(dir.path());
    std::string text;
    for (int i = 0; i <= kWildcardLimit; ++i) text += "ord" + std::to_string(i) + "x ";
    writer.Add(testing::MakeDocument("many.txt", text), "/q/many.txt");
    writer.Commit();
  }
  Result<SearchResult> r = testing::OpenSearcher(dir.path()).Search(testing::Request("ord*"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kInput);
  EXPECT_NE(r.error().message.find("more letters"), std::string::npos) << r.error().message;
}

TEST_F(QuerySyntax, SwedishOperatorsInCapitals) {
  EXPECT_EQ(Hits("kultur OCH idrott"), Names{"idrott.txt"});
  EXPECT_EQ(Hits("konstnär ELLER biblioteket"), (Names{"bibliotek.txt", "konstnar.txt"}));
  EXPECT_EQ(Hits("kultur INTE idrott"), (Names{"kultur.txt", "kulturplan.txt"}));
}

TEST_F(QuerySyntax, FieldsAndValuesWithoutDiacritics) {
  EXPECT_EQ(Hits("amne:kultur"), (Names{"kultur.txt", "kulturplan.txt", "plan.txt"}));
  EXPECT_EQ(Hits("Ämne:kultur"), (Names{"kultur.txt", "kulturplan.txt", "plan.txt"}));
  EXPECT_EQ(Hits("typ:tjansteskrivelse"), Names{"plan.txt"});
  EXPECT_EQ(Hits("lan:stockholm").size(), 6u);
  SearchRequest request = testing::Request("");
  request.filters = {{"amne", "idrott"}};
  EXPECT_EQ(testing::HitNames(searcher(), "", request), Names{"idrott.txt"});
}

TEST_F(QuerySyntax, BodyWordMatchesEveryBodyNamingIt) {
  EXPECT_EQ(Hits("organ:tyresö"), (Names{"idrott.txt", "kultur.txt"}));
  EXPECT_EQ(Hits("organ:tyreso"), (Names{"idrott.txt", "kultur.txt"}));
  EXPECT_EQ(Hits("organ:\"tyresö kommun\""), (Names{"idrott.txt", "kultur.txt"}));
  EXPECT_EQ(Hits("organ:\"region stockholm\""), Names{"bibliotek.txt"});
}

TEST_F(QuerySyntax, UnknownFieldIsAnErrorListingTheFields) {
  Result<SearchResult> r = Try("amen:kultur");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kInput);
  EXPECT_NE(r.error().message.find("'amen:'"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("did you mean 'ämne:'"), std::string::npos) << r.error().message;
  EXPECT_TRUE(Try("EU:s kultur").ok());  // a genitive is no field
}

TEST_F(QuerySyntax, UnknownValueSuggestsTheNearest) {
  const SearchResult r = Run("typ:protokol");
  EXPECT_EQ(r.total, 0u);
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_NE(r.notes[0].find("did you mean 'Protokoll'"), std::string::npos) << r.notes[0];
  const SearchResult far = Run("typ:xyzzy");
  ASSERT_EQ(far.notes.size(), 1u);
  EXPECT_NE(far.notes[0].find("known values: "), std::string::npos) << far.notes[0];
  EXPECT_NE(far.notes[0].find("Riktlinje"), std::string::npos) << far.notes[0];
}

TEST_F(QuerySyntax, AMissingWordDoesNotLoseDocumentsWithTheOthers) {
  // "cykelvägar" is only in plan.txt; every word of the query is not needed.
  const SearchResult r = Run("kommunen cykelvägar museum");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].path, "/q/plan.txt");
}

}  // namespace
}  // namespace diar
