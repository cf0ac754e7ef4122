// Issue 6: what a Searcher keeps between queries (the query parser, the
// facet field values, each document's facet terms) follows the index: after
// a writer commits, the same Searcher finds, filters and counts the new
// documents and forgets removed ones. `diar status` counts from a slot per
// document, and still counts documents written before that slot existed.
#include <xapian.h>

#include <map>

#include "index/schema.h"
#include "tests/index/index_fixture.h"

namespace diar {
namespace {

using testing::MakeDocument;
using testing::MakeMention;

ProcessedDocument Doc(const std::string& name, const std::string& text, const std::string& body,
                    const std::string& year) {
  Classification c;
  c.type = "protokoll";
  c.date = year + "-05-01";
  return MakeDocument(name, text, {MakeMention("body", body, body)}, c);
}

std::map<std::string, int> Counts(const SearchResult& result, const std::string& facet) {
  std::map<std::string, int> counts;
  auto it = result.facets.find(facet);
  if (it == result.facets.end()) return counts;
  for (const FacetCount& c : it->second) counts[c.value] = c.count;
  return counts;
}

TEST(SearcherState, SameSearcherSeesCommitsOfAWriter) {
  testing::TempDir dir;
  {
    IndexWriter writer = testing::OpenWriter(dir.path());
    writer.Add(Doc("a.txt", "Kultur i länet.", "Kulturnämnden", "2021"), "/r/a.txt");
    writer.Commit();
  }
  Searcher searcher = testing::OpenSearcher(dir.path());
  // Fill every cache: facets counted, a body field looked up.
  SearchResult before = testing::MustSearch(searcher, testing::Request("kultur", true));
  EXPECT_EQ(Counts(before, "body"), (std::map<std::string, int>{{"Kulturnämnden", 1}}));
  EXPECT_EQ(testing::HitNames(searcher, "organ:Tillväxtverket"), std::vector<std::string>{});

  {
    IndexWriter writer = testing::OpenWriter(dir.path());
    writer.Add(Doc("b.txt", "Kultur och tillväxt.", "Tillväxtverket", "2022"), "/r/b.txt");
    writer.Remove("/r/a.txt");
    writer.Commit();
  }
  SearchResult after = testing::MustSearch(searcher, testing::Request("kultur", true));
  EXPECT_EQ(after.total, 1u);
  EXPECT_EQ(Counts(after, "body"), (std::map<std::string, int>{{"Tillväxtverket", 1}}));
  EXPECT_EQ(Counts(after, "year"), (std::map<std::string, int>{{"2022", 1}}));
  EXPECT_EQ(testing::HitNames(searcher, "organ:tillväxtverket"),
            std::vector<std::string>{"b.txt"});
  EXPECT_EQ(testing::HitNames(searcher, "organ:Kulturnämnden"), std::vector<std::string>{});
  EXPECT_EQ(searcher.Status()->documents, 1u);
}

TEST(SearcherState, RepeatedFacetQueriesCountTheSame) {
  testing::TempDir dir;
  {
    IndexWriter writer = testing::OpenWriter(dir.path());
    writer.Add(Doc("a.txt", "Kultur i länet.", "Kulturnämnden", "2021"), "/r/a.txt");
    writer.Add(Doc("b.txt", "Kultur och idrott.", "Kulturnämnden", "2022"), "/r/b.txt");
    writer.Add(Doc("c.txt", "Idrott.", "Idrottsnämnden", "2022"), "/r/c.txt");
    writer.Commit();
  }
  Searcher searcher = testing::OpenSearcher(dir.path());
  // A document first counted by a narrow query is counted right by a wider
  // one, and the other way round.
  for (int round = 0; round < 2; ++round) {
    SearchResult idrott = testing::MustSearch(searcher, testing::Request("idrott", true));
    EXPECT_EQ(Counts(idrott, "body"),
              (std::map<std::string, int>{{"Kulturnämnden", 1}, {"Idrottsnämnden", 1}}));
    SearchResult all = testing::MustSearch(searcher, testing::Request("", true));
    EXPECT_EQ(Counts(all, "body"),
              (std::map<std::string, int>{{"Kulturnämnden", 2}, {"Idrottsnämnden", 1}}));
    EXPECT_EQ(Counts(all, "year"), (std::map<std::string, int>{{"2021", 1}, {"2022", 2}}));
  }
}

TEST(Status, CountsPagesMentionsAndPaths) {
  testing::TempDir dir;
  {
    IndexWriter writer = testing::OpenWriter(dir.path());
    ProcessedDocument two_pages = Doc("a.txt", "Sida ett. Sida två.", "Kulturnämnden", "2021");
    two_pages.source.pages.resize(2);
    two_pages.mentions.push_back(MakeMention("dnr", "RS 2021/1", "RS 2021/1", 4));
    writer.Add(two_pages, "/r/a.txt");
    writer.Add(two_pages, "/r/kopia/a.txt");  // same bytes: one document, two paths
    writer.Add(Doc("b.txt", "Annat.", "Regionstyrelsen", "2022"), "/r/b.txt");
    writer.Commit();
  }
  IndexStatus s = *testing::OpenSearcher(dir.path()).Status();
  EXPECT_EQ(s.documents, 2u);
  EXPECT_EQ(s.pages, 3u);
  EXPECT_EQ(s.mentions, 3u);
  EXPECT_EQ(s.paths, 3u);

  // A document written before the counts slot existed: its record is read
  // instead.
  {
    Xapian::WritableDatabase db(dir.path());
    const Xapian::docid first = *db.postlist_begin("");
    Xapian::Document doc = db.get_document(first);
    doc.remove_value(schema::kSlotCounts);
    db.replace_document(first, doc);
    db.commit();
  }
  IndexStatus old = *testing::OpenSearcher(dir.path()).Status();
  EXPECT_EQ(old.documents, s.documents);
  EXPECT_EQ(old.pages, s.pages);
  EXPECT_EQ(old.mentions, s.mentions);
  EXPECT_EQ(old.paths, s.paths);
}

TEST(Status, CountsTheDocumentsAnOlderDiarDerived) {
  testing::TempDir dir;
  {
    IndexWriter writer = testing::OpenWriter(dir.path());
    writer.Add(Doc("a.txt", "Kultur i länet.", "Kulturnämnden", "2021"), "/r/a.txt");
    writer.Add(Doc("b.txt", "Idrott i länet.", "Idrottsnämnden", "2022"), "/r/b.txt");
    writer.Commit();
  }
  EXPECT_EQ(testing::OpenSearcher(dir.path()).Status()->outdated, 0u);
  // One document as a diar before the revision term wrote it.
  {
    Xapian::WritableDatabase db(dir.path());
    const Xapian::docid first = *db.postlist_begin("");
    Xapian::Document doc = db.get_document(first);
    doc.remove_term(std::string(schema::kDerived) + std::to_string(schema::kDerivedRevision));
    db.replace_document(first, doc);
    db.commit();
  }
  EXPECT_EQ(testing::OpenSearcher(dir.path()).Status()->outdated, 1u);
  {
    IndexWriter writer = testing::OpenWriter(dir.path());
    // Read again (what --reindex does): derived anew.
    writer.Remove("/r/a.txt");
    writer.Remove("/r/b.txt");
    writer.Add(Doc("a.txt", "Kultur i länet.", "Kulturnämnden", "2021"), "/r/a.txt");
    writer.Add(Doc("b.txt", "Idrott i länet.", "Idrottsnämnden", "2022"), "/r/b.txt");
    writer.Commit();
  }
  EXPECT_EQ(testing::OpenSearcher(dir.path()).Status()->outdated, 0u);
}

}  // namespace
}  // namespace diar
