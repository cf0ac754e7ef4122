// diar export [QUERY] : tagged mentions of the matching documents for
// analysts — every mention, or counts per value — as CSV, JSON Lines or an
// SQLite file.
#include <sqlite3.h>

#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "cli/context.h"
#include "cli/output.h"
#include "cli/query_options.h"
#include "index/byte_string.h"
#include "index/searcher.h"

namespace diar::cli {
namespace {

struct ExportOptions {
  QueryOptions query;
  std::string types;  // comma-separated mention types; empty: all
  bool counts = false;
  std::string format;
  std::string out;  // file; empty: stdout (not for sqlite)
};

struct Row {
  const StoredDocument* doc;
  const Mention* mention;
};

struct CountKey {
  std::string type, value;
  bool operator<(const CountKey& o) const { return std::tie(type, value) < std::tie(o.type, o.value); }
};
struct CountValue {
  int mentions = 0;
  std::set<std::string> documents;
};

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) line += (i ? "," : "") + CsvField(fields[i]);
  return line + "\r\n";  // RFC 4180
}

std::vector<std::string> MentionFields(const Row& r) {
  const Mention& m = *r.mention;
  const StoredDocument& d = *r.doc;
  return {d.id, d.paths.empty() ? "" : Escaped(d.paths.front()), d.classification.title, d.classification.date,
          m.type, m.text, m.value, std::to_string(m.start), std::to_string(m.end),
          std::to_string(m.page), m.rule, m.inferred ? "true" : "false", m.owner};
}
const std::vector<std::string> kMentionColumns = {"document", "path", "title", "document_date", "type", "text", "value",
                                                  "start", "end", "page", "rule", "inferred", "owner"};

