// ingest: paths in, an index brought up to date and a report out — the one
// ingest engine the command line and the server both call.
//
//   diar::IngestOptions options{.paths = {"arkiv/"}, .jobs = 2};
//   diar::IngestReport report = diar::Ingest(pipeline_options, writer, options, observer);
//
// The calling process walks the inputs (index/inputs.h), hashes each file
// and skips bytes the index already holds at that path before any
// extraction. The pipeline and the writer's word-form table are loaded when
// the first file needs them (so an unchanged re-ingest loads neither, and a
// bad dictionary is reported then, as a configuration error). Files that
// need the pipeline go to a fixed pool of `jobs` worker processes
// (index/worker_pool.h), forked once both are loaded; each worker runs the
// pipeline and builds the whole Xapian document. When the index has a local
// shard for each worker (a new index gets them: WriterOptions::new_shards),
// each worker also adds its documents to shards of its own and the calling
// process only reads (index/ingest_jobs.h); otherwise the calling process is
// the single writer and adds what the workers built.
// Results are reported in input order.
//
// Commits come every `commit_every` changed documents or `commit_seconds`,
// whichever is first, so a search sees a long ingest progress, and at the
// end. When `*stop` turns true (the CLI sets it on SIGINT/SIGTERM), no new
// file starts, what is done is committed, and the report says
// `interrupted`; files in flight are dropped (one writer) or finish first
// (writers per worker), and the same command does the rest. A process
// killed at any moment leaves the last commit: whole documents only.
//
// Failures: a bad file (kInput) fails that file only: its reason, naming
// the file, is stored with its path (status --failed) and reported. A worker
// that crashes, hangs past `timeout` or passes `memory_mb` fails its file the
// same way and is replaced. A configuration error (the OCR model is missing,
// the index cannot be written: a full disk, a vanished folder) stops the
// run: `fatal` holds it, work done before it is committed when the index
// still allows.
#ifndef DIAR_INDEX_INGEST_H_
#define DIAR_INDEX_INGEST_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "index/writer.h"
#include "pipeline/pipeline.h"
#include "pipeline/result.h"

namespace diar {

struct IngestOptions {
  std::vector<std::string> paths;
  int jobs = 1;                        // worker processes
  std::chrono::milliseconds timeout{std::chrono::seconds(120)};  // per file
  std::size_t memory_mb = 2048;        // per worker, beyond what it starts with; 0: none
  int commit_every = 1000;             // changed documents between commits
  std::chrono::milliseconds commit_interval{std::chrono::seconds(10)};
  bool prune = false;                  // drop indexed paths whose file is gone
  // Read again files whose bytes are indexed, and index them anew with
  // their other paths kept: after an upgrade or a change to dictionaries/.
  bool reindex = false;
  const std::atomic<bool>* stop = nullptr;  // set to stop the run early
};

enum class FileOutcome { kAdded, kReplaced, kPathAdded, kUnchanged, kFailed };

// One input, once it is settled (in input order).
struct FileReport {
  std::size_t index = 0;  // 0-based position in the run's inputs
  std::string path;
  FileOutcome outcome = FileOutcome::kUnchanged;
  std::string reason;                 // kFailed: why, naming the file
  std::vector<std::string> warnings;  // the file went in, but: each names the file (and page)
  int pages = 0;                      // pages read (0 when the file was not read)
};

struct IngestProgress {
  std::size_t files_done = 0, files_total = 0;
  std::uint64_t bytes_done = 0, bytes_total = 0;
  std::uint64_t pages_done = 0;
  std::size_t failed = 0;
  std::chrono::steady_clock::duration elapsed{};
};

// What the caller hears while a run goes on. Called on the calling thread.
class IngestObserver {
 public:
  virtual ~IngestObserver() = default;
  virtual void OnFile(const FileReport& file, const IngestProgress& progress) {}
  // About twice a second while files are in flight, for a progress line.
  virtual void OnTick(const IngestProgress& progress) {}
  virtual void OnPruned(const std::string& path) {}
  // Once, when `stop` turns true while files are in workers: they finish
  // (each within the time limit) and are committed with the rest.
  virtual void OnStopping(std::size_t files_in_workers) {}
};

struct IngestReport {
  std::size_t files = 0;  // inputs considered
  std::size_t added = 0, replaced = 0, path_added = 0, unchanged = 0, failed = 0;
  std::uint64_t pages = 0;
  std::map<std::string, int> unsupported;  // extension -> files skipped in folders
  std::size_t pruned = 0;
  bool interrupted = false;      // stopped early by `stop`
  std::optional<Error> fatal;    // a configuration error stopped the run
};

IngestReport Ingest(const PipelineOptions& pipeline, IndexWriter& writer,
                    const IngestOptions& options, IngestObserver& observer);

}  // namespace diar

#endif  // DIAR_INDEX_INGEST_H_
