// worker_pool: a fixed set of worker processes that each run one job at a
// time, so a parser that crashes, hangs or eats memory takes down only its
// own process and fails only its own file.
//
//   diar::WorkerPool pool(2, [&](const std::string& path) { return Work(path); },
//                         {.timeout = std::chrono::seconds(120), .memory_mb = 2048});
//   pool.Submit(7, "/a.pdf");
//   for (auto& [job, result] : pool.Wait(std::chrono::milliseconds(200))) ...
//
// Workers are forked from the calling process when the pool starts (and
// when one is replaced), so they share what the caller loaded before —
// dictionaries, the OCR engine — copy-on-write, and keep their caches warm
// from file to file. In a worker: SIGINT is ignored (the parent decides when
// a run stops), the process dies with its parent (PR_SET_PDEATHSIG), every
// inherited descriptor but its two pipes is closed (the parent's index
// stays the parent's), and its address space is limited to `memory_mb`.
//
// A job whose worker dies (a signal, an exit) or passes `timeout` comes back
// as a kInput failure whose message says what happened; the worker is
// replaced before the next job. Jobs and results cross pipes as
// length-prefixed frames.
//
// Thread safety: one thread drives a pool. Start the pool before creating
// other threads: fork copies only the calling thread.
#ifndef DIAR_INDEX_WORKER_POOL_H_
#define DIAR_INDEX_WORKER_POOL_H_

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/result.h"

namespace diar {

// What a worker sends back for one job.
struct WorkResult {
  enum class Status { kOk, kInputError, kConfigError };
  Status status = Status::kOk;
  std::string message;                // the error, when not kOk
  std::vector<std::string> fields;    // the job's output, when kOk
  // The worker died or passed the time limit (the message says which), and
  // was replaced: whatever it kept in memory from earlier jobs is gone.
  bool worker_lost = false;
  // ... before it began this job, which waited behind the one it was on.
  bool unstarted = false;
};

struct WorkerLimits {
  std::chrono::milliseconds timeout{std::chrono::seconds(120)};  // per job
  std::size_t memory_mb = 2048;  // address space per worker; 0: no limit
  // A worker whose last job took less holds two jobs in reserve, not one
  // (CanTake).
  std::chrono::milliseconds short_job{10};
};

class WorkerPool {
 public:
  using Job = std::function<WorkResult(const std::string& input)>;

  WorkerPool(int workers, Job job, WorkerLimits limits);
  ~WorkerPool();  // kills the workers
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  int size() const { return static_cast<int>(workers_.size()); }
  int busy() const;
  bool HasIdle() const { return busy() < size(); }
  // The pid of the worker running job `id`; 0 when none does.
  pid_t PidOf(std::size_t id) const;

  // Hands `input` to an idle worker as job `id`. Needs HasIdle().
  void Submit(std::size_t id, const std::string& input);
  // The same, to worker `slot` (0 .. size()-1; a replaced worker keeps its
  // slot), for jobs that must run where earlier ones did. Needs
  // CanTake(slot): a worker takes one job beyond the one it is on, so it
  // starts the next as soon as it sends a result, without waiting for this
  // process to read it and answer; two beyond while its jobs are short
  // (WorkerLimits::short_job), since a job of a millisecond can end before
  // this process has answered the last result, and two short jobs held at
  // the end of a run keep the other workers waiting no longer than that.
  bool CanTake(int slot) const {
    const Worker& w = workers_[static_cast<std::size_t>(slot)];
    if (!w.busy || w.queued.empty()) return true;
    return w.queued.size() < 2 && w.last_job < limits_.short_job;
  }
  void SubmitTo(int slot, std::size_t id, const std::string& input);

  // Waits up to `wait` for jobs to finish; returns those that did (also
  // those failed by a crash or the time limit), possibly none.
  std::vector<std::pair<std::size_t, WorkResult>> Wait(std::chrono::milliseconds wait);

  // Ends every worker: idle ones as their job pipe closes, busy ones
  // killed now (their jobs are dropped).
  void Stop();

 private:
  struct Worker {
    pid_t pid = -1;
    int to = -1;    // job pipe, parent's end
    int from = -1;  // result pipe, parent's end
    bool busy = false;
    std::size_t job = 0;                // the job it is on
    std::vector<std::size_t> queued;    // sent, waiting behind `job` (at most two)
    std::chrono::steady_clock::time_point started;
    // How long its last job took, as seen from here; long until one ends.
    std::chrono::steady_clock::duration last_job = std::chrono::hours(1);
    std::string received;  // bytes of the result so far
  };
  void Spawn(Worker& w);
  void Kill(Worker& w);
  // The result of `w`'s job when it has ended abnormally (reaps it).
  WorkResult Died(Worker& w, const std::string& what);
  // Died's result for `w`'s job, and one for each job queued behind it.
  void Lost(Worker& w, const std::string& what,
            std::vector<std::pair<std::size_t, WorkResult>>& done);

  Job job_;
  WorkerLimits limits_;
  std::vector<Worker> workers_;
};

}  // namespace diar

#endif  // DIAR_INDEX_WORKER_POOL_H_
