#include "index/writer.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <nlohmann/json.hpp>

#include "index/byte_string.h"
#include "index/path_forms.h"
#include "index/record.h"
#include "index/schema.h"
#include "index/shards.h"
#include "index/stopwords.h"
#include "index/synonyms.h"
#include "index/text_terms.h"

namespace diar {
namespace {

namespace fs = std::filesystem;

std::string FailureKey(const std::string& path) {
  std::string key = std::string(schema::kMetaFailure) + path;
  if (key.size() > schema::kMaxTermBytes) {
    key = std::string(schema::kMetaFailure) + "#" + Sha256Hex(path);
  }
  return key;
}

bool IsHex(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  });
}

// The exact path of a failure record (RecordFailure's JSON), if readable.
std::optional<std::string> FailurePath(const std::string& stored) {
  const nlohmann::json j = nlohmann::json::parse(stored, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  if (auto bytes = j.find("path_bytes"); bytes != j.end() && bytes->is_string()) {
    return FromHexBytes(bytes->get<std::string>());
  }
  if (auto path = j.find("path"); path != j.end() && path->is_string()) {
    return path->get<std::string>();
  }
  return std::nullopt;
}

// Xapian's backends mark their folder with one of these files.
bool HoldsXapianDatabase(const fs::path& dir) {
  std::error_code ec;
  for (const char* marker : {"iamglass", "iamchert", "iamhoney"}) {
    if (fs::exists(dir / marker, ec)) return true;
  }
  return false;
}

bool IsShardFolderName(const std::string& name) {
  return name.size() > 6 && name.starts_with("shard-") &&
         std::all_of(name.begin() + 6, name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// True when `dir` holds files that neither diar nor Xapian left there. A
// writer killed while it created the index leaves Xapian's lock and some
// tables but no version file yet: that folder is the index's, to create
// again, not an archivist's folder of other files.
bool HoldsOtherFiles(const fs::path& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    // shard-N: a sharded index killed before it wrote its stub.
    const bool ours = name == "flintlock" || name == schema::kLockOwnerFile ||
                      name.ends_with(".glass") || name.ends_with(".tmp") ||
                      name.rfind("iamglass", 0) == 0 || IsShardFolderName(name);
    if (!ours) return true;
  }
  return false;
}

// Who holds the write lock, from the file the holder wrote; "" if unknown
// or the process is gone.
std::string LockHolder(const fs::path& dir) {
  std::ifstream in(dir / schema::kLockOwnerFile);
  long pid = 0;
  std::string what;
  if (!(in >> pid) || pid <= 0) return "";
  std::getline(in, what);
  if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) return "";
  while (!what.empty() && what.front() == ' ') what.erase(what.begin());
  return "process " + std::to_string(pid) + (what.empty() ? "" : " (" + what + ")");
}

// Can this process create files in `dir`? Xapian needs to, for its lock
// and its tables; as root a read-only mount is the case that remains.
std::string WriteProblem(const fs::path& dir) {
  if (::access(dir.c_str(), W_OK) == 0) return "";
  return std::strerror(errno);
}

}  // namespace

// How many documents Xapian keeps inverted in memory before it writes them
// to the tables (its XAPIAN_FLUSH_THRESHOLD; 10,000 by default). Its
// in-memory maps cost more per document as they fill: writing every 15-40
// documents took about a fifth less of the writer's CPU on two-page
// documents than one write per 600, and about a tenth less on long plans
// (docs/DECISIONS.md). A user's own setting wins.
constexpr const char* kFlushThreshold = "20";

// Xapian reads the variable when a database opens for writing. Set once,
// before the first writer opens, from the thread that opens it.
void SetFlushThreshold() {
  static const bool set = [] {
    ::setenv("XAPIAN_FLUSH_THRESHOLD", kFlushThreshold, /*overwrite=*/0);
    return true;
  }();
  (void)set;
}

// Where a document is: its shard, and its docid there.
struct Location {
  std::size_t shard = 0;
  Xapian::docid id = 0;
};

struct IndexWriter::Impl {
  std::string dir;
  std::vector<ShardSpec> specs;
  // One per shard; the first also holds the index-wide metadata. A part
  // writer (OpenPart) opens only the shards in `owned`; the others stay
  // closed objects it never touches.
  std::vector<Xapian::WritableDatabase> shards;
  std::vector<bool> owned;
  bool part = false;
  // The index folder's diar-writer file, flock()ed for the writer's life:
  // Xapian's own locks go to the workers for a run (Release), and this one
  // keeps a second writer out meanwhile. -1: none (a stub file, a part).
  int run_lock = -1;
  ~Impl() {
    if (run_lock >= 0) ::close(run_lock);
  }
  // Released (Release()): the shards are closed for writing, so ingest
  // workers can hold them, and reads go to `readers`, the last commit.
  bool released = false;
  mutable std::vector<Xapian::Database> readers;

