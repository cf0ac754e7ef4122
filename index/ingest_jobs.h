// ingest_jobs: what an ingest worker process does with one job
// (index/ingest.h, index/worker_pool.h).
//
// Two kinds of run:
// - One writer: the worker reads a file (the whole pipeline) and builds its
//   Xapian document (BuildJob), and sends it back serialised; the calling
//   process adds it. Used when the index has fewer local shards than
//   workers, or remote ones.
// - A writer per worker: the index has a local shard (or more) for each
//   worker, and worker `slot` of `slots` writes the shards s with
//   s % slots == slot (SlotOfShard), through its own IndexWriter::OpenPart.
//   The calling process sends each file to the worker that writes its
//   document's shard (the shard its SHA-256 chooses) and keeps only reading.
//   So inverting and storing documents, a quarter of the CPU of an ingest,
//   runs in every worker instead of one process. A ShardJob is a file to
//   read and add, or a small change to what the worker's shards hold.
//
// Job results: kOk with the fields named below; kInputError for a file that
// cannot be read (message naming it); kConfigError for what stops the run
// (the OCR model is missing, the index cannot be written).
#ifndef DIAR_INDEX_INGEST_JOBS_H_
#define DIAR_INDEX_INGEST_JOBS_H_

#include <cstddef>
#include <optional>
#include <string>

#include "index/document.h"
#include "index/worker_pool.h"
#include "index/writer.h"
#include "pipeline/pipeline.h"

namespace diar {

// BuildJob's fields: the content's SHA-256, pages, warnings (one a line),
// the serialised document.
enum BuildField { kBuildSha, kBuildPages, kBuildWarnings, kBuildDocument, kBuildFieldCount };
WorkResult BuildJob(const Pipeline& pipeline, const DocumentBuilder& builder, const std::string& path);

struct ShardJob {
  enum class Kind : char {
    kAdd = 'a',            // read `path`, add it (kAddFields); `sha` is what the caller hashed
    kAddPath = 'p',        // content `sha` is also at `path` (field: the AddOutcome)
    kDropPath = 'd',       // take `path` from documents other than `sha`
    kRecordFailure = 'f',  // `path` failed for `reason` (shard 0's writer)
    kClearFailure = 'c',   // `path` went in (shard 0's writer)
    kCommit = 'm',         // commit this worker's shards
  };
  Kind kind = Kind::kCommit;
  int slot = 0, slots = 1;      // which worker, of how many
  std::size_t shard_count = 1;  // shards in the index
  std::string sha, path, reason;
  bool reindex = false;  // kAdd: content read again takes its old document's place
};

// kAdd's fields: pages, warnings, the AddOutcome (as a number).
enum AddField { kAddPages, kAddWarnings, kAddOutcome, kAddFieldCount };

std::string EncodeShardJob(const ShardJob& job);
std::optional<ShardJob> DecodeShardJob(const std::string& bytes);

inline int SlotOfShard(std::size_t shard, int slots) {
  return static_cast<int>(shard % static_cast<std::size_t>(slots));
}

// The state a worker keeps between shard jobs: its writer, opened at its
// first job (after the fork, so the locks are its own).
class ShardWorker {
 public:
  ShardWorker(std::string index_dir, const Pipeline& pipeline, const DocumentBuilder& builder)
      : index_dir_(std::move(index_dir)), pipeline_(pipeline), builder_(builder) {}
  WorkResult Run(const std::string& encoded_job);

 private:
  WorkResult Add(const ShardJob& job);
  std::string index_dir_;
  const Pipeline& pipeline_;
  const DocumentBuilder& builder_;
  std::optional<IndexWriter> writer_;
};

}  // namespace diar

#endif  // DIAR_INDEX_INGEST_JOBS_H_
