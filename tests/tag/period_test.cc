// Periods: TAGGING.md "period" and dictionaries/periods.rules.
#include "tests/tag/tag_test_util.h"

namespace diar {
namespace {

using testing::Case;
using testing::Spans;

TEST(PeriodTagger, TagsContractTable) {
  const Case cases[] = {
      {"2019 – 2022", "2019 – 2022=2019/2022"},
      {"2019-2022", "2019-2022=2019/2022"},
      {"2019–2022", "2019–2022=2019/2022"},
      {"(2021–2027)", "2021–2027=2021/2027"},
      {"2021–\n2023", "2021–\n2023=2021/2023"},
      {"augusti 2020 till december 2021", "augusti 2020 till december 2021=2020-08/2021-12"},
      {"mandatperioden 2023–2026", "2023–2026=2023/2026"},
  };
  for (const Case& c : cases) EXPECT_EQ(Spans(c.text, "period"), c.expected) << c.text;
}

TEST(PeriodTagger, SlashBetweenTwoYearsIsAPeriod) {
  EXPECT_EQ(Spans("läsåret 2021/22", "period"), "2021/22=2021/2022");
  EXPECT_EQ(Spans("verksamhetsåret 2021/2022", "period"), "2021/2022=2021/2022");
  EXPECT_EQ(Spans("Dnr 2021/22", "period"), "");
  EXPECT_EQ(Spans("KS 2019/00123", "period"), "");
}

TEST(PeriodTagger, DocumentNumbersAreNoPeriods) {
  EXPECT_EQ(Spans("Se prop. 2023/24:1 och bet. 2022/23:FiU12.", "period"), "");
  EXPECT_EQ(Spans("direktiv 2010/31/EU", "period"), "");
  EXPECT_EQ(Spans("under läsåret 2023/24: höst och vår", "period"), "2023/24=2023/2024");
}

TEST(PeriodTagger, ExpandsTwoDigitSecondYear) {
  EXPECT_EQ(Spans("perioden 2021–23", "period"), "2021–23=2021/2023");
}

TEST(PeriodTagger, RejectsDescendingAndOverlongRanges) {
  EXPECT_EQ(Spans("2022–2019", "period"), "");
  EXPECT_EQ(Spans("1950–2022", "period"), "");
  EXPECT_EQ(Spans("2021–2021", "period"), "");
}

TEST(PeriodTagger, IsNotReadInsideAnIsoDate) {
  EXPECT_EQ(Spans("2010-11-12", "period"), "");
  EXPECT_EQ(Spans("2022-03-29", "period"), "");
}

TEST(PeriodTagger, BetweenTakesSpanWithoutMellan) {
  EXPECT_EQ(Spans("mellan maj 2020 och oktober 2021", "period"),
            "maj 2020 och oktober 2021=2020-05/2021-10");
}

TEST(PeriodTagger, BetweenTwoDaysIsAPeriodOfDays) {
  EXPECT_EQ(Spans("mellan 1 februari och 15 mars 2022", "period"),
            "1 februari och 15 mars 2022=2022-02-01/2022-03-15");
  EXPECT_EQ(Spans("mellan 1 februari och 15 mars 2022", "date"), "");
}

TEST(PeriodTagger, TwoYearsJoinedByOchAreNotAPeriod) {
  EXPECT_EQ(Spans("under 2021 och 2022", "period"), "");
}

TEST(PeriodTagger, EndsOfAPeriodAreNotAlsoDates) {
  EXPECT_EQ(Spans("augusti 2020 till december 2021", "date"), "");
}

TEST(PeriodTagger, DayRangeIsAPeriodOfDays) {
  EXPECT_EQ(Spans("22–23 februari 2022", "period"), "22–23 februari 2022=2022-02-22/2022-02-23");
  EXPECT_EQ(Spans("22–23 februari 2022", "date"), "");
}

TEST(PeriodTagger, FullDatesAtBothEnds) {
  EXPECT_EQ(Spans("1 januari 2021 – 31 december 2023", "period"),
            "1 januari 2021 – 31 december 2023=2021-01-01/2023-12-31");
  EXPECT_EQ(Spans("10 maj–15 juni 2021", "period"), "10 maj–15 juni 2021=2021-05-10/2021-06-15");
  EXPECT_EQ(Spans("2021-01-01 – 2021-12-31", "period"),
            "2021-01-01 – 2021-12-31=2021-01-01/2021-12-31");
  EXPECT_EQ(Spans("2021-01-01 – 2021-12-31", "date"), "");
}

TEST(PeriodTagger, TillOchMedJoinsTheEnds) {
  EXPECT_EQ(Spans("gäller fr.o.m. 1 januari 2023 t.o.m. 31 december 2025.", "period"),
            "1 januari 2023 t.o.m. 31 december 2025=2023-01-01/2025-12-31");
  EXPECT_EQ(Spans("från maj 2023 till och med april 2024", "period"),
            "maj 2023 till och med april 2024=2023-05/2024-04");
  EXPECT_EQ(Spans("2023-01-01 tom 2023-06-30", "period"), "2023-01-01 tom 2023-06-30=2023-01-01/2023-06-30");
}

TEST(PeriodTagger, MonthRangeTakesTheYearOfTheEnd) {
  EXPECT_EQ(Spans("maj–oktober 2021", "period"), "maj–oktober 2021=2021-05/2021-10");
}

}  // namespace
}  // namespace diar
