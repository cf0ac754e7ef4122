// Issue 12: what the index keeps safe — spelling data only from text that
// looks like language (and removal mirrors addition), file names that are
// not UTF-8 stored exactly, ambiguous id prefixes named, damaged records
// and queries that are not text reported as values, never thrown.
#include <random>

#include "index/byte_string.h"
#include "index/record.h"
#include "index/schema.h"
#include "tests/index/index_fixture.h"

namespace diar {
namespace {

std::size_t SpellingEntries(const std::string& dir) {
  Xapian::Database db(dir);
  std::size_t n = 0;
  for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) ++n;
  return n;
}

Xapian::doccount SpellingFrequency(const std::string& dir, const std::string& word) {
  Xapian::Database db(dir);
  Xapian::TermIterator it = db.spellings_begin();
  it.skip_to(word);
  return it != db.spellings_end() && *it == word ? it.get_termfreq() : 0;
}

// Letter soup as random bytes read as Windows-1252 give it: runs of Latin
// letters between punctuation, no language.
std::string LetterSoup(std::size_t words) {
  std::mt19937 rng(12);
  const std::string letters = "abcdefghijklmnopqrstuvwxyzåäöéü";
  std::string text;
  for (std::size_t w = 0; w < words; ++w) {
    const int length = 2 + static_cast<int>(rng() % 6);
    for (int i = 0; i < length; ++i) {
      const std::size_t at = rng() % 31;
      // The last five letters are two bytes in UTF-8.
      text += at < 26 ? letters.substr(at, 1) : letters.substr(26 + (at - 26) * 2, 2);
    }
    text += (w % 7 == 0) ? ". " : " ";
  }
  return text;
}

std::string SwedishProse(int sentences) {
  std::string text;
  for (int i = 0; i < sentences; ++i) {
    text += "Regionstyrelsen beslutade att planen för kollektivtrafiken i länet ska gälla "
            "och att den följs upp varje år av nämnden, senast 2022. ";
  }
  return text;
}

TEST(Spelling, LetterSoupAddsNoSpellingData) {
  testing::TempDir dir;
  {
    IndexWriter writer = testing::OpenWriter(dir.path());
    ASSERT_TRUE(writer.Add(testing::MakeDocument("soup.txt", LetterSoup(5000)), "/s/soup.txt"));
    ASSERT_TRUE(writer.Commit());
  }
  // Only the title's one word (the file name is trusted: under 100 words
  // are not judged, and the title goes in with the text).
  EXPECT_EQ(SpellingEntries(dir.path()), 0u);
  Xapian::Database db(dir.path());
  EXPECT_TRUE(db.term_exists(std::string(schema::kNoSpelling) + "none"));
}

TEST(Spelling, SwedishTextAddsItsWordsAndRemovalTakesThemAllBack) {
  testing::TempDir dir;
  IndexWriter writer = testing::OpenWriter(dir.path());
  ASSERT_TRUE(writer.Add(testing::MakeDocument("plan.txt", SwedishProse(20)), "/s/plan.txt"));
  ASSERT_TRUE(writer.Add(testing::MakeDocument("soup.txt", LetterSoup(5000)), "/s/soup.txt"));
  ASSERT_TRUE(writer.Commit());
  EXPECT_GT(SpellingEntries(dir.path()), 10u);
  EXPECT_EQ(SpellingFrequency(dir.path(), "2022"), 0u);  // not a word anyone misspells
  EXPECT_GT(SpellingFrequency(dir.path(), "regionstyrelsen"), 0u);
  ASSERT_TRUE(writer.Remove("/s/soup.txt"));
  ASSERT_TRUE(writer.Remove("/s/plan.txt"));
  ASSERT_TRUE(writer.Commit());
  EXPECT_EQ(SpellingEntries(dir.path()), 0u);
}

TEST(Spelling, ShortTextWithoutStopwordsStillGivesSuggestions) {
  testing::TempDir dir;
  IndexWriter writer = testing::OpenWriter(dir.path());
  ASSERT_TRUE(writer.Add(testing::MakeDocument("a.txt", "Regionstyrelsen sammanträder."), "/s/a.txt"));
  ASSERT_TRUE(writer.Commit());
  EXPECT_GT(SpellingFrequency(dir.path(), "regionstyrelsen"), 0u);
}

TEST(NonUtf8Path, IsStoredExactlyAndShownEscaped) {
  testing::TempDir dir;
  const std::string path = "/s/prot\xf6koll.txt";  // Latin-1 ö: not UTF-8
  IndexWriter writer = testing::OpenWriter(dir.path());
  ASSERT_TRUE(writer.Add(testing::MakeDocument("a.txt", "Kommunfullmäktige beslutade."), path));
  ASSERT_TRUE(writer.Commit());
  Searcher searcher = testing::OpenSearcher(dir.path());
  Result<StoredDocument> doc = searcher.Get(path);
  ASSERT_TRUE(doc) << doc.error().message;
  ASSERT_EQ(doc->paths.size(), 1u);
  EXPECT_EQ(doc->paths[0], path);  // the exact bytes, not U+FFFD
  const SearchResult r = testing::MustSearch(searcher, testing::Request("kommunfullmäktige"));
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].path, "/s/prot\\xF6koll.txt");
  // Remove by the exact bytes finds it.
  Result<RemoveOutcome> removed = writer.Remove(path);
  ASSERT_TRUE(removed) << removed.error().message;
  EXPECT_EQ(removed->removed_ids.size(), 1u);
}

