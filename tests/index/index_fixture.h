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
inline IndexedDocument MakeDocument(const std::string& name, const std::string& text,
                                    const std::vector<Mention>& mentions = {},
                                    const Classification& classification = {}) {
  IndexedDocument doc;
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

// extract -> normalise -> tag -> classify -> owners, as `diar ingest` does.
inline IndexedDocument RunPipeline(const std::string& path, const Tagger& tagger,
                                   const Classifier& classifier) {
  ExtractOptions options;
  options.ocr = OcrMode::kNever;  // page text is what these tests need, fast
  Result<ExtractedDocument> extracted = ExtractFile(path, options);
  EXPECT_TRUE(extracted.ok()) << path;
  IndexedDocument doc;
  if (!extracted) return doc;
  doc.source = std::move(extracted).value();
  doc.text = Normalise(doc.source, {});
  TagContext context;
  context.document_date = tagger.DetectDocumentDate(doc.text, doc.source.created);
  doc.mentions = tagger.Tag(doc.text, context);
  doc.classification = classifier.Classify(doc.source, doc.text, doc.mentions, tagger);
  AssignOwners(doc.classification, tagger, &doc.mentions);
  return doc;
}

}  // namespace diar::testing

#endif  // DIAR_TESTS_INDEX_INDEX_FIXTURE_H_
