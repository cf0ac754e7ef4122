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

void FacetSpy::operator()(const Xapian::Document& doc, double /*weight*/) {
  ++documents_;
  const std::string value = doc.get_value(schema::kSlotFacets);
  std::size_t begin = 0;
  while (begin < value.size()) {
    std::size_t end = value.find('\0', begin);
    if (end == std::string::npos) end = value.size();
    const std::string_view term(value.data() + begin, end - begin);
    auto it = counts_.find(term);
    if (it == counts_.end()) {
      counts_.emplace(std::string(term), 1);
    } else {
      ++it->second;
    }
    begin = end + 1;
  }
}

std::map<std::string, std::vector<FacetCount>> FacetSpy::Counts() const {
  std::map<std::string, std::vector<FacetCount>> facets;
  for (const FacetField& field : FacetFields()) facets[std::string(field.name)];
  for (const auto& [term, n] : counts_) {
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

}  // namespace diar