  // `read()`, from the newest commit when the one it read is gone: a run's
  // workers commit while this process reads, and Xapian keeps a revision
  // only until two commits later.
  template <typename Read>
  auto Reading(Read&& read) const {
    for (int attempt = 0;; ++attempt) {
      try {
        return read();
      } catch (const Xapian::DatabaseModifiedError&) {
        if (!released || attempt >= 3) throw;
        for (Xapian::Database& reader : readers) reader.reopen();
      }
    }
  }

  const Xapian::Database& Read(std::size_t s) const {
    if (released) return readers[s];
    if (!owned[s]) throw std::runtime_error(specs[s].Name() + " is not open in this process");
    return shards[s];
  }
  std::vector<std::string> stopwords;
  std::string dictionaries_dir;  // empty: the word-form table stored in the index
  LexiconOptions lexicon_options;
  std::optional<DocumentBuilder> builder;  // made on first need (Builder())
  std::optional<SynonymTable> pending_synonyms;  // a new index's, written by Builder()

  Xapian::WritableDatabase& Writable(std::size_t s) {
    if (released || !owned[s]) {
      throw std::runtime_error(specs[s].Name() + " is not open for writing in this process");
    }
    return shards[s];
  }
  Xapian::WritableDatabase& meta() { return Writable(0); }

  // Spelling counts of the documents added since the last commit, one
  // table per shard, added to Xapian as the batch commits.
  std::vector<SpellingCounts> spelling;
  bool batching = false;  // local shards are inside a transaction

  // Between commits every local shard is inside an unflushed transaction,
  // so Xapian writes its pending postings to the tables every
  // kFlushThreshold documents without committing (and syncing) them:
  // readers and a killed run still see only the last commit. Remote shards
  // commit as before; their server keeps its own threshold.
  void BeginBatch() {
    spelling.resize(shards.size());
    for (std::size_t s = 0; s < shards.size(); ++s) {
      if (owned[s] && !specs[s].remote) shards[s].begin_transaction(/*flushed=*/false);
    }
    batching = true;
  }
  // Commits every shard; with `again`, opens the next batch.
  void CommitBatch(bool again) {
    if (released) return;
    for (std::size_t s = 0; s < shards.size(); ++s) {
      if (!owned[s]) continue;
      if (s < spelling.size()) AddSpelling(shards[s], spelling[s]);
      if (batching && !specs[s].remote) shards[s].commit_transaction();
    }
    batching = false;
    for (std::size_t s = 0; s < shards.size(); ++s) {
      if (owned[s]) shards[s].commit();
    }
    if (again) BeginBatch();
  }

  Error Fault(const std::string& what, const Xapian::Error& e) const {
    return Fault(what, e.get_description());
  }
  // A stored record that does not decode (DecodeRecord's runtime_error):
  // the index is damaged, reported like Xapian's own faults.
  Error Fault(const std::string& what, const std::string& detail) const {
    return ConfigError(dir + ": " + what + ": " + detail +
                       "; the index keeps its last commit (check free disk space, that "
                       "the folder still exists and that every shard is up, then run again)");
  }

  // Deletes the document at `at` and everything it put in the database; its
  // terms and values go with it, its spelling frequencies are taken back here.
  void Delete(const Location& at) {
    // Remote shards keep no spelling data: the protocol serves none to
    // readers (they suggest from term frequencies, remote_reading.h), and
    // cannot give the positions RemoveSpelling would need.
    if (!specs[at.shard].remote) {
      // Counts still pending may include this document's own.
      AddSpelling(Writable(at.shard), spelling[at.shard]);
      RemoveSpelling(Writable(at.shard), at.id);
    }
    Writable(at.shard).delete_document(at.id);
  }

  // The document with content `sha256`. One writer puts new content in its
  // home shard (ShardOf); the workers of a parallel ingest each put it in a
  // shard of their own, so local shards are all looked in, home first.
  // Remote shards only ever get content from one writer: home only.
  std::optional<Location> FindId(const std::string& sha256) const {
    const std::size_t home = ShardOf(sha256, shards.size());
    const std::string term = IdTerm(sha256);
    for (std::size_t k = 0; k < shards.size(); ++k) {
      const std::size_t s = (home + k) % shards.size();
      if ((k > 0 && specs[s].remote) || (!released && !owned[s])) continue;
      const Xapian::Database& db = Read(s);
      Xapian::PostingIterator it = db.postlist_begin(term);
      if (it != db.postlist_end(term)) return Location{s, *it};
    }
    return std::nullopt;
  }

  // Where new content goes: its home shard, or for a part writer the one of
  // its own shards the content chooses.
  std::size_t Target(const std::string& sha256) const {
    if (!part) return ShardOf(sha256, shards.size());
    std::vector<std::size_t> mine;
    for (std::size_t s = 0; s < shards.size(); ++s) {
      if (owned[s]) mine.push_back(s);
    }
    return mine.at(ShardOf(sha256, mine.size()));
  }

