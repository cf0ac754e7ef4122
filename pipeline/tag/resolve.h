// From candidate matches (byte offsets, possibly overlapping) to the
// mentions Tag returns (code-point offsets, pages, no same-type overlap).
//
// Per type the longest candidate wins, then the earliest, then one from a
// dictionary over one from a rule (TAGGING.md). Across types mentions may
// nest, except where one reading excludes the other:
// - a date or period inside a dnr is part of the number ("RS 2021-2022/12");
// - a date inside a period is one of its ends ("augusti 2020 till december
//   2021" is one period, not two dates as well).
// Rule-found names (document_canonical) written in several ways in one
// document take one value: that of the most frequent spelling whose head is
// definite, else of the most frequent spelling ("Samverkansgrupp kultur och
// idrott" -> "Samverkansgruppen Kultur och idrott" when the document mostly
// writes the latter).
// Candidates with emit == false (programme names) take part in the contest
// and so block shorter body candidates inside them, but are not returned.
#ifndef DIAR_PIPELINE_TAG_RESOLVE_H_
#define DIAR_PIPELINE_TAG_RESOLVE_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/tag/tag.h"

namespace diar::tag_internal {

struct Candidate {
  std::string_view type;  // points at a rule's type or a literal
  std::size_t begin = 0;  // bytes
  std::size_t end = 0;
  std::string value;
  // Dictionary candidates: the entry's canonical name, copied into the
  // mention only if the candidate is kept (`value` stays empty).
  const std::string* canonical = nullptr;
  bool inferred = false;
  std::string owner;
  const std::string* rule = nullptr;
  bool from_dictionary = false;
  bool emit = true;
  bool document_canonical = false;  // see ConsistentNames in resolve.cc
  std::string owned_value;          // see FormedValue::owned_value
  // Filled by Resolve.
  std::size_t cp_begin = 0;
  std::size_t cp_end = 0;
};

std::vector<Mention> Resolve(const NormalisedText& text, std::vector<Candidate> candidates);

}  // namespace diar::tag_internal

#endif  // DIAR_PIPELINE_TAG_RESOLVE_H_
