// The body gazetteers: dictionaries/bodies_*.tsv (bodies), organ_names.tsv
// (named organs with irregular canonical names or acronyms), programmes.tsv
// (funds and programmes: known names that are NOT bodies, loaded so that they
// block body rules inside them) and counties.tsv (the 21 län).
//
// bodies_*.tsv and programmes.tsv: `#` comment lines, then the header
// `canonical<TAB>kind<TAB>variants<TAB>acronyms<TAB>county`; variants and
// acronyms are `|`-separated. Every name form goes into one trie
// (name_trie.h: longest match, the rules' word boundaries), tried anchored
// only where the prefilter (prefilter.h) found a form's first word, so the
// cost is in the names a text has, not in their number.
//
// Matching rules (TAGGING.md, body):
// - names and variants match as written, with a white-space run wherever the
//   name has a space (names broken across lines), and with the possessive
//   (`s`, `:s`) inside the span;
// - names of public bodies (kinds other than organisation, foretag, natverk)
//   also match with a lower-case first letter ("länsstyrelsen i Västmanland",
//   "regeringen"); private names do not, since many are common words
//   ("Företagarna");
// - acronyms match case-sensitively, possessive `:s` or `s` included;
// - a name of six letters or more also matches in capitals, as in
//   headings ("REGION VÄSTMANLAND");
// - generated variants: "Regionen X" for a region "Region X"; the definite
//   and genitive forms of an organ in organ_names.tsv ("strategiska
//   regionala beredningen" for "Strategisk regional beredning");
// - a name joined to a following word by a hyphen is a compound ("EU-frågor",
//   "SRB-\nmöte") and is not a mention.
#ifndef DIAR_PIPELINE_TAG_GAZETTEER_H_
#define DIAR_PIPELINE_TAG_GAZETTEER_H_


#include <functional>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "pipeline/tag/atom_scanner.h"  // Atom
#include "pipeline/tag/name_trie.h"
#include "pipeline/tag/tag.h"

namespace diar::tag_internal {

class Lexicon;

struct GazetteerEntry {
  BodyInfo info;
  std::string rule;       // "bodies_regions.tsv:14", for Mention::rule
  bool is_body = true;    // false for programmes.tsv entries
};

struct County {
  std::string name;    // "Västmanlands län"
  std::string region;  // "Region Västmanland"
  std::string stem;    // "Västmanland"
};

// One gazetteer match, byte offsets into the scanned text.
struct GazetteerMatch {
  std::size_t begin = 0;
  std::size_t end = 0;
  const GazetteerEntry* entry = nullptr;
};

class Gazetteer {
 public:
  // Loads bodies_*.tsv, organ_names.tsv, programmes.tsv and counties.tsv
  // from `dir`; `lexicon` gives organ head words for inflected organ names.
  void Load(const std::string& dir, const Lexicon& lexicon,
            std::vector<std::string>* errors, std::vector<std::string>* warnings);

  // Calls `sink` for each name in `text`, leftmost-longest, trying only the
  // sorted offsets in `starts` (where Prefilter found a name's first word;
  // see atoms()).
  void Scan(std::string_view text, const std::vector<std::size_t>& starts,
            const std::function<void(const GazetteerMatch&)>& sink) const;

  // For the prefilter: the first word of every name form (a name can only
  // begin where one of them does), case-insensitive unless its letters
  // cannot be folded.
  const std::vector<Atom>& atoms() const { return atoms_; }

  // Entry for a name form as written (canonical, variant or acronym; the
  // first letter's case and a possessive are forgiven); null if unknown.
  const GazetteerEntry* Lookup(std::string_view name) const;
  // Entry for a canonical name; null if unknown.
  const BodyInfo* FindCanonical(const std::string& canonical) const;
  // The first listed form (canonical name or variant) that `written` is in
  // another case ("Röda korset" -> "Röda Korset"), or `written` itself.
  std::string ListedForm(std::string_view written) const;
  const County* FindCountyByStem(std::string_view stem) const;
  // Where a county named right at `at` ends (" Jämtland", " Kalmar län":
  // white space, its stem, "län" if written, and a genitive s), or 0 if
  // none is: a
  // national organisation's regional branch is named so ("Röda Korset
  // Jämtland", "Riksteatern Kalmar län").
  std::size_t CountyEnd(std::string_view text, std::size_t at) const;
  const std::vector<County>& counties() const { return counties_; }
  // Every body name form (canonical names and variants, not acronyms) with
  // its entry's canonical name.
  void ForEachName(const std::function<void(const std::string& form, const std::string& canonical)>&
                       sink) const;
  std::size_t size() const { return entries_.size(); }

 private:
  void LoadBodyFile(const std::string& path, bool is_body, const Lexicon& lexicon,
                    std::vector<std::string>* errors, std::vector<std::string>* warnings);
  void LoadCounties(const std::string& path, std::vector<std::string>* errors);
  void AddForm(const std::string& form, std::size_t entry, bool acronym, bool lower_first,
               const std::string& where, std::vector<std::string>* warnings);
  const GazetteerEntry* LookupExact(std::string_view key, bool* acronym) const;

  std::vector<std::unique_ptr<GazetteerEntry>> entries_;
  std::unordered_map<std::string, std::size_t> by_canonical_;
  // Name form (spaces folded, first letter lower-cased for names) -> entry.
  struct Form {
    std::size_t entry;
    bool acronym;
  };
  // Lets Lookup find a form by a view of the text, without a copy.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, Form, Hash, std::equal_to<>> forms_;
  // Lower-case name form -> the first form listed so (not acronyms).
  std::unordered_map<std::string, std::string> listed_;
  std::vector<Atom> atoms_;
  std::set<std::tuple<std::string, bool, bool>> atom_keys_;  // dedupes atoms_ while loading
  NameTrie names_;  // every form, as the scan matches them
  std::vector<County> counties_;
};

}  // namespace diar::tag_internal

#endif  // DIAR_PIPELINE_TAG_GAZETTEER_H_
