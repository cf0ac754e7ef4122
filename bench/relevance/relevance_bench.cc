// Relevance benchmark (issue 14): nDCG@10 and recall@10 of diar's ranking
// strategies and of Omega (omindex + quest, Swedish stemming) on the same
// files and queries, in one run. See README.md.
//
//   relevance_bench [--work DIR] [--per-query]
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "index/searcher.h"
#include "index/writer.h"
#include "pipeline/data_file/data_file.h"
#include "pipeline/pipeline.h"

namespace fs = std::filesystem;

namespace {

struct Query {
  std::string id, klass, text;
  std::map<std::string, int> grades;  // file name -> grade
};

std::vector<Query> ReadQueries(const std::string& path) {
  std::vector<std::string> errors;
  std::vector<Query> queries;
  for (const diar::DataLine& row : diar::ReadTable(path, {"id", "class", "query", "judgements"}, &errors)) {
    Query q{row.fields[0], row.fields[1], row.fields[2], {}};
    for (const std::string& judged : diar::SplitList(row.fields[3])) {
      const std::size_t colon = judged.rfind(':');
      if (colon == std::string::npos) {
        errors.push_back(diar::Where(path, row.number, "judgement '" + judged + "' is not FILE:GRADE"));
        continue;
      }
      q.grades[judged.substr(0, colon)] = std::stoi(judged.substr(colon + 1));
    }
    queries.push_back(std::move(q));
  }
  for (const std::string& e : errors) std::cerr << e << "\n";
  if (!errors.empty()) std::exit(2);
  return queries;
}

double Dcg(const std::vector<int>& gains) {
  double dcg = 0;
  for (std::size_t i = 0; i < gains.size() && i < 10; ++i) {
    dcg += (std::pow(2.0, gains[i]) - 1) / std::log2(static_cast<double>(i) + 2);
  }
  return dcg;
}

struct Score {
  double ndcg = 0, recall = 0;
};

Score Judge(const Query& q, const std::vector<std::string>& ranked) {
  std::vector<int> gains;
  int found = 0;
  for (std::size_t i = 0; i < ranked.size() && i < 10; ++i) {
    auto it = q.grades.find(ranked[i]);
    const int g = it == q.grades.end() ? 0 : it->second;
    gains.push_back(g);
    if (g > 0) ++found;
  }
  std::vector<int> ideal;
  for (const auto& [file, g] : q.grades) ideal.push_back(g);
  std::sort(ideal.rbegin(), ideal.rend());
  const double best = Dcg(ideal);
  return {best > 0 ? Dcg(gains) / best : 0, q.grades.empty() ? 0 : static_cast<double>(found) / q.grades.size()};
}

std::string Run(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  ::pclose(pipe);
  return out;
}

std::vector<std::string> OmegaHits(const std::string& db, const std::string& query) {
  std::vector<std::string> files;
  const std::string out = Run("quest -d '" + db + "' -s swedish -m 10 '" + query + "' 2>/dev/null");
  std::size_t at = 0;
  while ((at = out.find("\nurl=/", at)) != std::string::npos) {
    at += 6;
    files.push_back(out.substr(at, out.find('\n', at) - at));
  }
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  std::string work = (fs::temp_directory_path() / "diar-relevance").string();
  bool per_query = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--work" && i + 1 < argc) work = argv[++i];
    else if (arg == "--per-query") per_query = true;
    else {
      std::cerr << "usage: relevance_bench [--work DIR] [--per-query]\n";
      return 2;
    }
  }
  const fs::path source(DIAR_SOURCE_DIR);
  const std::vector<Query> queries = ReadQueries((source / "bench/relevance/queries.tsv").string());
  fs::remove_all(work);
  const fs::path docs = fs::path(work) / "docs";
  fs::create_directories(docs);
  // Only documents the queries were judged against: all of corpus/ and
  // tests/gold, and the development-set documents judged_devset.list names.
  std::vector<std::string> errors;
  std::set<std::string> judged_devset;
  for (const diar::DataLine& line :
       diar::ReadDataFile((source / "bench/relevance/judged_devset.list").string(), &errors).lines) {
    judged_devset.insert(line.fields[0]);
  }
  if (!errors.empty()) return std::cerr << errors.front() << "\n", 2;
  for (const fs::path& dir : {source / "bench/relevance/corpus", source / "tests/gold", source / "tests/devset"}) {
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() != ".txt") continue;
      const std::string name = entry.path().filename().string();
      if (dir.filename() == "devset" && !judged_devset.contains(name)) continue;
      fs::copy_file(entry.path(), docs / name);
    }
  }

  // diar: the real pipeline into a real index.
  const std::string index = (fs::path(work) / "diar").string();
  {
    diar::Result<diar::Pipeline> pipeline = diar::Pipeline::Load(
        {.dictionaries_dir = (source / "dictionaries").string(), .ocr = diar::OcrMode::kNever});
    if (!pipeline) return std::cerr << pipeline.error().message << "\n", 2;
    diar::Result<diar::IndexWriter> writer =
        diar::IndexWriter::Open(index, {.dictionaries_dir = (source / "dictionaries").string()});
    if (!writer) return std::cerr << writer.error().message << "\n", 2;
    for (const auto& entry : fs::directory_iterator(docs)) {
      diar::Result<diar::ProcessedDocument> doc = pipeline->Process(entry.path().string());
      if (!doc) return std::cerr << doc.error().message << "\n", 1;
      writer->Add(*doc, entry.path().string());
    }
    writer->Commit();
  }
  // Omega on the same files.
  const std::string omega = (fs::path(work) / "omega").string();
  if (std::system(("omindex -s swedish --db '" + omega + "' --url / '" + docs.string() + "' >/dev/null").c_str()) != 0) {
    std::cerr << "omindex failed; install xapian-omega\n";
    return 2;
  }

  diar::Result<diar::Searcher> searcher = diar::Searcher::Open(index);
  if (!searcher) return std::cerr << searcher.error().message << "\n", 2;
  const std::vector<std::pair<std::string, diar::Ranking>> strategies = {
      {"diar AND", diar::Ranking::kAnd},
      {"diar OR (BM25)", diar::Ranking::kOr},
      {"diar AND, OR fallback", diar::Ranking::kAndOrFallback},
      {"diar OR + AND boost", diar::Ranking::kOrAndBoost},
      {"diar OP_ELITE_SET", diar::Ranking::kEliteSet},
      {"diar OR + near boost", diar::Ranking::kOrNearBoost},
      {"diar OR + field boost", diar::Ranking::kOrFieldBoost},
      {"diar OR + AND + field", diar::Ranking::kOrAndFieldBoost},
      {"diar OR+AND+field+form", diar::Ranking::kOrAndFieldFormBoost},
  };
  std::vector<std::string> systems;
  for (const auto& s : strategies) systems.push_back(s.first);
  systems.push_back("Omega (omindex+quest)");
  // system -> class -> scores
  std::map<std::string, std::map<std::string, std::vector<Score>>> scores;
  for (const Query& q : queries) {
    for (const auto& [name, ranking] : strategies) {
      diar::SearchRequest request;
      request.query = q.text;
      request.ranking = ranking;
      std::vector<std::string> ranked;
      diar::Result<diar::SearchResult> r = searcher->Search(request);
      if (r) {
        for (const diar::Hit& hit : r->hits) ranked.push_back(fs::path(hit.path).filename().string());
      } else {
        std::cerr << q.id << ": " << r.error().message << "\n";
      }
      const Score s = Judge(q, ranked);
      scores[name][q.klass].push_back(s);
      scores[name]["all"].push_back(s);
      if (per_query) std::cout << q.id << "\t" << name << "\t" << s.ndcg << "\t" << s.recall << "\n";
    }
    const Score s = Judge(q, OmegaHits(omega, q.text));
    scores[systems.back()][q.klass].push_back(s);
    scores[systems.back()]["all"].push_back(s);
    if (per_query) std::cout << q.id << "\t" << systems.back() << "\t" << s.ndcg << "\t" << s.recall << "\n";
  }

  // "all", then the classes in the order queries.tsv first names them.
  std::vector<std::string> classes = {"all"};
  for (const Query& q : queries) {
    if (std::find(classes.begin(), classes.end(), q.klass) == classes.end()) classes.push_back(q.klass);
  }
  std::cout << queries.size() << " queries over " << std::distance(fs::directory_iterator(docs), fs::directory_iterator())
            << " documents; nDCG@10 / recall@10 by query class\n";
  std::cout << std::left << std::setw(24) << "system";
  for (const std::string& c : classes) {
    std::cout << std::setw(16) << (c + " (" + std::to_string(scores[systems[0]][c].size()) + ")");
  }
  std::cout << "\n" << std::fixed << std::setprecision(3);
  std::map<std::string, double> all_ndcg;
  for (const std::string& system : systems) {
    std::cout << std::setw(24) << system;
    for (const std::string& c : classes) {
      double ndcg = 0, recall = 0;
      const auto& list = scores[system][c];
      for (const Score& s : list) {
        ndcg += s.ndcg;
        recall += s.recall;
      }
      if (!list.empty()) {
        ndcg /= list.size();
        recall /= list.size();
      }
      if (c == "all") all_ndcg[system] = ndcg;
      std::ostringstream cell;
      cell << std::fixed << std::setprecision(3) << ndcg << " / " << recall;
      std::cout << std::setw(16) << cell.str();
    }
    std::cout << "\n";
  }
  const double omega_ndcg = all_ndcg[systems.back()];
  std::cout << "\nnDCG@10 over all queries minus Omega's:\n";
  for (const auto& s : strategies) {
    std::cout << "  " << std::setw(24) << s.first << std::showpos << all_ndcg[s.first] - omega_ndcg
              << std::noshowpos << "\n";
  }
  return 0;
}
