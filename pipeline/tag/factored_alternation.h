// factored_alternation: one RE2 alternation of many literal-like patterns,
// written as a tree of their common prefixes. Private to tag/.
//
//   FactoredAlternation({"(?:A|a)le\\s+kommun", "(?:A|a)lvesta\\s+kommun"})
//     == "(?:(?:A|a)l(?:e\\s+kommun|vesta\\s+kommun))"
//
// Why: the gazetteer's alternation of 3,177 name forms was 130 M
// instructions to compile, half of the tagger's load. RE2 factors common
// prefixes itself while parsing; handed the tree, it has less left to do:
// the gazetteer's load went from 154 M to 128 M instructions, this
// factoring's 16 M included (callgrind, one-file ingest_bench).
//
// Same matches: a·B | a·C is a·(B|C), and B together with the empty string
// is (B)?, so the pattern denotes the same strings, and a leftmost-longest
// RE2 (longest_match) finds the same match in any text; a leftmost-first one
// might not, so use it only with longest_match.
//
// Input: patterns in any order, repeats allowed, made only of these pieces,
// each optionally followed by `?` or `+`: a code point, a `\` escape as
// RE2::QuoteMeta writes it (`\x00` included), `\s`, and a group `(?:...)`
// without nested groups. Output: their alternation in one group.
// Thread safety: pure.
#ifndef DIAR_PIPELINE_TAG_FACTORED_ALTERNATION_H_
#define DIAR_PIPELINE_TAG_FACTORED_ALTERNATION_H_

#include <string>
#include <vector>

namespace diar::tag_internal {

// "(?:" alternatives factored by common leading pieces ")".
std::string FactoredAlternation(const std::vector<std::string>& alternatives);

}  // namespace diar::tag_internal

#endif  // DIAR_PIPELINE_TAG_FACTORED_ALTERNATION_H_