  // Every document holding `term`, in every shard this writer can read.
  std::vector<Location> Holders(const std::string& term) const {
    std::vector<Location> found;
    for (std::size_t s = 0; s < shards.size(); ++s) {
      if (!released && !owned[s]) continue;
      const Xapian::Database& db = Read(s);
      for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        found.push_back({s, *it});
      }
    }
    return found;
  }

  StoredDocument Record(const Location& at) const {
    return DecodeRecord(Read(at.shard).get_document(at.id));
  }

  // Takes `path` from the document at `at`, deleting it when no path is
  // left. Returns true when the document was deleted.
  bool DetachFrom(const Location& at, const std::string& path) {
    Xapian::Document doc = Writable(at.shard).get_document(at.id);
    StoredDocument record = DecodeRecord(doc);
    std::erase(record.paths, path);
    if (record.paths.empty()) {
      Delete(at);
      return true;
    }
    doc.remove_term(PathTerm(path));
    SetRecord(record, doc);
    Writable(at.shard).replace_document(at.id, doc);
    return false;
  }

  // Takes `path` from every document except `keep_id`; deletes documents
  // left without a path. Returns true when some document lost the path.
  bool DetachPath(const std::string& path, const std::string& keep_id) {
    bool detached = false;
    for (const Location& at : Holders(PathTerm(path))) {
      if (Record(at).id == keep_id) continue;
      detached = true;
      DetachFrom(at, path);
    }
    return detached;
  }

  bool IsCurrent(const std::string& sha256, const std::string& path) const {
    const std::optional<Location> at = FindId(sha256);
    if (!at) return false;
    const Xapian::Database& db = Read(at->shard);
    // The path's posting list, not the document's term list: a term list
    // is stored compressed, and a long plan's holds thousands of terms,
    // inflated for one lookup (a third of re-ingesting an unchanged folder).
    const std::string term = PathTerm(path);
    Xapian::PostingIterator it = db.postlist_begin(term);
    it.skip_to(at->id);
    return it != db.postlist_end(term) && *it == at->id;
  }

  AddOutcome AddPath(const std::string& sha256, const std::string& path) {
    if (IsCurrent(sha256, path)) return AddOutcome::kUnchanged;
    const bool replaced = DetachPath(path, sha256);
    const Location at = *FindId(sha256);
    Xapian::Document doc = Writable(at.shard).get_document(at.id);
    StoredDocument record = DecodeRecord(doc);
    record.paths.push_back(path);
    doc.add_boolean_term(PathTerm(path));
    SetRecord(record, doc);
    Writable(at.shard).replace_document(at.id, doc);
    return replaced ? AddOutcome::kReplaced : AddOutcome::kPathAdded;
  }

  AddOutcome AddBuilt(const std::string& sha256, const Xapian::Document& built,
                      const std::string& path) {
    if (FindId(sha256)) return AddPath(sha256, path);
    const bool replaced = DetachPath(path, sha256);
    const std::size_t target = Target(sha256);
    Xapian::WritableDatabase& shard = Writable(target);
    if (!specs[target].remote) CountSpelling(built, spelling[target]);
    shard.replace_document(IdTerm(sha256), built);
    return replaced ? AddOutcome::kReplaced : AddOutcome::kAdded;
  }

  AddOutcome ReplaceBuilt(const std::string& sha256, const Xapian::Document& built,
                          const std::string& path) {
    const std::optional<Location> at = FindId(sha256);
    if (!at) return AddBuilt(sha256, built, path);
    std::vector<std::string> paths = Record(*at).paths;
    if (std::find(paths.begin(), paths.end(), path) == paths.end()) paths.push_back(path);
    Delete(*at);
    AddBuilt(sha256, built, path);
    // The other paths back, in their old order: the first is the one
    // results show.
    const Location now = *FindId(sha256);
    Xapian::Document doc = Writable(now.shard).get_document(now.id);
    StoredDocument record = DecodeRecord(doc);
    for (const std::string& p : paths) doc.add_boolean_term(PathTerm(p));
    record.paths = std::move(paths);
    SetRecord(record, doc);
    Writable(now.shard).replace_document(now.id, doc);
    return AddOutcome::kReplaced;
  }
};

IndexWriter::IndexWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
IndexWriter::IndexWriter(IndexWriter&&) noexcept = default;
IndexWriter& IndexWriter::operator=(IndexWriter&&) noexcept = default;
IndexWriter::~IndexWriter() {
  if (!impl_) return;
  try {
    impl_->CommitBatch(/*again=*/false);
  } catch (const Xapian::Error&) {
    // A destructor cannot report; callers who care call Commit().
  }
  if (impl_->part) return;  // the lock owner file is the whole run's
  std::error_code ec;
  if (fs::is_directory(impl_->dir, ec)) fs::remove(fs::path(impl_->dir) / schema::kLockOwnerFile, ec);
}

