#include "index/lexicon_block.h"

#include <xapian.h>

#include <bit>
#include <cstring>
#include <limits>
#include <numeric>

namespace diar::lexicon_internal {
namespace {

// Eight bytes a step: Split hashes every substring of a word it looks at,
// thousands a document. Fixed here, not std::hash, whose values a cache
// file written by another build would not share. (It reads words in this
// machine's byte order, which the cache file's key holds.)
std::uint64_t Hash(std::string_view s) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
  auto mix = [&h](std::uint64_t word) {
    h = (h ^ word) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 29;
  };
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    mix(word);
  }
  std::uint64_t rest = 0;
  std::memcpy(&rest, s.data() + i, s.size() - i);
  mix(rest);
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ull;
  return h ^ (h >> 32);
}

// At most half full: linear probing then ends a miss within a few slots.
std::size_t SlotCountFor(std::size_t entries) {
  return entries == 0 ? 0 : std::bit_ceil(2 * entries);
}

// Offsets and sizes are 32 bits: the text is the dictionaries' 7.5 MB and
// the stems made from them, far below 4 GB.
std::uint32_t Offset(std::size_t at) { return static_cast<std::uint32_t>(at); }

// A hash table over keys in a text that starts `text_at` bytes into `bytes`
// (which may grow while the table is built).
class TableBuilder {
 public:
  TableBuilder(const std::string& bytes, std::size_t text_at, std::size_t max_entries)
      : bytes_(bytes), text_at_(text_at), slots_(SlotCountFor(max_entries)) {
    entries_.reserve(max_entries);
  }

  // The index of the entry whose key is the text's [key, key + size),
  // added (with a slot) when there is none; at most max_entries are.
  std::pair<std::size_t, bool> FindOrAdd(std::size_t key, std::size_t size) {
    const std::string_view wanted = Text(key, size);
    const std::uint64_t h = Hash(wanted);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.entry == 0) {
        entries_.push_back({Offset(key), Offset(size), 0, 0, 0});
        slot = {Offset(entries_.size()), static_cast<std::uint32_t>(h >> 32)};
        return {entries_.size() - 1, true};
      }
      const Entry& e = entries_[slot.entry - 1];
      if (Text(e.key, e.key_size) == wanted) return {slot.entry - 1, false};
    }
  }
  // An entry no slot points to: the rest of a group that FindOrAdd began.
  void AddUnslotted(const Entry& entry) { entries_.push_back(entry); }
  Entry& entry(std::size_t i) { return entries_[i]; }
  const std::vector<Entry>& entries() const { return entries_; }
  const std::vector<Slot>& slots() const { return slots_; }

 private:
  std::string_view Text(std::size_t at, std::size_t size) const {
    return std::string_view(bytes_.data() + text_at_ + at, size);
  }

  const std::string& bytes_;
  const std::size_t text_at_;
  std::vector<Entry> entries_;
  std::vector<Slot> slots_;
};

template <typename T>
Section Append(std::string* block, const std::vector<T>& items) {
  block->resize((block->size() + 7) / 8 * 8, '\0');
  const Section section{block->size(), items.size() * sizeof(T)};
  block->append(reinterpret_cast<const char*>(items.data()), section.size);
  return section;
}

TableSections Append(std::string* block, const TableBuilder& table) {
  TableSections sections;
  sections.entries = Append(block, table.entries());
  sections.slots = Append(block, table.slots());
  return sections;
}

}  // namespace

// Xapian's Snowball stemmer keeps state between calls, so each thread has
// its own.
std::string Snowball(const std::string& word) {
  thread_local Xapian::Stem snowball("swedish");
  return snowball(word);
}

