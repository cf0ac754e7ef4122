// Issue 6: facet counts over the whole matching set equal counts computed by
// brute force from the stored documents, multi-valued facets included (a
// document naming five bodies counts once for each).
#include <map>
#include <set>

#include "tests/index/index_fixture.h"

namespace diar {
namespace {

using testing::MakeDocument;
using testing::MakeMention;

// facet name -> value -> count, from the stored records of every hit.
std::map<std::string, std::map<std::string, int>> BruteForce(const Searcher& searcher,
                                                              const SearchResult& result) {
  std::map<std::string, std::map<std::string, int>> counts;
  for (const Hit& hit : result.hits) {
    Result<StoredDocument> doc = searcher.Get(hit.id);
    EXPECT_TRUE(doc.ok());
    if (!doc) continue;
    std::map<std::string, std::set<std::string>> values;
    for (const Mention& m : doc->mentions) {
      if (m.type == "body") values["body"].insert(m.value);
      if (m.type == "plan") values["plan"].insert(m.value);
      if (m.type == "dnr") values["dnr"].insert(m.value);
    }
    const Classification& c = doc->classification;
    if (!c.type.empty()) values["type"].insert(c.type);
    if (!c.issuer.empty()) values["issuer"].insert(c.issuer);
    if (!c.county.empty()) values["county"].insert(c.county);
    if (!c.dnr.empty()) values["dnr"].insert(c.dnr);
    if (c.date.size() >= 4) values["year"].insert(c.date.substr(0, 4));
    for (const std::string& t : c.topics) values["topic"].insert(t);
    for (const auto& [facet, set] : values) {
      for (const std::string& v : set) ++counts[facet][v];
    }
  }
  return counts;
}

std::map<std::string, std::map<std::string, int>> AsMap(const SearchResult& result) {
  std::map<std::string, std::map<std::string, int>> counts;
  for (const auto& [facet, list] : result.facets) {
    for (const FacetCount& c : list) counts[facet][c.value] = c.count;
  }
  return counts;
}

void ExpectFacetsMatchBruteForce(const Searcher& searcher, const std::string& query,
                                 const std::vector<std::pair<std::string, std::string>>& filters = {}) {
  SearchRequest request;
  request.query = query;
  request.filters = filters;
  request.facets = true;
  request.facet_limit = 0;
  request.limit = 10000;
  SearchResult result = testing::MustSearch(searcher, request);
  EXPECT_EQ(result.total, result.hits.size()) << query;
  auto expected = BruteForce(searcher, result);
  auto got = AsMap(result);
  for (const auto& [facet, values] : expected) {
    EXPECT_EQ(got[facet], values) << "query '" << query << "', facet " << facet;
  }
  for (const auto& [facet, values] : got) {
    if (!values.empty()) {
      EXPECT_TRUE(expected.count(facet)) << "query '" << query << "': extra facet " << facet;
    }
  }
}

TEST(Facets, MultiValuedBodiesCountOncePerDocumentAndValue) {
  testing::TempDir dir;
  {
    IndexWriter writer = testing::OpenWriter(dir.path());
    Classification c;
    c.type = "protokoll";
    c.date = "2021-05-04";
    c.topics = {"kultur", "idrott"};
    std::vector<Mention> five = {
        MakeMention("body", "Regionstyrelsen", "Regionstyrelsen"),
        MakeMention("body", "Kulturnämnden", "Kulturnämnden", 20),
        MakeMention("body", "kulturnämnden", "Kulturnämnden", 40),  // twice: counts once
        MakeMention("body", "SKR", "Sveriges Kommuner och Regioner", 60),
        MakeMention("body", "Region Västmanland", "Region Västmanland", 80),
        MakeMention("body", "Tillväxtverket", "Tillväxtverket", 100)};
    writer.Add(MakeDocument("a.txt", "Kultur och idrott i protokollet.", five, c), "/x/a.txt");
    c.topics = {"kultur"};
    c.date = "2022-01-10";
    writer.Add(MakeDocument("b.txt", "Kultur i en annan text.",
                            {MakeMention("body", "Kulturnämnden", "Kulturnämnden")}, c),
               "/x/b.txt");
    writer.Commit();
  }
  Searcher searcher = testing::OpenSearcher(dir.path());
  SearchRequest request = testing::Request("kultur", true);
  SearchResult result = testing::MustSearch(searcher, request);
  auto got = AsMap(result);
  EXPECT_EQ(got["body"]["Kulturnämnden"], 2);
  EXPECT_EQ(got["body"]["Regionstyrelsen"], 1);
  EXPECT_EQ(got["body"].size(), 5u);
  EXPECT_EQ(got["topic"]["kultur"], 2);
  EXPECT_EQ(got["topic"]["idrott"], 1);
  EXPECT_EQ(got["year"]["2021"], 1);
  EXPECT_EQ(got["year"]["2022"], 1);
  ExpectFacetsMatchBruteForce(searcher, "kultur");
  ExpectFacetsMatchBruteForce(searcher, "idrott");
  ExpectFacetsMatchBruteForce(searcher, "");
}

// Above kPositionalFacetCheck (1,000) matches a phrase's facets come from
// part of them, and the result says so; words alone are counted in full.
TEST(Facets, APhraseMatchingOverAThousandDocumentsCountsPartAndSaysSo) {
  testing::TempDir dir;
  constexpr int kDocuments = 1100;
  {
    IndexWriter writer = testing::OpenWriter(dir.path());
    Classification c;
    c.type = "protokoll";
    // Weights that differ, as in real text: Xapian stops looking once it
    // has seen enough matches and the rest cannot enter the page.
    for (int i = 0; i < kDocuments; ++i) {
      const std::string name = "d" + std::to_string(i) + ".txt";
      std::string text = "Nämnden för hälso- och sjukvård sammanträder, ärende " + std::to_string(i) + ".";
      for (int n = 0; n < i % 7; ++n) text += " Ärendet gäller hälso- och sjukvård i regionen och länet.";
      writer.Add(MakeDocument(name, text, {}, c), "/x/" + name);
    }
    writer.Commit();
  }
  Searcher searcher = testing::OpenSearcher(dir.path());
  const SearchResult phrase = testing::MustSearch(searcher, testing::Request("\"hälso- och sjukvård\"", true));
  ASSERT_EQ(phrase.notes.size(), 1u);
  EXPECT_NE(phrase.notes[0].find("facets counted over the first"), std::string::npos) << phrase.notes[0];
  ASSERT_EQ(phrase.facets.at("type").size(), 1u);
  EXPECT_GE(phrase.facets.at("type")[0].count, 1000);
  EXPECT_LT(phrase.facets.at("type")[0].count, kDocuments);

  const SearchResult words = testing::MustSearch(searcher, testing::Request("hälso sjukvård", true));
  EXPECT_TRUE(words.notes.empty());
  EXPECT_EQ(words.total, static_cast<std::uint64_t>(kDocuments));
  EXPECT_EQ(words.facets.at("type")[0].count, kDocuments);
}

class CorpusFacets : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    IndexWriter writer = testing::OpenWriter(dir_->path());
    for (const auto& pdf : testing::CorpusPdfs()) {
      writer.Add(testing::RunPipeline(pdf.string()), pdf.string());
    }
    writer.Commit();
  }
  static void TearDownTestSuite() { delete dir_; }
  static testing::TempDir* dir_;
};
testing::TempDir* CorpusFacets::dir_ = nullptr;

