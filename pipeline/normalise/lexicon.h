// lexicon: "is this a Swedish word?", answered by hunspell with the sv_SE
// dictionary (hunspell-sv), which accepts compounds as Swedish forms them
// ("regionalutvecklingsnämnden"). Private to normalise.
//
// One Lexicon per dictionary path is loaded on first use and kept for the
// process (loading sv_SE takes ~0.1 s; dehyphenation asks a few questions
// per page). Hunspell objects are not thread-safe, so calls take a lock; they
// are rare enough that it is never contended for long.
#ifndef DIAR_PIPELINE_NORMALISE_LEXICON_H_
#define DIAR_PIPELINE_NORMALISE_LEXICON_H_

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

class Hunspell;

namespace diar::normalise_internal {

class Lexicon {
 public:
  // The shared lexicon for `base` (a path without extension: base.aff and
  // base.dic). Null when the files are missing or unreadable; callers then
  // do without (dehyphenation falls back on the document and its rules).
  static const Lexicon* Get(const std::string& base);

  ~Lexicon();

  // True when hunspell accepts `word` (UTF-8) as written.
  bool IsWord(const std::string& word) const;

 private:
  explicit Lexicon(std::unique_ptr<Hunspell> hunspell);

  std::unique_ptr<Hunspell> hunspell_;
  mutable std::mutex mu_;
  // Answers so far: documents repeat their words, and a compound check can
  // cost tens of microseconds. Cleared when it grows past kCacheLimit.
  mutable std::unordered_map<std::string, bool> cache_;
  static constexpr std::size_t kCacheLimit = 1 << 16;
};

}  // namespace diar::normalise_internal

#endif  // DIAR_PIPELINE_NORMALISE_LEXICON_H_
