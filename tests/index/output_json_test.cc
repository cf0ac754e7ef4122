// A mention as JSON, the one form every output and the stored record share
// (index/output_json.h).
#include "index/output_json.h"

#include <gtest/gtest.h>

namespace diar {
namespace {

Mention OwnedPlan() {
  Mention m;
  m.type = "plan";
  m.text = "Regional utvecklingsstrategi för Västmanland";
  m.value = "Regional utvecklingsstrategi för Västmanland";
  m.start = 120;
  m.end = 164;
  m.page = 3;
  m.rule = "plan.title";
  m.inferred = true;
  m.owner = "Region Västmanland";
  return m;
}

TEST(MentionJson, FieldsComeInOneOrderWithOwnerAndInferredLast) {
  const nlohmann::ordered_json j = MentionJson(OwnedPlan());
  std::vector<std::string> keys;
  for (const auto& [key, value] : j.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"type", "text", "value", "start", "end", "page",
                                            "rule", "inferred", "owner"}));
  EXPECT_EQ(j["start"], 120);
  EXPECT_EQ(j["owner"], "Region Västmanland");
}

TEST(MentionJson, InferredAndOwnerAreLeftOutWhenUnset) {
  Mention m = OwnedPlan();
  m.inferred = false;
  m.owner.clear();
  const nlohmann::ordered_json j = MentionJson(m);
  EXPECT_FALSE(j.contains("inferred"));
  EXPECT_FALSE(j.contains("owner"));
}

TEST(MentionJson, ReadsBackWhatItWrites) {
  const Mention m = OwnedPlan();
  const Mention back = MentionFromJson(nlohmann::json(MentionJson(m)));
  EXPECT_EQ(back.type, m.type);
  EXPECT_EQ(back.text, m.text);
  EXPECT_EQ(back.value, m.value);
  EXPECT_EQ(back.start, m.start);
  EXPECT_EQ(back.end, m.end);
  EXPECT_EQ(back.page, m.page);
  EXPECT_EQ(back.rule, m.rule);
  EXPECT_EQ(back.inferred, m.inferred);
  EXPECT_EQ(back.owner, m.owner);
}

TEST(MentionJson, AMissingFieldThrowsForTheRecordReaderToReport) {
  nlohmann::json j = nlohmann::json(MentionJson(OwnedPlan()));
  j.erase("start");
  EXPECT_THROW(MentionFromJson(j), nlohmann::json::exception);
}

TEST(HitJson, EveryFieldOfAHitWithAllItsPaths) {
  Hit hit;
  hit.rank = 1;
  hit.id = "aeec1fff9808";
  hit.title = "Verksamhetsplan 2021–2023";
  hit.type = "verksamhetsplan";
  hit.date = "2021-02-15";
  hit.issuer = "Region Västmanland";
  hit.county = "Västmanlands län";
  hit.path = "/a/plan.pdf";
  hit.paths = {"/a/plan.pdf", "/b/plan-kopia.pdf"};
  hit.pages = 35;
  const nlohmann::ordered_json j = HitJson(hit);
  std::vector<std::string> keys;
  for (const auto& [key, value] : j.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"rank", "score", "id", "title", "type", "date", "issuer",
                                            "county", "dnr", "topics", "path", "paths", "pages"}));
  EXPECT_EQ(j["paths"].size(), 2u);
  EXPECT_EQ(j["issuer"], "Region Västmanland");
}

TEST(ClassificationJson, ReadsBackWhatItWritesWithItsCues) {
  Classification c;
  c.title = "Protokoll kommunstyrelsen";
  c.type = "protokoll";
  c.issuer = "Ale kommun";
  c.county = "Västra Götalands län";
  c.date = "2018-10-02";
  c.date_source = "text";
  c.dnr = "KS 2018/123";
  c.topics = {"demokrati"};
  c.cues = {{"type", "heading \"Protokoll\""}};
  const Classification back = ClassificationFromJson(nlohmann::json(ClassificationJson(c)));
  EXPECT_EQ(back.title, c.title);
  EXPECT_EQ(back.issuer, c.issuer);
  EXPECT_EQ(back.date_source, c.date_source);
  EXPECT_EQ(back.topics, c.topics);
  ASSERT_EQ(back.cues.size(), 1u);
  EXPECT_EQ(back.cues[0].cue, c.cues[0].cue);
}

// The stored record writes its mentions with AppendMentionJson: the bytes
// must be those nlohmann dumps, for every kind of string.
TEST(MentionJson, AppendedTextIsTheDumpOfTheJson) {
  const std::vector<std::string> strings = {
      "",
      "Dnr 2021/123",
      "Region Västmanland – ÅÄÖ åäö é ü",
      "citat \"inom\" och \\ snedstreck",
      "rad\nny\tflik\r\b\f\x01\x1f",
      "del \x7f tecken",
      "ogiltig \xff byte",
      "avhuggen \xc3",
      "surrogat \xed\xa0\x80 och \xed\x9f\xbf",
      "för lång \xc0\xaf och \xe0\x80\xaf",
      "utanför \xf4\x90\x80\x80 och inom \xf4\x8f\xbf\xbf",
      "fyra byte \xf0\x9f\x98\x80",
      "\xc3\xa5\xc3",
  };
  for (const std::string& s : strings) {
    for (const bool set : {false, true}) {
      Mention m = OwnedPlan();
      m.text = s;
      m.value = s + "x";
      m.rule = s;
      m.inferred = set;
      m.owner = set ? s : "";
      m.page = set ? -1 : 12;
      std::string appended = "[";
      AppendMentionJson(m, appended);
      std::string dumped = "[";
      dumped += MentionJson(m).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
      EXPECT_EQ(appended, dumped) << "string: " << s << ", inferred and owner " << set;
    }
  }
}

TEST(DocumentJson, APathThatIsNotUtf8IsShownEscapedWithItsBytes) {
  StoredDocument d;
  d.id = "0123456789ab";
  d.paths = {"/arkiv/beslut.pdf", "/arkiv/\xff.pdf"};
  const nlohmann::ordered_json j = DocumentJson(d);
  EXPECT_EQ(j["paths"][1], "/arkiv/\\xFF.pdf");
  ASSERT_TRUE(j.contains("path_bytes"));
  EXPECT_EQ(j["path_bytes"][0], "");
}

}  // namespace
}  // namespace diar
