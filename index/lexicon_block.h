// lexicon_block: the word-form lexicon's tables (index/lexicon.h) in one
// flat block of bytes that lookups read in place. Private to index/.
//
//   std::string bytes = BuildBlock(source);           // the cold path
//   std::optional<LexiconBlock> block = LexiconBlock::View(bytes.data(), bytes.size());
//   block->Lemma("beslutet")                           // "beslut"
//
// Why one block: loaded as maps and sets the tables were 94,000 parts,
// 71,000 Snowball stems and 200,000 views, each allocated at every start-up.
// A block holds no pointer, only offsets from its start, so the same bytes
// serve in memory and mapped from a cache file (index/lexicon_cache.h).
//
// Layout: a BlockHeader, then one text area holding every string (the lemma
// rows first: they are Stored()), then the lemma table, an array of Entry
// sorted by form, and three hash tables. A hash table is an array of Entry
// and a power-of-two array of Slot, probed linearly from the key's hash; the
// hash is fixed here, so a block written by one build reads the same in
// another. The lemma table is searched, not hashed: the searcher builds it
// from the index at every Searcher::Open (FromStored), and the stored rows
// are sorted already, where hashing 200,000 forms cost 19 M instructions
// (measured in the build from the files).
//
// Trust: View checks the header against the block's size; every lookup
// checks the offsets it follows, so a damaged block answers wrongly at
// worst and never reads outside itself. Thread safety: a view is read-only.
#ifndef DIAR_INDEX_LEXICON_BLOCK_H_
#define DIAR_INDEX_LEXICON_BLOCK_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace diar::lexicon_internal {

struct Section {
  std::uint64_t offset = 0, size = 0;  // bytes from the block's start
};
struct Entry {
  std::uint32_t key = 0, key_size = 0;      // in the text area
  std::uint32_t value = 0, value_size = 0;  // in the text area
  std::uint32_t extra = 0;                  // per table: roles, group size
};
struct Slot {
  std::uint32_t entry = 0;  // index + 1; 0: empty
  std::uint32_t tag = 0;    // the key's hash, high half: most misses end here
};
// What the text files hold, as the cold path read and checked them.
struct LexiconSource {
  // "form\tlemma\n" rows, sorted by form, and an Entry per row: its form
  // and lemma as offsets into lemma_rows, which the block's text begins with.
  std::string_view lemma_rows;
  std::vector<Entry> lemmas;
  struct Part {
    std::string_view form, lemma;
    bool first = false, middle = false, last = false;
  };
  std::vector<Part> parts;  // compounds_sv.tsv's rows in file order
  std::vector<std::string_view> stop_words;
};

// Snowball's Swedish stem of `word`: the stem table's keys are made with
// it, so LastPart's lookups must use it too.
std::string Snowball(const std::string& word);

// The block for `source`. Snowball stems every form that may end a
// compound here, so that a mapped block needs no stemming.
std::string BuildBlock(const LexiconSource& source);

struct TableSections {
  Section entries, slots;
};
struct BlockHeader {
  Section text;
  std::uint64_t lemma_rows_size = 0;  // the text area's first bytes
  Section lemmas;                     // Entry[] sorted by form: form -> lemma
  TableSections parts;                // form -> lemma, extra: kFirst | kMiddle | kLast
  TableSections stems;                // Snowball stem -> lemma of an L part; extra: group size
  TableSections stops;                // word -> nothing
};

class LexiconBlock {
 public:
  static constexpr std::uint32_t kFirst = 1, kMiddle = 2, kLast = 4;

  // A view of `size` bytes at `data` (8-byte aligned), or nothing when the
  // header's sections do not fit them.
  static std::optional<LexiconBlock> View(const char* data, std::size_t size);

  std::string_view lemma_rows() const { return {text_, lemma_rows_size_}; }
  bool has_parts() const { return parts_.entry_count > 0; }

  // The lemma of `form`, if the lemma table has it.
  std::optional<std::string_view> Lemma(std::string_view form) const;
  struct Part {
    std::string_view lemma;
    std::uint32_t roles = 0;  // kFirst | kMiddle | kLast
  };
  std::optional<Part> FindPart(std::string_view form) const;
  bool IsStop(std::string_view word) const;
  // Calls `f(lemma)` for each L part whose form Snowball stems to `stem`.
  template <typename F>
  void ForEachLastWithStem(std::string_view stem, F&& f) const {
    const Entry* entry = stems_.Find(*this, stem);
    if (entry == nullptr) return;
    const std::size_t left = static_cast<std::size_t>(stems_.entries + stems_.entry_count - entry);
    const std::size_t group = std::min<std::size_t>(entry->extra, left);
    for (std::size_t i = 0; i < group; ++i) {
      if (std::optional<std::string_view> lemma = Text(entry[i].value, entry[i].value_size)) f(*lemma);
    }
  }

 private:
  struct Table {
    const Entry* entries = nullptr;
    std::size_t entry_count = 0;
    const Slot* slots = nullptr;
    std::size_t slot_count = 0;  // a power of two, or 0
    const Entry* Find(const LexiconBlock& block, std::string_view key) const;
  };
  std::optional<std::string_view> Text(std::uint32_t at, std::uint32_t size) const {
    if (at > text_size_ || size > text_size_ - at) return std::nullopt;
    return std::string_view(text_ + at, size);
  }

  const char* text_ = nullptr;
  std::size_t text_size_ = 0, lemma_rows_size_ = 0;
  const Entry* lemmas_ = nullptr;
  std::size_t lemma_count_ = 0;
  Table parts_, stems_, stops_;
};

}  // namespace diar::lexicon_internal

#endif  // DIAR_INDEX_LEXICON_BLOCK_H_
