// open_file: how extract reads a file from the file system. Private to
// extract (ExtractFile and HashFile).
//
// Only regular files are read. A FIFO named x.pdf would otherwise block the
// reader for ever (holding the index's write lock), and a device or socket
// has no end: the file is opened with O_NONBLOCK, so even opening a FIFO
// returns at once, then fstat on the open descriptor (no race with a rename)
// says what it is. Errors are kInput and name the file.
#ifndef DIAR_PIPELINE_EXTRACT_OPEN_FILE_H_
#define DIAR_PIPELINE_EXTRACT_OPEN_FILE_H_

#include <cstdint>
#include <string>

#include "pipeline/result.h"

namespace diar::extract_internal {

// An open regular file; closes it when destroyed.
class RegularFile {
 public:
  static Result<RegularFile> Open(const std::string& path);
  RegularFile(RegularFile&& other) noexcept;
  RegularFile& operator=(RegularFile&&) = delete;
  ~RegularFile();

  std::uint64_t size() const { return size_; }
  // Reads up to `n` bytes into `buffer`; returns the count (0 at the end),
  // or a kInput error naming the file.
  Result<std::size_t> Read(char* buffer, std::size_t n);
  // The whole file (size() bytes, or fewer if it shrank meanwhile).
  Result<std::string> ReadAll();

 private:
  RegularFile(std::string path, int fd, std::uint64_t size)
      : path_(std::move(path)), fd_(fd), size_(size) {}
  std::string path_;
  int fd_ = -1;
  std::uint64_t size_ = 0;
};

}  // namespace diar::extract_internal

#endif  // DIAR_PIPELINE_EXTRACT_OPEN_FILE_H_
