// Diarienummer: TAGGING.md "dnr" and dictionaries/dnr.rules.
#include "tests/tag/tag_test_util.h"

namespace diar {
namespace {

using testing::Case;
using testing::Spans;

TEST(DnrTagger, TagsContractForms) {
  const Case cases[] = {
      {"Dnr: KS 2022-0092-106", "KS 2022-0092-106=KS 2022-0092-106"},
      {"diarienummer RUN 374-2021.", "RUN 374-2021=RUN 374-2021"},
      {"ärendet RS 2021/1234 gäller", "RS 2021/1234=RS 2021/1234"},
      {"se KS 2019/00123", "KS 2019/00123=KS 2019/00123"},
      {"Dnr 2019/00123", "2019/00123=2019/00123"},
      {"beslut KS/2019:7 om", "KS/2019:7=KS/2019:7"},
      {"Dnr 2021/KS 0042 003", "2021/KS 0042 003=2021/KS 0042 003"},
      {"Länsstyrelsens dnr 403-1234-21", "403-1234-21=403-1234-21"},
      {"ärende KS 21/00123", "KS 21/00123=KS 21/00123"},
  };
  for (const Case& c : cases) EXPECT_EQ(Spans(c.text, "dnr"), c.expected) << c.text;
}

TEST(DnrTagger, LeavesTheLabelOutsideTheSpan) {
  EXPECT_EQ(Spans("Vårt dnr: RS 2021/1234", "dnr"), "RS 2021/1234=RS 2021/1234");
  EXPECT_EQ(Spans("Ärendenummer 2020/118", "dnr"), "2020/118=2020/118");
}

TEST(DnrTagger, BeteckningAloneIsALabel) {
  // County administrative boards head their decisions "Beteckning 526-1234-2023".
  EXPECT_EQ(Spans("Beteckning: 401-5678-2022", "dnr"), "401-5678-2022=401-5678-2022");
  EXPECT_EQ(Spans("Beteckning 526-1234-2023", "dnr"), "526-1234-2023=526-1234-2023");
}

TEST(DnrTagger, ClassificationCodeFirstAfterALabel) {
  EXPECT_EQ(Spans("IVO:s dnr 3.5.1-12345/2023 gäller", "dnr"), "3.5.1-12345/2023=3.5.1-12345/2023");
  EXPECT_EQ(Spans("version 3.5.1-12345/2023", "dnr"), "");
}

TEST(DnrTagger, CourtCaseNumbers) {
  EXPECT_EQ(Spans("Förvaltningsrätten, mål nr 2187-23, avslår", "dnr"), "2187-23=2187-23");
  EXPECT_EQ(Spans("Målnummer 6534-20", "dnr"), "6534-20=6534-20");
  EXPECT_EQ(Spans("målet gäller 2187-23 personer", "dnr"), "");
}

TEST(DnrTagger, GovernmentOfficesNumbersNeedNoLabel) {
  EXPECT_EQ(Spans("Regeringskansliet\nS2024/01234\nRemiss", "dnr"), "S2024/01234=S2024/01234");
  EXPECT_EQ(Spans("se 2024/01234 och sidan 2024/12", "dnr"), "");
}

TEST(DnrTagger, ALabelMaySayWhoseNumberItIs) {
  EXPECT_EQ(Spans("Ärendenummer hos Tillväxtverket: 20301894", "dnr"), "20301894=20301894");
  EXPECT_EQ(Spans("Tel 0702123456", "dnr"), "");
}

TEST(DnrTagger, UpperCasesAndFoldsSpacesInTheValue) {
  EXPECT_EQ(Spans("Dnr: ks  2022-0092-106", "dnr"), "ks  2022-0092-106=KS 2022-0092-106");
}

TEST(DnrTagger, RejectsParagraphReference) {
  EXPECT_EQ(Spans("enligt KF § 22 beslutades", "dnr"), "");
  EXPECT_EQ(Spans("protokoll KF 2019-05-20 § 22", "dnr"), "");
}

TEST(DnrTagger, RejectsStatuteAndReportSeries) {
  EXPECT_EQ(Spans("enligt SFS 2017:900", "dnr"), "");
  EXPECT_EQ(Spans("se SOU 2020:12", "dnr"), "");
  EXPECT_EQ(Spans("Dnr SOU 2020:12", "dnr"), "");
}

TEST(DnrTagger, RejectsNumberWithoutLabelOrKnownPrefix) {
  EXPECT_EQ(Spans("sammanlagt 2019/00123 kronor", "dnr"), "");
  EXPECT_EQ(Spans("XY 2021/1234", "dnr"), "");
  EXPECT_EQ(Spans("telefon 403-1234-21", "dnr"), "");
}

TEST(DnrTagger, RejectsPrefixInsideAWord) {
  EXPECT_EQ(Spans("ABCKS 2021/1234", "dnr"), "");
  EXPECT_EQ(Spans("ÖKS 2021/1234", "dnr"), "");
}

TEST(DnrTagger, DatesInsideADnrAreNotDates) {
  EXPECT_EQ(Spans("Dnr RS 2021-2022/12", "period"), "");
  EXPECT_EQ(Spans("Dnr: KS 2022-0092-106", "date"), "");
}

}  // namespace
}  // namespace diar
