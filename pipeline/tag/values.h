// Value formers: how a rule match becomes a mention's canonical value.
//
// A rule names its former in the rules file's third field. Each former reads
// the span and the rule's named groups and either gives the value or rejects
// the match (a "range" that runs backwards is no period; "KF 2019-05-20" is
// no dnr). Formers:
//
//   date    year? month day? | season year?  ->  2022-03-29, 2020-08, 2020-21, -22
//           (no year with a day: the document date's year, inferred = true;
//           with no document date the match is dropped)
//   period  y1 m1? d1? .. y2 m2? d2?         ->  2019/2022, 2020-08/2021-12
//           (two-digit y2 takes y1's century; an end missing its year or month
//           takes the other end's; start must precede end, at most 50 years)
//   dnr     the span                         ->  upper case, spaces folded
//   text    the span                         ->  spaces folded
//   organ   the span                         ->  see organs.h
//   plan    the span                         ->  see plans.h
//   name    the span                         ->  as written, genitive removed
//           (rejected when it starts with a body_determiners.list word)
#ifndef DIAR_PIPELINE_TAG_VALUES_H_
#define DIAR_PIPELINE_TAG_VALUES_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/tag/lexicon.h"
#include "pipeline/tag/rule_set.h"
#include "pipeline/tag/tag.h"

namespace diar::tag_internal {

class Gazetteer;

struct FormedValue {
  std::string value;
  bool inferred = false;
  std::string owner;
  // The value may be replaced by the document's most frequent definite
  // spelling of the same name (resolve.h).
  bool document_canonical = false;
  // When set (> 0), the span starts or ends here instead (bytes into the
  // text): a former may cut a greedy match back (plans.h).
  std::size_t begin = 0;
  std::size_t end = 0;
  // Plans: the value to use when a body's genitive joins the title, when
  // it differs from `value` (plans.h); else empty.
  std::string owned_value;
};

// The lists each former needs; checked at load.
struct FormerSpec {
  std::string name;
  std::vector<std::string> lists;
};
const std::vector<FormerSpec>& Formers();
std::vector<std::string> FormerNames();

// Forms the value of `match`. False: not a mention.
bool FormValue(const RuleMatch& match, const Lexicon& lexicon, const Gazetteer& gazetteer,
               const TagContext& context, FormedValue* out);

// Parses a month given as a number ("3", "03") or a name from months.list;
// 0 if it is neither.
int MonthNumber(std::string_view month, const Lexicon& lexicon);

// Days in `month` of `year` (Gregorian).
int DaysInMonth(int year, int month);

}  // namespace diar::tag_internal

#endif  // DIAR_PIPELINE_TAG_VALUES_H_
