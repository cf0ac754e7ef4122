// export: the documents a search matches, written out for analysts — every
// mention, counts per value (optionally per year), or one row per document —
// as CSV (plain, or for Excel), JSON Lines, or an SQLite file.
//
//   diar::Result<diar::Searcher> s = diar::Searcher::Open("idx");
//   diar::ExportRequest request{.search = {.query = "cykelplan"}, .format = diar::ExportFormat::kCsv};
//   diar::Result<diar::ExportSummary> done = diar::ExportText(*s, request,
//       [&](std::string_view chunk) { return bool(out.write(chunk.data(), chunk.size())); });
//
// Text formats are streamed: documents are read from the index a page of
// hits at a time and their rows handed to the sink at once, so memory stays
// that of one page of documents whatever the result size (counts excepted:
// they are summed over every matching document before the first row). The
// CLI's `diar export` and the server's /api/export both call this.
//
// CSV follows RFC 4180 (CRLF line ends, fields with the separator, a quote,
// CR or LF quoted, quotes doubled). With `excel`, the file starts with a
// UTF-8 byte-order mark and fields are separated by semicolons: what Excel
// with Swedish regional settings opens as columns with å, ä and ö intact.
// In that flavour a cell that a spreadsheet would run as a formula (one
// starting with =, +, -, @, tab or CR: a document's title or text is
// untrusted) gets a leading ' and is shown as text (OWASP's advice; see
// docs/DECISIONS.md). Plain CSV and JSON Lines keep every value exact.
// Lists inside one field (paths, topics) are joined with " | ".
//
// Errors: kInput for a query the parser rejects; kConfig for an index that
// cannot be read, an SQLite file that cannot be written, or a sink that
// refused a chunk (a full disk, a closed connection: `written` says where it
// stopped). Thread safety: as the Searcher given (one thread at a time).
#ifndef DIAR_INDEX_EXPORT_H_
#define DIAR_INDEX_EXPORT_H_

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>

#include "index/searcher.h"
#include "pipeline/result.h"

namespace diar {

enum class ExportFormat { kCsv, kJsonl };

enum class ExportRecords {
  kMentions,   // one row per mention: its document, type, text, value, offsets, page, rule
  kCounts,     // one row per (type, value): mentions and distinct documents
  kDocuments,  // one row per document: id, paths, title, type, date, issuer, county, dnr, topics
};

struct ExportRequest {
  // The query and filters; limit and offset are ignored (every match).
  SearchRequest search;
  // Mention types to keep ("body", "plan", "date", "period", "dnr"); empty:
  // all. Applies to mentions and counts.
  std::set<std::string> types;
  ExportRecords records = ExportRecords::kMentions;
  // Counts per (type, value, year of the document's date) instead of per
  // (type, value). Documents without a date count under year "".
  bool by_year = false;
  ExportFormat format = ExportFormat::kCsv;
  // CSV for Excel: byte-order mark and ';' separators.
  bool excel = false;
};

struct ExportSummary {
  std::uint64_t documents = 0;  // matching documents read
  std::uint64_t rows = 0;       // rows written, header excluded
  std::uint64_t written = 0;    // bytes accepted by the sink
};

// Receives the output in order; returns false to stop (the export then
// fails with kConfig, naming what it had written).
using ExportSink = std::function<bool(std::string_view chunk)>;

// The mention types an export may select; kConfig error naming the bad one.
Result<std::set<std::string>> ParseMentionTypes(const std::string& comma_separated);

// Writes `request` as CSV or JSON Lines to `sink`.
Result<ExportSummary> ExportText(const Searcher& searcher, const ExportRequest& request, const ExportSink& sink);

// Writes the matching documents, their mentions (filtered by
// request.types) and a mention_counts view into the SQLite file at `path`,
// replacing diar's tables if an earlier export left them there.
Result<ExportSummary> ExportSqlite(const Searcher& searcher, const ExportRequest& request, const std::string& path);

// `cell` as a spreadsheet shows it as text: a ' before a leading =, +, -,
// @, tab or CR, which would otherwise start a formula.
std::string ExcelText(std::string_view cell);

// One CSV field, quoted when it must be (RFC 4180) for separator `sep`.
std::string CsvField(std::string_view field, char sep);

}  // namespace diar

#endif  // DIAR_INDEX_EXPORT_H_
