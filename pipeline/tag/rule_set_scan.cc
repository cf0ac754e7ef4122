// RuleSet's matching half: the text cut into blocks, and each rule run where
// the prefilter found its atoms (rule_set.h). Loading is in rule_set_load.cc.
#include <algorithm>

#include "pipeline/tag/rule_set.h"
#include "pipeline/tag/text_util.h"

namespace diar::tag_internal {
namespace {

// Blocks are cut at the first sentence end after this many bytes. Rules
// run only on the blocks holding one of their atoms, so small blocks mean
// less text read per rule; but each rule run has a fixed cost, and every cut
// is a place no mention may cross. Measured with bench/tag (rules scan, CPU
// time, seeds, before reach=N): 64 bytes 230 MB/s, 128 253, 256 241.
constexpr std::size_t kBlockBytes = 128;
// A block without a sentence end is cut at a line break after this many
// bytes, so that a text without full stops still gets small blocks.
constexpr std::size_t kMaxBlockBytes = 4096;

bool StartsUpper(std::string_view text, std::size_t i) {
  if (i >= text.size()) return false;
  const auto c = static_cast<unsigned char>(text[i]);
  if (c >= 'A' && c <= 'Z') return true;
  // Å Ä Ö É in UTF-8.
  return c == 0xC3 && i + 1 < text.size() &&
         (text[i + 1] == '\x85' || text[i + 1] == '\x84' || text[i + 1] == '\x96' ||
          text[i + 1] == '\x89');
}

// The end of the block starting at `begin`: a blank line, or a full stop,
// question or exclamation mark followed by white space and a capital letter,
// found after kBlockBytes. No mention a rule finds crosses such a point
// (a date's "jan. 2020" continues with a digit; "2021–\n2023" has no stop).
std::size_t BlockEnd(std::string_view text, std::size_t begin) {
  const std::size_t from = begin + kBlockBytes;
  if (from >= text.size()) return text.size();
  const std::size_t limit = std::min(text.size(), begin + kMaxBlockBytes);
  const std::string_view window = text.substr(0, limit - 2);
  for (std::size_t i = FindAnyOf(window, "\n.?!", from); i != std::string_view::npos;
       i = FindAnyOf(window, "\n.?!", i + 1)) {
    const char c = text[i];
    if (c == '\n' && text[i + 1] == '\n') return i;
    if ((c == '.' || c == '?' || c == '!') && (text[i + 1] == ' ' || text[i + 1] == '\n') &&
        StartsUpper(text, i + 2)) {
      return i + 1;
    }
  }
  if (limit == text.size()) return limit;
  const std::size_t blank = text.find("\n\n", limit);
  return blank == std::string_view::npos ? text.size() : blank;
}

bool IsWordByte(std::string_view s, std::size_t i, bool backwards) {
  const char32_t c = backwards ? DecodeBefore(s, i) : [&] {
    std::size_t length = 0;
    return DecodeAt(s, i, &length);
  }();
  return IsBoundaryWordChar(c);
}

// For a rule without named groups the core (group 1) is the whole match
// without its boundary characters, when the core itself starts and ends
// with a word character (as all such rules do): no second match needed.
// False when that does not hold; the caller then asks RE2 for the groups.
bool CoreFromWhole(const Rule& rule, re2::StringPiece whole,
                   std::vector<re2::StringPiece>* subs) {
  if (!rule.groups.empty() || rule.span_group != 1 || whole.empty()) return false;
  const std::string_view w(whole.data(), whole.size());
  std::size_t begin = 0;
  std::size_t end = w.size();
  if (!IsWordByte(w, 0, false)) {
    std::size_t length = 0;
    DecodeAt(w, 0, &length);
    begin = length;
  }
  if (end > begin && !IsWordByte(w, end, true)) {
    std::size_t back = end - 1;
    while (back > begin && (static_cast<unsigned char>(w[back]) & 0xC0) == 0x80) --back;
    end = back;
  }
  if (end <= begin || !IsWordByte(w, begin, false) || !IsWordByte(w, end, true)) return false;
  (*subs)[0] = whole;
  (*subs)[1] = re2::StringPiece(whole.data() + begin, end - begin);
  return true;
}

// Where a match containing the atom at `atom` can begin at the earliest
// (its boundary character: white space, one byte), but not before `floor`,
// for a rule whose matches begin at most `words` words before the word the
// atom is in (@atoms reach=N). Words here are runs of anything but white
// space, which is at least as long as any rule's words. The walk back stops
// at `floor`: the search starts there anyway.
std::size_t WindowStart(std::string_view text, std::size_t atom, int words, std::size_t floor) {
  auto space = [&](std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    // One comparison for the bytes of words, nearly all above the space.
    return c <= ' ' && (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f');
  };
  std::size_t i = atom;
  while (i > floor && !space(i - 1)) --i;
  for (int k = 0; k < words && i > floor; ++k) {
    while (i > floor && space(i - 1)) --i;
    while (i > floor && !space(i - 1)) --i;
  }
  // The match takes in the boundary character before its first word.
  if (i > 0) --i;
  return std::max(i, floor);
}

// RE2's \s: what every match of a tail that is not empty begins with
// (rule_set.h, "Tails").
bool IsSpaceClass(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// The extent of the match of `rule` in `block` from `pos` (boundary
// characters included, as the search gives it), in `*whole`. A rule with a
// tail: its head's match, then the tail anchored at the head's end.
bool FindWhole(const Rule& rule, const re2::StringPiece& block, std::size_t pos, bool anchored,
               re2::StringPiece* whole) {
  const RE2::Anchor anchor = anchored ? RE2::ANCHOR_START : RE2::UNANCHORED;
  if (!rule.tail) return rule.regex->Match(block, pos, block.size(), anchor, whole, 1);
  if (!rule.head->Match(block, pos, block.size(), anchor, whole, 1)) return false;
  // The head ends before the boundary character its match took, if any
  // (its own last character is a letter or digit, as every rule's is: see
  // CoreFromWhole).
  const std::string_view text(block.data(), block.size());
  std::size_t head_end = whole->data() + whole->size() - block.data();
  if (!IsWordByte(text, head_end, true)) {
    head_end = CharBefore(text, head_end, whole->data() - block.data());
  }
  if (head_end == block.size() || !IsSpaceClass(block[head_end])) return true;
  // The tail always matches here, empty before the boundary at least; if
  // it did not, the head's match would stand.
  re2::StringPiece tail;
  if (!rule.tail->Match(block, head_end, block.size(), RE2::ANCHOR_START, &tail, 1)) return true;
  *whole = re2::StringPiece(whole->data(), tail.data() + tail.size() - whole->data());
  return true;
}

}  // namespace

std::string_view RuleMatch::Group(std::string_view name) const {
  for (const auto& [key, value] : groups) {
    if (key == name) return value;
  }
  return std::string_view();
}

void RuleSet::Scan(std::string_view text, const std::vector<std::vector<std::size_t>>& atoms_at,
                   const Sink& sink) const {
  if (rules_.empty()) return;
  std::vector<std::size_t> block_ends;
  for (std::size_t begin = 0; begin < text.size(); begin = block_ends.back()) {
    block_ends.push_back(BlockEnd(text, begin));
  }
  // A rule without atoms may match in any block: it gets every block's
  // start as an atom.
  std::vector<std::size_t> block_starts;
  Scratch scratch;
  for (std::size_t index = 0; index < rules_.size(); ++index) {
    const Rule& rule = *rules_[index];
    const bool everywhere = atoms_[index].empty();
    if (everywhere && block_starts.empty()) {
      block_starts.push_back(0);
      block_starts.insert(block_starts.end(), block_ends.begin(), block_ends.end() - 1);
    }
    const std::vector<std::size_t>& atoms = everywhere ? block_starts : atoms_at[index];
    if (rule.lead) {
      ScanAnchored(text, block_ends, rule, atoms, &scratch, sink);
    } else {
      ScanSearching(text, block_ends, rule, atoms, everywhere, &scratch, sink);
    }
  }
}

void RuleSet::ScanAnchored(std::string_view text, const std::vector<std::size_t>& block_ends,
                           const Rule& rule, const std::vector<std::size_t>& atoms,
                           Scratch* scratch, const Sink& sink) const {
  // Every match begins with an atom: try each atom in turn, anchored on the
  // boundary character before it.
  std::size_t pos = 0;
  std::size_t block = 0;
  for (const std::size_t atom : atoms) {
    if (atom < pos) continue;
    while (block_ends[block] <= atom) ++block;
    const std::size_t block_begin = block == 0 ? 0 : block_ends[block - 1];
    const std::size_t anchor = atom > block_begin ? CharBefore(text, atom, block_begin) : atom;
    if (atom > block_begin && anchor < pos) continue;
    const std::size_t next =
        ScanOnce(text, block_begin, block_ends[block], anchor, true, rule, scratch, sink);
    if (next != 0) pos = next;
  }
}

void RuleSet::ScanSearching(std::string_view text, const std::vector<std::size_t>& block_ends,
                            const Rule& rule, const std::vector<std::size_t>& atoms,
                            bool everywhere, Scratch* scratch, const Sink& sink) const {
  // A match contains an atom, so a match starting at `pos` or later
  // contains one that begins there or later: the rule runs in a block from
  // its start (or `pos`, or `reach` words before the atom) up to its last
  // match, and not at all where no atom is left.
  auto window = [&](std::size_t from, std::size_t atom) {
    return rule.reach >= 0 ? WindowStart(text, atom, rule.reach, from) : from;
  };
  std::size_t pos = 0;
  std::size_t block = 0;
  for (auto atom = atoms.begin(); atom != atoms.end();) {
    if (*atom < pos) {
      ++atom;
      continue;
    }
    while (block_ends[block] <= *atom) ++block;
    const std::size_t block_begin = block == 0 ? 0 : block_ends[block - 1];
    const std::size_t block_end = block_ends[block];
    std::size_t from = window(std::max(pos, block_begin), *atom);
    // Matches in this block from `from`, while atoms remain ahead (a rule
    // without atoms may match anywhere in the block).
    while (true) {
      const std::size_t next =
          ScanOnce(text, block_begin, block_end, from, false, rule, scratch, sink);
      if (next == 0) break;
      pos = next;
      while (atom != atoms.end() && *atom < pos) ++atom;
      if (!everywhere && (atom == atoms.end() || *atom >= block_end)) break;
      from = everywhere ? pos : window(pos, *atom);
    }
    while (atom != atoms.end() && *atom < block_end) ++atom;
    pos = std::max(pos, block_end);
  }
}

std::size_t RuleSet::ScanOnce(std::string_view text, std::size_t begin, std::size_t end,
                              std::size_t from, bool anchored, const Rule& rule,
                              Scratch* scratch, const Sink& sink) const {
  const re2::StringPiece block(text.data() + begin, end - begin);
  std::vector<re2::StringPiece>& subs = scratch->subs;
  subs.resize(1 + rule.regex->NumberOfCapturingGroups());
  const std::size_t pos = from - begin;
  re2::StringPiece whole;
  // Two steps: the match's extent with the DFA alone (no submatches), then
  // the groups by matching just that extent again. Asking for groups in the
  // search itself makes RE2 run its NFA over the text, several times
  // slower; on a short anchored extent it uses the fast bit-state engine.
  if (pos > block.size() || !FindWhole(rule, block, pos, anchored, &whole)) return 0;
  const std::size_t whole_begin = whole.data() - block.data();
  if (!CoreFromWhole(rule, whole, &subs) &&
      !rule.regex->Match(block, whole_begin, whole_begin + whole.size(), RE2::ANCHOR_BOTH,
                         subs.data(), static_cast<int>(subs.size()))) {
    return begin + std::max(whole_begin + 1, pos + 1);  // cannot happen; never loop
  }
  const re2::StringPiece core = subs[1];
  const re2::StringPiece span = subs[rule.span_group];
  const std::size_t core_begin = core.data() - block.data();
  std::size_t core_end = core_begin + core.size();
  std::size_t used_end = 0;
  if (span.data() != nullptr && !span.empty()) {
    RuleMatch& match = scratch->match;
    match.text = text;
    match.rule = &rule;
    match.begin = span.data() - text.data();
    match.end = match.begin + span.size();
    match.groups.clear();
    for (const auto& [name, group] : rule.groups) {
      const re2::StringPiece& sub = subs[group];
      if (sub.data() != nullptr && !sub.empty()) {
        match.groups.emplace_back(name, std::string_view(sub.data(), sub.size()));
      }
    }
    used_end = sink(match);
  }
  // Look again after the mention made, or just after a rejected match's
  // start. The character after a mention is its boundary; the next match
  // may start on it.
  if (used_end > begin && used_end - begin < core_end) {
    core_end = used_end - begin;
  } else if (used_end == 0) {
    core_end = core_begin + 1;
  }
  return begin + std::max(core_end, pos + 1);
}

}  // namespace diar::tag_internal
