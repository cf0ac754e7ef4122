#include "index/output_json.h"

#include <unicode/utf8.h>

#include <string>
#include <type_traits>

#include "index/byte_string.h"

namespace diar {

namespace {

// A mention's fields in output order, `inferred` and `owner` only when set:
// the one list both writers below follow, so their JSON cannot drift apart.
template <typename Field>
void MentionFields(const Mention& m, Field&& field) {
  field("type", m.type);
  field("text", m.text);
  field("value", m.value);
  field("start", m.start);
  field("end", m.end);
  field("page", m.page);
  field("rule", m.rule);
  if (m.inferred) field("inferred", true);
  if (!m.owner.empty()) field("owner", m.owner);
}

// `s` as a JSON string, as nlohmann's dump writes it (no ensure_ascii,
// invalid UTF-8 replaced). A string of well-formed UTF-8 without control
// characters, quotes or backslashes, which mentions nearly always are, is
// written as it is; any other goes through nlohmann.
void AppendJsonString(const std::string& s, std::string& out) {
  bool plain = true;
  for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n && plain;) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      plain = b >= 0x20 && b != '"' && b != '\\';
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    plain = c >= 0;
  }
  if (!plain) {
    out += nlohmann::ordered_json(s).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    return;
  }
  out += '"';
  out += s;
  out += '"';
}

}  // namespace

nlohmann::ordered_json MentionJson(const Mention& m) {
  // Filled field by field: an initializer list builds every pair as a JSON
  // array first and copies it into the object, half the cost of storing a
  // long plan's thousands of mentions.
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  auto& fields = j.get_ref<nlohmann::ordered_json::object_t&>();
  fields.reserve(9);
  MentionFields(m, [&fields](const char* name, const auto& value) { fields.emplace(name, value); });
  return j;
}

void AppendMentionJson(const Mention& m, std::string& out) {
  char separator = '{';
  MentionFields(m, [&](const char* name, const auto& value) {
    out += separator;
    separator = ',';
    out += '"';
    out += name;
    out += "\":";
    using Value = std::decay_t<decltype(value)>;
    if constexpr (std::is_same_v<Value, std::string>) {
      AppendJsonString(value, out);
    } else if constexpr (std::is_same_v<Value, bool>) {
      out += value ? "true" : "false";
    } else {
      out += std::to_string(value);
    }
  });
  out += '}';
}

nlohmann::ordered_json HitJson(const Hit& hit) {
  return {{"rank", hit.rank},     {"score", hit.score},   {"id", hit.id},
          {"title", hit.title},   {"type", hit.type},     {"date", hit.date},
          {"issuer", hit.issuer}, {"county", hit.county}, {"dnr", hit.dnr},
          {"topics", hit.topics}, {"path", hit.path},     {"paths", hit.paths},
          {"pages", hit.pages}};
}

nlohmann::ordered_json ClassificationJson(const Classification& c) {
  nlohmann::ordered_json cues = nlohmann::ordered_json::array();
  for (const Cue& cue : c.cues) cues.push_back({{"field", cue.field}, {"cue", cue.cue}});
  return {{"title", c.title},
          {"type", c.type},
          {"issuer", c.issuer},
          {"county", c.county},
          {"date", c.date},
          {"date_source", c.date_source},
          {"metadata_date", c.metadata_date},
          {"dnr", c.dnr},
          {"topics", c.topics},
          {"cues", cues}};
}

Classification ClassificationFromJson(const nlohmann::json& j) {
  Classification c;
  c.title = j.value("title", "");
  c.type = j.value("type", "");
  c.issuer = j.value("issuer", "");
  c.county = j.value("county", "");
  c.date = j.value("date", "");
  c.date_source = j.value("date_source", "");
  c.metadata_date = j.value("metadata_date", "");
  c.dnr = j.value("dnr", "");
  c.topics = j.value("topics", std::vector<std::string>{});
  for (const nlohmann::json& cue : j.value("cues", nlohmann::json::array())) {
    c.cues.push_back({cue.value("field", ""), cue.value("cue", "")});
  }
  return c;
}

nlohmann::ordered_json DocumentJson(const StoredDocument& d) {
  nlohmann::ordered_json mentions = nlohmann::ordered_json::array();
  for (const Mention& m : d.mentions) mentions.push_back(MentionJson(m));
  // Paths as every output shows them; the exact bytes when some is not UTF-8.
  const ShownPaths paths = ShowPaths(d.paths);
  nlohmann::ordered_json j = {{"id", d.id}, {"paths", paths.shown}};
  if (!paths.bytes.empty()) j["path_bytes"] = paths.bytes;
  j["format"] = d.format;
  j["bytes"] = d.bytes;
  j["pages"] = d.pages;
  j["ocr_pages"] = d.ocr_pages;
  j["author"] = d.author;
  j["created"] = d.created;
  j["ingested"] = d.ingested;
  j["classification"] = ClassificationJson(d.classification);
  j["mentions"] = mentions;
  j["page_starts"] = d.page_starts;
  j["text"] = d.text;
  return j;
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
