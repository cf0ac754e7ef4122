// make_search_corpus: a large synthetic index for the search benchmark, built
// from the seed texts (tests/gold/*.txt) and written directly through the
// index library (IndexWriter), so it has everything a real index has: stemmed
// positional text, stopwords, spelling data, synonyms, facet terms and slots,
// stored records.
//
//   make_search_corpus --seed 1 --pages 100000 --out /tmp/diar-bench-index [--shards N]
//
// With --shards N the same documents go into N local shards (index/shards.h),
// each document to the shard its id chooses, as `diar ingest --shards N`.
//
// Reproducible: the same seed and page count give the same documents (one
// std::mt19937_64 drives every choice). A page is kPageChars of text made of
// seed paragraphs, with body names from the gazetteers put in; each document
// gets 1-40 pages, the inserted bodies as mentions, a dnr, and a type,
// issuer, county, date and topics drawn from realistic value lists.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "index/writer.h"
#include "pipeline/data_file/body_table.h"

namespace {

// About one printed A4 page of Swedish prose (~400 words).
constexpr std::size_t kPageChars = 2600;
constexpr int kCommitEvery = 2000;

std::vector<std::string> SeedParagraphs(const std::string& dir) {
  std::vector<std::string> paragraphs;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);) {
      if (line.size() >= 40) paragraphs.push_back(line);
    }
  }
  std::sort(paragraphs.begin(), paragraphs.end());  // directory order is not stable
  return paragraphs;
}

struct Body {
  std::string name;
  std::string county;
  std::string kind;
};

std::vector<Body> Bodies(const std::string& dir) {
  std::vector<Body> bodies;
  std::vector<std::string> errors;
  for (const diar::BodyTable& table : diar::ReadBodyTables(dir, &errors)) {
    for (const diar::BodyRow& row : table.rows) {
      bodies.push_back({row.canonical, row.county, row.kind});
    }
  }
  for (const std::string& e : errors) std::cerr << e << "\n";
  return bodies;
}

template <typename T>
const T& Pick(std::mt19937_64& rng, const std::vector<T>& v) {
  return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
}

