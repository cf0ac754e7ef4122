// diar tag FILE : the mentions in one file, one per line, no index involved.
#include <iostream>

#include "cli/context.h"
#include "cli/output.h"

namespace diar::cli {
namespace {

struct TagCmdOptions {
  std::string file;
  std::string format = "jsonl";
  std::string ocr = "auto";
};

void RunTag(Context& ctx, const TagCmdOptions& opts) {
  ctx.Resolve();
  const std::optional<Pipeline> pipeline = ctx.LoadPipeline(opts.ocr, /*analyse=*/true);
  if (!pipeline) return;
  Result<ProcessedDocument> doc = pipeline->Process(opts.file);
  if (!doc) return ctx.Fail(doc.error());
  if (opts.format == "tsv") std::cout << kMentionTsvHeader << "\n";
  for (const Mention& m : doc->mentions) {
    if (opts.format == "tsv") {
      std::cout << MentionTsv(m) << "\n";
    } else {
      std::cout << MentionJson(m).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
  }
}

}  // namespace

void RegisterTag(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<TagCmdOptions>();
  CLI::App* cmd = app.add_subcommand("tag", "Print the bodies, plans, dates, periods and dnr a file mentions");
  cmd->add_option("FILE", opts->file, "The .pdf or .txt file")->required();
  cmd->add_option("--format", opts->format, "jsonl or tsv")
      ->capture_default_str()->check(CLI::IsMember({"jsonl", "tsv"}));
  cmd->add_option("--ocr", opts->ocr, "auto, never or always")->capture_default_str();
  cmd->callback([&ctx, opts] { RunTag(ctx, *opts); });
}

}  // namespace diar::cli