std::string BuildBlock(const LexiconSource& source) {
  // The text is written straight into the block, reserved at once to a
  // bound of its size (a stem is never longer than its form): grown and
  // copied, the 19 MB cost 8,000 page faults more.
  const std::size_t text_at = sizeof(BlockHeader);
  std::size_t text_bound = source.lemma_rows.size();
  for (const LexiconSource::Part& part : source.parts) text_bound += 2 * part.form.size() + part.lemma.size();
  for (std::string_view word : source.stop_words) text_bound += word.size();
  const auto table_bound = [](std::size_t entries) {
    return entries * sizeof(Entry) + SlotCountFor(entries) * sizeof(Slot) + 16;
  };
  std::string block(text_at, '\0');
  block.reserve(text_at + text_bound + 8 + source.lemmas.size() * sizeof(Entry) + 8 +
                2 * table_bound(source.parts.size()) + table_bound(source.stop_words.size()));
  block.append(source.lemma_rows);
  const auto text_size = [&] { return block.size() - text_at; };

  TableBuilder parts(block, text_at, source.parts.size());
  for (const LexiconSource::Part& part : source.parts) {
    const std::size_t form_at = text_size();
    block.append(part.form).append(part.lemma);
    const auto [i, added] = parts.FindOrAdd(form_at, part.form.size());
    Entry& entry = parts.entry(i);
    // A form listed under several base forms: its own when it is one
    // ("arbete" the noun, not a form of the verb "arbeta").
    if (added || part.lemma == part.form) {
      entry.value = Offset(form_at + part.form.size());
      entry.value_size = Offset(part.lemma.size());
    }
    entry.extra |= (part.first ? LexiconBlock::kFirst : 0) | (part.middle ? LexiconBlock::kMiddle : 0) |
                   (part.last ? LexiconBlock::kLast : 0);
  }

  // The forms that may end a compound, grouped by their Snowball stems: a
  // group number per stem (sorting the 71,000 stems instead was 50 M
  // instructions), then each group's entries in a run, its first slotted.
  std::string stem_text;
  std::size_t last_parts = 0;
  for (const Entry& entry : parts.entries()) last_parts += (entry.extra & LexiconBlock::kLast) != 0;
  TableBuilder groups(stem_text, 0, last_parts);
  std::vector<std::pair<std::size_t, std::size_t>> group_of_part;  // group, entry in parts
  group_of_part.reserve(last_parts);
  for (std::size_t i = 0; i < parts.entries().size(); ++i) {
    const Entry& entry = parts.entries()[i];
    if ((entry.extra & LexiconBlock::kLast) == 0) continue;
    const std::size_t at = stem_text.size();
    stem_text.append(Snowball(block.substr(text_at + entry.key, entry.key_size)));
    const auto [group, added] = groups.FindOrAdd(at, stem_text.size() - at);
    if (!added) stem_text.resize(at);
    group_of_part.emplace_back(group, i);
  }
  // Counting sort: group g's parts are in_groups[begin[g], begin[g + 1]).
  std::vector<std::size_t> begin(groups.entries().size() + 1, 0), in_groups(group_of_part.size());
  for (const auto& [group, part] : group_of_part) ++begin[group + 1];
  std::partial_sum(begin.begin(), begin.end(), begin.begin());
  std::vector<std::size_t> next(begin.begin(), begin.end() - 1);
  for (const auto& [group, part] : group_of_part) in_groups[next[group]++] = part;
  const std::size_t stems_at = text_size();
  block.append(stem_text);
  TableBuilder stems(block, text_at, groups.entries().size());
  for (std::size_t g = 0; g + 1 < begin.size(); ++g) {
    const Entry& stem = groups.entries()[g];
    for (std::size_t k = begin[g]; k < begin[g + 1]; ++k) {
      const Entry& part = parts.entries()[in_groups[k]];
      const Entry entry{Offset(stems_at + stem.key), stem.key_size, part.value, part.value_size,
                        Offset(begin[g + 1] - begin[g])};
      if (k == begin[g]) {
        stems.entry(stems.FindOrAdd(entry.key, entry.key_size).first) = entry;
      } else {
        stems.AddUnslotted(entry);
      }
    }
  }

  TableBuilder stops(block, text_at, source.stop_words.size());
  for (std::string_view word : source.stop_words) {
    const std::size_t at = text_size();
    block.append(word);
    stops.FindOrAdd(at, word.size());
  }

  BlockHeader header;
  header.text = {text_at, text_size()};
  header.lemma_rows_size = source.lemma_rows.size();
  header.lemmas = Append(&block, source.lemmas);
  header.parts = Append(&block, parts);
  header.stems = Append(&block, stems);
  header.stops = Append(&block, stops);
  std::memcpy(block.data(), &header, sizeof(header));
  return block;
}

