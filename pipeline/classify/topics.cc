#include "pipeline/classify/topics.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "pipeline/data_file/data_file.h"
#include "pipeline/classify/text_scan.h"

namespace diar::classify_internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// Length of the match of `words` (each with .word, lower case, and
// .prefix) at `pos` in `lower`, 0 if none.
template <typename CueWords>
std::size_t MatchAt(std::string_view lower, std::size_t pos, const CueWords& words) {
  std::size_t i = pos;
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (w > 0) {
      if (i >= lower.size() || !IsSpace(lower[i])) return 0;
      while (i < lower.size() && IsSpace(lower[i])) ++i;
    }
    const std::string& word = words[w].word;
    const bool prefix = words[w].prefix;
    if (lower.compare(i, word.size(), word) != 0) return 0;
    i += word.size();
    if (prefix) {
      i = SkipWord(lower, i);
    } else if (WordCharAt(lower, i)) {
      return 0;
    }
  }
  return i - pos;
}

std::string Thousands(std::size_t n) {
  const std::string digits = std::to_string(n);
  std::string s;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) s.push_back(',');
    s.push_back(digits[i]);
  }
  return s;
}

}  // namespace

void Topics::Load(const std::string& dir, std::vector<std::string>* errors) {
  const std::string path = dir + "/topics.tsv";
  std::map<std::string, std::string> cue_owner;
  for (const DataLine& row : ReadTable(path, {"topic", "cues"}, errors)) {
    Topic topic;
    topic.name = row.fields[0];
    if (LowerKeepOffsets(topic.name) != topic.name) {
      errors->push_back(Where(path, row.number, "topic \"" + topic.name + "\" must be lower case"));
      continue;
    }
    if (std::any_of(topics_.begin(), topics_.end(),
                    [&](const Topic& t) { return t.name == topic.name; })) {
      errors->push_back(Where(path, row.number, "topic \"" + topic.name + "\" is listed twice; "
                                           "merge the two rows"));
      continue;
    }
    for (const std::string& text : SplitList(row.fields[1])) {
      Cue cue;
      cue.text = text;
      const std::string lower = LowerKeepOffsets(text);
      std::size_t i = 0;
      bool bad = false;
      while (i < lower.size()) {
        while (i < lower.size() && lower[i] == ' ') ++i;
        std::size_t end = lower.find(' ', i);
        if (end == std::string::npos) end = lower.size();
        if (end == i) break;
        CueWord word{lower.substr(i, end - i), false};
        if (word.word.back() == '*') {
          word.prefix = true;
          word.word.pop_back();
        }
        if (word.word.empty() || word.word.find('*') != std::string::npos ||
            !WordCharAt(word.word, 0)) {
          bad = true;
        }
        cue.words.push_back(std::move(word));
        i = end;
      }
      if (bad || cue.words.empty()) {
        errors->push_back(Where(path, row.number, "cue \"" + text + "\" is malformed; write words "
                                             "starting with a letter, `*` only at a word's end"));
        continue;
      }
      auto [it, fresh] = cue_owner.emplace(lower, topic.name);
      if (!fresh) {
        errors->push_back(Where(path, row.number, "cue \"" + text + "\" is already a cue of topic \"" +
                                             it->second + "\"; keep it under one topic"));
        continue;
      }
      topic.cues.push_back(std::move(cue));
    }
    if (topic.cues.empty()) {
      errors->push_back(Where(path, row.number, "topic \"" + topic.name + "\" has no cues"));
      continue;
    }
    topics_.push_back(std::move(topic));
  }
  std::vector<tag_internal::Atom> atoms;
  for (std::size_t t = 0; t < topics_.size(); ++t) {
    for (std::size_t c = 0; c < topics_[t].cues.size(); ++c) {
      const CueWord& first = topics_[t].cues[c].words.front();
      // Word boundaries are checked here as before (WordCharBefore,
      // MatchAt), not by the scanner, whose letters are the tagger's.
      tag_internal::Atom atom{first.word, false, false, false};
      if (tag_internal::AtomScanner::Fold(atom.text, false).empty()) {
        errors->push_back(path + ": cue \"" + topics_[t].cues[c].text +
                          "\" has a letter whose case cannot be folded; write it in "
                          "Swedish or Latin-1 letters");
        continue;
      }
      atoms.push_back(std::move(atom));
      atom_cue_.emplace_back(t, c);
    }
  }
  if (!scanner_.Build(atoms)) {
    errors->push_back(path + ": too many cues for one automaton; split the topics");
  }
}

std::vector<Topics::Spans> Topics::Hits(std::string_view text) const {
  std::vector<Spans> spans(topics_.size());
  if (text.empty()) return spans;
  const std::string lower = LowerKeepOffsets(text);
  scanner_.Scan(lower, [&](std::uint32_t atom, std::size_t begin, std::size_t) {
    if (WordCharBefore(lower, begin)) return;
    const auto [t, c] = atom_cue_[atom];
    if (std::size_t n = MatchAt(lower, begin, topics_[t].cues[c].words)) {
      spans[t].emplace_back(begin, begin + n);
    }
  });
  for (Spans& topic : spans) {
    std::sort(topic.begin(), topic.end());
    // One hit per stretch of text: "hälso- och sjukvården" is one hit even
    // though two cues ("hälso- och sjukvård*", "sjukvård*") find it.
    Spans merged;
    for (const auto& span : topic) {
      if (!merged.empty() && span.first < merged.back().second) {
        merged.back().second = std::max(merged.back().second, span.second);
      } else {
        merged.push_back(span);
      }
    }
    topic = std::move(merged);
  }
  return spans;
}

std::vector<TopicDecision> Topics::Detect(std::string_view title, std::string_view text) const {
  std::vector<TopicDecision> decisions;
  const std::vector<Spans> text_hits = Hits(text);
  const std::vector<Spans> title_hits_of = Hits(title);
  const std::size_t words = CountWords(text);
  for (std::size_t t = 0; t < topics_.size(); ++t) {
    const Topic& topic = topics_[t];
    const Spans& hits = text_hits[t];
    const Spans& title_hits = title_hits_of[t];
    const int n = static_cast<int>(hits.size());
    const bool dense = n >= kMinHits && n * 1000.0 >= kHitsPerThousandWords * words;
    if (!dense && title_hits.empty()) continue;
    // Show the first few distinct words found, so `diar show` explains it.
    std::vector<std::string> seen;
    for (const auto& [begin, end] : hits) {
      std::string word(text.substr(begin, end - begin));
      if (std::find(seen.begin(), seen.end(), word) == seen.end()) seen.push_back(word);
      if (seen.size() == 3) break;
    }
    std::string examples;
    for (const std::string& w : seen) examples += (examples.empty() ? "" : ", ") + ("\"" + w + "\"");
    std::string cue;
    if (!title_hits.empty()) {
      const auto& [b, e] = title_hits.front();
      cue = "title word \"" + std::string(title.substr(b, e - b)) + "\"; ";
    }
    char density[32];
    std::snprintf(density, sizeof density, "%.1f", words ? n * 1000.0 / words : 0.0);
    cue += std::to_string(n) + " hits in " + Thousands(words) + " words (" + density +
           " per 1,000)" + (examples.empty() ? "" : ": " + examples);
    decisions.push_back({topic.name, cue});
  }
  return decisions;
}

}  // namespace diar::classify_internal
