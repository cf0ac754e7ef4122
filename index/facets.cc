#include "index/facets.h"

#include <algorithm>

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
      auto it = ids_.find(term);
      if (it == ids_.end()) {
        it = ids_.emplace(std::string(term), static_cast<std::uint32_t>(terms_.size())).first;
        terms_.emplace_back(term);
      }
      doc_terms_.push_back(it->second);
      begin = end + 1;
    }
    span.size = static_cast<std::uint32_t>(doc_terms_.size() - span.begin);
  }
  return {doc_terms_.data() + span.begin, span.size};
}

void FacetTermCache::Clear() {
  terms_.clear();
  ids_.clear();
  doc_terms_.clear();
  by_doc_.clear();
}

void FacetSpy::operator()(const Xapian::Document& doc, double /*weight*/) {
  ++documents_;
  for (std::uint32_t id : cache_->TermsOf(doc)) {
    if (id >= counts_.size()) counts_.resize(cache_->size());
    ++counts_[id];
  }
}

std::map<std::string, std::vector<FacetCount>> FacetSpy::Counts() const {
  std::unordered_map<std::string, int> by_term;
  for (std::uint32_t id = 0; id < counts_.size(); ++id) {
    if (counts_[id] > 0) by_term[cache_->Term(id)] = counts_[id];
  }
  return FacetCountsOfTerms(by_term);
}

std::map<std::string, std::vector<FacetCount>> FacetCountsOfTerms(
    const std::unordered_map<std::string, int>& by_term) {
  std::map<std::string, std::vector<FacetCount>> facets;
  for (const FacetField& field : FacetFields()) facets[std::string(field.name)];
  for (const auto& [term, n] : by_term) {
    for (const FacetField& field : FacetFields()) {
      if (term.size() > field.prefix.size() && term.compare(0, field.prefix.size(), field.prefix) == 0) {
        facets[std::string(field.name)].push_back({term.substr(field.prefix.size()), n});
        break;
      }
    }
  }
  for (auto& [name, counts] : facets) {
    std::sort(counts.begin(), counts.end(), [](const FacetCount& a, const FacetCount& b) {
      return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
  }
  return facets;
}

std::map<std::string, std::vector<FacetCount>> FacetCountsOfSlotValues(
    const Xapian::ValueCountMatchSpy& spy) {
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
  return FacetCountsOfTerms(by_term);
}

}  // namespace diar
