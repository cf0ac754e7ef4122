#include "cli/output.h"

#include <algorithm>
#include <map>

namespace diar::cli {
namespace {

std::string Flat(std::string s) {
  std::replace_if(s.begin(), s.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
  return s;
}

// Byte offset of each code point boundary in `text` (size = code points + 1).
std::vector<std::size_t> CodePointOffsets(const std::string& text) {
  std::vector<std::size_t> offsets;
  offsets.reserve(text.size() + 1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offsets.push_back(i);
  }
  offsets.push_back(text.size());
  return offsets;
}

}  // namespace

nlohmann::ordered_json TerminalHitJson(const Hit& hit) {
  nlohmann::ordered_json j = HitJson(hit);
  j["snippet"] = hit.snippet;
  j["snippet_page"] = hit.snippet_page;
  return j;
}

std::string MentionTsv(const Mention& m) {
  return m.type + "\t" + Flat(m.text) + "\t" + Flat(m.value) + "\t" +
         std::to_string(m.start) + "\t" + std::to_string(m.end) + "\t" +
         std::to_string(m.page) + "\t" + m.rule + "\t" + (m.inferred ? "true" : "") +
         "\t" + Flat(m.owner);
}

CodePointIndex::CodePointIndex(const std::string& text)
    : text_(text), byte_at_(CodePointOffsets(text)) {}

std::string CodePointIndex::Slice(std::size_t start, std::size_t end) const {
  start = std::min(start, byte_at_.size() - 1);
  end = std::clamp(end, start, byte_at_.size() - 1);
  return text_.substr(byte_at_[start], byte_at_[end] - byte_at_[start]);
}

std::string MarkMentions(const std::string& text, const std::vector<Mention>& mentions) {
  const std::vector<std::size_t> at = CodePointOffsets(text);
  // Per code-point position: what closes there (inner first) and what opens
  // there (outer first), so nested mentions come out properly bracketed.
  std::map<std::size_t, std::vector<const Mention*>> opens, closes;
  for (const Mention& m : mentions) {
    if (m.start >= m.end || m.end >= at.size()) continue;
    opens[m.start].push_back(&m);
    closes[m.end].push_back(&m);
  }
  for (auto& [pos, list] : opens) {
    std::sort(list.begin(), list.end(), [](const Mention* a, const Mention* b) { return a->end > b->end; });
  }
  for (auto& [pos, list] : closes) {
    std::sort(list.begin(), list.end(), [](const Mention* a, const Mention* b) { return a->start > b->start; });
  }
  std::string out;
  out.reserve(text.size() + mentions.size() * 12);
  const std::size_t count = at.size() - 1;
  for (std::size_t cp = 0; cp <= count; ++cp) {
    if (auto c = closes.find(cp); c != closes.end()) {
      for (std::size_t k = 0; k < c->second.size(); ++k) out += "⟧";
    }
    if (cp == count) break;
    if (auto o = opens.find(cp); o != opens.end()) {
      for (const Mention* m : o->second) out += "⟦" + m->type + ":";
    }
    out.append(text, at[cp], at[cp + 1] - at[cp]);
  }
  return out;
}

}  // namespace diar::cli
