// Issues 11 and 16: the word-form lexicon mapped from a cache file
// (index/lexicon.h, index/lexicon_cache.h) answers exactly as the lexicon
// built from the dictionaries, and a cache that is stale, damaged or cannot
// be written is never trusted and never an error.
#include <chrono>
#include <fstream>
#include <functional>
#include <set>

#include "index/lexicon.h"
#include "pipeline/data_file/data_file.h"
#include "tests/index/index_fixture.h"

namespace diar {
namespace {

namespace fs = std::filesystem;
using LexiconPtr = std::shared_ptr<const Lexicon>;

LexiconPtr ReadLexicon(const std::string& dictionaries, const std::string& cache_dir) {
  Result<LexiconPtr> lexicon = Lexicon::Read(dictionaries, {.cache_dir = cache_dir});
  EXPECT_TRUE(lexicon.ok()) << (lexicon ? "" : lexicon.error().message);
  return lexicon ? *lexicon : nullptr;
}

// Lower-case words of six bytes or more from the development texts: enough
// compounds, inflected last parts and look-alikes to exercise Split.
const std::vector<std::string>& DevsetWords() {
  static const std::vector<std::string> words = [] {
    std::set<std::string> distinct;
    for (const auto& entry : fs::directory_iterator(std::string(DIAR_SOURCE_DIR) + "/tests/devset")) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path());
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      std::string word;
      bool capital = false;  // a name or a sentence's start: left out
      for (char c : text + " ") {
        if ((c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80) {
          word += c;
        } else if (c >= 'A' && c <= 'Z') {
          capital = true;
        } else {
          if (!capital && word.size() >= 6) distinct.insert(word);
          word.clear();
          capital = false;
        }
      }
    }
    std::vector<std::string> out(distinct.begin(), distinct.end());
    if (out.size() > 4000) out.resize(4000);
    return out;
  }();
  return words;
}

// The lexicon's answers to the devset words, in one string, for comparing
// two lexicons whole.
std::string Answers(const Lexicon& lexicon) {
  std::string out;
  Xapian::Stem stem = lexicon.Stemmer();
  for (const std::string& word : DevsetWords()) {
    out += word + "\t" + std::string(lexicon.Lemma(word)) + "\t" + stem(word) + "\t";
    for (const std::string& part : lexicon.Split(word)) out += part + " ";
    out += "\n";
  }
  return out;
}

// A copy of the three files the lexicon reads, which a test may change.
class DictionaryCopy {
 public:
  DictionaryCopy() {
    for (const char* name : {"lemmas_sv.tsv", "compounds_sv.tsv", "compound_stop.list"}) {
      fs::copy_file(testing::DictionariesDir() + "/" + name, path(name));
    }
  }
  std::string dir() const { return dir_.path(); }
  std::string path(const std::string& name) const { return dir_.path() + "/" + name; }

 private:
  testing::TempDir dir_;
};

// The one cache file in `cache_dir`.
std::string CacheFile(const std::string& cache_dir) {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(cache_dir)) files.push_back(entry.path().string());
  EXPECT_EQ(files.size(), 1u);
  return files.empty() ? "" : files.front();
}

TEST(LexiconCache, AWarmLoadAnswersAsTheColdLoad) {
  testing::TempDir cache;
  const LexiconPtr cold = ReadLexicon(testing::DictionariesDir(), cache.path());
  const LexiconPtr warm = ReadLexicon(testing::DictionariesDir(), cache.path());
  ASSERT_TRUE(cold && warm);
  EXPECT_FALSE(cold->from_cache());
  EXPECT_TRUE(warm->from_cache());
  EXPECT_EQ(warm->Stored(), cold->Stored());
  EXPECT_TRUE(warm->has_compounds());

  std::vector<std::string> errors;
  const std::vector<DataLine> rows =
      ReadTable(testing::DictionariesDir() + "/lemmas_sv.tsv", {"form", "lemma"}, &errors);
  ASSERT_GE(rows.size(), 5000u);
  for (std::size_t i = 0; i < 5000; ++i) {
    const std::string& form = rows[i].fields[0];
    EXPECT_EQ(warm->Lemma(form), rows[i].fields[1]) << "lemmas_sv.tsv:" << rows[i].number;
    EXPECT_EQ(warm->Lemma(form), cold->Lemma(form)) << form;
  }

  std::size_t split = 0;
  for (const std::string& word : DevsetWords()) {
    const std::vector<std::string> parts = warm->Split(word);
    EXPECT_EQ(parts, cold->Split(word)) << word;
    split += parts.empty() ? 0 : 1;
  }
  EXPECT_GE(DevsetWords().size(), 2500u);
  EXPECT_GE(split, 500u) << "of " << DevsetWords().size();  // compounds, not only misses
  EXPECT_EQ(Answers(*warm), Answers(*cold));
}

