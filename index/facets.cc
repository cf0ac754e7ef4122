#include "index/facets.h"

#include <algorithm>

#include "index/field_terms.h"
#include "index/fields.h"
#include "index/schema.h"

namespace diar {

std::string EncodeFacetTerms(const std::set<std::string>& terms) {
  std::string value;
  for (const std::string& term : terms) {
    value += term;
    value.push_back('\0');
  }
  return value;
}

namespace {

// The index in FacetFields() of the facet a term belongs to, or kNoField.
std::uint8_t FieldOfTerm(std::string_view term) {
  const std::vector<FacetField>& fields = FacetFields();
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string_view prefix = fields[i].prefix;
    if (term.size() > prefix.size() && term.substr(0, prefix.size()) == prefix) {
      return static_cast<std::uint8_t>(i);
    }
  }
  return FacetTermCache::kNoField;
}

// Every facet named, each with its `values` (term ids: Term() is the facet
// prefix and the value, `count` of each) sorted by count descending, then
// by value, at most `limit` of them (0: all) turned into FacetCounts.
template <typename TermOf, typename CountOf>
FacetCounts Shown(std::vector<std::vector<std::uint32_t>>& values, int limit, const TermOf& term,
                  const CountOf& count) {
  FacetCounts out;
  const std::vector<FacetField>& fields = FacetFields();
  for (std::size_t f = 0; f < fields.size(); ++f) {
    std::vector<std::uint32_t>& ids = values[f];
    std::vector<FacetCount>& shown = out.shown[std::string(fields[f].name)];
    // Within one facet every term starts with the same prefix: comparing
    // terms compares values.
    const auto before = [&](std::uint32_t a, std::uint32_t b) {
      return count(a) != count(b) ? count(a) > count(b) : term(a) < term(b);
    };
    std::size_t keep = ids.size();
    if (limit > 0 && ids.size() > static_cast<std::size_t>(limit)) {
      keep = static_cast<std::size_t>(limit);
      out.more[std::string(fields[f].name)] = static_cast<int>(ids.size() - keep);
    }
    std::partial_sort(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(keep), ids.end(), before);
    shown.reserve(keep);
    for (std::size_t i = 0; i < keep; ++i) {
      shown.push_back({term(ids[i]).substr(fields[f].prefix.size()), count(ids[i])});
    }
  }
  return out;
}

}  // namespace

std::span<const std::uint32_t> FacetTermCache::TermsOf(const Xapian::Document& doc) {
  const Xapian::docid id = doc.get_docid();
  if (id >= by_doc_.size()) by_doc_.resize(id + 1);
  Span& span = by_doc_[id];
  if (span.size == kUnknown) {
    span.begin = static_cast<std::uint32_t>(doc_terms_.size());
    const std::string value = doc.get_value(schema::kSlotFacets);
    std::size_t begin = 0;
    while (begin < value.size()) {
      std::size_t end = value.find('\0', begin);
      if (end == std::string::npos) end = value.size();
      const std::string_view term(value.data() + begin, end - begin);
      begin = end + 1;
      auto it = ids_.find(term);
      if (it == ids_.end()) {
        it = ids_.emplace(std::string(term), static_cast<std::uint32_t>(terms_.size())).first;
        terms_.emplace_back(term);
        const auto group = groups_.try_emplace(FoldCase(std::string(term)),
                                               static_cast<std::uint32_t>(groups_.size()));
        group_of_.push_back(group.first->second);
        field_of_.push_back(FieldOfTerm(term));
        group_seen_.resize(groups_.size());
      }
      // A document counts once per value, whatever casings it has.
      Xapian::docid& seen = group_seen_[group_of_[it->second]];
      if (seen == id) continue;
      seen = id;
      doc_terms_.push_back(it->second);
    }
    span.size = static_cast<std::uint32_t>(doc_terms_.size() - span.begin);
  }
  return {doc_terms_.data() + span.begin, span.size};
}

void FacetTermCache::Clear() {
  terms_.clear();
  group_of_.clear();
  field_of_.clear();
  groups_.clear();
  ids_.clear();
  doc_terms_.clear();
  by_doc_.clear();
  group_seen_.clear();
}

void FacetSpy::operator()(const Xapian::Document& doc, double /*weight*/) {
  ++documents_;
  const std::span<const std::uint32_t> ids = cache_->TermsOf(doc);
  if (counts_.size() < cache_->size()) counts_.resize(cache_->size());
  for (std::uint32_t id : ids) ++counts_[id];
}

FacetCounts FacetSpy::Counts(int limit) const {
  // Per group (a value in any casing): its documents, and the casing most
  // of them have.
  std::vector<int> group_count(cache_->groups());
  std::vector<std::uint32_t> shown(cache_->groups(), UINT32_MAX);
  for (std::uint32_t id = 0; id < counts_.size(); ++id) {
    if (counts_[id] == 0) continue;
    const std::uint32_t group = cache_->Group(id);
    group_count[group] += counts_[id];
    if (shown[group] == UINT32_MAX || counts_[id] > counts_[shown[group]]) shown[group] = id;
  }
  std::vector<std::vector<std::uint32_t>> values(FacetFields().size());
  for (std::uint32_t group = 0; group < shown.size(); ++group) {
    if (shown[group] == UINT32_MAX) continue;
    const std::uint8_t field = cache_->Field(shown[group]);
    if (field != FacetTermCache::kNoField) values[field].push_back(shown[group]);
  }
  return Shown(
      values, limit, [&](std::uint32_t id) -> const std::string& { return cache_->Term(id); },
      [&](std::uint32_t id) { return group_count[cache_->Group(id)]; });
}

FacetCounts FacetCountsOfSlotValues(const Xapian::ValueCountMatchSpy& spy, int limit) {
  // Each distinct slot value is one combination of facet terms; a term's
  // count is the sum over the combinations that hold it.
  std::unordered_map<std::string, int> by_term;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    const std::string value = *it;
    const int n = static_cast<int>(it.get_termfreq());
    std::size_t begin = 0;
    while (begin < value.size()) {
      std::size_t end = value.find('\0', begin);
      if (end == std::string::npos) end = value.size();
      by_term[value.substr(begin, end - begin)] += n;
      begin = end + 1;
    }
  }
  std::vector<std::string> terms;
  std::vector<int> counts;
  std::vector<std::vector<std::uint32_t>> values(FacetFields().size());
  for (const auto& [term, n] : by_term) {
    const std::uint8_t field = FieldOfTerm(term);
    if (field == FacetTermCache::kNoField) continue;
    values[field].push_back(static_cast<std::uint32_t>(terms.size()));
    terms.push_back(term);
    counts.push_back(n);
  }
  return Shown(
      values, limit, [&](std::uint32_t id) -> const std::string& { return terms[id]; },
      [&](std::uint32_t id) { return counts[id]; });
}

}  // namespace diar
