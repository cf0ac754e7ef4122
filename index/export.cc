#include "index/export.h"

#include <sqlite3.h>

#include <map>
#include <memory>
#include <sstream>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "index/byte_string.h"
#include "index/output_json.h"

namespace diar {
namespace {

// Hits read per search call: a page of whole records held at once.
constexpr int kPageSize = 200;

// Calls `fn` with every document `search` matches, in result order, until
// it returns false. kConfig when a sink refused (fn's false) is the caller's.
Result<std::uint64_t> ForEachMatch(const Searcher& searcher, SearchRequest search,
                                   const std::function<bool(const StoredDocument&)>& fn) {
  search.facets = false;
  search.limit = kPageSize;
  // An export is of the query as given, never of a correction of it.
  search.search_correction = false;
  std::uint64_t seen = 0;
  for (search.offset = 0;; search.offset += kPageSize) {
    Result<SearchResult> page = searcher.Search(search);
    if (!page) return page.error();
    for (const Hit& hit : page->hits) {
      Result<StoredDocument> doc = searcher.Get(hit.id);
      if (!doc) return ConfigError("index: document " + hit.id + " matched but cannot be read: " + doc.error().message);
      ++seen;
      if (!fn(*doc)) return seen;
    }
    if (static_cast<int>(page->hits.size()) < kPageSize) return seen;
  }
}

std::string Joined(const std::vector<std::string>& list) {
  std::string out;
  for (const std::string& s : list) out += (out.empty() ? "" : " | ") + s;
  return out;
}

// The first path as shown (bytes that are not UTF-8 escaped, as in every
// other output), and its exact bytes when they differ from that.
std::string FirstPath(const StoredDocument& d) { return d.paths.empty() ? "" : Escaped(d.paths.front()); }
bool FirstPathIsUtf8(const StoredDocument& d) { return d.paths.empty() || IsUtf8(d.paths.front()); }

std::string Dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// Writes rows in the request's format; remembers whether the sink failed.
class RowWriter {
 public:
  RowWriter(const ExportRequest& request, const ExportSink& sink) : request_(request), sink_(sink) {}

  void Start(const std::vector<std::string>& columns) {
    columns_ = columns;
    if (request_.format != ExportFormat::kCsv) return;
    if (request_.excel) Put("\xEF\xBB\xBF");
    PutCsv(columns);
  }

  // `values` are strings for CSV; `json` is the same row for JSON Lines.
  void Row(const std::vector<std::string>& values, const nlohmann::ordered_json& json) {
    ++summary_.rows;
    if (request_.format == ExportFormat::kCsv) {
      PutCsv(values);
    } else {
      Put(Dump(json));
    }
  }

  bool ok() const { return ok_; }
  ExportSummary& summary() { return summary_; }

 private:
  void PutCsv(const std::vector<std::string>& values) {
    const char sep = request_.excel ? ';' : ',';
    std::string line;
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i) line += sep;
      line += CsvField(request_.excel ? ExcelText(values[i]) : values[i], sep);
    }
    Put(line + "\r\n");
  }

  void Put(std::string_view chunk) {
    if (!ok_) return;
    ok_ = sink_(chunk);
    if (ok_) summary_.written += chunk.size();
  }

  const ExportRequest& request_;
  const ExportSink& sink_;
  std::vector<std::string> columns_;
  ExportSummary summary_;
  bool ok_ = true;
};

void MentionRows(RowWriter& w, const ExportRequest& request, const StoredDocument& d) {
  for (const Mention& m : d.mentions) {
    if (!request.types.empty() && !request.types.count(m.type)) continue;
    nlohmann::ordered_json j = {{"document", d.id}, {"path", FirstPath(d)}};
    if (!FirstPathIsUtf8(d)) j["path_bytes"] = HexBytes(d.paths.front());
    j["title"] = d.classification.title;
    j["document_date"] = d.classification.date;
    j.update(MentionJson(m));
    // Where the document's date comes from (issue 15): "metadata" means the
    // text has none and metadata_date is the PDF's, not the document's.
    j["document_date_source"] = d.classification.date_source;
    j["metadata_date"] = d.classification.metadata_date;
    w.Row({d.id, FirstPath(d), d.classification.title, d.classification.date, m.type, m.text, m.value,
           std::to_string(m.start), std::to_string(m.end), std::to_string(m.page), m.rule,
           m.inferred ? "true" : "false", m.owner, d.classification.date_source,
           d.classification.metadata_date},
          j);
  }
}
const std::vector<std::string> kMentionColumns = {"document", "path", "title", "document_date", "type", "text",
                                                  "value", "start", "end", "page", "rule", "inferred", "owner",
                                                  "document_date_source", "metadata_date"};

