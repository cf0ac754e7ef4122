// Dates: TAGGING.md "date" and dictionaries/dates.rules.
#include "tests/tag/tag_test_util.h"

namespace diar {
namespace {

using testing::Case;
using testing::Spans;
using testing::TagType;

const TagContext kDated{.document_date = "2022-03-29"};

TEST(DateTagger, TagsContractTable) {
  const Case cases[] = {
      {"2022-03-29", "2022-03-29=2022-03-29"},
      {"den 29 mars 2022", "29 mars 2022=2022-03-29"},
      {"29/3 2022", "29/3 2022=2022-03-29"},
      {"1 jan 2020", "1 jan 2020=2020-01-01"},
      {"1 jan. 2020", "1 jan. 2020=2020-01-01"},
      {"augusti 2020", "augusti 2020=2020-08"},
      {"våren 2020", "våren 2020=2020-21"},
      {"under sommaren", "sommaren=-22"},
      {"hösten 2022", "hösten 2022=2022-23"},
      {"vintern", "vintern=-24"},
  };
  for (const Case& c : cases) EXPECT_EQ(Spans(c.text, "date", kDated), c.expected) << c.text;
}

TEST(DateTagger, InfersTheYearFromTheDocumentDate) {
  const auto dates = TagType("beslutet den 22 februari om", "date", kDated);
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].text, "22 februari");
  EXPECT_EQ(dates[0].value, "2022-02-22");
  EXPECT_TRUE(dates[0].inferred);
}

TEST(DateTagger, WinterAcrossTwoYearsIsTheWinterOfTheFirst) {
  EXPECT_EQ(Spans("Vintern 2023/24 var kall", "date"), "Vintern 2023/24=2023-24");
  EXPECT_EQ(Spans("Vintern 2023/24 var kall", "period"), "");
}

TEST(DateTagger, DayWithAnOrdinalEnding) {
  EXPECT_EQ(Spans("den 3:e mars 2023", "date"), "3:e mars 2023=2023-03-03");
  EXPECT_EQ(Spans("den 1:a april 2024", "date"), "1:a april 2024=2024-04-01");
  EXPECT_EQ(Spans("3:e–4:e maj 2023", "period"), "3:e–4:e maj 2023=2023-05-03/2023-05-04");
}

TEST(DateTagger, DropsYearlessDateWithoutDocumentDate) {
  EXPECT_EQ(Spans("beslutet den 22 februari om", "date"), "");
}

TEST(DateTagger, LeavesTrailingPunctuationOutside) {
  EXPECT_EQ(Spans("senast den 30 juni.", "date", kDated), "30 juni=2022-06-30");
  EXPECT_EQ(Spans("i augusti 2020, sedan", "date"), "augusti 2020=2020-08");
}

TEST(DateTagger, RejectsBareYearAndImpossibleDates) {
  EXPECT_EQ(Spans("under 2021 ska", "date"), "");
  EXPECT_EQ(Spans("2022-02-30", "date"), "");
  EXPECT_EQ(Spans("2022-13-01", "date"), "");
  // Not a day: only the month and year are a date.
  EXPECT_EQ(Spans("32 mars 2022", "date"), "mars 2022=2022-03");
}

TEST(DateTagger, BareMonthIsNotADate) {
  EXPECT_EQ(Spans("beslut fattas i mars", "date", kDated), "");
}

TEST(DateTagger, AcceptsLeapDay) {
  EXPECT_EQ(Spans("2024-02-29", "date"), "2024-02-29=2024-02-29");
  EXPECT_EQ(Spans("2023-02-29", "date"), "");
}

TEST(DateTagger, DoesNotReadPronounVårAsSpring) {
  EXPECT_EQ(Spans("vår strategi", "date"), "");
  EXPECT_EQ(Spans("Vår 2021 startar", "date"), "Vår 2021=2021-21");
}

TEST(DateTagger, MonthNamesAnyCase) {
  EXPECT_EQ(Spans("29 Mars 2022", "date"), "29 Mars 2022=2022-03-29");
  EXPECT_EQ(Spans("12 OKT 2021", "date"), "12 OKT 2021=2021-10-12");
}

TEST(DateTagger, MonthYearAcrossLineBreak) {
  EXPECT_EQ(Spans("i augusti\n2020", "date"), "augusti\n2020=2020-08");
}

TEST(DateTagger, DetectsLabelledDocumentDate) {
  const auto text = testing::Plain("Tjänsteskrivelse\nDatum: 2022-03-29\nMöte 2022-04-01\n");
  EXPECT_EQ(testing::ProjectTagger().DetectDocumentDate(text, "2020-01-01"), "2022-03-29");
  const auto later_label =
      testing::Plain("Möte 2022-04-01\nSammanträdesdatum 2022-03-30\n");
  EXPECT_EQ(testing::ProjectTagger().DetectDocumentDate(later_label, ""), "2022-03-30");
}

TEST(DateTagger, DetectsFirstFullDateNearTheTitle) {
  const auto text = testing::Plain("\n\n2022-03-29\n\nDnr: KS 2022-0092-106\n");
  EXPECT_EQ(testing::ProjectTagger().DetectDocumentDate(text, "2020-01-01"), "2022-03-29");
}

// Issue 15 (fifth pass): a decision letter states its own date in running
// prose, in the perfect tense; the past tense tells an earlier act.
TEST(DateTagger, ADecisionsOwnStatementOfItsDate) {
  const auto own = testing::Plain(
      "Beslut om bidrag\n\nStatens kulturråd har den 3 mars 2021 beslutat att bevilja bidrag.\n");
  EXPECT_EQ(testing::ProjectTagger().DetectDocumentDate(own, ""), "2021-03-03");
  const auto history = testing::Plain(
      "Beslut om bidrag\n\nStyrelsen beslutade den 3 mars 2021 att bevilja bidrag.\n");
  EXPECT_EQ(testing::ProjectTagger().DetectDocumentDate(history, ""), "");
}

// Issue 15, eighth pass: dates in the opening that belong to something else.
TEST(DateTagger, ARangesEndWhoseDashWasLostIsNotTheDocumentsDate) {
  const auto text = testing::Plain(
      "SAMRÅDSREDOGÖRELSE\nYttranden inkomna under samrådstiden 26 feb 22 apr 2014\n");
  EXPECT_EQ(testing::ProjectTagger().DetectDocumentDate(text, ""), "");
}

TEST(DateTagger, ADecisionCitedWithItsParagraphIsNotTheDocumentsDate) {
  const auto cited = testing::Plain(
      "Bakgrund\nKommunstyrelsen uppdrog den 24 februari 2009 KS 44 åt planavdelningen att ...\n");
  EXPECT_EQ(testing::ProjectTagger().DetectDocumentDate(cited, ""), "");
  const auto own = testing::Plain(
      "Kulturplan 2023–2026\nAntagen av regionfullmäktige den 22 november 2022, § 187\n");
  EXPECT_EQ(testing::ProjectTagger().DetectDocumentDate(own, ""), "2022-11-22");
}

TEST(DateTagger, FallsBackToMetadataDate) {
  const auto text = testing::Plain("Verksamhetsplan 2021–2023\n\nUnder 2020 har regionen ...");
  EXPECT_EQ(testing::ProjectTagger().DetectDocumentDate(text, "2020-12-01"), "2020-12-01");
}

}  // namespace
}  // namespace diar
