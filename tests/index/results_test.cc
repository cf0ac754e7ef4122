// Issue 14: what a result carries — identical texts as one hit with all
// paths, the snippet's page, issuer/county/dnr/topics, facet limits and
// values merged across case.
#include "index/schema.h"
#include "tests/index/index_fixture.h"

namespace diar {
namespace {

TEST(Results, IdenticalTextsAreOneHitWithEveryPath) {
  testing::TempDir dir;
  const std::string text = "Protokoll från kulturnämnden om biblioteken.";
  {
    IndexWriter writer = testing::OpenWriter(dir.path());
    ProcessedDocument pdf = testing::MakeDocument("a.pdf", text);
    pdf.source.sha256 = Sha256Hex("pdf bytes");  // other bytes, same text
    writer.Add(pdf, "/r/a.pdf");
    writer.Add(testing::MakeDocument("a.txt", text), "/r/a.txt");
    writer.Add(testing::MakeDocument("b.txt", "Ett annat protokoll om biblioteken."), "/r/b.txt");
    writer.Commit();
  }
  Searcher searcher = testing::OpenSearcher(dir.path());
  const SearchResult r = testing::MustSearch(searcher, testing::Request("biblioteken"));
  ASSERT_EQ(r.hits.size(), 2u);
  for (const Hit& hit : r.hits) {
    if (hit.path == "/r/b.txt") continue;
    std::vector<std::string> paths = hit.paths;
    std::sort(paths.begin(), paths.end());
    EXPECT_EQ(paths, (std::vector<std::string>{"/r/a.pdf", "/r/a.txt"}));
  }
  EXPECT_EQ(searcher.Status()->documents, 3u);  // separate in the index
  // Counting facets collapses the page instead of the whole match.
  const SearchResult with_facets = testing::MustSearch(searcher, testing::Request("biblioteken", true));
  ASSERT_EQ(with_facets.hits.size(), 2u);
  for (const Hit& hit : with_facets.hits) {
    if (hit.path != "/r/b.txt") {
      EXPECT_EQ(hit.paths.size(), 2u);
    }
  }
}

// Which of the twins ranks first is decided by document ids, which under
// --jobs 2 follow the workers' timing; the hit shown must not.
TEST(Results, IdenticalTextsShowTheFileWhosePathSortsFirstWhicheverWasAddedFirst) {
  testing::TempDir dir;
  const std::string text = "Protokoll från kulturnämnden om biblioteken.";
  {
    IndexWriter writer = testing::OpenWriter(dir.path());
    ProcessedDocument c = testing::MakeDocument("c.pdf", text);
    c.source.sha256 = Sha256Hex("c bytes");
    writer.Add(c, "/r/c.pdf");
    ProcessedDocument a = testing::MakeDocument("a.pdf", text);
    a.source.sha256 = Sha256Hex("a bytes");
    writer.Add(a, "/r/a.pdf");
    writer.Add(testing::MakeDocument("b.txt", text), "/r/b.txt");
    writer.Commit();
  }
  Searcher searcher = testing::OpenSearcher(dir.path());
  for (const bool facets : {false, true}) {
    const SearchResult r = testing::MustSearch(searcher, testing::Request("biblioteken", facets));
    ASSERT_EQ(r.hits.size(), 1u);
    EXPECT_EQ(r.hits[0].path, "/r/a.pdf");
    EXPECT_EQ(r.hits[0].paths, (std::vector<std::string>{"/r/a.pdf", "/r/b.txt", "/r/c.pdf"}));
    EXPECT_EQ(r.hits[0].id, Sha256Hex("a bytes"));
  }
}

TEST(Results, SnippetCarriesTheMatchesPage) {
  testing::TempDir dir;
  {
    IndexWriter writer = testing::OpenWriter(dir.path());
    const std::string page1 = "Första sidan handlar om budget. ";
    const std::string page2 = "Andra sidan nämner cykelvägar. ";
    ProcessedDocument doc = testing::MakeDocument("pages.txt", page1 + page2 + "Tredje sidan.");
    doc.text.page_starts = {0, CodePointCount(page1), CodePointCount(page1 + page2)};
    doc.text.page_ocr = {false, false, false};
    doc.source.pages.resize(3);
    writer.Add(doc, "/r/pages.txt");
    writer.Commit();
  }
  Searcher searcher = testing::OpenSearcher(dir.path());
  EXPECT_EQ(testing::MustSearch(searcher, testing::Request("cykelvägar")).hits.at(0).snippet_page, 2);
  EXPECT_EQ(testing::MustSearch(searcher, testing::Request("budget")).hits.at(0).snippet_page, 1);
}

TEST(Results, HitsCarryIssuerCountyDnrTopicsAndPaths) {
  testing::TempDir dir;
  {
    IndexWriter writer = testing::OpenWriter(dir.path());
    Classification c;
    c.issuer = "Region Västmanland";
    c.county = "Västmanlands län";
    c.dnr = "RS 2021/1234";
    c.topics = {"kultur", "folkhälsa"};
    const ProcessedDocument doc = testing::MakeDocument("v.txt", "Verksamhetsplan för kultur.", {}, c);
    writer.Add(doc, "/r/v.txt");
    writer.Add(doc, "/r/copy/v.txt");
    writer.Commit();
  }
  const SearchResult r =
      testing::MustSearch(testing::OpenSearcher(dir.path()), testing::Request("kultur"));
  ASSERT_EQ(r.hits.size(), 1u);
  const Hit& hit = r.hits[0];
  EXPECT_EQ(hit.issuer, "Region Västmanland");
  EXPECT_EQ(hit.county, "Västmanlands län");
  EXPECT_EQ(hit.dnr, "RS 2021/1234");
  EXPECT_EQ(hit.topics, (std::vector<std::string>{"kultur", "folkhälsa"}));
  std::vector<std::string> paths = hit.paths;
  std::sort(paths.begin(), paths.end());
  EXPECT_EQ(paths, (std::vector<std::string>{"/r/copy/v.txt", "/r/v.txt"}));
}

class FacetResults : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexWriter writer = testing::OpenWriter(dir_.path());
    for (int i = 0; i < 14; ++i) {
      const std::string name = "f" + std::to_string(i) + ".txt";
      std::vector<Mention> mentions = {testing::MakeMention("body", "Nämnd", "Nämnd " + std::to_string(i))};
      // Two casings of one plan, and a document naming it in both.
      if (i < 3) mentions.push_back(testing::MakeMention("plan", "kulturplan", "Regional kulturplan"));
      if (i >= 2 && i < 4) mentions.push_back(testing::MakeMention("plan", "kulturplan", "regional kulturplan"));
      writer.Add(testing::MakeDocument(name, "Beslut nummer " + std::to_string(i), mentions), "/f/" + name);
    }
    writer.Commit();
  }
  SearchResult Facets(int limit) {
    SearchRequest request = testing::Request("beslut", true);
    request.facet_limit = limit;
    return testing::MustSearch(testing::OpenSearcher(dir_.path()), request);
  }
  testing::TempDir dir_;
};

