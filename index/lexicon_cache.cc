#include "index/lexicon_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <utility>
#include <vector>

#include "index/fd_io.h"

namespace diar::lexicon_internal {
namespace {

constexpr char kMagic[8] = {'d', 'i', 'a', 'r', 'l', 'e', 'x', '\n'};
// Written as this machine stores it: read back as another value on a
// machine of the other byte order.
constexpr std::uint32_t kByteOrder = 0x01020304;

struct CacheHeader {
  char magic[8];
  std::uint32_t format, byte_order, word_size, sources;
  SourceStamp source[kCacheSources];
  std::uint64_t block_size;  // bytes after the header: the whole rest of the file
  std::uint64_t checksum;    // Checksum(the block)
};
// The block after the header must start 8-byte aligned, as a mapping does.
static_assert(sizeof(CacheHeader) % 8 == 0);

// Every byte of the block (see the header for why). Four lanes, a
// multiply per 8 bytes: each step is a bijection of its lane, so a changed
// word leaves its lane changed to the end. 7.3 M instructions for the
// 19 MB; XXH64's round (a rotate and a second multiply) took 17 M.
std::uint64_t Checksum(std::string_view bytes) {
  constexpr std::uint64_t kPrime1 = 0x9E3779B185EBCA87ull, kPrime2 = 0xC2B2AE3D27D4EB4Full;
  std::uint64_t lane[4] = {kPrime1, kPrime2, ~kPrime1, ~kPrime2};
  std::size_t i = 0;
  for (; i + 32 <= bytes.size(); i += 32) {
    for (int k = 0; k < 4; ++k) {
      std::uint64_t word;
      std::memcpy(&word, bytes.data() + i + 8 * k, 8);
      lane[k] = (lane[k] ^ word) * kPrime1;
    }
  }
  std::uint64_t h = bytes.size();
  const auto round = [](std::uint64_t acc, std::uint64_t word) {
    return std::rotl(acc + word * kPrime2, 31) * kPrime1;
  };
  for (std::uint64_t l : lane) h = round(h, l);
  for (; i < bytes.size(); ++i) h = round(h, static_cast<unsigned char>(bytes[i]));
  return h;
}

CacheHeader HeaderFor(const CacheKey& key, std::uint64_t block_size) {
  CacheHeader header{};
  std::memcpy(header.magic, kMagic, sizeof(kMagic));
  header.format = kCacheFormat;
  header.byte_order = kByteOrder;
  header.word_size = sizeof(void*);
  header.sources = kCacheSources;
  for (std::size_t i = 0; i < kCacheSources; ++i) header.source[i] = key.sources[i];
  header.block_size = block_size;
  header.checksum = 0;
  return header;
}

std::string Errno(const std::string& what) { return what + ": " + std::strerror(errno); }

// Each checkout of diar has its own dictionaries folder and so its own
// cache file (19 MB): without a bound, every clone ever built would leave
// one behind. The folder keeps the kKeptCaches used last, `kept` among them.
// A file another process has mapped stays readable when it is removed.
void PruneCaches(const std::filesystem::path& folder, const std::string& kept) {
  std::error_code error;
  std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> others;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("lexicon-v", 0) != 0 || entry.path().extension() != ".bin" ||
        entry.path() == std::filesystem::path(kept)) {
      continue;
    }
    std::error_code time_error;
    const auto time = entry.last_write_time(time_error);
    if (!time_error) others.emplace_back(time, entry.path());
  }
  if (others.size() < kKeptCaches) return;
  std::sort(others.begin(), others.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = kKeptCaches - 1; i < others.size(); ++i) {
    std::filesystem::remove(others[i].second, error);
  }
}

}  // namespace

std::optional<CacheKey> KeyOf(const std::array<std::string, kCacheSources>& paths) {
  CacheKey key;
  for (std::size_t i = 0; i < kCacheSources; ++i) {
    struct stat st;
    if (::stat(paths[i].c_str(), &st) != 0) return std::nullopt;
    key.sources[i] = {static_cast<std::uint64_t>(st.st_size),
                      static_cast<std::uint64_t>(st.st_mtim.tv_sec) * 1000000000ull +
                          static_cast<std::uint64_t>(st.st_mtim.tv_nsec),
                      static_cast<std::uint64_t>(st.st_ino), static_cast<std::uint64_t>(st.st_dev)};
  }
  return key;
}

