// response_cache: the server's answers to searches, kept by request, least
// recently used dropped first, within a byte budget.
//
//   diar::web::ResponseCache cache(32 << 20);
//   const std::uint64_t generation = cache.generation();
//   if (auto body = cache.Find(key)) return *body;
//   std::string answer = ...;                 // from a Searcher
//   cache.Insert(key, answer, generation);
//   cache.Invalidate();                        // the index has a new commit
//
// An answer belongs to the index revision it was computed on. Invalidate
// drops every answer and starts a new generation; Insert takes the
// generation read before the search began and keeps the answer only if no
// invalidation happened since, so an answer computed on the old revision
// never outlives the commit that replaced it.
//
// Thread safety: every call may come from any thread (one mutex; the
// critical sections are a hash lookup and a list splice).
#ifndef DIAR_WEB_RESPONSE_CACHE_H_
#define DIAR_WEB_RESPONSE_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace diar::web {

class ResponseCache {
 public:
  // `max_bytes`: what the entries take from the heap (keys, answers and the
  // cache's own nodes, see Cost); 0 keeps nothing (every Find misses).
  explicit ResponseCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

  // The answer stored under `key`, or null; a hit makes it the most recent.
  std::shared_ptr<const std::string> Find(const std::string& key);

  // Stores `answer` unless Invalidate ran after `generation` was read, or
  // the answer alone is larger than the budget; evicts the least recently
  // used answers beyond the budget.
  void Insert(const std::string& key, std::shared_ptr<const std::string> answer, std::uint64_t generation);

  // Drops every answer (the index changed).
  void Invalidate();

  std::uint64_t generation() const;
  std::size_t bytes() const;
  std::size_t entries() const;

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const std::string> answer;
  };
  // The heap bytes `e` holds, as the allocator hands them out (its size
  // class, not the string's length): the key's and the answer's buffers,
  // the answer's shared block, the list node, the index node and its share
  // of the index's buckets.
  static std::size_t Cost(const Entry& e);

  const std::size_t max_bytes_;
  mutable std::mutex mu_;
  std::uint64_t generation_ = 0;
  std::size_t bytes_ = 0;
  std::list<Entry> recent_;  // most recently used first
  // Keys are views of the entries' own keys (list nodes do not move).
  std::unordered_map<std::string_view, std::list<Entry>::iterator> by_key_;
};

}  // namespace diar::web

#endif  // DIAR_WEB_RESPONSE_CACHE_H_
