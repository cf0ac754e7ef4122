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
#include <algorithm>
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
  // A hash of every name's lower-case form and of its forms with one code
  // point deleted -> indices into names_ (symmetric deletion: a text within
  // one edit of a name shares one of these with it). Hashes, not strings,
  // so that a span is checked in one pass without copies (tagging speed,
  // bench/tag); a hit is verified letter by letter.
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> index_;
  // One bit per hash in index_ (kBloomBits of them): most probes miss, and
  // a bit in a table that stays in cache answers them without the map.
  static constexpr std::size_t kBloomBits = std::size_t{1} << 21;
  std::vector<std::uint64_t> bloom_;
  // A one-letter slip leaves a two- or three-word name's first or last word
  // as written, and a one-word name its length give or take one: hashes of
  // the lower-case words (by number of words) and of (first letter, length),
  // checked from the raw bytes before a span is decoded.
  std::vector<std::uint64_t> first_words_[4], last_words_[4], single_lengths_;
};

}  // namespace diar::tag_internal

#endif  // DIAR_PIPELINE_TAG_MISSPELLINGS_H_
