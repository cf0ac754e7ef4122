// diar_process: the real `diar` binary started as a child process the test
// can watch and signal while it runs (cli_runner.h runs one to the end).
#ifndef DIAR_TESTS_INGEST_DIAR_PROCESS_H_
#define DIAR_TESTS_INGEST_DIAR_PROCESS_H_

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "tests/foundation/cli_runner.h"

extern char** environ;

namespace diar::testing {

class DiarProcess {
 public:
  // Starts `diar --index INDEX ARGS...`; stdout and stderr go to files.
  // `env` entries ("NAME=value") are added to the environment.
  DiarProcess(const std::filesystem::path& index, const std::vector<std::string>& args,
              const std::vector<std::string>& env = {}) {
    std::vector<std::string> argv = {std::string(DIAR_BINARY_DIR) + "/cli/diar", "--index",
                                     index.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> cargv;
    for (std::string& a : argv) cargv.push_back(a.data());
    cargv.push_back(nullptr);
    std::vector<std::string> envs;
    for (char** e = environ; *e != nullptr; ++e) envs.emplace_back(*e);
    envs.insert(envs.end(), env.begin(), env.end());
    std::vector<char*> cenv;
    for (std::string& e : envs) cenv.push_back(e.data());
    cenv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, (io_.path() / "out").c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, (io_.path() / "err").c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (posix_spawn(&pid_, cargv[0], &actions, nullptr, cargv.data(), cenv.data()) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
  }
  ~DiarProcess() {
    if (pid_ > 0 && !exit_code_) {
      Signal(SIGKILL);
      Wait(std::chrono::seconds(30));
    }
  }

  pid_t pid() const { return pid_; }
  bool started() const { return pid_ > 0; }
  // Sends `sig` to the process (never to a group: pid is checked).
  bool Signal(int sig) const { return pid_ > 0 && ::kill(pid_, sig) == 0; }
  std::string Out() const { return ReadFile(io_.path() / "out"); }
  std::string Err() const { return ReadFile(io_.path() / "err"); }

  // The exit status (128 + signal when killed); nothing on time-out.
  std::optional<int> Wait(std::chrono::milliseconds limit) {
    if (exit_code_ || pid_ <= 0) return exit_code_;
    const auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
      int status = 0;
      const pid_t r = ::waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return exit_code_;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return std::nullopt;
  }

  // Waits until stderr holds `text`; false on time-out or exit.
  bool WaitForErr(const std::string& text, std::chrono::milliseconds limit) {
    if (pid_ <= 0) return false;
    const auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
      if (Err().find(text) != std::string::npos) return true;
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return Err().find(text) != std::string::npos;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }

  // The pids of this process's children (its ingest workers).
  std::vector<pid_t> Children() const {
    std::vector<pid_t> children;
    DIR* proc = ::opendir("/proc");
    if (proc == nullptr) return children;
    while (dirent* e = ::readdir(proc)) {
      const pid_t pid = std::atoi(e->d_name);
      if (pid <= 0) continue;
      std::ifstream status("/proc/" + std::string(e->d_name) + "/status");
      for (std::string line; std::getline(status, line);) {
        if (line.rfind("PPid:", 0) == 0) {
          if (std::atoi(line.c_str() + 5) == pid_) children.push_back(pid);
          break;
        }
      }
    }
    ::closedir(proc);
    return children;
  }

 private:
  TempDir io_;
  pid_t pid_ = -1;
  std::optional<int> exit_code_;
};

}  // namespace diar::testing

#endif  // DIAR_TESTS_INGEST_DIAR_PROCESS_H_
