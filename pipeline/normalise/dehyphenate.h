// dehyphenate: what to do with a hyphen at the end of a line. Private to
// normalise.
//
// In Swedish, compounds are written solid, so a line-end hyphen followed by
// a lower-case continuation is nearly always a hyphenation break
// ("regional-" / "utvecklingen" -> "regionalutvecklingen"). The hyphen is
// real, and stays, in these cases, checked in this order:
//   0. the document marks its hyphenation breaks (a soft hyphen ends some
//      line: Chromium and other producers of soft hyphens) and this hyphen
//      was typed, not drawn for a break: the author's hyphen
//      ("medborgarförslag-" / "kommuninnevånarnas"); rule 1 still decides
//      whether the break becomes a space;
//   1. a suspended compound: the next line starts with a coordinating word
//      ("hälso-" / "och sjukvård", "för-" / "eller nackdelar"): the hyphen
//      stays and the line break becomes a space;
//   2. the continuation starts with a capital ("Region-" / "Gotland"), unless
//      both parts are in capitals and join to a word (an upper-case heading);
//   3. a digit on either side ("2021-" / "2023", "covid-" / "19",
//      "1990-" / "talet");
//   4. the first part is an acronym or a single letter ("EU-" / "medel",
//      "FoU-" / "arbete", "e-" / "tjänster") — hyphenation never leaves one
//      letter behind;
//   5. the hyphenated word is on the keep list (dictionaries/hyphen_keep.txt:
//      loan words such as "kick-off", "drop-in");
//   6. the document itself writes the word with a hyphen more often than
//      without, elsewhere than at a line end;
//   7. the first part is a name (capitalised) that hunspell (sv_SE) cannot
//      join with the second, and the second is a word of its own: a name
//      compound ("Gaaltije-" / "sydsamiskt"). The rejection means something
//      because sv_SE's compounding accepts nearly every Swedish compound
//      ("kompetensförsörjningsplattformen", "Umeåregionen"); for lower-case
//      stems it mostly flags words newer than the dictionary ("corona-" /
//      "pandemin"), which are written solid, so those join — at the price
//      of the rare lower-case coordination compound ("föräldra-" /
//      "barnrelationer"), which joins too unless the document writes it
//      with its hyphen elsewhere.
// A word with a hyphen of its own before the break ("EU-relate-" /
// "rade") is judged by its last part ("relate" + "rade"): the break is
// there, and the earlier hyphen stays whatever happens to it.
// Otherwise the parts join: the document writes the joined word elsewhere,
// hunspell accepts it, or the second part is a fragment ("kre-" /
// "ativitet"). Hunspell is never asked about the hyphenated form: it
// accepts any "a-b" whose parts are words (its BREAK rule). A coordinating
// word that also ends words ("kännedo-" / "men") joins when the lexicon
// knows the joined word and not the stem.
#ifndef DIAR_PIPELINE_NORMALISE_DEHYPHENATE_H_
#define DIAR_PIPELINE_NORMALISE_DEHYPHENATE_H_

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pipeline/normalise/lexicon.h"

namespace diar::normalise_internal {

enum class HyphenChoice {
  kJoin,        // drop the hyphen and the break: "utveckling"
  kKeep,        // keep the hyphen, no space: "EU-medel", "2021-2023"
  kKeepSpaced,  // keep the hyphen, break becomes a space: "hälso- och"
};

// How often each word form occurs in the document, lower-cased, with the
// punctuation around it stripped. Words cut by a line-end hyphen are not
// counted, so the evidence is what the document writes whole.
class WordCounts {
 public:
  void AddLine(const std::string& line);
  int Count(const std::string& lower_word) const;

 private:
  // Transparent hash: AddLine looks words up as string_views and builds a
  // key only for a word not seen before.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, int, Hash, std::equal_to<>> counts_;
};

// Loan words and other forms whose hyphen always stays, lower-case, from a
// data file: one word per line, '#' starts a comment. A missing file is an
// empty list. Loaded once per path and shared.
class KeepList {
 public:
  static const KeepList& Get(const std::string& path);
  // True when `lower_hyphenated` ("kick-offen") starts with a listed word
  // whose hyphen is at `hyphen_at` ("kick-off", 4).
  bool Matches(const std::string& lower_hyphenated, std::size_t hyphen_at) const;

 private:
  std::vector<std::string> words_;
};

struct HyphenEvidence {
  const Lexicon* lexicon = nullptr;  // null: no lexicon installed
  const WordCounts* counts = nullptr;
  const KeepList* keep = nullptr;
  // The document marks its hyphenation breaks with soft hyphens (rule 0).
  bool breaks_marked = false;
};

// `left` is the last word of a line including its hyphen ("regional-",
// possibly with opening punctuation: "(regional-"); `right` is the first
// word of the next line ("utvecklingen,"). `typed`: the hyphen is a typed
// hyphen-minus (CleanedLine::typed_hyphen_end).
HyphenChoice DecideHyphen(const std::string& left, const std::string& right,
                          const HyphenEvidence& evidence, bool typed = false);

// Lower-case form of UTF-8 `text` (Swedish rules).
std::string Lower(const std::string& text);

}  // namespace diar::normalise_internal

#endif  // DIAR_PIPELINE_NORMALISE_DEHYPHENATE_H_