namespace {

// The shards `dir` is, or will be once created: a sharded index's stub, a
// new index of options.shards (or new_shards) local shards, or one database.
Result<std::vector<ShardSpec>> PlanShards(const std::string& dir, const WriterOptions& options) {
  const fs::path folder(dir);
  std::error_code ec;
  if (const std::string stub = StubOf(dir); !stub.empty()) {
    Result<std::vector<ShardSpec>> shards = ReadStub(stub);
    if (!shards) return shards.error();
    if (options.shards > 0 && static_cast<std::size_t>(options.shards) != shards->size()) {
      return ConfigError(dir + ": index has " + std::to_string(shards->size()) + " shards, not " +
                         std::to_string(options.shards) + "; drop --shards, or ingest into a new --index folder");
    }
    return shards;
  }
  const bool exists = fs::exists(folder, ec);
  if (exists && !fs::is_directory(folder, ec)) {
    return ConfigError(dir + ": not a folder or a stub file; give --index a folder for the index");
  }
  const bool has_database = HoldsXapianDatabase(folder);
  if (!has_database) {
    if (!options.create) {
      if (std::optional<Error> unreadable = UnreadableIndex(dir)) return *unreadable;
      return ConfigError(dir + ": no diar index here; check --index (or DIAR_INDEX), or "
                               "ingest files first with diar ingest");
    }
    if (exists && HoldsOtherFiles(folder)) {
      return ConfigError(dir + ": folder holds other files and no index; give --index an "
                               "empty or new folder");
    }
  } else if (options.shards > 1) {
    return ConfigError(dir + ": index is one database and cannot be split into shards; ingest "
                             "with --shards into a new --index folder");
  }
  const int count = has_database ? 1 : options.shards > 0 ? options.shards : options.new_shards;
  std::vector<ShardSpec> shards;
  if (count > 1) {
    for (int i = 0; i < count; ++i) {
      ShardSpec shard;
      shard.number = i + 1;
      shard.path = (fs::absolute(folder) / ("shard-" + std::to_string(i))).string();
      shards.push_back(shard);
    }
  } else {
    ShardSpec one;
    one.number = 1;
    one.path = dir;
    shards.push_back(one);
  }
  return shards;
}

}  // namespace

std::string DefaultCacheDir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg != '\0') {
    return std::string(xdg) + "/diar";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::string(home) + "/.cache/diar";
  }
  return "";
}

