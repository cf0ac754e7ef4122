// lexicon: "is this a Swedish word?", answered by hunspell with the sv_SE
// dictionary (hunspell-sv), which accepts compounds as Swedish forms them
// ("regionalutvecklingsnämnden"). Private to normalise.
//
// One Lexicon per dictionary path is made on first use and kept for the
// process, never destroyed (freeing hunspell's tables at exit is work the
// process's end does anyway). Hunspell itself is loaded at the first
// question: loading sv_SE takes ~0.1 s, and a document without a line-end
// hyphen that needs it asks none. Hunspell objects are not thread-safe, so calls take a lock; they
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

  // Loads hunspell now rather than at the first question, so processes
  // forked afterwards share its tables instead of each reading them.
  void Load() const;

 private:
  Lexicon(std::string aff, std::string dic);

  const std::string aff_, dic_;
  mutable std::mutex mu_;
  mutable std::unique_ptr<Hunspell> hunspell_;  // loaded by the first IsWord
  // Answers so far: documents repeat their words, and a compound check can
  // cost tens of microseconds. Cleared when it grows past kCacheLimit.
  mutable std::unordered_map<std::string, bool> cache_;
  static constexpr std::size_t kCacheLimit = 1 << 16;
};

}  // namespace diar::normalise_internal

#endif  // DIAR_PIPELINE_NORMALISE_LEXICON_H_
