#include "pipeline/tag/resolve.h"

#include <algorithm>
#include <map>

#include "pipeline/tag/text_util.h"

namespace diar::tag_internal {
namespace {

// Keeps, per type, a set of non-overlapping candidates: longest first, then
// earliest, then dictionary before rule.
std::vector<Candidate> PickPerType(std::vector<Candidate> candidates) {
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.type != b.type) return a.type < b.type;
    const std::size_t la = a.cp_end - a.cp_begin;
    const std::size_t lb = b.cp_end - b.cp_begin;
    if (la != lb) return la > lb;
    if (a.cp_begin != b.cp_begin) return a.cp_begin < b.cp_begin;
    return a.from_dictionary > b.from_dictionary;
  });
  std::vector<Candidate> kept;
  // Kept spans per type, ordered by start, for overlap checks in log time.
  std::map<std::string, std::map<std::size_t, std::size_t>> taken;
  for (Candidate& c : candidates) {
    auto& spans = taken[c.type];
    auto next = spans.lower_bound(c.cp_begin);
    if (next != spans.end() && next->first < c.cp_end) continue;
    if (next != spans.begin() && std::prev(next)->second > c.cp_begin) continue;
    spans[c.cp_begin] = c.cp_end;
    kept.push_back(std::move(c));
  }
  return kept;
}

}  // namespace

std::vector<Mention> Resolve(const NormalisedText& text, std::vector<Candidate> candidates) {
  std::vector<std::size_t> offsets;
  offsets.reserve(candidates.size() * 2);
  for (const Candidate& c : candidates) {
    offsets.push_back(c.begin);
    offsets.push_back(c.end);
  }
  const std::vector<std::size_t> points = ByteToCodePoint(text.text, offsets);
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    candidates[i].cp_begin = points[2 * i];
    candidates[i].cp_end = points[2 * i + 1];
  }
  std::vector<Candidate> kept = PickPerType(std::move(candidates));

  // Same-type mentions do not overlap, so sorted by start they are also
  // sorted by end: the one that could overlap c is the first ending after
  // c's start.
  std::vector<std::pair<std::size_t, std::size_t>> dnrs;     // (end, begin)
  std::vector<std::pair<std::size_t, std::size_t>> periods;  // (end, begin)
  std::vector<std::pair<std::size_t, std::size_t>> dates;    // (end, begin)
  for (const Candidate& c : kept) {
    if (c.type == "dnr") dnrs.emplace_back(c.cp_end, c.cp_begin);
    if (c.type == "date") dates.emplace_back(c.cp_end, c.cp_begin);
  }
  std::sort(dnrs.begin(), dnrs.end());
  std::sort(dates.begin(), dates.end());
  // A period that cuts into a date is a misreading of it ("2010-11" in
  // "2010-11-12"); a date wholly inside a period is one of its ends.
  auto cuts_date = [&](const Candidate& c) {
    auto it = std::upper_bound(dates.begin(), dates.end(),
                               std::make_pair(c.cp_begin, ~std::size_t{0}));
    for (; it != dates.end() && it->second < c.cp_end; ++it) {
      if (it->second < c.cp_begin || it->first > c.cp_end) return true;
    }
    return false;
  };
  for (const Candidate& c : kept) {
    if (c.type == "period" && !cuts_date(c)) periods.emplace_back(c.cp_end, c.cp_begin);
  }
  std::sort(periods.begin(), periods.end());
  auto covered_by = [](const Candidate& c,
                       const std::vector<std::pair<std::size_t, std::size_t>>& outers) {
    auto it = std::upper_bound(outers.begin(), outers.end(),
                               std::make_pair(c.cp_begin, ~std::size_t{0}));
    return it != outers.end() && it->second < c.cp_end;
  };

  std::vector<Mention> mentions;
  mentions.reserve(kept.size());
  for (const Candidate& c : kept) {
    if (!c.emit) continue;
    if ((c.type == "date" || c.type == "period") && covered_by(c, dnrs)) continue;
    if (c.type == "date" && covered_by(c, periods)) continue;
    if (c.type == "period" && cuts_date(c)) continue;
    Mention m;
    m.type = c.type;
    m.text = text.text.substr(c.begin, c.end - c.begin);
    m.value = c.value;
    m.start = c.cp_begin;
    m.end = c.cp_end;
    m.page = text.PageAt(c.cp_begin);
    m.rule = c.rule ? *c.rule : std::string();
    m.inferred = c.inferred;
    m.owner = c.owner;
    mentions.push_back(std::move(m));
  }
  std::sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end > b.end;
    return a.type < b.type;
  });
  return mentions;
}

}  // namespace diar::tag_internal
