#include "pipeline/classify/issuer.h"

#include <algorithm>
#include <map>

namespace diar::classify_internal {
namespace {

bool HasLetter(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (WordCharAt(s, i) && !(s[i] >= '0' && s[i] <= '9')) return true;
  }
  return false;
}

// A lower-case letter (ASCII, or å ä ö é ü and the rest of Latin-1's small
// letters: C3 A0-BF).
bool HasLowerCase(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 'a' && c <= 'z') return true;
    if (c == 0xC3 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0xA0) return true;
  }
  return false;
}

// Kinds whose bodies issue documents for a territory, for the "most
// mentioned" cue; a document naming Trafikverket ten times is not
// Trafikverket's.
bool Territorial(const std::string& kind) {
  return kind == "region" || kind == "kommun" || kind == "lansstyrelse";
}

}  // namespace

IssuerDecision DetectIssuer(const ExtractedDocument& source, const std::vector<Line>& opening,
                            const std::vector<Mention>& mentions, const Tagger& tagger) {
  IssuerDecision d;
  // 1. Letterhead.
  for (std::size_t i = 0; i < opening.size() && i < kLetterheadLines && d.issuer.empty(); ++i) {
    const Line& line = opening[i];
    for (const Mention& m : mentions) {
      if (m.type != "body" || m.start < line.cp_begin || m.end > line.cp_end) continue;
      // The line is the name: nothing but punctuation before it, and after
      // it punctuation, dates, a heading in capitals set beside it in the
      // letterhead ("KALIX KOMMUN   PROTOKOLL") or the issuer's organs
      // on the next line, which text extraction may join to it ("Region
      // Östergötland Regionstyrelsen").
      const std::size_t before = BytesOfCodePoints(line.text, m.start - line.cp_begin);
      const std::size_t after = BytesOfCodePoints(line.text, m.end - line.cp_begin);
      if (HasLetter(line.text.substr(0, before))) continue;
      std::string rest(line.text.substr(after));
      for (const Mention& other : mentions) {
        if (other.type != "body" || other.start < m.end || other.end > line.cp_end) continue;
        const std::size_t from = BytesOfCodePoints(line.text, other.start - line.cp_begin) - after;
        const std::size_t to = BytesOfCodePoints(line.text, other.end - line.cp_begin) - after;
        std::fill(rest.begin() + from, rest.begin() + to, ' ');
      }
      if (HasLowerCase(rest)) continue;
      if (tagger.FindBody(m.value) == nullptr) continue;
      d.issuer = m.value;
      d.issuer_cue = "letterhead line \"" + std::string(line.text) + "\"";
      break;
    }
  }
  // 2. PDF Author.
  if (d.issuer.empty() && !source.author.empty()) {
    if (tagger.FindBody(source.author) != nullptr) {
      d.issuer = source.author;
    } else {
      for (const Mention& m : mentions) {
        if (m.type == "body" && m.text == source.author && tagger.FindBody(m.value) != nullptr) {
          d.issuer = m.value;
          break;
        }
      }
    }
    if (!d.issuer.empty()) d.issuer_cue = "PDF Author \"" + source.author + "\"";
  }
  // 3. Most mentioned territorial body.
  if (d.issuer.empty()) {
    std::map<std::string, int> counts;
    for (const Mention& m : mentions) {
      if (m.type != "body") continue;
      const BodyInfo* info = tagger.FindBody(m.value);
      if (info != nullptr && Territorial(info->kind)) ++counts[m.value];
    }
    std::string best;
    int first = 0, second = 0;
    for (const auto& [value, n] : counts) {
      if (n > first) {
        second = first;
        first = n;
        best = value;
      } else if (n > second) {
        second = n;
      }
    }
    if (first >= kMinProminentMentions && first > 2 * second) {
      d.issuer = best;
      d.issuer_cue = "most mentioned region, kommun or länsstyrelse (" + std::to_string(first) +
                     " mentions, next " + std::to_string(second) + ")";
    }
  }
  if (d.issuer.empty()) {
    d.issuer_cue = "no letterhead, PDF Author or prominent region or kommun names the issuer";
    return d;
  }
  if (const BodyInfo* info = tagger.FindBody(d.issuer); info != nullptr && !info->county.empty()) {
    d.county = info->county;
    d.county_cue = d.issuer + " is in " + info->county + " (gazetteer)";
  }
  return d;
}

}  // namespace diar::classify_internal
