// Scans fed into the scanner the wrong way: tests/data/scans/turned.pdf is
// the scanned tjänsteskrivelse page (scans/tjansteskrivelse.pdf) with its
// image turned 90, 180 and 270 degrees clockwise and no /Rotate, as a
// scanner writes a page it was given sideways or upside down
// (scripts/make-scan-pdfs); upside-down.pdf is the scan of a sparse page
// (scans/gs-chromium-hyphens.pdf) upside down. Each page should read as
// the upright scan does. OCR takes seconds a page, so each file is read
// once.
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "pipeline/extract/extract.h"
#include "tests/extract/text_metrics.h"

namespace diar {
namespace {

namespace fs = std::filesystem;

fs::path ScanPath(const std::string& name) {
  return fs::path(DIAR_SOURCE_DIR) / "tests" / "data" / "scans" / (name + ".pdf");
}

const ExtractedDocument& Read(const std::string& name) {
  static std::map<std::string, ExtractedDocument> read;
  auto it = read.find(name);
  if (it == read.end()) {
    Result<ExtractedDocument> doc = ExtractFile(ScanPath(name).string(), {});
    EXPECT_TRUE(doc.ok()) << name << ": " << (doc.ok() ? "" : doc.error().message);
    it = read.emplace(name, doc.ok() ? std::move(*doc) : ExtractedDocument{}).first;
  }
  return it->second;
}

// Reads scans/<name>.pdf with a model folder that has the Swedish model
// but not the orientation model (Debian's tesseract-ocr-osd not
// installed), and gives what was logged meanwhile.
struct WithoutOsd {
  Result<ExtractedDocument> doc = InputError("not read");
  std::string log;
};

WithoutOsd ReadWithoutOsd(const std::string& name) {
  const char* prefix = std::getenv("TESSDATA_PREFIX");
  const fs::path models = prefix != nullptr && *prefix != '\0'
                              ? fs::path(prefix)
                              : fs::path("/usr/share/tesseract-ocr/5/tessdata");
  const fs::path dir = fs::path(::testing::TempDir()) / "diar-tessdata-without-osd";
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::create_symlink(models / "swe.traineddata", dir / "swe.traineddata");
  std::ostringstream log;
  auto previous = spdlog::default_logger();
  spdlog::set_default_logger(std::make_shared<spdlog::logger>(
      "capture", std::make_shared<spdlog::sinks::ostream_sink_st>(log)));
  ExtractOptions options;
  options.tessdata_dir = dir.string();
  WithoutOsd out;
  out.doc = ExtractFile(ScanPath(name).string(), options);
  spdlog::set_default_logger(previous);
  out.log = log.str();
  fs::remove_all(dir);
  return out;
}

// The upside-down scan read so, once.
const WithoutOsd& UpsideDownWithoutOsd() {
  static const WithoutOsd read = ReadWithoutOsd("upside-down");
  return read;
}

TEST(TurnedScans, EachTurnedPageReadsAsTheUprightScanDoes) {
  const struct {
    const char* turned;
    const char* upright;
    std::size_t pages;
  } kScans[] = {{"turned", "tjansteskrivelse", 3}, {"upside-down", "gs-chromium-hyphens", 1}};
  for (const auto& scan : kScans) {
    const ExtractedDocument& upright = Read(scan.upright);
    const ExtractedDocument& turned = Read(scan.turned);
    ASSERT_EQ(upright.pages.size(), 1u) << scan.upright;
    ASSERT_EQ(turned.pages.size(), scan.pages) << scan.turned;
    ASSERT_GT(upright.pages[0].text.size(), 200u) << scan.upright;
    for (const ExtractedPage& page : turned.pages) {
      EXPECT_TRUE(page.ocr) << scan.turned << " page " << page.number;
      EXPECT_LT(testing::CharacterErrorRate(page.text, upright.pages[0].text), 0.02)
          << scan.turned << " page " << page.number << " reads:\n"
          << page.text;
    }
  }
}

TEST(TurnedScans, ATurnedPageIsGivenItsUprightSize) {
  const ExtractedDocument& upright = Read("tjansteskrivelse");
  for (const ExtractedPage& page : Read("turned").pages) {
    EXPECT_NEAR(page.width, upright.pages[0].width, 1) << "page " << page.number;
    EXPECT_NEAR(page.height, upright.pages[0].height, 1) << "page " << page.number;
  }
}

TEST(TurnedScans, WithoutTheOrientationModelATurnedScanIsStillReadAsItLies) {
  const WithoutOsd& without = UpsideDownWithoutOsd();
  ASSERT_TRUE(without.doc.ok()) << without.doc.error().message;
  ASSERT_EQ(without.doc->pages.size(), 1u);
  EXPECT_TRUE(without.doc->pages[0].ocr);
  EXPECT_EQ(without.doc->pages[0].ocr_note, "");
  EXPECT_GT(testing::CharacterErrorRate(without.doc->pages[0].text,
                                        Read("gs-chromium-hyphens").pages[0].text),
            0.5);
}

TEST(TurnedScans, WithoutTheOrientationModelAWarningSaysWhatToInstall) {
  const WithoutOsd& without = UpsideDownWithoutOsd();
  EXPECT_NE(without.log.find("osd.traineddata"), std::string::npos) << without.log;
  EXPECT_NE(without.log.find("apt-get install tesseract-ocr-osd"), std::string::npos)
      << without.log;
}

TEST(TurnedScans, AnUprightScanIsReadWithoutLoadingTheOrientationModel) {
  // An upright page never asks for the missing model, so nothing is said.
  const WithoutOsd without = ReadWithoutOsd("gs-chromium-hyphens");
  ASSERT_TRUE(without.doc.ok()) << without.doc.error().message;
  EXPECT_EQ(without.log, "");
  ASSERT_EQ(without.doc->pages.size(), 1u);
  EXPECT_EQ(without.doc->pages[0].text, Read("gs-chromium-hyphens").pages[0].text);
}

}  // namespace
}  // namespace diar
