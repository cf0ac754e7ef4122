// value_cache: a value former's values by span, one table per thread.
//
//   static thread_local ValueCache<std::string> cache;
//   const std::string& value =
//       cache.Get(span, lexicon.id(), &gazetteer, [&] { return PlanValue(span, lexicon, gazetteer); });
//
// Documents repeat their bodies', organs' and plans' names page after page,
// and a former's value depends on the span and the dictionaries alone. The
// table empties when other dictionaries are in use (another lexicon id or
// gazetteer) and when it passes kMaxEntries, so it stays small over a long
// run. One per thread (thread_local): no locking.
#ifndef DIAR_PIPELINE_TAG_VALUE_CACHE_H_
#define DIAR_PIPELINE_TAG_VALUE_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>

namespace diar::tag_internal {

template <typename Value>
class ValueCache {
 public:
  static constexpr std::size_t kMaxEntries = 4096;

  // The value of `span` under these dictionaries: kept, or made by `form()`
  // and kept. Valid until the next call.
  template <typename Form>
  const Value& Get(const std::string& span, std::uint64_t lexicon_id, const void* gazetteer, Form&& form) {
    if (lexicon_id_ != lexicon_id || gazetteer_ != gazetteer || values_.size() > kMaxEntries) {
      values_.clear();
      lexicon_id_ = lexicon_id;
      gazetteer_ = gazetteer;
    }
    auto it = values_.find(span);
    if (it == values_.end()) it = values_.emplace(span, form()).first;
    return it->second;
  }

 private:
  std::uint64_t lexicon_id_ = 0;
  const void* gazetteer_ = nullptr;
  std::unordered_map<std::string, Value> values_;
};

}  // namespace diar::tag_internal

#endif  // DIAR_PIPELINE_TAG_VALUE_CACHE_H_