void DocumentRow(RowWriter& w, const StoredDocument& d) {
  const Classification& c = d.classification;
  const ShownPaths paths = ShowPaths(d.paths);
  nlohmann::ordered_json j = {{"id", d.id}, {"paths", paths.shown}};
  if (!paths.bytes.empty()) j["path_bytes"] = paths.bytes;
  j.update(nlohmann::ordered_json{{"title", c.title}, {"type", c.type}, {"date", c.date}, {"issuer", c.issuer},
                                  {"county", c.county}, {"dnr", c.dnr}, {"topics", c.topics}});
  w.Row({d.id, Joined(paths.shown), c.title, c.type, c.date, c.issuer, c.county, c.dnr, Joined(c.topics)}, j);
}
const std::vector<std::string> kDocumentColumns = {"id", "paths", "title", "type", "date",
                                                   "issuer", "county", "dnr", "topics"};

struct CountKey {
  std::string type, value, year;
  bool operator<(const CountKey& o) const {
    return std::tie(type, value, year) < std::tie(o.type, o.value, o.year);
  }
};
struct CountValue {
  std::uint64_t mentions = 0;
  std::set<std::string> documents;
};

}  // namespace

std::string ExcelText(std::string_view cell) {
  if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos) {
    return "'" + std::string(cell);
  }
  return std::string(cell);
}

