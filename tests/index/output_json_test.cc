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

}  // namespace
}  // namespace diar
