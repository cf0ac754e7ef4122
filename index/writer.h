// writer: processed documents in, one Xapian database on disk out.
//
//   diar::Result<diar::IndexWriter> w =
//       diar::IndexWriter::Open("idx", {.dictionaries_dir = "dictionaries"});
//   if (w->IsCurrent(sha, path)) skip;               // nothing changed
//   w->Add(doc, path);                               // or replace, or add a path
//   w->Commit();
//
// One Xapian document per distinct file content: its id term is the SHA-256
// of the bytes (schema::kId), and each source path it was ingested from is a
// term of its own (schema::kPath). So re-ingesting the same bytes changes
// nothing, the same bytes at two paths are one document knowing both paths,
// and a changed file at a known path takes that path from its old version
// (deleting the old version when no path is left).
//
// Documents are built by index/document.h, in the caller or in an ingest
// worker process (AddBuilt takes the built document); the writer adds them,
// with their spelling data. Removing a document (Remove, Prune, a replaced
// version) takes back its terms, values, spelling frequencies and facet
// counts: nothing of it stays.
//
// Failed inputs are remembered in the database metadata (schema::kMetaFailure)
// until the same path ingests cleanly or is pruned, so `diar status --failed`
// can list them.
//
// Sharding: `dir` may be a sharded index (a folder with a XAPIANDB stub, or a
// stub file listing local and remote shards, index/shards.h). A writer of
// the whole index puts each new document in the shard its id chooses; a
// part writer (OpenPart: a worker of a parallel ingest) in one of its own.
// Finding a document, paths, removal and pruning look in every shard;
// index-wide metadata lives in the first.
//
// Opening: only a writer opened with `create` makes a new index, and never
// in a folder that holds other files. A second writer is refused and told
// which process holds the lock (the holder writes schema::kLockOwnerFile);
// a read-only index says so.
//
// Errors: every call that touches the database catches Xapian's errors and
// returns them as kConfig naming the index (a full disk, a damaged or
// vanished index): the run must stop, and the index keeps its last commit.
// Open fails kConfig too, and for a bad dictionary file (file:line).
// Nothing is visible to readers before Commit(); the destructor commits too,
// ignoring errors (callers who care call Commit()).
// Thread safety: one IndexWriter per database, used from one thread.
#ifndef DIAR_INDEX_WRITER_H_
#define DIAR_INDEX_WRITER_H_

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "index/document.h"
#include "pipeline/pipeline.h"
#include "pipeline/result.h"

namespace diar {

struct WriterOptions {
  // diar's dictionaries/ folder: stopwords_sv.txt and the body gazetteers
  // (bodies_*.tsv) for synonyms. Empty: the stopword list already stored in
  // the index (none for a new one), synonyms left as they are.
  std::string dictionaries_dir;
  // Create the index when there is none (ingest). False: a missing index is
  // an error (remove, and every reader).
  bool create = true;
  // Who holds the lock, for the message a second writer gets.
  std::string holder = "diar";
  // A new index of this many local shards (index/shards.h); 0: as the index
  // is (`new_shards` when new). An existing index with another count is an
  // error.
  int shards = 0;
  // The shards of a new index when `shards` is 0. Ingest gives its --jobs:
  // each worker then writes a shard of its own (index/ingest.h).
  int new_shards = 1;
  // diar's cache folder, where the word-form table built from
  // `dictionaries_dir` is kept for the next run to map (index/lexicon.h);
  // empty: no cache, the table is built at every run.
  std::string cache_dir;
  // Debug lines (why the cache was not used). Null: nowhere.
  std::shared_ptr<spdlog::logger> logger;
};

// diar's cache folder as the environment gives it: $XDG_CACHE_HOME/diar,
// else $HOME/.cache/diar, else empty (no cache).
std::string DefaultCacheDir();

enum class AddOutcome {
  kAdded,      // new content
  kReplaced,   // new content at a path that held other content before
  kPathAdded,  // known content, now also known at this path
  kUnchanged,  // known content at this path already
};

struct RemoveOutcome {
  std::vector<std::string> removed_ids;     // documents deleted
  std::vector<std::string> detached_paths;  // paths taken from documents that stay
};

class IndexWriter {
 public:
  static Result<IndexWriter> Open(const std::string& dir, const WriterOptions& options = {});
  IndexWriter(IndexWriter&&) noexcept;
  IndexWriter& operator=(IndexWriter&&) noexcept;
  ~IndexWriter();

