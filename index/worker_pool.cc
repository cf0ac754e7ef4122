#include "index/worker_pool.h"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <new>

#include "index/fd_io.h"

namespace diar {
namespace {

using Clock = std::chrono::steady_clock;

void PutLength(std::string& out, std::uint64_t n) {
  out.append(reinterpret_cast<const char*>(&n), sizeof n);
}

bool GetLength(const std::string& in, std::size_t& at, std::uint64_t& n) {
  if (in.size() - at < sizeof n) return false;
  std::memcpy(&n, in.data() + at, sizeof n);
  at += sizeof n;
  return true;
}

// A result on the wire: total length, then status, message and fields, each
// string length-prefixed.
std::string Encode(const WorkResult& r) {
  std::string body;
  body.push_back(static_cast<char>(r.status));
  PutLength(body, r.message.size());
  body += r.message;
  PutLength(body, r.fields.size());
  for (const std::string& f : r.fields) {
    PutLength(body, f.size());
    body += f;
  }
  std::string frame;
  PutLength(frame, body.size());
  return frame + body;
}

bool Decode(const std::string& frame, WorkResult& r) {
  std::size_t at = sizeof(std::uint64_t) + 1;
  if (frame.size() < at) return false;
  r.status = static_cast<WorkResult::Status>(frame[sizeof(std::uint64_t)]);
  std::uint64_t n = 0;
  if (!GetLength(frame, at, n) || frame.size() - at < n) return false;
  r.message = frame.substr(at, n);
  at += n;
  std::uint64_t count = 0;
  if (!GetLength(frame, at, count)) return false;
  for (std::uint64_t i = 0; i < count; ++i) {
    if (!GetLength(frame, at, n) || frame.size() - at < n) return false;
    r.fields.push_back(frame.substr(at, n));
    at += n;
  }
  return true;
}

// Closes every descriptor of a new worker except stdio and its pipes.
void CloseInherited(int keep_a, int keep_b) {
  DIR* dir = ::opendir("/proc/self/fd");
  if (dir == nullptr) return;
  const int own = ::dirfd(dir);
  std::vector<int> fds;
  while (dirent* e = ::readdir(dir)) {
    const int fd = std::atoi(e->d_name);
    if (fd > 2 && fd != keep_a && fd != keep_b && fd != own) fds.push_back(fd);
  }
  ::closedir(dir);
  for (int fd : fds) ::close(fd);
}

// Address space in use now, in bytes (/proc/self/statm's first field).
std::size_t AddressSpace() {
  FILE* f = std::fopen("/proc/self/statm", "r");
  if (f == nullptr) return 0;
  unsigned long pages = 0;
  const int read = std::fscanf(f, "%lu", &pages);
  std::fclose(f);
  return read == 1 ? pages * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE)) : 0;
}

[[noreturn]] void WorkerMain(int in, int out, pid_t parent, const WorkerPool::Job& job,
                             const WorkerLimits& limits) {
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(0);
  ::signal(SIGINT, SIG_IGN);
  ::signal(SIGTERM, SIG_DFL);
  ::signal(SIGPIPE, SIG_DFL);
  CloseInherited(in, out);
  if (limits.memory_mb > 0) {
    // The limit is what a file may add to what the worker starts with (the
    // dictionaries and OCR model it shares with the parent).
    const rlim_t bytes = AddressSpace() + (static_cast<rlim_t>(limits.memory_mb) << 20);
    const rlimit limit{bytes, bytes};
    ::setrlimit(RLIMIT_AS, &limit);
  }
  for (;;) {
    std::uint64_t size = 0;
    if (!ReadAll(in, reinterpret_cast<char*>(&size), sizeof size)) ::_exit(0);
    std::string input(size, '\0');
    if (!ReadAll(in, input.data(), size)) ::_exit(0);
    WorkResult result;
    try {
      result = job(input);
    } catch (const std::bad_alloc&) {
      result = {WorkResult::Status::kInputError,
                "memory limit of " + std::to_string(limits.memory_mb) +
                    " MB reached; raise --memory-limit to read this file",
                {}};
    } catch (const std::exception& e) {
      result = {WorkResult::Status::kInputError, std::string("unexpected error: ") + e.what(), {}};
    } catch (...) {
      result = {WorkResult::Status::kInputError, "unexpected error of unknown kind", {}};
    }
    std::string frame;
    try {
      frame = Encode(result);
    } catch (const std::bad_alloc&) {
      frame = Encode({WorkResult::Status::kInputError, "memory limit reached sending the result", {}});
    }
    if (!WriteAll(out, frame.data(), frame.size())) ::_exit(0);
  }
}

