#include "index/record.h"

#include <ctime>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "index/byte_string.h"
#include "index/output_json.h"
#include "index/schema.h"

namespace diar {
namespace {

using nlohmann::json;

// Paths as shown: bytes that are not UTF-8 escaped (byte_string.h).
std::vector<std::string> EscapedAll(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const std::string& p : paths) out.push_back(Escaped(p));
  return out;
}

std::string NowIso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Paths are file-system bytes. JSON holds UTF-8 only, so "paths" carries
// each path as shown (Escaped) and, when any is not UTF-8, "path_bytes" the
// exact bytes in hex ("" for a path that is UTF-8): nothing is dropped, and
// remove and prune find the real file again.
void PathsToJson(const std::vector<std::string>& paths, nlohmann::ordered_json& j) {
  ShownPaths shown = ShowPaths(paths);
  j["paths"] = std::move(shown.shown);
  if (!shown.bytes.empty()) j["path_bytes"] = std::move(shown.bytes);
}

std::vector<std::string> PathsFromJson(const json& j) {
  std::vector<std::string> paths = j.value("paths", std::vector<std::string>{});
  const std::vector<std::string> bytes = j.value("path_bytes", std::vector<std::string>{});
  for (std::size_t i = 0; i < paths.size() && i < bytes.size(); ++i) {
    if (bytes[i].empty()) continue;
    std::optional<std::string> exact = FromHexBytes(bytes[i]);
    if (!exact) throw std::runtime_error("document record has a damaged path_bytes entry");
    paths[i] = std::move(*exact);
  }
  return paths;
}

StoredDocument RecordFromJson(const json& j) {
  StoredDocument r;
  r.id = j.at("id").get<std::string>();
  r.paths = PathsFromJson(j);
  r.format = j.value("format", "");
  r.bytes = j.value("bytes", std::uint64_t{0});
  r.pages = j.value("pages", 0);
  r.author = j.value("author", "");
  r.created = j.value("created", "");
  r.ingested = j.value("ingested", "");
  r.classification = ClassificationFromJson(j.value("classification", json::object()));
  r.text = j.value("text", "");
  r.page_starts = j.value("page_starts", std::vector<std::size_t>{});
  r.ocr_pages = j.value("ocr_pages", std::vector<int>{});
  for (const json& m : j.value("mentions", json::array())) {
    r.mentions.push_back(MentionFromJson(m));
  }
  return r;
}

}  // namespace

StoredDocument RecordFromProcessed(const ProcessedDocument& document,
                                 const std::string& path) {
  StoredDocument r;
  r.id = document.source.sha256;
  r.paths = {path};
  r.format = document.source.format;
  r.bytes = document.source.bytes;
  r.pages = static_cast<int>(document.source.pages.size());
  r.author = document.source.author;
  r.created = document.source.created;
  r.ingested = NowIso();
  r.classification = document.classification;
  // A title made from a file name carries the name's bytes: shown escaped.
  r.classification.title = Escaped(r.classification.title);
  r.text = document.text.text;
  r.page_starts = document.text.page_starts;
  for (std::size_t i = 0; i < document.text.page_ocr.size(); ++i) {
    if (document.text.page_ocr[i]) r.ocr_pages.push_back(static_cast<int>(i) + 1);
  }
  r.mentions = document.mentions;
  return r;
}

std::string EncodeRecord(const StoredDocument& r) {
  // One JSON object, written in three parts: the fields before the
  // mentions and the paths after them through nlohmann, the mentions
  // straight into the text (AppendMentionJson), so the bytes are those of
  // one dump of the whole object without a JSON value per mention.
  // Texts come out of extraction as UTF-8; should a byte slip through, it
  // becomes U+FFFD rather than failing the whole document.
  constexpr auto kReplace = nlohmann::ordered_json::error_handler_t::replace;
  const nlohmann::ordered_json head = {{"id", r.id},
                                       {"format", r.format},
                                       {"bytes", r.bytes},
                                       {"pages", r.pages},
                                       {"author", r.author},
                                       {"created", r.created},
                                       {"ingested", r.ingested},
                                       {"classification", ClassificationJson(r.classification)},
                                       {"page_starts", r.page_starts},
                                       {"ocr_pages", r.ocr_pages}};
  std::string out = head.dump(-1, ' ', false, kReplace);
  out.pop_back();  // the closing brace
  out += ",\"mentions\":[";
  for (std::size_t i = 0; i < r.mentions.size(); ++i) {
    if (i > 0) out += ',';
    AppendMentionJson(r.mentions[i], out);
  }
  out += "],";
  nlohmann::ordered_json tail = nlohmann::ordered_json::object();
  PathsToJson(r.paths, tail);
  out.append(tail.dump(-1, ' ', false, kReplace), 1);  // after its opening brace
  return out;
}