void WriteText(std::ostream& out, const ExportOptions& opts, const std::vector<Row>& rows,
               const std::map<CountKey, CountValue>& counts) {
  if (opts.counts) {
    if (opts.format == "csv") out << CsvLine({"type", "value", "mentions", "documents"});
    for (const auto& [key, c] : counts) {
      if (opts.format == "csv") {
        out << CsvLine({key.type, key.value, std::to_string(c.mentions), std::to_string(c.documents.size())});
      } else {
        nlohmann::ordered_json j = {{"type", key.type}, {"value", key.value},
                                    {"mentions", c.mentions}, {"documents", c.documents.size()}};
        out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      }
    }
    return;
  }
  if (opts.format == "csv") out << CsvLine(kMentionColumns);
  for (const Row& r : rows) {
    if (opts.format == "csv") {
      out << CsvLine(MentionFields(r));
    } else {
      nlohmann::ordered_json j;
      j["document"] = r.doc->id;
      j["path"] = r.doc->paths.empty() ? "" : Escaped(r.doc->paths.front());
      j["title"] = r.doc->classification.title;
      j["document_date"] = r.doc->classification.date;
      const nlohmann::ordered_json mention = MentionJson(*r.mention);
      for (auto& [k, v] : mention.items()) j[k] = v;
      out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
  }
}

// Writes documents, mentions and a mention_counts view into `path`,
// replacing diar's tables if the file has them from an earlier export.
Result<bool> WriteSqlite(const std::string& path, const std::vector<StoredDocument>& docs,
                         const std::vector<Row>& rows) {
  sqlite3* raw = nullptr;
  if (sqlite3_open(path.c_str(), &raw) != SQLITE_OK) {
    std::string msg = raw ? sqlite3_errmsg(raw) : "out of memory";
    sqlite3_close(raw);
    return InputError(path + ": cannot open SQLite file: " + msg);
  }
  std::unique_ptr<sqlite3, decltype(&sqlite3_close)> db(raw, sqlite3_close);
  auto exec = [&](const char* sql) -> Result<bool> {
    char* err = nullptr;
    if (sqlite3_exec(db.get(), sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      return InputError(path + ": SQLite: " + msg + "; is it an SQLite file diar may overwrite?");
    }
    return true;
  };
  for (const char* sql : {
           "BEGIN",
           "DROP VIEW IF EXISTS mention_counts", "DROP TABLE IF EXISTS mentions", "DROP TABLE IF EXISTS documents",
           "CREATE TABLE documents (id TEXT PRIMARY KEY, path TEXT, title TEXT, type TEXT, date TEXT, "
           "issuer TEXT, county TEXT, dnr TEXT, pages INTEGER)",
           "CREATE TABLE mentions (document TEXT NOT NULL REFERENCES documents(id), type TEXT, text TEXT, "
           "value TEXT, start INTEGER, \"end\" INTEGER, page INTEGER, rule TEXT, inferred INTEGER, owner TEXT)",
           "CREATE INDEX mentions_type_value ON mentions(type, value)",
           "CREATE VIEW mention_counts AS SELECT type, value, COUNT(*) AS mentions, "
           "COUNT(DISTINCT document) AS documents FROM mentions GROUP BY type, value"}) {
    if (auto r = exec(sql); !r) return r;
  }
  auto prepare = [&](const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db.get(), sql, -1, &stmt, nullptr);
    return std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>(stmt, sqlite3_finalize);
  };
  auto doc_stmt = prepare("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?)");
  auto mention_stmt = prepare("INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?,?,?)");
  if (!doc_stmt || !mention_stmt) {
    return InputError(path + ": SQLite: " + sqlite3_errmsg(db.get()));
  }
  // Every step is checked: a full disk shows up here or at COMMIT, and an
  // export that lost rows must not look finished.
  auto step = [&](sqlite3_stmt* s) -> Result<bool> {
    if (sqlite3_step(s) != SQLITE_DONE) {
      return InputError(path + ": SQLite insert failed: " + sqlite3_errmsg(db.get()) +
                        "; check free disk space");
    }
    sqlite3_reset(s);
    return true;
  };
  auto text = [](sqlite3_stmt* s, int i, const std::string& v) {
    sqlite3_bind_text(s, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  };
  for (const StoredDocument& d : docs) {
    sqlite3_stmt* s = doc_stmt.get();
    const Classification& c = d.classification;
    text(s, 1, d.id);
    text(s, 2, d.paths.empty() ? "" : Escaped(d.paths.front()));
    text(s, 3, c.title);
    text(s, 4, c.type);
    text(s, 5, c.date);
    text(s, 6, c.issuer);
    text(s, 7, c.county);
    text(s, 8, c.dnr);
    sqlite3_bind_int(s, 9, d.pages);
    if (auto r = step(s); !r) return r;
  }
  for (const Row& r : rows) {
    sqlite3_stmt* s = mention_stmt.get();
    const Mention& m = *r.mention;
    text(s, 1, r.doc->id);
    text(s, 2, m.type);
    text(s, 3, m.text);
    text(s, 4, m.value);
    sqlite3_bind_int64(s, 5, static_cast<sqlite3_int64>(m.start));
    sqlite3_bind_int64(s, 6, static_cast<sqlite3_int64>(m.end));
    sqlite3_bind_int(s, 7, m.page);
    text(s, 8, m.rule);
    sqlite3_bind_int(s, 9, m.inferred ? 1 : 0);
    text(s, 10, m.owner);
    if (auto r = step(s); !r) return r;
  }
  return exec("COMMIT");
}

void RunExport(Context& ctx, const ExportOptions& opts) {
  ctx.Resolve();
  if (opts.format == "sqlite" && opts.out.empty()) {
    return ctx.Fail(ConfigError("--format sqlite needs --out FILE"));
  }
  std::set<std::string> types;
  for (std::stringstream list(opts.types); list.good();) {
    std::string t;
    std::getline(list, t, ',');
    if (t.empty()) continue;
    if (t != "body" && t != "plan" && t != "date" && t != "period" && t != "dnr") {
      return ctx.Fail(ConfigError("--type " + t + ": unknown mention type; use body, plan, date, period, dnr"));
    }
    types.insert(t);
  }
  Result<SearchRequest> made = MakeRequest(opts.query);
  if (!made) return ctx.Fail(made.error());
  SearchRequest request = std::move(made).value();
  Result<Searcher> searcher = ctx.OpenSearcher();
  if (!searcher) return ctx.Fail(searcher.error());

  // Every matching document, in relevance order, read back whole.
  std::vector<StoredDocument> docs;
  for (request.offset = 0;; request.offset += request.limit) {
    request.limit = 500;
    Result<SearchResult> page = searcher->Search(request);
    if (!page) return ctx.Fail(ConfigError(page.error().message));
    for (const Hit& hit : page->hits) {
      Result<StoredDocument> doc = searcher->Get(hit.id);
      if (!doc) return ctx.Fail(doc.error());
      docs.push_back(std::move(doc).value());
    }
    if (static_cast<int>(page->hits.size()) < request.limit) break;
  }
  std::vector<Row> rows;
  std::map<CountKey, CountValue> counts;
  for (const StoredDocument& d : docs) {
    for (const Mention& m : d.mentions) {
      if (!types.empty() && !types.count(m.type)) continue;
      rows.push_back({&d, &m});
      CountValue& c = counts[{m.type, m.value}];
      ++c.mentions;
      c.documents.insert(d.id);
    }
  }
  if (opts.format == "sqlite") {
    if (Result<bool> r = WriteSqlite(opts.out, docs, rows); !r) {
      return ctx.Fail(ConfigError(r.error().message));
    }
  } else if (opts.out.empty()) {
    WriteText(std::cout, opts, rows, counts);
    if (!std::cout.flush()) {
      std::cout.clear();  // reported here, with what it means for the export
      return ctx.Fail(ConfigError("export: cannot write to standard output (disk full, or the "
                                  "reader went away); the export is incomplete"));
    }
  } else {
    std::ofstream out(opts.out, std::ios::binary);
    if (!out) return ctx.Fail(ConfigError(opts.out + ": cannot write; check the folder and permissions"));
    WriteText(out, opts, rows, counts);
    // A full disk shows only when the buffer goes out: check after close.
    out.close();
    if (!out) {
      return ctx.Fail(ConfigError(opts.out + ": write failed (disk full?); the export is "
                                              "incomplete: free space and run it again"));
    }
  }
  ctx.log->info("exported {} mentions ({} distinct values) from {} documents", rows.size(), counts.size(),
                docs.size());
}

}  // namespace

void RegisterExport(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<ExportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "export", "Export the mentions of matching documents (all documents without a query)");
  AddQueryOptions(cmd, opts->query);
  cmd->add_option("--type", opts->types, "Mention types to export, comma-separated (body,plan,date,period,dnr)");
  cmd->add_flag("--counts", opts->counts, "Counts per type and value instead of every mention");
  cmd->add_option("--format", opts->format, "csv, jsonl or sqlite")
      ->required()->check(CLI::IsMember({"csv", "jsonl", "sqlite"}));
  cmd->add_option("--out", opts->out, "Output file (default stdout; required for sqlite)");
  cmd->callback([&ctx, opts] { RunExport(ctx, *opts); });
}

}  // namespace diar::cli