std::string SignalName(int sig) {
  const char* description = ::strsignal(sig);
  const char* abbrev = ::sigabbrev_np(sig);
  return "signal " + std::to_string(sig) + (abbrev ? std::string(", SIG") + abbrev : "") +
         (description ? std::string(": ") + description : "");
}

}  // namespace

WorkerPool::WorkerPool(int workers, Job job, WorkerLimits limits)
    : job_(std::move(job)), limits_(limits), workers_(static_cast<std::size_t>(std::max(1, workers))) {
  // A worker that dies while we write it a job must not kill us.
  ::signal(SIGPIPE, SIG_IGN);
  for (Worker& w : workers_) Spawn(w);
}

WorkerPool::~WorkerPool() { Stop(); }

void WorkerPool::Spawn(Worker& w) {
  int jobs[2], results[2];
  if (::pipe2(jobs, O_CLOEXEC) != 0) return;
  if (::pipe2(results, O_CLOEXEC) != 0) {
    ::close(jobs[0]);
    ::close(jobs[1]);
    return;
  }
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(jobs[1]);
    ::close(results[0]);
    WorkerMain(jobs[0], results[1], parent, job_, limits_);
  }
  ::close(jobs[0]);
  ::close(results[1]);
  if (pid < 0) {
    ::close(jobs[1]);
    ::close(results[0]);
    w = Worker{};
    return;
  }
  w = Worker{};
  w.pid = pid;
  w.to = jobs[1];
  w.from = results[0];
}

