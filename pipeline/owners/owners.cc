#include "pipeline/owners/owners.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
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
bool OnOtherTier(const std::string& lower_name, const std::string& owner_kind) {
  if (StartsWith(lower_name, "kommun")) return owner_kind != "kommun";
  if (StartsWith(lower_name, "region") || StartsWith(lower_name, "landsting")) {
    return owner_kind != "region";
  }
  return false;
}

// A body mention naming a body that owns organs: a kommun or a region.
const BodyInfo* Owning(const Tagger& tagger, const Mention& m) {
  const BodyInfo* body = tagger.FindBody(m.value);
  return body != nullptr && (body->kind == "kommun" || body->kind == "region") ? body : nullptr;
}

// True when body mention `m` names a part of a body rather than a body of
// its own.
bool IsOrgan(const Tagger& tagger, const Mention& m) {
  return tagger.FindBody(m.value) == nullptr && tagger.IsOwnedPart(m.value);
}

// "Mora kommuns", "Region Dalarnas", "EU:s": the mention is its value in
// the genitive.
bool IsGenitive(const Mention& m) {
  const std::string text = Lower(m.text);
  const std::string value = Lower(m.value);
  return text == value + "s" || text == value + ":s";
}

// The text between code-point offsets, read with a cursor that only moves
// forward: the pairs are asked for in text order.
class Gaps {
 public:
  explicit Gaps(const std::string& text) : text_(text) {}

  std::string Between(std::size_t from, std::size_t to) {
    if (from < point_) return {};
    const std::size_t start = Advance(from);
    return text_.substr(start, Advance(to) - start);
  }

 private:
  std::size_t Advance(std::size_t point) {
    const auto length = static_cast<int32_t>(text_.size());
    auto at = static_cast<int32_t>(byte_);
    for (; point_ < point && at < length; ++point_) U8_FWD_1(text_.data(), at, length);
    byte_ = static_cast<std::size_t>(at);
    return byte_;
  }

  const std::string& text_;
  std::size_t point_ = 0;
  std::size_t byte_ = 0;
};

// Step 1 of owners.h: an organ with its owner named beside it, "X i Y" or
// "Ys X". Returns, per mention, whether the text names its owner: one named
// on the other tier is not taken, and the issuer is not guessed instead.
std::vector<bool> AssignNamedOwners(const NormalisedText& text, const Tagger& tagger,
                                    std::vector<Mention>& mentions) {
  std::vector<bool> named(mentions.size(), false);
  std::vector<std::size_t> bodies;
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    if (mentions[i].type == "body") bodies.push_back(i);
  }
  std::stable_sort(bodies.begin(), bodies.end(),
                   [&](std::size_t a, std::size_t b) { return mentions[a].start < mentions[b].start; });
  Gaps gaps(text.text);
  for (std::size_t k = 0; k + 1 < bodies.size(); ++k) {
    Mention& first = mentions[bodies[k]];
    Mention& second = mentions[bodies[k + 1]];
    // " i " or one space: nothing longer can join the two.
    if (second.start < first.end || second.start - first.end > 3) continue;
    const BodyInfo* owner = nullptr;
    Mention* organ = nullptr;
    const std::string gap = gaps.Between(first.end, second.start);
    if (gap == " i " && IsOrgan(tagger, first)) {
      owner = Owning(tagger, second);
      organ = &first;
    } else if (gap == " " && IsOrgan(tagger, second) && IsGenitive(first)) {
      owner = Owning(tagger, first);
      organ = &second;
    }
    if (owner == nullptr || !organ->owner.empty()) continue;
    named[static_cast<std::size_t>(organ - mentions.data())] = true;
    if (OnOtherTier(Lower(organ->value), owner->kind)) continue;
    organ->owner = owner->canonical;
  }
  return named;
}

}  // namespace

void AssignOwners(const NormalisedText& text, const Classification& classification,
                  const Tagger& tagger, std::vector<Mention>* mentions) {
  const std::vector<bool> named = AssignNamedOwners(text, tagger, *mentions);
  if (classification.issuer.empty()) return;
  const BodyInfo* issuer = tagger.FindBody(classification.issuer);
  const std::string issuer_kind = issuer != nullptr ? issuer->kind : "";
  for (std::size_t i = 0; i < mentions->size(); ++i) {
    Mention& m = (*mentions)[i];
    if (named[i]) continue;
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
