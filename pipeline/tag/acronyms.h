// Acronyms a document defines: "Mälardalstrafik AB (MÄLAB)" names a body and
// gives it a short name, which the document then uses alone ("MÄLAB
// ansvarar"). TAGGING.md: acronym and expansion are two mentions, both
// valued with the full name.
//
// In: the text and the candidates found so far. Out: a body candidate for
// the acronym in brackets right after a body candidate, and one for every
// later use of it as a word (also in the genitive, "MÄLAB:s"), each valued
// as the body. An acronym the gazetteer knows is found by the gazetteer
// anyway; resolution then prefers the dictionary's.
#ifndef DIAR_PIPELINE_TAG_ACRONYMS_H_
#define DIAR_PIPELINE_TAG_ACRONYMS_H_

#include <string_view>
#include <vector>

#include "pipeline/tag/resolve.h"

namespace diar::tag_internal {

void AddDefinedAcronyms(std::string_view text, std::vector<Candidate>* candidates);

// Bodies named by an acronym alone: "Västmanlands Kommuner och Landsting
// (VKL)" has no cue word and no dictionary entry, but the letters in
// brackets are its words' initials (link words such as "och" aside), which
// makes it a name. The name becomes a body candidate valued as written;
// AddDefinedAcronyms, run after, adds the acronym's uses. Not when the last
// word ends as a law, fund, programme or plan does (acronym_name_stop.list:
// "Lagen om offentlig upphandling (LOU)").
class Lexicon;
void AddNamedByAcronym(std::string_view text, const Lexicon& lexicon,
                       std::vector<Candidate>* candidates);

}  // namespace diar::tag_internal

#endif  // DIAR_PIPELINE_TAG_ACRONYMS_H_
