// diar extract FILE : the normalised text of one file, no index involved.
#include <iostream>

#include "cli/context.h"
#include "cli/output.h"
#include "cli/process.h"
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
  ExtractOptions options;
  if (!ParseOcrMode(opts.ocr, options.ocr)) {
    return ctx.Fail(ConfigError("--ocr " + opts.ocr + ": unknown mode; use auto, never or always"));
  }
  Result<ExtractedDocument> doc = ExtractFile(opts.file, options);
  if (!doc) return ctx.Fail(doc.error());
  NormalisedText text = Normalise(*doc, {});
  if (opts.format != "json") {
    std::cout << text.text << "\n";
    return;
  }
  nlohmann::ordered_json j;
  j["path"] = doc->path;
  j["sha256"] = doc->sha256;
  j["format"] = doc->format;
  j["title"] = doc->title;
  j["author"] = doc->author;
  j["created"] = doc->created;
  j["pages"] = nlohmann::ordered_json::array();
  const std::size_t total = CodePointCount(text.text);
  for (std::size_t i = 0; i < text.page_starts.size(); ++i) {
    const std::size_t start = text.page_starts[i];
    const std::size_t end = i + 1 < text.page_starts.size() ? text.page_starts[i + 1] : total;
    std::string page_text = CodePointSlice(text.text, start, end);
    while (!page_text.empty() && page_text.back() == '\n') page_text.pop_back();
    j["pages"].push_back({{"page", i + 1}, {"start", start}, {"ocr", static_cast<bool>(text.page_ocr[i])},
                          {"text", page_text}});
  }
  j["text"] = text.text;
  std::cout << j.dump(2) << "\n";
}

}  // namespace

void RegisterExtract(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<ExtractCmdOptions>();
  CLI::App* cmd = app.add_subcommand("extract", "Print the normalised text of a .pdf or .txt file");
  cmd->add_option("FILE", opts->file, "The file")->required();
  cmd->add_option("--format", opts->format, "text or json (pages with offsets and OCR flags)")
      ->capture_default_str()->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--ocr", opts->ocr, "auto, never or always")->capture_default_str();
  cmd->callback([&ctx, opts] { RunExtract(ctx, *opts); });
}

}  // namespace diar::cli
