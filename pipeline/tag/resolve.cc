#include "pipeline/tag/resolve.h"

#include <algorithm>
#include <cstdint>
#include <map>

#include "pipeline/tag/text_util.h"

namespace diar::tag_internal {
namespace {

// Keeps, per type, a set of non-overlapping candidates: longest first, then
// earliest, then dictionary before rule, then rule id (so runs agree).
//
// Most candidates overlap nothing of their type, so the contest runs only
// inside clusters of overlapping candidates found by one sweep in start
// order; a cluster is small (a few candidates), so the greedy pick inside it
// is cheap. Indices are sorted, not the candidates (they carry strings).
void PickPerType(std::vector<Candidate>* all) {
  std::vector<Candidate>& candidates = *all;
  auto before = [&](std::uint32_t ia, std::uint32_t ib) {
    const Candidate& a = candidates[ia];
    const Candidate& b = candidates[ib];
    const std::size_t la = a.cp_end - a.cp_begin;
    const std::size_t lb = b.cp_end - b.cp_begin;
    if (la != lb) return la > lb;
    if (a.cp_begin != b.cp_begin) return a.cp_begin < b.cp_begin;
    if (a.from_dictionary != b.from_dictionary) return a.from_dictionary;
    return a.rule && b.rule && *a.rule < *b.rule;
  };
  // Types as small numbers, so that the sort compares no strings. Their
  // order is that of first appearance: only the grouping matters.
  std::vector<std::string_view> types;
  std::vector<std::uint8_t> type_of(candidates.size());
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    auto known = std::find(types.begin(), types.end(), candidates[i].type);
    if (known == types.end()) known = types.insert(types.end(), candidates[i].type);
    type_of[i] = static_cast<std::uint8_t>(known - types.begin());
  }
  std::vector<std::uint32_t> order(candidates.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::uint32_t ia, std::uint32_t ib) {
    const Candidate& a = candidates[ia];
    const Candidate& b = candidates[ib];
    if (type_of[ia] != type_of[ib]) return type_of[ia] < type_of[ib];
    if (a.cp_begin != b.cp_begin) return a.cp_begin < b.cp_begin;
    return a.cp_end > b.cp_end;
  });
  std::vector<bool> keep(candidates.size());
  std::vector<std::uint32_t> cluster;
  std::vector<std::pair<std::size_t, std::size_t>> taken;
  auto settle = [&]() {
    if (cluster.size() == 1) {
      keep[cluster[0]] = true;
    } else if (!cluster.empty()) {
      std::sort(cluster.begin(), cluster.end(), before);
      taken.clear();
      for (std::uint32_t index : cluster) {
        const Candidate& c = candidates[index];
        const bool overlaps = std::any_of(taken.begin(), taken.end(), [&](const auto& t) {
          return c.cp_begin < t.second && t.first < c.cp_end;
        });
        if (overlaps) continue;
        taken.emplace_back(c.cp_begin, c.cp_end);
        keep[index] = true;
      }
    }
    cluster.clear();
  };
  std::size_t cluster_end = 0;
  std::uint8_t cluster_type = 0;
  for (std::uint32_t index : order) {
    const Candidate& c = candidates[index];
    if (cluster.empty() || type_of[index] != cluster_type || c.cp_begin >= cluster_end) {
      settle();
      cluster_type = type_of[index];
      cluster_end = c.cp_end;
    } else {
      cluster_end = std::max(cluster_end, c.cp_end);
    }
    cluster.push_back(index);
  }
  settle();
  // Drop the losers in place, keeping the input order (a second vector of
  // a quarter of a million candidates cost more than the contest).
  std::size_t out = 0;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (!keep[i]) continue;
    if (out != i) candidates[out] = std::move(candidates[i]);
    ++out;
  }
  candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(out), candidates.end());
}

// The grouping key of a name: lower case, the first word's definite ending
// removed ("Samverkansgruppen Kultur" -> "samverkansgrupp kultur").
std::string NameKey(const std::string& value, bool* definite) {
  std::string key = Lower(value);
  std::size_t first_end = key.find(' ');
  if (first_end == std::string::npos) first_end = key.size();
  *definite = false;
  if (first_end > 4 && (key.compare(first_end - 2, 2, "en") == 0 ||
                        key.compare(first_end - 2, 2, "et") == 0)) {
    key.erase(first_end - 2, 2);
    *definite = true;
  }
  return key;
}