std::string CachePath(const std::string& cache_dir, const std::string& dictionaries_dir) {
  std::error_code error;
  std::string folder = std::filesystem::weakly_canonical(std::filesystem::absolute(dictionaries_dir), error);
  if (error) folder = dictionaries_dir;
  std::uint64_t h = 0xCBF29CE484222325ull;  // FNV-1a: any stable hash will do
  for (unsigned char c : folder) h = (h ^ c) * 0x100000001B3ull;
  char name[64];
  std::snprintf(name, sizeof(name), "lexicon-v%u-%016llx.bin", static_cast<unsigned>(kCacheFormat),
                static_cast<unsigned long long>(h));
  return cache_dir + "/" + name;
}

std::optional<MappedBlock> MapCache(const std::string& path, const CacheKey& key, std::string* why) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *why = Errno(path);
    return std::nullopt;
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || st.st_size < static_cast<off_t>(sizeof(CacheHeader))) {
    ::close(fd);
    *why = path + ": shorter than its header";
    return std::nullopt;
  }
  const auto size = static_cast<std::size_t>(st.st_size);
  void* at = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (at == MAP_FAILED) {
    *why = Errno(path + ": mmap");
    return std::nullopt;
  }
  std::shared_ptr<const void> mapping(at, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
  CacheHeader header;
  std::memcpy(&header, at, sizeof(header));
  if (std::memcmp(header.magic, kMagic, sizeof(kMagic)) != 0) {
    *why = path + ": not a diar lexicon cache";
    return std::nullopt;
  }
  const CacheHeader expected = HeaderFor(key, size - sizeof(CacheHeader));
  if (header.format != expected.format || header.byte_order != expected.byte_order ||
      header.word_size != expected.word_size || header.sources != expected.sources) {
    *why = path + ": written by another diar or machine";
    return std::nullopt;
  }
  if (header.block_size != expected.block_size) {
    *why = path + ": " + std::to_string(size) + " bytes, its header says " +
           std::to_string(header.block_size + sizeof(CacheHeader));
    return std::nullopt;
  }
  for (std::size_t i = 0; i < kCacheSources; ++i) {
    if (!(header.source[i] == expected.source[i])) {
      *why = path + ": a dictionary changed since it was written";
      return std::nullopt;
    }
  }
  const std::string_view block(static_cast<const char*>(at) + sizeof(CacheHeader),
                               size - sizeof(CacheHeader));
  if (Checksum(block) != header.checksum) {
    *why = path + ": damaged (its checksum does not match)";
    return std::nullopt;
  }
  // Its modification time says when it was last used, for PruneCaches (a
  // failure only makes it look older).
  ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0);
  return MappedBlock{std::move(mapping), block.data(), block.size()};
}

bool WriteCache(const std::string& path, const CacheKey& key, std::string_view block, std::string* why) {
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) {
    *why = folder.string() + ": " + error.message();
    return false;
  }
  std::string temporary = path + ".XXXXXX";
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) {
    *why = Errno(temporary);
    return false;
  }
  CacheHeader header = HeaderFor(key, block.size());
  header.checksum = Checksum(block);
  std::string failure;
  if (!WriteAll(fd, reinterpret_cast<const char*>(&header), sizeof(header)) ||
      !WriteAll(fd, block.data(), block.size())) {
    failure = Errno(temporary);
  }
  if (::close(fd) != 0 && failure.empty()) failure = Errno(temporary);
  if (failure.empty() && ::rename(temporary.c_str(), path.c_str()) != 0) failure = Errno(path);
  if (!failure.empty()) {
    *why = failure;
    ::unlink(temporary.c_str());
    return false;
  }
  PruneCaches(folder, path);
  return true;
}

}  // namespace diar::lexicon_internal
