// Issue 6: date filters (--from/--to and datum:A..B) are exact at both
// boundaries, at day, month and year precision; sort by date is newest first.
#include "tests/index/index_fixture.h"

namespace diar {
namespace {

using Names = std::vector<std::string>;

class DateRange : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexWriter writer = testing::OpenWriter(dir_.path());
    const std::vector<std::pair<std::string, std::string>> dated = {
        {"d20201231.txt", "2020-12-31"}, {"d20210101.txt", "2021-01-01"},
        {"d20210329.txt", "2021-03-29"}, {"d20210330.txt", "2021-03-30"},
        {"d20211231.txt", "2021-12-31"}, {"d20220101.txt", "2022-01-01"},
        {"undated.txt", ""}};
    for (const auto& [name, date] : dated) {
      Classification c;
      c.date = date;
      writer.Add(testing::MakeDocument(name, "Beslut om budget, " + name, {}, c), "/d/" + name);
    }
    writer.Commit();
  }

  Names From(const std::string& from, const std::string& to) {
    SearchRequest request;
    request.from = from;
    request.to = to;
    return testing::HitNames(searcher(), "budget", request);
  }
  Searcher searcher() { return testing::OpenSearcher(dir_.path()); }
  testing::TempDir dir_;
};

TEST_F(DateRange, FromAndToIncludeBothBoundaryDays) {
  EXPECT_EQ(From("2021-03-29", "2021-03-29"), Names{"d20210329.txt"});
  EXPECT_EQ(From("2021-03-29", "2021-03-30"), (Names{"d20210329.txt", "d20210330.txt"}));
  EXPECT_EQ(From("2021-01-01", "2021-12-31"),
            (Names{"d20210101.txt", "d20210329.txt", "d20210330.txt", "d20211231.txt"}));
}

TEST_F(DateRange, YearAndMonthBoundsCoverTheWholePeriod) {
  EXPECT_EQ(From("2021", "2021"),
            (Names{"d20210101.txt", "d20210329.txt", "d20210330.txt", "d20211231.txt"}));
  EXPECT_EQ(From("2021-03", "2021-03"), (Names{"d20210329.txt", "d20210330.txt"}));
  EXPECT_EQ(From("2021-12-31", ""), (Names{"d20211231.txt", "d20220101.txt"}));
  EXPECT_EQ(From("", "2021-01-01"), (Names{"d20201231.txt", "d20210101.txt"}));
}

TEST_F(DateRange, DatumFieldIsExactAtBothEnds) {
  EXPECT_EQ(testing::HitNames(searcher(), "budget datum:2021-03-29..2021-03-30"),
            (Names{"d20210329.txt", "d20210330.txt"}));
  EXPECT_EQ(testing::HitNames(searcher(), "datum:2020-12-31..2021-01-01"),
            (Names{"d20201231.txt", "d20210101.txt"}));
  EXPECT_EQ(testing::HitNames(searcher(), "datum:2022..2022"), Names{"d20220101.txt"});
}

TEST_F(DateRange, AYearRangeIsTheWholeYearsWhateverTheFieldIsCalled) {
  const Names two_years = {"d20210101.txt", "d20210329.txt", "d20210330.txt", "d20211231.txt",
                           "d20220101.txt"};
  EXPECT_EQ(testing::HitNames(searcher(), "år:2021..2022"), two_years);
  EXPECT_EQ(testing::HitNames(searcher(), "year:2021..2022"), two_years);
  EXPECT_EQ(testing::HitNames(searcher(), "ar:2021..2022"), two_years);
  EXPECT_EQ(testing::HitNames(searcher(), "År:2022.."), Names{"d20220101.txt"});
  EXPECT_EQ(testing::HitNames(searcher(), "Datum:..2020"), Names{"d20201231.txt"});
  EXPECT_EQ(testing::HitNames(searcher(), "år:2021"),
            (Names{"d20210101.txt", "d20210329.txt", "d20210330.txt", "d20211231.txt"}));
}

TEST_F(DateRange, UndatedDocumentsAreOutsideEveryRange) {
  EXPECT_EQ(From("1900", "2100").size(), 6u);
  EXPECT_EQ(testing::HitNames(searcher(), "budget").size(), 7u);
}

TEST_F(DateRange, BadDateIsAnInputError) {
  SearchRequest request = testing::Request("budget");
  request.from = "29 mars";
  Result<SearchResult> result = searcher().Search(request);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::kInput);
  EXPECT_NE(result.error().message.find("YYYY"), std::string::npos) << result.error().message;
}

TEST_F(DateRange, SortByDateIsNewestFirstWithUndatedLast) {
  SearchRequest request = testing::Request("budget", false, 3);
  request.sort_by_date = true;
  SearchResult first = testing::MustSearch(searcher(), request);
  ASSERT_EQ(first.hits.size(), 3u);
  EXPECT_EQ(first.hits[0].date, "2022-01-01");
  EXPECT_EQ(first.hits[1].date, "2021-12-31");
  EXPECT_EQ(first.hits[2].date, "2021-03-30");
  request.offset = 6;
  SearchResult last = testing::MustSearch(searcher(), request);
  ASSERT_EQ(last.hits.size(), 1u);
  EXPECT_EQ(last.hits[0].date, "");
  EXPECT_EQ(last.hits[0].rank, 7);
}