Result<IndexWriter> IndexWriter::Open(const std::string& dir, const WriterOptions& options) {
  // Dictionaries first: a bad file is a configuration error before the
  // database is touched.
  std::optional<std::vector<std::string>> stopwords;
  std::optional<SynonymTable> synonyms;
  if (!options.dictionaries_dir.empty()) {
    Result<std::vector<std::string>> words =
        LoadStopwords(options.dictionaries_dir + "/" + kStopwordFile);
    if (!words) return words.error();
    stopwords = std::move(words).value();
    Result<SynonymTable> table = LoadBodySynonyms(options.dictionaries_dir);
    if (!table) return table.error();
    synonyms = std::move(table).value();
  }
  Result<std::vector<ShardSpec>> specs = PlanShards(dir, options);
  if (!specs) return specs.error();
  const fs::path folder(dir);
  std::error_code ec;
  const bool is_folder = StubOf(dir) != dir;  // a stub file names no folder of ours
  if (is_folder) {
    fs::create_directories(folder, ec);
    if (ec) {
      return ConfigError(dir + ": cannot create the index folder: " + ec.message() +
                         "; check the path and its permissions");
    }
    if (std::string problem = WriteProblem(folder); !problem.empty()) {
      return ConfigError(dir + ": index is read-only here (" + problem +
                         "); ingest needs write access to the folder");
    }
  }
  SetFlushThreshold();
  auto impl = std::make_unique<Impl>();
  impl->dir = dir;
  impl->specs = *specs;
  impl->owned.assign(specs->size(), true);
  if (is_folder) {
    const std::string lock_path = (folder / schema::kLockOwnerFile).string();
    impl->run_lock = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (impl->run_lock < 0) {
      return ConfigError(dir + ": cannot create " + lock_path + ": " + std::strerror(errno) +
                         "; ingest needs write access to the index folder");
    }
    if (::flock(impl->run_lock, LOCK_EX | LOCK_NB) != 0) {
      const std::string holder = LockHolder(folder);
      return ConfigError(dir + ": index is being written by " +
                         (holder.empty() ? std::string("another process") : holder) +
                         "; wait for it to finish (or stop it) and run again");
    }
  }
  for (const ShardSpec& spec : *specs) {
    try {
      impl->shards.push_back(OpenShardForWriting(spec, options.create));
    } catch (const Xapian::DatabaseLockError& e) {
      if (std::string problem = WriteProblem(spec.remote ? folder : fs::path(spec.path));
          !spec.remote && !problem.empty()) {
        return ConfigError(dir + ": index is read-only here (" + problem + ")");
      }
      const std::string holder = is_folder ? LockHolder(folder) : "";
      return ConfigError(dir + ": index is being written by " +
                         (holder.empty() ? std::string("another process") : holder) +
                         (specs->size() > 1 ? " (" + spec.Name() + " is locked)" : "") +
                         "; wait for it to finish (or stop it) and run again");
    } catch (const Xapian::DatabaseCorruptError& e) {
      return ConfigError(dir + ": " + (specs->size() > 1 ? spec.Name() + " is" : "index is") +
                         " damaged: " + e.get_description() +
                         "; restore it from a backup, or ingest into a new --index folder");
    } catch (const Xapian::Error& e) {
      return ConfigError(dir + ": cannot open " +
                         (specs->size() > 1 ? spec.Name() : std::string("index")) +
                         " for writing: " + e.get_description());
    }
  }
  try {
    if (impl->run_lock >= 0) {
      const std::string owner = std::to_string(::getpid()) + " " + options.holder + "\n";
      if (::ftruncate(impl->run_lock, 0) != 0 ||
          ::pwrite(impl->run_lock, owner.data(), owner.size(), 0) != static_cast<ssize_t>(owner.size())) {
        return ConfigError(dir + ": cannot write " + std::string(schema::kLockOwnerFile) + ": " +
                           std::strerror(errno));
      }
    }
    if (specs->size() > 1 && StubOf(dir).empty()) {
      Result<bool> written = WriteStub((folder / kStubFile).string(), *specs);
      if (!written) return written.error();
    }
    Xapian::WritableDatabase& meta = impl->meta();
    const std::string version = meta.get_metadata(std::string(schema::kMetaSchema));
    const std::string ours = std::to_string(schema::kSchemaVersion);
    if (version.empty()) {
      meta.set_metadata(std::string(schema::kMetaSchema), ours);
    } else if (version != ours) {
      return ConfigError(dir + ": index has schema version " + version +
                         " but this diar writes version " + ours +
                         "; ingest into a new --index directory");
    }
    const std::string meta_stopwords(schema::kMetaStopwords);
    if (stopwords) {
      const std::string joined = JoinStopwords(*stopwords);
      if (meta.get_metadata(meta_stopwords) != joined) meta.set_metadata(meta_stopwords, joined);
    } else {
      stopwords = SplitStopwords(meta.get_metadata(meta_stopwords));
    }
    impl->stopwords = std::move(*stopwords);
    impl->dictionaries_dir = options.dictionaries_dir;
    impl->lexicon_options = {.cache_dir = options.cache_dir, .logger = options.logger};
    // A new index takes the synonym table with its first document
    // (Builder()): writing it is a twentieth of a second that an ingest
    // then spends beside loading the pipeline, not before it.
    if (synonyms && version.empty()) {
      impl->pending_synonyms = std::move(synonyms);
    } else if (synonyms) {
      WriteSynonyms(meta, *synonyms, /*native=*/!specs->front().remote);
    }
    impl->BeginBatch();
    return IndexWriter(std::move(impl));
  } catch (const Xapian::Error& e) {
    return ConfigError(dir + ": cannot set up the index: " + e.get_description());
  }
}

const std::string& IndexWriter::dir() const { return impl_->dir; }
Result<const DocumentBuilder*> IndexWriter::Builder() {
  if (impl_->builder) return &*impl_->builder;
  // The word-form table is most of a second to read: a run with nothing to
  // build (an unchanged re-ingest, a remove) never reads it. It is stored
  // with the first document built by it, so index and readers agree.
  const std::string meta_lexicon(schema::kMetaLexicon);
  std::shared_ptr<const Lexicon> lexicon;
  try {
    Xapian::WritableDatabase& meta = impl_->meta();
    if (impl_->pending_synonyms) {
      WriteSynonyms(meta, *impl_->pending_synonyms, /*native=*/!impl_->specs.front().remote);
      impl_->pending_synonyms.reset();
    }
    if (!impl_->dictionaries_dir.empty()) {
      Result<std::shared_ptr<const Lexicon>> loaded =
          Lexicon::Load(impl_->dictionaries_dir, impl_->lexicon_options);
      if (!loaded) return loaded.error();
      lexicon = std::move(loaded).value();
      if (meta.get_metadata(meta_lexicon) != lexicon->Stored()) {
        meta.set_metadata(meta_lexicon, std::string(lexicon->Stored()));
      }
    } else {
      Result<std::shared_ptr<const Lexicon>> stored =
          Lexicon::FromStored(meta.get_metadata(meta_lexicon));
      if (!stored) return ConfigError(impl_->dir + ": " + stored.error().message);
      lexicon = std::move(stored).value();
    }
  } catch (const Xapian::Error& e) {
    return impl_->Fault("cannot store the word-form table", e);
  }
  impl_->builder.emplace(impl_->stopwords, std::move(lexicon));
  return &*impl_->builder;
}

