#include "index/inputs.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "pipeline/extract/extract.h"

namespace diar {
namespace {

namespace fs = std::filesystem;

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Why `path` (stat'ed through symlinks) is not a file ingest can read; ""
// when it is a regular file.
std::string NotARegularFile(const std::string& path, const struct stat& st) {
  if (S_ISREG(st.st_mode)) return "";
  if (S_ISFIFO(st.st_mode)) return path + ": a FIFO (named pipe), not a file; diar reads only regular files";
  if (S_ISSOCK(st.st_mode)) return path + ": a socket, not a file; diar reads only regular files";
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) {
    return path + ": a device, not a file; diar reads only regular files";
  }
  return path + ": not a regular file; diar reads only regular files";
}

}  // namespace

std::string AbsolutePath(const std::string& path) {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  return ec ? path : abs.lexically_normal().string();
}

Inputs CollectInputs(const std::vector<std::string>& paths) {
  Inputs inputs;
  for (const std::string& given : paths) {
    struct stat st {};
    if (::stat(given.c_str(), &st) != 0) {
      const int err = errno;
      std::string reason = given + ": ";
      if (err == ENOENT) {
        struct stat link {};
        reason += ::lstat(given.c_str(), &link) == 0 ? "a broken symbolic link; fix or remove it"
                                                     : "no such file or directory; check the path";
      } else if (err == ELOOP) {
        reason += "a symbolic link loop; fix the link";
      } else if (err == EACCES) {
        reason += "permission denied; check its permissions";
      } else {
        reason += std::strerror(err);
      }
      inputs.files.push_back({given, 0, reason});
      continue;
    }
    if (!S_ISDIR(st.st_mode)) {
      inputs.files.push_back({AbsolutePath(given), static_cast<std::uint64_t>(st.st_size),
                              NotARegularFile(given, st)});
      continue;
    }
    std::vector<Input> found;
    std::error_code ec;
    fs::recursive_directory_iterator it(given, fs::directory_options::none, ec);
    if (ec) {
      inputs.files.push_back({AbsolutePath(given), 0,
                              given + ": cannot read the folder: " + ec.message()});
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        // An unreadable subfolder or a loop: say so, and go on past it.
        found.push_back({AbsolutePath(it->path().string()), 0,
                         it->path().string() + ": cannot read: " + ec.message()});
        ec.clear();
        it.disable_recursion_pending();
        continue;
      }
      const std::string path = it->path().string();
      struct stat entry {};
      if (::stat(path.c_str(), &entry) != 0) {
        const int err = errno;
        if (IsSupportedFile(path)) {
          found.push_back({AbsolutePath(path), 0,
                           path + ": " + (err == ELOOP ? "a symbolic link loop; fix the link"
                                                       : err == ENOENT ? "a broken symbolic link"
                                                                       : std::strerror(err))});
        }
        continue;
      }
      // Folders are walked where they are; a link to a folder is not
      // followed (a link back into its own tree would be walked for ever).
      if (S_ISDIR(entry.st_mode)) continue;
      if (!IsSupportedFile(path)) {
        ++inputs.unsupported[Lower(it->path().extension().string())];
        continue;
      }
      found.push_back({AbsolutePath(path), static_cast<std::uint64_t>(entry.st_size),
                       NotARegularFile(path, entry)});
    }
    std::sort(found.begin(), found.end(),
              [](const Input& a, const Input& b) { return a.path < b.path; });
    for (Input& input : found) inputs.files.push_back(std::move(input));
  }
  return inputs;
}

}  // namespace diar
