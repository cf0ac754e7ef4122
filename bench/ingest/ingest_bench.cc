// ingest_bench: the ingest engine's speed and memory, against the same
// pipeline run in one process, in the same run on the same files.
//
//   ingest_bench [--copies N | --files DIR] [--rounds R] [--ocr never|auto]
//                                       (default: 120 copies, 3 rounds, never)
//
// 120 copies are 5,160 files and 9,600 pages, a few seconds a run: a batch
// as an archive loads it. On a run of a second or two the fixed costs every
// row pays once (loading the pipeline before the first fork, the last
// commit) weigh as much as the pool's scaling; the summary also gives the
// ratio with the start-up taken off.
//
// The files: every corpus PDF, N times over (each copy made distinct by a
// trailing PDF comment, so each is a new document), plus 40 short text
// documents per copy: a mix where most files are one paragraph, so the
// cost of adding each document weighs most. Or, with --files, the files in
// DIR as they are (for example bench/run's generated short or long PDFs,
// /tmp/diar-bench-ingest/corpus/seed1-long-30), for the mix an archive has. Rows, each a child process timed from start to exit:
//   in-process   this binary's --baseline mode: Pipeline::Load, then
//                Process and IndexWriter::Add per file, one thread, commits
//                where diar ingest makes them by default (IngestOptions) —
//                what ingest did before worker processes (one file at a
//                time, no process boundary, no serialisation);
//   jobs 1       diar ingest --jobs 1 (one worker process);
//   jobs 2       diar ingest --jobs 2;
//   start-up     diar ingest --jobs 1 of the first file alone: what the
//                diar process spends before and beside one file, so that
//                the summary can give its CPU per file.
// Each run makes a new index: --jobs 2 gives it two shards, one per worker,
// and each worker writes its own (index/ingest_jobs.h); --jobs 1, one
// database its worker writes. The diar process itself hashes, hands out
// files and reports.
// Rounds interleave the rows (A B C A B C ...) so load on this shared machine
// falls on all of them alike; the table gives each round and the medians,
// and each headline ratio is the median of the ratios within a round.
// Peak memory: VmHWM of the diar process and of each worker, sampled from
// /proc every 20 ms while the run lasts (a worker's peak is kept when it
// exits). CPU: the run's user + system seconds, workers included (wait4),
// and the diar process's own (sampled like memory): what it costs beside
// its workers. Targets (issue 11): jobs 1 no slower than in-process, jobs 2 at
// least 1.8x jobs 1 in pages per second, at most 200 MB per worker.
#include <dirent.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "index/ingest.h"
#include "index/writer.h"
#include "pipeline/pipeline.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

const std::string kDiar = DIAR_BINARY_DIR "/cli/diar";
const std::string kDictionaries = DIAR_SOURCE_DIR "/dictionaries";

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// VmHWM of `pid` in kB; 0 when gone.
long PeakKb(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return 0;
}

