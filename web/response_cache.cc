#include "web/response_cache.h"

#include <malloc.h>

namespace diar::web {
namespace {

// What the allocator gave for `s`'s characters; 0 when they live inside the
// string object (short strings).
std::size_t HeapBytes(const std::string& s) {
  const char* data = s.data();
  const bool inside = data >= reinterpret_cast<const char*>(&s) && data < reinterpret_cast<const char*>(&s + 1);
  return inside ? 0 : malloc_usable_size(const_cast<char*>(data));
}

// A small block of `bytes` as an allocator rounds it: 16-byte steps, plus
// a header word (glibc; tcmalloc's size classes are no larger at these sizes).
constexpr std::size_t Block(std::size_t bytes) { return (bytes + sizeof(void*) + 15) / 16 * 16; }

// The answer's string object and shared count: one block (make_shared).
constexpr std::size_t kSharedBlock = Block(sizeof(std::string) + 2 * sizeof(long) + sizeof(void*));

}  // namespace

std::size_t ResponseCache::Cost(const Entry& e) {
  constexpr std::size_t kListNode = Block(2 * sizeof(void*) + sizeof(Entry));
  // Next pointer, key view, iterator, cached hash; one bucket pointer each.
  constexpr std::size_t kIndexNode = Block(sizeof(void*) + sizeof(std::string_view) + sizeof(void*) + sizeof(std::size_t)) +
                                     sizeof(void*);
  return HeapBytes(e.key) + HeapBytes(*e.answer) + kSharedBlock + kListNode + kIndexNode;
}

std::shared_ptr<const std::string> ResponseCache::Find(const std::string& key) {
  std::lock_guard lock(mu_);
  auto it = by_key_.find(key);
  if (it == by_key_.end()) return nullptr;
  recent_.splice(recent_.begin(), recent_, it->second);
  return it->second->answer;
}

void ResponseCache::Insert(const std::string& key, std::shared_ptr<const std::string> answer,
                           std::uint64_t generation) {
  Entry entry{key, std::move(answer)};
  const std::size_t cost = Cost(entry);
  std::lock_guard lock(mu_);
  if (generation != generation_ || cost > max_bytes_) return;
  if (auto it = by_key_.find(key); it != by_key_.end()) {
    // Another thread answered the same request meanwhile: keep one.
    const auto old = it->second;
    by_key_.erase(it);
    bytes_ -= Cost(*old);
    recent_.erase(old);
  }
  recent_.push_front(std::move(entry));
  by_key_.emplace(recent_.front().key, recent_.begin());
  bytes_ += cost;
  while (bytes_ > max_bytes_) {
    const Entry& last = recent_.back();
    bytes_ -= Cost(last);
    by_key_.erase(last.key);
    recent_.pop_back();
  }
}

void ResponseCache::Invalidate() {
  std::lock_guard lock(mu_);
  ++generation_;
  by_key_.clear();
  recent_.clear();
  bytes_ = 0;
}

std::uint64_t ResponseCache::generation() const {
  std::lock_guard lock(mu_);
  return generation_;
}

std::size_t ResponseCache::bytes() const {
  std::lock_guard lock(mu_);
  return bytes_;
}

std::size_t ResponseCache::entries() const {
  std::lock_guard lock(mu_);
  return recent_.size();
}

}  // namespace diar::web
