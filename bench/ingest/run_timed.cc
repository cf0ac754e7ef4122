// run_timed: runs a command and reports its wall time, the CPU time of the
// whole process tree and the peak RSS of its largest process.
//
//   run_timed OUT_FILE COMMAND [ARGS...]
//
// Writes "wall_seconds cpu_seconds peak_rss_kb exit_status" to OUT_FILE.
// GNU time counts only the children its child waits for; indexers that keep
// filter processes running and let them go at exit (recollindex's Python
// handlers) would have most of their work missed. Here this process is made
// the subreaper of everything the command starts, so orphans come back to
// it, and it waits for every one: their user + system time lands in
// RUSAGE_CHILDREN.
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: run_timed OUT_FILE COMMAND [ARGS...]\n");
    return 2;
  }
  if (prctl(PR_SET_CHILD_SUBREAPER, 1) != 0) {
    std::perror("run_timed: prctl(PR_SET_CHILD_SUBREAPER)");
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid < 0) {
    std::perror("run_timed: fork");
    return 2;
  }
  if (pid == 0) {
    execvp(argv[2], argv + 2);
    std::perror("run_timed: exec");
    _exit(127);
  }
  int status = 0, exit_status = 0;
  for (;;) {
    const pid_t done = wait(&status);
    if (done < 0) {
      if (errno == EINTR) continue;
      break;  // ECHILD: the whole tree has ended
    }
    if (done == pid) exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  rusage u{};
  getrusage(RUSAGE_CHILDREN, &u);
  const double cpu = static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
                     static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
  std::FILE* out = std::fopen(argv[1], "w");
  if (out == nullptr) {
    std::perror(argv[1]);
    return 2;
  }
  std::fprintf(out, "%.3f %.3f %ld %d\n", wall, cpu, u.ru_maxrss, exit_status);
  std::fclose(out);
  return exit_status;
}
