// Owners: the one place an organ mention learns whose organ it is, from the
// document's issuer and owned_heads.list.
#include <gtest/gtest.h>

#include "pipeline/owners/owners.h"
#include "tests/tag/tag_test_util.h"

namespace diar {
namespace {

using testing::Plain;
using testing::ProjectTagger;

// The body mentions of `text` once owners are assigned for `issuer` (in `county`).
std::vector<Mention> OwnedBodies(const std::string& text, const std::string& issuer,
                                 const std::string& county = "") {
  std::vector<Mention> mentions = ProjectTagger().Tag(Plain(text), {});
  Classification c;
  c.issuer = issuer;
  c.county = county;
  AssignOwners(c, ProjectTagger(), &mentions);
  std::erase_if(mentions, [](const Mention& m) { return m.type != "body"; });
  return mentions;
}

std::string OwnerOf(const std::vector<Mention>& mentions, const std::string& value) {
  for (const Mention& m : mentions) {
    if (m.value == value) return m.owner;
  }
  ADD_FAILURE() << value << " was not tagged";
  return "?";
}

TEST(Owners, AnOrganBelongsToTheIssuer) {
  const auto bodies = OwnedBodies("Regionstyrelsen beslutar.", "Region Dalarna");
  EXPECT_EQ(OwnerOf(bodies, "Regionstyrelsen"), "Region Dalarna");
}

TEST(Owners, AnOfficeBelongsToTheIssuer) {
  const auto bodies = OwnedBodies("Regionala utvecklingsförvaltningen bereder.", "Region Dalarna");
  EXPECT_EQ(OwnerOf(bodies, "Regionala utvecklingsförvaltningen"), "Region Dalarna");
}

TEST(Owners, AKommunOrganInARegionsDocumentHasNoOwner) {
  const auto bodies = OwnedBodies("Kommunstyrelsen och regionstyrelsen", "Region Dalarna");
  EXPECT_EQ(OwnerOf(bodies, "Kommunstyrelsen"), "");
  EXPECT_EQ(OwnerOf(bodies, "Regionstyrelsen"), "Region Dalarna");
}

TEST(Owners, ARegionOrganInAKommunsDocumentHasNoOwner) {
  const auto bodies = OwnedBodies("Kommunstyrelsen och regionstyrelsen", "Mora kommun");
  EXPECT_EQ(OwnerOf(bodies, "Kommunstyrelsen"), "Mora kommun");
  EXPECT_EQ(OwnerOf(bodies, "Regionstyrelsen"), "");
}

TEST(Owners, ABareLänsstyrelseIsTheIssuersCountys) {
  const auto bodies =
      OwnedBodies("Länsstyrelsen deltar.", "Region Västmanland", "Västmanlands län");
  EXPECT_EQ(OwnerOf(bodies, "Länsstyrelsen"), "Länsstyrelsen i Västmanlands län");
}

TEST(Owners, ABodyOfItsOwnHasNoOwner) {
  const auto bodies = OwnedBodies("Tillväxtverket och Region Halland", "Region Halland");
  EXPECT_EQ(OwnerOf(bodies, "Tillväxtverket"), "");
  EXPECT_EQ(OwnerOf(bodies, "Region Halland"), "");
}

TEST(Owners, NoIssuerNoOwners) {
  const auto bodies = OwnedBodies("Regionstyrelsen beslutar.", "");
  EXPECT_EQ(OwnerOf(bodies, "Regionstyrelsen"), "");
}

}  // namespace
}  // namespace diar
