// plan_lists: the word lists of dictionaries/ that both halves of plan
// tagging read (plans.h: the former finds a title, PlanValue gives its
// value), each looked up by name once per thread rather than per word.
// Internal to pipeline/tag.
#ifndef DIAR_PIPELINE_TAG_PLAN_LISTS_H_
#define DIAR_PIPELINE_TAG_PLAN_LISTS_H_

#include "pipeline/tag/lexicon.h"

namespace diar::tag_internal {

enum PlanListId { kHeads, kDefinite, kTitleStop, kAdjectiveStop, kStop, kArticles, kStatutory,
                  kNotTitles, kMonths, kConnectors, kTimeNouns, kKindWords, kNameStop };

// List `which` (plan_heads.list for kHeads, and so on) of `lexicon`.
inline const Lexicon::List& PlanList(const Lexicon& lexicon, PlanListId which) {
  static thread_local Lexicon::CachedList lists[] = {
      Lexicon::CachedList("plan_heads"),     Lexicon::CachedList("plan_definite"),
      Lexicon::CachedList("plan_title_stop"), Lexicon::CachedList("plan_adjective_stop"),
      Lexicon::CachedList("plan_stop"),      Lexicon::CachedList("plan_articles"),
      Lexicon::CachedList("plan_statutory"), Lexicon::CachedList("plan_not_titles"),
      Lexicon::CachedList("months"),          Lexicon::CachedList("plan_connectors"),
      Lexicon::CachedList("plan_time_nouns"), Lexicon::CachedList("plan_kind_words"),
      Lexicon::CachedList("plan_name_stop")};
  return lists[which].Get(lexicon);
}

// The plan head nouns (with their gender) and their definite endings.
struct HeadLists {
  explicit HeadLists(const Lexicon& lexicon)
      : heads(PlanList(lexicon, kHeads)), definite(PlanList(lexicon, kDefinite)) {}
  const Lexicon::List& heads;
  const Lexicon::List& definite;
};

}  // namespace diar::tag_internal

#endif  // DIAR_PIPELINE_TAG_PLAN_LISTS_H_
