// Issue 6: highlighted snippets, from a window around the first match rather
// than the whole text, are the passage Xapian picks over the whole text; a
// match deep in a long document is found; text without a match shows its
// opening.
#include "index/snippet.h"

#include <xapian.h>

#include "index/lexicon.h"
#include "index/schema.h"

#include "tests/index/index_fixture.h"

namespace diar {
namespace {

using testing::MakeMention;

// ~40 pages of filler with the words of interest placed late, as in a long
// protocol whose agenda item comes near the end.
std::string LongText() {
  std::string text = "Region Västmanland\nProtokoll fört vid sammanträde.\n";
  const std::string filler =
      "Nämnden behandlade ärenden om lokaler, personal och ekonomi under perioden. "
      "Ordföranden förklarade sammanträdet öppnat och justerare utsågs.\n";
  for (int i = 0; i < 600; ++i) {
    text += filler;
    if (i == 100) text += "Strategisk planering diskuterades. Regional samverkan nämndes.\n";
    if (i == 450) {
      text += "Beslut: nämnden antar den strategiska planen för regional beredning. "
              "Strategisk regional beredning sker i samråd med kommunerna.\n";
    }
  }
  return text;
}

class Snippets : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexWriter writer = testing::OpenWriter(dir_.path());
    Classification c;
    c.type = "protokoll";
    c.title = "Budget och verksamhet";
    writer.Add(testing::MakeDocument("long.txt", LongText(), {}, c), "/s/long.txt");
    writer.Add(testing::MakeDocument("short.txt", "Kulturnämnden antog planen för 2022.",
                                     {MakeMention("body", "Kulturnämnden", "Kulturnämnden")}),
               "/s/short.txt");
    writer.Commit();
  }
  std::string SnippetOf(const std::string& query, const std::string& name) {
    const Searcher searcher = testing::OpenSearcher(dir_.path());
    SearchResult r = testing::MustSearch(searcher, testing::Request(query));
    for (const Hit& hit : r.hits) {
      if (hit.path.ends_with(name)) return hit.snippet;
    }
    ADD_FAILURE() << query << ": no hit " << name;
    return "";
  }
  testing::TempDir dir_;
};

TEST_F(Snippets, MatchDeepInALongDocumentIsHighlighted) {
  EXPECT_NE(SnippetOf("samråd", "long.txt").find("«samråd»"), std::string::npos);
}

TEST_F(Snippets, PhraseIsHighlightedWhereItsWordsStandTogether) {
  // "strategisk" and "regional" occur alone much earlier.
  const std::string s = SnippetOf("\"strategisk regional beredning\"", "long.txt");
  EXPECT_NE(s.find("«Strategisk regional beredning»"), std::string::npos) << s;
}

TEST_F(Snippets, InflectedQueryHighlightsTheFormInTheText) {
  EXPECT_NE(SnippetOf("planer", "short.txt").find("«planen»"), std::string::npos);
}

TEST_F(Snippets, TextWithoutAMatchShowsItsOpening) {
  // A filter matches no text; "budget" is only in the title.
  for (const std::string query : {"typ:protokoll", "budget"}) {
    const std::string s = SnippetOf(query, "long.txt");
    EXPECT_TRUE(s.starts_with("Region Västmanland")) << query << ": " << s;
    EXPECT_TRUE(s.ends_with("…")) << query << ": " << s;
    EXPECT_EQ(s.find("«"), std::string::npos) << query << ": " << s;
  }
}

TEST_F(Snippets, WordOnEveryLineIsHighlightedAtItsFirstPassage) {
  const std::string s = SnippetOf("ordföranden", "long.txt");
  EXPECT_NE(s.find("«Ordföranden»"), std::string::npos) << s;
}

// Where Xapian over the whole text highlights something, the window gives
// exactly its snippet. (Not for a word on every line of the filler: there
// window after window scores the same, and Xapian keeps the last of such a
// run it reaches, the window the first.)
TEST_F(Snippets, SameAsXapianOverTheWholeText) {
  Xapian::Database db(dir_.path());
  Xapian::QueryParser qp;
  qp.set_database(db);
  // The index's own stemmer: Snowball over its stored word forms.
  Result<std::shared_ptr<const Lexicon>> lexicon =
      Lexicon::FromStored(db.get_metadata(std::string(schema::kMetaLexicon)));
  ASSERT_TRUE(lexicon.ok());
  const Xapian::Stem stemmer = (*lexicon)->Stemmer();
  qp.set_stemmer(stemmer);
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  for (const std::string query :
       {"samråd", "kommunerna", "\"strategisk regional beredning\"", "strategisk",
        "regional OR beslut", "planering NOT kulturnämnden", "\"regional samverkan\"",
        "kulturnämnden", "planer", "antar planen", "protokoll"}) {
    const Xapian::Query q = qp.parse_query(query);
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    ASSERT_GT(mset.size(), 0u) << query;
    const Snippeter snippeter(q, stemmer);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const std::string text = it.get_document().get_value(schema::kSlotText);
      const std::string whole =
          mset.snippet(text, kSnippetBytes, stemmer, 0, kHighlightStart, kHighlightEnd, kOmit);
      if (whole.find(kHighlightStart) == std::string::npos) continue;
      EXPECT_EQ(snippeter.Make(mset, text), whole) << query << ", document " << *it;
    }
  }
}

}  // namespace
}  // namespace diar
