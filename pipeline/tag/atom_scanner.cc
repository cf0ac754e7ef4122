#include "pipeline/tag/atom_scanner.h"

#include <algorithm>
#include <deque>

#include "pipeline/tag/text_util.h"

namespace diar::tag_internal {
namespace {

constexpr std::array<bool, 256> MakeSpaceTable() {
  std::array<bool, 256> table{};
  for (unsigned char c : {' ', '\t', '\n', '\r', '\f'}) table[c] = true;
  return table;
}

// The byte the scan reads for `c`: ASCII capitals in lower case, UTF-8
// continuation bytes 80-9E but 97 plus 0x20 (after C3 that is the Latin-1
// capital's small letter), white space as a space, every digit as '0'.
// Digits are folded because the rules' atoms spell out numbers ("2022-",
// "1 januari" ... "31 januari"): one class for them shrinks the automaton by
// a third, and the rule checks the number where the atom is found.
unsigned char FoldByte(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= '1' && c <= '9') return '0';
  if (c >= 0x80 && c <= 0x9E && c != 0x97) return c + 0x20;
  if (c == '\t' || c == '\n' || c == '\r' || c == '\f') return ' ';
  return c;
}

constexpr std::array<bool, 128> MakeAsciiWordTable() {
  std::array<bool, 128> table{};
  for (int c = '0'; c <= '9'; ++c) table[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = true;
  return table;
}
constexpr std::array<bool, 128> kAsciiWord = MakeAsciiWordTable();

// IsBoundaryWordChar of the character before byte `i` (i > 0) and of the
// one at `i` (i < size), the ASCII neighbours most hits have decided in
// line: Check runs for every hit, once per 30 bytes of text.
bool WordCharBefore(std::string_view text, std::size_t i) {
  const auto b = static_cast<unsigned char>(text[i - 1]);
  return b < 0x80 ? kAsciiWord[b] : IsBoundaryWordChar(DecodeBefore(text, i));
}

bool WordCharAt(std::string_view text, std::size_t i) {
  const auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) return kAsciiWord[b];
  std::size_t length = 0;
  return IsBoundaryWordChar(DecodeAt(text, i, &length));
}

}  // namespace

const std::array<bool, 256> AtomScanner::kSpace = MakeSpaceTable();