StoredDocument DecodeRecord(const Xapian::Document& doc) {
  json j = json::parse(doc.get_data(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object() || !j.contains("id")) {
    throw std::runtime_error("document record is not diar JSON");
  }
  try {
    StoredDocument record = RecordFromJson(j);
    if (std::string text = doc.get_value(schema::kSlotText); !text.empty()) record.text = std::move(text);
    return record;
  } catch (const json::exception& e) {
    // A field of the wrong type: the record was damaged or written by
    // something else. Callers report std::runtime_error with the index.
    throw std::runtime_error(std::string("document record is damaged: ") + e.what());
  }
}

void SetRecord(const StoredDocument& record, Xapian::Document& doc) {
  doc.set_data(EncodeRecord(record));
  doc.add_value(schema::kSlotText, record.text);
  const Classification& c = record.classification;
  json hit = {{"id", record.id},
              {"title", c.title},
              {"path", record.paths.empty() ? "" : Escaped(record.paths.front())},
              {"paths", EscapedAll(record.paths)},
              {"pages", record.pages},
              {"page_starts", record.page_starts},
              {"date", c.date},
              {"type", c.type},
              {"issuer", c.issuer},
              {"county", c.county},
              {"dnr", c.dnr},
              {"topics", c.topics}};
  doc.add_value(schema::kSlotHit, hit.dump(-1, ' ', false, json::error_handler_t::replace));
  doc.add_value(schema::kSlotCounts, std::to_string(record.pages) + " " +
                                         std::to_string(record.mentions.size()) + " " +
                                         std::to_string(record.paths.size()));
}

bool DecodeCounts(const std::string& slot, RecordCounts& counts) {
  std::istringstream in(slot);
  return static_cast<bool>(in >> counts.pages >> counts.mentions >> counts.paths);
}

void DecodeHit(const std::string& slot, Hit& hit) {
  json j = json::parse(slot, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) throw std::runtime_error("result-list slot is not diar JSON");
  try {
    hit.id = j.value("id", "");
    hit.title = j.value("title", "");
    hit.path = j.value("path", "");
    hit.pages = j.value("pages", 0);
    hit.date = j.value("date", "");
    hit.type = j.value("type", "");
    hit.paths = j.value("paths", std::vector<std::string>{});
    hit.issuer = j.value("issuer", "");
    hit.county = j.value("county", "");
    hit.dnr = j.value("dnr", "");
    hit.topics = j.value("topics", std::vector<std::string>{});
    hit.page_starts = j.value("page_starts", std::vector<std::size_t>{});
  } catch (const json::exception& e) {
    throw std::runtime_error(std::string("result-list slot is damaged: ") + e.what());
  }
}

std::string PrefixedTerm(std::string_view prefix, const std::string& value) {
  std::size_t limit = schema::kMaxTermBytes - prefix.size();
  std::size_t n = value.size();
  if (n > limit) {
    n = limit;
    // Back up to the start of a UTF-8 character.
    while (n > 0 && (static_cast<unsigned char>(value[n]) & 0xC0) == 0x80) --n;
  }
  std::string term(prefix);
  term.append(value, 0, n);
  return term;
}

std::string PathTerm(const std::string& path) {
  if (schema::kPath.size() + path.size() <= schema::kMaxTermBytes) {
    return std::string(schema::kPath) + path;
  }
  return std::string(schema::kPathHash) + Sha256Hex(path);
}

}  // namespace diar
