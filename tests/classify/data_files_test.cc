// Issue 6: the classifier's data files are checked at load, and every bad
// line is reported as file:line with what to do.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "pipeline/classify/classify.h"

namespace diar {
namespace {

class BadData : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() / ("diar-classify-" + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
    const std::filesystem::path source = std::filesystem::path(DIAR_SOURCE_DIR) / "dictionaries";
    for (const char* name : {"doc_types.tsv", "doc_type_cues.tsv", "topics.tsv", "page_lines.tsv",
                             "issuer_places.tsv", "issuer_sole_organs.tsv", "counties.tsv"}) {
      std::filesystem::copy_file(source / name, dir_ / name);
    }
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void Append(const std::string& name, const std::string& lines) {
    std::ofstream(dir_ / name, std::ios::app) << lines;
  }
  int Lines(const std::string& name) {
    std::ifstream in(dir_ / name);
    int n = 0;
    for (std::string line; std::getline(in, line);) ++n;
    return n;
  }
  std::string LoadError() {
    Result<Classifier> c = Classifier::Load(dir_.string());
    EXPECT_FALSE(c.ok());
    if (c.ok()) return "";
    EXPECT_EQ(c.error().kind, ErrorKind::kConfig);
    return c.error().message;
  }
  std::string Where(const std::string& name, int line) {
    return (dir_ / name).string() + ":" + std::to_string(line) + ": ";
  }
  std::filesystem::path dir_;
};

TEST_F(BadData, ShippedFilesLoad) {
  Result<Classifier> c = Classifier::Load(dir_.string());
  EXPECT_TRUE(c.ok()) << c.error().message;
}

// A sole organ's stem matches at any word's start: a short or two-word stem
// would match words that are not the office.
TEST_F(BadData, ASoleOrgansStemIsOneWordOfSixBytesOrMore) {
  const int before = Lines("issuer_sole_organs.tsv");
  Append("issuer_sole_organs.tsv",
         "råd\tStockholms kommun\nföredragande borgarråd\tStockholms kommun\n");
  const std::string error = LoadError();
  EXPECT_NE(error.find(Where("issuer_sole_organs.tsv", before + 1) + "stem must be one word"),
            std::string::npos)
      << error;
  EXPECT_NE(error.find(Where("issuer_sole_organs.tsv", before + 2) + "stem must be one word"),
            std::string::npos)
      << error;
}

TEST_F(BadData, EveryBadLineIsReportedWithFileAndLine) {
  const int types = Lines("doc_types.tsv"), cues = Lines("doc_type_cues.tsv"),
            topics = Lines("topics.tsv");
  Append("doc_types.tsv", "protokoll\tProtokoll\tprotokoll\tyes\n"  // duplicate type
                          "Budget2\tX\tx\tno\n"                // upper case
                          "för få fält\n");
  Append("doc_type_cues.tsv", "okänd\t1\topening\tx\n"
                              "protokoll\t5\topening\tx\n"
                              "protokoll\t1\toverall\tx\n"
                              "protokoll\t1\topening\t(unclosed\n");
  Append("topics.tsv", "kultur\tteater*\n"  // duplicate topic
                       "ny\tkultur*\n"      // cue of another topic
                       "tom\t*x\n");        // malformed cue
  const std::string e = LoadError();
  EXPECT_NE(e.find(Where("doc_types.tsv", types + 1) + "type \"protokoll\" is listed twice"), std::string::npos) << e;
  EXPECT_NE(e.find(Where("doc_types.tsv", types + 2)), std::string::npos) << e;
  EXPECT_NE(e.find(Where("doc_types.tsv", types + 3) + "expected 4"), std::string::npos) << e;
  EXPECT_NE(e.find(Where("doc_type_cues.tsv", cues + 1) + "unknown type"), std::string::npos) << e;
  EXPECT_NE(e.find(Where("doc_type_cues.tsv", cues + 2) + "points"), std::string::npos) << e;
  EXPECT_NE(e.find(Where("doc_type_cues.tsv", cues + 3) + "where"), std::string::npos) << e;
  EXPECT_NE(e.find(Where("doc_type_cues.tsv", cues + 4) + "pattern does not compile"), std::string::npos) << e;
  EXPECT_NE(e.find(Where("topics.tsv", topics + 1) + "topic \"kultur\" is listed twice"), std::string::npos) << e;
  EXPECT_NE(e.find(Where("topics.tsv", topics + 2) + "cue \"kultur*\" is already"), std::string::npos) << e;
  EXPECT_NE(e.find(Where("topics.tsv", topics + 3) + "cue \"*x\" is malformed"), std::string::npos) << e;
}

TEST_F(BadData, MissingFileAndHeaderAreReported) {
  std::filesystem::remove(dir_ / "topics.tsv");
  std::ofstream(dir_ / "doc_types.tsv") << "# types\ntyp\tetiketter\n";
  const std::string e = LoadError();
  EXPECT_NE(e.find("topics.tsv: cannot be read"), std::string::npos) << e;
  EXPECT_NE(e.find(Where("doc_types.tsv", 2) + "header must be type<TAB>labels<TAB>heads<TAB>anywhere"), std::string::npos) << e;
}

}  // namespace
}  // namespace diar
