// remote_reading: what a reader of remote shards does itself, because
// Xapian's remote protocol carries neither synonyms nor spelling data (over
// xapian-tcpsrv both come back empty, silently). Private to index/.
//
// Synonyms: the writer keeps the synonym table in the index metadata
// (schema::kMetaSynonymTable), which the protocol does carry; the reader
// writes it into a small private local database and gives the query parser
// the shards plus that database, whose synonyms Xapian merges in.
//
// Spelling: a word of the query that no shard knows is compared with every
// word one edit away (deletion, transposition, replacement, insertion), all
// asked for in one OR query whose MSet reports each candidate's frequency
// in one round trip; the most frequent known candidate is the suggestion.
#ifndef DIAR_INDEX_REMOTE_READING_H_
#define DIAR_INDEX_REMOTE_READING_H_

#include <xapian.h>

#include <string>

namespace diar {

// A local database holding only synonyms, in a private temporary folder
// removed with the object.
class LocalSynonyms {
 public:
  // `flat`: the table as schema::kMetaSynonymTable holds it.
  explicit LocalSynonyms(const std::string& flat);
  ~LocalSynonyms();
  LocalSynonyms(const LocalSynonyms&) = delete;
  LocalSynonyms& operator=(const LocalSynonyms&) = delete;

  const Xapian::Database& db() const { return db_; }

 private:
  std::string dir_;
  Xapian::Database db_;
};

// `query` with each unknown word of four letters or more replaced by its
// most frequent known neighbour one edit away; "" when nothing changed.
std::string SuggestByNeighbours(const Xapian::Database& db, const std::string& query);

}  // namespace diar

#endif  // DIAR_INDEX_REMOTE_READING_H_
