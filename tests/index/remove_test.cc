// Issue 6: removing a document (diar remove), pruning one whose file is gone
// (ingest --prune) and replacing a changed file leave no trace: the
// database's terms, values, spelling data and facet counts are exactly what
// they were without the document.
#include <xapian.h>

#include <fstream>
#include <map>

#include "tests/index/index_fixture.h"

namespace diar {
namespace {

using testing::MakeDocument;
using testing::MakeMention;

// Everything a document can leave behind, read straight from Xapian.
struct DatabaseState {
  Xapian::doccount documents = 0;
  std::map<std::string, Xapian::doccount> terms;       // term -> termfreq
  std::map<std::string, Xapian::doccount> spellings;   // word -> frequency
  std::map<unsigned, Xapian::doccount> value_freqs;    // slot -> documents with a value
  std::map<std::string, std::map<std::string, int>> facets;

  bool operator==(const DatabaseState&) const = default;
};

DatabaseState Snapshot(const std::string& dir) {
  DatabaseState s;
  Xapian::Database db(dir);
  s.documents = db.get_doccount();
  for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) s.terms[*t] = t.get_termfreq();
  for (auto w = db.spellings_begin(); w != db.spellings_end(); ++w) s.spellings[*w] = w.get_termfreq();
  for (unsigned slot = 0; slot < 8; ++slot) {
    if (Xapian::doccount n = db.get_value_freq(slot)) s.value_freqs[slot] = n;
  }
  SearchResult all = testing::MustSearch(testing::OpenSearcher(dir), testing::Request("", true));
  for (const auto& [facet, list] : all.facets) {
    for (const FacetCount& c : list) s.facets[facet][c.value] = c.count;
  }
  return s;
}

ProcessedDocument Keeper() {
  Classification c;
  c.type = "protokoll";
  c.date = "2021-01-01";
  c.topics = {"kultur"};
  return MakeDocument("keep.txt", "Kulturnämnden sammanträdde om kultur och budget.",
                      {MakeMention("body", "Kulturnämnden", "Kulturnämnden")}, c);
}

// Shares words, a body and a topic with Keeper, and has its own.
ProcessedDocument Visitor(const std::string& extra = "") {
  Classification c;
  c.type = "tjänsteskrivelse";
  c.issuer = "Region Västmanland";
  c.county = "Västmanlands län";
  c.date = "2022-03-29";
  c.dnr = "RS 2022/17";
  c.topics = {"kultur", "idrott"};
  return MakeDocument("visit.txt",
                      "Kulturnämnden och idrottsrörelsen: budget för simhallen " + extra,
                      {MakeMention("body", "Kulturnämnden", "Kulturnämnden"),
                       MakeMention("body", "RF-SISU Västmanland", "RF-SISU Västmanland", 30),
                       MakeMention("dnr", "RS 2022/17", "RS 2022/17", 60)},
                      c);
}

// Indexes Keeper at `path` in a new index and commits; the index's state
// then is what a removal must return to.
DatabaseState IndexKeeper(const std::string& dir, const std::string& path) {
  {
    IndexWriter w = testing::OpenWriter(dir);
    w.Add(Keeper(), path);
    w.Commit();
  }
  return Snapshot(dir);
}

TEST(Remove, LeavesNoTrace) {
  testing::TempDir dir;
  const DatabaseState before = IndexKeeper(dir.path(), "/r/keep.txt");
  {
    IndexWriter w = testing::OpenWriter(dir.path());
    w.Add(Visitor(), "/r/visit.txt");
    w.Commit();
  }
  ASSERT_NE(Snapshot(dir.path()), before);  // the visitor did leave something
  {
    IndexWriter w = testing::OpenWriter(dir.path());
    EXPECT_EQ(w.Remove("/r/visit.txt")->removed_ids.size(), 1u);
    w.Commit();
  }
  const DatabaseState after = Snapshot(dir.path());
  EXPECT_EQ(after.documents, before.documents);
  EXPECT_EQ(after.terms, before.terms);
  EXPECT_EQ(after.spellings, before.spellings);
  EXPECT_EQ(after.value_freqs, before.value_freqs);
  EXPECT_EQ(after.facets, before.facets);
}

TEST(Remove, ByIdPrefixLeavesNoTrace) {
  testing::TempDir dir;
  const DatabaseState before = IndexKeeper(dir.path(), "/r/keep.txt");
  const ProcessedDocument visitor = Visitor();
  {
    IndexWriter w = testing::OpenWriter(dir.path());
    w.Add(visitor, "/r/visit.txt");
    w.Commit();
    EXPECT_EQ(w.Remove(visitor.source.sha256.substr(0, 12))->removed_ids,
              std::vector<std::string>{visitor.source.sha256});
    w.Commit();
  }
  EXPECT_EQ(Snapshot(dir.path()), before);
}

// The writer adds spelling data when a batch commits: a document removed
// before that must take back exactly what it would have added.
TEST(Remove, DocumentAddedSinceTheLastCommitLeavesNoTrace) {
  testing::TempDir dir;
  const DatabaseState before = IndexKeeper(dir.path(), "/r/keep.txt");
  {
    IndexWriter w = testing::OpenWriter(dir.path());
    w.Add(Visitor(), "/r/visit.txt");
    EXPECT_EQ(w.Remove("/r/visit.txt")->removed_ids.size(), 1u);
    w.Commit();
  }
  EXPECT_EQ(Snapshot(dir.path()), before);
}

TEST(Prune, DocumentWhoseFileIsGoneLeavesNoTrace) {
  testing::TempDir dir, files;
  const std::string gone = files.path() + "/visit.txt";
  const std::string kept = files.path() + "/keep.txt";
  std::ofstream(kept) << "x";
  std::ofstream(gone) << "x";
  const DatabaseState before = IndexKeeper(dir.path(), kept);
  {
    IndexWriter w = testing::OpenWriter(dir.path());
    w.Add(Visitor(), gone);
    w.Commit();
  }
  std::filesystem::remove(gone);
  {
    IndexWriter w = testing::OpenWriter(dir.path());
    EXPECT_EQ(*w.Prune(), std::vector<std::string>{gone});
    w.Commit();
  }
  EXPECT_EQ(Snapshot(dir.path()), before);
}

TEST(Replace, ChangedFileLeavesNoTraceOfItsOldVersion) {
  testing::TempDir dir;
  {
    IndexWriter w = testing::OpenWriter(dir.path());
    w.Add(Keeper(), "/r/keep.txt");
    w.Add(Visitor("ny version"), "/r/visit.txt");
    w.Commit();
  }
  const DatabaseState expected = Snapshot(dir.path());
  testing::TempDir dir2;
  {
    IndexWriter w = testing::OpenWriter(dir2.path());
    w.Add(Keeper(), "/r/keep.txt");
    w.Add(Visitor("gammal version med extra ord"), "/r/visit.txt");
    w.Commit();
    EXPECT_EQ(*w.Add(Visitor("ny version"), "/r/visit.txt"), AddOutcome::kReplaced);
    w.Commit();
  }
  DatabaseState got = Snapshot(dir2.path());
  EXPECT_EQ(got.terms, expected.terms);
  EXPECT_EQ(got.spellings, expected.spellings);
  EXPECT_EQ(got.value_freqs, expected.value_freqs);
  EXPECT_EQ(got.facets, expected.facets);
}

}  // namespace
}  // namespace diar
