// tag: normalised text in, mentions out — every body, plan, date, period and
// diarienummer (dnr) the text names, each with a canonical value, per
// docs/TAGGING.md (the project's copy of the tagging contract).
//
//   diar::Result<diar::Tagger> tagger = diar::Tagger::Load("dictionaries", {});
//   if (!tagger) die(tagger.error().message);   // "dictionaries/x.tsv:41: ..."
//   std::vector<diar::Mention> mentions = tagger->Tag(text, {.document_date = "2022-03-29"});
//
// Rules (dictionaries/*.rules) and gazetteers (dictionaries/*.tsv) are data:
// Load reads and validates all of them, compiles them once, and reports every
// bad line as file:line (kConfig). Tag is then a pure function of its inputs.
//
// Offsets are Unicode code points into NormalisedText::text, end exclusive;
// pages are 1-based. Mentions of one type never overlap (longest match wins,
// then the earliest); mentions of different types may nest.
//
// Thread safety: a loaded Tagger is immutable; Tag may run concurrently from
// many threads. Copies share the compiled rules.
#ifndef DIAR_PIPELINE_TAG_TAG_H_
#define DIAR_PIPELINE_TAG_TAG_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/normalise/normalise.h"
#include "pipeline/result.h"

namespace spdlog {
class logger;
}

namespace diar {

struct Mention {
  std::string type;   // "body", "plan", "date", "period" or "dnr"
  std::string text;   // the span as it stands in the normalised text
  std::string value;  // canonical value (TAGGING.md, per type)
  std::size_t start = 0;  // code-point offset, inclusive
  std::size_t end = 0;    // code-point offset, exclusive
  int page = 1;           // 1-based page of `start`
  std::string rule;       // id of the rule or dictionary entry that matched
  bool inferred = false;  // date: the year came from the document date
  std::string owner;      // body: the body an organ belongs to, if known
                          // (set after classification: pipeline/owners)
};

struct TagContext {
  // The document's date (YYYY-MM-DD), used for dates written without a
  // year. Empty: such dates take no inferred year and are not tagged.
  std::string document_date;
};

struct TaggerOptions {
  // Where load-time warnings go. Null: nowhere.
  std::shared_ptr<spdlog::logger> logger;
};

// What the gazetteers know about a body, for classification and facets.
struct BodyInfo {
  std::string canonical;
  std::string kind;    // region, kommun, myndighet, organ, ...
  std::string county;  // full län name, empty if not tied to one county
};

class Tagger {
 public:
  // Loads every *.rules and *.tsv gazetteer in `dictionary_dir`. Errors are
  // kConfig and list every bad line as "file:line: what is wrong".
  static Result<Tagger> Load(const std::string& dictionary_dir,
                             const TaggerOptions& options);

  // All mentions in `text`, ordered by start, then by end descending.
  std::vector<Mention> Tag(const NormalisedText& text,
                           const TagContext& context) const;

  // The document's own date: a labelled date in the opening ("Datum
  // 2022-03-29"), else the first full date near the title, else
  // `metadata_date` (the PDF's creation date, may be empty). YYYY-MM-DD or "".
  std::string DetectDocumentDate(const NormalisedText& text,
                                 const std::string& metadata_date) const;

  // Gazetteer facts about a canonical body name; null if unknown.
  const BodyInfo* FindBody(const std::string& canonical) const;

  // True when the last word of body name `value` ends in a head of
  // owned_heads.list: a part of some body (an organ, an office), which
  // belongs to the body issuing the document unless it says otherwise.
  bool IsOwnedPart(const std::string& value) const;

  // True when `word` (any case) is a label of a diarienummer or a date in
  // a letterhead: an entry of dnr_labels.list or date_labels.list
  // ("Diarienr", "Beslutsdatum").
  bool IsNumberLabel(std::string_view word) const;

 private:
  struct Impl;
  explicit Tagger(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

}  // namespace diar

#endif  // DIAR_PIPELINE_TAG_TAG_H_
