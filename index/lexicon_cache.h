// lexicon_cache: the word-form lexicon's block (index/lexicon_block.h)
// kept in a file, so that a process maps it instead of reading and
// indexing the dictionaries. Private to index/.
//
//   std::optional<CacheKey> key = KeyOf({lemmas, compounds, stops});
//   std::string path = CachePath(cache_dir, dictionaries_dir);
//   if (auto mapped = MapCache(path, *key, &why)) use it;
//   else { build; WriteCache(path, *key, block, &why); }
//
// The file: a CacheHeader, then the block. The header carries the key: the
// format version, this machine's byte order and word size, and the size,
// mtime (ns), inode and device of each source file, and a checksum of the
// block. Any difference, a file shorter or longer than its header says, a
// bad magic or a block whose checksum differs, and MapCache gives nothing:
// the caller builds from the dictionaries and writes the file again.
// Written to a temporary in the same folder and renamed, so a reader sees
// the old file or the new one, never half of one; a file is never changed
// in place (a mapping of it would see the change, or fault past its end).
// The checksum reads all 19 MB at every map (7 M instructions, about 3 ms
// with the page faults): a damaged file must not change an answer, and the
// header's offsets alone would take a zeroed table for an empty one.
//
// Thread safety: free functions on their own files; a file two processes
// write at once ends up as the one renamed last, and both are whole.
#ifndef DIAR_INDEX_LEXICON_CACHE_H_
#define DIAR_INDEX_LEXICON_CACHE_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace diar::lexicon_internal {

// Raised whenever the block's layout or what it holds changes; it is in the
// file name too, so diar builds of two versions keep a file each.
inline constexpr std::uint32_t kCacheFormat = 1;

// Cache files a folder keeps (the ones used last): a file per dictionaries
// folder, so per checkout of diar. Writing one removes the oldest beyond.
inline constexpr std::size_t kKeptCaches = 4;

struct SourceStamp {
  std::uint64_t size = 0, mtime_ns = 0, inode = 0, device = 0;
  bool operator==(const SourceStamp&) const = default;
};
// lemmas_sv.tsv, compounds_sv.tsv, compound_stop.list.
inline constexpr std::size_t kCacheSources = 3;
struct CacheKey {
  std::array<SourceStamp, kCacheSources> sources;  // in the order of KeyOf's paths
  bool operator==(const CacheKey&) const = default;
};

// The key of the files at `paths`; nothing when one cannot be stat'ed (the
// load then reports the file). Take it before reading the files: a file
// changed after it then fails the next run's check.
std::optional<CacheKey> KeyOf(const std::array<std::string, kCacheSources>& paths);

// The cache file for `dictionaries_dir` in `cache_dir`: each dictionaries
// folder gets its own (the name has a hash of its absolute path), so two
// checkouts do not replace each other's file at every run.
std::string CachePath(const std::string& cache_dir, const std::string& dictionaries_dir);

// A block mapped read-only: `data` (8-byte aligned) stays valid while
// `mapping` lives.
struct MappedBlock {
  std::shared_ptr<const void> mapping;
  const char* data = nullptr;
  std::size_t size = 0;
};

// The block in the file at `path` when its header is whole and carries
// `key`; else nothing, and `*why` says what was wrong (for a debug line).
std::optional<MappedBlock> MapCache(const std::string& path, const CacheKey& key, std::string* why);

// Writes `block` under `key` to `path` atomically, creating its folder, and
// removes the folder's cache files beyond the kKeptCaches used last (each
// successful MapCache marks its file used). False, with `*why`, when it
// cannot write; nothing is left behind then.
bool WriteCache(const std::string& path, const CacheKey& key, std::string_view block, std::string* why);

}  // namespace diar::lexicon_internal

#endif  // DIAR_INDEX_LEXICON_CACHE_H_
