// libFuzzer harness: the query parser and search — any string as a query
// (field prefixes, datum: ranges, operators, bytes that are not UTF-8)
// against a small real index built once in a temporary folder. A query may
// be rejected (an input error); it must never crash or throw.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "index/searcher.h"
#include "index/writer.h"

namespace {

diar::ProcessedDocument Document(const std::string& text, const std::string& body) {
  diar::ProcessedDocument doc;
  doc.source.sha256 = diar::Sha256Hex(text);
  doc.source.format = "text";
  doc.source.pages.resize(1);
  doc.text.text = text;
  doc.text.page_starts = {0};
  doc.text.page_ocr = {false};
  diar::Mention m;
  m.type = "body";
  m.text = body;
  m.value = body;
  m.end = body.size();
  doc.mentions = {m};
  doc.classification.title = "Plan";
  doc.classification.date = "2022-03-29";
  doc.classification.type = "plan";
  return doc;
}

const diar::Searcher& IndexedSearcher() {
  static const diar::Searcher* searcher = [] {
    const std::string dir = std::filesystem::temp_directory_path() / ("diar-fuzz-query-" + std::to_string(::getpid()));
    {
      diar::Result<diar::IndexWriter> writer =
          diar::IndexWriter::Open(dir, {.dictionaries_dir = DIAR_SOURCE_DIR "/dictionaries"});
      if (!writer) std::abort();
      writer->Add(Document("Regionstyrelsen beslutade om planen för kollektivtrafik.", "Regionstyrelsen"), "/a.txt");
      writer->Add(Document("Kommunfullmäktige antog budgeten, dnr KS 2022/123.", "Kommunfullmäktige"), "/b.txt");
      if (!writer->Commit()) std::abort();
    }
    diar::Result<diar::Searcher> opened = diar::Searcher::Open(dir);
    if (!opened) std::abort();
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(std::filesystem::temp_directory_path() /
                                      ("diar-fuzz-query-" + std::to_string(::getpid())), ec);
    });
    return new diar::Searcher(std::move(opened).value());
  }();
  return *searcher;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 1024) return 0;
  diar::SearchRequest request;
  request.query.assign(reinterpret_cast<const char*>(data), size);
  request.facets = size % 2 == 0;
  IndexedSearcher().Search(request);  // a Result: ok or an error, never a throw
  return 0;
}
