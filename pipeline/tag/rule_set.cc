#include "pipeline/tag/rule_set.h"

#include <re2/filtered_re2.h>

#include <algorithm>
#include <set>

#include "pipeline/data_file/data_file.h"
#include "pipeline/tag/atom_pattern.h"
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
// An @atoms pattern may stand for at most this many strings.
constexpr std::size_t kMaxAtoms = 5000;

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

// @defines as written, expanded on first use so that a rule file may use a
// define from any other file, whatever the file order.
class Defines {
 public:
  struct Raw {
    std::string pattern;
    std::string where;  // file:line
  };
  explicit Defines(const Lexicon& lexicon) : lexicon_(lexicon) {}

  bool Add(const std::string& name, Raw raw, std::string* error) {
    if (lexicon_.HasList(name)) {
      *error = "\"" + name + "\" is already defined as dictionaries/" + name + ".list";
      return false;
    }
    auto [it, inserted] = raw_.emplace(name, std::move(raw));
    if (!inserted) {
      *error = "\"" + name + "\" is already defined at " + it->second.where;
      return false;
    }
    return true;
  }

  // Expands every {{NAME}} in `pattern`.
  bool Expand(const std::string& pattern, std::string* out, std::string* error) {
    out->clear();
    std::size_t pos = 0;
    while (true) {
      const std::size_t open = pattern.find("{{", pos);
      if (open == std::string::npos) break;
      const std::size_t close = pattern.find("}}", open + 2);
      if (close == std::string::npos) {
        *error = "unclosed {{ in pattern";
        return false;
      }
      const std::string name = pattern.substr(open + 2, close - open - 2);
      out->append(pattern, pos, open - pos);
      std::string value;
      if (!Lookup(name, &value, error)) return false;
      *out += value;
      pos = close + 2;
    }
    out->append(pattern, pos, std::string::npos);
    return true;
  }

 private:
  bool Lookup(const std::string& name, std::string* value, std::string* error) {
    if (auto done = expanded_.find(name); done != expanded_.end()) {
      *value = done->second;
      return true;
    }
    auto raw = raw_.find(name);
    if (raw == raw_.end()) {
      if (lexicon_.HasList(name)) {
        *value = lexicon_.Alternation(name);
        return true;
      }
      *error = "{{" + name + "}} is neither an @define nor a dictionaries/" + name +
               ".list; define it or fix the name";
      return false;
    }
    if (!in_progress_.insert(name).second) {
      *error = "{{" + name + "}} is defined in terms of itself (" + raw->second.where + ")";
      return false;
    }
    std::string expanded;
    const bool ok = Expand(raw->second.pattern, &expanded, error);
    in_progress_.erase(name);
    if (!ok) return false;
    *value = expanded_[name] = "(?:" + expanded + ")";
    return true;
  }

  const Lexicon& lexicon_;
  std::map<std::string, Raw> raw_;
  std::map<std::string, std::string> expanded_;
  std::set<std::string> in_progress_;
};

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

// The atoms RE2's FilteredRE2 finds in `pattern`: strings one of which
// occurs, case folded, in any text the pattern matches. Empty if there are
// none the scanner can look for.
//
// FilteredRE2 gives the atoms with an AND/OR formula over them ("mellan"
// and "och" and one of "19", "20"). The scanner only ORs, so the atoms are
// cut down to a smallest set some member of which every passing combination
// holds, dropping the shortest (most frequent) atoms first: there "mellan"
// alone. A set S is such a set when the atoms outside it cannot pass the
// formula on their own. Atoms of three bytes or more are tried first, since
// short ones ("20", "on") occur nearly everywhere.
std::vector<Atom> PatternAtoms(const std::string& pattern) {
  for (const int min_length : {3, 2}) {
    re2::FilteredRE2 filter(min_length);
    int id = 0;
    if (filter.Add(pattern, PatternOptions(), &id) != RE2::NoError) return {};
    std::vector<std::string> atoms;
    filter.Compile(&atoms);
    std::vector<int> passing;
    filter.AllPotentials({}, &passing);
    if (atoms.empty() || !passing.empty()) continue;  // unfiltered at this length
    std::vector<int> order(atoms.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return atoms[a].size() < atoms[b].size(); });
    std::vector<bool> kept(atoms.size(), true);
    for (int candidate : order) {
      kept[candidate] = false;
      std::vector<int> outside;
      for (std::size_t i = 0; i < atoms.size(); ++i) {
        if (!kept[i]) outside.push_back(static_cast<int>(i));
      }
      passing.clear();
      filter.AllPotentials(outside, &passing);
      if (!passing.empty()) kept[candidate] = true;
    }
    std::vector<Atom> result;
    for (std::size_t i = 0; i < atoms.size(); ++i) {
      if (!kept[i]) continue;
      if (AtomScanner::Fold(atoms[i], false).empty()) return {};
      result.push_back({atoms[i], false, false, false});
    }
    return result;
  }
  return {};
}

