// inputs: the paths a user named, expanded into the files ingest reads.
//
// Folders are walked recursively in sorted order, so runs are repeatable.
// Inside a folder only supported files (.pdf, .txt) are taken; the others
// are counted by extension for the summary, never dropped without a word.
// A file named on the command line is taken whatever its extension, so the
// user hears why it failed. Only regular files are read: FIFOs, devices and
// sockets are refused with a reason (opening a FIFO would block for ever).
// Links to files are followed, links to folders are not (a link back into
// its own tree would be walked for ever); a symlink loop, a broken link or an
// unreadable folder is a reason, not a stop.
#ifndef DIAR_INDEX_INPUTS_H_
#define DIAR_INDEX_INPUTS_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace diar {

struct Input {
  std::string path;     // absolute, lexically normal (the form stored in the index)
  std::uint64_t bytes = 0;
  std::string error;    // non-empty: cannot be ingested, for this reason (names the path)
};

struct Inputs {
  std::vector<Input> files;
  std::map<std::string, int> unsupported;  // extension ("" for none) -> files skipped in folders
};

Inputs CollectInputs(const std::vector<std::string>& paths);

// The form a path is stored in: absolute and lexically normal.
std::string AbsolutePath(const std::string& path);

}  // namespace diar

#endif  // DIAR_INDEX_INPUTS_H_
