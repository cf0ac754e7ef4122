// Issue 6: the classifier on the corpus against tests/gold/classification.tsv.
// Type, issuer, county, date and dnr must be right for every document;
// topics must reach F1 >= 0.8 over the corpus (micro-averaged).
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "pipeline/classify/classify.h"
#include "pipeline/data_file/data_file.h"
#include "pipeline/pipeline.h"

namespace diar {
namespace {

constexpr double kMinTopicF1 = 0.8;

struct Gold {
  std::string file, type, issuer, county, date, date_source, dnr;
  std::set<std::string> topics;
};

std::vector<Gold> ReadGold() {
  std::vector<std::string> errors;
  std::vector<Gold> gold;
  for (const DataLine& row :
       ReadTable(std::string(DIAR_SOURCE_DIR) + "/tests/gold/classification.tsv",
                 {"file", "type", "issuer", "county", "date", "date_source", "dnr", "topics"},
                 &errors)) {
    const std::vector<std::string>& f = row.fields;
    Gold g{f[0], f[1], f[2], f[3], f[4], f[5], f[6], {}};
    for (const std::string& t : SplitList(f[7])) g.topics.insert(t);
    gold.push_back(g);
  }
  for (const std::string& e : errors) ADD_FAILURE() << e;
  return gold;
}

TEST(CorpusClassification, GoldCoversEveryCorpusDocument) {
  std::set<std::string> listed, corpus;
  for (const Gold& g : ReadGold()) listed.insert(g.file);
  for (const auto& e : std::filesystem::directory_iterator(std::string(DIAR_SOURCE_DIR) + "/corpus")) {
    if (e.path().extension() == ".pdf") corpus.insert(e.path().filename().string());
  }
  EXPECT_EQ(listed, corpus);
}

TEST(CorpusClassification, MatchesGold) {
  Result<Pipeline> pipeline = Pipeline::Load(
      {.dictionaries_dir = std::string(DIAR_SOURCE_DIR) + "/dictionaries", .ocr = OcrMode::kNever});
  ASSERT_TRUE(pipeline.ok()) << pipeline.error().message;

  int tp = 0, fp = 0, fn = 0;
  for (const Gold& g : ReadGold()) {
    const std::string path = std::string(DIAR_SOURCE_DIR) + "/corpus/" + g.file;
    Result<ProcessedDocument> doc = pipeline->Process(path);
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    const Classification& c = doc->classification;
    std::string why;
    for (const Cue& cue : c.cues) why += "\n  " + cue.field + ": " + cue.cue;
    EXPECT_EQ(c.type, g.type) << g.file << why;
    EXPECT_EQ(c.issuer, g.issuer) << g.file << why;
    EXPECT_EQ(c.county, g.county) << g.file << why;
    // A date from PDF metadata is kept apart, never as the document's own.
    EXPECT_EQ(c.date_source, g.date_source) << g.file << why;
    EXPECT_EQ(g.date_source == "metadata" ? c.metadata_date : c.date, g.date) << g.file << why;
    if (g.date_source == "metadata") {
      EXPECT_EQ(c.date, "") << g.file << why;
    }
    EXPECT_EQ(c.dnr, g.dnr) << g.file << why;
    const std::set<std::string> got(c.topics.begin(), c.topics.end());
    for (const std::string& t : got) (g.topics.count(t) ? tp : fp)++;
    for (const std::string& t : g.topics) fn += got.count(t) ? 0 : 1;
    std::cout << g.file << ": topics";
    for (const std::string& t : c.topics) std::cout << " [" << t << "]";
    std::cout << "\n";
  }
  const double precision = tp + fp ? static_cast<double>(tp) / (tp + fp) : 0;
  const double recall = tp + fn ? static_cast<double>(tp) / (tp + fn) : 0;
  const double f1 = precision + recall ? 2 * precision * recall / (precision + recall) : 0;
  std::cout << "topics: precision " << precision << ", recall " << recall << ", F1 " << f1 << "\n";
  EXPECT_GE(f1, kMinTopicF1) << "tp " << tp << " fp " << fp << " fn " << fn;
}

}  // namespace
}  // namespace diar
