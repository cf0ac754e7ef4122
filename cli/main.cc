// diar: the command line. Parses arguments, hands each subcommand to its
// cmd_*.cc, and turns the outcome into an exit status (0 ok, 1 some inputs
// failed, 2 usage or configuration error). Results go to stdout, logs to stderr.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <xapian.h>

#include <csignal>
#include <exception>
#include <iostream>

#include "cli/context.h"

int main(int argc, char** argv) {
  using namespace diar::cli;
  // Past a file-size limit (ulimit -f, a quota-like RLIMIT_FSIZE) the
  // kernel would kill the process with SIGXFSZ mid-commit; ignored, the
  // write fails with EFBIG and is reported like a full disk.
  std::signal(SIGXFSZ, SIG_IGN);
  Context ctx;
  ctx.log = spdlog::stderr_color_mt("diar");
  ctx.log->set_pattern("diar: %^%l%$: %v");

  CLI::App app{
      "diar: ingest, tag, classify and search Swedish public-sector documents "
      "(plans, tjänsteskrivelser, protokoll, riktlinjer, överenskommelser)."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "diar 0.1.0");
  app.add_option("--index", ctx.index_dir,
                 "Index directory (default: $DIAR_INDEX, else "
                 "$XDG_DATA_HOME/diar/index, else ~/.local/share/diar/index)")
      ->type_name("DIR");
  app.add_option("--dictionaries", ctx.dictionaries_dir,
                 "Dictionaries directory (default: $DIAR_DICTIONARIES, else the "
                 "one built in)")
      ->type_name("DIR");
  app.add_flag("--allow-partial", ctx.allow_partial,
               "Sharded index: search the shards that answer when some are down (and say so)");
  app.add_flag("-q,--quiet", ctx.quiet, "Only warnings and errors on stderr");
  app.add_flag("-v,--verbose", ctx.verbose, "Debug output on stderr");
  // Global options may follow the subcommand: `diar search q --index DIR`.
  app.fallthrough();

  RegisterIngest(app, ctx);
  RegisterSearch(app, ctx);
  RegisterShow(app, ctx);
  RegisterExtract(app, ctx);
  RegisterTag(app, ctx);
  RegisterStatus(app, ctx);
  RegisterRemove(app, ctx);
  RegisterExport(app, ctx);
  RegisterServe(app, ctx);
  for (CLI::App* cmd : app.get_subcommands({})) {
    cmd->footer(
        "Global options, before or after the command: --index DIR, --dictionaries DIR, "
        "-q/--quiet, -v/--verbose (see diar --help).");
  }

  // Commands catch the errors of the libraries they call and say what to
  // do; whatever still escapes (a bug, or an error type nobody expected)
  // ends here with a message and exit 2, never an abort (exit 134) that
  // loses a run's output without a word. Xapian::Error is not a
  // std::exception, so it is caught by type.
  const auto command = [&app] {
    const std::vector<CLI::App*> parsed = app.get_subcommands();
    return parsed.empty() ? std::string("diar") : "diar " + parsed.front()->get_name();
  };
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  } catch (const Xapian::Error& e) {
    ctx.log->error("{}: index error: {}", command(), e.get_description());
    return kExitUsage;
  } catch (const std::exception& e) {
    ctx.log->error("{}: {}", command(), e.what());
    return kExitUsage;
  } catch (...) {
    ctx.log->error("{}: unexpected error of unknown type; please report it", command());
    return kExitUsage;
  }
  // Results that never reached their reader are a failure, not success:
  // `diar search ... > /dev/full` must not exit 0.
  std::cout.flush();
  if (!std::cout) {
    ctx.log->error("{}: cannot write the results to standard output (disk full, or the "
                   "reader went away)", command());
    return kExitUsage;
  }
  return ctx.exit_code;
}
