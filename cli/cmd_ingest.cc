// diar ingest PATH... : files and folders into the index, through the ingest
// engine (index/ingest.h). This file is the command line's view of a run:
// options, the progress line, per-file lines, Ctrl-C, and the summary.
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <thread>

#include "cli/context.h"
#include "index/byte_string.h"
#include "index/ingest.h"
#include "index/writer.h"

namespace diar::cli {
namespace {

constexpr int kExitInterrupted = 130;

struct IngestCmdOptions {
  std::vector<std::string> paths;
  int jobs = 0;
  std::string ocr = "auto";
  bool prune = false;
  bool reindex = false;
  double timeout_seconds = 120;
  std::size_t memory_mb = 2048;
  int commit_every = 1000;
  double commit_seconds = 10;
  int shards = 0;
};

std::atomic<bool> g_stop{false};

extern "C" void OnStopSignal(int) { g_stop.store(true); }

// SIGINT and SIGTERM ask the run to stop; restored when the run ends.
class StopSignals {
 public:
  StopSignals() {
    struct sigaction action {};
    action.sa_handler = OnStopSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &old_int_);
    sigaction(SIGTERM, &action, &old_term_);
  }
  ~StopSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }

 private:
  struct sigaction old_int_ {}, old_term_ {};
};

const char* Describe(FileOutcome outcome) {
  switch (outcome) {
    case FileOutcome::kAdded: return "added";
    case FileOutcome::kReplaced: return "replaced its old version";
    case FileOutcome::kPathAdded: return "same content as an indexed document; path added";
    case FileOutcome::kUnchanged: return "unchanged";
    case FileOutcome::kFailed: return "failed";
  }
  return "";
}

std::string Duration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%ldh%02ldm", s / 3600, s / 60 % 60);
  else if (s >= 60) std::snprintf(buf, sizeof buf, "%ldm%02lds", s / 60, s % 60);
  else std::snprintf(buf, sizeof buf, "%lds", s);
  return buf;
}

// On a terminal: one line, rewritten in place, with files and pages done,
// pages per second, time left and failures. Elsewhere: a line per file.
class CliObserver : public IngestObserver {
 public:
  explicit CliObserver(Context& ctx) : ctx_(ctx), live_(::isatty(STDERR_FILENO) && !ctx.quiet) {}
  ~CliObserver() override { ClearLine(); }

  void OnFile(const FileReport& file, const IngestProgress& progress) override {
    if (file.outcome == FileOutcome::kFailed) {
      ClearLine();
      ctx_.log->error("{}", EscapedLine(file.reason));
    }
    for (const std::string& warning : file.warnings) {
      ClearLine();
      ctx_.log->warn("{}", EscapedLine(warning));
    }
    if (live_) {
      Draw(progress);
    } else if (file.outcome != FileOutcome::kFailed) {
      // File names are bytes; shown with what is not UTF-8, and control
      // characters, escaped: one file, one line.
      ctx_.log->info("[{}/{}] {}: {}", file.index + 1, progress.files_total, EscapedLine(file.path),
                     Describe(file.outcome));
    }
  }
  void OnTick(const IngestProgress& progress) override {
    if (live_) Draw(progress);
  }
  void OnPruned(const std::string& path) override {
    ClearLine();
    ctx_.log->info("pruned {}: the file is gone", EscapedLine(path));
  }
  void OnStopping(std::size_t files_in_workers) override {
    ClearLine();
    ctx_.log->warn("stopping: {} file{} already being read will finish (each within --timeout), "
                   "then everything done is committed",
                   files_in_workers, files_in_workers == 1 ? "" : "s");
  }

  void ClearLine() {
    if (!drawn_) return;
    std::fputs("\r\033[K", stderr);
    drawn_ = false;
  }

 private:
  void Draw(const IngestProgress& p) {
    const double seconds = std::chrono::duration<double>(p.elapsed).count();
    const double pages_per_second = seconds > 0 ? p.pages_done / seconds : 0;
    // Unknown for the first second; none once every file is done, however
    // soon that is.
    std::string left = "?";
    if (p.files_done >= p.files_total) {
      left = Duration(0);
    } else if (p.bytes_done > 0 && seconds > 1) {
      const double rate = p.bytes_done / seconds;
      left = Duration((p.bytes_total - p.bytes_done) / rate);
    }
    std::fprintf(stderr, "\r\033[Kdiar: %zu/%zu files, %llu pages, %.1f pages/s, %s left, %zu failed",
                 p.files_done, p.files_total, static_cast<unsigned long long>(p.pages_done),
                 pages_per_second, left.c_str(), p.failed);
    std::fflush(stderr);
    drawn_ = true;
  }

  Context& ctx_;
  const bool live_;
  bool drawn_ = false;
};

// Files the run settled (written, found unchanged or failed).
std::size_t FilesDone(const IngestReport& r) {
  return r.added + r.replaced + r.path_added + r.unchanged + r.failed;
}