// The atoms of an `@atoms` line: `flags` is "-" or a |-separated list of
// lead, start, inner, end, case and reach=N (see rule_set.h), the last two also
// returned in `*lead` and `*reach` (-1 without reach).
bool DeclaredAtoms(const std::string& flags, const std::string& pattern,
                   std::vector<Atom>* atoms, bool* lead, int* reach, std::string* error) {
  Atom proto;
  *lead = false;
  *reach = -1;
  if (flags != "-") {
    for (const std::string& flag : SplitList(flags)) {
      if (flag.rfind("reach=", 0) == 0) {
        const std::string count = flag.substr(6);
        if (count.empty() || count.size() > 2 ||
            count.find_first_not_of("0123456789") != std::string::npos) {
          *error = "write reach=N with N the most words a match begins before its atom's word";
          return false;
        }
        *reach = std::stoi(count);
      } else if (flag == "lead") {
        *lead = true;
        proto.word_start = true;
      } else if (flag == "start") {
        proto.word_start = true;
      } else if (flag == "inner") {
        proto.inner = true;
      } else if (flag == "end") {
        proto.word_end = true;
      } else if (flag == "case") {
        proto.exact_case = true;
      } else {
        *error = "unknown atom flag \"" + flag +
                 "\"; use lead, start, inner, end, case, reach=N or -";
        return false;
      }
    }
  }
  if (proto.inner && proto.word_start) {
    *error = "the atom flag inner (a letter or digit before the atom) excludes start and lead";
    return false;
  }
  std::vector<std::string> strings;
  if (!ExpandAtomPattern(pattern, kMaxAtoms, &strings, error)) return false;
  for (const std::string& text : strings) {
    if (AtomScanner::Fold(text, proto.exact_case).empty()) {
      *error = "atom \"" + text + "\" is empty or has a letter whose case the prefilter "
               "cannot fold; add the flag case or choose another atom";
      return false;
    }
    Atom atom = proto;
    atom.text = text;
    atoms->push_back(std::move(atom));
  }
  return true;
}

// Where a match containing the atom at `atom` can begin at the earliest
// (its boundary character: white space, one byte),
// for a rule whose matches begin at most `words` words before the word the
// atom is in (@atoms reach=N). Words here are runs of anything but white
// space, which is at least as long as any rule's words.
std::size_t WindowStart(std::string_view text, std::size_t atom, int words) {
  auto space = [&](std::size_t i) {
    const char c = text[i];
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
  };
  std::size_t i = atom;
  while (i > 0 && !space(i - 1)) --i;
  for (int k = 0; k < words && i > 0; ++k) {
    while (i > 0 && space(i - 1)) --i;
    while (i > 0 && !space(i - 1)) --i;
  }
  // The match takes in the boundary character before its first word.
  if (i > 0) --i;
  return i;
}

}  // namespace

std::string_view RuleMatch::Group(std::string_view name) const {
  for (const auto& [key, value] : groups) {
    if (key == name) return value;
  }
  return std::string_view();
}

RE2::Options PatternOptions() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  // Gazetteer alternations of a few thousand names need more than the 8 MB
  // default for their DFA; 64 MB keeps them on the fast DFA path.
  options.set_max_mem(64 << 20);
  return options;
}

std::string WithWordBoundaries(const std::string& pattern) {
  // Latin letters with accents and digits (the {{W}} of common.rules); see
  // there for why not \pL\pN.
  static constexpr char kNotWord[] =
      "[^0-9A-Za-z\\x{C0}-\\x{D6}\\x{D8}-\\x{F6}\\x{F8}-\\x{24F}]";
  return std::string("(?:^|") + kNotWord + ")(" + pattern + ")(?:" + kNotWord + "|$)";
}

