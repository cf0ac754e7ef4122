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
// Loading: the tables live in one flat block (index/lexicon_block.h). Load
// builds it from the files, or maps it from the cache file a previous load
// wrote (index/lexicon_cache.h), keyed by the files' sizes, mtimes, inodes
// and devices: a changed, missing or damaged cache file is built again from
// the files and replaced, and answers never depend on which way was taken.
//
// Errors: Load fails kConfig naming file:line; a cache that cannot be read
// or written is no error (a debug line, and the files are read). Thread
// safety: const methods may run concurrently.
#ifndef DIAR_INDEX_LEXICON_H_
#define DIAR_INDEX_LEXICON_H_

#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "index/lexicon_block.h"
#include "pipeline/result.h"

namespace spdlog {
class logger;
}

namespace diar {

struct LexiconOptions {
  // The folder of the cache file (created when missing); empty: no cache,
  // the files are read at every load.
  std::string cache_dir;
  // Why the cache was not used or not written, at debug level. Null: nowhere.
  std::shared_ptr<spdlog::logger> logger;
};

class Lexicon : public std::enable_shared_from_this<Lexicon> {
 public:
  // Parts shorter than this are never split off: two-letter words ("an",
  // "be", "ex") begin too many Swedish words by chance.
  static constexpr std::size_t kMinPart = 3;

  // Reads (or maps) the files once per process and folder: later calls
  // share the first one's lexicon, whatever their options.
  static Result<std::shared_ptr<const Lexicon>> Load(const std::string& dictionaries_dir,
                                                     const LexiconOptions& options = {});
  // Load without the per-process memo: every call reads or maps again.
  static Result<std::shared_ptr<const Lexicon>> Read(const std::string& dictionaries_dir,
                                                     const LexiconOptions& options);
  // The lemma table as Stored() wrote it; kConfig error when malformed.
  static Result<std::shared_ptr<const Lexicon>> FromStored(std::string stored);

  // The lemma table in one string ("form\tlemma\n" lines, sorted), for the
  // index metadata. Valid while this lexicon lives.
  std::string_view Stored() const { return block_.lemma_rows(); }

  // The base form of lower-case `word`, or `word` when the table has none.
  std::string_view Lemma(std::string_view word) const;

  // A Xapian stemmer: Snowball on Lemma(word). Keeps this lexicon alive.
  // It remembers its stems: use each (and its copies) in one thread.
  Xapian::Stem Stemmer() const;

  // The base forms of the parts of lower-case compound `word` ("folkhälsoarbetet"
  // -> {"folkhälsa", "arbete"}); empty when it is no compound the lexicon knows.
  std::vector<std::string> Split(std::string_view word) const;

  bool has_compounds() const { return block_.has_parts(); }
  // Whether the tables were mapped from the cache file, not built.
  bool from_cache() const { return from_cache_; }

 private:
  Lexicon() = default;
  // Takes `block`, a block BuildBlock made, as this lexicon's tables.
  void Adopt(std::string block);
  // The base form of `tail` when it may end a compound, else empty.
  std::string LastPart(std::string_view tail) const;

  std::shared_ptr<const void> storage_;  // the bytes block_ reads: a string or a mapping
  lexicon_internal::LexiconBlock block_;
  bool from_cache_ = false;
};

}  // namespace diar

#endif  // DIAR_INDEX_LEXICON_H_