TEST_F(FacetResults, TopValuesShownAndTheRestCounted) {
  const SearchResult r = Facets(10);
  EXPECT_EQ(r.facets.at("body").size(), 10u);
  EXPECT_EQ(r.facets_more.at("body"), 4);
  EXPECT_EQ(Facets(0).facets.at("body").size(), 14u);
  EXPECT_EQ(Facets(0).facets_more.count("body"), 0u);
}

TEST_F(FacetResults, ValuesDifferingInCaseAreOneValueCountedOncePerDocument) {
  const SearchResult r = Facets(10);
  const std::vector<FacetCount>& plans = r.facets.at("plan");
  ASSERT_EQ(plans.size(), 1u);
  EXPECT_EQ(plans[0].value, "Regional kulturplan");  // the casing most documents have
  EXPECT_EQ(plans[0].count, 4);                      // f0..f3, f2 once
}

// `query` finds two documents in the index at `dir`: the default ranking
// puts `first` first, the ranking `other` puts `first_with_other` first.
void ExpectTwoHitsLedBy(const std::string& dir, const std::string& query, const std::string& first,
                        Ranking other, const std::string& first_with_other) {
  Searcher searcher = testing::OpenSearcher(dir);
  SearchRequest request = testing::Request(query);
  const SearchResult boosted = testing::MustSearch(searcher, request);
  ASSERT_EQ(boosted.hits.size(), 2u);
  EXPECT_EQ(boosted.hits[0].path, first);
  request.ranking = other;
  const SearchResult plain = testing::MustSearch(searcher, request);
  ASSERT_EQ(plain.hits.size(), 2u);
  EXPECT_EQ(plain.hits[0].path, first_with_other);
}

