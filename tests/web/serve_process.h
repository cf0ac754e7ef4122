// serve_process: a real `diar serve` on a free port for the length of a
// test (or a benchmark), and the address it printed.
#ifndef DIAR_TESTS_WEB_SERVE_PROCESS_H_
#define DIAR_TESTS_WEB_SERVE_PROCESS_H_

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace diar::testing {

class ServeProcess {
 public:
  // Starts `binary serve --index INDEX --port 0 EXTRA...`, with `env`
  // ("NAME=VALUE") added to its environment, and waits for the address on
  // its stdout. Throws when the server exits first.
  ServeProcess(const std::string& binary, const std::string& index, const std::vector<std::string>& extra = {},
               const std::vector<std::string>& env = {}) {
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      close(out[1]);
      for (const std::string& e : env) putenv(strdup(e.c_str()));
      std::vector<std::string> args = {binary, "-q", "serve", "--index", index, "--port", "0"};
      args.insert(args.end(), extra.begin(), extra.end());
      std::vector<char*> argv;
      for (std::string& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(binary.c_str(), argv.data());
      _exit(127);
    }
    close(out[1]);
    std::string line;
    char c;
    while (read(out[0], &c, 1) == 1 && c != '\n') line += c;
    close(out[0]);
    if (line.rfind("http://", 0) != 0) {
      Stop();
      throw std::runtime_error("diar serve did not start (printed '" + line + "')");
    }
    url_ = line;
    // "http://127.0.0.1:PORT/" -> host and port for an httplib client.
    const std::size_t colon = line.rfind(':');
    host_ = line.substr(7, colon - 7);
    port_ = std::stoi(line.substr(colon + 1));
  }
  ~ServeProcess() { Stop(); }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  const std::string& url() const { return url_; }
  const std::string& host() const { return host_; }
  int port() const { return port_; }
  pid_t pid() const { return pid_; }

  // SIGTERM, then the exit status (-1 if it did not exit normally).
  int Stop() {
    if (pid_ <= 0) return status_;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    Ended(status);
    return status_;
  }

  // Empty while the server runs; otherwise how it ended ("killed by signal
  // 11 (Segmentation fault)"), so a load test can tell a crash from slowness.
  std::string Gone() {
    int status = 0;
    if (pid_ > 0 && waitpid(pid_, &status, WNOHANG) == pid_) Ended(status);
    return ended_;
  }

 private:
  void Ended(int status) {
    pid_ = -1;
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    ended_ = WIFSIGNALED(status) ? "killed by signal " + std::to_string(WTERMSIG(status)) + " (" +
                                       strsignal(WTERMSIG(status)) + ")"
                                 : "exited with status " + std::to_string(status_);
  }

  pid_t pid_ = -1;
  int status_ = -1;
  std::string ended_;
  std::string url_, host_;
  int port_ = 0;
};

}  // namespace diar::testing

#endif  // DIAR_TESTS_WEB_SERVE_PROCESS_H_