std::size_t CodePoints(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t seed = 1;
  long pages_wanted = 100000;
  std::string out = "/tmp/diar-bench-index";
  std::string source = DIAR_SOURCE_DIR;
  int shards = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--seed") seed = std::stoull(argv[i + 1]);
    else if (flag == "--pages") pages_wanted = std::stol(argv[i + 1]);
    else if (flag == "--out") out = argv[i + 1];
    else if (flag == "--source") source = argv[i + 1];
    else if (flag == "--shards") shards = std::stoi(argv[i + 1]);
    else {
      std::cerr << "usage: make_search_corpus [--seed N] [--pages N] [--out DIR] [--source DIR] "
                   "[--shards N]\n";
      return 2;
    }
  }
  if (std::filesystem::exists(out)) {
    std::cerr << out << ": exists; remove it or give another --out\n";
    return 2;
  }
  const std::vector<std::string> paragraphs = SeedParagraphs(source + "/tests/gold");
  const std::vector<Body> bodies = Bodies(source + "/dictionaries");
  if (paragraphs.empty() || bodies.empty()) {
    std::cerr << source << ": no seed texts or gazetteers found\n";
    return 2;
  }
  std::vector<Body> issuers;
  for (const Body& b : bodies) {
    if (b.kind == "region" || b.kind == "kommun") issuers.push_back(b);
  }
  const std::vector<std::string> types = {"tjänsteskrivelse", "protokoll", "kallelse", "beslut",
                                          "verksamhetsplan", "budget", "riktlinjer", "policy",
                                          "strategi", "program", "plan", "överenskommelse",
                                          "avtal", "rapport", "minnesanteckningar", "yttrande"};
  const std::vector<std::string> topics = {
      "regional utveckling", "kultur", "idrott", "folkhälsa", "hälso- och sjukvård",
      "kollektivtrafik", "infrastruktur", "näringsliv", "kompetensförsörjning", "utbildning",
      "internationalisering", "miljö och klimat", "digitalisering", "civilsamhälle"};
  const std::vector<std::string> organs = {"Regionstyrelsen", "Kulturnämnden", "Kommunstyrelsen",
                                           "Regionfullmäktige", "Regionala utvecklingsnämnden"};

  diar::Result<diar::IndexWriter> writer =
      diar::IndexWriter::Open(out, {.dictionaries_dir = source + "/dictionaries", .shards = shards});
  if (!writer) {
    std::cerr << writer.error().message << "\n";
    return 2;
  }
  std::mt19937_64 rng(seed);
  const auto start = std::chrono::steady_clock::now();
  long pages = 0, documents = 0;
  std::uint64_t bytes = 0;
  while (pages < pages_wanted) {
    const int n_pages = static_cast<int>(std::min<long>(
        pages_wanted - pages, std::uniform_int_distribution<int>(1, 40)(rng)));
    const Body& issuer = Pick(rng, issuers);
    diar::ProcessedDocument doc;
    std::string text = issuer.name + "\n";
    doc.mentions.push_back({"body", issuer.name, issuer.name, 0, CodePoints(issuer.name), 1,
                            "bench", false, ""});
    for (int p = 0; p < n_pages; ++p) {
      doc.text.page_starts.push_back(CodePoints(text));
      doc.text.page_ocr.push_back(false);
      const std::size_t page_end = text.size() + kPageChars;
      while (text.size() < page_end) {
        if (std::uniform_int_distribution<int>(0, 3)(rng) == 0) {
          // A body named in running text, as the tagger would have found it.
          const Body& b = std::uniform_int_distribution<int>(0, 2)(rng) == 0
                              ? Body{Pick(rng, organs), "", "organ"}
                              : Pick(rng, bodies);
          const std::size_t at = CodePoints(text);
          text += b.name + " ";
          doc.mentions.push_back({"body", b.name, b.name, at, at + CodePoints(b.name), p + 1,
                                  "bench", false, ""});
        }
        text += Pick(rng, paragraphs) + "\n";
      }
      text += "\n";
    }
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d",
                  std::uniform_int_distribution<int>(2015, 2024)(rng),
                  std::uniform_int_distribution<int>(1, 12)(rng),
                  std::uniform_int_distribution<int>(1, 28)(rng));
    char dnr[32];
    std::snprintf(dnr, sizeof dnr, "RS %s/%05ld", std::string(date, 4).c_str(), documents);
    doc.mentions.push_back({"dnr", dnr, dnr, 0, 0, 1, "bench", false, ""});
    doc.classification.title = Pick(rng, types) + " " + std::to_string(documents);
    doc.classification.type = Pick(rng, types);
    doc.classification.issuer = issuer.name;
    doc.classification.county = issuer.county;
    doc.classification.date = date;
    doc.classification.dnr = dnr;
    const int n_topics = std::uniform_int_distribution<int>(1, 4)(rng);
    for (int t = 0; t < n_topics; ++t) {
      const std::string& topic = Pick(rng, topics);
      if (std::find(doc.classification.topics.begin(), doc.classification.topics.end(), topic) ==
          doc.classification.topics.end()) {
        doc.classification.topics.push_back(topic);
      }
    }
    doc.text.text = std::move(text);
    doc.source.path = out + "/synthetic/" + std::to_string(documents) + ".txt";
    doc.source.sha256 = diar::Sha256Hex(std::to_string(seed) + ":" + std::to_string(documents));
    doc.source.bytes = doc.text.text.size();
    doc.source.format = "text";
    doc.source.pages.resize(n_pages);
    bytes += doc.text.text.size();
    writer->Add(doc, doc.source.path);
    pages += n_pages;
    if (++documents % kCommitEvery == 0) {
      writer->Commit();
      std::cerr << documents << " documents, " << pages << " pages\n";
    }
  }
  writer->Commit();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << out << ": " << documents << " documents, " << pages << " pages, "
            << bytes / (1024 * 1024) << " MiB of text, seed " << seed << ", " << seconds
            << " s\n";
  return 0;
}
