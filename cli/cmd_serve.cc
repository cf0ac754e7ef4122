// diar serve : the web page and JSON API over the index (web/server.h).
#include <iostream>

#include "cli/context.h"
#include "web/server.h"

namespace diar::cli {
namespace {

void RunServe(Context& ctx, web::ServeOptions opts) {
  ctx.Resolve();
  opts.index_dir = ctx.index_dir;
  opts.read.allow_partial = ctx.allow_partial;
  opts.logger = ctx.log;
  Result<bool> done = web::Serve(opts, [&ctx](const std::string& url) {
    // stdout, so scripts and tests can read where to connect.
    std::cout << url << std::endl;
    ctx.log->info("serving {} at {} (Ctrl-C stops)", ctx.index_dir, url);
  });
  if (!done) ctx.Fail(done.error());
}

}  // namespace

void RegisterServe(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<web::ServeOptions>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve the search page and JSON API over the index");
  cmd->add_option("--host", opts->host, "Address to listen on; other than 127.0.0.1 needs --token")
      ->capture_default_str();
  cmd->add_option("--port", opts->port, "Port (0: any free port, printed on stdout)")
      ->capture_default_str()->check(CLI::Range(0, 65535));
  cmd->add_option("--token", opts->token, "Secret every API request must carry; open the page with ?token=T");
  cmd->add_option("--threads", opts->threads, "Worker threads")->capture_default_str()->check(CLI::Range(1, 64));
  cmd->add_option_function<int>(
         "--cache-mb", [opts](int mb) { opts->cache_bytes = static_cast<std::size_t>(mb) << 20; },
         "Memory for cached search answers, MiB (0: no cache; default 64)")
      ->check(CLI::Range(0, 65536));
  cmd->callback([&ctx, opts] { RunServe(ctx, *opts); });
}

}  // namespace diar::cli
