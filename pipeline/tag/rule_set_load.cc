// RuleSet's loading half: dictionaries/*.rules read, @define expanded,
// patterns compiled and their prefilter atoms found (rule_set.h states the
// format). Matching is in rule_set_scan.cc.
#include <re2/filtered_re2.h>

#include <algorithm>
#include <map>
#include <set>

#include "pipeline/data_file/data_file.h"
#include "pipeline/tag/atom_pattern.h"
#include "pipeline/tag/rule_set.h"
#include "pipeline/tag/text_util.h"

namespace diar::tag_internal {
namespace {

// An @atoms pattern may stand for at most this many strings.
constexpr std::size_t kMaxAtoms = 5000;

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

}  // namespace

RE2::Options PatternOptions() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  // Gazetteer alternations of a few thousand names need more than the 8 MB
  // default for their DFA; 64 MB keeps them on the fast DFA path.
  options.set_max_mem(64 << 20);
  return options;
}

// Latin letters with accents and digits (the {{W}} of common.rules); see
// there for why not \pL\pN.
constexpr char kNotWord[] = "[^0-9A-Za-z\\x{C0}-\\x{D6}\\x{D8}-\\x{F6}\\x{F8}-\\x{24F}]";

std::string WithWordBoundaries(const std::string& pattern) {
  return std::string("(?:^|") + kNotWord + ")(" + pattern + ")(?:" + kNotWord + "|$)";
}

std::string WithEndBoundary(const std::string& pattern) {
  return "(" + pattern + ")(?:" + kNotWord + "|$)";
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
  std::map<std::string, Declared> tails;  // @tail patterns by rule id (no flags)
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
      if (line.fields[0] == "@tail") {
        if (line.fields.size() != 3 || line.fields[1].empty() || line.fields[2].empty()) {
          errors->push_back(Where(file.path, line.number,
                                  "write `@tail<TAB>rule id<TAB>pattern`"));
        } else if (!tails.emplace(line.fields[1],
                                  Declared{"", line.fields[2], file.path, line.number})
                        .second) {
          errors->push_back(Where(file.path, line.number,
                                  "rule \"" + line.fields[1] + "\" already has a @tail"));
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
      if (line.fields[0] == "@define" || line.fields[0] == "@atoms" || line.fields[0] == "@tail") {
        continue;
      }
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
      std::string tail;
      if (auto it = tails.find(id); it != tails.end()) {
        if (!defines.Expand(it->second.pattern, &tail, &error)) {
          errors->push_back(it->second.path + ":" + std::to_string(it->second.line) + ": " +
                            error);
          continue;
        }
        tails.erase(it);
      }
      auto rule = std::make_unique<Rule>();
      rule->id = id;
      rule->type = type;
      rule->former = former;
      rule->path = file.path;
      rule->line = line.number;
      const std::string wrapped = WithWordBoundaries(expanded + tail);
      rule->regex = std::make_unique<RE2>(wrapped, options);
      if (!rule->regex->ok()) {
        bad("pattern does not compile: " + rule->regex->error());
        continue;
      }
      if (!tail.empty()) {
        rule->head = std::make_unique<RE2>(WithWordBoundaries(expanded), options);
        rule->tail = std::make_unique<RE2>(WithEndBoundary(tail), options);
        if (!rule->head->ok() || !rule->tail->ok()) {
          bad("pattern or its @tail does not compile alone: " +
              (rule->head->ok() ? rule->tail->error() : rule->head->error()));
          continue;
        }
      }
      // Scan finds a match's start by running the pattern (or its head)
      // backwards from its end; RE2 compiles that reverse program on first
      // use. Compile it now, once, rather than inside the first Tag.
      (rule->head ? rule->head : rule->regex)->ReverseProgramSize();
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
  for (const auto& [id, tail] : tails) {
    if (id_where.count(id) == 0) {
      errors->push_back(Where(tail.path, tail.line, "@tail for unknown rule \"" + id + "\""));
    }
  }
  atoms_ = std::move(rule_atoms);
}

}  // namespace diar::tag_internal
