// Bodies: TAGGING.md "body" and its finer decisions; gazetteers
// (bodies_*.tsv, organ_names.tsv) and rules (organs.rules, bodies.rules).
#include "tests/tag/tag_test_util.h"

namespace diar {
namespace {

using testing::Case;
using testing::Spans;
using testing::TagType;

TEST(BodyTagger, MatchesSwedishLettersAtWordBoundaries) {
  const Case cases[] = {
      {"Region Västmanlands arbete", "Region Västmanlands=Region Västmanland"},
      {"i Region Örebro län", "Region Örebro län=Region Örebro län"},
      {"Älvdalens kommun beslutade", "Älvdalens kommun=Älvdalens kommun"},
      {"Åre kommuns plan", "Åre kommuns=Åre kommun"},
      {"Alingsås kommun", "Alingsås kommun=Alingsås kommun"},
  };
  for (const Case& c : cases) EXPECT_EQ(Spans(c.text, "body"), c.expected) << c.text;
}

TEST(BodyTagger, DoesNotMatchInsideLongerWords) {
  EXPECT_EQ(Spans("ÅRegion Västmanland", "body"), "");
  EXPECT_EQ(Spans("SKRÄP", "body"), "");
  EXPECT_EQ(Spans("EUÅ", "body"), "");
}

TEST(BodyTagger, PossessiveStaysInSpanAndLeavesValue) {
  EXPECT_EQ(Spans("EU:s budget", "body"), "EU:s=Europeiska unionen");
  EXPECT_EQ(Spans("enligt SKR:s rapport", "body"), "SKR:s=Sveriges Kommuner och Regioner");
}

TEST(BodyTagger, ATypographicApostrophePossessiveStaysInSpan) {
  EXPECT_EQ(Spans("enligt SKR\u2019s rapport", "body"), "SKR\u2019s=Sveriges Kommuner och Regioner");
}

TEST(BodyTagger, ANameEndsAtPunctuationOrTheTextsEnd) {
  EXPECT_EQ(Spans("(Trafikverket)", "body"), "Trafikverket=Trafikverket");
  EXPECT_EQ(Spans("beslut av Trafikverket", "body"), "Trafikverket=Trafikverket");
  EXPECT_EQ(Spans("Trafikverket, SKR.", "body"),
            "Trafikverket=Trafikverket; SKR=Sveriges Kommuner och Regioner");
}

TEST(BodyTagger, ANameBesideABrokenByteIsNoMention) {
  // Text is checked UTF-8 before it is tagged; a stray byte is no word
  // boundary, as it was none for the RE2 pattern the names once were.
  EXPECT_EQ(Spans("av \xFFTrafikverket i", "body"), "");
  EXPECT_EQ(Spans("av Trafikverket\xFF i", "body"), "");
}

TEST(BodyTagger, MapsAcronymsAndVariantsToCanonicalNames) {
  EXPECT_EQ(Spans("SKR har", "body"), "SKR=Sveriges Kommuner och Regioner");
  EXPECT_EQ(Spans("Regionen Västmanlands arbete", "body"),
            "Regionen Västmanlands=Region Västmanland");
  EXPECT_EQ(Spans("Mälardalens högskola", "body"), "Mälardalens högskola=Mälardalens universitet");
}

TEST(BodyTagger, NamesInCapitalsAsInHeadings) {
  EXPECT_EQ(Spans("REGION VÄSTMANLAND", "body"), "REGION VÄSTMANLAND=Region Västmanland");
  EXPECT_EQ(Spans("TRAFIKVERKET", "body"), "TRAFIKVERKET=Trafikverket");
}

TEST(BodyTagger, AcronymsAreCaseSensitive) {
  EXPECT_EQ(Spans("skr", "body"), "");
  EXPECT_EQ(Spans("eu", "body"), "");
}

TEST(BodyTagger, IgnoresNamesInsideHyphenCompounds) {
  EXPECT_EQ(Spans("EU-frågor och SRB-möte", "body"), "");
  EXPECT_EQ(Spans("ett SRB-\nmöte", "body"), "");
}

TEST(BodyTagger, MatchesNamesBrokenAcrossLines) {
  EXPECT_EQ(Spans("Region\nVästmanland", "body"), "Region\nVästmanland=Region Västmanland");
}

TEST(BodyTagger, PublicNamesMatchWithLowerCaseFirstLetter) {
  EXPECT_EQ(Spans("enligt regeringen", "body"), "regeringen=Regeringen");
  EXPECT_EQ(Spans("länsstyrelsen i Västmanland", "body"),
            "länsstyrelsen i Västmanland=Länsstyrelsen i Västmanlands län");
}

TEST(BodyTagger, PrivateNamesNeedTheirCapital) {
  // "Företagarna" is an organisation; "företagarna" are entrepreneurs.
  EXPECT_EQ(Spans("Företagarna i länet", "body"), "Företagarna=Företagarna");
  EXPECT_EQ(Spans("företagarna i länet", "body"), "");
}

TEST(BodyTagger, PlacesAndPartyLettersAreNotBodies) {
  EXPECT_EQ(Spans("Mötet hölls i Falun och Örebro.", "body"), "");
  EXPECT_EQ(Spans("Anna Andersson (M) och Per Persson (S)", "body"), "");
}

TEST(OrganTagger, CapitalisesDefiniteSingular) {
  const Case cases[] = {
      {"regionstyrelsen beslutade", "regionstyrelsen=Regionstyrelsen"},
      {"Regionfullmäktiges beslut", "Regionfullmäktiges=Regionfullmäktige"},
      {"uppdrag av regionstyrelse och regionfullmäktige",
       "regionstyrelse=Regionstyrelsen; regionfullmäktige=Regionfullmäktige"},
      {"kulturnämnden", "kulturnämnden=Kulturnämnden"},
      {"regionala utvecklingsnämnden", "regionala utvecklingsnämnden=Regionala utvecklingsnämnden"},
      {"inom regional utvecklingsförvaltning",
       "regional utvecklingsförvaltning=Regionala utvecklingsförvaltningen"},
      {"kollektivtrafikförvaltningen", "kollektivtrafikförvaltningen=Kollektivtrafikförvaltningen"},
      {"Tekniska nämnden", "Tekniska nämnden=Tekniska nämnden"},
      {"Miljö- och byggnadsnämnden", "Miljö- och byggnadsnämnden=Miljö- och byggnadsnämnden"},
      {"barn- och utbildningsförvaltningens", "barn- och utbildningsförvaltningens=Barn- och "
                                              "utbildningsförvaltningen"},
      {"Kommunfullmäktige/kommunstyrelsen",
       "Kommunfullmäktige=Kommunfullmäktige; kommunstyrelsen=Kommunstyrelsen"},
      {"en egen kulturförvaltning", "kulturförvaltning=Kulturförvaltningen"},
  };
  for (const Case& c : cases) EXPECT_EQ(Spans(c.text, "body"), c.expected) << c.text;
}

TEST(OrganTagger, HeadingsInCapitals) {
  EXPECT_EQ(Spans("KOMMUNSTYRELSEN", "body"), "KOMMUNSTYRELSEN=Kommunstyrelsen");
  EXPECT_EQ(Spans("NÄMNDEN", "body"), "");
}

TEST(OrganTagger, PartOfAGenericallyNamedOrganIsNoBody) {
  EXPECT_EQ(Spans("Ärendet bereddes av nämndens arbetsutskott.", "body"), "");
  EXPECT_EQ(Spans("Ärendet bereddes av socialnämndens arbetsutskott.", "body"),
            "socialnämndens arbetsutskott=Socialnämndens arbetsutskott");
}

TEST(OrganTagger, RejectsBareHeadsAndPlurals) {
  const Case cases[] = {
      {"nämnden beslutade", ""},
      {"Förvaltningen ansvarar", ""},
      {"styrelsen", ""},
      {"alla nämnder och förvaltningar", ""},
      {"nämnderna och styrelserna", ""},
      {"ärendeberedningen", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(Spans(c.text, "body"), c.expected) << c.text;
}

TEST(OrganTagger, SubOrganWithParentGenitiveIsOneBody) {
  EXPECT_EQ(Spans("Kommunstyrelsens arbetsutskott", "body"),
            "Kommunstyrelsens arbetsutskott=Kommunstyrelsens arbetsutskott");
  EXPECT_EQ(Spans("regionstyrelsens personalutskott", "body"),
            "regionstyrelsens personalutskott=Regionstyrelsens personalutskott");
}

TEST(OrganTagger, OwnerGenitiveAndOrganAreTwoBodies) {
  EXPECT_EQ(Spans("Region Västmanlands miljönämnd", "body"),
            "Region Västmanlands=Region Västmanland; miljönämnd=Miljönämnden");
  // With a generic head only the owner.
  EXPECT_EQ(Spans("Region Västmanlands styrelse", "body"),
            "Region Västmanlands=Region Västmanland");
}

TEST(OrganTagger, KnownOrganNamesTakeTheirCanonicalForm) {
  EXPECT_EQ(Spans("den strategiska regionala beredningen", "body"),
            "strategiska regionala beredningen=Strategisk regional beredning");
  EXPECT_EQ(Spans("som SRB fattat", "body"), "SRB=Strategisk regional beredning");
}

TEST(NamedBodyTagger, TagsInstitutionsNetworksAndCouncils) {
  const Case cases[] = {
      {"Tärna folkhögskolas kurser", "Tärna folkhögskolas=Tärna folkhögskola"},
      {"Dalarnas museum", "Dalarnas museum=Dalarnas museum"},
      {"Länsmuseet Gävleborg", "Länsmuseet Gävleborg=Länsmuseet Gävleborg"},
      {"i Rektorsnätverket", "Rektorsnätverket=Rektorsnätverket"},
      {"Örebro läns idrottsförbund", "Örebro läns idrottsförbund=Örebro läns idrottsförbund"},
      {"med Samordningsförbundet Västra Mälardalen och",
       "Samordningsförbundet Västra Mälardalen=Samordningsförbundet Västra Mälardalen"},
      {"Hushållningssällskapet Skåne", "Hushållningssällskapet Skåne=Hushållningssällskapet Skåne"},
      {"med Stiftelsen Skånska Landskap och", "Stiftelsen Skånska Landskap=Stiftelsen Skånska Landskap"},
      {"Föreningen Nordens arbete", "Föreningen Nordens=Föreningen Norden"},
      {"fördes till Exempelby lasarett", "Exempelby lasarett=Exempelby lasarett"},
      {"vid Akademiska sjukhuset i", "Akademiska sjukhuset=Akademiska sjukhuset"},
      {"vid Exempelska universitetssjukhuset", "Exempelska universitetssjukhuset=Exempelska universitetssjukhuset"},
  };
  for (const Case& c : cases) EXPECT_EQ(Spans(c.text, "body"), c.expected) << c.text;
}

TEST(NamedBodyTagger, CompaniesByTheirLegalForm) {
  EXPECT_EQ(Spans("Uppdraget gick till Destination Exempel AB i år.", "body"),
            "Destination Exempel AB=Destination Exempel AB");
  EXPECT_EQ(Spans("avtal med Länstrafiken i Exempel AB och", "body"),
            "Länstrafiken i Exempel AB=Länstrafiken i Exempel AB");
  EXPECT_EQ(Spans("Exempelbo AB:s styrelse", "body"), "Exempelbo AB:s=Exempelbo AB");
  EXPECT_EQ(Spans("Destination Exempel AB och Exempelhem AB", "body"),
            "Destination Exempel AB=Destination Exempel AB; Exempelhem AB=Exempelhem AB");
  EXPECT_EQ(Spans("ett aktiebolag (AB) bildas", "body"), "");
  EXPECT_EQ(Spans("med Exempel Vatten och Avfall AB", "body"),
            "Exempel Vatten och Avfall AB=Exempel Vatten och Avfall AB");
  EXPECT_EQ(Spans("hyr av AB Bostaden i Exempel nu", "body"),
            "AB Bostaden i Exempel=AB Bostaden i Exempel");
  EXPECT_EQ(Spans("Exempel Ports Ltd och Exempel Datahub Oy", "body"),
            "Exempel Ports Ltd=Exempel Ports Ltd; Exempel Datahub Oy=Exempel Datahub Oy");
  EXPECT_EQ(Spans("Bolaget Exempel Energi AB", "body"), "Exempel Energi AB=Exempel Energi AB");
}

TEST(NamedBodyTagger, UniversitiesAndNordicPublicBodiesByTheirHead) {
  EXPECT_EQ(Spans("Exempel fylkeskommune och Exempel universitet", "body"),
            "Exempel fylkeskommune=Exempel fylkeskommune; Exempel universitet=Exempel universitet");
  EXPECT_EQ(Spans("med Yrkeshögskolan Exempel", "body"),
            "Yrkeshögskolan Exempel=Yrkeshögskolan Exempel");
}

TEST(NamedBodyTagger, AHospitalNamedInOneWord) {
  EXPECT_EQ(Spans("vård på Exempelsjukhuset och Universitetssjukhuset Exempel", "body"),
            "Exempelsjukhuset=Exempelsjukhuset; Universitetssjukhuset Exempel=Universitetssjukhuset "
            "Exempel");
}

TEST(NamedBodyTagger, ANameEndingInUsKeepsItsS) {
  EXPECT_EQ(Spans("Stiftelsen Folkets Hus bjuder in", "body"),
            "Stiftelsen Folkets Hus=Stiftelsen Folkets Hus");
  EXPECT_EQ(Spans("vid Exempelby sjukhus", "body"), "Exempelby sjukhus=Exempelby sjukhus");
}

TEST(NamedBodyTagger, RescueServicesAndAssociationsWithTheirPlace) {
  EXPECT_EQ(Spans("Räddningstjänsten Exempel Nordväst och Räddningstjänsten ska", "body"),
            "Räddningstjänsten Exempel Nordväst=Räddningstjänsten Exempel Nordväst");
  EXPECT_EQ(Spans("Hembygdsföreningen Exempel bjuder", "body"),
            "Hembygdsföreningen Exempel=Hembygdsföreningen Exempel");
}

TEST(BodyTagger, NameOfHeadAndPlaceTakesItsGenitiveOnTheHead) {
  EXPECT_EQ(Spans("Kammarrättens i Göteborg dom", "body"),
            "Kammarrättens i Göteborg=Kammarrätten i Göteborg");
  EXPECT_EQ(Spans("Länsstyrelsens i Skåne län beslut", "body"),
            "Länsstyrelsens i Skåne län=Länsstyrelsen i Skåne län");
}

TEST(BodyTagger, AnAcronymTheDocumentDefinesIsTheBodyThereAndAfter) {
  EXPECT_EQ(Spans("Exempeltrafik AB (EXTRA) ansvarar. EXTRA:s styrelse beslutar.", "body"),
            "Exempeltrafik AB=Exempeltrafik AB; EXTRA=Exempeltrafik AB; EXTRA:s=Exempeltrafik AB");
  // In brackets after a person's name it is a label, as party letters are.
  EXPECT_EQ(Spans("Kristdemokraterna (KD) yrkade. Anna Ek (KD) instämde.", "body"),
            "Kristdemokraterna=Kristdemokraterna; KD=Kristdemokraterna");
}

TEST(BodyTagger, ANationalOrganisationsRegionalBranchIsNamedWithItsCounty) {
  EXPECT_EQ(Spans("Röda Korset Jämtland och Riksteatern Kalmar län deltar", "body"),
            "Röda Korset Jämtland=Röda Korset Jämtland; Riksteatern Kalmar län=Riksteatern Kalmar län");
  EXPECT_EQ(Spans("Röda Korset bidrar", "body"), "Röda Korset=Svenska Röda Korset");
}

TEST(BodyTagger, InternationalOrganisations) {
  EXPECT_EQ(Spans("FN:s globala mål och OECD", "body"),
            "FN:s=Förenta nationerna; OECD=Organisationen för ekonomiskt samarbete och utveckling");
}

TEST(BodyTagger, ABodyInsideALegalActsNumberIsNoMention) {
  EXPECT_EQ(Spans("direktiv 2010/31/EU och förordning (EU) 2021/1060 gäller", "body"), "");
  EXPECT_EQ(Spans("EU:s regler", "body"), "EU:s=Europeiska unionen");
}

TEST(NamedBodyTagger, RejectsDeterminersAndDescriptions) {
  const Case cases[] = {
      {"Vårt museum", ""},
      {"Regionens kompetensråd", ""},
      {"nätverket", ""},
      {"ett regionalt nätverk för kvinnofrid", ""},
      {"samverkansgruppen har", ""},
      {"för målgruppen Unga vuxna", ""},
      {"Stiftelsen har beslutat", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(Spans(c.text, "body"), c.expected) << c.text;
}

TEST(NamedBodyTagger, OneValuePerNameInADocument) {
  EXPECT_EQ(Spans("Samverkansgruppen Kultur och idrott möts. Samverkansgrupp Kultur och Idrott "
                  "beslutade. Samverkansgruppen Kultur och idrott fortsätter.",
                  "body"),
            "Samverkansgruppen Kultur och idrott=Samverkansgruppen Kultur och idrott; "
            "Samverkansgrupp Kultur och Idrott=Samverkansgruppen Kultur och idrott; "
            "Samverkansgruppen Kultur och idrott=Samverkansgruppen Kultur och idrott");
}

TEST(BodyTagger, ProgrammesAreNotBodies) {
  EXPECT_EQ(Spans("Europeiska regionala utvecklingsfonden", "body"), "");
  EXPECT_EQ(Spans("medel från ERUF", "body"), "");
}

}  // namespace
}  // namespace diar
