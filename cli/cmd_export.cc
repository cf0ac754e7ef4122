// diar export [QUERY] : tagged mentions of the matching documents for
// analysts — every mention, counts per value (and year), or one row per
// document — as CSV (optionally for Excel), JSON Lines or an SQLite file.
// The writing is index/export.h's; this file parses and checks the flags.
#include <fstream>
#include <iostream>

#include "cli/context.h"
#include "cli/query_options.h"
#include "index/export.h"
#include "index/searcher.h"

namespace diar::cli {
namespace {

struct ExportOptions {
  QueryOptions query;
  std::string types;  // comma-separated mention types; empty: all
  bool counts = false;
  std::string by;  // "year" with --counts
  bool documents = false;
  bool excel = false;
  std::string format;
  std::string out;  // file; empty: stdout (not for sqlite)
};

// The library request for `opts`, or the usage error in the flags.
Result<ExportRequest> MakeExportRequest(const ExportOptions& opts) {
  if (opts.format == "sqlite" && opts.out.empty()) return ConfigError("--format sqlite needs --out FILE");
  if (opts.excel && opts.format != "csv") return ConfigError("--excel writes CSV; use it with --format csv");
  if (opts.counts && opts.documents) return ConfigError("--counts and --documents are different tables; pick one");
  if (!opts.by.empty() && !opts.counts) return ConfigError("--by year goes with --counts");
  if (opts.format == "sqlite" && (opts.counts || opts.documents)) {
    return ConfigError("--format sqlite always writes the documents and mentions tables and a mention_counts "
                       "view; drop --counts/--documents");
  }
  ExportRequest request;
  Result<std::set<std::string>> types = ParseMentionTypes(opts.types);
  if (!types) return ConfigError("--" + types.error().message);
  request.types = std::move(types).value();
  Result<SearchRequest> search = MakeRequest(opts.query);
  if (!search) return search.error();
  request.search = std::move(search).value();
  request.records = opts.counts ? ExportRecords::kCounts
                    : opts.documents ? ExportRecords::kDocuments
                                     : ExportRecords::kMentions;
  request.by_year = opts.by == "year";
  request.format = opts.format == "jsonl" ? ExportFormat::kJsonl : ExportFormat::kCsv;
  request.excel = opts.excel;
  return request;
}

void RunExport(Context& ctx, const ExportOptions& opts) {
  ctx.Resolve();
  Result<ExportRequest> request = MakeExportRequest(opts);
  if (!request) return ctx.Fail(request.error());
  Result<Searcher> searcher = ctx.OpenSearcher();
  if (!searcher) return ctx.Fail(searcher.error());
  Result<ExportSummary> done = ConfigError("");
  if (opts.format == "sqlite") {
    done = ExportSqlite(*searcher, *request, opts.out);
  } else {
    std::ofstream file;
    if (!opts.out.empty()) {
      file.open(opts.out, std::ios::binary);
      if (!file) return ctx.Fail(ConfigError(opts.out + ": cannot write; check the folder and permissions"));
    }
    std::ostream& out = opts.out.empty() ? std::cout : file;
    done = ExportText(*searcher, *request, [&out](std::string_view chunk) {
      return static_cast<bool>(out.write(chunk.data(), static_cast<std::streamsize>(chunk.size())));
    });
    if (done && !out.flush()) {
      done = ConfigError((opts.out.empty() ? "stdout" : opts.out) + ": write failed; check the disk has room");
    }
  }
  // A query the user can fix is a usage error, not a failed input.
  if (!done) return ctx.Fail(ConfigError(done.error().message));
  ctx.log->info("exported {} rows from {} documents", done->rows, done->documents);
}

}  // namespace

void RegisterExport(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<ExportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "export", "Export the mentions of matching documents (all documents without a query)");
  AddQueryOptions(cmd, opts->query);
  cmd->add_option("--type", opts->types, "Mention types to export, comma-separated (body,plan,date,period,dnr)");
  cmd->add_flag("--counts", opts->counts, "Counts per type and value instead of every mention");
  cmd->add_option("--by", opts->by, "With --counts: also per year of the document's date")
      ->check(CLI::IsMember({"year"}));
  cmd->add_flag("--documents", opts->documents,
                "One row per document (id, paths, title, type, date, issuer, county, dnr, topics)");
  cmd->add_flag("--excel", opts->excel, "CSV for Excel: UTF-8 byte-order mark and ';' between fields");
  cmd->add_option("--format", opts->format, "csv, jsonl or sqlite")
      ->required()->check(CLI::IsMember({"csv", "jsonl", "sqlite"}));
  cmd->add_option("--out", opts->out, "Output file (default stdout; required for sqlite)");
  cmd->callback([&ctx, opts] { RunExport(ctx, *opts); });
}

}  // namespace diar::cli
