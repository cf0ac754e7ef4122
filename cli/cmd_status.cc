// diar status : what the index holds, and which inputs failed and why.
#include <iostream>

#include "cli/context.h"
#include "index/byte_string.h"
#include "index/searcher.h"

namespace diar::cli {
namespace {

struct StatusOptions {
  bool failed = false;
};

void RunStatus(Context& ctx, const StatusOptions& opts) {
  ctx.Resolve();
  Result<Searcher> searcher = ctx.OpenSearcher();
  if (!searcher) return ctx.Fail(searcher.error());
  const Result<IndexStatus> status = searcher->Status();
  if (!status) return ctx.Fail(status.error());
  const IndexStatus& s = *status;
  std::cout << "index:     " << ctx.index_dir << "\n"
            << "documents: " << s.documents << "\n"
            << "paths:     " << s.paths << "\n"
            << "pages:     " << s.pages << "\n"
            << "mentions:  " << s.mentions << "\n"
            << "failed:    " << s.failures.size() << "\n";
  if (s.outdated > 0) {
    std::cout << s.outdated << " of the documents were indexed by an older diar: newer search terms and "
              << "titles miss them. Run the same `diar ingest` again with --reindex to bring them up to date.\n";
  }
  if (opts.failed) {
    for (const auto& [path, reason] : s.failures) std::cout << "  " << EscapedLine(reason) << "\n";
  } else if (!s.failures.empty()) {
    std::cout << "(diar status --failed lists them with reasons)\n";
  }
}

}  // namespace

void RegisterStatus(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<StatusOptions>();
  CLI::App* cmd = app.add_subcommand("status", "Count documents, pages and mentions; list failed inputs");
  cmd->add_flag("--failed", opts->failed, "List every input that failed, with its reason");
  cmd->callback([&ctx, opts] { RunStatus(ctx, *opts); });
}

}  // namespace diar::cli
