#include "index/ingest.h"

#include <xapian.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "index/inputs.h"
#include "index/worker_pool.h"

namespace diar {
namespace {

using Clock = std::chrono::steady_clock;

// The fields of a worker's result for one file.
enum Field { kSha, kPages, kWarnings, kDocument, kFieldCount };

// Runs in a worker process: the whole pipeline and the Xapian document.
WorkResult ProcessInWorker(const Pipeline& pipeline, const DocumentBuilder& builder,
                           const std::string& path) {
  Result<ProcessedDocument> doc = pipeline.Process(path);
  if (!doc) {
    return {doc.error().kind == ErrorKind::kConfig ? WorkResult::Status::kConfigError
                                                   : WorkResult::Status::kInputError,
            doc.error().message, {}};
  }
  std::string warnings;
  for (const ExtractedPage& page : doc->source.pages) {
    if (page.ocr_note.empty()) continue;
    if (!warnings.empty()) warnings += '\n';
    warnings += path + ": page " + std::to_string(page.number) + ": " + page.ocr_note;
  }
  try {
    const Xapian::Document built = builder.Build(*doc, path);
    return {WorkResult::Status::kOk,
            "",
            {doc->source.sha256, std::to_string(doc->source.pages.size()), warnings,
             built.serialise()}};
  } catch (const Xapian::Error& e) {
    return {WorkResult::Status::kInputError,
            path + ": cannot build its index entry: " + e.get_description(), {}};
  }
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

    const std::size_t window = static_cast<std::size_t>(std::max(1, options_.jobs)) * 4;
    while (next_write_ < inputs_.size() && !report_.fatal) {
      if (Stopping()) break;
      while (next_dispatch_ < inputs_.size() && next_dispatch_ < next_write_ + window &&
             !report_.fatal && !Stopping()) {
        if (!Dispatch(next_dispatch_)) break;  // every worker busy
        ++next_dispatch_;
      }
      WriteReady(/*skip_gaps=*/false);
      if (report_.fatal || next_write_ >= inputs_.size()) break;
      if (in_flight_ > 0) Collect(std::chrono::milliseconds(250));
      Tick();
      if (changed_since_commit_ > 0 && Clock::now() - last_commit_ >= options_.commit_interval) {
        Commit();
      }
    }
    if (pool_) pool_->Stop();
    if (Stopping() && next_write_ < inputs_.size()) {
      report_.interrupted = true;
      WriteReady(/*skip_gaps=*/true);  // finished work is kept; files in flight are redone next run
    }
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
    } else if (!Settle(i, s)) {
      ready_[i] = std::move(s);
      return true;
    }
    if (!pool_ && !StartPool()) {
      held_ = std::move(s);  // the run stops (fatal); the file is not settled
      return false;
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
    Result<bool> current = writer_.IsCurrent(s.sha, input.path);
    if (!current) return Fatal(current.error()), false;
    if (*current) {
      s.report.outcome = FileOutcome::kUnchanged;
      return false;
    }
    Result<bool> contains = writer_.Contains(s.sha);
    if (!contains) return Fatal(contains.error()), false;
    if (*contains || in_flight_shas_.contains(s.sha)) {
      s.known_content = true;
      s.report.outcome = FileOutcome::kPathAdded;
      return false;
    }
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
    pool_ = std::make_unique<WorkerPool>(
        std::max(1, options_.jobs),
        [&pipeline, &builder](const std::string& path) {
          return ProcessInWorker(pipeline, builder, path);
        },
        WorkerLimits{.timeout = options_.timeout, .memory_mb = options_.memory_mb});
    return true;
  }

  void Collect(std::chrono::milliseconds wait) {
    for (auto& [i, result] : pool_->Wait(wait)) {
      --in_flight_;
      Settled s = std::move(waiting_[i]);
      waiting_.erase(i);
      switch (result.status) {
        case WorkResult::Status::kOk:
          if (result.fields.size() != kFieldCount) {
            Fail(s, s.report.path + ": the worker sent an incomplete result");
            break;
          }
          s.sha = result.fields[kSha];
          s.report.outcome = FileOutcome::kAdded;  // until the writer says what it was
          s.report.pages = std::atoi(result.fields[kPages].c_str());
          s.report.warnings = SplitLines(result.fields[kWarnings]);
          s.document = std::move(result.fields[kDocument]);
          break;
        case WorkResult::Status::kInputError: {
          const std::string& path = s.report.path;
          Fail(s, result.message.rfind(path, 0) == 0 ? result.message
                                                       : path + ": " + result.message);
          break;
        }
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
      Write(s);
    }
  }

  void Write(Settled& s) {
    const std::string& path = s.report.path;
    if (s.report.outcome != FileOutcome::kFailed && s.report.outcome != FileOutcome::kUnchanged) {
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
        switch (*added) {
          case AddOutcome::kAdded: s.report.outcome = FileOutcome::kAdded; break;
          case AddOutcome::kReplaced: s.report.outcome = FileOutcome::kReplaced; break;
          case AddOutcome::kPathAdded: s.report.outcome = FileOutcome::kPathAdded; break;
          case AddOutcome::kUnchanged: s.report.outcome = FileOutcome::kUnchanged; break;
        }
      }
    }
    if (s.report.outcome == FileOutcome::kFailed) {
      in_flight_shas_.erase(s.sha);
      Result<bool> recorded = writer_.RecordFailure(path, s.report.reason);
      if (!recorded) return Fatal(recorded.error());
      ++report_.failed;
      ++progress_.failed;
    } else {
      Result<bool> cleared = writer_.ClearFailure(path);
      if (!cleared) return Fatal(cleared.error());
    }
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
    Result<bool> committed = writer_.Commit();
    if (!committed) return Fatal(committed.error());
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
  std::optional<Pipeline> pipeline_;            // loaded by Prepare
  const DocumentBuilder* builder_ = nullptr;    // the writer's, set by Prepare
  std::vector<Input> inputs_;
  std::unique_ptr<WorkerPool> pool_;
  std::map<std::size_t, Settled> ready_;    // settled, waiting for their turn
  std::map<std::size_t, Settled> waiting_;  // in a worker
  std::set<std::string> in_flight_shas_;    // content a worker is reading now
  std::set<std::string> reindexed_shas_;    // content read again in this run (reindex)
  std::optional<Settled> held_;             // hashed, waiting for an idle worker
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
