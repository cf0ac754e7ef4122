#include "pipeline/tag/rule_set.h"

#include <algorithm>
#include <set>

#include "pipeline/data_file/data_file.h"
#include "pipeline/tag/text_util.h"

namespace diar::tag_internal {
namespace {

// Blocks are cut at the first sentence end after this many bytes. In a
// dense text (a mention every few hundred bytes) nearly every rule matches
// somewhere in a page-sized block, and the set then saves little; in a
// sentence-sized block only the one or two rules that occur run, but each
// RE2::Set::Match call has a fixed cost (it allocates state sets sized by
// the program, which the triggers keep small). Measured with bench/tag
// (rules scan, CPU time, seeds): 256 bytes 120 MB/s, 512 117, 1 KB 73,
// 2 KB 90; 512 also keeps set calls few in sparse texts.
constexpr std::size_t kBlockBytes = 512;
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
  for (std::size_t i = from; i + 2 < limit; ++i) {
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
  return c < 0x80 ? (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                  : (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
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
                   const std::vector<std::string>& formers,
                   std::vector<std::string>* errors) {
  const std::vector<std::string> paths = ListFiles(dir, "", ".rules");
  std::vector<DataFile> files;
  for (const std::string& path : paths) files.push_back(ReadDataFile(path, errors));

  // Pass 1: defines from all files, so a rule file may use another's;
  // triggers by rule id.
  Defines defines(lexicon);
  struct Trigger {
    std::string pattern;
    std::string path;
    int line;
  };
  std::map<std::string, Trigger> triggers;
  for (const DataFile& file : files) {
    if (!file.has_header_comment) {
      errors->push_back(Where(file.path, 1, "no header comment; start the file with "
                                            "`# what these rules tag`"));
    }
    for (const DataLine& line : file.lines) {
      if (line.fields[0] == "@trigger") {
        if (line.fields.size() != 3 || line.fields[1].empty() || line.fields[2].empty()) {
          errors->push_back(Where(file.path, line.number,
                                  "write `@trigger<TAB>rule id<TAB>pattern`"));
        } else if (!triggers.emplace(line.fields[1],
                                     Trigger{line.fields[2], file.path, line.number})
                        .second) {
          errors->push_back(Where(file.path, line.number,
                                  "rule \"" + line.fields[1] + "\" already has a trigger"));
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
  set_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  std::map<std::string, std::string> id_where;
  for (const DataFile& file : files) {
    for (const DataLine& line : file.lines) {
      if (line.fields[0] == "@define" || line.fields[0] == "@trigger") continue;
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
      // The set holds the rule's trigger if it has one (a cheap pattern
      // any text the rule matches contains), else the rule itself.
      std::string prefilter = wrapped;
      if (auto trigger = triggers.find(id); trigger != triggers.end()) {
        const std::string trigger_where =
            trigger->second.path + ":" + std::to_string(trigger->second.line);
        if (!defines.Expand(trigger->second.pattern, &prefilter, &error)) {
          errors->push_back(trigger_where + ": " + error);
          continue;
        }
        RE2 check(prefilter, options);
        if (!check.ok()) {
          errors->push_back(trigger_where + ": trigger does not compile: " + check.error());
          continue;
        }
        triggers.erase(trigger);
      }
      if (set_->Add(prefilter, &error) < 0) {
        bad("pattern does not compile in the rule set: " + error);
        continue;
      }
      rules_.push_back(std::move(rule));
    }
  }
  for (const auto& [id, trigger] : triggers) {
    if (id_where.count(id) == 0) {
      errors->push_back(Where(trigger.path, trigger.line,
                              "trigger for unknown rule \"" + id + "\""));
    }
  }
  if (!set_->Compile()) {
    errors->push_back(dir + ": the rules together exceed RE2's memory budget; "
                            "simplify the largest patterns");
  }
}

void RuleSet::Scan(std::string_view text, const Sink& sink) const {
  if (rules_.empty()) return;
  std::vector<int> hits;
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t end = BlockEnd(text, begin);
    ScanBlock(text, begin, end, &hits, sink);
    begin = end;
  }
}

void RuleSet::ScanBlock(std::string_view text, std::size_t begin, std::size_t end,
                        std::vector<int>* hits, const Sink& sink) const {
  const re2::StringPiece block(text.data() + begin, end - begin);
  hits->clear();
  RE2::Set::ErrorInfo error;
  if (!set_->Match(block, hits, &error)) {
    if (error.kind == RE2::Set::kNoError) return;
    // The set's DFA ran out of memory on this block: run every rule
    // rather than miss mentions.
    hits->clear();
    for (std::size_t i = 0; i < rules_.size(); ++i) hits->push_back(static_cast<int>(i));
  }
  std::sort(hits->begin(), hits->end());
  std::vector<re2::StringPiece> subs;
  // One match object for the block, so that its group list keeps its
  // capacity from match to match.
  RuleMatch match;
  match.text = text;
  for (int index : *hits) {
    const Rule& rule = *rules_[index];
    subs.resize(1 + rule.regex->NumberOfCapturingGroups());
    std::size_t pos = 0;
    re2::StringPiece whole;
    // Two steps: the match's extent with the DFA alone (no submatches),
    // then the groups by matching just that extent again. Asking for groups
    // in the search itself makes RE2 run its NFA over the text, several
    // times slower; on a short anchored extent it uses the fast bit-state
    // engine.
    while (pos <= block.size() &&
           rule.regex->Match(block, pos, block.size(), RE2::UNANCHORED, &whole, 1)) {
      const std::size_t whole_begin = whole.data() - block.data();
      if (!CoreFromWhole(rule, whole, &subs) &&
          !rule.regex->Match(block, whole_begin, whole_begin + whole.size(), RE2::ANCHOR_BOTH,
                             subs.data(), static_cast<int>(subs.size()))) {
        pos = std::max(whole_begin + 1, pos + 1);  // cannot happen; never loop
        continue;
      }
      const re2::StringPiece core = subs[1];
      const re2::StringPiece span = subs[rule.span_group];
      const std::size_t core_begin = core.data() - block.data();
      std::size_t core_end = core_begin + core.size();
      std::size_t used_end = 0;
      if (span.data() != nullptr && !span.empty()) {
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
      // Look again after the mention made, or just after a rejected
      // match's start. The character after a mention is its boundary; the
      // next match may start on it.
      if (used_end > begin && used_end - begin < core_end) {
        core_end = used_end - begin;
      } else if (used_end == 0) {
        core_end = core_begin + 1;
      }
      pos = std::max(core_end, pos + 1);
    }
  }
}

}  // namespace diar::tag_internal
