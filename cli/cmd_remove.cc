// diar remove DOC... : drop a source path from the index (its document goes
// with its last path), or a whole document by id.
#include <iostream>

#include "cli/context.h"
#include "index/byte_string.h"
#include "index/inputs.h"
#include "index/writer.h"

namespace diar::cli {
namespace {

void RunRemove(Context& ctx, const std::vector<std::string>& docs) {
  ctx.Resolve();
  Result<IndexWriter> writer =
      IndexWriter::Open(ctx.index_dir, {.dictionaries_dir = "", .create = false, .holder = "diar remove"});
  if (!writer) return ctx.Fail(writer.error());
  for (const std::string& doc : docs) {
    // Paths are stored absolute; a relative one is tried in that form first.
    const std::string absolute = AbsolutePath(doc);
    Result<RemoveOutcome> removed = writer->Remove(absolute);
    if (!removed && removed.error().kind == ErrorKind::kInput && absolute != doc) {
      removed = writer->Remove(doc);
    }
    if (!removed) {
      ctx.Fail(removed.error());
      if (removed.error().kind == ErrorKind::kConfig) return;
      continue;
    }
    for (const std::string& path : removed->detached_paths) {
      std::cout << "removed path " << EscapedLine(path) << " (its document stays under its other paths)\n";
    }
    for (const std::string& id : removed->removed_ids) {
      std::cout << "removed " << id << " (" << doc << ")\n";
    }
  }
  if (Result<bool> committed = writer->Commit(); !committed) ctx.Fail(committed.error());
}

}  // namespace

void RegisterRemove(CLI::App& app, Context& ctx) {
  auto docs = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand(
      "remove", "Remove source paths (a document goes with its last path) or documents by id");
  cmd->add_option("DOC", *docs, "Source paths, or document ids (8+ hex digits)")->required();
  cmd->callback([&ctx, docs] { RunRemove(ctx, *docs); });
}

}  // namespace diar::cli