void RuleSet::Load(const std::string& dir, const Lexicon& lexicon,
                   const std::vector<std::string>& types,
                   const std::vector<std::string>& formers, std::vector<std::string>* errors,
                   std::vector<std::string>* warnings) {
  const std::vector<std::string> paths = ListFiles(dir, "", ".rules");
  std::vector<DataFile> files;
  for (const std::string& path : paths) files.push_back(ReadDataFile(path, errors));

  // Pass 1: defines from all files, so a rule file may use another's;
  // declared atoms by rule id.
  Defines defines(lexicon);
  struct Declared {
    std::string flags;
    std::string pattern;
    std::string path;
    int line;
  };
  std::map<std::string, Declared> declared;
  for (const DataFile& file : files) {
    if (!file.has_header_comment) {
      errors->push_back(Where(file.path, 1, "no header comment; start the file with "
                                            "`# what these rules tag`"));
    }
    for (const DataLine& line : file.lines) {
      if (line.fields[0] == "@atoms") {
        if (line.fields.size() != 4 || line.fields[1].empty() || line.fields[2].empty() ||
            line.fields[3].empty()) {
          errors->push_back(Where(file.path, line.number,
                                  "write `@atoms<TAB>rule id<TAB>flags or -<TAB>pattern`"));
        } else if (!declared
                        .emplace(line.fields[1], Declared{line.fields[2], line.fields[3],
                                                          file.path, line.number})
                        .second) {
          errors->push_back(Where(file.path, line.number,
                                  "rule \"" + line.fields[1] + "\" already has @atoms"));
        }
        continue;
      }
      if (line.fields[0] != "@define") continue;
      if (line.fields.size() != 3 || line.fields[1].empty() || line.fields[2].empty()) {
        errors->push_back(Where(file.path, line.number,
                                "write `@define<TAB>NAME<TAB>pattern`"));
        continue;
      }
      std::string error;
      if (!defines.Add(line.fields[1],
                       {line.fields[2], file.path + ":" + std::to_string(line.number)},
                       &error)) {
        errors->push_back(Where(file.path, line.number, error));
      }
    }
  }
  // Every define must expand, also one no rule uses yet.
  for (const DataFile& file : files) {
    for (const DataLine& line : file.lines) {
      if (line.fields[0] != "@define" || line.fields.size() != 3) continue;
      std::string expanded;
      std::string error;
      if (!defines.Expand(line.fields[2], &expanded, &error)) {
        errors->push_back(Where(file.path, line.number, error));
      }
    }
  }

  // Pass 2: rules.
  const RE2::Options options = PatternOptions();
  std::vector<std::vector<Atom>> rule_atoms;
  std::map<std::string, std::string> id_where;
  for (const DataFile& file : files) {
    for (const DataLine& line : file.lines) {
      if (line.fields[0] == "@define" || line.fields[0] == "@atoms") continue;
      auto bad = [&](const std::string& message) {
        errors->push_back(Where(file.path, line.number, message));
      };
      if (line.fields.size() != 4) {
        bad("expected 4 tab-separated fields (id, type, value former, pattern), found " +
            std::to_string(line.fields.size()));
        continue;
      }
      const std::string& id = line.fields[0];
      const std::string& type = line.fields[1];
      const std::string& former = line.fields[2];
      const std::string where = file.path + ":" + std::to_string(line.number);
      if (!id_where.emplace(id, where).second) {
        bad("rule id \"" + id + "\" is already used at " + id_where[id]);
        continue;
      }
      if (std::find(types.begin(), types.end(), type) == types.end()) {
        bad("unknown type \"" + type + "\"; use one of body, plan, date, period, dnr");
        continue;
      }
      if (std::find(formers.begin(), formers.end(), former) == formers.end()) {
        std::string known;
        for (const auto& f : formers) known += (known.empty() ? "" : ", ") + f;
        bad("unknown value former \"" + former + "\"; use one of " + known);
        continue;
      }
      std::string expanded;
      std::string error;
      if (!defines.Expand(line.fields[3], &expanded, &error)) {
        bad(error);
        continue;
      }
      auto rule = std::make_unique<Rule>();
      rule->id = id;
      rule->type = type;
      rule->former = former;
      rule->path = file.path;
      rule->line = line.number;
      const std::string wrapped = WithWordBoundaries(expanded);
      rule->regex = std::make_unique<RE2>(wrapped, options);
      if (!rule->regex->ok()) {
        bad("pattern does not compile: " + rule->regex->error());
        continue;
      }
      // Scan finds a match's start by running the pattern backwards from
      // its end; RE2 compiles that reverse program on first use. Compile it
      // now, once, rather than inside the first Tag.
      rule->regex->ReverseProgramSize();
      for (const auto& [name, index] : rule->regex->NamedCapturingGroups()) {
        if (name == "span") {
          rule->span_group = index;
        } else {
          rule->groups.emplace_back(name, index);
        }
      }
      std::vector<Atom> atoms;
      if (auto it = declared.find(id); it != declared.end()) {
        const std::string atoms_where = it->second.path + ":" + std::to_string(it->second.line);
        std::string pattern;
        if (!defines.Expand(it->second.pattern, &pattern, &error) ||
            !DeclaredAtoms(it->second.flags, pattern, &atoms, &rule->lead, &rule->reach,
                           &error)) {
          errors->push_back(atoms_where + ": " + error);
          continue;
        }
        declared.erase(it);
      } else {
        atoms = PatternAtoms(wrapped);
        if (atoms.empty()) {
          warnings->push_back(where + ": rule \"" + id + "\" has no atoms the prefilter can "
                              "look for, so it runs on every sentence; give it an @atoms line");
        }
      }
      rule_atoms.push_back(std::move(atoms));
      rules_.push_back(std::move(rule));
    }
  }
  for (const auto& [id, atoms] : declared) {
    if (id_where.count(id) == 0) {
      errors->push_back(Where(atoms.path, atoms.line, "@atoms for unknown rule \"" + id + "\""));
    }
  }
  atoms_ = std::move(rule_atoms);
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
    return rule.reach >= 0 ? std::max(from, WindowStart(text, atom, rule.reach)) : from;
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
  if (pos > block.size() ||
      !rule.regex->Match(block, pos, block.size(), anchored ? RE2::ANCHOR_START : RE2::UNANCHORED,
                         &whole, 1)) {
    return 0;
  }
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
