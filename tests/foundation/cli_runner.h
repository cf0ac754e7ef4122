// cli_runner: runs the real `diar` binary the way a user does, capturing
// stdout, stderr and the exit status, with a private index per test.
#ifndef DIAR_TESTS_FOUNDATION_CLI_RUNNER_H_
#define DIAR_TESTS_FOUNDATION_CLI_RUNNER_H_

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace diar::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void WriteFile(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

// Load errors, one per line, for a failure message.
inline std::string AllErrors(const std::vector<std::string>& errors) {
  std::string all;
  for (const std::string& e : errors) all += e + "\n";
  return all;
}

inline std::string Quote(const std::string& arg) {
  std::string q = "'";
  for (char c : arg) {
    if (c == '\'') q += "'\\''";
    else q += c;
  }
  return q + "'";
}

// A fresh directory under the system temp dir, removed with the object.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("diar-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The command that starts diar as an archivist without special rights.
// Tests run as root in CI, and root reads and writes anything, so as root
// diar runs as user nobody (setpriv). nobody may not reach the build tree
// (a clone inside a 0700 folder from mktemp -d), so the binary and the
// dictionaries are copied to a folder everyone can read.
class UnprivilegedDiar {
 public:
  UnprivilegedDiar() {
    const std::filesystem::path binary = std::filesystem::path(DIAR_BINARY_DIR) / "cli" / "diar";
    if (::geteuid() != 0) {
      command_ = Quote(binary.string());
      return;
    }
    namespace fs = std::filesystem;
    fs::permissions(copy_.path(), fs::perms::owner_all | fs::perms::group_read |
                                      fs::perms::group_exec | fs::perms::others_read |
                                      fs::perms::others_exec);
    fs::copy_file(binary, copy_.path() / "diar");
    fs::copy(fs::path(DIAR_SOURCE_DIR) / "dictionaries", copy_.path() / "dictionaries",
             fs::copy_options::recursive);
    command_ = "setpriv --reuid=65534 --regid=65534 --clear-groups " +
               Quote((copy_.path() / "diar").string()) + " --dictionaries " +
               Quote((copy_.path() / "dictionaries").string());
  }
  // `diar` with its global options, ready for more arguments.
  const std::string& command() const { return command_; }

 private:
  TempDir copy_;
  std::string command_;
};

// Runs `diar ARGS...` with --index pointing at `index`.
inline RunResult RunDiar(const std::filesystem::path& index, const std::vector<std::string>& args) {
  TempDir io;
  std::string cmd = Quote(std::string(DIAR_BINARY_DIR) + "/cli/diar") + " --index " + Quote(index.string());
  for (const std::string& a : args) cmd += " " + Quote(a);
  cmd += " >" + Quote((io.path() / "out").string()) + " 2>" + Quote((io.path() / "err").string());
  int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(io.path() / "out");
  r.err = ReadFile(io.path() / "err");
  return r;
}

inline std::filesystem::path CorpusDir() { return std::filesystem::path(DIAR_SOURCE_DIR) / "corpus"; }

// Every corpus PDF, sorted.
inline std::vector<std::filesystem::path> CorpusPdfs() {
  std::vector<std::filesystem::path> pdfs;
  for (const auto& entry : std::filesystem::directory_iterator(CorpusDir())) {
    if (entry.path().extension() == ".pdf") pdfs.push_back(entry.path());
  }
  std::sort(pdfs.begin(), pdfs.end());
  return pdfs;
}

}  // namespace diar::testing

#endif  // DIAR_TESTS_FOUNDATION_CLI_RUNNER_H_
