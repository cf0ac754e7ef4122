// diar ingest PATH... : every .pdf and .txt under the paths into the index.
// Each file is reported as indexed or failed with a reason; unchanged files
// are skipped by their SHA-256 before any extraction.
#include <algorithm>
#include <deque>
#include <filesystem>
#include <future>
#include <iostream>
#include <thread>

#include "cli/context.h"
#include "cli/process.h"
#include "index/writer.h"

namespace diar::cli {
namespace {

namespace fs = std::filesystem;

// Commit after this many changed documents, so an interrupted run of
// thousands of files keeps most of its work without paying a commit per file.
constexpr int kCommitEvery = 200;

struct IngestOptions {
  std::vector<std::string> paths;
  int jobs = 0;
  std::string ocr = "auto";
  bool prune = false;
};

struct Input {
  std::string path;   // absolute, normalised
  std::string error;  // non-empty: cannot be ingested, for this reason
};

std::string Absolute(const std::string& path) {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  return ec ? path : abs.lexically_normal().string();
}

// Expands folders recursively (sorted, so runs are repeatable); a file given
// by name is taken whatever its extension, so the user hears why it failed.
std::vector<Input> CollectInputs(const std::vector<std::string>& paths) {
  std::vector<Input> inputs;
  for (const std::string& given : paths) {
    std::error_code ec;
    if (!fs::exists(given, ec)) {
      inputs.push_back({given, given + ": no such file or directory; check the path"});
      continue;
    }
    if (!fs::is_directory(given, ec)) {
      inputs.push_back({Absolute(given), ""});
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(
             given, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      if (it->is_regular_file(ec) && IsSupportedFile(it->path().string())) {
        found.push_back(Absolute(it->path().string()));
      }
    }
    std::sort(found.begin(), found.end());
    for (std::string& path : found) inputs.push_back({std::move(path), ""});
  }
  return inputs;
}

struct Tally {
  int added = 0, replaced = 0, path_added = 0, unchanged = 0, failed = 0;
  void Count(AddOutcome outcome) {
    switch (outcome) {
      case AddOutcome::kAdded: ++added; break;
      case AddOutcome::kReplaced: ++replaced; break;
      case AddOutcome::kPathAdded: ++path_added; break;
      case AddOutcome::kUnchanged: ++unchanged; break;
    }
  }
};

const char* Describe(AddOutcome outcome) {
  switch (outcome) {
    case AddOutcome::kAdded: return "added";
    case AddOutcome::kReplaced: return "replaced its old version";
    case AddOutcome::kPathAdded: return "same content as an indexed document; path added";
    case AddOutcome::kUnchanged: return "unchanged";
  }
  return "";
}

void RunIngest(Context& ctx, const IngestOptions& opts) {
  ctx.Resolve();
  const std::optional<Pipeline> pipeline = LoadPipeline(ctx, opts.ocr, /*tagging=*/true);
  if (!pipeline) return;
  Result<IndexWriter> writer =
      IndexWriter::Open(ctx.index_dir, {.dictionaries_dir = ctx.dictionaries_dir});
  if (!writer) return ctx.Fail(writer.error());

  const std::vector<Input> inputs = CollectInputs(opts.paths);
  const int jobs = opts.jobs > 0 ? opts.jobs
                                 : std::max(1u, std::thread::hardware_concurrency());
  const std::size_t total = inputs.size();
  Tally tally;
  int since_commit = 0;

  auto fail = [&](const std::string& path, const std::string& reason) {
    ++tally.failed;
    ctx.log->error("{}", reason);
    if (!path.empty()) writer->RecordFailure(path, reason);
    ctx.exit_code = std::max(ctx.exit_code, kExitInputFailed);
  };
  auto done = [&](std::size_t i, const std::string& path, AddOutcome outcome) {
    tally.Count(outcome);
    writer->ClearFailure(path);
    ctx.log->info("[{}/{}] {}: {}", i + 1, total, path, Describe(outcome));
    if (outcome != AddOutcome::kUnchanged && ++since_commit >= kCommitEvery) {
      writer->Commit();
      since_commit = 0;
    }
  };

  // Files needing the full pipeline run on worker threads, a bounded window
  // ahead of the writer, which stays on this thread and takes results in
  // input order so the log and the index see the same sequence every run.
  struct Pending {
    std::size_t index;
    std::future<Result<IndexedDocument>> result;
  };
  std::deque<Pending> window;
  auto drain_one = [&] {
    Pending p = std::move(window.front());
    window.pop_front();
    Result<IndexedDocument> doc = p.result.get();
    const std::string& path = inputs[p.index].path;
    if (!doc) return fail(path, doc.error().message);
    done(p.index, path, writer->Add(*doc, path));
  };

  for (std::size_t i = 0; i < total; ++i) {
    const Input& input = inputs[i];
    if (!input.error.empty()) {
      fail("", input.error);
      continue;
    }
    Result<std::string> sha = HashFile(input.path);
    if (!sha) {
      fail(input.path, sha.error().message);
      continue;
    }
    if (writer->Contains(*sha)) {
      // Results still in flight may touch the same paths; keep order.
      while (!window.empty()) drain_one();
      done(i, input.path, writer->AddPath(*sha, input.path));
      continue;
    }
    window.push_back({i, std::async(std::launch::async, [&, path = input.path] {
                        return ProcessFile(path, *pipeline);
                      })});
    if (window.size() >= static_cast<std::size_t>(jobs)) drain_one();
  }
  while (!window.empty()) drain_one();

  std::size_t pruned = 0;
  if (opts.prune) {
    for (const std::string& path : writer->Prune()) {
      ctx.log->info("pruned {}: the file is gone", path);
      ++pruned;
    }
  }
  writer->Commit();
  std::cout << "ingested " << total << " file" << (total == 1 ? "" : "s") << ": "
            << tally.added << " added, " << tally.replaced << " replaced, "
            << tally.path_added << " new paths, " << tally.unchanged
            << " unchanged, " << tally.failed << " failed";
  if (opts.prune) std::cout << "; " << pruned << " pruned";
  std::cout << "\n";
}

}  // namespace

void RegisterIngest(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<IngestOptions>();
  CLI::App* cmd = app.add_subcommand(
      "ingest", "Extract, tag, classify and index .pdf and .txt files (folders recursively)");
  cmd->add_option("PATH", opts->paths, "Files and folders to ingest")->required();
  cmd->add_option("-j,--jobs", opts->jobs, "Files processed in parallel (default: cores)");
  cmd->add_option("--ocr", opts->ocr, "OCR pages without a text layer: auto, never or always")
      ->capture_default_str();
  cmd->add_flag("--prune", opts->prune,
                "Also drop indexed paths whose file is gone (and documents left with none)");
  cmd->callback([&ctx, opts] { RunIngest(ctx, *opts); });
}

}  // namespace diar::cli