TEST(LexiconCache, ALoadWithoutACacheAnswersAsAWarmOne) {
  testing::TempDir cache;
  ReadLexicon(testing::DictionariesDir(), cache.path());
  const LexiconPtr warm = ReadLexicon(testing::DictionariesDir(), cache.path());
  const LexiconPtr uncached = ReadLexicon(testing::DictionariesDir(), "");
  ASSERT_TRUE(warm && uncached);
  EXPECT_TRUE(warm->from_cache());
  EXPECT_FALSE(uncached->from_cache());
  EXPECT_EQ(Answers(*warm), Answers(*uncached));
}

TEST(LexiconCache, AnAppendedSourceFileIsReadAgain) {
  DictionaryCopy dictionaries;
  testing::TempDir cache;
  const LexiconPtr before = ReadLexicon(dictionaries.dir(), cache.path());
  ASSERT_TRUE(before);
  ASSERT_EQ(before->Split("regionplanen"), (std::vector<std::string>{"region", "plan"}));
  std::ofstream(dictionaries.path("compound_stop.list"), std::ios::app) << "region\n";

  const LexiconPtr after = ReadLexicon(dictionaries.dir(), cache.path());
  ASSERT_TRUE(after);
  EXPECT_FALSE(after->from_cache());
  EXPECT_NE(after->Split("regionplanen"), before->Split("regionplanen"));
  const LexiconPtr warm = ReadLexicon(dictionaries.dir(), cache.path());
  ASSERT_TRUE(warm);
  EXPECT_TRUE(warm->from_cache());
  EXPECT_EQ(warm->Split("regionplanen"), after->Split("regionplanen"));
}

TEST(LexiconCache, ATouchedSourceFileIsReadAgain) {
  DictionaryCopy dictionaries;
  testing::TempDir cache;
  ASSERT_TRUE(ReadLexicon(dictionaries.dir(), cache.path()));
  const std::string lemmas = dictionaries.path("lemmas_sv.tsv");
  fs::last_write_time(lemmas, fs::last_write_time(lemmas) + std::chrono::seconds(1));
  const LexiconPtr touched = ReadLexicon(dictionaries.dir(), cache.path());
  ASSERT_TRUE(touched);
  EXPECT_FALSE(touched->from_cache());
  const LexiconPtr warm = ReadLexicon(dictionaries.dir(), cache.path());
  ASSERT_TRUE(warm);
  EXPECT_TRUE(warm->from_cache());
}

TEST(LexiconCache, ADamagedCacheFileIsBuiltAgainNotTrusted) {
  testing::TempDir cache;
  const LexiconPtr uncached = ReadLexicon(testing::DictionariesDir(), "");
  ASSERT_TRUE(uncached);
  const std::string expected = Answers(*uncached);
  struct Damage {
    const char* name;
    std::function<void(std::string&)> apply;
  };
  // The file's own header is its first 136 bytes; the block's follows.
  const std::vector<Damage> damages = {
      {"empty", [](std::string& bytes) { bytes.clear(); }},
      {"cut inside its header", [](std::string& bytes) { bytes.resize(40); }},
      {"cut in half", [](std::string& bytes) { bytes.resize(bytes.size() / 2); }},
      {"a byte too many", [](std::string& bytes) { bytes.push_back('\0'); }},
      {"garbage", [](std::string& bytes) {
         for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7919 % 251);
       }},
      {"one byte changed", [](std::string& bytes) { bytes[bytes.size() / 3] ^= 0x10; }},
      {"zeros after its header",
       [](std::string& bytes) { std::fill(bytes.begin() + 136, bytes.end(), '\0'); }},
      {"its block's header zeroed", [](std::string& bytes) { std::fill_n(bytes.begin() + 136, 160, '\0'); }},
  };
  for (const Damage& damage : damages) {
    ASSERT_TRUE(ReadLexicon(testing::DictionariesDir(), cache.path()));
    const std::string file = CacheFile(cache.path());
    std::string bytes;
    {
      std::ifstream in(file, std::ios::binary);
      bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    damage.apply(bytes);
    // Written to a new file and renamed over, as the cache itself is.
    std::ofstream(file + ".new", std::ios::binary) << bytes;
    fs::rename(file + ".new", file);

    const LexiconPtr rebuilt = ReadLexicon(testing::DictionariesDir(), cache.path());
    ASSERT_TRUE(rebuilt) << damage.name;
    EXPECT_FALSE(rebuilt->from_cache()) << damage.name;
    EXPECT_EQ(Answers(*rebuilt), expected) << damage.name;
    const LexiconPtr warm = ReadLexicon(testing::DictionariesDir(), cache.path());
    ASSERT_TRUE(warm) << damage.name;
    EXPECT_TRUE(warm->from_cache()) << damage.name << ": the cache was not written again";
    EXPECT_EQ(Answers(*warm), expected) << damage.name;
  }
}

