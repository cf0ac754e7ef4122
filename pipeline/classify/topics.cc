#include "pipeline/classify/topics.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "pipeline/data_file/data_file.h"
#include "pipeline/classify/text_scan.h"

namespace diar::classify_internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// Length of the match of `words` at `pos` in `lower`, 0 if none.
std::size_t MatchAt(std::string_view lower, std::size_t pos,
                    const std::vector<std::pair<std::string, bool>>& words) {
  std::size_t i = pos;
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (w > 0) {
      if (i >= lower.size() || !IsSpace(lower[i])) return 0;
      while (i < lower.size() && IsSpace(lower[i])) ++i;
    }
    const auto& [word, prefix] = words[w];
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
}

std::vector<std::pair<std::size_t, std::size_t>> Topics::Hits(const Topic& topic,
                                                              std::string_view lower) const {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (const Cue& cue : topic.cues) {
    std::vector<std::pair<std::string, bool>> words;
    for (const CueWord& w : cue.words) words.emplace_back(w.word, w.prefix);
    const std::string& first = cue.words.front().word;
    for (std::size_t pos = lower.find(first); pos != std::string_view::npos;
         pos = lower.find(first, pos + 1)) {
      if (WordCharBefore(lower, pos)) continue;
      if (std::size_t n = MatchAt(lower, pos, words)) spans.emplace_back(pos, pos + n);
    }
  }
  std::sort(spans.begin(), spans.end());
  // One hit per stretch of text: "hälso- och sjukvården" is one hit even
  // though two cues ("hälso- och sjukvård*", "sjukvård*") find it.
  std::vector<std::pair<std::size_t, std::size_t>> merged;
  for (const auto& span : spans) {
    if (!merged.empty() && span.first < merged.back().second) {
      merged.back().second = std::max(merged.back().second, span.second);
    } else {
      merged.push_back(span);
    }
  }
  return merged;
}

std::vector<TopicDecision> Topics::Detect(std::string_view title, std::string_view text) const {
  std::vector<TopicDecision> decisions;
  const std::string lower = LowerKeepOffsets(text);
  const std::string lower_title = LowerKeepOffsets(title);
  const std::size_t words = CountWords(text);
  for (const Topic& topic : topics_) {
    const auto hits = Hits(topic, lower);
    const auto title_hits = Hits(topic, lower_title);
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
