// AtomScanner: finds every occurrence of a set of literal strings ("atoms")
// in one pass over a text, overlaps included. It is the tagger's
// prefilter: a rule can only match where one of its atoms occurs, and a
// gazetteer name only where the name itself occurs, so RE2 runs only there.
//
// Matching is on folded text: letters in lower case (ASCII and the Latin-1
// capitals U+00C0-U+00DE but U+00D7, "ÅÄÖÉÜ...") and every white-space run
// (space, tab, newline, carriage return, form feed) as one space, so the
// atom "region västmanland" finds "Region\nVästmanland". The Latin-1 fold
// adds 0x20 to any UTF-8 continuation byte 80-9E but 97, whatever its lead
// byte; atoms are folded the same way, so other characters still find
// themselves. Every digit reads as 0, so the atom "2022-" finds
// "1999-" too; callers check the number themselves. An atom may also
// ask for more than the folded text shows:
//   word_start  the character before it is not a letter or digit;
//   word_end    the character after it is not a letter or digit;
//   inner       the character before it is a letter or digit (it ends or
//               continues a compound: "kulturnämnden", not "nämnden");
//   exact_case  its letters in the case written.
// (Letters and digits here are those of the tagger's word boundaries: see
// IsBoundaryWordChar in text_util.h.)
//
// The automaton is Aho-Corasick with its transitions precomputed over byte
// classes, so the scan is one table lookup per byte.
#ifndef DIAR_PIPELINE_TAG_ATOM_SCANNER_H_
#define DIAR_PIPELINE_TAG_ATOM_SCANNER_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace diar::tag_internal {

struct Atom {
  std::string text;  // as written (exact_case compares against it)
  bool word_start = false;
  bool word_end = false;
  bool exact_case = false;
  bool inner = false;  // excludes word_start
};

class AtomScanner {
 public:
  // `text` folded as the scanner folds the input; empty if it is nothing
  // but white space, or if it is not `exact_case` and has a letter whose
  // case the scanner does not fold (beyond ASCII and Latin-1).
  static std::string Fold(std::string_view text, bool exact_case);

  // Atoms with the same identity are found at the same places ("2021-"
  // and "2022-", whose digits fold alike), so one of them is enough.
  static std::string Identity(const Atom& atom);

  // Builds the automaton. Every atom's Fold must be non-empty (callers
  // check); hits report the atom's index in `atoms`. False if the atoms
  // need more than kMaxStates states (the automaton is then empty).
  bool Build(const std::vector<Atom>& atoms);
  static constexpr std::uint32_t kMaxStates = 65535;

  // Calls on_hit(atom, begin, end) for every occurrence that meets its
  // atom's conditions, in no particular order; [begin, end) are byte
  // offsets into `text`.
  template <typename OnHit>
  void Scan(std::string_view text, OnHit&& on_hit) const {
    if (states_ == 0) return;
    // The scan is a chain of dependent table lookups, one per byte, so it
    // waits on memory. Four streams over four parts of the text keep four
    // chains in flight. A part starts just after a byte no atom contains:
    // the automaton is then at its start state whatever came before, so
    // each stream finds exactly the hits ending in its part.
    const auto* data = reinterpret_cast<const unsigned char*>(text.data());
    constexpr int kStreams = 4;
    std::size_t cut[kStreams + 1];
    cut[0] = 0;
    cut[kStreams] = text.size();
    for (int k = 1; k < kStreams; ++k) {
      std::size_t at = std::max(cut[k - 1], text.size() * k / kStreams);
      while (at < text.size() && at > 0 && byte_class_[data[at - 1]] != 0) ++at;
      cut[k] = at;
    }
    const std::uint16_t* next = next_.data();
    const std::uint32_t* column = column_.data();
    const std::uint32_t first_output = first_output_;
    // Four named chains rather than arrays, so that they stay in registers.
    std::uint32_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    const unsigned char* p0 = data + cut[0];
    const unsigned char* p1 = data + cut[1];
    const unsigned char* p2 = data + cut[2];
    const unsigned char* p3 = data + cut[3];
    std::size_t common = text.size();
    for (int k = 0; k < kStreams; ++k) common = std::min(common, cut[k + 1] - cut[k]);
    const unsigned char* const end0 = p0 + common;
    while (p0 < end0) {
      s0 = next[column[*p0++] + s0];
      s1 = next[column[*p1++] + s1];
      s2 = next[column[*p2++] + s2];
      s3 = next[column[*p3++] + s3];
      if ((s0 | s1 | s2 | s3) >= first_output) [[unlikely]] {
        if (s0 >= first_output) Report(s0, text, p0 - data, on_hit);
        if (s1 >= first_output) Report(s1, text, p1 - data, on_hit);
        if (s2 >= first_output) Report(s2, text, p2 - data, on_hit);
        if (s3 >= first_output) Report(s3, text, p3 - data, on_hit);
      }
    }
    const std::uint32_t states[kStreams] = {s0, s1, s2, s3};
    const unsigned char* at[kStreams] = {p0, p1, p2, p3};
    for (int k = 0; k < kStreams; ++k) {
      std::uint32_t state = states[k];
      for (const unsigned char* p = at[k]; p < data + cut[k + 1];) {
        state = next[column[*p++] + state];
        if (state >= first_output) Report(state, text, p - data, on_hit);
      }
    }
  }

  std::size_t size() const { return atoms_.size(); }

 private:
  static const std::array<bool, 256> kSpace;
  struct Built {
    Atom atom;
    std::string folded;
    bool has_space = false;
    bool plain = false;  // no conditions, no white space: begin = end - size
  };
  template <typename OnHit>
  void Report(std::uint32_t state, std::string_view text, std::size_t end, OnHit& on_hit) const {
    for (std::uint32_t atom : outputs_[state - first_output_]) {
      std::size_t begin = 0;
      if (Check(atom, text, end, &begin)) on_hit(atom, begin, end);
    }
  }
  // Whether the occurrence of `atom` ending at `end` meets its conditions;
  // sets `*begin`.
  bool Check(std::uint32_t atom, std::string_view text, std::size_t end,
             std::size_t* begin) const;

  std::vector<Built> atoms_;
  std::array<std::uint8_t, 256> byte_class_{};  // byte -> class of its fold
  std::uint32_t classes_ = 0;
  std::uint32_t states_ = 0;
  // next_[class * states_ + state] is the next state, column_[byte] the
  // start of its class's column. By column, because the states a text
  // passes through are few and numbered close together (breadth first),
  // so the entries one class needs share cache lines; and the scan's chain
  // of lookups is an add and a load, with no multiply. 16 bits keep the
  // table small; states where atoms end come last (state >= first_output_).
  std::vector<std::uint16_t> next_;
  std::array<std::uint32_t, 256> column_{};
  std::uint32_t first_output_ = 0;
  // Atoms ending at each output state, by state - first_output_.
  std::vector<std::vector<std::uint32_t>> outputs_;
};

}  // namespace diar::tag_internal

#endif  // DIAR_PIPELINE_TAG_ATOM_SCANNER_H_
