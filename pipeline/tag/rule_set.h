// The rule engine: dictionaries/*.rules parsed, validated, compiled once, and
// matched over a text where the prefilter (prefilter.h) says they can match.
//
// Rule file format (one rule per line, tab-separated; `#` comment lines):
//
//   @define  <TAB> NAME <TAB> pattern-fragment
//   @atoms   <TAB> rule id <TAB> flags <TAB> atom pattern
//   @tail    <TAB> rule id <TAB> pattern
//   id       <TAB> type <TAB> value-former <TAB> RE2 pattern
//
// `{{NAME}}` in a pattern expands to a @define (from any .rules file) or to
// the alternation of dictionaries/NAME.list. The optional named group `span`
// marks the mention inside the match (labels such as "Dnr:" stay outside);
// without it the whole match is the span. Other named groups feed the value
// former (see values.h): `year`, `month`, `day`, `season`, `y1`, `m1`, `d1`,
// `y2`, `m2`, `d2`, `prefix`. Every pattern is wrapped in Unicode word
// boundaries (a letter or digit may not touch either end of the match),
// because RE2's \b only knows ASCII letters.
//
// Atoms: strings one of which every match of a rule contains, found in one
// pass by the prefilter. `@atoms` lists them as a finite pattern
// (atom_pattern.h) with flags, any of (joined by |, or - for none):
//   start  the atom begins a word;   end   it ends a word;
//   inner  a letter or digit comes before it: it is the end of a compound
//          ("kulturnämnden"), as where the pattern has {{L}}+ before it;
//   case   it is matched in the case written (else case-insensitively);
//   lead   it begins every match of the rule (implies start);
//   reach=N  every match begins at most N words before the word holding one
//          of its atoms (words: runs of non-space characters).
// A rule without @atoms gets the atoms RE2's FilteredRE2 derives from its
// pattern; a rule with none at all runs on the whole text (a load warning
// says so). Atoms that a match can lack lose mentions, so the tests check
// every declared atom against the development texts.
//
// Matching: the text is cut at sentence ends into blocks of at least 128
// bytes, which no match crosses. A rule runs only in blocks holding one of
// its atoms, from the block's start (or the end of its last match) to its
// last match there; a `lead` rule runs anchored at each atom instead.
//
// Tails: a rule whose pattern ends in a long optional part (plan.title's
// name, complement and years after its head word) may give that part on an
// `@tail` line instead. The rule is then the rule line's pattern followed by
// the tail, as if written on one line, but the search looks for the rule
// line's part alone and runs the tail only where that matched, anchored at
// its end, when white space follows: the tail's words are read once, not
// again backwards to find where the match starts, and each search is
// smaller. It finds what the whole pattern finds if every match of the tail
// that is not empty begins with white space (\s), as a tail of optional
// parts each beginning with white space does: then a head followed by a
// letter or digit matches neither with nor without its tail, and the
// preferred (leftmost-first) match is the head's preferred match followed
// by the tail's. tests/tag/tail_test.cc checks that on the development
// texts.
#ifndef DIAR_PIPELINE_TAG_RULE_SET_H_
#define DIAR_PIPELINE_TAG_RULE_SET_H_

#include <re2/re2.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/tag/atom_scanner.h"  // Atom
#include "pipeline/tag/lexicon.h"

