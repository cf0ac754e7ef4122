// Plans: TAGGING.md "plan" and its finer decisions; dictionaries/plans.rules
// and the plan former.
#include "tests/tag/tag_test_util.h"

namespace diar {
namespace {

using testing::Case;
using testing::Spans;

TEST(PlanTagger, TagsContractExamples) {
  const Case cases[] = {
      {"Regional Kulturplan 2019 – 2022", "Regional Kulturplan 2019 – 2022=Regional kulturplan 2019–2022"},
      {"Regional idrottsplan 2022-2030", "Regional idrottsplan 2022-2030=Regional idrottsplan 2022–2030"},
      {"den regionala utvecklingsstrategin", "regionala utvecklingsstrategin=Regional utvecklingsstrategi"},
      {"Affärsplan Västmanland", "Affärsplan Västmanland=Affärsplan Västmanland"},
      {"Miljöprogrammet (2018–2022)", "Miljöprogrammet=Miljöprogram"},
      {"Länsplan för regional transportinfrastruktur",
       "Länsplan för regional transportinfrastruktur=Länsplan för regional transportinfrastruktur"},
      {"Regional digital agenda", "Regional digital agenda=Regional digital agenda"},
      {"Agenda 2030", "Agenda 2030=Agenda 2030"},
      {"Regionplan och budget", "Regionplan och budget=Regionplan och budget"},
      {"Handlingsplanen för mänskliga rättigheter",
       "Handlingsplanen för mänskliga rättigheter=Handlingsplan för mänskliga rättigheter"},
      {"Region Västmanlands hållbarhetsstrategi 2020–2030",
       "Region Västmanlands hållbarhetsstrategi 2020–2030=Region Västmanlands hållbarhetsstrategi "
       "2020–2030"},
      {"Överenskommelse om samverkan för regional utveckling 2023-2026",
       "Överenskommelse om samverkan för regional utveckling 2023-2026=Överenskommelse om "
       "samverkan för regional utveckling 2023–2026"},
      {"Internationell policy för Västra Götalandsregionen",
       "Internationell policy för Västra Götalandsregionen=Internationell policy för Västra "
       "Götalandsregionen"},
  };
  for (const Case& c : cases) EXPECT_EQ(Spans(c.text, "plan"), c.expected) << c.text;
}

TEST(PlanTagger, RejectsBareGenericNouns) {
  const Case cases[] = {
      {"planen", ""},
      {"enligt strategin", ""},
      {"överenskommelsen gäller", ""},
      {"en handlingsplan", ""},
      {"den statliga strategin", ""},
      {"en tidplan", ""},
      {"projektplanen", ""},
      {"flera planer och strategier", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(Spans(c.text, "plan"), c.expected) << c.text;
}

TEST(PlanTagger, DocumentTypeOfTheIssuerIsAPlanInAnyInflection) {
  const Case cases[] = {
      {"kommunplanen", "kommunplanen=Kommunplan"},
      {"gällande verksamhetsplan", "verksamhetsplan=Verksamhetsplan"},
      {"klimatprogrammet", "klimatprogrammet=Klimatprogram"},
      {"trafikplanen", "trafikplanen=Trafikplan"},
  };
  for (const Case& c : cases) EXPECT_EQ(Spans(c.text, "plan"), c.expected) << c.text;
}

TEST(PlanTagger, IndefiniteArticleBlocksOnlyGenericPlanWords) {
  EXPECT_EQ(Spans("ett samverkansavtal", "plan"), "");
  EXPECT_EQ(Spans("en ny översiktsplan", "plan"), "översiktsplan=Översiktsplan");
  EXPECT_EQ(Spans("en ny Regional Kulturplan", "plan"), "Regional Kulturplan=Regional kulturplan");
}

TEST(PlanTagger, RangeAfterFörStaysOutside) {
  EXPECT_EQ(Spans("Klimatplanen för 2024–2030", "plan"), "Klimatplanen=Klimatplan");
  EXPECT_EQ(Spans("Klimatplanen för 2024–2030", "period"), "2024–2030=2024/2030");
}

TEST(PlanTagger, PeriodInsideAPlanIsTaggedToo) {
  EXPECT_EQ(Spans("Regional Kulturplan 2019 – 2022", "period"), "2019 – 2022=2019/2022");
}

TEST(PlanTagger, AdjectivesAgreeWithTheBaseForm) {
  EXPECT_EQ(Spans("Regionala digitala agendan", "plan"), "Regionala digitala agendan=Regional digital agenda");
  EXPECT_EQ(Spans("regionala trafikförsörjningsprogrammet", "plan"),
            "regionala trafikförsörjningsprogrammet=Regionalt trafikförsörjningsprogram");
}

TEST(PlanTagger, StatusAdjectivesStayOutside) {
  EXPECT_EQ(Spans("den aktuella verksamhetsplanen", "plan"), "verksamhetsplanen=Verksamhetsplan");
}

TEST(PlanTagger, TitleEndsAtFunctionWordsAndNewHeadings) {
  EXPECT_EQ(Spans("Länsplan för regional transportinfrastruktur som antogs", "plan"),
            "Länsplan för regional transportinfrastruktur=Länsplan för regional "
            "transportinfrastruktur");
  EXPECT_EQ(Spans("Samverkansavtal för regional utveckling\nInstanser för mottagande", "plan"),
            "Samverkansavtal för regional utveckling=Samverkansavtal för regional utveckling");
}

TEST(PlanTagger, ANameInTheComplementIsNoVerbWhateverItEndsIn) {
  // "-as" ends s-passives ("genomföras") but also genitive names.
  EXPECT_EQ(Spans("Regional transportplan för Dalarnas län 2022–2033 har kommit", "plan"),
            "Regional transportplan för Dalarnas län 2022–2033=Regional transportplan för "
            "Dalarnas län 2022–2033");
  EXPECT_EQ(Spans("en handlingsplan för att insatserna ska genomföras snabbt", "plan"), "");
}

TEST(PlanTagger, CapitalisedWordsAfterTheHeadKeepTheirCapital) {
  EXPECT_EQ(Spans("den regionala utvecklingsstrategin Dalastrategin 2030", "plan"),
            "regionala utvecklingsstrategin Dalastrategin 2030=Regional utvecklingsstrategi "
            "Dalastrategin 2030");
  EXPECT_EQ(Spans("Regional Kulturplan för Exempels län", "plan"),
            "Regional Kulturplan för Exempels län=Regional kulturplan för Exempels län");
}

TEST(PlanTagger, TitleRunsOverPrepositionsBetweenContentWords) {
  EXPECT_EQ(Spans("Kommunen antog Riktlinjer för bidrag till föreningar i mars.", "plan"),
            "Riktlinjer för bidrag till föreningar=Riktlinjer för bidrag till föreningar");
  EXPECT_EQ(Spans("Nationella riktlinjer för vård och stöd vid missbruk och beroende gäller", "plan"),
            "Nationella riktlinjer för vård och stöd vid missbruk och beroende=Nationella riktlinjer "
            "för vård och stöd vid missbruk och beroende");
}

TEST(PlanTagger, TitleEndsAtParticiplesAndVerbs) {
  EXPECT_EQ(Spans("Riktlinjer för föreningsbidrag antagna av kommunfullmäktige gäller", "plan"),
            "Riktlinjer för föreningsbidrag=Riktlinjer för föreningsbidrag");
  EXPECT_EQ(Spans("Handlingsplan för jämställdhet togs fram", "plan"),
            "Handlingsplan för jämställdhet=Handlingsplan för jämställdhet");
}

TEST(PlanTagger, CoordinatedCompoundIsOneTitle) {
  EXPECT_EQ(Spans("Klimat- och energistrategi för Exempels kommun 2023–2030 antogs", "plan"),
            "Klimat- och energistrategi för Exempels kommun 2023–2030=Klimat- och energistrategi "
            "för Exempels kommun 2023–2030");
  EXPECT_EQ(Spans("Energi- och klimatplan 2016-2020", "plan"),
            "Energi- och klimatplan 2016-2020=Energi- och klimatplan 2016–2020");
}

TEST(PlanTagger, NameOfSeveralCapitalisedWordsAfterTheHead) {
  EXPECT_EQ(Spans("den regionala utvecklingsstrategin Vårt Exempel 2040", "plan"),
            "regionala utvecklingsstrategin Vårt Exempel 2040=Regional utvecklingsstrategi Vårt "
            "Exempel 2040");
}

TEST(PlanTagger, TitleInCapitalsTakesSentenceCaseAndKnownNames) {
  EXPECT_EQ(Spans("RIKTLINJER FÖR FÖRENINGSBIDRAG I JÄRFÄLLA KOMMUN\n\nText.", "plan"),
            "RIKTLINJER FÖR FÖRENINGSBIDRAG I JÄRFÄLLA KOMMUN=Riktlinjer för föreningsbidrag i "
            "Järfälla kommun");
}

TEST(PlanTagger, HeadWithAHyphenatedPrefix) {
  EXPECT_EQ(Spans("enligt EU-strategin för Östersjöregionen ska", "plan"),
            "EU-strategin för Östersjöregionen=EU-strategi för Östersjöregionen");
  // Still a bare head: it needs a title.
  EXPECT_EQ(Spans("medel från olika EU-program söks", "plan"), "");
}

TEST(PlanTagger, NumberInsideANameIsNoYear) {
  EXPECT_EQ(Spans("Bevarandeplan för Natura 2000-området Exempelsjön antogs", "plan"),
            "Bevarandeplan för Natura 2000-området Exempelsjön=Bevarandeplan för Natura "
            "2000-området Exempelsjön");
}

TEST(PlanTagger, PlanInTheGenitiveTakesTheBaseForm) {
  EXPECT_EQ(Spans("Den regionala utvecklingsstrategins mål", "plan"),
            "regionala utvecklingsstrategins=Regional utvecklingsstrategi");
  EXPECT_EQ(Spans("Kulturplanens mål", "plan"), "Kulturplanens=Kulturplan");
}

TEST(PlanTagger, AnotherPlansNameEndsTheComplement) {
  EXPECT_EQ(Spans("en strategi för Värmland och Hållbar tillväxtstrategi för Dalarna", "plan"),
            "Hållbar tillväxtstrategi för Dalarna=Hållbar tillväxtstrategi för Dalarna");
  EXPECT_EQ(Spans("Innovationsstrategi för Värmland och Hållbar tillväxtstrategi för Dalarna", "plan"),
            "Innovationsstrategi för Värmland=Innovationsstrategi för Värmland; "
            "Hållbar tillväxtstrategi för Dalarna=Hållbar tillväxtstrategi för Dalarna");
}

TEST(PlanTagger, TwoConnectorsInARowEndTheTitle) {
  EXPECT_EQ(Spans("Innovationsstrategi för Exempel och i EU:s strategi för Östersjöregionen ingår", "plan"),
            "Innovationsstrategi för Exempel=Innovationsstrategi för Exempel; EU:s strategi för "
            "Östersjöregionen=EU:s strategi för Östersjöregionen");
}

TEST(PlanTagger, AHyphenatedPairNamingAnotherPlanEndsTheTitle) {
  EXPECT_EQ(Spans("Klimatstrategin för Exempel och Mål- och resultatplanen styr", "plan"),
            "Klimatstrategin för Exempel=Klimatstrategi för Exempel; Mål- och resultatplanen=Mål- "
            "och resultatplan");
}

TEST(PlanTagger, OchBudgetInCapitals) {
  EXPECT_EQ(Spans("VERKSAMHETSPLAN OCH BUDGET 2025\n\nText.", "plan"),
            "VERKSAMHETSPLAN OCH BUDGET 2025=Verksamhetsplan och budget 2025");
}

TEST(PlanTagger, TitleAdjectivesInBarFriAndTheUninflectedSmart) {
  EXPECT_EQ(Spans("Smart specialiseringsstrategi för Exempel 2021–2027 antogs", "plan"),
            "Smart specialiseringsstrategi för Exempel 2021–2027=Smart specialiseringsstrategi för "
            "Exempel 2021–2027");
  EXPECT_EQ(Spans("den fossilfria transportplanen", "plan"),
            "fossilfria transportplanen=Fossilfri transportplan");
  // "enligt" ends like "-igt" adjectives but is no adjective.
  EXPECT_EQ(Spans("enligt Miljöprogrammet", "plan"), "Miljöprogrammet=Miljöprogram");
}

TEST(PlanTagger, AdjectiveBeforeACoordinatedCompound) {
  EXPECT_EQ(Spans("Regional mat- och dryckesstrategi antogs", "plan"),
            "Regional mat- och dryckesstrategi=Regional mat- och dryckesstrategi");
}

TEST(PlanTagger, IndefiniteHeadWithANameAfterFörIsTitled) {
  EXPECT_EQ(Spans("enligt regeringens strategi för Östersjöregionen.", "plan"),
            "regeringens strategi för Östersjöregionen=Regeringens strategi för Östersjöregionen");
  // Definite, it points back to a plan already named.
  EXPECT_EQ(Spans("enligt planen för Exempelstad.", "plan"), "");
}

TEST(PlanTagger, ADateOrMonthAfterATitleIsNotItsYears) {
  EXPECT_EQ(Spans("Riktlinjer för hållbar upphandling 2022-10-10 antogs", "plan"),
            "Riktlinjer för hållbar upphandling=Riktlinjer för hållbar upphandling");
  EXPECT_EQ(Spans("Klimatstrategi 2021-03", "plan"), "Klimatstrategi=Klimatstrategi");
  EXPECT_EQ(Spans("Klimatplan 2021-23", "plan"), "Klimatplan 2021-23=Klimatplan 2021–2023");
}

TEST(PlanTagger, ForThePeriodIsThePlansTimeNotItsTitle) {
  EXPECT_EQ(Spans("Trafikverket tar fram en ny länsplan för perioden 2026–2037.", "plan"),
            "länsplan=Länsplan");
}

TEST(PlanTagger, ArticleAndAStatusAdjectiveBlockAGenericPlan) {
  EXPECT_EQ(Spans("Nämnden tog fram en reviderad investeringsplan.", "plan"), "");
}

TEST(PlanTagger, TitleInCapitalsKeepsItsAdjectiveCountyAndAcronyms) {
  EXPECT_EQ(Spans("REGIONAL HANDLINGSPLAN FÖR SUICIDPREVENTION I EXEMPELS LÄN 2023–2026\n\nText.",
                  "plan"),
            "REGIONAL HANDLINGSPLAN FÖR SUICIDPREVENTION I EXEMPELS LÄN 2023–2026=Regional "
            "handlingsplan för suicidprevention i Exempels län 2023–2026");
  EXPECT_EQ(Spans("den regionala ANDTS-strategin för Exempels län", "plan"),
            "regionala ANDTS-strategin för Exempels län=Regional ANDTS-strategi för Exempels län");
}

TEST(PlanTagger, AProperTitleKeepsItsCapitalAfterABodysGenitive) {
  EXPECT_EQ(Spans("enligt FN:s Agenda 2030 ska", "plan"), "FN:s Agenda 2030=FN:s Agenda 2030");
}

TEST(PlanTagger, BodyGenitiveJoinsThePlanAndStaysABody) {
  EXPECT_EQ(Spans("regeringens bredbandsstrategi", "plan"),
            "regeringens bredbandsstrategi=Regeringens bredbandsstrategi");
  EXPECT_EQ(Spans("regeringens bredbandsstrategi", "body"), "regeringens=Regeringen");
}

TEST(PlanTagger, AdjectivesAfterABodysGenitiveKeepTheirWeakForm) {
  EXPECT_EQ(Spans("Region Västmanlands regionala utvecklingsstrategi", "plan"),
            "Region Västmanlands regionala utvecklingsstrategi=Region Västmanlands regionala "
            "utvecklingsstrategi");
  // Without the genitive the adjective agrees with the base form.
  EXPECT_EQ(Spans("den regionala utvecklingsstrategin", "plan"),
            "regionala utvecklingsstrategin=Regional utvecklingsstrategi");
}

TEST(PlanTagger, IndividualCarePlansAreNotSteeringDocuments) {
  EXPECT_EQ(Spans("Samordnad Individuell Plan (SIP)", "plan"), "");
}

}  // namespace
}  // namespace diar