// User + system CPU seconds `pid` has used so far; 0 when gone.
double CpuSeconds(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::size_t after_name = stat.rfind(')');  // the name may hold spaces
  if (after_name == std::string::npos) return 0;
  std::istringstream fields(stat.substr(after_name + 2));
  std::string field;
  unsigned long long utime = 0, stime = 0;
  for (int i = 3; i <= 15 && fields >> field; ++i) {  // utime and stime are fields 14 and 15
    if (i == 14) utime = std::stoull(field);
    if (i == 15) stime = std::stoull(field);
  }
  return static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

std::vector<pid_t> ChildrenOf(pid_t parent) {
  std::vector<pid_t> children;
  DIR* proc = ::opendir("/proc");
  while (dirent* e = proc ? ::readdir(proc) : nullptr) {
    const pid_t pid = std::atoi(e->d_name);
    if (pid <= 0) continue;
    std::ifstream status("/proc/" + std::string(e->d_name) + "/status");
    for (std::string line; std::getline(status, line);) {
      if (line.rfind("PPid:", 0) == 0) {
        if (std::atoi(line.c_str() + 5) == parent) children.push_back(pid);
        break;
      }
    }
  }
  if (proc) ::closedir(proc);
  return children;
}

double Seconds(const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; }

struct Measure {
  double seconds = 0;
  long parent_kb = 0;
  long worker_kb = 0;  // the largest worker's peak
  double cpu_seconds = 0;     // the run's, workers included
  double parent_cpu = 0;      // the diar process's own (last sample)
  int exit_code = -1;
};

Measure RunAndWatch(std::vector<std::string> argv) {
  std::vector<char*> cargv;
  for (std::string& a : argv) cargv.push_back(a.data());
  cargv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  Measure m;
  pid_t pid = 0;
  const auto start = Clock::now();
  if (posix_spawn(&pid, cargv[0], &actions, nullptr, cargv.data(), environ) != 0) return m;
  posix_spawn_file_actions_destroy(&actions);
  std::map<pid_t, long> workers;
  for (;;) {
    int status = 0;
    rusage usage{};
    if (::wait4(pid, &status, WNOHANG, &usage) == pid) {
      m.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      m.cpu_seconds = Seconds(usage.ru_utime) + Seconds(usage.ru_stime);
      break;
    }
    m.parent_kb = std::max(m.parent_kb, PeakKb(pid));
    m.parent_cpu = std::max(m.parent_cpu, CpuSeconds(pid));
    for (pid_t child : ChildrenOf(pid)) workers[child] = std::max(workers[child], PeakKb(child));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  m.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  for (const auto& [child, kb] : workers) m.worker_kb = std::max(m.worker_kb, kb);
  return m;
}

// --baseline: the pipeline in this one process, file after file.
int Baseline(const std::string& files, const std::string& index, const std::string& ocr) {
  diar::PipelineOptions options{.dictionaries_dir = kDictionaries};
  diar::ParseOcrMode(ocr, &options.ocr);
  diar::Result<diar::Pipeline> pipeline = diar::Pipeline::Load(options);
  if (!pipeline) return 2;
  // The cache folder `diar ingest` uses: both rows map the word-form table.
  diar::Result<diar::IndexWriter> writer =
      diar::IndexWriter::Open(index, {.dictionaries_dir = kDictionaries, .cache_dir = diar::DefaultCacheDir()});
  if (!writer) return 2;
  std::vector<std::string> paths;
  for (const auto& e : fs::recursive_directory_iterator(files)) {
    if (diar::IsSupportedFile(e.path().string())) paths.push_back(fs::absolute(e.path()).string());
  }
  std::sort(paths.begin(), paths.end());
  // Commits where `diar ingest` makes them by default, so both rows write
  // the same commits and differ only in how files reach the pipeline.
  const diar::IngestOptions cadence;
  auto last_commit = Clock::now();
  int since_commit = 0;
  for (const std::string& path : paths) {
    diar::Result<diar::ProcessedDocument> doc = pipeline->Process(path);
    if (!doc) continue;
    if (!writer->Add(*doc, path)) return 2;
    if (++since_commit >= cadence.commit_every || Clock::now() - last_commit >= cadence.commit_interval) {
      if (!writer->Commit()) return 2;
      since_commit = 0;
      last_commit = Clock::now();
    }
  }
  return writer->Commit() ? 0 : 2;
}

std::uint64_t IndexedPages(const fs::path& index) {
  const fs::path out = index.string() + ".status";
  const std::string command = kDiar + " --index " + index.string() + " status > " + out.string();
  if (std::system(command.c_str()) != 0) return 0;
  std::smatch m;
  const std::string text = Read(out);
  return std::regex_search(text, m, std::regex("pages: +(\\d+)")) ? std::stoull(m[1]) : 0;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  int copies = 120, rounds = 3;
  std::string ocr = "never", given;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--baseline" && i + 3 < argc) return Baseline(argv[i + 1], argv[i + 2], argv[i + 3]);
    if (a == "--copies" && i + 1 < argc) copies = std::atoi(argv[++i]);
    else if (a == "--rounds" && i + 1 < argc) rounds = std::atoi(argv[++i]);
    else if (a == "--ocr" && i + 1 < argc) ocr = argv[++i];
    else if (a == "--files" && i + 1 < argc) given = argv[++i];
    else {
      std::cerr << "usage: ingest_bench [--copies N | --files DIR] [--rounds R] [--ocr never|auto]\n";
      return 2;
    }
  }
  const fs::path work = fs::temp_directory_path() / ("diar-ingest-bench-" + std::to_string(::getpid()));
  const fs::path files = given.empty() ? work / "files" : fs::path(given);
  fs::create_directories(work);
  if (!given.empty() && !fs::is_directory(files)) {
    std::cerr << "ingest_bench: " << given << ": not a folder of files to ingest\n";
    return 2;
  }
  if (!given.empty()) copies = 0;
  fs::create_directories(files);
  std::vector<fs::path> pdfs;
  for (const auto& e : fs::directory_iterator(DIAR_SOURCE_DIR "/corpus")) {
    if (e.path().extension() == ".pdf") pdfs.push_back(e.path());
  }
  std::sort(pdfs.begin(), pdfs.end());
  for (int c = 0; c < copies; ++c) {
    for (const fs::path& pdf : pdfs) {
      std::ofstream(files / (pdf.stem().string() + "-" + std::to_string(c) + ".pdf"), std::ios::binary)
          << Read(pdf) << "\n% copy " << c << "\n";
    }
    for (int t = 0; t < 40; ++t) {
      std::ofstream(files / ("note-" + std::to_string(c) + "-" + std::to_string(t) + ".txt"))
          << "Tjänsteskrivelse\nDatum 2022-03-" << 10 + t % 18 << "\nDnr RS 2022/" << c * 100 + t
          << "\n\nKulturnämnden föreslår att Regionstyrelsen antar Kulturplan 2022–2025. "
             "Underlaget har tagits fram med Länsstyrelsen i Västmanlands län under 2021. "
          << "Anteckning " << c << "-" << t << ".\n";
    }
  }

  struct Row {
    std::string name;
    std::vector<std::string> argv;
    std::vector<double> pages_per_second, seconds;
    std::vector<double> cpu, parent_cpu;
    long parent_kb = 0, worker_kb = 0;
  };
  std::vector<fs::path> inputs;
  for (const auto& e : fs::recursive_directory_iterator(files)) {
    std::string ext = e.path().extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (e.is_regular_file() && (ext == ".pdf" || ext == ".txt")) inputs.push_back(e.path());
  }
  std::sort(inputs.begin(), inputs.end());
  if (inputs.size() < 2) {
    std::cerr << "ingest_bench: " << files.string() << ": needs at least two files\n";
    return 2;
  }
  const std::string self = fs::canonical("/proc/self/exe").string();
  std::vector<Row> rows = {
      {"in-process", {self, "--baseline", files.string(), "INDEX", ocr}, {}},
      {"jobs 1", {kDiar, "--index", "INDEX", "ingest", "--jobs", "1", "--ocr", ocr, files.string()}, {}},
      {"jobs 2", {kDiar, "--index", "INDEX", "ingest", "--jobs", "2", "--ocr", ocr, files.string()}, {}},
      {"start-up", {kDiar, "--index", "INDEX", "ingest", "--jobs", "1", "--ocr", ocr, inputs.front().string()}, {}},
  };
  const std::size_t kStartUp = 3;  // rows[kStartUp] indexes one file, not the set
  std::uint64_t pages = 0;
  if (given.empty()) {
    std::printf("ingest_bench: %zu PDFs x %d copies + %d texts, --ocr %s, %d rounds\n\n",
                pdfs.size(), copies, copies * 40, ocr.c_str(), rounds);
  } else {
    std::printf("ingest_bench: the files in %s, --ocr %s, %d rounds\n\n", given.c_str(),
                ocr.c_str(), rounds);
  }
  std::printf("%-12s %6s %9s %9s %8s %10s %11s %11s\n", "row", "round", "seconds", "pages/s",
              "CPU s", "parent CPU", "parent MB", "worker MB");
  for (int r = 0; r < rounds; ++r) {
    for (Row& row : rows) {
      const fs::path index = work / ("index-" + std::to_string(r) + "-" + std::to_string(&row - rows.data()));
      std::vector<std::string> argv = row.argv;
      for (std::string& a : argv) if (a == "INDEX") a = index.string();
      const Measure m = RunAndWatch(argv);
      if (m.exit_code != 0) {
        std::fprintf(stderr, "%s: exit %d\n", row.name.c_str(), m.exit_code);
        return 1;
      }
      const std::uint64_t indexed = IndexedPages(index);
      if (&row - rows.data() != static_cast<std::ptrdiff_t>(kStartUp)) pages = indexed;
      const double rate = indexed / m.seconds;
      row.pages_per_second.push_back(rate);
      row.seconds.push_back(m.seconds);
      row.cpu.push_back(m.cpu_seconds);
      row.parent_cpu.push_back(m.parent_cpu);
      row.parent_kb = std::max(row.parent_kb, m.parent_kb);
      row.worker_kb = std::max(row.worker_kb, m.worker_kb);
      std::printf("%-12s %6d %9.2f %9.1f %8.2f %10.2f %11.1f %11.1f\n", row.name.c_str(), r + 1,
                  m.seconds, rate, m.cpu_seconds, m.parent_cpu, m.parent_kb / 1024.0,
                  m.worker_kb / 1024.0);
      std::fflush(stdout);
      fs::remove_all(index);
    }
  }
  const double base = Median(rows[0].pages_per_second);
  const double one = Median(rows[1].pages_per_second);
  const double two = Median(rows[2].pages_per_second);
  std::printf("\n%llu pages per run. Medians: in-process %.1f, jobs 1 %.1f, jobs 2 %.1f pages/s\n",
              static_cast<unsigned long long>(pages), base, one, two);
  // Each ratio within a round first: a round's rows run back to back, so
  // the load of this shared machine, which drifts over minutes, weighs on
  // both sides of each ratio alike; the median of those is the headline.
  // The ratio of the rows' medians follows, for comparison: the spread
  // between the two is the noise.
  auto per_round = [&](const Row& num, const Row& den) {
    std::vector<double> ratios;
    std::string listed;
    for (std::size_t r = 0; r < num.seconds.size(); ++r) {
      ratios.push_back(den.seconds[r] / num.seconds[r]);
      char cell[16];
      std::snprintf(cell, sizeof cell, " %.2f", ratios.back());
      listed += cell;
    }
    return std::make_pair(Median(ratios), listed);
  };
  const auto [one_base, one_base_rounds] = per_round(rows[1], rows[0]);
  const auto [two_one, two_one_rounds] = per_round(rows[2], rows[1]);
  std::printf("jobs 1 / in-process: %.2fx   (target >= 1.0x: no slower; rounds:%s; of the medians %.2fx)\n",
              one_base, one_base_rounds.c_str(), one / base);
  std::printf("jobs 2 / jobs 1:     %.2fx   (target >= 1.8x; rounds:%s; of the medians %.2fx)\n",
              two_one, two_one_rounds.c_str(), two / one);
  // Both rows pay the same start-up before the first fork (loading, the
  // index made and committed): on a short run it caps the ratio. Less it,
  // what is left is how the pool itself scales.
  const double start_seconds = Median(rows[kStartUp].seconds);
  const double one_seconds = Median(rows[1].seconds), two_seconds = Median(rows[2].seconds);
  if (two_seconds > start_seconds) {
    std::printf("  after the start-up: %.2fx   (each run's median seconds less the start-up row's %.2f s)\n",
                (one_seconds - start_seconds) / (two_seconds - start_seconds), start_seconds);
  }
  // What the CPU each run used allows on this machine, whatever its load:
  // jobs 1 takes at least its workers' CPU time (the diar process runs
  // beside them), jobs 2 at least its whole CPU time spread over the cores
  // it can use (two workers and the diar process: three at most), and at
  // least the diar process's own (loading included).
  const double cores = std::max(1u, std::thread::hardware_concurrency());
  const double one_cpu = Median(rows[1].cpu), one_parent = Median(rows[1].parent_cpu);
  const double two_cpu = Median(rows[2].cpu), two_parent = Median(rows[2].parent_cpu);
  std::printf("CPU (medians): jobs 1 %.2f s (diar process %.2f), jobs 2 %.2f s (diar process %.2f); on %.0f "
              "cores jobs 2 can reach at most %.2fx jobs 1\n",
              one_cpu, one_parent, two_cpu, two_parent, cores,
              std::max(one_cpu - one_parent, one_parent) /
                  std::max(two_cpu / std::min(cores, 3.0), two_parent));
  // The diar process's CPU per file beyond its start-up: jobs 1's, less
  // what it spent to index the first file alone, over the other files.
  const double start_up = Median(rows[kStartUp].parent_cpu);
  const double per_file = (one_parent - start_up) / static_cast<double>(inputs.size() - 1);
  std::printf("diar process:        %.2f ms of CPU per file after a start-up of %.2f s\n",
              per_file * 1000, start_up);
  std::printf("peak per worker:     %.1f MB (target <= 200 MB); diar parent %.1f MB\n",
              std::max(rows[1].worker_kb, rows[2].worker_kb) / 1024.0,
              std::max(rows[1].parent_kb, rows[2].parent_kb) / 1024.0);
  std::printf("cores: %u; load average now: %s", std::thread::hardware_concurrency(),
              Read("/proc/loadavg").c_str());
  fs::remove_all(work);
  return 0;
}
