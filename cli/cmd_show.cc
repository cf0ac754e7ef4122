// diar show DOC : one stored document — metadata, classification with its
// cues, mentions grouped by type with pages, and the text with mentions marked.
#include <iostream>
#include <map>
#include <set>

#include "cli/context.h"
#include "cli/output.h"
#include "index/byte_string.h"
#include "index/searcher.h"

namespace diar::cli {
namespace {

struct ShowOptions {
  std::string doc;
  std::string format = "text";
};

void PrintText(const StoredDocument& d) {
  const Classification& c = d.classification;
  std::cout << c.title << "\n\n";
  std::cout << "id:        " << d.id << "\n";
  for (const std::string& path : d.paths) std::cout << "path:      " << EscapedLine(path) << "\n";
  std::cout << "format:    " << d.format << ", " << d.pages << (d.pages == 1 ? " page, " : " pages, ")
            << d.bytes << " bytes\n";
  if (!d.ocr_pages.empty()) {
    std::cout << "ocr pages:";
    for (int p : d.ocr_pages) std::cout << " " << p;
    std::cout << "\n";
  }
  std::cout << "ingested:  " << d.ingested << "\n\n";
  std::cout << "type:      " << (c.type.empty() ? "(no clear type)" : c.type) << "\n";
  std::cout << "issuer:    " << c.issuer << "\n";
  std::cout << "county:    " << c.county << "\n";
  std::cout << "date:      " << c.date << "\n";
  // A PDF's CreationDate is when the file was written: shown as that, never
  // as the document's date.
  if (c.date_source == "metadata") {
    std::cout << "           (none in the text; PDF metadata date " << c.metadata_date << ")\n";
  }
  std::cout << "dnr:       " << c.dnr << "\n";
  std::cout << "topics:   ";
  for (const std::string& t : c.topics) std::cout << " " << t;
  std::cout << "\n";
  if (!c.cues.empty()) {
    std::cout << "\nwhy:\n";
    for (const Cue& cue : c.cues) std::cout << "  " << cue.field << ": " << cue.cue << "\n";
  }
  // type -> value -> pages
  std::map<std::string, std::map<std::string, std::set<int>>> grouped;
  for (const Mention& m : d.mentions) grouped[m.type][m.value].insert(m.page);
  if (!grouped.empty()) std::cout << "\nmentions:\n";
  for (const auto& [type, values] : grouped) {
    std::cout << "  " << type << ":\n";
    for (const auto& [value, pages] : values) {
      std::cout << "    " << value << "  (p.";
      const char* sep = " ";
      for (int p : pages) std::cout << sep << p, sep = ", ";
      std::cout << ")\n";
    }
  }
  std::cout << "\ntext:\n" << MarkMentions(d.text, d.mentions) << "\n";
}

void PrintJson(const StoredDocument& d) {
  std::cout << DocumentJson(d).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

void RunShow(Context& ctx, const ShowOptions& opts) {
  ctx.Resolve();
  Result<Searcher> searcher = ctx.OpenSearcher();
  if (!searcher) return ctx.Fail(searcher.error());
  Result<StoredDocument> doc = searcher->Get(opts.doc);
  if (!doc) return ctx.Fail(doc.error());
  if (opts.format == "json") {
    PrintJson(*doc);
  } else {
    PrintText(*doc);
  }
}

}  // namespace

void RegisterShow(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<ShowOptions>();
  CLI::App* cmd = app.add_subcommand("show", "Show an indexed document with its classification and mentions");
  cmd->add_option("DOC", opts->doc, "Document id (8+ hex digits) or source path")->required();
  cmd->add_option("--format", opts->format, "text or json")
      ->capture_default_str()->check(CLI::IsMember({"text", "json"}));
  cmd->callback([&ctx, opts] { RunShow(ctx, *opts); });
}

}  // namespace diar::cli
