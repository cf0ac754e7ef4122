// Loading dictionaries: every bad line is reported as file:line (kConfig).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "pipeline/tag/tag.h"

namespace diar {
namespace {

class LoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("diar_tag_loader_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    // A minimal valid set of the lists the value formers need.
    for (const char* list : {"months", "seasons"}) {
      Write(std::string(list) + ".list", "# test list\nx\n");
    }
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& content) {
    std::ofstream(dir_ / name) << content;
  }
  std::string Load() {
    Result<Tagger> tagger = Tagger::Load(dir_.string(), {});
    if (tagger) return "ok";
    EXPECT_EQ(tagger.error().kind, ErrorKind::kConfig);
    return tagger.error().message;
  }
  std::filesystem::path dir_;
};

TEST_F(LoaderTest, AcceptsAValidRuleFile) {
  Write("a.rules", "# test\nd.iso\tdate\tdate\t(?P<year>\\d{4})-(?P<month>\\d\\d)\n");
  EXPECT_EQ(Load(), "ok");
}

TEST_F(LoaderTest, ReportsEveryBadLineWithFileAndLine) {
  Write("a.rules",
        "# test\n"
        "ok\tdate\tdate\t\\d{4}\n"
        "bad.regex\tdate\tdate\t(unclosed\n"
        "bad.fields\tdate\tdate\n"
        "bad.type\tweather\tdate\tx\n"
        "bad.former\tdate\tguess\tx\n"
        "ok\tdate\tdate\ty\n"
        "bad.macro\tdate\tdate\t{{nolist}}\n");
  const std::string message = Load();
  const std::string path = (dir_ / "a.rules").string();
  EXPECT_NE(message.find(path + ":3: pattern does not compile"), std::string::npos) << message;
  EXPECT_NE(message.find(path + ":4: expected 4 tab-separated fields"), std::string::npos)
      << message;
  EXPECT_NE(message.find(path + ":5: unknown type \"weather\""), std::string::npos) << message;
  EXPECT_NE(message.find(path + ":6: unknown value former \"guess\""), std::string::npos)
      << message;
  EXPECT_NE(message.find(path + ":7: rule id \"ok\" is already used at " + path + ":2"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find(path + ":8: {{nolist}} is neither"), std::string::npos) << message;
}

TEST_F(LoaderTest, RequiresAHeaderComment) {
  Write("a.rules", "d\tdate\tdate\tx\n");
  EXPECT_NE(Load().find("a.rules:1: no header comment"), std::string::npos);
}

TEST_F(LoaderTest, ReportsDuplicateListEntries) {
  Write("a.rules", "# test\nd\tdate\tdate\tx\n");
  Write("months.list", "# months\nmars\t03\nMars\t03\n");
  EXPECT_NE(Load().find("months.list:3: \"Mars\" is listed twice"), std::string::npos);
}

TEST_F(LoaderTest, ReportsBadAtomsWithFileAndLine) {
  Write("a.rules",
        "# test\n"
        "@atoms\tok\tstart\tx\n"
        "ok\tdate\tdate\tx\\d\n"
        "@atoms\tmissing\t-\ty\n"
        "@atoms\tflagged\tweird\tz\n"
        "flagged\tdate\tdate\tz\\d\n"
        "@atoms\tendless\t-\tz+\n"
        "endless\tdate\tdate\tzz\\d\n"
        "@atoms\tok\tstart\tx\n"
        "@atoms\tboth\tinner|start\tw\n"
        "both\tdate\tdate\tw\\d\n");
  const std::string message = Load();
  const std::string path = (dir_ / "a.rules").string();
  EXPECT_NE(message.find(path + ":4: @atoms for unknown rule \"missing\""), std::string::npos)
      << message;
  EXPECT_NE(message.find(path + ":5: unknown atom flag \"weird\""), std::string::npos) << message;
  EXPECT_NE(message.find(path + ":7: \"+\" is allowed only on white space"), std::string::npos)
      << message;
  EXPECT_NE(message.find(path + ":9: rule \"ok\" already has @atoms"), std::string::npos)
      << message;
  EXPECT_NE(message.find(path + ":10: the atom flag inner"), std::string::npos) << message;
}

TEST_F(LoaderTest, ReportsBadTailsWithFileAndLine) {
  Write("a.rules",
        "# test\n"
        "@atoms\tok\tstart\tx\n"
        "ok\tdate\tdate\tx\\d\n"
        "@tail\tok\t(?:\\s+y)?\n"
        "@tail\tmissing\t(?:\\s+y)?\n"
        "@tail\tok\t(?:\\s+z)?\n"
        "@tail\tfieldless\n");
  const std::string message = Load();
  const std::string path = (dir_ / "a.rules").string();
  EXPECT_NE(message.find(path + ":5: @tail for unknown rule \"missing\""), std::string::npos)
      << message;
  EXPECT_NE(message.find(path + ":6: rule \"ok\" already has a @tail"), std::string::npos)
      << message;
  EXPECT_NE(message.find(path + ":7: write `@tail<TAB>rule id<TAB>pattern`"), std::string::npos)
      << message;
}

TEST_F(LoaderTest, ARuleWithoutAtomsLoadsWithAWarning) {
  // "\d+" gives RE2 no atoms: the rule runs everywhere, and says so.
  Write("a.rules", "# test\nnumber\tdnr\ttext\t\\d+\n");
  std::ostringstream log;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(log);
  TaggerOptions options;
  options.logger = std::make_shared<spdlog::logger>("test", sink);
  Result<Tagger> tagger = Tagger::Load(dir_.string(), options);
  ASSERT_TRUE(tagger) << tagger.error().message;
  EXPECT_NE(log.str().find("a.rules:2: rule \"number\" has no atoms"), std::string::npos)
      << log.str();
  NormalisedText text;
  text.text = "den 3 och 56";
  text.page_starts = {0};
  text.page_ocr = {false};
  const std::vector<Mention> mentions = tagger->Tag(text, {});
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(mentions[1].value, "56");
}

TEST_F(LoaderTest, ReportsMissingListAFormerNeeds) {
  Write("a.rules", "# test\nd\tdate\tdate\tx\n");
  std::filesystem::remove(dir_ / "seasons.list");
  EXPECT_NE(Load().find("seasons.list: missing"), std::string::npos);
}

TEST_F(LoaderTest, ValidatesGazetteerRows) {
  Write("a.rules", "# test\nd\tdate\tdate\tx\n");
  Write("bodies_test.tsv",
        "# test\ncanonical\tkind\tvariants\tacronyms\tcounty\n"
        "Exempelverket\tmyndighet\t\tEXV\t\n"
        "Exempelverket\tmyndighet\t\t\t\n"
        "Konstigt\tplanet\t\t\t\n");
  const std::string message = Load();
  EXPECT_NE(message.find("bodies_test.tsv:4: \"Exempelverket\" is already listed"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("bodies_test.tsv:5: unknown kind \"planet\""), std::string::npos)
      << message;
}

TEST_F(LoaderTest, ProjectDictionariesLoad) {
  Result<Tagger> tagger = Tagger::Load(DIAR_SOURCE_DIR "/dictionaries", {});
  ASSERT_TRUE(tagger) << tagger.error().message;
  const BodyInfo* info = tagger->FindBody("Region Västmanland");
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->kind, "region");
  EXPECT_EQ(info->county, "Västmanlands län");
  EXPECT_EQ(tagger->FindBody("Ingen sådan myndighet"), nullptr);
}

}  // namespace
}  // namespace diar
