// Every corpus PDF, extracted and normalised, against its .truth text: the
// text must match to within 0.5 % character error rate (white space folded),
// and no running header, footer or page number may survive.
#include <gtest/gtest.h>

#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/extract/extract.h"
#include "pipeline/normalise/normalise.h"
#include "tests/extract/page_text.h"
#include "tests/extract/read_pdf.h"
#include "tests/extract/text_metrics.h"

namespace diar {
namespace {

namespace fs = std::filesystem;

using testing::ReadFile;

std::vector<fs::path> CorpusPdfs() {
  std::vector<fs::path> pdfs;
  const fs::path dir = fs::path(DIAR_SOURCE_DIR) / "corpus";
  if (!fs::exists(dir)) return pdfs;
  for (const auto& entry : fs::directory_iterator(dir)) {
    fs::path truth = entry.path();
    truth.replace_extension(".truth");
    if (entry.path().extension() == ".pdf" && fs::exists(truth)) pdfs.push_back(entry.path());
  }
  std::sort(pdfs.begin(), pdfs.end());
  return pdfs;
}

// The truth split into pages at its "\f" lines.
std::vector<std::string> TruthPages(const std::string& truth) {
  std::vector<std::string> pages(1);
  std::istringstream in(truth);
  std::string line;
  while (std::getline(in, line)) {
    if (line == "\f") {
      pages.emplace_back();
    } else {
      pages.back() += line + "\n";
    }
  }
  return pages;
}

TEST(ExtractCorpus, EveryPdfMatchesItsTruthWithinHalfAPercentCer) {
  const std::vector<fs::path> pdfs = CorpusPdfs();
  ASSERT_FALSE(pdfs.empty()) << "no corpus/*.pdf with .truth; run the corpus generator";
  for (const fs::path& pdf : pdfs) {
    ExtractOptions options;
    Result<ExtractedDocument> doc = ExtractFile(pdf.string(), options);
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    const NormalisedText text = Normalise(*doc, {});
    fs::path truth_path = pdf;
    const std::string truth = ReadFile(truth_path.replace_extension(".truth"));
    const double cer = testing::CharacterErrorRate(text.text, truth);
    std::cout << "CER " << std::fixed << std::setprecision(3) << cer * 100 << " %  "
              << pdf.filename().string() << " (" << doc->pages.size() << " pages)\n";
    EXPECT_LE(cer, 0.005) << pdf.filename();
    EXPECT_EQ(text.page_starts.size(), TruthPages(truth).size()) << pdf.filename();
  }
}

TEST(ExtractCorpus, NoRunningHeaderFooterOrPageNumberSurvives) {
  const std::vector<fs::path> pdfs = CorpusPdfs();
  ASSERT_FALSE(pdfs.empty()) << "no corpus/*.pdf with .truth; run the corpus generator";
  for (const fs::path& pdf : pdfs) {
    ExtractOptions options;
    options.ocr = OcrMode::kNever;
    Result<ExtractedDocument> doc = ExtractFile(pdf.string(), options);
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    const NormalisedText text = Normalise(*doc, {});
    fs::path truth_path = pdf;
    const std::vector<std::string> truth = TruthPages(ReadFile(truth_path.replace_extension(".truth")));
    ASSERT_EQ(doc->pages.size(), truth.size()) << pdf.filename();
    for (std::size_t p = 0; p < doc->pages.size(); ++p) {
      const ExtractedPage& page = doc->pages[p];
      const std::string ours = testing::PageText(text, p);
      for (const TextLine& line : page.lines) {
        // Lines in the top or bottom tenth of the page that the truth does
        // not have are running headers, footers or page numbers.
        const double centre = (line.y0 + line.y1) / 2;
        const bool edge = centre < 0.1 * page.height || centre > 0.9 * page.height;
        if (!edge || truth[p].find(line.text) != std::string::npos) continue;
        EXPECT_EQ(ours.find(line.text), std::string::npos)
            << pdf.filename().string() << ": page " << p + 1 << ": \"" << line.text
            << "\" survived";
      }
    }
  }
}

}  // namespace
}  // namespace diar
