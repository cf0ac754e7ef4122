// Issue 6: every field prefix works in Swedish and English, takes values in
// any case and with or without a possessive -s, and --filter takes the same
// fields.
#include "tests/index/index_fixture.h"

namespace diar {
namespace {

using Names = std::vector<std::string>;
using testing::MakeMention;

class Prefixes : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexWriter writer = testing::OpenWriter(dir_.path());
    Classification a;
    a.type = "protokoll";
    a.issuer = "Region Västmanland";
    a.county = "Västmanlands län";
    a.date = "2021-03-29";
    a.dnr = "RS 2021/1234";
    a.topics = {"kultur", "hälso- och sjukvård"};
    writer.Add(testing::MakeDocument(
                   "a.txt", "Kulturnämnden antog Regional kulturplan 2019–2022.",
                   {MakeMention("body", "Kulturnämnden", "Kulturnämnden"),
                    MakeMention("plan", "Regional kulturplan 2019–2022", "Regional kulturplan 2019–2022", 20)},
                   a),
               "/p/a.txt");
    Classification b;
    b.type = "tjänsteskrivelse";
    b.issuer = "Region Västerbotten";
    b.county = "Västerbottens län";
    b.date = "2022-03-29";
    b.dnr = "KS 2022-0092-106";
    b.topics = {"regional utveckling"};
    writer.Add(testing::MakeDocument("b.txt", "Regionstyrelsen och överenskommelsen.",
                                     {MakeMention("body", "Regionstyrelsen", "Regionstyrelsen")}, b),
               "/p/b.txt");
    writer.Commit();
  }
  Searcher searcher() { return testing::OpenSearcher(dir_.path()); }
  testing::TempDir dir_;
};

struct Case {
  std::string query;
  Names expected;
};

TEST_F(Prefixes, EveryFieldInBothLanguages) {
  const Names a = {"a.txt"}, b = {"b.txt"};
  const std::vector<Case> cases = {
      {"organ:Kulturnämnden", a},
      {"body:Kulturnämnden", a},
      {"organ:kulturnämndens", a},  // any case, possessive -s
      {"Organ:KULTURNÄMNDEN", a},   // field capitalised too
      {"plan:\"Regional kulturplan 2019–2022\"", a},
      {"plan:\"regional kulturplan 2019–2022\"", a},
      {"typ:protokoll", a},
      {"type:tjänsteskrivelse", b},
      {"Typ:Tjänsteskrivelse", b},
      {"ämne:kultur", a},
      {"topic:kultur", a},
      {"ämne:\"hälso- och sjukvård\"", a},
      {"ämne:\"regional utveckling\"", b},
      {"Ämne:Kultur", a},
      {"län:\"Västmanlands län\"", a},
      {"county:\"västerbottens län\"", b},
      {"län:Västmanland", a},  // the stem a user types
      {"län:Västerbottens", b},
      {"dnr:\"RS 2021/1234\"", a},
      {"dnr:\"ks 2022-0092-106\"", b},
      {"år:2021", a},
      {"year:2022", b},
      {"År:2022", b},
      {"utfärdare:\"Region Västmanland\"", a},
      {"issuer:\"region västerbottens\"", b},
      {"datum:2021-01-01..2021-12-31", a},
      {"datum:2022-03-29..2022-03-29", b},
      {"kulturplan organ:Kulturnämnden", a},
      {"organ:Kulturnämnden OR organ:Regionstyrelsen", {"a.txt", "b.txt"}},
      {"NOT typ:protokoll", b},
      {"organ:Okänd", {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(testing::HitNames(searcher(), c.query), c.expected) << c.query;
  }
}

TEST_F(Prefixes, AValueOfSeveralWordsTypedWithoutQuotesTakesTheWordsThatMakeIt) {
  const Names a = {"a.txt"}, b = {"b.txt"};
  const std::vector<Case> cases = {
      {"ämne:regional utveckling", b},
      {"utfärdare:region västmanland", a},
      {"län:västmanlands län", a},
      {"län:västerbotten län", b},
      {"plan:regional kulturplan 2019–2022", a},
      {"typ:protokoll kulturnämnden", a},  // a free word after a whole value
      {"ämne:regional utveckling överenskommelsen", b},
      {"ämne:regional NOT utveckling", {}},  // an operator ends the value
  };
  for (const Case& c : cases) {
    EXPECT_EQ(testing::HitNames(searcher(), c.query), c.expected) << c.query;
  }
}

TEST_F(Prefixes, FilterTakesTheSameFields) {
  const std::vector<std::pair<std::pair<std::string, std::string>, Names>> cases = {
      {{"body", "kulturnämnden"}, {"a.txt"}},
      {{"organ", "Regionstyrelsen"}, {"b.txt"}},
      {{"type", "protokoll"}, {"a.txt"}},
      {{"typ", "tjänsteskrivelse"}, {"b.txt"}},
      {{"topic", "kultur"}, {"a.txt"}},
      {{"ämne", "regional utveckling"}, {"b.txt"}},
      {{"county", "Västmanlands län"}, {"a.txt"}},
      {{"län", "Västerbotten"}, {"b.txt"}},
      {{"year", "2021"}, {"a.txt"}},
      {{"år", "2022"}, {"b.txt"}},
      {{"dnr", "KS 2022-0092-106"}, {"b.txt"}},
      {{"issuer", "Region Västmanland"}, {"a.txt"}},
      {{"plan", "Regional kulturplan 2019–2022"}, {"a.txt"}},
  };
  for (const auto& [filter, expected] : cases) {
    SearchRequest request;
    request.filters = {filter};
    EXPECT_EQ(testing::HitNames(searcher(), "", request), expected) << filter.first << "=" << filter.second;
  }
}

TEST_F(Prefixes, UnknownFilterFieldIsAnInputError) {
  SearchRequest request;
  request.filters = {{"färg", "blå"}};
  Result<SearchResult> r = searcher().Search(request);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("färg"), std::string::npos);
}

TEST_F(Prefixes, SnippetMarksTheMatchedWords) {
  SearchResult r = testing::MustSearch(searcher(), testing::Request("kulturplan"));
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_NE(r.hits[0].snippet.find("«kulturplan»"), std::string::npos) << r.hits[0].snippet;
}

}  // namespace
}  // namespace diar
