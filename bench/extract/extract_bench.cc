// extract_bench: extraction + normalisation speed against pdftotext, and
// OCR seconds per page.
//
//   extract_bench [--rounds N] [PDF...]      (default: corpus/*.pdf, 3 rounds)
//
// Both sides run in this one process's time on one core (the process pins
// itself to one CPU; pdftotext inherits the pin): diar extracts and
// normalises each PDF in process (poppler-cpp, no OCR, as pdftotext has
// none), pdftotext (poppler-utils) runs as a subprocess per PDF writing to
// /dev/null, in the same round, on the same files. The table shows pages
// per second per round and the ratio of the medians; the target is
// at least 1.0x.
//
// OCR: the smallest PDF is extracted with --ocr always and with --ocr never;
// the difference over its pages is the OCR time per page (render at 300 dpi
// + tesseract "swe", single-threaded). Target: at most 3 s per page.
#include <sched.h>
#include <sys/resource.h>
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "pipeline/extract/extract.h"
#include "pipeline/normalise/normalise.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// User + system CPU seconds of this process (RUSAGE_SELF) or of its
// waited-for children (RUSAGE_CHILDREN).
double CpuSeconds(int who) {
  rusage u{};
  getrusage(who, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

// Pages extracted and normalised; -1 when a file fails.
int DiarPages(const std::string& pdf, diar::OcrMode mode) {
  diar::ExtractOptions options;
  options.ocr = mode;
  diar::Result<diar::ExtractedDocument> doc = diar::ExtractFile(pdf, options);
  if (!doc.ok()) {
    std::cerr << doc.error().message << "\n";
    return -1;
  }
  const diar::NormalisedText text = diar::Normalise(*doc, {});
  return static_cast<int>(text.page_starts.size());
}

bool RunPdftotext(const std::string& pdf) {
  const char* argv[] = {"pdftotext", "-q", pdf.c_str(), "/dev/null", nullptr};
  pid_t pid = 0;
  if (posix_spawnp(&pid, "pdftotext", nullptr, nullptr, const_cast<char**>(argv), environ) != 0) {
    return false;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = 3;
  std::vector<std::string> pdfs;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) {
      rounds = std::max(1, std::atoi(argv[++i]));
    } else {
      pdfs.push_back(argv[i]);
    }
  }
  if (pdfs.empty()) {
    for (const auto& e : fs::directory_iterator(fs::path(DIAR_SOURCE_DIR) / "corpus")) {
      if (e.path().extension() == ".pdf") pdfs.push_back(e.path().string());
    }
    std::sort(pdfs.begin(), pdfs.end());
  }
  if (pdfs.empty()) {
    std::cerr << "extract_bench: no PDFs; give some or generate corpus/\n";
    return 2;
  }
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(sched_getcpu() >= 0 ? sched_getcpu() : 0, &one);
  sched_setaffinity(0, sizeof one, &one);

  // Page counts, and a warm-up: fonts, ICU data and the lexicon load once.
  int pages = 0;
  std::string smallest;
  int smallest_pages = 1 << 30;
  for (const std::string& pdf : pdfs) {
    const int n = DiarPages(pdf, diar::OcrMode::kNever);
    if (n < 0) return 1;
    pages += n;
    if (n < smallest_pages) {
      smallest_pages = n;
      smallest = pdf;
    }
  }
  if (!RunPdftotext(pdfs.front())) {
    std::cerr << "extract_bench: pdftotext failed; install poppler-utils\n";
    return 2;
  }

  std::printf("%zu PDFs, %d pages, %d rounds, one core\n\n", pdfs.size(), pages, rounds);
  // Wall-clock rates are the target's measure; CPU rates (pages per CPU
  // second, pdftotext's counted from its rusage) are shown too because the
  // wall clock is noisy on a machine shared with builds.
  std::printf("%-6s %-24s %-24s\n", "", "diar extract+normalise", "pdftotext (spawned)");
  std::printf("%-6s %11s %12s %11s %12s\n", "round", "pages/s", "pages/cpu-s", "pages/s",
              "pages/cpu-s");
  std::vector<double> diar_rates, peer_rates, diar_cpu, peer_cpu;
  for (int r = 1; r <= rounds; ++r) {
    auto start = Clock::now();
    double cpu = CpuSeconds(RUSAGE_SELF);
    for (const std::string& pdf : pdfs) DiarPages(pdf, diar::OcrMode::kNever);
    diar_rates.push_back(pages / Seconds(start));
    diar_cpu.push_back(pages / (CpuSeconds(RUSAGE_SELF) - cpu));
    start = Clock::now();
    cpu = CpuSeconds(RUSAGE_CHILDREN);
    for (const std::string& pdf : pdfs) RunPdftotext(pdf);
    peer_rates.push_back(pages / Seconds(start));
    peer_cpu.push_back(pages / (CpuSeconds(RUSAGE_CHILDREN) - cpu));
    std::printf("%-6d %11.1f %12.1f %11.1f %12.1f\n", r, diar_rates.back(), diar_cpu.back(),
                peer_rates.back(), peer_cpu.back());
  }
  std::printf("%-6s %11.1f %12.1f %11.1f %12.1f\n", "median", Median(diar_rates),
              Median(diar_cpu), Median(peer_rates), Median(peer_cpu));
  std::printf("\nratio diar / pdftotext: %.2fx wall clock (target >= 1.0x), %.2fx CPU\n",
              Median(diar_rates) / Median(peer_rates), Median(diar_cpu) / Median(peer_cpu));

  // OCR: the first run also initialises the engine (~0.3 s), so time a
  // second one.
  DiarPages(smallest, diar::OcrMode::kAlways);
  auto start = Clock::now();
  double cpu = CpuSeconds(RUSAGE_SELF);
  DiarPages(smallest, diar::OcrMode::kNever);
  const double text_layer_s = Seconds(start), text_layer_cpu = CpuSeconds(RUSAGE_SELF) - cpu;
  start = Clock::now();
  cpu = CpuSeconds(RUSAGE_SELF);
  if (DiarPages(smallest, diar::OcrMode::kAlways) < 0) return 1;
  const double ocr_s = Seconds(start), ocr_cpu = CpuSeconds(RUSAGE_SELF) - cpu;
  std::printf("OCR: %.2f s per page wall clock, %.2f CPU s (render 300 dpi + tesseract swe, one "
              "thread; %s, %d pages; target <= 3 s)\n",
              (ocr_s - text_layer_s) / smallest_pages, (ocr_cpu - text_layer_cpu) / smallest_pages,
              fs::path(smallest).filename().c_str(), smallest_pages);
  return 0;
}
