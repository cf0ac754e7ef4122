// Document type detection from dictionaries/doc_types.tsv (labels, title
// heads) and doc_type_cues.tsv (structure cues). Private to pipeline/classify.
//
// Tiers, strongest first; the first that decides wins (a label as a line's
// first word comes after structure, since protokoll items start so):
//   1. a label in the opening, line by line: a line that is only a type's
//      label, maybe with a date or number ("TJÄNSTESKRIVELSE", "Protokoll
//      2022-03-01", "PM"); or, for the kinds of record (doc_types.tsv
//      "anywhere"), the label in capitals inside a line, letter-spaced ("K U
//      N G Ö R E L S E"), or as a line's first word before a body's name,
//      however cased ("Protokoll kommunstyrelsen 2024-03-12": whose record
//      it is) — the document saying what it is. After structure (tier 2b):
//      the label as a line's first word before a name or a number, or as a
//      compound's head ("Granskningsyttrande"), or before what the title is
//      about ("Interpellation till ...", "Motion om ..."). The caller leaves
//      out site chrome, attachment lines ("Månadsrapport.pdf") and a site's
//      list of other documents ("Relevanta dokument" and all after it),
//      which never decide the type;
//   2. structure cues: one type with at least kStructureThreshold points from
//      distinct cues and more than any other type;
//   3. the head of the title: the last word before the first preposition
//      or dash, ending in a type's head ("Regional kulturplan 2019–2022"),
//      or such a word before a capitalised subtitle ("Miljöprogram Lokala
//      miljömål"); after "Förslag till" and after a series mark and a dash
//      ("PM – Trafikverkets remissyttrande avseende ..."); then the head of
//      a title after a statute collection's number ("KFS 2017:07 Reglemente
//      för ...").
//   4. a capitalised label inside an opening line, before a capitalised word
//      ("Handläggare: N N Remissyttrande Inriktningsunderlag").
// Structure comes before the title because a tjänsteskrivelse is titled by
// its subject ("Överenskommelse om samverkan ...") but built like one.
#ifndef DIAR_PIPELINE_CLASSIFY_DOC_TYPES_H_
#define DIAR_PIPELINE_CLASSIFY_DOC_TYPES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/classify/pattern_set.h"
#include "pipeline/classify/text_scan.h"


namespace diar::classify_internal {

// Points a type needs from structure cues (doc_type_cues.tsv explains the
// scale: 3 is one exclusive cue, or a typical cue and a supporting one).
inline constexpr int kStructureThreshold = 3;

struct TypeDecision {
  std::string type;  // empty: no clear type
  std::string cue;   // why, or why not
};

class DocTypes {
 public:
  DocTypes();
  ~DocTypes();
  DocTypes(DocTypes&&) noexcept;
  DocTypes& operator=(DocTypes&&) noexcept;

  // Reads doc_types.tsv and doc_type_cues.tsv from `dir`.
  void Load(const std::string& dir, std::vector<std::string>* errors);
  bool empty() const { return types_.empty(); }

  // `titles`: candidate titles, best first (PDF Title, heading lines).
  // `letterhead`: the running lines normalise dropped from page 1 (a
  // letterhead repeated on every page is one). `opening`: the opening
  // lines. `text`: the whole normalised text. `body_starts`: the code-point
  // offsets, ascending, where the tagger's body mentions begin.
  TypeDecision Detect(const std::vector<std::string>& titles,
                      const std::vector<std::string>& letterhead,
                      const std::vector<Line>& opening, std::string_view text,
                      const std::vector<std::size_t>& body_starts) const;

  // True when `line` is a label line (tier 1) of some type.
  bool IsLabelLine(std::string_view line) const;
  // True when `word` is one word's label of a type found anywhere, or a
  // compound with one as its head ("Promemoria", "Tjänsteskrivelse").
  bool IsLabelWord(std::string_view word) const { return WordLabel(word) != nullptr; }
  // The type whose label `word` is (as IsLabelWord), or "".
  std::string LabelWordType(std::string_view word) const {
    const Named* label = WordLabel(word);
    return label != nullptr ? label->type : "";
  }

 private:
  struct Cue {
    std::string type;
    int points = 0;
    bool opening_only = false;
    int pattern = -1;  // in opening_cues_ or cues_anywhere_, as opening_only says
    int line = 0;
  };
  struct Named {
    std::string form;  // lower case
    std::string type;
    bool anywhere = false;  // doc_types.tsv: found inside lines too
  };
  const Named* LabelOf(std::string_view line) const;
  // A label of an "anywhere" type inside `line`, or a compound with it as
  // head: a word in capitals (`capitals`), else the line's first word.
  const Named* LabelInside(std::string_view line, bool capitals) const;
  const Named* WordLabel(std::string_view word) const;
  // A label of an "anywhere" type as the line's first word, capitalised,
  // right before a body's name however it is cased ("Protokoll
  // kommunstyrelsen 2024-03-12"): the record and whose it is.
  const Named* LabelBeforeBody(const Line& line, const std::vector<std::size_t>& body_starts) const;
  // A label of an "anywhere" type (or a compound with it as head) inside
  // `line`, not first, written with a capital and followed by a capitalised
  // word or a figure (a date): a letterhead run together by a transcript.
  const Named* CapitalisedLabelInside(std::string_view line) const;
  const Named* HeadOf(std::string_view title) const;
  // The head whose form `word` (lower case) ends in, longest first.
  const Named* HeadNamed(std::string_view word) const;

  std::vector<std::string> types_;
  std::vector<Named> labels_;  // longest first
  // Indexes into labels_ of the one-word labels of "anywhere" types, in
  // labels_'s order: the ones WordLabel compares every word of a line with.
  std::vector<std::size_t> word_labels_;
  std::vector<Named> heads_;   // longest first
  std::vector<Cue> cues_;
  PatternSet opening_cues_{CueOptions()};
  PatternSet cues_anywhere_{CueOptions()};

  static RE2::Options CueOptions();
};

}  // namespace diar::classify_internal

#endif  // DIAR_PIPELINE_CLASSIFY_DOC_TYPES_H_