Result<bool> IndexWriter::Contains(const std::string& sha256) const {
  try {
    return impl_->Reading([&] { return impl_->FindId(sha256).has_value(); });
  } catch (const Xapian::Error& e) {
    return impl_->Fault("cannot read", e);
  } catch (const std::runtime_error& e) {
    return impl_->Fault("cannot read", e.what());
  }
}

Result<bool> IndexWriter::IsCurrent(const std::string& sha256, const std::string& path) const {
  try {
    return impl_->Reading([&] { return impl_->IsCurrent(sha256, path); });
  } catch (const Xapian::Error& e) {
    return impl_->Fault("cannot read", e);
  } catch (const std::runtime_error& e) {
    return impl_->Fault("cannot read", e.what());
  }
}

Result<AddOutcome> IndexWriter::AddPath(const std::string& sha256, const std::string& path) {
  try {
    return impl_->AddPath(sha256, path);
  } catch (const Xapian::Error& e) {
    return impl_->Fault("cannot add " + path, e);
  } catch (const std::runtime_error& e) {
    return impl_->Fault("cannot add " + path, e.what());
  }
}

Result<AddOutcome> IndexWriter::Add(const ProcessedDocument& document, const std::string& path) {
  Result<const DocumentBuilder*> builder = Builder();
  if (!builder) return builder.error();
  Xapian::Document built;
  try {
    built = (*builder)->Build(document, path);
  } catch (const Xapian::Error& e) {
    return InputError(path + ": cannot build its index entry: " + e.get_description());
  }
  return AddBuilt(document.source.sha256, built, path);
}

Result<AddOutcome> IndexWriter::AddBuilt(const std::string& sha256, const Xapian::Document& built,
                                         const std::string& path) {
  try {
    return impl_->AddBuilt(sha256, built, path);
  } catch (const Xapian::Error& e) {
    return impl_->Fault("cannot add " + path, e);
  } catch (const std::runtime_error& e) {
    return impl_->Fault("cannot add " + path, e.what());
  }
}

Result<AddOutcome> IndexWriter::ReplaceBuilt(const std::string& sha256, const Xapian::Document& built,
                                             const std::string& path) {
  try {
    return impl_->ReplaceBuilt(sha256, built, path);
  } catch (const Xapian::Error& e) {
    return impl_->Fault("cannot add " + path, e);
  } catch (const std::runtime_error& e) {
    return impl_->Fault("cannot add " + path, e.what());
  }
}

Result<RemoveOutcome> IndexWriter::Remove(const std::string& id_or_path) {
  try {
    RemoveOutcome outcome;
    for (const std::string& path : PathForms(id_or_path)) {
      for (const Location& at : impl_->Holders(PathTerm(path))) {
        const std::string doc_id = impl_->Record(at).id;
        if (impl_->DetachFrom(at, path)) {
          outcome.removed_ids.push_back(doc_id);
        } else {
          outcome.detached_paths.push_back(path);
        }
      }
    }
    if (!outcome.removed_ids.empty() || !outcome.detached_paths.empty()) return outcome;
    if (id_or_path.size() < 8 || !IsHex(id_or_path)) {
      return InputError(id_or_path + ": no indexed path or document id matches; see diar "
                                     "search or diar status for what is indexed");
    }
    std::string lower = id_or_path;
    std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
    std::vector<Location> ids;
    std::vector<std::string> names;
    const std::string prefix = IdTerm(lower);
    for (const Xapian::WritableDatabase& shard : impl_->shards) {
      for (auto t = shard.allterms_begin(prefix); t != shard.allterms_end(prefix); ++t) {
        for (const Location& at : impl_->Holders(*t)) {
          ids.push_back(at);
          names.push_back((*t).substr(schema::kId.size()));
        }
      }
    }
    // A term seen in every shard's list is one document: keep it once.
    for (std::size_t i = 1; i < names.size();) {
      if (std::find(names.begin(), names.begin() + i, names[i]) != names.begin() + i) {
        names.erase(names.begin() + i);
        ids.erase(ids.begin() + i);
      } else {
        ++i;
      }
    }
    if (ids.empty()) {
      return InputError(id_or_path + ": no indexed path or document id matches; see diar "
                                     "search or diar status for what is indexed");
    }
    if (ids.size() > 1) {
      std::string list;
      for (const std::string& n : names) list += "\n  " + n;
      return InputError(id_or_path + ": ambiguous id prefix, it matches " +
                        std::to_string(ids.size()) + " documents; give more digits:" + list);
    }
    impl_->Delete(ids[0]);
    outcome.removed_ids.push_back(names[0]);
    return outcome;
  } catch (const Xapian::Error& e) {
    return impl_->Fault("cannot remove " + id_or_path, e);
  } catch (const std::runtime_error& e) {
    return impl_->Fault("cannot remove " + id_or_path, e.what());
  }
}

