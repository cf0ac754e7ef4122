// Owners: the one place an organ mention learns whose organ it is, from the
// owner the text names beside it or the document's issuer, and
// owned_heads.list.
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
  const NormalisedText plain = Plain(text);
  std::vector<Mention> mentions = ProjectTagger().Tag(plain, {});
  Classification c;
  c.issuer = issuer;
  c.county = county;
  AssignOwners(plain, c, ProjectTagger(), &mentions);
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

TEST(Owners, AnOwnerNamedAfterTheOrganWithIBeatsTheIssuer) {
  const auto bodies = OwnedBodies("Socialnämnden i Mora kommun och kulturnämnden.", "Falkenbergs kommun");
  EXPECT_EQ(OwnerOf(bodies, "Socialnämnden"), "Mora kommun");
  EXPECT_EQ(OwnerOf(bodies, "Kulturnämnden"), "Falkenbergs kommun");
}

TEST(Owners, AnOwnerNamedInTheGenitiveBeforeTheOrganBeatsTheIssuer) {
  const auto bodies = OwnedBodies("Region Dalarnas kulturnämnd beslutade.", "Mora kommun");
  EXPECT_EQ(OwnerOf(bodies, "Kulturnämnden"), "Region Dalarna");
}

TEST(Owners, AnOwnerNamedBesideTheOrganNeedsNoIssuer) {
  const auto bodies = OwnedBodies("Barn- och utbildningsnämnden i Älvdalens kommun har yttrat sig.", "");
  EXPECT_EQ(OwnerOf(bodies, "Barn- och utbildningsnämnden"), "Älvdalens kommun");
}

TEST(Owners, ANamedOwnerOnTheOtherTierIsNotTakenNorIsTheIssuerGuessed) {
  const auto bodies = OwnedBodies("Kommunstyrelsen i Region Dalarna", "Falkenbergs kommun");
  EXPECT_EQ(OwnerOf(bodies, "Kommunstyrelsen"), "");
}

TEST(Owners, AnOwnerFurtherAwayThanIIsNotTaken) {
  const auto bodies = OwnedBodies("Socialnämnden och Mora kommun", "");
  EXPECT_EQ(OwnerOf(bodies, "Socialnämnden"), "");
}

}  // namespace
}  // namespace diar
