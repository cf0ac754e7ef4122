// OCR of pages without a text layer: the corpus's image-only page (seed
// text rasterised at 300 dpi by the corpus generator) read by tesseract
// must match its truth to within 3 % character error rate, and be flagged.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/extract/extract.h"
#include "pipeline/normalise/normalise.h"
#include "tests/extract/text_metrics.h"

namespace diar {
namespace {

namespace fs = std::filesystem;

struct ImagePage {
  fs::path pdf;
  std::size_t index = 0;  // 0-based page
  std::string truth;      // the truth text of that page
};

std::vector<std::string> TruthPages(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> pages(1);
  std::string line;
  while (std::getline(in, line)) {
    if (line == "\f") pages.emplace_back();
    else pages.back() += line + "\n";
  }
  return pages;
}

// Pages of corpus PDFs that have text in the truth but none in the PDF's
// text layer: the image-only pages.
std::vector<ImagePage> FindImagePages() {
  std::vector<ImagePage> found;
  const fs::path dir = fs::path(DIAR_SOURCE_DIR) / "corpus";
  if (!fs::exists(dir)) return found;
  std::vector<fs::path> pdfs;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".pdf") pdfs.push_back(e.path());
  }
  std::sort(pdfs.begin(), pdfs.end());
  for (const fs::path& pdf : pdfs) {
    fs::path truth_path = pdf;
    truth_path.replace_extension(".truth");
    if (!fs::exists(truth_path)) continue;
    ExtractOptions never;
    never.ocr = OcrMode::kNever;
    Result<ExtractedDocument> doc = ExtractFile(pdf.string(), never);
    if (!doc.ok()) continue;
    const std::vector<std::string> truth = TruthPages(truth_path);
    for (std::size_t i = 0; i < doc->pages.size() && i < truth.size(); ++i) {
      if (doc->pages[i].lines.empty() && truth[i].size() > 200) found.push_back({pdf, i, truth[i]});
    }
  }
  return found;
}

std::string PageText(const NormalisedText& text, std::size_t page) {
  std::size_t begin = 0, end = text.text.size(), cp = 0;
  for (std::size_t i = 0; i <= text.text.size(); ++i) {
    if (i == text.text.size() || (text.text[i] & 0xC0) != 0x80) {
      if (cp == text.page_starts[page]) begin = i;
      if (page + 1 < text.page_starts.size() && cp == text.page_starts[page + 1]) end = i;
      ++cp;
    }
  }
  return text.text.substr(begin, end - begin);
}

TEST(Ocr, ReadsAnImageOnlyPageWithinThreePercentCer) {
  const std::vector<ImagePage> pages = FindImagePages();
  ASSERT_FALSE(pages.empty()) << "no image-only page in corpus/; run the corpus generator";
  for (const ImagePage& page : pages) {
    const auto start = std::chrono::steady_clock::now();
    Result<ExtractedDocument> doc = ExtractFile(page.pdf.string(), {});
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    ASSERT_TRUE(doc->pages[page.index].ocr) << page.pdf.filename() << ": page " << page.index + 1
                                            << " not OCR'd: " << doc->pages[page.index].ocr_note;
    const NormalisedText text = Normalise(*doc, {});
    EXPECT_TRUE(text.page_ocr[page.index]);
    const double cer = testing::CharacterErrorRate(PageText(text, page.index), page.truth);
    std::cout << "OCR CER " << std::fixed << std::setprecision(2) << cer * 100 << " %  "
              << page.pdf.filename().string() << " page " << page.index + 1 << " (whole file "
              << std::setprecision(1) << seconds << " s)\n";
    EXPECT_LE(cer, 0.03);
  }
}

TEST(Ocr, LeavesImagePagesEmptyAndUnflaggedWhenOcrIsOff) {
  const std::vector<ImagePage> pages = FindImagePages();
  ASSERT_FALSE(pages.empty()) << "no image-only page in corpus/";
  ExtractOptions never;
  never.ocr = OcrMode::kNever;
  Result<ExtractedDocument> doc = ExtractFile(pages[0].pdf.string(), never);
  ASSERT_TRUE(doc.ok());
  EXPECT_FALSE(doc->pages[pages[0].index].ocr);
  EXPECT_TRUE(doc->pages[pages[0].index].text.empty());
}

TEST(Ocr, ReportsAMissingModelAsAConfigurationError) {
  const std::vector<ImagePage> pages = FindImagePages();
  ASSERT_FALSE(pages.empty()) << "no image-only page in corpus/";
  ExtractOptions options;
  options.ocr_language = "xyz_no_such_model";
  Result<ExtractedDocument> doc = ExtractFile(pages[0].pdf.string(), options);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().kind, ErrorKind::kConfig);
  EXPECT_NE(doc.error().message.find("tesseract-ocr-swe"), std::string::npos) << doc.error().message;
}

// A folder holding `files` (empty), removed with the object.
class ModelFolder {
 public:
  explicit ModelFolder(const std::vector<std::string>& files)
      : path_(std::filesystem::temp_directory_path() /
              ("diar-tessdata-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    std::filesystem::create_directories(path_);
    for (const std::string& file : files) std::ofstream(path_ / file) << "not a model\n";
  }
  ~ModelFolder() { std::filesystem::remove_all(path_); }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

TEST(PrepareOcr, TrustsModelFilesWhereTesseractLooksAndLeavesLoadingToTheFirstScan) {
  const std::vector<ImagePage> pages = FindImagePages();
  ASSERT_FALSE(pages.empty()) << "no image-only page in corpus/";
  const ModelFolder folder({"swe.traineddata"});
  ExtractOptions options;
  options.tessdata_dir = folder.path();
  EXPECT_TRUE(PrepareOcr(options).ok()) << "the file is there: no engine is loaded at start-up";
  // The file is no model: the first page that needs OCR says so.
  Result<ExtractedDocument> doc = ExtractFile(pages[0].pdf.string(), options);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().kind, ErrorKind::kConfig);
  EXPECT_NE(doc.error().message.find("tesseract-ocr-swe"), std::string::npos) << doc.error().message;
}

TEST(PrepareOcr, FailsWhenOneOfSeveralModelsIsMissing) {
  const ModelFolder folder({"swe.traineddata"});
  ExtractOptions options;
  options.tessdata_dir = folder.path();
  options.ocr_language = "swe+eng";
  Result<bool> prepared = PrepareOcr(options);
  ASSERT_FALSE(prepared.ok());
  EXPECT_EQ(prepared.error().kind, ErrorKind::kConfig);
}

}  // namespace
}  // namespace diar
