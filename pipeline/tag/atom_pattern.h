// Expands an `@atoms` pattern (see rule_set.h) into the literal strings it
// stands for. The pattern is a small, finite subset of RE2 syntax:
//
//   literal characters, escaped punctuation (\. \- \/ ...), \x{HHHH}
//   \d                       any one digit
//   [abc] [a-z] [0-9/.]      one character of a class (no negation)
//   (?:a|b) (?i:a|b)         groups and alternatives
//   x?  x{N}                 optional, exactly N times
//   \s  \s+  [ \t]+  \s*     white space: one space (the scanner folds
//                            every white-space run to one space)
//
// Anything that makes the set infinite or unknown (., *, + other than on
// white space, {N,M}, negated classes, \w, \b, \p) is an error, as is a
// set larger than `limit`.
#ifndef DIAR_PIPELINE_TAG_ATOM_PATTERN_H_
#define DIAR_PIPELINE_TAG_ATOM_PATTERN_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace diar::tag_internal {

// The strings `pattern` matches, deduplicated; false with `*error` set if
// it is not a finite pattern of the subset above.
bool ExpandAtomPattern(std::string_view pattern, std::size_t limit,
                       std::vector<std::string>* strings, std::string* error);

}  // namespace diar::tag_internal

#endif  // DIAR_PIPELINE_TAG_ATOM_PATTERN_H_
