// fd_io: whole reads and writes on a file descriptor, through short counts
// and interrupted calls. Private to index/ (the worker pool's pipes, the
// lexicon cache's file).
#ifndef DIAR_INDEX_FD_IO_H_
#define DIAR_INDEX_FD_IO_H_

#include <unistd.h>

#include <cerrno>
#include <cstddef>

namespace diar {

// Writes all `size` bytes; false when the descriptor fails or closes first.
inline bool WriteAll(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

// Reads exactly `size` bytes; false at an error or the end before that.
inline bool ReadAll(int fd, char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = ::read(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace diar

#endif  // DIAR_INDEX_FD_IO_H_