std::string CsvField(std::string_view field, char sep) {
  if (field.find_first_of(std::string{sep, '"', '\n', '\r'}) == std::string_view::npos) return std::string(field);
  std::string q = "\"";
  for (char c : field) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

Result<std::set<std::string>> ParseMentionTypes(const std::string& comma_separated) {
  std::set<std::string> types;
  std::stringstream list(comma_separated);
  for (std::string t; std::getline(list, t, ',');) {
    if (t.empty()) continue;
    if (t != "body" && t != "plan" && t != "date" && t != "period" && t != "dnr") {
      return ConfigError("type " + t + ": unknown mention type; use body, plan, date, period, dnr");
    }
    types.insert(t);
  }
  return types;
}

Result<ExportSummary> ExportText(const Searcher& searcher, const ExportRequest& request, const ExportSink& sink) {
  RowWriter w(request, sink);
  std::map<CountKey, CountValue> counts;
  switch (request.records) {
    case ExportRecords::kMentions: w.Start(kMentionColumns); break;
    case ExportRecords::kDocuments: w.Start(kDocumentColumns); break;
    case ExportRecords::kCounts: break;  // the header waits for the sums
  }
  Result<std::uint64_t> seen = ForEachMatch(searcher, request.search, [&](const StoredDocument& d) {
    switch (request.records) {
      case ExportRecords::kMentions: MentionRows(w, request, d); break;
      case ExportRecords::kDocuments: DocumentRow(w, d); break;
      case ExportRecords::kCounts:
        for (const Mention& m : d.mentions) {
          if (!request.types.empty() && !request.types.count(m.type)) continue;
          const std::string year = request.by_year ? d.classification.date.substr(0, 4) : "";
          CountValue& c = counts[{m.type, m.value, year}];
          ++c.mentions;
          c.documents.insert(d.id);
        }
        break;
    }
    return w.ok();
  });
  if (!seen) return seen.error();
  if (request.records == ExportRecords::kCounts) {
    std::vector<std::string> columns = {"type", "value"};
    if (request.by_year) columns.push_back("year");
    columns.insert(columns.end(), {"mentions", "documents"});
    w.Start(columns);
    for (const auto& [key, c] : counts) {
      nlohmann::ordered_json j = {{"type", key.type}, {"value", key.value}};
      std::vector<std::string> values = {key.type, key.value};
      if (request.by_year) {
        j["year"] = key.year;
        values.push_back(key.year);
      }
      j["mentions"] = c.mentions;
      j["documents"] = c.documents.size();
      values.insert(values.end(), {std::to_string(c.mentions), std::to_string(c.documents.size())});
      w.Row(values, j);
      if (!w.ok()) break;
    }
  }
  if (!w.ok()) {
    return ConfigError("export stopped after " + std::to_string(w.summary().written) +
                       " bytes: the output refused more (disk full, or the reader went away)");
  }
  w.summary().documents = *seen;
  return w.summary();
}

Result<ExportSummary> ExportSqlite(const Searcher& searcher, const ExportRequest& request, const std::string& path) {
  sqlite3* raw = nullptr;
  if (sqlite3_open(path.c_str(), &raw) != SQLITE_OK) {
    std::string msg = raw ? sqlite3_errmsg(raw) : "out of memory";
    sqlite3_close(raw);
    return ConfigError(path + ": cannot open SQLite file: " + msg + "; check the folder and permissions");
  }
  std::unique_ptr<sqlite3, decltype(&sqlite3_close)> db(raw, sqlite3_close);
  auto fail = [&](const std::string& what) -> Error {
    return ConfigError(path + ": SQLite: " + what + ": " + sqlite3_errmsg(db.get()) +
                       "; is it an SQLite file diar may overwrite, on a disk with room?");
  };
  for (const char* sql : {
           "BEGIN",
           "DROP VIEW IF EXISTS mention_counts", "DROP TABLE IF EXISTS mentions", "DROP TABLE IF EXISTS documents",
           // path as shown; path_bytes its exact bytes when it is not UTF-8 (else NULL).
           "CREATE TABLE documents (id TEXT PRIMARY KEY, path TEXT, title TEXT, type TEXT, date TEXT, "
           "issuer TEXT, county TEXT, dnr TEXT, pages INTEGER, date_source TEXT, metadata_date TEXT, "
           "path_bytes BLOB)",
           "CREATE TABLE mentions (document TEXT NOT NULL REFERENCES documents(id), type TEXT, text TEXT, "
           "value TEXT, start INTEGER, \"end\" INTEGER, page INTEGER, rule TEXT, inferred INTEGER, owner TEXT)",
           "CREATE INDEX mentions_type_value ON mentions(type, value)",
           "CREATE VIEW mention_counts AS SELECT type, value, COUNT(*) AS mentions, "
           "COUNT(DISTINCT document) AS documents FROM mentions GROUP BY type, value"}) {
    if (sqlite3_exec(db.get(), sql, nullptr, nullptr, nullptr) != SQLITE_OK) return fail(sql);
  }
  using Statement = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;
  auto prepare = [&](const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db.get(), sql, -1, &stmt, nullptr);
    return Statement(stmt, sqlite3_finalize);
  };
  Statement doc_stmt = prepare("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
  Statement mention_stmt = prepare("INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?,?,?)");
  if (!doc_stmt || !mention_stmt) return fail("prepare");
  auto text = [](sqlite3_stmt* s, int i, const std::string& v) {
    sqlite3_bind_text(s, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  };
  ExportSummary summary;
  std::string failed;
  Result<std::uint64_t> seen = ForEachMatch(searcher, request.search, [&](const StoredDocument& d) {
    sqlite3_stmt* s = doc_stmt.get();
    const Classification& c = d.classification;
    text(s, 1, d.id);
    text(s, 2, FirstPath(d));
    text(s, 3, c.title);
    text(s, 4, c.type);
    text(s, 5, c.date);
    text(s, 6, c.issuer);
    text(s, 7, c.county);
    text(s, 8, c.dnr);
    sqlite3_bind_int(s, 9, d.pages);
    text(s, 10, c.date_source);
    text(s, 11, c.metadata_date);
    if (FirstPathIsUtf8(d)) {
      sqlite3_bind_null(s, 12);
    } else {
      const std::string& bytes = d.paths.front();
      sqlite3_bind_blob(s, 12, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
    }
    const int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) return failed = "insert document " + d.id, false;
    for (const Mention& m : d.mentions) {
      if (!request.types.empty() && !request.types.count(m.type)) continue;
      s = mention_stmt.get();
      text(s, 1, d.id);
      text(s, 2, m.type);
      text(s, 3, m.text);
      text(s, 4, m.value);
      sqlite3_bind_int64(s, 5, static_cast<sqlite3_int64>(m.start));
      sqlite3_bind_int64(s, 6, static_cast<sqlite3_int64>(m.end));
      sqlite3_bind_int(s, 7, m.page);
      text(s, 8, m.rule);
      sqlite3_bind_int(s, 9, m.inferred ? 1 : 0);
      text(s, 10, m.owner);
      const int mrc = sqlite3_step(s);
      sqlite3_reset(s);
      if (mrc != SQLITE_DONE) return failed = "insert mention of " + d.id, false;
      ++summary.rows;
    }
    return true;
  });
  if (!seen) return seen.error();
  if (!failed.empty()) return fail(failed);
  if (sqlite3_exec(db.get(), "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) return fail("COMMIT");
  summary.documents = *seen;
  return summary;
}

}  // namespace diar