void ConsistentNames(std::vector<Candidate>* kept) {
  struct Votes {
    std::map<std::string, int> definite;
    std::map<std::string, int> any;
  };
  std::map<std::string, Votes> groups;
  for (const Candidate& c : *kept) {
    if (!c.document_canonical) continue;
    bool definite = false;
    Votes& votes = groups[NameKey(c.value, &definite)];
    ++votes.any[c.value];
    if (definite) ++votes.definite[c.value];
  }
  auto best = [](const std::map<std::string, int>& counts) {
    std::string value;
    int count = 0;
    for (const auto& [v, n] : counts) {
      if (n > count) value = v, count = n;
    }
    return value;
  };
  for (Candidate& c : *kept) {
    if (!c.document_canonical) continue;
    bool definite = false;
    const Votes& votes = groups[NameKey(c.value, &definite)];
    c.value = votes.definite.empty() ? best(votes.any) : best(votes.definite);
  }
}

// "Region Västmanlands hållbarhetsstrategi", "regeringens bredbandsstrategi":
// a body's genitive right before a plan belongs to the plan's title (the
// body stays a mention of its own). Generic owners ("länets",
// "kommunens") are no body mentions and so stay outside.
void AttachOwnerGenitives(const std::string& text, std::vector<Candidate>* kept) {
  std::map<std::size_t, const Candidate*> bodies_by_end;
  for (const Candidate& c : *kept) {
    // "Region Västmanlands", and a heading's "YDRE KOMMUNS".
    if (c.type == "body" && c.emit && c.end > c.begin && (text[c.end - 1] == 's' || text[c.end - 1] == 'S')) {
      bodies_by_end[c.end] = &c;
    }
  }
  for (Candidate& c : *kept) {
    if (c.type != "plan" || c.begin < 2 || (text[c.begin - 1] != ' ' && text[c.begin - 1] != '\n')) {
      continue;
    }
    auto it = bodies_by_end.find(c.begin - 1);
    if (it == bodies_by_end.end()) continue;
    const Candidate& body = *it->second;
    // The title keeps the capital it is written with ("FN:s Agenda 2030",
    // but "Region Skånes hållbarhetsstrategi").
    const std::string& title = c.owned_value.empty() ? c.value : c.owned_value;
    const bool capital = static_cast<unsigned char>(text[c.begin]) >= 'A' &&
                         static_cast<unsigned char>(text[c.begin]) <= 'Z';
    // A heading in capitals ("YDRE KOMMUNS ÖVERSIKTSPLAN") gives the body's
    // own name in the genitive.
    std::string owner = FoldSpace(text.substr(body.begin, body.end - body.begin));
    const std::string& name = body.canonical != nullptr ? *body.canonical : body.value;
    if (!HasLower(owner) && !name.empty()) owner = name.back() == 's' ? name : name + "s";
    c.value = CapitaliseFirst(owner) + " " + (capital ? title : LowerFirst(title));
    c.cp_begin = body.cp_begin;
    c.begin = body.begin;
  }
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
  PickPerType(&candidates);
  std::vector<Candidate>& kept = candidates;
  ConsistentNames(&kept);
  AttachOwnerGenitives(text.text, &kept);

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

  // The mentions by start, then end descending (then type): the kept
  // candidates are in input order, so order pointers to them and build each
  // mention once, in place.
  std::vector<Candidate*> emitted;
  emitted.reserve(kept.size());
  for (Candidate& c : kept) {
    if (!c.emit) continue;
    if ((c.type == "date" || c.type == "period") && covered_by(c, dnrs)) continue;
    if (c.type == "date" && covered_by(c, periods)) continue;
    if (c.type == "period" && cuts_date(c)) continue;
    emitted.push_back(&c);
  }
  std::sort(emitted.begin(), emitted.end(), [](const Candidate* a, const Candidate* b) {
    if (a->cp_begin != b->cp_begin) return a->cp_begin < b->cp_begin;
    if (a->cp_end != b->cp_end) return a->cp_end > b->cp_end;
    return a->type < b->type;
  });
  std::vector<Mention> mentions(emitted.size());
  for (std::size_t i = 0; i < emitted.size(); ++i) {
    Candidate& c = *emitted[i];
    Mention& m = mentions[i];
    m.type = std::string(c.type);
    m.text = text.text.substr(c.begin, c.end - c.begin);
    m.value = c.canonical != nullptr ? *c.canonical : std::move(c.value);
    m.start = c.cp_begin;
    m.end = c.cp_end;
    m.page = text.PageAt(c.cp_begin);
    m.rule = c.rule ? *c.rule : std::string();
    m.inferred = c.inferred;
    m.owner = std::move(c.owner);
  }
  return mentions;
}

}  // namespace diar::tag_internal