// Issue 14: datum: takes a year, a month or a day on its own, as well as
// ranges, open ones too.
TEST_F(DateRange, DatumTakesAYearAMonthOrADay) {
  EXPECT_EQ(testing::HitNames(searcher(), "datum:2021"),
            (Names{"d20210101.txt", "d20210329.txt", "d20210330.txt", "d20211231.txt"}));
  EXPECT_EQ(testing::HitNames(searcher(), "datum:2021-03"), (Names{"d20210329.txt", "d20210330.txt"}));
  EXPECT_EQ(testing::HitNames(searcher(), "datum:2021-03-30"), Names{"d20210330.txt"});
  EXPECT_EQ(testing::HitNames(searcher(), "budget datum:2020"), Names{"d20201231.txt"});
  EXPECT_EQ(testing::HitNames(searcher(), "datum:2021-12.."), (Names{"d20211231.txt", "d20220101.txt"}));
  EXPECT_EQ(testing::HitNames(searcher(), "datum:..2020"), Names{"d20201231.txt"});
  EXPECT_EQ(testing::HitNames(searcher(), "datum:2021-02"), Names{});  // a month with none
}

TEST_F(DateRange, FromAndToTakeAYearAMonthOrADay) {
  EXPECT_EQ(From("2021-12", "2022"), (Names{"d20211231.txt", "d20220101.txt"}));
  EXPECT_EQ(From("2020", "2021-01"), (Names{"d20201231.txt", "d20210101.txt"}));
}

// An impossible date or a reversed range is an input error naming the
// value, never a filter dropped (which would match every document).
TEST_F(DateRange, ImpossibleDatesAndReversedRangesAreErrorsNamingTheValue) {
  struct Case {
    std::string query, from, to, named;
  };
  const std::vector<Case> cases = {
      {"budget", "2022-13-45", "", "2022-13-45"}, {"budget", "", "2021-02-29", "2021-02-29"},
      {"budget", "2021-04-31", "", "2021-04-31"}, {"budget", "2022-00", "", "2022-00"},
      {"budget", "2023", "2021", "2023..2021"},   {"budget", "20210329", "", "20210329"},
      {"datum:2023..2021", "", "", "2023..2021"}, {"datum:2022-13", "", "", "2022-13"},
      {"datum:2021-02-30", "", "", "2021-02-30"}, {"datum:mars", "", "", "mars"},
      {"datum:2022-03-02..2022-03-01", "", "", "2022-03-02..2022-03-01"},
  };
  for (const Case& c : cases) {
    SearchRequest request = testing::Request(c.query);
    request.from = c.from;
    request.to = c.to;
    Result<SearchResult> result = searcher().Search(request);
    ASSERT_FALSE(result.ok()) << c.query << " " << c.from << " " << c.to;
    EXPECT_EQ(result.error().kind, ErrorKind::kInput);
    EXPECT_NE(result.error().message.find(c.named), std::string::npos) << result.error().message;
  }
  // A leap day that exists is fine.
  SearchRequest leap = testing::Request("budget");
  leap.from = "2020-02-29";
  EXPECT_TRUE(searcher().Search(leap).ok());
}

// A day typed as a number in free text finds the documents of that date and
// those that mention it, whatever form the text writes it in.
class DayTypedAsANumber : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexWriter writer = testing::OpenWriter(dir_.path());
    Classification dated;
    dated.date = "2014-09-23";
    writer.Add(testing::MakeDocument("kallelse.txt", "Kallelse till sammanträde med nämnden.", {}, dated),
               "/d/kallelse.txt");
    writer.Add(testing::MakeDocument(
                   "protokoll.txt", "Beslutet fattades den 23 september 2014 i fullmäktige.",
                   {testing::MakeMention("date", "23 september 2014", "2014-09-23", 21)}),
               "/d/protokoll.txt");
    writer.Add(testing::MakeDocument("annat.txt", "Beslutet fattades den 24 september 2014.",
                                     {testing::MakeMention("date", "24 september 2014", "2014-09-24", 21)}),
               "/d/annat.txt");
    writer.Commit();
  }
  Searcher searcher() { return testing::OpenSearcher(dir_.path()); }
  testing::TempDir dir_;
};

TEST_F(DayTypedAsANumber, FindsTheDocumentsOfThatDateAndThoseMentioningIt) {
  EXPECT_EQ(testing::HitNames(searcher(), "2014-09-23"), (Names{"kallelse.txt", "protokoll.txt"}));
}

TEST_F(DayTypedAsANumber, OtherWordsStillNarrowIt) {
  EXPECT_EQ(testing::HitNames(searcher(), "fullmäktige 2014-09-23"), Names{"protokoll.txt"});
}

}  // namespace
}  // namespace diar
