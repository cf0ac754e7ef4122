// diar remove DOC... : drop documents from the index by id or source path.
#include <iostream>

#include "cli/context.h"
#include "index/writer.h"

namespace diar::cli {
namespace {

void RunRemove(Context& ctx, const std::vector<std::string>& docs) {
  ctx.Resolve();
  Result<IndexWriter> writer = IndexWriter::Open(ctx.index_dir);
  if (!writer) return ctx.Fail(writer.error());
  for (const std::string& doc : docs) {
    std::vector<std::string> removed = writer->Remove(doc);
    if (removed.empty()) {
      ctx.Fail(InputError(doc + ": no such document in the index (or an ambiguous id prefix); "
                                "see `diar search` for ids"));
      continue;
    }
    for (const std::string& id : removed) std::cout << "removed " << id << " (" << doc << ")\n";
  }
  writer->Commit();
}

}  // namespace

void RegisterRemove(CLI::App& app, Context& ctx) {
  auto docs = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand("remove", "Remove documents from the index");
  cmd->add_option("DOC", *docs, "Document ids (8+ hex digits) or source paths")->required();
  cmd->callback([&ctx, docs] { RunRemove(ctx, *docs); });
}

}  // namespace diar::cli