namespace diar::tag_internal {

struct Rule {
  std::string id;
  std::string type;    // mention type
  std::string former;  // value former name (values.h)
  std::string path;    // file and line, for messages
  int line = 0;
  std::unique_ptr<RE2> regex;           // the wrapped pattern, with its tail
  // With an @tail: the rule line's pattern wrapped, which the search looks
  // for, and the tail with the word boundary after it, run anchored where
  // `head` ends. Null without one.
  std::unique_ptr<RE2> head;
  std::unique_ptr<RE2> tail;
  int span_group = 1;                   // capture group of the span
  std::vector<std::pair<std::string, int>> groups;  // named groups
  bool lead = false;  // every match begins with one of its atoms (@atoms lead)
  int reach = -1;     // @atoms reach=N; -1: matches may begin anywhere before
};

// One match of one rule, offsets in bytes of the scanned text.
struct RuleMatch {
  const Rule* rule = nullptr;
  std::size_t begin = 0;  // span
  std::size_t end = 0;
  // Named groups that took part in the match (empty views are left out).
  std::vector<std::pair<std::string_view, std::string_view>> groups;
  std::string_view Group(std::string_view name) const;
  std::string_view text;  // the whole scanned text, for context checks
};

class RuleSet {
 public:
  // Parses and compiles every *.rules in `dir`. `types` are the mention types
  // a rule may have; `formers` the known value former names. Problems go to
  // `errors` as file:line.
  void Load(const std::string& dir, const Lexicon& lexicon,
            const std::vector<std::string>& types,
            const std::vector<std::string>& formers, std::vector<std::string>* errors,
            std::vector<std::string>* warnings);

  // Calls `sink` for each match of each rule in `text`. `atoms_at` gives,
  // per rule, the sorted offsets where its atoms begin (Prefilter finds
  // them); a rule without atoms runs everywhere. The sink returns where the
  // mention it made ends (bytes), or 0 if it rejected the match; the rule
  // then looks again from there (or just after the match's start), so that
  // a greedy match cut back or rejected by its value former does not hide a
  // shorter mention inside it ("Tidsplanen för samverkansöverenskommelsen"
  // hides "samverkansöverenskommelsen").
  using Sink = std::function<std::size_t(const RuleMatch&)>;
  void Scan(std::string_view text, const std::vector<std::vector<std::size_t>>& atoms_at,
            const Sink& sink) const;

  std::size_t size() const { return rules_.size(); }
  // The atoms of rule `index` (@atoms or derived); empty if it has none.
  const std::vector<Atom>& atoms(std::size_t index) const { return atoms_[index]; }
  const std::vector<std::unique_ptr<Rule>>& rules() const { return rules_; }

 private:
  // Reused between matches, so that they keep their capacity.
  struct Scratch {
    std::vector<re2::StringPiece> subs;
    RuleMatch match;
  };
  // A `lead` rule: anchored at each atom.
  void ScanAnchored(std::string_view text, const std::vector<std::size_t>& block_ends,
                    const Rule& rule, const std::vector<std::size_t>& atoms, Scratch* scratch,
                    const Sink& sink) const;
  // Any other rule: searched in the blocks holding its atoms.
  void ScanSearching(std::string_view text, const std::vector<std::size_t>& block_ends,
                     const Rule& rule, const std::vector<std::size_t>& atoms, bool everywhere,
                     Scratch* scratch, const Sink& sink) const;
  // One search of `rule` in the block [begin, end) from `from` (all byte
  // offsets into `text`), or only at `from` if `anchored`; a match goes to
  // `sink`. Returns where to search next, or 0 if there is no match.
  std::size_t ScanOnce(std::string_view text, std::size_t begin, std::size_t end,
                       std::size_t from, bool anchored, const Rule& rule, Scratch* scratch,
                       const Sink& sink) const;

  std::vector<std::unique_ptr<Rule>> rules_;
  std::vector<std::vector<Atom>> atoms_;  // per rule; empty: it runs everywhere
};

// The RE2 options every tagger pattern uses: UTF-8, no logging (errors are
// reported as file:line instead), enough memory for large alternations.
RE2::Options PatternOptions();

// Wraps `pattern` so that it neither starts after nor ends before a letter or
// digit; the pattern itself becomes capture group 1.
std::string WithWordBoundaries(const std::string& pattern);
// The second half of that wrapping, for a tail: `pattern` as capture group
// 1, not ending before a letter or digit.
std::string WithEndBoundary(const std::string& pattern);

}  // namespace diar::tag_internal

#endif  // DIAR_PIPELINE_TAG_RULE_SET_H_
