// fields: the user-facing search fields and which term prefix each maps to.
// Private to index/.
#ifndef DIAR_INDEX_FIELDS_H_
#define DIAR_INDEX_FIELDS_H_

#include <string>
#include <string_view>
#include <vector>

namespace diar {

struct FacetField {
  std::string_view name;                 // facet name in results ("body", ...)
  std::string_view prefix;               // schema term prefix
  std::vector<std::string_view> aliases; // query field names, Swedish and English
};

// Every facet, in the order results list them.
const std::vector<FacetField>& FacetFields();

// The facet a query field name or facet name refers to, in any case and
// with or without å/ä/ö ("Amne", "lan"); null if none.
const FacetField* FindFacetField(std::string_view name);

}  // namespace diar

#endif  // DIAR_INDEX_FIELDS_H_
