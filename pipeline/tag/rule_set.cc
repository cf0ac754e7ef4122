#include "pipeline/tag/rule_set.h"

#include <algorithm>
#include <set>

#include "pipeline/tag/data_file.h"

namespace diar::tag_internal {
namespace {

// Blocks are cut at the first blank line after this many bytes. Smaller
// blocks let the set skip more rules per byte but cost one set call each;
// 4 KB (a page or so of text) measured best in bench/tag.
constexpr std::size_t kBlockBytes = 4096;

// Expands {{NAME}} from `defines` (already expanded) or the lexicon.
bool Expand(const std::string& pattern, const std::map<std::string, std::string>& defines,
            const Lexicon& lexicon, std::string* out, std::string* error) {
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
    auto it = defines.find(name);
    if (it != defines.end()) {
      *out += "(?:" + it->second + ")";
    } else if (lexicon.HasList(name)) {
      *out += lexicon.Alternation(name);
    } else {
      *error = "{{" + name + "}} is neither an @define nor a dictionaries/" + name +
               ".list; define it or fix the name";
      return false;
    }
    pos = close + 2;
  }
  out->append(pattern, pos, std::string::npos);
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
  return "(?:^|[^\\pL\\pN])(" + pattern + ")(?:[^\\pL\\pN]|$)";
}

void RuleSet::Load(const std::string& dir, const Lexicon& lexicon,
                   const std::vector<std::string>& types,
                   const std::vector<std::string>& formers,
                   std::vector<std::string>* errors) {
  const std::vector<std::string> paths = ListFiles(dir, "", ".rules");
  std::vector<DataFile> files;
  for (const std::string& path : paths) files.push_back(ReadDataFile(path, errors));

  // Pass 1: defines from all files, so a rule file may use another's.
  std::map<std::string, std::string> defines;
  std::map<std::string, std::string> define_where;
  for (const DataFile& file : files) {
    if (!file.has_header_comment) {
      errors->push_back(Where(file.path, 1, "no header comment; start the file with "
                                            "`# what these rules tag`"));
    }
    for (const DataLine& line : file.lines) {
      if (line.fields[0] != "@define") continue;
      if (line.fields.size() != 3 || line.fields[1].empty() || line.fields[2].empty()) {
        errors->push_back(Where(file.path, line.number,
                                "write `@define<TAB>NAME<TAB>pattern`"));
        continue;
      }
      std::string expanded;
      std::string error;
      if (!Expand(line.fields[2], defines, lexicon, &expanded, &error)) {
        errors->push_back(Where(file.path, line.number, error));
        continue;
      }
      if (lexicon.HasList(line.fields[1]) ||
          !defines.emplace(line.fields[1], expanded).second) {
        errors->push_back(Where(file.path, line.number,
                                "\"" + line.fields[1] + "\" is already defined" +
                                    (define_where.count(line.fields[1])
                                         ? " at " + define_where[line.fields[1]]
                                         : " as a .list")));
        continue;
      }
      define_where[line.fields[1]] = file.path + ":" + std::to_string(line.number);
    }
  }

  // Pass 2: rules.
  const RE2::Options options = PatternOptions();
  set_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  std::map<std::string, std::string> id_where;
  for (const DataFile& file : files) {
    for (const DataLine& line : file.lines) {
      if (line.fields[0] == "@define") continue;
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
      if (!Expand(line.fields[3], defines, lexicon, &expanded, &error)) {
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
      for (const auto& [name, index] : rule->regex->NamedCapturingGroups()) {
        if (name == "span") {
          rule->span_group = index;
        } else {
          rule->groups.emplace_back(name, index);
        }
      }
      if (set_->Add(wrapped, &error) < 0) {
        bad("pattern does not compile in the rule set: " + error);
        continue;
      }
      rules_.push_back(std::move(rule));
    }
  }
  if (!set_->Compile()) {
    errors->push_back(dir + ": the rules together exceed RE2's memory budget; "
                            "simplify the largest patterns");
  }
}

void RuleSet::Scan(std::string_view text,
                   const std::function<void(const RuleMatch&)>& sink) const {
  if (rules_.empty()) return;
  std::vector<int> hits;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = begin + kBlockBytes;
    if (end >= text.size()) {
      end = text.size();
    } else {
      const std::size_t blank = text.find("\n\n", end);
      end = blank == std::string_view::npos ? text.size() : blank;
    }
    ScanBlock(text, begin, end, &hits, sink);
    begin = end;
  }
}

void RuleSet::ScanBlock(std::string_view text, std::size_t begin, std::size_t end,
                        std::vector<int>* hits,
                        const std::function<void(const RuleMatch&)>& sink) const {
  const re2::StringPiece block(text.data() + begin, end - begin);
  hits->clear();
  if (!set_->Match(block, hits)) return;
  std::sort(hits->begin(), hits->end());
  std::vector<re2::StringPiece> subs;
  for (int index : *hits) {
    const Rule& rule = *rules_[index];
    subs.resize(1 + rule.regex->NumberOfCapturingGroups());
    std::size_t pos = 0;
    while (pos <= block.size() &&
           rule.regex->Match(block, pos, block.size(), RE2::UNANCHORED, subs.data(),
                             static_cast<int>(subs.size()))) {
      const re2::StringPiece core = subs[1];
      const re2::StringPiece span = subs[rule.span_group];
      const std::size_t core_end = core.data() - block.data() + core.size();
      if (span.data() != nullptr && !span.empty()) {
        RuleMatch match;
        match.rule = &rule;
        match.text = text;
        match.begin = span.data() - text.data();
        match.end = match.begin + span.size();
        for (const auto& [name, group] : rule.groups) {
          const re2::StringPiece& sub = subs[group];
          if (sub.data() != nullptr && !sub.empty()) {
            match.groups.emplace_back(name, std::string_view(sub.data(), sub.size()));
          }
        }
        sink(match);
      }
      // The character after the core is the boundary; the next match may
      // start on it (it can be the boundary before the next mention).
      pos = std::max(core_end, pos + 1);
    }
  }
}

}  // namespace diar::tag_internal
