// writer: processed documents in, one Xapian database on disk out.
//
//   diar::Result<diar::IndexWriter> w =
//       diar::IndexWriter::Open("idx", {.dictionaries_dir = "dictionaries"});
//   if (w->IsCurrent(sha, path)) skip;               // nothing changed
//   w->Add(doc, path);                               // or replace, or add a path
//   w->Commit();
//
// One Xapian document per distinct file content: its id term is the SHA-256
// of the bytes (schema::kId), and each source path it was ingested from is a
// term of its own (schema::kPath). So re-ingesting the same bytes changes
// nothing, the same bytes at two paths are one document knowing both paths,
// and a changed file at a known path takes that path from its old version
// (deleting the old version when no path is left).
//
// Text is indexed with Swedish stemming and the stopword list from
// dictionaries/stopwords_sv.txt (kept in the index, schema::kMetaStopwords,
// so the searcher uses the same list), and feeds Xapian's spelling data.
// Opening with a dictionaries folder also writes the body synonyms
// (index/synonyms.h). Removing a document (Remove, Prune, a replaced
// version) takes back its terms, values, spelling frequencies and facet
// counts: nothing of it stays.
//
// Failed inputs are remembered in the database metadata (schema::kMetaFailure)
// until the same path ingests cleanly, so `diar status --failed` can list them.
//
// Errors: Open fails kConfig when the database cannot be opened or created
// (locked by another writer, not a Xapian database, wrong schema version), or
// a dictionary file is bad (file:line).
// Nothing is visible to readers before Commit(); the destructor commits too.
// Thread safety: one IndexWriter per database, used from one thread.
#ifndef DIAR_INDEX_WRITER_H_
#define DIAR_INDEX_WRITER_H_

#include <memory>
#include <string>
#include <vector>

#include "pipeline/classify/classify.h"
#include "pipeline/extract/extract.h"
#include "pipeline/normalise/normalise.h"
#include "pipeline/result.h"
#include "pipeline/tag/tag.h"

namespace diar {

// Everything the pipeline learnt about one file, ready to index.
struct IndexedDocument {
  ExtractedDocument source;  // metadata; its pages' raw text is not stored
  NormalisedText text;
  std::vector<Mention> mentions;
  Classification classification;
};

struct WriterOptions {
  // diar's dictionaries/ folder: stopwords_sv.txt and the body gazetteers
  // (bodies_*.tsv) for synonyms. Empty: the stopword list already stored in
  // the index (none for a new one), synonyms left as they are.
  std::string dictionaries_dir;
};

enum class AddOutcome {
  kAdded,      // new content
  kReplaced,   // new content at a path that held other content before
  kPathAdded,  // known content, now also known at this path
  kUnchanged,  // known content at this path already
};

class IndexWriter {
 public:
  static Result<IndexWriter> Open(const std::string& dir, const WriterOptions& options = {});
  IndexWriter(IndexWriter&&) noexcept;
  IndexWriter& operator=(IndexWriter&&) noexcept;
  ~IndexWriter();

  // True when content `sha256` is indexed and knows `path`: the caller can
  // skip extraction entirely.
  bool IsCurrent(const std::string& sha256, const std::string& path) const;
  // True when content `sha256` is indexed (under any path).
  bool Contains(const std::string& sha256) const;
  // Records that `path` now holds already-indexed content `sha256`.
  AddOutcome AddPath(const std::string& sha256, const std::string& path);

  // Indexes `document` as the content found at `path`.
  AddOutcome Add(const IndexedDocument& document, const std::string& path);

  // Removes a document by id (full SHA-256 or a unique prefix of at least 8
  // hex digits) or by source path. Returns the ids removed (empty: no match).
  std::vector<std::string> Remove(const std::string& id_or_path);
  // Drops every path that no longer exists on disk, and documents left with
  // no path. Returns the paths dropped.
  std::vector<std::string> Prune();

  void RecordFailure(const std::string& path, const std::string& reason);
  void ClearFailure(const std::string& path);

  void Commit();

 private:
  struct Impl;
  explicit IndexWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace diar

#endif  // DIAR_INDEX_WRITER_H_