Result<std::vector<std::string>> IndexWriter::Prune() {
  try {
    std::vector<std::string> dropped;
    std::vector<Location> all = impl_->Holders("");
    for (const Location& at : all) {
      Xapian::WritableDatabase& shard = impl_->Writable(at.shard);
      Xapian::Document doc = shard.get_document(at.id);
      StoredDocument record = DecodeRecord(doc);
      std::vector<std::string> kept;
      for (const std::string& path : record.paths) {
        std::error_code ec;
        if (fs::exists(path, ec) || ec) {
          kept.push_back(path);  // an error is no proof the file is gone
        } else {
          dropped.push_back(path);
          doc.remove_term(PathTerm(path));
        }
      }
      if (kept.size() == record.paths.size()) continue;
      if (kept.empty()) {
        impl_->Delete(at);
      } else {
        record.paths = kept;
        SetRecord(record, doc);
        shard.replace_document(at.id, doc);
      }
    }
    const std::string prefix(schema::kMetaFailure);
    std::vector<std::string> gone;
    for (auto k = impl_->meta().metadata_keys_begin(prefix); k != impl_->meta().metadata_keys_end(prefix);
         ++k) {
      const std::string stored = impl_->meta().get_metadata(*k);
      if (stored.empty()) continue;
      // The key holds the path's exact bytes, unless it was too long for a
      // key; then the record's copy.
      std::string path = (*k).substr(prefix.size());
      if (path.starts_with("#")) {
        std::optional<std::string> exact = FailurePath(stored);
        if (!exact) continue;
        path = std::move(*exact);
      }
      std::error_code ec;
      if (!fs::exists(path, ec) && !ec) gone.push_back(*k);
    }
    for (const std::string& key : gone) impl_->meta().set_metadata(key, "");
    return dropped;
  } catch (const Xapian::Error& e) {
    return impl_->Fault("cannot prune", e);
  } catch (const std::runtime_error& e) {
    return impl_->Fault("cannot prune", e.what());
  }
}

Result<bool> IndexWriter::RecordFailure(const std::string& path, const std::string& reason) {
  // Paths and reasons are bytes from the file system and may not be UTF-8:
  // shown escaped, with the path's exact bytes beside them (as records keep
  // paths, index/record.h), rather than lose the record.
  nlohmann::json j = {{"path", Escaped(path)}, {"reason", Escaped(reason)},
                      {"time", static_cast<long long>(std::time(nullptr))}};
  if (!IsUtf8(path)) j["path_bytes"] = HexBytes(path);
  try {
    impl_->meta().set_metadata(FailureKey(path), j.dump());
    return true;
  } catch (const Xapian::Error& e) {
    return impl_->Fault("cannot record the failure of " + path, e);
  } catch (const std::runtime_error& e) {
    return impl_->Fault("cannot record the failure of " + path, e.what());
  }
}

Result<bool> IndexWriter::ClearFailure(const std::string& path) {
  try {
    // Most files never failed: a read costs less than a write to the table.
    const std::string key = FailureKey(path);
    if (!impl_->meta().get_metadata(key).empty()) impl_->meta().set_metadata(key, "");
    return true;
  } catch (const Xapian::Error& e) {
    return impl_->Fault("cannot update", e);
  } catch (const std::runtime_error& e) {
    return impl_->Fault("cannot update", e.what());
  }
}

Result<bool> IndexWriter::HasFailure(const std::string& path) const {
  try {
    return impl_->Reading([&] { return !impl_->Read(0).get_metadata(FailureKey(path)).empty(); });
  } catch (const Xapian::Error& e) {
    return impl_->Fault("cannot read", e);
  } catch (const std::runtime_error& e) {
    return impl_->Fault("cannot read", e.what());
  }
}

Result<bool> IndexWriter::IsEmpty() const {
  try {
    return impl_->Reading([&] {
      for (std::size_t s = 0; s < impl_->shards.size(); ++s) {
        if (!impl_->released && !impl_->owned[s]) continue;
        if (impl_->Read(s).get_doccount() > 0) return false;
      }
      const Xapian::Database& meta = impl_->Read(0);
      const std::string prefix(schema::kMetaFailure);
      return meta.metadata_keys_begin(prefix) == meta.metadata_keys_end(prefix);
    });
  } catch (const Xapian::Error& e) {
    return impl_->Fault("cannot read", e);
  } catch (const std::runtime_error& e) {
    return impl_->Fault("cannot read", e.what());
  }
}

