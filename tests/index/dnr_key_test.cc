// Issue 14: a dnr finds its document however it is typed (index/dnr_key.h);
// the number forms are those of docs/TAGGING.md.
#include "index/dnr_key.h"

#include "tests/index/index_fixture.h"

namespace diar {
namespace {

struct Spelling {
  const char* stored;  // the canonical value the tagger gives
  const char* typed;   // how a user types it
};

// Each stored number, typed with other separators, spacing and case.
constexpr Spelling kSpellings[] = {
    {"KS 2022-0092-106", "KS 2022-0092-106"},
    {"KS 2022-0092-106", "ks2022-0092-106"},
    {"KS 2022-0092-106", "KS 2022/0092/106"},
    {"KS 2022-0092-106", "ks:2022.0092.106"},
    {"KS 2022-0092-106", "KS  2022 0092 106"},
    {"RUN 374-2021", "run 374/2021"},
    {"RUN 374-2021", "RUN374-2021"},
    {"RS 2021/1234", "RS 2021-1234"},
    {"RS 2021/1234", "rs2021/1234"},
    {"KS 2019/00123", "ks 2019:00123"},
    {"2019/00123", "2019-00123"},
    {"KS/2019:7", "KS 2019/7"},
    {"KS/2019:7", "ks-2019-7"},
    {"2021/KS 0042 003", "2021/KS/0042/003"},
    {"2021/KS 0042 003", "2021 ks 0042-003"},
    {"403-1234-21", "403 1234 21"},
    {"403-1234-21", "403/1234/21"},
};

TEST(DnrKey, EverySpellingOfANumberHasOneKey) {
  for (const Spelling& s : kSpellings) {
    EXPECT_EQ(DnrKey(s.typed), DnrKey(s.stored)) << s.typed << " vs " << s.stored;
  }
  EXPECT_EQ(DnrKey("KS 2022-0092-106"), "KS-2022-0092-106");
}

TEST(DnrKey, KeepsTheLeadingZerosAndGroupsAsWritten) {
  EXPECT_NE(DnrKey("KS 2019/123"), DnrKey("KS 2019/00123"));
  EXPECT_NE(DnrKey("KS 2022-0092-106"), DnrKey("KS 2022-0092-1060"));
  EXPECT_EQ(DnrKey("KS"), "");  // no number
}

TEST(DnrLooseKey, DropsEachNumbersLeadingZerosButKeepsItsGroups) {
  EXPECT_EQ(DnrLooseKey("KS 2019/00123"), "KS-2019-123");
  EXPECT_EQ(DnrLooseKey("ks 2019-123"), "KS-2019-123");
  EXPECT_EQ(DnrLooseKey("Dnr 000/2020"), "DNR-0-2020");
  EXPECT_NE(DnrLooseKey("KS 2022-0092-106"), DnrLooseKey("KS 2022-0092-1060"));
  EXPECT_EQ(DnrLooseKey("KS"), "");
}

class DnrSearch : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexWriter writer = testing::OpenWriter(dir_.path());
    int n = 0;
    for (const char* value : {"KS 2022-0092-106", "RUN 374-2021", "RS 2021/1234", "KS 2019/00123",
                              "2019/00123", "KS/2019:7", "2021/KS 0042 003", "403-1234-21",
                              "KS 2022-0092-107", "KS 2022-00921", "2016/0669 KS-1"}) {
      const std::string name = "d" + std::to_string(++n) + ".txt";
      Classification c;
      c.dnr = value;
      writer.Add(testing::MakeDocument(name, std::string("Ärende med nummer ") + value + ".", {}, c),
                 "/dnr/" + name);
      names_[value] = name;
    }
    writer.Commit();
  }
  std::vector<std::string> Hits(const std::string& query) {
    return testing::HitNames(testing::OpenSearcher(dir_.path()), query);
  }
  testing::TempDir dir_;
  std::map<std::string, std::string> names_;
};

TEST_F(DnrSearch, DnrFieldFindsEverySpelling) {
  for (const Spelling& s : kSpellings) {
    const std::vector<std::string> hits = Hits(std::string("dnr:\"") + s.typed + "\"");
    EXPECT_NE(std::find(hits.begin(), hits.end(), names_[s.stored]), hits.end())
        << "dnr:\"" << s.typed << "\" should find " << s.stored;
  }
}

TEST_F(DnrSearch, FreeTextThatIsANumberFindsItsDocument) {
  EXPECT_EQ(Hits("ks2022-0092-106"), std::vector<std::string>{names_["KS 2022-0092-106"]});
  EXPECT_EQ(Hits("KS 2022/0092/106"), std::vector<std::string>{names_["KS 2022-0092-106"]});
  EXPECT_EQ(Hits("RS 2021-1234"), std::vector<std::string>{names_["RS 2021/1234"]});
}

TEST_F(DnrSearch, APartialNumberFindsTheNumbersBeginningWithIt) {
  std::vector<std::string> expected = {names_["KS 2022-0092-106"], names_["KS 2022-0092-107"]};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(Hits("dnr:2022-0092"), expected);
  EXPECT_EQ(Hits("2022-0092"), expected);  // not "KS 2022-00921": groups are whole
}

TEST_F(DnrSearch, ANumberTypedWithoutItsLeadingZerosFindsThePaddedOne) {
  std::vector<std::string> expected = {names_["KS 2022-0092-106"], names_["KS 2022-0092-107"]};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(Hits("KS 2022/92"), expected);  // not "KS 2022-00921"
  EXPECT_EQ(Hits("dnr:ks-2022-92"), expected);
  std::vector<std::string> padded = {names_["KS 2019/00123"], names_["2019/00123"]};
  std::sort(padded.begin(), padded.end());
  EXPECT_EQ(Hits("dnr:2019/123"), padded);
}

TEST_F(DnrSearch, ANumberTypedWithMoreLeadingZerosFindsTheShorterOne) {
  EXPECT_EQ(Hits("dnr:\"RUN 0374-2021\""), std::vector<std::string>{names_["RUN 374-2021"]});
  EXPECT_EQ(Hits("2021/KS 42 3"), std::vector<std::string>{names_["2021/KS 0042 003"]});
}

TEST_F(DnrSearch, ANumberWrittenBeforeItsSeriesIsFoundWithTheSeriesTypedFirst) {
  const std::vector<std::string> expected = {names_["2016/0669 KS-1"]};
  EXPECT_EQ(Hits("dnr:\"KS 2016/0669\""), expected);
  EXPECT_EQ(Hits("KS 2016/669"), expected);
  EXPECT_EQ(Hits("dnr:\"2016/0669 KS-1\""), expected);
  EXPECT_EQ(Hits("dnr:\"KS 2016/0669-2\""), std::vector<std::string>{});
  EXPECT_EQ(Hits("2021/KS 42 3"), std::vector<std::string>{names_["2021/KS 0042 003"]});
  EXPECT_EQ(Hits("dnr:\"KS 2021/0042\""), std::vector<std::string>{names_["2021/KS 0042 003"]});
}

}  // namespace
}  // namespace diar
