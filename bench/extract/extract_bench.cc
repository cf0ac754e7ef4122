// extract_bench: extraction + normalisation speed against pdftotext, and
// OCR seconds per page.
//
//   extract_bench [--rounds N] [--diar-only] [PDF...]
//                                        (default: corpus/*.pdf, 7 rounds)
//
// --diar-only runs only diar's side, N rounds after the warm-up, and prints
// nothing but the time: the mode to profile under callgrind, where
// pdftotext's subprocesses and tesseract would drown diar's own work.
//
// Both sides are single-threaded: diar extracts and normalises each PDF in
// this process (poppler-cpp, no OCR, as pdftotext has none), pdftotext
// (poppler-utils) runs as a subprocess per PDF writing to /dev/null, in the
// same round, on the same files. (No CPU pinning: on a shared machine a
// pinned core may be the busy one.) The table shows pages
// per second per round; the headline is the median of the rounds' ratios
// (the target: at least 1.0x), then one pass per file.
//
// OCR: the smallest PDF is extracted with --ocr always and with --ocr never;
// the difference over its pages is the OCR time per page (render at 300 dpi
// + tesseract "swe", single-threaded). Target: at most 3 s per page.
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
  int rounds = 7;
  bool diar_only = false;
  std::vector<std::string> pdfs;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) {
      rounds = std::max(1, std::atoi(argv[++i]));
    } else if (std::strcmp(argv[i], "--diar-only") == 0) {
      diar_only = true;
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
  if (diar_only) {
    const auto start = Clock::now();
    for (int r = 0; r < rounds; ++r) {
      for (const std::string& pdf : pdfs) DiarPages(pdf, diar::OcrMode::kNever);
    }
    std::printf("diar extract+normalise: %d rounds of %d pages, %.1f ms per round\n", rounds,
                pages, Seconds(start) * 1000 / rounds);
    return 0;
  }
  if (!RunPdftotext(pdfs.front())) {
    std::cerr << "extract_bench: pdftotext failed; install poppler-utils\n";
    return 2;
  }

  std::printf("%zu PDFs, %d pages, %d rounds, single-threaded\n\n", pdfs.size(), pages, rounds);
  // Wall-clock rates are the target's measure; CPU rates (pages per CPU
  // second, pdftotext's counted from its rusage) are shown too. The machine
  // is shared, so load drifts during a run: each round times both sides
  // back to back (alternating which goes first) and the headline is the
  // median of the per-round ratios.
  std::printf("%-6s %-24s %-24s %s\n", "", "diar extract+normalise", "pdftotext (spawned)", "");
  std::printf("%-6s %11s %12s %11s %12s %7s\n", "round", "pages/s", "pages/cpu-s", "pages/s",
              "pages/cpu-s", "ratio");
  std::vector<double> ratios, cpu_ratios;
  for (int r = 1; r <= rounds; ++r) {
    double diar_rate = 0, diar_cpu = 0, peer_rate = 0, peer_cpu = 0;
    auto time_diar = [&] {
      const auto start = Clock::now();
      const double cpu = CpuSeconds(RUSAGE_SELF);
      for (const std::string& pdf : pdfs) DiarPages(pdf, diar::OcrMode::kNever);
      diar_rate = pages / Seconds(start);
      diar_cpu = pages / (CpuSeconds(RUSAGE_SELF) - cpu);
    };
    auto time_peer = [&] {
      const auto start = Clock::now();
      const double cpu = CpuSeconds(RUSAGE_CHILDREN);
      for (const std::string& pdf : pdfs) RunPdftotext(pdf);
      peer_rate = pages / Seconds(start);
      peer_cpu = pages / (CpuSeconds(RUSAGE_CHILDREN) - cpu);
    };
    if (r % 2 == 1) {
      time_diar();
      time_peer();
    } else {
      time_peer();
      time_diar();
    }
    ratios.push_back(diar_rate / peer_rate);
    cpu_ratios.push_back(diar_cpu / peer_cpu);
    std::printf("%-6d %11.1f %12.1f %11.1f %12.1f %6.2fx\n", r, diar_rate, diar_cpu, peer_rate,
                peer_cpu, ratios.back());
  }
  std::printf("\nratio diar / pdftotext (median of rounds): %.2fx wall clock (target >= 1.0x), "
              "%.2fx CPU\n",
              Median(ratios), Median(cpu_ratios));

  // Per file, one pass each: where not forking pays (small files) and
  // where poppler's own work dominates (long ones).
  std::printf("\n%-64s %5s %9s %9s %7s\n", "file", "pages", "diar ms", "pdftotext", "ratio");
  for (const std::string& pdf : pdfs) {
    auto start = Clock::now();
    const int n = DiarPages(pdf, diar::OcrMode::kNever);
    const double diar_ms = Seconds(start) * 1000;
    start = Clock::now();
    RunPdftotext(pdf);
    const double peer_ms = Seconds(start) * 1000;
    std::printf("%-64s %5d %9.1f %9.1f %6.2fx\n", fs::path(pdf).filename().c_str(), n, diar_ms,
                peer_ms, peer_ms / diar_ms);
  }
  std::printf("\n");

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
