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
  // Every name's lower-case form and its forms with one code point deleted
  // (UTF-8) -> indices into names_.
  std::unordered_map<std::string, std::vector<std::size_t>> index_;
};

}  // namespace diar::tag_internal

#endif  // DIAR_PIPELINE_TAG_MISSPELLINGS_H_
