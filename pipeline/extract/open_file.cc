#include "pipeline/extract/open_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace diar::extract_internal {
namespace {

std::string Kind(mode_t mode) {
  if (S_ISDIR(mode)) return "is a directory, not a file";
  if (S_ISFIFO(mode)) return "is a FIFO (named pipe), not a file; diar reads only regular files";
  if (S_ISSOCK(mode)) return "is a socket, not a file; diar reads only regular files";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "is a device, not a file; diar reads only regular files";
  return "is not a regular file; diar reads only regular files";
}

}  // namespace

Result<RegularFile> RegularFile::Open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT) return InputError(path + ": no such file; check the path");
    if (err == EACCES || err == EPERM) {
      return InputError(path + ": cannot be read: permission denied; check its permissions");
    }
    if (err == ELOOP) return InputError(path + ": too many levels of symbolic links (a loop?)");
    return InputError(path + ": cannot be opened: " + std::strerror(err));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    return InputError(path + ": cannot be read: " + std::strerror(err));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return InputError(path + ": " + Kind(st.st_mode));
  }
  // Reads of a regular file never return EAGAIN; blocking mode back on
  // anyway, so a network file system behaves as for any reader.
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  return RegularFile(path, fd, static_cast<std::uint64_t>(st.st_size));
}

RegularFile::RegularFile(RegularFile&& other) noexcept
    : path_(std::move(other.path_)), fd_(other.fd_), size_(other.size_) {
  other.fd_ = -1;
}

RegularFile::~RegularFile() {
  if (fd_ >= 0) ::close(fd_);
}

Result<std::size_t> RegularFile::Read(char* buffer, std::size_t n) {
  for (;;) {
    const ssize_t got = ::read(fd_, buffer, n);
    if (got >= 0) return static_cast<std::size_t>(got);
    if (errno == EINTR) continue;
    return InputError(path_ + ": read error: " + std::strerror(errno) +
                      "; check the disk and try again");
  }
}

Result<std::string> RegularFile::ReadAll() {
  std::string bytes(size_, '\0');
  std::size_t have = 0;
  while (have < bytes.size()) {
    Result<std::size_t> got = Read(bytes.data() + have, bytes.size() - have);
    if (!got) return got.error();
    if (*got == 0) break;  // shrank while being read
    have += *got;
  }
  bytes.resize(have);
  return bytes;
}

}  // namespace diar::extract_internal
