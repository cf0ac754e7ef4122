// lexicon: Swedish word forms and compounds for indexing and query parsing,
// beyond what the Snowball stemmer knows. Private to index/.
//
//   Result<std::shared_ptr<const Lexicon>> lex = Lexicon::Load("dictionaries");
//   Xapian::Stem stem = (*lex)->Stemmer();      // "beslutet" -> "beslut"
//   (*lex)->Split("regionplanen")               // {"region", "plan"}
//
// Word forms: dictionaries/lemmas_sv.tsv maps an inflected form to its base
// form where Snowball's stems of the two differ (the definite neuter
// "beslutet", the umlaut plural "händer"). Stemmer() stems a word's base form
// with Snowball, so every form of a word the lexicon knows gets one stem, and
// words it does not know keep Snowball's. Index and query must use the same
// table: the writer stores it in the index (schema::kMetaLexicon) and the
// searcher reads it from there (FromStored).
//
// Compounds: dictionaries/compounds_sv.tsv lists the forms hunspell-sv lets
// stand first (F), in the middle (M) or last (L) in a compound, linking -s-
// and -e- forms included ("översikts" -> översikt, F). Split() finds the
// split into the fewest such parts, each at least kMinPart letters, none in
// dictionaries/compound_stop.list (whose words are never split either); the
// last part may be inflected. A word
// with no such split is not split: "konstnär" is not konst + när, because
// "när" may not end a compound. Only Load reads compound data; a lexicon
// from FromStored has none (searching needs no splits).
//
// Errors: Load fails kConfig naming file:line. Thread safety: const methods
// may run concurrently.
#ifndef DIAR_INDEX_LEXICON_H_
#define DIAR_INDEX_LEXICON_H_

#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "pipeline/result.h"

namespace diar {

class Lexicon : public std::enable_shared_from_this<Lexicon> {
 public:
  // Parts shorter than this are never split off: two-letter words ("an",
  // "be", "ex") begin too many Swedish words by chance.
  static constexpr std::size_t kMinPart = 3;

  // Reads the files once per process and folder (later calls share it).
  static Result<std::shared_ptr<const Lexicon>> Load(const std::string& dictionaries_dir);
  // The lemma table as Stored() wrote it; kConfig error when malformed.
  static Result<std::shared_ptr<const Lexicon>> FromStored(const std::string& stored);

  // The lemma table in one string ("form\tlemma\n" lines, sorted), for the
  // index metadata.
  const std::string& Stored() const { return lemmas_; }

  // The base form of lower-case `word`, or `word` when the table has none.
  std::string_view Lemma(std::string_view word) const;

  // A Xapian stemmer: Snowball on Lemma(word). Keeps this lexicon alive.
  // It remembers its stems: use each (and its copies) in one thread.
  Xapian::Stem Stemmer() const;

  // The base forms of the parts of lower-case compound `word` ("folkhälsoarbetet"
  // -> {"folkhälsa", "arbete"}); empty when it is no compound the lexicon knows.
  std::vector<std::string> Split(std::string_view word) const;

  bool has_compounds() const { return !parts_.empty(); }

 private:
  struct Part {
    std::string_view lemma;  // in compound_text_
    bool first = false, middle = false, last = false;
  };
  // Heterogeneous lookup: Split looks up thousands of substrings per
  // document, and a std::string for each was a tenth of its time.
  struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  Lexicon() = default;
  static Result<std::shared_ptr<const Lexicon>> Read(const std::string& dictionaries_dir);
  bool IndexLemmas(std::string* error);
  // The base form of `tail` when it may end a compound, else empty.
  std::string LastPart(std::string_view tail) const;

  std::string lemmas_;                                  // "form\tlemma\n"..., sorted by form
  std::vector<std::pair<std::string_view, std::string_view>> lemma_index_;  // into lemmas_
  std::string compound_text_;                           // the forms and lemmas parts_ points into
  std::unordered_map<std::string_view, Part> parts_;    // compound form -> part
  std::unordered_multimap<std::string, std::string_view> last_by_stem_;  // Snowball stem of an L form -> its lemma
  std::unordered_set<std::string, ViewHash, std::equal_to<>> stop_;  // never a compound part
};

}  // namespace diar

#endif  // DIAR_INDEX_LEXICON_H_
