#include "index/ingest.h"

#include <xapian.h>

#include <algorithm>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "index/ingest_jobs.h"
#include "index/inputs.h"
#include "index/worker_pool.h"

namespace diar {
namespace {

using Clock = std::chrono::steady_clock;

// A worker's error message, naming the file if it does not already.
std::string NamingFile(const std::string& path, const std::string& message) {
  return message.rfind(path, 0) == 0 ? message : path + ": " + message;
}

FileOutcome FileOutcomeOf(AddOutcome added) {
  switch (added) {
    case AddOutcome::kAdded: return FileOutcome::kAdded;
    case AddOutcome::kReplaced: return FileOutcome::kReplaced;
    case AddOutcome::kPathAdded: return FileOutcome::kPathAdded;
    case AddOutcome::kUnchanged: return FileOutcome::kUnchanged;
  }
  return FileOutcome::kAdded;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

// One input on its way to the index.
struct Settled {
  FileReport report;
  std::string sha;          // content hash, when known
  std::string document;     // serialised Xapian document, when processed
  bool known_content = false;  // the index (or an earlier input) has these bytes
  bool detached_elsewhere = false;  // its path leaves a document in another worker's shard
  // What the index's last commit says (LookUp): the shard holding this
  // content, and the shards holding this path.
  bool looked_up = false;
  std::optional<std::size_t> home;
  std::vector<std::size_t> holding;
};

// A job for the worker that writes some shards (ingest_jobs.h), kept until
// that worker commits: a worker that dies loses what it did since its last
// commit, and does it again.
struct PendingJob {
  ShardJob job;
  std::size_t input = 0;  // the input it settles, for kAdd and kAddPath
  bool settles = false;   // its result settles `input`
  bool redo = false;      // done once already, lost with its worker
  int tries = 0;
};

class Run {
 public:
  Run(const PipelineOptions& pipeline, IndexWriter& writer, const IngestOptions& options,
      IngestObserver& observer)
      : pipeline_options_(pipeline), writer_(writer), options_(options), observer_(observer) {}

  IngestReport Go() {
    Inputs inputs = CollectInputs(options_.paths);
    inputs_ = std::move(inputs.files);
    report_.unsupported = std::move(inputs.unsupported);
    report_.files = inputs_.size();
    progress_.files_total = inputs_.size();
    for (const Input& in : inputs_) progress_.bytes_total += in.bytes;
    started_ = last_commit_ = last_tick_ = Clock::now();
    jobs_ = std::max(1, options_.jobs);
    // A worker per shard set when every worker can have shards of its own.
    sharded_ = !writer_.HasRemoteShard() && writer_.shard_count() >= static_cast<std::size_t>(jobs_);
    if (sharded_) {
      Result<bool> empty = writer_.IsEmpty();
      if (!empty) Fatal(empty.error());
      fresh_ = empty && *empty;
    }

    // One writer: documents wait in memory for their turn, so look only a
    // few files ahead. Writers per worker: only the report waits, and
    // looking further keeps every worker's queue fed.
    const std::size_t window = static_cast<std::size_t>(jobs_) * (sharded_ ? 32 : 4);
    while (next_write_ < inputs_.size() && !report_.fatal) {
      if (Stopping()) break;
      while (next_dispatch_ < inputs_.size() && next_dispatch_ < next_write_ + window &&
             !report_.fatal && !Stopping()) {
        if (!Dispatch(next_dispatch_)) break;  // every worker busy
        ++next_dispatch_;
      }
      Pump();
      WriteReady(/*skip_gaps=*/false);
      if (report_.fatal || next_write_ >= inputs_.size()) break;
      if (in_flight_ > 0) Collect(std::chrono::milliseconds(250));
      Tick();
      if (changed_since_commit_ > 0 && Clock::now() - last_commit_ >= options_.commit_interval) {
        Commit();
      }
    }
    if (Stopping() && next_write_ < inputs_.size()) {
      report_.interrupted = true;
      if (released_) {
        // Files in flight finish (each within --timeout) and are kept;
        // those still queued are redone by the next run.
        DropQueuedFiles();
        if (waiting_.size() > 0) observer_.OnStopping(waiting_.size());
        while (in_flight_ > 0) Collect(std::chrono::milliseconds(250));
      }
      WriteReady(/*skip_gaps=*/true);
    }
    if (released_) Finish();
    if (pool_) pool_->Stop();
    if (!report_.fatal && options_.prune && !report_.interrupted) Prune();
    if (!report_.fatal) Commit();
    return report_;
  }

 private:
  bool Stopping() const { return options_.stop != nullptr && options_.stop->load(); }

  void Fail(Settled& s, std::string reason) {
    s.report.outcome = FileOutcome::kFailed;
    s.report.reason = std::move(reason);
  }

  // Settles input `i` now, or hands it to a worker. False when it needs a
  // worker and none is idle (it is held, hashed, for the next call).
  bool Dispatch(std::size_t i) {
    Settled s;
    if (held_ && held_->report.index == i) {
      s = std::move(*held_);
      held_.reset();
    } else if (!Settle(i, s) && !(sharded_ && s.known_content)) {
      // (With writers per worker, a path added is a job for the worker
      // whose shard holds the content.)
      ready_[i] = std::move(s);
      return true;
    }
    if (!pool_ && !StartPool()) {
      held_ = std::move(s);  // the run stops (fatal); the file is not settled
      return false;
    }
    if (sharded_) {
      Queue(i, std::move(s));
      return true;
    }
    if (!pool_->HasIdle()) {
      held_ = std::move(s);
      return false;
    }
    pool_->Submit(i, s.report.path);
    in_flight_shas_.insert(s.sha);
    waiting_[i] = std::move(s);
    ++in_flight_;
    return true;
  }

  // Decides input `i` without the pipeline when it can: a reason it cannot
  // be read, bytes already indexed. True when it needs a worker.
  bool Settle(std::size_t i, Settled& s) {
    const Input& input = inputs_[i];
    s.report.index = i;
    s.report.path = input.path;
    if (!input.error.empty()) {
      Fail(s, input.error);
      return false;
    }
    Result<std::string> sha = HashFile(input.path);
    if (!sha) {
      Fail(s, sha.error().message);
      return false;
    }
    s.sha = *sha;
    if (options_.reindex) {
      // Each content once a run: a second path of it is a path added.
      if (!reindexed_shas_.insert(s.sha).second) {
        s.known_content = true;
        s.report.outcome = FileOutcome::kPathAdded;
        return false;
      }
      return true;
    }
    if (fresh_) {
      s.looked_up = true;  // nothing to find
    } else {
      Result<bool> current = writer_.IsCurrent(s.sha, input.path);
      if (!current) return Fatal(current.error()), false;
      if (!LookUp(s)) return false;
      if (*current && s.holding.size() == 1) {
        // (A path in two documents is what a run killed between two shards'
        // commits can leave; reading the file again mends it.)
        s.report.outcome = FileOutcome::kUnchanged;
        return false;
      }
    }
    if (s.home || in_flight_shas_.contains(s.sha)) {
      s.known_content = true;
      s.report.outcome = FileOutcome::kPathAdded;
      return false;
    }
    return true;
  }

  // Fills s.home and s.holding from the index; false (fatal) when it
  // cannot be read.
  bool LookUp(Settled& s) {
    Result<std::optional<std::size_t>> home = writer_.ShardWith(s.sha);
    if (!home) return Fatal(home.error()), false;
    Result<std::vector<std::size_t>> holding = writer_.ShardsHolding(s.report.path);
    if (!holding) return Fatal(holding.error()), false;
    s.home = *home;
    s.holding = std::move(holding).value();
    s.looked_up = true;
    return true;
  }

  // Loads what building documents needs when the first file needs it, so a
  // run of unchanged files loads nothing, each part on a thread of its own
  // (each takes a tenth or two of a second of one core): the pipeline on
  // this thread (its OCR engine is this thread's), the writer's word-form
  // table, and the hunspell dictionary the workers would otherwise each read
  // at their first hyphen. All before the workers fork, so they share them.
  bool Prepare() {
    std::optional<Result<const DocumentBuilder*>> builder;
    // jthreads: joined on every way out of this function, an exception included.
    std::jthread table([this, &builder] {
      try {
        builder.emplace(writer_.Builder());
      } catch (const std::exception& e) {
        builder.emplace(ConfigError(writer_.dir() + ": cannot load the word-form table: " +
                                    e.what()));
      }
    });
    std::jthread hunspell([this] {
      try {
        Pipeline::Prepare(pipeline_options_);
      } catch (const std::exception&) {
        // Only a head start: a worker loads the dictionary at its first hyphen.
      }
    });
    Result<Pipeline> pipeline = Pipeline::Load(pipeline_options_);
    table.join();
    hunspell.join();
    if (!pipeline) return Fatal(pipeline.error()), false;
    if (!*builder) return Fatal(builder->error()), false;
    pipeline_.emplace(std::move(pipeline).value());
    builder_ = **builder;
    return true;
  }

  bool StartPool() {
    if (!Prepare()) return false;
    const Pipeline& pipeline = *pipeline_;
    const DocumentBuilder& builder = *builder_;
    const WorkerLimits limits{.timeout = options_.timeout, .memory_mb = options_.memory_mb};
    if (!sharded_) {
      pool_ = std::make_unique<WorkerPool>(
          jobs_,
          [&pipeline, &builder](const std::string& path) { return BuildJob(pipeline, builder, path); },
          limits);
      return true;
    }
    // The workers take the shards over: what this process did so far is
    // committed, and from now on it only reads.
    Result<bool> released = writer_.Release();
    if (!released) return Fatal(released.error()), false;
    released_ = true;
    auto worker = std::make_shared<ShardWorker>(writer_.dir(), pipeline, builder);
    pool_ = std::make_unique<WorkerPool>(
        jobs_, [worker](const std::string& job) { return worker->Run(job); }, limits);
    queues_.assign(static_cast<std::size_t>(jobs_), {});
    uncommitted_.assign(static_cast<std::size_t>(jobs_), {});
    requeued_.assign(static_cast<std::size_t>(jobs_), 0);
    return true;
  }

  // --- Writers per worker.

  ShardJob Job(ShardJob::Kind kind, std::size_t shard) const {
    ShardJob job;
    job.kind = kind;
    job.slot = SlotOfShard(shard, jobs_);
    job.slots = jobs_;
    job.shard_count = writer_.shard_count();
    return job;
  }

  // Keeps `pending` under a new id, in no queue yet.
  std::size_t Store(PendingJob pending) {
    const std::size_t id = next_job_++;
    jobs_pending_[id] = std::move(pending);
    return id;
  }
  // A job for worker `pending.job.slot`, after those it has already.
  void Enqueue(PendingJob pending) {
    const auto slot = static_cast<std::size_t>(pending.job.slot);
    queues_[slot].push_back(Store(std::move(pending)));
  }

  // New content goes to the first worker free (free_), which adds it to a
  // shard of its own, so files of any size spread over the workers as they
  // finish. What touches a document already placed goes to the worker that
  // writes its shard, after what that worker has already: a path added to
  // content read earlier in this run waits until a worker takes that
  // content (followers_). The path leaves documents in other workers'
  // shards through their queues.
  void Queue(std::size_t i, Settled s) {
    const std::string& path = s.report.path;
    PendingJob pending{Job(s.known_content ? ShardJob::Kind::kAddPath : ShardJob::Kind::kAdd, 0), i,
                       /*settles=*/true};
    pending.job.sha = s.sha;
    pending.job.path = path;
    pending.job.reindex = options_.reindex && !s.known_content;
    if (!s.looked_up && !LookUp(s)) return;
    std::optional<int> slot;
    if (s.home) {
      slot = SlotOfShard(*s.home, jobs_);
    } else if (auto it = run_slot_.find(s.sha); it != run_slot_.end()) {
      slot = it->second;
    }
    for (std::size_t other : s.holding) {
      if (slot && SlotOfShard(other, jobs_) == *slot) continue;  // its own DetachPath does it
      PendingJob drop{Job(ShardJob::Kind::kDropPath, other)};
      drop.job.sha = s.sha;
      drop.job.path = path;
      Enqueue(std::move(drop));
      s.detached_elsewhere = true;
    }
    if (slot) {
      pending.job.slot = *slot;
      Enqueue(std::move(pending));
    } else if (s.known_content) {
      followers_[s.sha].push_back(Store(std::move(pending)));
    } else {
      free_.push_back(Store(std::move(pending)));
    }
    if (!s.known_content) in_flight_shas_.insert(s.sha);
    waiting_[i] = std::move(s);
  }

  // Gives each worker that can take a job the next of its own queue, or
  // else new content.
  void Pump() {
    if (!released_) return;
    for (int slot = 0; slot < jobs_; ++slot) {
      while (pool_->CanTake(slot)) {
        const std::optional<std::size_t> id = Next(slot);
        if (!id) break;
        pool_->SubmitTo(slot, *id, EncodeShardJob(jobs_pending_[*id].job));
        ++in_flight_;
      }
    }
  }

  std::optional<std::size_t> Next(int slot) {
    auto& queue = queues_[static_cast<std::size_t>(slot)];
    if (!queue.empty()) {
      const std::size_t id = queue.front();
      queue.pop_front();
      return id;
    }
    if (free_.empty()) return std::nullopt;
    const std::size_t id = free_.front();
    free_.pop_front();
    PendingJob& pending = jobs_pending_[id];
    pending.job.slot = slot;
    run_slot_[pending.job.sha] = slot;
    if (auto f = followers_.find(pending.job.sha); f != followers_.end()) {
      for (std::size_t follower : f->second) {
        jobs_pending_[follower].job.slot = slot;
        queue.push_back(follower);
      }
      followers_.erase(f);
    }
    return id;
  }

  // A stopping run drops the files no worker has started (the next run
  // does them); with `all`, a failing one also drops the rest but commits.
  void DropQueuedFiles(bool all = false) {
    const auto drop = [&](std::size_t id) {
      const PendingJob& pending = jobs_pending_[id];
      const bool file = pending.job.kind == ShardJob::Kind::kAdd ||
                        pending.job.kind == ShardJob::Kind::kAddPath ||
                        pending.job.kind == ShardJob::Kind::kDropPath;
      if (!(file && !pending.redo) && !(all && pending.job.kind != ShardJob::Kind::kCommit)) {
        return false;
      }
      if (pending.settles) waiting_.erase(pending.input);
      jobs_pending_.erase(id);
      return true;
    };
    for (auto& queue : queues_) std::erase_if(queue, drop);
    std::erase_if(free_, drop);
    for (auto& [sha, followers] : followers_) std::erase_if(followers, drop);
    followers_.clear();
  }

  // Commits every worker's shards and waits for them, then takes the shards
  // back for what the run does last (prune, the final commit).
  // A run stopped by a configuration error commits what is done too, as far
  // as the index allows.
  void Finish() {
    if (report_.fatal) DropQueuedFiles(/*all=*/true);
    CommitWorkers();
    while (in_flight_ > 0 || commits_waiting_ > 0 || !free_.empty() ||
           std::any_of(queues_.begin(), queues_.end(), [](const auto& q) { return !q.empty(); })) {
      Pump();
      Collect(std::chrono::milliseconds(250));
      Tick();
    }
    pool_->Stop();
    released_ = false;
    if (Result<bool> back = writer_.Reacquire(); !back) Fatal(back.error());
  }

  void CommitWorkers() {
    for (int slot = 0; slot < jobs_; ++slot) {
      // Job() takes a shard: slot `slot` writes shard `slot`.
      Enqueue(PendingJob{Job(ShardJob::Kind::kCommit, static_cast<std::size_t>(slot))});
      ++commits_waiting_;
    }
  }

  void CollectShardJob(std::size_t id, WorkResult& result) {
    --in_flight_;
    PendingJob& pending = jobs_pending_[id];
    const auto slot = static_cast<std::size_t>(pending.job.slot);
    if (result.worker_lost && result.unstarted) {
      // It waited behind the job that was lost (handled just before it):
      // it goes back after that job's redone work.
      queues_[slot].insert(queues_[slot].begin() + static_cast<std::ptrdiff_t>(requeued_[slot]++), id);
      return;
    }
    if (result.worker_lost) {
      // What the worker did since its last commit is gone: done again by
      // its replacement, first, in the order it was done.
      const bool again = pending.job.kind != ShardJob::Kind::kAdd && ++pending.tries < 3;
      if (again) queues_[slot].push_front(id);  // not this job's fault
      for (auto it = uncommitted_[slot].rbegin(); it != uncommitted_[slot].rend(); ++it) {
        jobs_pending_[*it].redo = true;
        queues_[slot].push_front(*it);
      }
      requeued_[slot] = uncommitted_[slot].size() + (again ? 1 : 0);
      uncommitted_[slot].clear();
      if (again) return;
    }
    if (result.status == WorkResult::Status::kConfigError) {
      Fatal(ConfigError(result.message));
      if (pending.job.kind == ShardJob::Kind::kCommit) --commits_waiting_;
      return;
    }
    const bool ok = result.status == WorkResult::Status::kOk;
    switch (pending.job.kind) {
      case ShardJob::Kind::kCommit:
        if (ok) {
          for (std::size_t done : uncommitted_[slot]) jobs_pending_.erase(done);
          uncommitted_[slot].clear();
          jobs_pending_.erase(id);
        } else {
          Fatal(ConfigError(result.message));
        }
        if (--commits_waiting_ == 0) {
          if (Result<bool> seen = writer_.Refresh(); !seen) Fatal(seen.error());
        }
        return;
      case ShardJob::Kind::kAdd:
      case ShardJob::Kind::kAddPath:
        break;
      default:
        if (!ok) return Fatal(ConfigError(result.message));
        uncommitted_[slot].push_back(id);
        return;
    }
    if (ok) uncommitted_[slot].push_back(id);
    if (pending.redo) {
      if (!ok) Redone(pending, result.message);
      return;
    }
    auto it = waiting_.find(pending.input);
    if (it == waiting_.end()) return;
    Settled s = std::move(it->second);
    waiting_.erase(it);
    if (!ok) {
      Fail(s, NamingFile(s.report.path, result.message));
    } else if (pending.job.kind == ShardJob::Kind::kAddPath) {
      s.report.outcome = Outcome(result.fields.empty() ? "" : result.fields[0]);
    } else if (result.fields.size() != kAddFieldCount) {
      Fail(s, s.report.path + ": the worker sent an incomplete result");
    } else {
      s.report.pages = std::atoi(result.fields[kAddPages].c_str());
      s.report.warnings = SplitLines(result.fields[kAddWarnings]);
      s.report.outcome = Outcome(result.fields[kAddOutcome]);
    }
    // Its path also left a document in another worker's shard.
    if (s.detached_elsewhere &&
        (s.report.outcome == FileOutcome::kAdded || s.report.outcome == FileOutcome::kPathAdded)) {
      s.report.outcome = FileOutcome::kReplaced;
    }
    if (!ok) jobs_pending_.erase(id);  // nothing to do again
    ready_[s.report.index] = std::move(s);
  }

  // A file reported done whose work was lost with its worker, and failed
  // when read again: reported again, as failed.
  void Redone(const PendingJob& pending, const std::string& message) {
    Settled s;
    s.report.index = pending.input;
    s.report.path = pending.job.path;
    Fail(s, NamingFile(s.report.path, message));
    RecordFailure(s.report.path, s.report.reason);
    ++report_.failed;
    ++progress_.failed;
    observer_.OnFile(s.report, progress_);
  }

  static FileOutcome Outcome(const std::string& field) {
    return FileOutcomeOf(static_cast<AddOutcome>(std::atoi(field.c_str())));
  }

  // The failure records live in shard 0: its worker's, once the workers
  // hold the shards.
  void RecordFailure(const std::string& path, const std::string& reason) {
    if (!released_) {
      if (Result<bool> recorded = writer_.RecordFailure(path, reason); !recorded) Fatal(recorded.error());
      return;
    }
    PendingJob pending{Job(ShardJob::Kind::kRecordFailure, 0)};
    pending.job.path = path;
    pending.job.reason = reason;
    Enqueue(std::move(pending));
  }

  void ClearFailure(const std::string& path) {
    if (!released_) {
      if (Result<bool> cleared = writer_.ClearFailure(path); !cleared) Fatal(cleared.error());
      return;
    }
    if (fresh_) return;
    Result<bool> has = writer_.HasFailure(path);
    if (!has) return Fatal(has.error());
    if (!*has) return;
    PendingJob pending{Job(ShardJob::Kind::kClearFailure, 0)};
    pending.job.path = path;
    Enqueue(std::move(pending));
  }

  // --- One writer.

  void Collect(std::chrono::milliseconds wait) {
    for (auto& [i, result] : pool_->Wait(wait)) {
      if (released_) {
        CollectShardJob(i, result);
        continue;
      }
      --in_flight_;
      Settled s = std::move(waiting_[i]);
      waiting_.erase(i);
      switch (result.status) {
        case WorkResult::Status::kOk:
          if (result.fields.size() != kBuildFieldCount) {
            Fail(s, s.report.path + ": the worker sent an incomplete result");
            break;
          }
          s.sha = result.fields[kBuildSha];
          s.report.outcome = FileOutcome::kAdded;  // until the writer says what it was
          s.report.pages = std::atoi(result.fields[kBuildPages].c_str());
          s.report.warnings = SplitLines(result.fields[kBuildWarnings]);
          s.document = std::move(result.fields[kBuildDocument]);
          break;
        case WorkResult::Status::kInputError:
          Fail(s, NamingFile(s.report.path, result.message));
          break;
        case WorkResult::Status::kConfigError:
          report_.fatal = ConfigError(result.message);
          break;
      }
      ready_[i] = std::move(s);
    }
  }

  // Writes settled inputs in input order; with `skip_gaps`, every settled
  // one (a stopping run keeps all finished work).
  void WriteReady(bool skip_gaps) {
    while (!report_.fatal) {
      auto it = skip_gaps ? ready_.begin() : ready_.find(next_write_);
      if (it == ready_.end()) return;
      Settled s = std::move(it->second);
      ready_.erase(it);
      if (!skip_gaps) ++next_write_;
      if (!released_) Add(s);
      if (report_.fatal) return;
      Report(s);
    }
  }

  // The single writer adds what a worker built, or a path.
  void Add(Settled& s) {
    const std::string& path = s.report.path;
    if (s.report.outcome == FileOutcome::kFailed || s.report.outcome == FileOutcome::kUnchanged) {
      return;
    }
    Result<AddOutcome> added = AddOutcome::kUnchanged;
    if (s.known_content) {
      Result<bool> contains = writer_.Contains(s.sha);
      if (!contains) return Fatal(contains.error());
      if (*contains) {
        added = writer_.AddPath(s.sha, path);
      } else {
        Fail(s, path + ": same content as another input of this run, which failed (see its "
                       "reason)");
      }
    } else {
      Xapian::Document doc;
      try {
        doc = Xapian::Document::unserialise(s.document);
      } catch (const Xapian::Error& e) {
        Fail(s, path + ": the worker's index entry is garbled: " + e.get_description());
      }
      if (s.report.outcome != FileOutcome::kFailed) {
        added = options_.reindex ? writer_.ReplaceBuilt(s.sha, doc, path)
                                 : writer_.AddBuilt(s.sha, doc, path);
      }
      s.document.clear();
      in_flight_shas_.erase(s.sha);
    }
    if (!added) return Fatal(added.error());
    if (s.report.outcome != FileOutcome::kFailed) {
      s.report.outcome = FileOutcomeOf(*added);
    }
  }

  // Failure records, counts, the observer, and a commit when one is due.
  void Report(Settled& s) {
    const std::string& path = s.report.path;
    if (s.report.outcome == FileOutcome::kFailed) {
      if (!released_) in_flight_shas_.erase(s.sha);
      RecordFailure(path, s.report.reason);
      ++report_.failed;
      ++progress_.failed;
    } else {
      ClearFailure(path);
    }
    if (report_.fatal) return;
    switch (s.report.outcome) {
      case FileOutcome::kAdded: ++report_.added; break;
      case FileOutcome::kReplaced: ++report_.replaced; break;
      case FileOutcome::kPathAdded: ++report_.path_added; break;
      case FileOutcome::kUnchanged: ++report_.unchanged; break;
      case FileOutcome::kFailed: break;
    }
    if (s.report.outcome != FileOutcome::kUnchanged) ++changed_since_commit_;
    ++progress_.files_done;
    progress_.bytes_done += inputs_[s.report.index].bytes;
    progress_.pages_done += static_cast<std::uint64_t>(s.report.pages);
    report_.pages += static_cast<std::uint64_t>(s.report.pages);
    progress_.elapsed = Clock::now() - started_;
    observer_.OnFile(s.report, progress_);
    if (changed_since_commit_ >= options_.commit_every) Commit();
  }

  void Fatal(const Error& error) {
    if (!report_.fatal) report_.fatal = error;
  }

  void Commit() {
    if (released_) {
      CommitWorkers();
    } else {
      Result<bool> committed = writer_.Commit();
      if (!committed) return Fatal(committed.error());
    }
    changed_since_commit_ = 0;
    last_commit_ = Clock::now();
  }

  void Prune() {
    Result<std::vector<std::string>> pruned = writer_.Prune();
    if (!pruned) return Fatal(pruned.error());
    for (const std::string& path : *pruned) observer_.OnPruned(path);
    report_.pruned = pruned->size();
  }

  void Tick() {
    const auto now = Clock::now();
    if (now - last_tick_ < std::chrono::milliseconds(500)) return;
    last_tick_ = now;
    progress_.elapsed = now - started_;
    observer_.OnTick(progress_);
  }

  const PipelineOptions& pipeline_options_;
  IndexWriter& writer_;
  const IngestOptions& options_;
  IngestObserver& observer_;
  int jobs_ = 1;
  bool sharded_ = false;   // each worker writes shards of its own
  bool released_ = false;  // ... and holds them now
  // Writers per worker into an index that held nothing when the run began:
  // the index has nothing to tell about a file. Each path comes once, and
  // content this run reads stays in in_flight_shas_ until the run ends.
  bool fresh_ = false;
  std::optional<Pipeline> pipeline_;            // loaded by Prepare
  const DocumentBuilder* builder_ = nullptr;    // the writer's, set by Prepare
  std::vector<Input> inputs_;
  std::unique_ptr<WorkerPool> pool_;
  std::map<std::size_t, Settled> ready_;    // settled, waiting for their turn
  std::map<std::size_t, Settled> waiting_;  // in a worker (or its queue)
  std::set<std::string> in_flight_shas_;    // content a worker is reading (or, per worker, has read)
  std::set<std::string> reindexed_shas_;    // content read again in this run (reindex)
  std::optional<Settled> held_;             // hashed, waiting for an idle worker
  // Writers per worker: each worker's own queue, new content, what each did
  // since its last commit, and every job not yet committed, by id.
  std::vector<std::deque<std::size_t>> queues_;
  std::deque<std::size_t> free_;                                   // new content, for any worker
  std::map<std::string, std::vector<std::size_t>> followers_;      // sha -> paths added, no worker yet
  std::map<std::string, int> run_slot_;                            // sha -> the worker that took it
  std::vector<std::vector<std::size_t>> uncommitted_;
  std::vector<std::size_t> requeued_;  // jobs put back at the front by the worker's last loss
  std::map<std::size_t, PendingJob> jobs_pending_;
  std::size_t next_job_ = 0;
  int commits_waiting_ = 0;
  std::size_t next_dispatch_ = 0, next_write_ = 0;
  int in_flight_ = 0;
  int changed_since_commit_ = 0;
  IngestReport report_;
  IngestProgress progress_;
  Clock::time_point started_, last_commit_, last_tick_;
};

}  // namespace

IngestReport Ingest(const PipelineOptions& pipeline, IndexWriter& writer,
                    const IngestOptions& options, IngestObserver& observer) {
  return Run(pipeline, writer, options, observer).Go();
}

}  // namespace diar
