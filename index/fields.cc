#include "index/fields.h"

#include "index/query_text.h"
#include "index/schema.h"

namespace diar {

const std::vector<FacetField>& FacetFields() {
  static const std::vector<FacetField> kFields = {
      {"type", schema::kType, {"typ", "type"}},
      {"body", schema::kBody, {"organ", "body"}},
      {"plan", schema::kPlan, {"plan"}},
      {"topic", schema::kTopic, {"ämne", "topic"}},
      {"county", schema::kCounty, {"län", "county"}},
      {"year", schema::kYear, {"år", "year"}},
      {"dnr", schema::kDnr, {"dnr"}},
      {"issuer", schema::kIssuer, {"utfärdare", "issuer"}},
  };
  return kFields;
}

const FacetField* FindFacetField(std::string_view name) {
  const std::string folded = FoldSwedish(std::string(name));
  for (const FacetField& field : FacetFields()) {
    if (field.name == folded) return &field;
    for (std::string_view alias : field.aliases) {
      if (FoldSwedish(std::string(alias)) == folded) return &field;
    }
  }
  return nullptr;
}

}  // namespace diar