Result<bool> IndexWriter::DropPath(const std::string& path, const std::string& keep_sha256) {
  try {
    return impl_->DetachPath(path, keep_sha256);
  } catch (const Xapian::Error& e) {
    return impl_->Fault("cannot update " + path, e);
  } catch (const std::runtime_error& e) {
    return impl_->Fault("cannot update " + path, e.what());
  }
}

Result<std::optional<std::size_t>> IndexWriter::ShardWith(const std::string& sha256) const {
  try {
    const std::optional<Location> at = impl_->Reading([&] { return impl_->FindId(sha256); });
    if (!at) return std::optional<std::size_t>();
    return std::optional<std::size_t>(at->shard);
  } catch (const Xapian::Error& e) {
    return impl_->Fault("cannot read", e);
  } catch (const std::runtime_error& e) {
    return impl_->Fault("cannot read", e.what());
  }
}

std::size_t IndexWriter::shard_count() const { return impl_->specs.size(); }

bool IndexWriter::HasRemoteShard() const {
  return std::any_of(impl_->specs.begin(), impl_->specs.end(),
                     [](const ShardSpec& spec) { return spec.remote; });
}

Result<std::vector<std::size_t>> IndexWriter::ShardsHolding(const std::string& path) const {
  try {
    return impl_->Reading([&] {
      std::vector<std::size_t> found;
      for (const Location& at : impl_->Holders(PathTerm(path))) {
        if (found.empty() || found.back() != at.shard) found.push_back(at.shard);
      }
      return found;
    });
  } catch (const Xapian::Error& e) {
    return impl_->Fault("cannot read", e);
  } catch (const std::runtime_error& e) {
    return impl_->Fault("cannot read", e.what());
  }
}

Result<bool> IndexWriter::Release() {
  if (impl_->released) return true;
  try {
    impl_->CommitBatch(/*again=*/false);
    impl_->readers.clear();
    for (std::size_t s = 0; s < impl_->shards.size(); ++s) {
      impl_->shards[s].close();
      impl_->readers.emplace_back(impl_->specs[s].path);
    }
    impl_->released = true;
    return true;
  } catch (const Xapian::Error& e) {
    return impl_->Fault("cannot hand the shards to the workers", e);
  }
}

Result<bool> IndexWriter::Refresh() {
  if (!impl_->released) return true;
  try {
    for (Xapian::Database& reader : impl_->readers) reader.reopen();
    return true;
  } catch (const Xapian::Error& e) {
    return impl_->Fault("cannot read the workers' commits", e);
  }
}

Result<bool> IndexWriter::Reacquire() {
  if (!impl_->released) return true;
  try {
    impl_->readers.clear();
    for (std::size_t s = 0; s < impl_->shards.size(); ++s) {
      // DB_RETRY_LOCK: a worker's lock goes with its process, which the
      // pool has just reaped.
      impl_->shards[s] =
          Xapian::WritableDatabase(impl_->specs[s].path, Xapian::DB_OPEN | Xapian::DB_RETRY_LOCK);
    }
    impl_->released = false;
    impl_->BeginBatch();
    return true;
  } catch (const Xapian::Error& e) {
    return impl_->Fault("cannot take the shards back from the workers", e);
  }
}

Result<IndexWriter> IndexWriter::OpenPart(const std::string& dir,
                                          const std::vector<std::size_t>& shards) {
  WriterOptions options;
  options.create = false;
  Result<std::vector<ShardSpec>> specs = PlanShards(dir, options);
  if (!specs) return specs.error();
  SetFlushThreshold();
  auto impl = std::make_unique<Impl>();
  impl->dir = dir;
  impl->specs = *specs;
  impl->part = true;
  impl->owned.assign(specs->size(), false);
  impl->shards.resize(specs->size());
  try {
    for (std::size_t s : shards) {
      if (s >= specs->size() || (*specs)[s].remote) {
        return ConfigError(dir + ": no local shard " + std::to_string(s + 1) + " to write");
      }
      impl->shards[s] =
          Xapian::WritableDatabase((*specs)[s].path, Xapian::DB_OPEN | Xapian::DB_RETRY_LOCK);
      impl->owned[s] = true;
    }
    impl->BeginBatch();
  } catch (const Xapian::Error& e) {
    return ConfigError(dir + ": cannot open a shard for writing: " + e.get_description());
  }
  return IndexWriter(std::move(impl));
}

Result<bool> IndexWriter::Commit() {
  try {
    // Each shard commits atomically; a run stopped between two shards'
    // commits is completed by the same command (documents are idempotent).
    impl_->CommitBatch(/*again=*/true);
    return true;
  } catch (const Xapian::Error& e) {
    return impl_->Fault("cannot commit", e);
  } catch (const std::runtime_error& e) {
    return impl_->Fault("cannot commit", e.what());
  }
}

}  // namespace diar