TEST_F(CorpusFacets, CountsEqualBruteForceForSeveralQueries) {
  Searcher searcher = testing::OpenSearcher(dir_->path());
  for (const std::string query :
       {"", "kultur", "regional utveckling", "\"regional utveckling\"", "samverkan OR idrott",
        "region NOT kommun", "organ:\"Region Västmanland\"", "typ:verksamhetsplan",
        "år:2022", "datum:2022-01-01..2022-12-31", "ämne:kultur"}) {
    ExpectFacetsMatchBruteForce(searcher, query);
  }
  ExpectFacetsMatchBruteForce(searcher, "samverkan", {{"county", "Västmanlands län"}});
}

TEST_F(CorpusFacets, EveryFacetIsCountedOverTheWholeMatchingSetNotThePage) {
  Searcher searcher = testing::OpenSearcher(dir_->path());
  SearchRequest small = testing::Request("", true, 1);
  SearchRequest all = testing::Request("", true, 100);
  SearchResult a = testing::MustSearch(searcher, small);
  SearchResult b = testing::MustSearch(searcher, all);
  EXPECT_EQ(a.hits.size(), 1u);
  EXPECT_EQ(a.total, testing::CorpusPdfs().size());
  EXPECT_EQ(AsMap(a), AsMap(b));
}

}  // namespace
}  // namespace diar
