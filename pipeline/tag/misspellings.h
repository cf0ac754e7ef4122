// Known bodies misspelt by one letter: "Kommunfyllmäktige", "Europiska
// unionen". TAGGING.md: a misspelt known name keeps its text; its value is
// the right name.
//
// Only long names are matched so (kMinCodePoints): among short names one
// letter makes another name or word ("Region Skåne", "Sala kommun" against
// "Salem kommun"). The name must keep its first letter and its number of
// words, and the span must not overlap a body found otherwise. The names
// are the gazetteer's (canonical names and variants, not acronyms) and the
// organ names in misspelling_organs.list, which the gazetteer leaves to the
// organ rules. Private to pipeline/tag.
#ifndef DIAR_PIPELINE_TAG_MISSPELLINGS_H_
#define DIAR_PIPELINE_TAG_MISSPELLINGS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pipeline/tag/resolve.h"

namespace diar::tag_internal {

// Fifteen code points: "Kommunstyrelsen" and longer. A one-letter slip in a
// name this long leaves no other name of the same length a letter away.
inline constexpr std::size_t kMinCodePoints = 15;

class Misspellings {
 public:
  // `names`: each known name form with the value a misspelling of it gets.
  void Build(const std::vector<std::pair<std::string, std::string>>& names);

  // Adds a body candidate for every span of one to three words, beginning
  // with a capital, that is one letter (an insertion, a deletion or a
  // substitution) from a known name and overlaps no body candidate.
  void Find(std::string_view text, std::vector<Candidate>* candidates) const;

 private:
  struct Name {
    std::u32string form;  // lower case
    std::string value;
    std::size_t words = 0;
  };
  std::vector<Name> names_;
  // The name `span` (of `words` words) is one letter from, or null.
  const Name* Closest(std::string_view span, std::size_t words) const;
  // A hash of every name's lower-case form and of its forms with one code
  // point deleted -> indices into names_ (symmetric deletion: a text within
  // one edit of a name shares one of these with it). Hashes, not strings,
  // so that a span is checked in one pass without copies (tagging speed,
  // bench/tag); a hit is verified letter by letter.
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> index_;
  // One bit per hash in index_ (2^kBloomBitsLog2 of them): most probes miss, and
  // a bit in a table that stays in cache answers them without the map.
  static constexpr int kBloomBitsLog2 = 21;
  std::vector<std::uint64_t> bloom_;
  // Keys a span must show to be worth decoding, checked on the raw bytes.
  // A one-letter slip keeps a name's first letter, its number of words and
  // its length give or take one; it leaves a two- or three-word name's
  // first or last word as written, and a one-word name's first or last
  // kAffixBytes bytes (the slip is in one half of at least 15 letters).
  class KeySet {
   public:
    void Add(std::uint64_t key) { keys_.push_back(key); }
    void Seal();
    bool Has(std::uint64_t key) const;

   private:
    static constexpr int kBitsLog2 = 17;
    std::vector<std::uint64_t> bits_;  // one bit per key's hash: most probes stop here
    std::vector<std::uint64_t> keys_;  // sorted
  };
  KeySet keys_;
  // One bit per (words, first letter, length give or take one) of the names
  // of up to three words: a span whose bit is clear is no name's slip.
  static constexpr int kLengthBitsLog2 = 14;
  std::vector<std::uint64_t> lengths_;
  bool MayHaveLength(std::size_t words, char32_t lower_first, std::size_t code_points) const;
};

}  // namespace diar::tag_internal

#endif  // DIAR_PIPELINE_TAG_MISSPELLINGS_H_
