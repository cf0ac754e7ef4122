#include "pipeline/owners/owners.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <string>

namespace diar {
namespace {

std::string Lower(const std::string& s) {
  std::string out;
  icu::UnicodeString::fromUTF8(s).toLower(icu::Locale("sv")).toUTF8String(out);
  return out;
}

bool StartsWith(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

// "Kommunstyrelsen" names the kommun tier, "Regionstyrelsen" and
// "Landstingsstyrelsen" the region tier; other names say nothing of a tier.
bool OnOtherTier(const std::string& lower_name, const std::string& issuer_kind) {
  if (StartsWith(lower_name, "kommun")) return issuer_kind != "kommun";
  if (StartsWith(lower_name, "region") || StartsWith(lower_name, "landsting")) {
    return issuer_kind != "region";
  }
  return false;
}

}  // namespace

void AssignOwners(const Classification& classification, const Tagger& tagger,
                  std::vector<Mention>* mentions) {
  if (classification.issuer.empty()) return;
  const BodyInfo* issuer = tagger.FindBody(classification.issuer);
  const std::string issuer_kind = issuer != nullptr ? issuer->kind : "";
  for (Mention& m : *mentions) {
    if (m.type != "body" || !m.owner.empty() || m.value == classification.issuer) continue;
    if (tagger.FindBody(m.value) != nullptr) continue;  // a body of its own
    const std::string lower = Lower(m.value);
    // One länsstyrelse per county: the issuer's county's.
    if (lower == "länsstyrelsen") {
      const std::string county_board = "Länsstyrelsen i " + classification.county;
      if (!classification.county.empty() && tagger.FindBody(county_board) != nullptr) {
        m.owner = county_board;
      }
      continue;
    }
    if (OnOtherTier(lower, issuer_kind)) continue;
    if (tagger.IsOwnedPart(m.value)) m.owner = classification.issuer;
  }
}

}  // namespace diar