void PrintSummary(const IngestReport& r, bool prune) {
  // An interrupted or stopped run did not ingest every file it was given:
  // it says how many it did, not "ingested 40 files" with 40 left to do.
  if (r.interrupted) {
    std::cout << "interrupted after " << FilesDone(r) << " of " << r.files << " files: ";
  } else if (r.fatal) {
    std::cout << "stopped after " << FilesDone(r) << " of " << r.files << " files: ";
  } else {
    std::cout << "ingested " << r.files << " file" << (r.files == 1 ? "" : "s") << ": ";
  }
  std::cout << r.added
            << " added, " << r.replaced << " replaced, " << r.path_added << " new paths, "
            << r.unchanged << " unchanged, " << r.failed << " failed";
  if (prune) std::cout << "; " << r.pruned << " pruned";
  std::cout << "\n";
  if (!r.unsupported.empty()) {
    int total = 0;
    std::string by_extension;
    for (const auto& [extension, count] : r.unsupported) {
      total += count;
      by_extension += (by_extension.empty() ? "" : ", ") + std::to_string(count) + " " +
                      (extension.empty() ? std::string("without extension") : extension);
    }
    std::cout << "skipped " << total << " unsupported file" << (total == 1 ? "" : "s")
              << " in folders (" << by_extension << "); diar reads .pdf and .txt\n";
  }
}

void RunIngest(Context& ctx, const IngestCmdOptions& opts) {
  ctx.Resolve();
  if (opts.timeout_seconds <= 0) return ctx.Fail(ConfigError("--timeout must be above 0 seconds"));
  if (opts.commit_every <= 0) return ctx.Fail(ConfigError("--commit-every must be at least 1"));
  // Ingest loads the pipeline when a file first needs it.
  const std::optional<PipelineOptions> pipeline = ctx.PipelineOptionsFor(opts.ocr, /*analyse=*/true);
  if (!pipeline) return;
  const int jobs =
      opts.jobs > 0 ? opts.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  // A new index gets a shard per worker, so each worker writes its own.
  Result<IndexWriter> writer = IndexWriter::Open(
      ctx.index_dir,
      {.dictionaries_dir = ctx.dictionaries_dir, .create = true, .holder = "diar ingest",
       .shards = opts.shards, .new_shards = jobs, .cache_dir = ctx.cache_dir, .logger = ctx.log});
  if (!writer) return ctx.Fail(writer.error());

  IngestOptions options;
  options.paths = opts.paths;
  options.jobs = jobs;
  options.timeout = std::chrono::milliseconds(static_cast<long long>(opts.timeout_seconds * 1000));
  options.memory_mb = opts.memory_mb;
  options.commit_every = opts.commit_every;
  options.commit_interval = std::chrono::milliseconds(static_cast<long long>(opts.commit_seconds * 1000));
  options.prune = opts.prune;
  options.reindex = opts.reindex;
  g_stop.store(false);
  options.stop = &g_stop;

  IngestReport report;
  {
    StopSignals signals;
    CliObserver observer(ctx);
    report = Ingest(*pipeline, *writer, options, observer);
  }
  PrintSummary(report, opts.prune);
  if (report.failed > 0) ctx.exit_code = std::max(ctx.exit_code, kExitInputFailed);
  if (report.fatal) return ctx.Fail(*report.fatal);
  if (report.interrupted) {
    ctx.log->warn("interrupted: {} of {} files done and committed; run the same command to "
                  "ingest the rest",
                  FilesDone(report), report.files);
    ctx.exit_code = kExitInterrupted;
  }
}

}  // namespace

void RegisterIngest(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<IngestCmdOptions>();
  CLI::App* cmd = app.add_subcommand(
      "ingest", "Extract, tag, classify and index .pdf and .txt files (folders recursively)");
  cmd->add_option("PATH", opts->paths, "Files and folders to ingest")->required();
  cmd->add_option("-j,--jobs", opts->jobs, "Worker processes (default: cores)");
  cmd->add_option("--ocr", opts->ocr, "OCR pages without a text layer: auto, never or always")
      ->capture_default_str();
  cmd->add_flag("--reindex", opts->reindex,
                "Read and index again files already indexed, keeping their other paths (after "
                "upgrading diar or changing the dictionaries)");
  cmd->add_flag("--prune", opts->prune,
                "Also drop indexed paths whose file is gone (and documents left with none, "
                "and the failures of files that are gone)");
  cmd->add_option("--timeout", opts->timeout_seconds,
                  "Seconds one file may take before its worker is stopped and the file fails")
      ->capture_default_str();
  cmd->add_option("--memory-limit", opts->memory_mb,
                  "Megabytes one file may add to a worker's memory before the file fails")
      ->capture_default_str();
  cmd->add_option("--commit-every", opts->commit_every,
                  "Commit after this many changed documents (searches see them then)")
      ->capture_default_str();
  cmd->add_option("--commit-interval", opts->commit_seconds,
                  "Commit at least this often, in seconds, while documents change")
      ->capture_default_str();
  cmd->add_option("--shards", opts->shards,
                  "A new index of N local shards (a folder per shard, listed in the index "
                  "folder's XAPIANDB stub); --index may also name a stub of remote shards")
      ->check(CLI::Range(1, 256));
  cmd->callback([&ctx, opts] { RunIngest(ctx, *opts); });
}

}  // namespace diar::cli
