#include "web/response_cache.h"

namespace diar::web {

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
    bytes_ -= Cost(*it->second);
    recent_.erase(it->second);
    by_key_.erase(it);
  }
  recent_.push_front(std::move(entry));
  by_key_.emplace(key, recent_.begin());
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