void WorkerPool::Kill(Worker& w) {
  if (w.pid > 0) {
    ::kill(w.pid, SIGKILL);
    int status = 0;
    while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  if (w.to >= 0) ::close(w.to);
  if (w.from >= 0) ::close(w.from);
  w = Worker{};
}

int WorkerPool::busy() const {
  int n = 0;
  for (const Worker& w : workers_) n += w.busy ? 1 : 0;
  return n;
}

pid_t WorkerPool::PidOf(std::size_t id) const {
  for (const Worker& w : workers_) {
    if (w.busy && w.job == id) return w.pid;
  }
  return 0;
}

void WorkerPool::Submit(std::size_t id, const std::string& input) {
  for (std::size_t slot = 0; slot < workers_.size(); ++slot) {
    if (workers_[slot].busy) continue;
    SubmitTo(static_cast<int>(slot), id, input);
    return;
  }
}

void WorkerPool::SubmitTo(int slot, std::size_t id, const std::string& input) {
  Worker& w = workers_[static_cast<std::size_t>(slot)];
  if (w.busy) {
    w.queued.push_back(id);
  } else {
    if (w.pid <= 0) Spawn(w);
    w.busy = true;
    w.job = id;
    w.started = Clock::now();
    w.received.clear();
  }
  std::string frame;
  PutLength(frame, input.size());
  frame += input;
  // A failed write means the worker is gone; Wait reports it.
  if (w.pid > 0) WriteAll(w.to, frame.data(), frame.size());
}

WorkResult WorkerPool::Died(Worker& w, const std::string& what) {
  int status = 0;
  std::string how = what;
  if (how.empty() && w.pid > 0) {
    ::close(w.to);
    w.to = -1;
    pid_t reaped;
    while ((reaped = ::waitpid(w.pid, &status, 0)) < 0 && errno == EINTR) {
    }
    if (reaped == w.pid && WIFSIGNALED(status)) {
      const int sig = WTERMSIG(status);
      how = "the worker reading it crashed (" + SignalName(sig) + ")";
      if (sig == SIGKILL) how += "; killed from outside, for example by the system's out-of-memory killer";
    } else if (reaped == w.pid && WIFEXITED(status)) {
      how = "the worker reading it exited with status " + std::to_string(WEXITSTATUS(status));
    } else {
      how = "the worker reading it vanished";
    }
    w.pid = -1;
  }
  if (how.empty()) how = "no worker process could be started";
  Kill(w);
  return {WorkResult::Status::kInputError, how, {}, /*worker_lost=*/true};
}

void WorkerPool::Lost(Worker& w, const std::string& what,
                      std::vector<std::pair<std::size_t, WorkResult>>& done) {
  const std::size_t job = w.job;
  const std::vector<std::size_t> queued = std::move(w.queued);
  done.emplace_back(job, Died(w, what));
  for (std::size_t id : queued) {
    done.emplace_back(id, WorkResult{WorkResult::Status::kInputError,
                                     "its worker stopped before it began", {},
                                     /*worker_lost=*/true, /*unstarted=*/true});
  }
}

std::vector<std::pair<std::size_t, WorkResult>> WorkerPool::Wait(std::chrono::milliseconds wait) {
  std::vector<std::pair<std::size_t, WorkResult>> done;
  const auto now = Clock::now();
  std::vector<pollfd> fds;
  std::vector<Worker*> owners;
  auto next_deadline = now + wait;
  for (Worker& w : workers_) {
    if (!w.busy) continue;
    if (w.pid <= 0) {
      Lost(w, "", done);
      continue;
    }
    next_deadline = std::min(next_deadline, w.started + limits_.timeout);
    fds.push_back({w.from, POLLIN, 0});
    owners.push_back(&w);
  }
  if (!done.empty() || fds.empty()) return done;
  const auto until = std::chrono::duration_cast<std::chrono::milliseconds>(next_deadline - now);
  const int timeout_ms = static_cast<int>(std::max<std::int64_t>(0, until.count()));
  const int ready = ::poll(fds.data(), fds.size(), timeout_ms);
  for (std::size_t i = 0; ready > 0 && i < fds.size(); ++i) {
    if (fds[i].revents == 0) continue;
    Worker& w = *owners[i];
    char buffer[1 << 16];
    const ssize_t n = ::read(w.from, buffer, sizeof buffer);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n <= 0) {
      Lost(w, "", done);
      continue;
    }
    w.received.append(buffer, static_cast<std::size_t>(n));
    // Every whole result read, in the order of the jobs; the rest of a
    // large one is read now, without going back to poll.
    while (w.busy) {
      std::uint64_t total = 0;
      std::size_t at = 0;
      if (!GetLength(w.received, at, total)) break;
      const std::size_t want = sizeof total + total;
      if (w.received.size() < want) {
        const std::size_t before = w.received.size();
        w.received.resize(want);
        if (!ReadAll(w.from, w.received.data() + before, want - before)) {
          Lost(w, "", done);
          break;
        }
      }
      WorkResult result;
      if (!Decode(w.received.size() == want ? w.received : w.received.substr(0, want), result)) {
        result = {WorkResult::Status::kInputError, "the worker sent a garbled result", {}};
      }
      done.emplace_back(w.job, std::move(result));
      const auto ended = Clock::now();
      w.last_job = ended - w.started;
      w.received.erase(0, want);
      if (w.queued.empty()) {
        w.busy = false;
      } else {
        w.job = w.queued.front();
        w.queued.erase(w.queued.begin());
        w.started = ended;
      }
    }
    if (w.received.empty()) w.received.shrink_to_fit();
  }
  const auto after = Clock::now();
  for (Worker& w : workers_) {
    if (!w.busy || after - w.started < limits_.timeout) continue;
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%g", limits_.timeout.count() / 1000.0);
    Lost(w, std::string("time limit of ") + seconds +
                " s reached; the worker was stopped (raise --timeout for very long files)",
         done);
  }
  return done;
}

void WorkerPool::Stop() {
  // An idle worker ends by itself when its job pipe closes, as a process
  // should (a profiler then sees it out); a busy one, or one slow to end,
  // is killed.
  for (Worker& w : workers_) {
    if (w.pid > 0 && !w.busy && w.to >= 0) {
      ::close(w.to);
      w.to = -1;
    }
  }
  const auto deadline = Clock::now() + std::chrono::milliseconds(500);
  for (Worker& w : workers_) {
    while (w.pid > 0 && !w.busy && Clock::now() < deadline) {
      int status = 0;
      const pid_t reaped = ::waitpid(w.pid, &status, WNOHANG);
      if (reaped == w.pid || (reaped < 0 && errno != EINTR)) {
        w.pid = -1;
      } else {
        ::usleep(1000);
      }
    }
    Kill(w);
  }
}

}  // namespace diar