std::string AtomScanner::Fold(std::string_view text, bool exact_case) {
  std::string out;
  bool after_space = true;  // drops leading white space
  for (const char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (kSpace[c]) {
      if (!after_space) out += ' ';
      after_space = true;
      continue;
    }
    after_space = false;
    if (!exact_case && ((c >= 0xC4 && c <= 0xD4) || c == 0xE1)) {
      // Lead bytes of letters with case the scan does not fold: Latin
      // Extended, Greek, Cyrillic ... (C4-D4) and Latin Extended
      // Additional (E1). C2, C3 (Latin-1) and E2 (punctuation) are fine.
      return "";
    }
    out += static_cast<char>(FoldByte(c));
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string AtomScanner::Identity(const Atom& atom) {
  std::string identity = Fold(atom.text, atom.exact_case);
  identity += '\0';
  identity += atom.word_start ? 's' : '-';
  identity += atom.word_end ? 'e' : '-';
  identity += atom.inner ? 'i' : '-';
  if (atom.exact_case) {
    // The case written matters, the digits do not.
    identity += 'c';
    for (const char ch : FoldSpace(atom.text)) identity += (ch >= '1' && ch <= '9') ? '0' : ch;
  }
  return identity;
}

bool AtomScanner::Build(const std::vector<Atom>& atoms) {
  atoms_.clear();
  for (const Atom& atom : atoms) {
    Built built;
    built.atom = atom;
    built.atom.text = FoldSpace(atom.text);
    built.folded = Fold(atom.text, atom.exact_case);
    built.has_space = built.folded.find(' ') != std::string::npos;
    built.plain = !built.has_space && !atom.word_start && !atom.word_end && !atom.exact_case &&
                  !atom.inner;
    atoms_.push_back(std::move(built));
  }

  // Byte classes: one per folded byte some atom uses, class 0 for all
  // others; every byte gets the class of its fold.
  std::array<std::uint8_t, 256> folded_class{};
  classes_ = 1;
  for (const Built& built : atoms_) {
    for (char ch : built.folded) {
      const auto c = static_cast<unsigned char>(ch);
      if (folded_class[c] == 0) folded_class[c] = static_cast<std::uint8_t>(classes_++);
    }
  }
  for (int c = 0; c < 256; ++c) byte_class_[c] = folded_class[FoldByte(static_cast<unsigned char>(c))];
  const std::uint8_t space_class = folded_class[' '];

  // The trie, with goto transitions only (-1: none yet).
  std::vector<std::vector<std::int64_t>> go(1, std::vector<std::int64_t>(classes_, -1));
  std::vector<std::vector<std::uint32_t>> outputs(1);
  std::vector<bool> ends_in_space(1, false);
  for (std::uint32_t index = 0; index < atoms_.size(); ++index) {
    std::size_t state = 0;
    for (char ch : atoms_[index].folded) {
      const std::uint8_t cls = folded_class[static_cast<unsigned char>(ch)];
      if (go[state][cls] < 0) {
        go[state][cls] = static_cast<std::int64_t>(go.size());
        go.emplace_back(classes_, -1);
        outputs.emplace_back();
        ends_in_space.push_back(ch == ' ');
      }
      state = static_cast<std::size_t>(go[state][cls]);
    }
    if (!atoms_[index].folded.empty()) outputs[state].push_back(index);
  }

  if (go.size() > kMaxStates) {
    states_ = 0;
    return false;
  }
  // Breadth first: failure links, complete transitions, inherited outputs.
  states_ = static_cast<std::uint32_t>(go.size());
  std::vector<std::uint32_t> delta(static_cast<std::size_t>(states_) * classes_, 0);
  std::vector<std::uint32_t> fail(states_, 0);
  std::deque<std::uint32_t> queue;
  std::vector<std::uint32_t> breadth_first{0};
  breadth_first.reserve(states_);
  for (std::uint32_t cls = 0; cls < classes_; ++cls) {
    if (go[0][cls] > 0) {
      const auto child = static_cast<std::uint32_t>(go[0][cls]);
      delta[cls] = child;
      queue.push_back(child);
    }
  }
  while (!queue.empty()) {
    const std::uint32_t state = queue.front();
    queue.pop_front();
    breadth_first.push_back(state);
    const std::uint32_t link = fail[state];
    // The outputs of the longest proper suffix that is a state end here too.
    outputs[state].insert(outputs[state].end(), outputs[link].begin(), outputs[link].end());
    for (std::uint32_t cls = 0; cls < classes_; ++cls) {
      const std::size_t slot = static_cast<std::size_t>(state) * classes_ + cls;
      if (go[state][cls] >= 0) {
        const auto child = static_cast<std::uint32_t>(go[state][cls]);
        delta[slot] = child;
        fail[child] = delta[static_cast<std::size_t>(link) * classes_ + cls];
        queue.push_back(child);
      } else {
        delta[slot] = delta[static_cast<std::size_t>(link) * classes_ + cls];
      }
    }
  }
  // A white-space run reads as one space: a state just past a space stays
  // there on more white space. (Atoms have no double spaces, and a space
  // ends no atom, so no hit is reported twice.)
  if (space_class != 0) {
    for (std::uint32_t state = 0; state < states_; ++state) {
      if (ends_in_space[state]) delta[static_cast<std::size_t>(state) * classes_ + space_class] = state;
    }
  }

  // Renumber: states where atoms end last, so one comparison finds them;
  // within each group, breadth first. Text keeps the automaton near its
  // root, so the states it visits most sit together at the start of every
  // class column: a few cache lines each, not one line per state.
  std::vector<std::uint32_t> order;
  order.reserve(states_);
  for (const std::uint32_t state : breadth_first) {
    if (outputs[state].empty()) order.push_back(state);
  }
  const auto plain_states = static_cast<std::uint32_t>(order.size());
  for (const std::uint32_t state : breadth_first) {
    if (!outputs[state].empty()) order.push_back(state);
  }
  std::vector<std::uint32_t> new_id(states_);
  for (std::uint32_t i = 0; i < states_; ++i) new_id[order[i]] = i;
  next_.assign(delta.size(), 0);
  outputs_.assign(states_ - plain_states, {});
  for (std::uint32_t state = 0; state < states_; ++state) {
    for (std::uint32_t cls = 0; cls < classes_; ++cls) {
      next_[static_cast<std::size_t>(cls) * states_ + new_id[state]] =
          static_cast<std::uint16_t>(new_id[delta[static_cast<std::size_t>(state) * classes_ + cls]]);
    }
    if (!outputs[state].empty()) {
      std::vector<std::uint32_t>& out = outputs_[new_id[state] - plain_states];
      out = outputs[state];
      std::sort(out.begin(), out.end());
    }
  }
  for (int c = 0; c < 256; ++c) column_[c] = byte_class_[c] * states_;
  first_output_ = plain_states;
  return true;
}

bool AtomScanner::Check(std::uint32_t index, std::string_view text, std::size_t end,
                        std::size_t* begin) const {
  const Built& built = atoms_[index];
  const std::string& folded = built.folded;
  if (!built.has_space) {
    *begin = end - folded.size();
  } else {
    // Walk back over the atom: each of its spaces is a white-space run.
    std::size_t i = end;
    for (std::size_t k = folded.size(); k > 0; --k) {
      if (folded[k - 1] == ' ') {
        while (i > 0 && kSpace[static_cast<unsigned char>(text[i - 1])]) --i;
      } else {
        --i;
      }
    }
    *begin = i;
  }
  if (built.plain) return true;
  const Atom& atom = built.atom;
  if (atom.word_start && *begin > 0 && WordCharBefore(text, *begin)) return false;
  if (atom.inner && (*begin == 0 || !WordCharBefore(text, *begin))) return false;
  if (atom.word_end && end < text.size() && WordCharAt(text, end)) return false;
  if (atom.exact_case) {
    std::size_t i = *begin;
    for (const char want : atom.text) {
      if (want == ' ') {
        if (i >= end || !kSpace[static_cast<unsigned char>(text[i])]) return false;
        while (i < end && kSpace[static_cast<unsigned char>(text[i])]) ++i;
      } else if (want >= '0' && want <= '9') {
        if (i >= end || text[i] < '0' || text[i] > '9') return false;
        ++i;
      } else {
        if (i >= end || text[i] != want) return false;
        ++i;
      }
    }
  }
  return true;
}

}  // namespace diar::tag_internal
