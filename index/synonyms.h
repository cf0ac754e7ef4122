// synonyms: Xapian synonyms from the body gazetteers (dictionaries/bodies_*.tsv),
// so that a query naming a body in one form finds it in every form:
// "SKR" finds "Sveriges Kommuner och Regioner" and back. Private to index/.
//
// Xapian 1.4 expands a synonym key to single terms only (a synonym with
// spaces would be looked up as one term and match nothing), so a multi-word
// name cannot be a synonym value. Each name form of a body is a key, and its
// synonyms are the body's facet term (schema::kBody + canonical), which every
// document the tagger found the body in carries, whatever form it used, plus
// the body's other one-word forms (acronyms). The query parser takes both
// one-word keys (FLAG_AUTO_SYNONYMS) and multi-word ones
// (FLAG_AUTO_MULTIWORD_SYNONYMS).
#ifndef DIAR_INDEX_SYNONYMS_H_
#define DIAR_INDEX_SYNONYMS_H_

#include <xapian.h>

#include <map>
#include <set>
#include <string>

#include "pipeline/result.h"

namespace diar {

// Synonym key -> synonyms.
using SynonymTable = std::map<std::string, std::set<std::string>>;

// The organs' abbreviations every kommun and region writes alike ("KS":
// Kommunstyrelsen), for search only.
inline constexpr const char* kOrganAbbreviationFile = "organ_abbreviations.tsv";

// Reads the canonical, variants and acronyms columns of every
// `dictionary_dir`/bodies_*.tsv, and kOrganAbbreviationFile (an
// abbreviation's synonyms are its organ's facet term and, for a one-word
// organ, its name; the organ's name does not lead back). kConfig error (file:line) for a file without
// the expected header or a row with too few columns; the tagger checks the
// rest of these files.
Result<SynonymTable> LoadBodySynonyms(const std::string& dictionary_dir);

// `name` as the query parser reads it: its words in lower case, joined by
// one space ("Sveriges Kommuner och Regioner" -> "sveriges kommuner och
// regioner").
std::string SynonymKey(const std::string& name);

// Makes the database's synonyms exactly `table`, unless the table it holds
// has the same digest (schema::kMetaSynonyms), and keeps the table itself in
// schema::kMetaSynonymTable. With `native` false (a remote database, whose
// protocol carries no synonyms) only the metadata is written. Not committed.
void WriteSynonyms(Xapian::WritableDatabase& db, const SynonymTable& table, bool native = true);

// The table as kept in schema::kMetaSynonymTable, and back.
std::string FlattenSynonyms(const SynonymTable& table);
SynonymTable ParseSynonyms(const std::string& flat);

}  // namespace diar

#endif  // DIAR_INDEX_SYNONYMS_H_
