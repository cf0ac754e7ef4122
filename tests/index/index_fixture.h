// Shared set-up for the index tests: a private index in a temp dir, documents
// built by hand (so a test states exactly which mentions and classification
// a document has), and the corpus run through the real pipeline.
#ifndef DIAR_TESTS_INDEX_INDEX_FIXTURE_H_
#define DIAR_TESTS_INDEX_INDEX_FIXTURE_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "index/searcher.h"
#include "index/writer.h"
#include "pipeline/classify/classify.h"
#include "pipeline/extract/extract.h"
#include "pipeline/normalise/normalise.h"
#include "pipeline/pipeline.h"
#include "pipeline/tag/tag.h"

namespace diar::testing {

inline std::string DictionariesDir() { return std::string(DIAR_SOURCE_DIR) + "/dictionaries"; }

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("diar-index-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

inline Mention MakeMention(const std::string& type, const std::string& text,
                           const std::string& value, std::size_t start = 0) {
  Mention m;
  m.type = type;
  m.text = text;
  m.value = value;
  m.start = start;
  m.end = start + CodePointCount(text);
  m.rule = "test";
  return m;
}

// A plain-text document as the pipeline would hand it to the writer; its id
// is the SHA-256 of `text`.
inline ProcessedDocument MakeDocument(const std::string& name, const std::string& text,
                                    const std::vector<Mention>& mentions = {},
                                    const Classification& classification = {}) {
  ProcessedDocument doc;
  doc.source.path = name;
  doc.source.sha256 = Sha256Hex(text);
  doc.source.bytes = text.size();
  doc.source.format = "text";
  ExtractedPage page;
  page.number = 1;
  doc.source.pages.push_back(page);
  doc.text.text = text;
  doc.text.page_starts = {0};
  doc.text.page_ocr = {false};
  doc.mentions = mentions;
  doc.classification = classification;
  if (doc.classification.title.empty()) doc.classification.title = name;
  return doc;
}

inline IndexWriter OpenWriter(const std::string& dir) {
  Result<IndexWriter> writer = IndexWriter::Open(dir, {.dictionaries_dir = DictionariesDir()});
  if (!writer) ADD_FAILURE() << writer.error().message;
  return std::move(writer).value();
}

inline Searcher OpenSearcher(const std::string& dir) {
  Result<Searcher> searcher = Searcher::Open(dir);
  if (!searcher) ADD_FAILURE() << searcher.error().message;
  return std::move(searcher).value();
}

// A request for `query`; `facets` and `limit` as given (other fields default).
inline SearchRequest Request(const std::string& query, bool facets = false, int limit = 10) {
  SearchRequest request;
  request.query = query;
  request.facets = facets;
  request.limit = limit;
  return request;
}

inline SearchResult MustSearch(const Searcher& searcher, SearchRequest request) {
  Result<SearchResult> result = searcher.Search(request);
  EXPECT_TRUE(result.ok()) << request.query << ": " << (result ? "" : result.error().message);
  return result ? *result : SearchResult{};
}

// Paths (file names) of all hits of `query`.
inline std::vector<std::string> HitNames(const Searcher& searcher, const std::string& query,
                                         SearchRequest request = {}) {
  request.query = query;
  request.limit = 1000;
  std::vector<std::string> names;
  for (const Hit& hit : MustSearch(searcher, request).hits) {
    names.push_back(std::filesystem::path(hit.path).filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

inline std::vector<std::filesystem::path> CorpusPdfs() {
  std::vector<std::filesystem::path> pdfs;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(DIAR_SOURCE_DIR) / "corpus")) {
    if (entry.path().extension() == ".pdf") pdfs.push_back(entry.path());
  }
  std::sort(pdfs.begin(), pdfs.end());
  return pdfs;
}

// The project's pipeline, as `diar ingest` runs it, without OCR (page text
// is what these tests need, fast).
inline const Pipeline& ProjectPipeline() {
  static const Pipeline* pipeline = [] {
    Result<Pipeline> loaded =
        Pipeline::Load({.dictionaries_dir = DictionariesDir(), .ocr = OcrMode::kNever});
    EXPECT_TRUE(loaded.ok()) << loaded.error().message;
    return loaded ? new Pipeline(std::move(loaded).value()) : nullptr;
  }();
  return *pipeline;
}

inline ProcessedDocument RunPipeline(const std::string& path) {
  Result<ProcessedDocument> doc = ProjectPipeline().Process(path);
  EXPECT_TRUE(doc.ok()) << path;
  return doc ? std::move(doc).value() : ProcessedDocument{};
}

}  // namespace diar::testing

#endif  // DIAR_TESTS_INDEX_INDEX_FIXTURE_H_