// "kultur 2014": neither text says 2014, but one document is dated 2014;
// the default ranking puts it first, plain OR leaves the tie in index order.
TEST(Results, AWordNamingADocumentsYearRanksItFirst) {
  testing::TempDir dir;
  {
    IndexWriter writer = testing::OpenWriter(dir.path());
    Classification c;
    c.date = "2015-05-04";
    writer.Add(testing::MakeDocument("first.txt", "Kultur och fritid i kommunen, ärende ett.", {}, c), "/x/first.txt");
    c.date = "2014-05-04";
    writer.Add(testing::MakeDocument("second.txt", "Kultur och fritid i kommunen, ärende två.", {}, c), "/x/second.txt");
    c.date = "2016-01-01";
    for (const std::string name : {"other1.txt", "other2.txt", "other3.txt"}) {
      writer.Add(testing::MakeDocument(name, "Budget och skatt, " + name, {}, c), "/x/" + name);
    }
    writer.Commit();
  }
  ExpectTwoHitsLedBy(dir.path(), "kultur 2014", "/x/second.txt", Ranking::kOr, "/x/first.txt");
}

// "städerna": both texts have forms of "stad", the second more of them;
// the default ranking puts the one saying "städerna" first, the same
// ranking without the form boost the other.
TEST(Results, TheWordInTheFormTypedRanksItsDocumentFirst) {
  testing::TempDir dir;
  {
    IndexWriter writer = testing::OpenWriter(dir.path());
    writer.Add(testing::MakeDocument("form.txt", "Städerna i regionen samverkar om bostäder."), "/x/form.txt");
    writer.Add(testing::MakeDocument("other-forms.txt", "Staden och stadens stad samverkar om bostäder."),
               "/x/other-forms.txt");
    for (const std::string name : {"a.txt", "b.txt", "c.txt"}) {
      writer.Add(testing::MakeDocument(name, "Budget och skatt, " + name), "/x/" + name);
    }
    writer.Commit();
  }
  ExpectTwoHitsLedBy(dir.path(), "städerna", "/x/form.txt", Ranking::kOrAndFieldBoost,
                     "/x/other-forms.txt");
}

TEST(Results, AnIndexOfAnotherSchemaVersionSaysToIngestAgain) {
  testing::TempDir dir;
  {
    IndexWriter writer = testing::OpenWriter(dir.path());
    writer.Add(testing::MakeDocument("a.txt", "Beslut."), "/r/a.txt");
    writer.Commit();
  }
  {
    Xapian::WritableDatabase db(dir.path());
    db.set_metadata(std::string(schema::kMetaSchema), "2");
    db.commit();
  }
  Result<Searcher> searcher = Searcher::Open(dir.path());
  ASSERT_FALSE(searcher.ok());
  EXPECT_EQ(searcher.error().kind, ErrorKind::kConfig);
  EXPECT_NE(searcher.error().message.find("schema version 2"), std::string::npos) << searcher.error().message;
  EXPECT_NE(searcher.error().message.find("ingest"), std::string::npos) << searcher.error().message;
}

}  // namespace
}  // namespace diar
