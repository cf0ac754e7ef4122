// shards: an index kept as several Xapian databases — local folders, or
// databases served by xapian-tcpsrv on other machines — listed in a stub
// database file, so that readers open them as one database (Xapian's own
// scale-out, as Omega's; no home-made distribution layer).
//
// A stub is a text file, one shard a line (blank lines and `#` comments
// skipped), in Xapian's stub syntax, so Xapian's own tools open it too:
//   auto shard-0                 a local database, relative to the stub's folder
//   remote 10.0.0.5:8001         a database served by xapian-tcpsrv
// `tcp HOST PORT` is read as `remote HOST:PORT`. A sharded index folder
// holds its stub as `XAPIANDB` (which Xapian opens when given the folder);
// `--index` may also name a stub file directly.
//
// A new document goes to the shard its id chooses (ShardOf: a stable hash
// of the SHA-256), which is where a remote shard's document is looked for.
// A parallel ingest into local shards puts it in a shard of the worker that
// read it instead (index/ingest_jobs.h), so local shards are all looked in.
// Index-wide metadata (schema, stopwords, failures, synonym table) lives in
// the first shard, which Xapian reads for a combined database's metadata.
//
// Errors are kConfig and name the shard: its line in the stub and its
// address ("shard 2 (remote 127.0.0.1:8002): cannot connect: ...").
#ifndef DIAR_INDEX_SHARDS_H_
#define DIAR_INDEX_SHARDS_H_

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/result.h"

namespace diar {

struct ShardSpec {
  bool remote = false;
  std::string path;  // local: absolute path of the database folder
  std::string host;  // remote
  int port = 0;      // remote
  int number = 0;    // 1-based line order in the stub

  // "shard 2 (remote 127.0.0.1:8002)", for messages.
  std::string Name() const;
  // The stub line for this shard, relative to `stub_dir` when local.
  std::string StubLine(const std::string& stub_dir) const;
};

inline constexpr const char* kStubFile = "XAPIANDB";

// The stub of `index` when it is sharded: `index` itself when it is a file,
// `index`/XAPIANDB when that exists; "" for a plain database folder.
std::string StubOf(const std::string& index);

// Reads a stub; kConfig error naming the file and line of a bad line, or
// when it lists no shard.
Result<std::vector<ShardSpec>> ReadStub(const std::string& stub_path);

// Writes a stub listing `shards` (local paths relative to its folder).
Result<bool> WriteStub(const std::string& stub_path, const std::vector<ShardSpec>& shards);

// The home shard (0-based) of the document with id `sha256` among `shards`.
std::size_t ShardOf(const std::string& sha256, std::size_t shards);

struct ReadOptions {
  // Open the shards that answer and leave out those that do not (listed in
  // `unavailable`), instead of failing.
  bool allow_partial = false;
};

struct ReadableIndex {
  Xapian::Database db;
  bool has_remote = false;               // some shard is remote
  std::vector<std::string> unavailable;  // shards left out (allow_partial)
};

// A kConfig error when this user may not read `index` (a folder, or a
// Xapian stub file listing databases) or may not enter a folder above it: told apart from a missing index,
// which is what Xapian and a failed stat would otherwise make it look like.
// Nothing when `index` can be read or does not exist.
std::optional<Error> UnreadableIndex(const std::string& index);

// Opens `index` — a database folder, a sharded folder or a stub file — for
// reading. kConfig error when there is no index, or a shard cannot be opened
// (unless allow_partial and another shard answers).
Result<ReadableIndex> OpenForReading(const std::string& index, const ReadOptions& options = {});

// Opens one shard for writing (creating a local one when `create`).
Xapian::WritableDatabase OpenShardForWriting(const ShardSpec& shard, bool create);

}  // namespace diar

#endif  // DIAR_INDEX_SHARDS_H_
