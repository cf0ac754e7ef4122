#include "index/output_json.h"

namespace diar {

nlohmann::ordered_json MentionJson(const Mention& m) {
  nlohmann::ordered_json j = {{"type", m.type},   {"text", m.text}, {"value", m.value},
                              {"start", m.start}, {"end", m.end},   {"page", m.page},
                              {"rule", m.rule}};
  if (m.inferred) j["inferred"] = true;
  if (!m.owner.empty()) j["owner"] = m.owner;
  return j;
}

nlohmann::ordered_json HitJson(const Hit& hit) {
  return {{"rank", hit.rank},     {"score", hit.score},   {"id", hit.id},
          {"title", hit.title},   {"type", hit.type},     {"date", hit.date},
          {"issuer", hit.issuer}, {"county", hit.county}, {"dnr", hit.dnr},
          {"topics", hit.topics}, {"path", hit.path},     {"paths", hit.paths},
          {"pages", hit.pages}};
}

Mention MentionFromJson(const nlohmann::json& j) {
  Mention m;
  m.type = j.at("type").get<std::string>();
  m.text = j.at("text").get<std::string>();
  m.value = j.at("value").get<std::string>();
  m.start = j.at("start").get<std::size_t>();
  m.end = j.at("end").get<std::size_t>();
  m.page = j.at("page").get<int>();
  m.rule = j.value("rule", "");
  m.inferred = j.value("inferred", false);
  m.owner = j.value("owner", "");
  return m;
}

}  // namespace diar
