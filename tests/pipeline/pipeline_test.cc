// The pipeline library: one file in, everything diar learns about it out,
// with errors of the right kind.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "pipeline/pipeline.h"

namespace diar {
namespace {

const std::string kDictionaries = DIAR_SOURCE_DIR "/dictionaries";
const std::string kCorpus = DIAR_SOURCE_DIR "/corpus";

const Pipeline& TextPipeline() {
  static const Pipeline* pipeline = [] {
    Result<Pipeline> p = Pipeline::Load({.dictionaries_dir = kDictionaries, .ocr = OcrMode::kNever});
    if (!p) {
      ADD_FAILURE() << p.error().message;
      std::abort();
    }
    return new Pipeline(std::move(p).value());
  }();
  return *pipeline;
}

TEST(Pipeline, ProcessRunsEveryStageAndAssignsOwners) {
  Result<ProcessedDocument> doc =
      TextPipeline().Process(kCorpus + "/verksamhetsplan-region-vastmanland-2021-2023.pdf");
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_EQ(doc->source.sha256.size(), 64u);
  EXPECT_FALSE(doc->text.text.empty());
  EXPECT_EQ(doc->classification.issuer, "Region Västmanland");
  EXPECT_FALSE(doc->classification.date.empty());
  bool owned = false;
  for (const Mention& m : doc->mentions) {
    if (m.type == "body" && m.owner == "Region Västmanland") owned = true;
  }
  EXPECT_TRUE(owned) << "no organ got the issuer as owner";
}

TEST(Pipeline, ProcessDropsRawPageTextButKeepsPages) {
  Result<ProcessedDocument> doc =
      TextPipeline().Process(kCorpus + "/samverkansgruppen-kultur-och-idrott.pdf");
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  ASSERT_FALSE(doc->source.pages.empty());
  for (const ExtractedPage& page : doc->source.pages) {
    EXPECT_TRUE(page.text.empty());
    EXPECT_TRUE(page.lines.empty());
    EXPECT_GT(page.width, 0);
  }
}

TEST(Pipeline, ReadKeepsPageTextAndAnalysesNothing) {
  Result<ProcessedDocument> doc =
      TextPipeline().Read(kCorpus + "/samverkansgruppen-kultur-och-idrott.pdf");
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_FALSE(doc->source.pages.at(0).text.empty());
  EXPECT_TRUE(doc->mentions.empty());
}

TEST(Pipeline, AMissingFileIsAnInputError) {
  Result<ProcessedDocument> doc = TextPipeline().Process("/nonexistent/x.pdf");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().kind, ErrorKind::kInput);
  EXPECT_NE(doc.error().message.find("/nonexistent/x.pdf"), std::string::npos);
}

TEST(Pipeline, ABadDictionaryLineIsAConfigErrorWithFileAndLine) {
  const auto dir = std::filesystem::temp_directory_path() / "diar-pipeline-bad-dictionaries";
  std::filesystem::remove_all(dir);
  std::filesystem::copy(kDictionaries, dir);
  {
    std::ofstream out(dir / "owned_heads.list", std::ios::app);
    out << "nämnd\n";  // listed twice
  }
  Result<Pipeline> p = Pipeline::Load({.dictionaries_dir = dir.string(), .ocr = OcrMode::kNever});
  std::filesystem::remove_all(dir);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().kind, ErrorKind::kConfig);
  EXPECT_NE(p.error().message.find("owned_heads.list:"), std::string::npos) << p.error().message;
}

TEST(Pipeline, AMissingOcrModelIsAConfigErrorAtLoad) {
  const auto empty = std::filesystem::temp_directory_path() / "diar-no-tessdata";
  std::filesystem::create_directories(empty);
  Result<Pipeline> p = Pipeline::Load(
      {.dictionaries_dir = kDictionaries, .ocr = OcrMode::kAuto, .tessdata_dir = empty.string()});
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().kind, ErrorKind::kConfig);
  EXPECT_NE(p.error().message.find("tesseract-ocr-swe"), std::string::npos) << p.error().message;
}

TEST(Pipeline, OcrOffNeedsNoModel) {
  const auto empty = std::filesystem::temp_directory_path() / "diar-no-tessdata";
  std::filesystem::create_directories(empty);
  Result<Pipeline> p = Pipeline::Load(
      {.dictionaries_dir = kDictionaries, .ocr = OcrMode::kNever, .tessdata_dir = empty.string()});
  EXPECT_TRUE(p.ok()) << p.error().message;
}

}  // namespace
}  // namespace diar