TEST(LexiconCache, AnUnwritableCacheFolderStillLoads) {
  testing::TempDir dir;
  // A folder under a file cannot be made, even by root (as the tests may run).
  std::ofstream(dir.path() + "/file") << "not a folder";
  const std::string cache_dir = dir.path() + "/file/diar";
  const LexiconPtr first = ReadLexicon(testing::DictionariesDir(), cache_dir);
  const LexiconPtr second = ReadLexicon(testing::DictionariesDir(), cache_dir);
  ASSERT_TRUE(first && second);
  EXPECT_FALSE(second->from_cache());
  EXPECT_TRUE(first->has_compounds());
  EXPECT_EQ(first->Split("regionplanen"), (std::vector<std::string>{"region", "plan"}));
}

TEST(LexiconCache, EachDictionariesFolderHasItsOwnCacheFile) {
  DictionaryCopy copy;
  testing::TempDir cache;
  ReadLexicon(testing::DictionariesDir(), cache.path());
  ReadLexicon(copy.dir(), cache.path());
  const LexiconPtr original = ReadLexicon(testing::DictionariesDir(), cache.path());
  const LexiconPtr copied = ReadLexicon(copy.dir(), cache.path());
  ASSERT_TRUE(original && copied);
  EXPECT_TRUE(original->from_cache());
  EXPECT_TRUE(copied->from_cache());
}

TEST(LexiconCache, AFolderKeepsTheFourCacheFilesUsedLast) {
  testing::TempDir cache;
  // Five other checkouts' cache files, used an hour apart, and a file that
  // is no cache.
  const auto now = fs::file_time_type::clock::now();
  for (int i = 1; i <= 5; ++i) {
    const std::string name = cache.path() + "/lexicon-v1-000000000000000" + std::to_string(i) + ".bin";
    std::ofstream(name) << "another checkout's cache";
    fs::last_write_time(name, now - std::chrono::hours(i));
  }
  std::ofstream(cache.path() + "/notes.txt") << "not a cache";

  const LexiconPtr lexicon = ReadLexicon(testing::DictionariesDir(), cache.path());
  ASSERT_TRUE(lexicon);
  std::set<std::string> left;
  for (const auto& entry : fs::directory_iterator(cache.path())) left.insert(entry.path().filename().string());
  // The new file, the three used last, and the file that is no cache.
  EXPECT_EQ(left.size(), 5u);
  EXPECT_TRUE(left.contains("lexicon-v1-0000000000000001.bin"));
  EXPECT_TRUE(left.contains("lexicon-v1-0000000000000003.bin"));
  EXPECT_FALSE(left.contains("lexicon-v1-0000000000000004.bin"));
  EXPECT_FALSE(left.contains("lexicon-v1-0000000000000005.bin"));
  EXPECT_TRUE(left.contains("notes.txt"));
}

TEST(LexiconCache, MappingAFileMarksItUsed) {
  testing::TempDir cache;
  ReadLexicon(testing::DictionariesDir(), cache.path());
  const fs::path file = *fs::directory_iterator(cache.path());
  const auto long_ago = fs::file_time_type::clock::now() - std::chrono::hours(24 * 30);
  fs::last_write_time(file, long_ago);
  const LexiconPtr warm = ReadLexicon(testing::DictionariesDir(), cache.path());
  ASSERT_TRUE(warm && warm->from_cache());
  EXPECT_GT(fs::last_write_time(file), long_ago + std::chrono::hours(24));
}

}  // namespace
}  // namespace diar
