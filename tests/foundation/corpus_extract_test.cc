// Issue 3: every corpus PDF extracts, through poppler, to text containing its
// source text's words (pages with a text layer; image-only pages are OCR's).
#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <set>

#include "pipeline/extract/extract.h"
#include "pipeline/normalise/normalise.h"
#include "tests/foundation/cli_runner.h"

namespace diar {
namespace {

// Lower-cased words of four or more letters.
std::set<std::string> Words(const std::string& text) {
  std::set<std::string> words;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  u.toLower();
  icu::UnicodeString word;
  auto flush = [&] {
    if (word.length() >= 4) {
      std::string s;
      words.insert(word.toUTF8String(s));
    }
    word.remove();
  };
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    UChar32 c = u.char32At(i);
    if (u_isalpha(c)) {
      word.append(c);
    } else {
      flush();
    }
  }
  flush();
  return words;
}

std::vector<std::string> SplitPages(const std::string& truth) {
  std::vector<std::string> pages(1);
  for (char c : truth) {
    if (c == '\f') {
      pages.emplace_back();
    } else {
      pages.back().push_back(c);
    }
  }
  return pages;
}

TEST(CorpusExtraction, EveryPdfContainsItsSourceWords) {
  const auto pdfs = testing::CorpusPdfs();
  ASSERT_FALSE(pdfs.empty()) << "no PDFs in " << testing::CorpusDir();
  for (const auto& pdf : pdfs) {
    SCOPED_TRACE(pdf.filename().string());
    auto truth_path = pdf;
    truth_path.replace_extension(".truth");
    ASSERT_TRUE(std::filesystem::exists(truth_path)) << truth_path;
    const std::vector<std::string> truth_pages = SplitPages(testing::ReadFile(truth_path));

    ExtractOptions options;
    options.ocr = OcrMode::kNever;
    Result<ExtractedDocument> doc = ExtractFile(pdf.string(), options);
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    ASSERT_EQ(doc->pages.size(), truth_pages.size());
    const NormalisedText text = Normalise(*doc, {});

    // The words of the normalised text, and of the raw page text both as
    // it is and with line-end hyphens joined: this test checks extraction;
    // whether a line-end hyphen is kept or joined is dehyphenation's test.
    std::set<std::string> extracted = Words(text.text);
    for (const ExtractedPage& page : doc->pages) {
      std::string joined = page.text;
      for (std::size_t at; (at = joined.find("-\n")) != std::string::npos;) joined.erase(at, 2);
      for (const std::string& w : Words(page.text)) extracted.insert(w);
      for (const std::string& w : Words(joined)) extracted.insert(w);
    }

    for (std::size_t p = 0; p < truth_pages.size(); ++p) {
      if (doc->pages[p].text.find_first_not_of(" \n\t\f") == std::string::npos) continue;  // image page
      for (const std::string& word : Words(truth_pages[p])) {
        EXPECT_TRUE(extracted.count(word)) << "page " << p + 1 << ": missing word '" << word << "'";
      }
    }
  }
}

}  // namespace
}  // namespace diar