std::optional<LexiconBlock> LexiconBlock::View(const char* data, std::size_t size) {
  if (size < sizeof(BlockHeader) || reinterpret_cast<std::uintptr_t>(data) % 8 != 0) return std::nullopt;
  BlockHeader header;
  std::memcpy(&header, data, sizeof(header));
  const auto fits = [size](const Section& s, std::size_t unit) {
    return s.offset <= size && s.size <= size - s.offset && s.offset % 8 == 0 && s.size % unit == 0;
  };
  if (!fits(header.text, 1) || header.text.size > std::numeric_limits<std::uint32_t>::max() ||
      header.lemma_rows_size > header.text.size) {
    return std::nullopt;
  }
  LexiconBlock block;
  block.text_ = data + header.text.offset;
  block.text_size_ = header.text.size;
  block.lemma_rows_size_ = header.lemma_rows_size;
  const auto table = [&](const TableSections& sections, Table* t) {
    if (!fits(sections.entries, sizeof(Entry)) || !fits(sections.slots, sizeof(Slot))) return false;
    t->entries = reinterpret_cast<const Entry*>(data + sections.entries.offset);
    t->entry_count = sections.entries.size / sizeof(Entry);
    t->slots = reinterpret_cast<const Slot*>(data + sections.slots.offset);
    t->slot_count = sections.slots.size / sizeof(Slot);
    return std::has_single_bit(t->slot_count) || t->slot_count == 0;
  };
  if (!fits(header.lemmas, sizeof(Entry))) return std::nullopt;
  block.lemmas_ = reinterpret_cast<const Entry*>(data + header.lemmas.offset);
  block.lemma_count_ = header.lemmas.size / sizeof(Entry);
  if (!table(header.parts, &block.parts_) ||
      !table(header.stems, &block.stems_) || !table(header.stops, &block.stops_)) {
    return std::nullopt;
  }
  return block;
}

const Entry* LexiconBlock::Table::Find(const LexiconBlock& block, std::string_view key) const {
  if (slot_count == 0) return nullptr;
  const std::uint64_t h = Hash(key);
  const auto tag = static_cast<std::uint32_t>(h >> 32);
  const std::size_t mask = slot_count - 1;
  // Bounded by the slot count: a damaged table may have no empty slot.
  for (std::size_t i = h & mask, probes = 0; probes < slot_count; i = (i + 1) & mask, ++probes) {
    const Slot& slot = slots[i];
    if (slot.entry == 0) return nullptr;
    if (slot.tag != tag || slot.entry > entry_count) continue;
    const Entry& entry = entries[slot.entry - 1];
    if (entry.key_size == key.size() && block.Text(entry.key, entry.key_size) == key) return &entry;
  }
  return nullptr;
}

std::optional<std::string_view> LexiconBlock::Lemma(std::string_view form) const {
  const Entry* end = lemmas_ + lemma_count_;
  const Entry* it = std::lower_bound(lemmas_, end, form, [this](const Entry& entry, std::string_view f) {
    return Text(entry.key, entry.key_size).value_or(std::string_view()) < f;
  });
  if (it == end || Text(it->key, it->key_size) != form) return std::nullopt;
  return Text(it->value, it->value_size);
}

std::optional<LexiconBlock::Part> LexiconBlock::FindPart(std::string_view form) const {
  const Entry* entry = parts_.Find(*this, form);
  if (entry == nullptr) return std::nullopt;
  const std::optional<std::string_view> lemma = Text(entry->value, entry->value_size);
  if (!lemma) return std::nullopt;
  return Part{*lemma, entry->extra};
}

bool LexiconBlock::IsStop(std::string_view word) const { return stops_.Find(*this, word) != nullptr; }

}  // namespace diar::lexicon_internal
