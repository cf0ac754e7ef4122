// record: the JSON document record stored as each Xapian document's data —
// what `show`, snippets and export read back. Private to index/.
//
// Paths are file-system bytes and may not be UTF-8: "paths" holds each as
// shown (byte_string.h Escaped), and "path_bytes", present only when some
// path is not UTF-8, the exact bytes in hex ("" where the path is UTF-8).
// StoredDocument::paths always holds the exact bytes.
#ifndef DIAR_INDEX_RECORD_H_
#define DIAR_INDEX_RECORD_H_

#include <xapian.h>

#include <cstdint>
#include <string>

#include "index/searcher.h"
#include "index/writer.h"

namespace diar {

StoredDocument RecordFromProcessed(const ProcessedDocument& document,
                                 const std::string& path);
// The record as the document's data: every field but the text, which the
// document holds once, in schema::kSlotText (Xapian compresses the data;
// storing the text twice cost a twentieth of an ingest).
std::string EncodeRecord(const StoredDocument& record);
// The record of stored document `doc`: its data, and its text from
// schema::kSlotText (or from the data, where an index written before the
// text moved out of the record keeps it). Throws std::runtime_error when the
// data is not a record this version wrote or is damaged (a field of the
// wrong type).
StoredDocument DecodeRecord(const Xapian::Document& doc);

// Sets `doc`'s data to `record`, and its text, result-list and counts slots
// (schema::kSlotText, kSlotHit, kSlotCounts) to match; every change of a
// record goes through here so they agree.
void SetRecord(const StoredDocument& record, Xapian::Document& doc);

// What `diar status` sums over the index (schema::kSlotCounts).
struct RecordCounts {
  std::uint64_t pages = 0;
  std::uint64_t mentions = 0;
  std::uint64_t paths = 0;
};
// False when `slot` is not three counts (empty: a document written before
// the slot existed).
bool DecodeCounts(const std::string& slot, RecordCounts& counts);

// The result-list fields of a document (schema::kSlotHit) into `hit`; the
// path is the escaped form. Throws std::runtime_error when damaged.
void DecodeHit(const std::string& slot, Hit& hit);

// The term that maps `path` to its document (schema::kPath, or kPathHash
// when the path is too long for a term).
std::string PathTerm(const std::string& path);

// `value` cut to at most schema::kMaxTermBytes - prefix bytes, at a UTF-8
// character boundary, with the prefix in front.
std::string PrefixedTerm(std::string_view prefix, const std::string& value);

}  // namespace diar

#endif  // DIAR_INDEX_RECORD_H_
