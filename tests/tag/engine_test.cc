// The engine's contract (tag.h): code-point offsets, pages, order, no
// same-type overlap, any input.
#include "tests/tag/tag_test_util.h"

namespace diar {
namespace {

using testing::Plain;
using testing::ProjectTagger;

TEST(TagEngine, OffsetsAreCodePointsNotBytes) {
  // "Åre, Örebro och Älvdalen: " is 26 code points but 29 bytes.
  const std::string text = "Åre, Örebro och Älvdalen: 2022-03-29";
  const auto mentions = ProjectTagger().Tag(Plain(text), {});
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].start, 26u);
  EXPECT_EQ(mentions[0].end, 36u);
  EXPECT_EQ(mentions[0].text, "2022-03-29");
}

TEST(TagEngine, NothingIsTaggedInsideEmailOrWebAddresses) {
  const std::string text =
      "Skicka till registrator@trafikverket.se eller se www.lansstyrelsen.se/jonkoping och "
      "https://www.regeringen.se/remisser 2023-01-05. Trafikverket svarar.";
  const auto mentions = ProjectTagger().Tag(Plain(text), {});
  std::vector<std::string> texts;
  for (const Mention& m : mentions) texts.push_back(m.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"2023-01-05", "Trafikverket"}));
}

TEST(TagEngine, PageComesFromThePageStarts) {
  NormalisedText text;
  text.text = "Sida ett.\n\nRegion Västmanland 2022-03-29";
  text.page_starts = {0, 11};
  text.page_ocr = {false, false};
  const auto mentions = ProjectTagger().Tag(text, {});
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(mentions[0].page, 2);
  EXPECT_EQ(mentions[1].page, 2);
}

TEST(TagEngine, OrdersByStartThenLongestFirst) {
  const auto mentions =
      ProjectTagger().Tag(Plain("Regional Kulturplan 2019 – 2022 och Region Västmanland"), {});
  ASSERT_GE(mentions.size(), 3u);
  for (std::size_t i = 1; i < mentions.size(); ++i) {
    EXPECT_TRUE(mentions[i - 1].start < mentions[i].start ||
                (mentions[i - 1].start == mentions[i].start &&
                 mentions[i - 1].end >= mentions[i].end));
  }
  EXPECT_EQ(mentions[0].type, "plan");
  EXPECT_EQ(mentions[1].type, "period");
}

TEST(TagEngine, SameTypeMentionsNeverOverlap) {
  const auto mentions = ProjectTagger().Tag(
      Plain("Länsstyrelsen i Västmanlands län och regionala utvecklingsnämnden, "
            "augusti 2020 till december 2021, 2019-2022-2025"),
      {.document_date = "2022-01-01"});
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    for (std::size_t j = i + 1; j < mentions.size(); ++j) {
      if (mentions[i].type != mentions[j].type) continue;
      EXPECT_TRUE(mentions[i].end <= mentions[j].start || mentions[j].end <= mentions[i].start)
          << mentions[i].text << " / " << mentions[j].text;
    }
  }
}

TEST(TagEngine, RecordsTheRuleOrDictionaryEntry) {
  const auto mentions = ProjectTagger().Tag(Plain("Dnr: KS 2022-0092-106, Tillväxtverket"), {});
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(mentions[0].rule.rfind("dnr.", 0), 0u) << mentions[0].rule;
  EXPECT_NE(mentions[1].rule.find("bodies_"), std::string::npos);
}

TEST(TagEngine, TakesAnyInput) {
  EXPECT_TRUE(ProjectTagger().Tag(Plain(""), {}).empty());
  EXPECT_TRUE(ProjectTagger().Tag(Plain("\n\n \n"), {}).empty());
  // Invalid UTF-8 does not upset matching or offsets.
  const auto mentions = ProjectTagger().Tag(Plain("\xff\xfe 2022-03-29 \xc3"), {});
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].start, 3u);
  // A long text with no sentence ends or blank lines.
  std::string long_line;
  for (int i = 0; i < 2000; ++i) long_line += "Region Västmanland och kommunstyrelsen ";
  EXPECT_EQ(ProjectTagger().Tag(Plain(long_line), {}).size(), 4000u);
}

}  // namespace
}  // namespace diar
