// diar extract FILE : the normalised text of one file, no index involved.
#include <iostream>

#include "cli/context.h"
#include "index/byte_string.h"
#include "cli/output.h"
#include "pipeline/normalise/normalise.h"

namespace diar::cli {
namespace {

struct ExtractCmdOptions {
  std::string file;
  std::string format = "text";
  std::string ocr = "auto";
};

void RunExtract(Context& ctx, const ExtractCmdOptions& opts) {
  ctx.Resolve();
  const std::optional<Pipeline> pipeline = ctx.LoadPipeline(opts.ocr, /*analyse=*/false);
  if (!pipeline) return;
  Result<ProcessedDocument> read = pipeline->Read(opts.file);
  if (!read) return ctx.Fail(read.error());
  const ExtractedDocument* doc = &read->source;
  const NormalisedText& text = read->text;
  for (const ExtractedPage& page : doc->pages) {
    if (!page.ocr_note.empty()) ctx.log->warn("{}: page {}: {}", doc->path, page.number, page.ocr_note);
  }
  const std::size_t total = CodePointCount(text.text);
  const CodePointIndex index(text.text);
  auto page_text = [&](std::size_t i) {
    const std::size_t start = text.page_starts[i];
    const std::size_t end = i + 1 < text.page_starts.size() ? text.page_starts[i + 1] : total;
    std::string t = index.Slice(start, end);
    while (!t.empty() && t.back() == '\n') t.pop_back();
    return t;
  };
  if (opts.format != "json") {
    // One paragraph per line, a form-feed line between pages: the layout of
    // pdftotext's output and of the corpus .truth files, so they diff.
    for (std::size_t i = 0; i < text.page_starts.size(); ++i) {
      if (i > 0) std::cout << "\f\n";
      const std::string t = page_text(i);
      std::cout << t << (t.empty() ? "" : "\n");
    }
    return;
  }
  nlohmann::ordered_json j;
  j["path"] = Escaped(doc->path);
  j["sha256"] = doc->sha256;
  j["format"] = doc->format;
  j["title"] = doc->title;
  j["author"] = doc->author;
  j["created"] = doc->created;
  j["pages"] = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < text.page_starts.size(); ++i) {
    nlohmann::ordered_json page = {{"page", i + 1},
                                   {"start", text.page_starts[i]},
                                   {"ocr", static_cast<bool>(text.page_ocr[i])},
                                   {"removed", text.removed_lines[i]},
                                   {"text", page_text(i)}};
    if (!doc->pages[i].ocr_note.empty()) page["ocr_note"] = doc->pages[i].ocr_note;
    j["pages"].push_back(std::move(page));
  }
  j["text"] = text.text;
  std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace

void RegisterExtract(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<ExtractCmdOptions>();
  CLI::App* cmd = app.add_subcommand("extract", "Print the normalised text of a .pdf or .txt file");
  cmd->add_option("FILE", opts->file, "The file")->required();
  cmd->add_option("--format", opts->format,
                  "text (form feed between pages) or json (pages with offsets, OCR flags and\n"
                  "removed header/footer lines)")
      ->capture_default_str()->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--ocr", opts->ocr, "auto, never or always")->capture_default_str();
  cmd->callback([&ctx, opts] { RunExtract(ctx, *opts); });
}

}  // namespace diar::cli
