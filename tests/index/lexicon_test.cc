// Issue 14: Swedish word forms beyond Snowball, and compounds split into
// their parts, from hunspell-sv's lexicon (index/lexicon.h).
#include "index/lexicon.h"

#include "pipeline/data_file/data_file.h"
#include "tests/index/index_fixture.h"

namespace diar {
namespace {

const Lexicon& ProjectLexicon() {
  static std::shared_ptr<const Lexicon> lexicon = [] {
    Result<std::shared_ptr<const Lexicon>> loaded = Lexicon::Load(testing::DictionariesDir());
    EXPECT_TRUE(loaded.ok()) << (loaded ? "" : loaded.error().message);
    return loaded ? *loaded : nullptr;
  }();
  return *lexicon;
}

std::vector<DataLine> TestTable(const std::string& name, const std::vector<std::string>& columns) {
  std::vector<std::string> errors;
  std::vector<DataLine> rows =
      ReadTable(std::string(DIAR_SOURCE_DIR) + "/tests/data/" + name, columns, &errors);
  EXPECT_TRUE(errors.empty()) << errors.front();
  return rows;
}

std::string Joined(const std::vector<std::string>& parts) {
  std::string s;
  for (const std::string& p : parts) s += (s.empty() ? "" : " ") + p;
  return s.empty() ? "-" : s;
}

TEST(Lexicon, CompoundsSplitAsTheTableSays) {
  const std::vector<DataLine> rows = TestTable("compound_splits.tsv", {"word", "parts"});
  ASSERT_GE(rows.size(), 100u);
  int not_split = 0;
  for (const DataLine& row : rows) {
    EXPECT_EQ(Joined(ProjectLexicon().Split(row.fields[0])), row.fields[1])
        << "tests/data/compound_splits.tsv:" << row.number << ": " << row.fields[0];
    if (row.fields[1] == "-") ++not_split;
  }
  EXPECT_GE(not_split, 20);  // the table tests look-alikes too
}

TEST(Lexicon, EveryFormOfAFamilyHasTheBaseFormsStem) {
  const std::vector<DataLine> rows = TestTable("word_families.tsv", {"base", "forms"});
  ASSERT_GE(rows.size(), 40u);
  Xapian::Stem stem = ProjectLexicon().Stemmer();
  for (const DataLine& row : rows) {
    for (const std::string& form : SplitList(row.fields[1])) {
      EXPECT_EQ(stem(form), stem(row.fields[0])) << "tests/data/word_families.tsv:" << row.number << ": " << form;
    }
  }
}

TEST(Lexicon, SnowballStillStemsWordsTheLexiconDoesNotKnow) {
  Xapian::Stem stem = ProjectLexicon().Stemmer();
  Xapian::Stem snowball("swedish");
  for (const char* word : {"xyzplanerna", "diarieföringarna", "qwertyerna"}) {
    EXPECT_EQ(stem(word), snowball(word)) << word;
  }
}

TEST(Lexicon, StoredTableGivesTheSameStems) {
  Result<std::shared_ptr<const Lexicon>> stored = Lexicon::FromStored(std::string(ProjectLexicon().Stored()));
  ASSERT_TRUE(stored.ok());
  Xapian::Stem a = ProjectLexicon().Stemmer();
  Xapian::Stem b = (*stored)->Stemmer();
  for (const char* word : {"beslutet", "händer", "ärendena", "fötterna", "planen"}) {
    EXPECT_EQ(a(word), b(word)) << word;
  }
  EXPECT_FALSE((*stored)->has_compounds());
}

TEST(Lexicon, DamagedStoredTableIsAConfigError) {
  Result<std::shared_ptr<const Lexicon>> stored = Lexicon::FromStored("b\tB\na-no-tab\n");
  ASSERT_FALSE(stored.ok());
  EXPECT_EQ(stored.error().kind, ErrorKind::kConfig);
}

// Search level: a document per form; every form finds the whole family.
TEST(Lexicon, EachFormFindsTheSameDocumentsAsTheBaseForm) {
  const std::vector<DataLine> rows = TestTable("word_families.tsv", {"base", "forms"});
  testing::TempDir dir;
  std::map<std::string, std::vector<std::string>> family_docs;
  {
    IndexWriter writer = testing::OpenWriter(dir.path());
    for (const DataLine& row : rows) {
      std::vector<std::string> forms = SplitList(row.fields[1]);
      forms.insert(forms.begin(), row.fields[0]);
      for (const std::string& form : forms) {
        const std::string name = row.fields[0] + "-" + form + ".txt";
        writer.Add(testing::MakeDocument(name, "Texten nämner " + form + " en gång."), "/w/" + name);
        family_docs[row.fields[0]].push_back(name);
      }
    }
    writer.Commit();
  }
  Searcher searcher = testing::OpenSearcher(dir.path());
  for (const DataLine& row : rows) {
    // The base form's hits: its family, and any family Snowball gives the
    // same stem (the noun "beslut" and the verb "besluta").
    const std::vector<std::string> base = testing::HitNames(searcher, row.fields[0]);
    for (const std::string& doc : family_docs[row.fields[0]]) {
      EXPECT_TRUE(std::binary_search(base.begin(), base.end(), doc)) << row.fields[0] << " misses " << doc;
    }
    for (const std::string& form : SplitList(row.fields[1])) {
      EXPECT_EQ(testing::HitNames(searcher, form), base) << form;
    }
  }
}

}  // namespace
}  // namespace diar