  const std::string& dir() const;
  // Builds documents with this index's stopword list and word-form table,
  // made on the first call (kConfig: a bad dictionary file, the index).
  // A run that builds nothing never pays for the table. A new index also
  // gets its synonym table here, with its first document.
  Result<const DocumentBuilder*> Builder();

  // True when content `sha256` is indexed and knows `path`: the caller can
  // skip extraction entirely.
  Result<bool> IsCurrent(const std::string& sha256, const std::string& path) const;
  // True when content `sha256` is indexed (under any path).
  Result<bool> Contains(const std::string& sha256) const;
  // Records that `path` now holds already-indexed content `sha256`.
  Result<AddOutcome> AddPath(const std::string& sha256, const std::string& path);

  // Indexes `document` as the content found at `path`.
  Result<AddOutcome> Add(const ProcessedDocument& document, const std::string& path);
  // The same for a document built by Builder() (possibly in another process
  // and sent as Xapian::Document::serialise bytes) from content `sha256`.
  Result<AddOutcome> AddBuilt(const std::string& sha256, const Xapian::Document& built,
                              const std::string& path);
  // AddBuilt for content read again: `built` takes the place of the
  // indexed document of content `sha256`, if any, whose other paths it
  // keeps (kReplaced); otherwise the same as AddBuilt.
  Result<AddOutcome> ReplaceBuilt(const std::string& sha256, const Xapian::Document& built,
                                  const std::string& path);

  // `id_or_path` is a source path (as stored, or in the other Unicode
  // normalisation form): that path is dropped, and its document only when
  // it was the last path. Otherwise a document id (full SHA-256 or a prefix
  // of at least 8 hex digits): that document is deleted. kInput error when
  // nothing matches, or when a prefix matches several documents (listed).
  Result<RemoveOutcome> Remove(const std::string& id_or_path);
  // Drops every path that no longer exists on disk, documents left with no
  // path, and the failure records of files that are gone. Returns the paths
  // dropped.
  Result<std::vector<std::string>> Prune();

  Result<bool> RecordFailure(const std::string& path, const std::string& reason);
  Result<bool> ClearFailure(const std::string& path);
  // True when a failure of `path` is on record.
  Result<bool> HasFailure(const std::string& path) const;
  // True when the index holds no document and no failure record.
  Result<bool> IsEmpty() const;

  // --- Parallel ingest (index/ingest.h): workers that each write shards of
  // their own, so inverting documents runs on every core.
  std::size_t shard_count() const;
  bool HasRemoteShard() const;
  // Commits and closes the shards for writing; until Reacquire(), this
  // writer only reads (IsCurrent, Contains, HasFailure, ShardsHolding),
  // from the last commit, seen anew after Refresh().
  Result<bool> Release();
  Result<bool> Refresh();
  Result<bool> Reacquire();
  // The shards (0-based) whose documents hold `path`.
  Result<std::vector<std::size_t>> ShardsHolding(const std::string& path) const;
  // The shard holding content `sha256`, if it is indexed.
  Result<std::optional<std::size_t>> ShardWith(const std::string& sha256) const;
  // A writer of `shards` of the index at `dir` only, for a worker process of
  // a run whose writer is released. Documents whose id chooses another shard
  // must not come to it; DropPath and the path checks of AddBuilt and AddPath
  // see only its shards; RecordFailure and ClearFailure need shard 0.
  static Result<IndexWriter> OpenPart(const std::string& dir, const std::vector<std::size_t>& shards);
  // Takes `path` from the documents of this writer's shards other than
  // `keep_sha256`, deleting those left with no path. True when one held it.
  Result<bool> DropPath(const std::string& path, const std::string& keep_sha256);

  Result<bool> Commit();

 private:
  struct Impl;
  explicit IndexWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace diar

#endif  // DIAR_INDEX_WRITER_H_
