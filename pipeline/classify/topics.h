// Topic detection from dictionaries/topics.tsv: cue words counted over the
// text. Private to pipeline/classify.
#ifndef DIAR_PIPELINE_CLASSIFY_TOPICS_H_
#define DIAR_PIPELINE_CLASSIFY_TOPICS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/tag/atom_scanner.h"

namespace diar::classify_internal {

// A document is about a topic when the topic's cues come back throughout it,
// not when it names the area once. Two conditions, both needed:
//
// kMinHits: a passing mention — a list item naming a neighbouring area
// ("frågor som rör äldre inom området hälsa, vård och omsorg"), a body's
// name — gives one or two hits; three separate hits mean the text returns to
// the topic.
inline constexpr int kMinHits = 3;
// kHitsPerThousandWords: in a long document three hits are still an aside.
// A page of Swedish authority prose holds about 350–450 words, and a topic a
// document treats comes back at least every two or three pages, so at least
// one hit per 1,000 words (a 35-page plan of ~12,000 words needs 12 hits).
inline constexpr double kHitsPerThousandWords = 1.0;
// A cue in the title makes the topic on its own: the title states what the
// document is about ("Samverkansgruppen Kultur och idrott").

struct TopicDecision {
  std::string topic;
  std::string cue;
};

class Topics {
 public:
  void Load(const std::string& dir, std::vector<std::string>* errors);
  bool empty() const { return topics_.empty(); }

  // Topics of a document, in the order of topics.tsv.
  std::vector<TopicDecision> Detect(std::string_view title, std::string_view text) const;

 private:
  struct CueWord {
    std::string word;  // lower case
    bool prefix = false;
  };
  struct Cue {
    std::string text;  // as written, for messages
    std::vector<CueWord> words;
  };
  struct Topic {
    std::string name;
    std::vector<Cue> cues;
  };
  using Spans = std::vector<std::pair<std::size_t, std::size_t>>;
  // Per topic, the sorted, non-overlapping [begin, end) byte spans of its
  // cue hits in `text`: one pass of the automaton over the text finds every
  // cue's first word, and only there are the cue's other words compared.
  std::vector<Spans> Hits(std::string_view text) const;
  std::vector<Topic> topics_;
  // One atom per cue: its first word (whole, or as a prefix). atom_cue_[i]
  // is the (topic, cue) of atom i.
  tag_internal::AtomScanner scanner_;
  std::vector<std::pair<std::size_t, std::size_t>> atom_cue_;
};

}  // namespace diar::classify_internal

#endif  // DIAR_PIPELINE_CLASSIFY_TOPICS_H_