TEST(NonUtf8Path, FailureIsRecordedExactlyAndListedEscaped) {
  testing::TempDir dir;
  const std::string path = "/s/trasig\xfe.pdf";
  IndexWriter writer = testing::OpenWriter(dir.path());
  ASSERT_TRUE(writer.RecordFailure(path, path + ": not a PDF"));
  ASSERT_TRUE(writer.Commit());
  Result<IndexStatus> status = testing::OpenSearcher(dir.path()).Status();
  ASSERT_TRUE(status) << status.error().message;
  ASSERT_EQ(status->failures.size(), 1u);
  EXPECT_EQ(status->failures[0].first, path);
  EXPECT_EQ(status->failures[0].second, "/s/trasig\\xFE.pdf: not a PDF");
}

TEST(ByteString, EscapesOnlyWhatIsNotUtf8AndHexRoundTrips) {
  const std::string cases[] = {"plain", "å ä ö", "\xff", "a\xc3", "\xed\xa0\x80", "\xc0\xaf"};
  const std::string shown[] = {"plain", "å ä ö", "\\xFF", "a\\xC3", "\\xED\\xA0\\x80", "\\xC0\\xAF"};
  for (std::size_t i = 0; i < std::size(cases); ++i) {
    EXPECT_EQ(Escaped(cases[i]), shown[i]) << i;
    EXPECT_EQ(FromHexBytes(HexBytes(cases[i])), cases[i]) << i;
  }
}

TEST(ByteString, LogLinesAlsoEscapeControlCharacters) {
  EXPECT_EQ(EscapedLine("/in/two\nlines.txt"), "/in/two\\x0Alines.txt");
  EXPECT_EQ(EscapedLine("\x1b[2Jbad\x7f.pdf"), "\\x1B[2Jbad\\x7F.pdf");
  EXPECT_EQ(EscapedLine("tab\tkept, \xff escaped, å kept"), "tab\tkept, \\xFF escaped, å kept");
}

// Two documents whose ids share their first 8 hex digits, found by trying
// texts (a birthday search: about 80 000 hashes, milliseconds).
class SharedIdPrefix : public ::testing::Test {
 protected:
  void SetUp() override {
    std::map<std::string, std::string> seen;  // 8-digit prefix -> text
    for (int i = 0; texts_.empty(); ++i) {
      const std::string text = "Planen nummer " + std::to_string(i) + ".";
      auto [it, added] = seen.emplace(Sha256Hex(text).substr(0, 8), text);
      if (!added) texts_ = {it->second, text};
    }
    prefix_ = Sha256Hex(texts_[0]).substr(0, 8);
    IndexWriter writer = testing::OpenWriter(dir_.path());
    for (int k = 0; k < 2; ++k) {
      ASSERT_TRUE(writer.Add(testing::MakeDocument("d.txt", texts_[k]), "/s/" + std::to_string(k) + ".txt"));
    }
    ASSERT_TRUE(writer.Commit());
  }
  testing::TempDir dir_;
  std::vector<std::string> texts_;
  std::string prefix_;
};

TEST_F(SharedIdPrefix, ShowSaysAmbiguousAndListsBoth) {
  Result<StoredDocument> doc = testing::OpenSearcher(dir_.path()).Get(prefix_);
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().kind, ErrorKind::kInput);
  EXPECT_NE(doc.error().message.find("ambiguous"), std::string::npos) << doc.error().message;
  for (const std::string& text : texts_) {
    EXPECT_NE(doc.error().message.find(Sha256Hex(text)), std::string::npos) << doc.error().message;
  }
  // One more digit than they share finds one.
  const std::string longer = Sha256Hex(texts_[1]).substr(0, 12);
  EXPECT_TRUE(testing::OpenSearcher(dir_.path()).Get(longer));
}

TEST(Searcher, QueryThatIsNotUtf8IsAnInputErrorQuotingItEscaped) {
  testing::TempDir dir;
  {
    IndexWriter writer = testing::OpenWriter(dir.path());
    ASSERT_TRUE(writer.Add(testing::MakeDocument("a.txt", "Planen."), "/s/a.txt"));
  }
  Result<SearchResult> r = testing::OpenSearcher(dir.path()).Search(testing::Request("pl\xff" "an"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kInput);
  EXPECT_NE(r.error().message.find("'pl\\xFFan' is not valid UTF-8"), std::string::npos) << r.error().message;
}

TEST(Searcher, DamagedRecordIsAnErrorNamingTheIndexNotAnException) {
  testing::TempDir dir;
  {
    IndexWriter writer = testing::OpenWriter(dir.path());
    ASSERT_TRUE(writer.Add(testing::MakeDocument("a.txt", "Planen."), "/s/a.txt"));
  }
  {
    // Another program wrote the record: "pages" is not a number.
    Xapian::WritableDatabase db(dir.path());
    Xapian::Document doc = db.get_document(1);
    doc.set_data(R"({"id":"x","pages":"many","paths":["/s/a.txt"]})");
    doc.add_value(schema::kSlotCounts, "");
    db.replace_document(1, doc);
    db.commit();
  }
  Searcher searcher = testing::OpenSearcher(dir.path());
  Result<StoredDocument> doc = searcher.Get("/s/a.txt");
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().kind, ErrorKind::kConfig);
  EXPECT_NE(doc.error().message.find(dir.path() + ": "), std::string::npos) << doc.error().message;
  EXPECT_NE(doc.error().message.find("damaged"), std::string::npos) << doc.error().message;
  Result<IndexStatus> status = searcher.Status();
  ASSERT_FALSE(status);
  EXPECT_NE(status.error().message.find(dir.path() + ": "), std::string::npos) << status.error().message;
}

}  // namespace
}  // namespace diar
