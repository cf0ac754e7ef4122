// searcher: a query in, ranked documents, facet counts and stored records out.
//
//   diar::Result<diar::Searcher> s = diar::Searcher::Open("idx");
//   diar::SearchRequest request{.query = "planer organ:kulturnämnden"};
//   diar::Result<diar::SearchResult> r = s->Search(request);
//
// Queries use Xapian's QueryParser with Swedish word forms (lexicon.h: the
// stored lemma table, then Snowball, so "beslutet" finds "beslut" and
// "händer" "hand"), compound parts weighted below whole words ("plan" finds
// "kulturplan" after documents saying "plan"), phrases in quotes (exact
// words), AND/OR/NOT and OCH/ELLER/INTE, wildcards (kult*, at most
// kWildcardLimit words), and the field prefixes of DESIGN.md, with or
// without å/ä/ö: organ:/body:, plan:, typ:/type:, ämne:/topic:, län:/county:,
// dnr: (any spelling of the number, or its beginning: dnr_key.h), år:/year:,
// issuer:, and datum:2021, datum:2021-03, datum:2021-01-01..2022-12-31
// (date_query.h). Free text that reads like a dnr also matches by its key.
// A field value matches the stored canonical value without regard to case
// and diacritics, with or without a possessive -s; organ:, plan: and
// issuer: also match every value containing the words (field_terms.h).
// Files with identical normalised text are one hit carrying all paths.
//
// Each call first brings the database to its latest commit, so a long-lived
// Searcher (the server's) sees what writers committed. What it derives from
// the index (the query parser, the facet values a field can take, each
// counted document's facet terms) it keeps between calls and rebuilds when
// that commit changed anything: a query costs its match, not set-up.
//
// Errors: Open fails kConfig when no index exists at the path, it cannot be
// opened (damaged: the message says so) or it was written by another schema
// version. Search fails kInput for a query the parser rejects, an unknown
// field, an impossible date, a wildcard matching too many words, or a query
// that is not valid UTF-8 (the message quotes the value, bytes escaped).
// Every call catches Xapian's errors and damaged records and returns them as
// kConfig naming the index: nothing throws. Thread safety: one Searcher per
// thread (calls, const ones too, update its caches).
#ifndef DIAR_INDEX_SEARCHER_H_
#define DIAR_INDEX_SEARCHER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/classify/classify.h"
#include "index/shards.h"
#include "pipeline/result.h"
#include "pipeline/tag/tag.h"

namespace diar {

// A document as stored in the index (schema: index/record.h).
struct StoredDocument {
  std::string id;                  // SHA-256 of the file's bytes
  std::vector<std::string> paths;  // every path these bytes were ingested from
  std::string format;              // "pdf" or "text"
  std::uint64_t bytes = 0;
  int pages = 0;
  std::string author;
  std::string created;   // PDF creation date, YYYY-MM-DD or empty
  std::string ingested;  // UTC time of the last ingest, ISO 8601
  Classification classification;
  std::string text;                      // normalised text
  std::vector<std::size_t> page_starts;  // code-point offset of each page
  std::vector<int> ocr_pages;            // 1-based pages read by OCR
  std::vector<Mention> mentions;
};

// How the words of a query without explicit operators combine (phrases,
// fields and AND/OR/NOT/OCH/ELLER/INTE keep their meaning in all of them;
// the boosts reorder what the OR matches, they match nothing more).
// docs/DECISIONS.md has the relevance figures behind the default,
// kOrAndFieldFormBoost.
enum class Ranking {
  kAnd,              // every word required
  kOr,               // any word, ranked by BM25
  kAndOrFallback,    // every word; when that finds fewer than kFallbackBelow, any word
  kOrAndBoost,       // any word, and documents with every word weighted up (AND_MAYBE)
  kEliteSet,         // Xapian's OP_ELITE_SET: the best-weighted words of the query
  kOrNearBoost,      // any word, and documents with the words as typed close together weighted up
  kOrFieldBoost,     // any word, and documents whose type, topic, year, issuer, county, body or
                     // plan a word names ("protokoll", "2014", "gotland") weighted up
  kOrAndFieldBoost,  // any word, with both boosts: every word, and field values named
  kOrAndFieldFormBoost,  // kOrAndFieldBoost, and documents with a word in the form typed
                         // ("städerna", not only "stad") weighted up
};
inline constexpr int kFallbackBelow = 5;

// Words a wildcard (kult*) may expand to before the query is refused.
inline constexpr int kWildcardLimit = 200;

struct SearchRequest {
  std::string query;  // may be empty: all documents
  // Extra FIELD=VALUE filters, same fields as the query prefixes.
  std::vector<std::pair<std::string, std::string>> filters;
  std::string from;  // document date lower bound, YYYY[-MM[-DD]], inclusive
  std::string to;    // document date upper bound, YYYY[-MM[-DD]], inclusive
  bool facets = false;
  int facet_limit = 10;  // values shown per facet, most frequent first; 0 = all
  int limit = 10;
  int offset = 0;
  bool sort_by_date = false;  // newest first; default relevance
  Ranking ranking = Ranking::kOrAndFieldFormBoost;
  // Files with identical normalised text as one hit (all paths on it);
  // false lists every document (export).
  bool collapse_identical = true;
  // When the words the spelling data corrects match nothing (so the query
  // finds nothing, or only what its other words find), search the
  // correction and say so (SearchResult::searched_instead), and offer it
  // beside results (suggestion). Off where the query must be taken as given
  // (export): then a suggestion comes only with no results.
  bool search_correction = true;
};

struct Hit {
  int rank = 0;  // 1-based over the whole result list
  double score = 0;
  std::string id;
  std::string title;
  std::string path;                // first known path
  std::vector<std::string> paths;  // every path of these bytes, then of every file with the
                                   // same normalised text (collapsed into this hit)
  int pages = 0;
  std::string date;
  std::string type;
  std::string issuer;
  std::string county;
  std::string dnr;                  // the document's own dnr
  std::vector<std::string> topics;
  std::string snippet;              // with matches marked «like this»
  int snippet_page = 0;             // 1-based page the snippet starts on; 0 when unknown
  std::vector<std::size_t> page_starts;  // code-point offset of each page (for snippet_page)
};

struct FacetCount {
  std::string value;
  int count = 0;
};

struct SearchResult {
  std::string query;           // the query as given
  std::uint64_t total = 0;     // matching documents (exact when facets asked, unless a
                               // note says facets were counted over part of them)
  std::vector<Hit> hits;
  // Facet name ("body", "plan", "type", ...) -> values by count, descending,
  // at most facet_limit; values differing only in case are one value,
  // shown in their most frequent casing.
  // A query with a phrase or NEAR counts them over its first matches only
  // (at least 1,000), and notes says so.
  std::map<std::string, std::vector<FacetCount>> facets;
  std::map<std::string, int> facets_more;  // facet name -> values left out by facet_limit
  std::string suggestion;      // a corrected query, when it or its corrected words matched nothing
  // The corrected query whose results these are, because `query` as given
  // matched nothing (SearchRequest::search_correction); empty otherwise.
  std::string searched_instead;
  // Things the user should hear about the query: a field value the index
  // does not have, with the nearest known one.
  std::vector<std::string> notes;
};

struct IndexStatus {
  std::uint64_t documents = 0;
  std::uint64_t pages = 0;
  std::uint64_t mentions = 0;
  std::uint64_t paths = 0;
  // Documents derived by an older diar (schema::kDerivedRevision): newer
  // search terms and classification reach them only through ingest
  // --reindex.
  std::uint64_t outdated = 0;
  // UTC time (ISO 8601) of the newest ingest a stored document records;
  // empty when none. Xapian's bound for the slot: a removal does not lower it.
  std::string last_ingest;
  // Path (exact bytes) and reason (paths in it escaped), per failed input.
  std::vector<std::pair<std::string, std::string>> failures;
};

class Searcher {
 public:
  // `dir`: a database folder, a sharded index folder or a stub file listing
  // local and remote shards (index/shards.h); all read the same way.
  static Result<Searcher> Open(const std::string& dir, const ReadOptions& options = {});
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;
  ~Searcher();

  Result<SearchResult> Search(const SearchRequest& request) const;

  // The stored document with id `id_or_path` (full id, a unique id prefix of
  // at least 8 hex digits, or a source path). kInput error when not found,
  // or when the prefix matches several documents (the message lists them).
  Result<StoredDocument> Get(const std::string& id_or_path) const;

  // Documents, and the pages, mentions and paths summed over them (from a
  // slot per document: milliseconds, not a decode of every record), and the
  // inputs whose last ingest failed.
  Result<IndexStatus> Status() const;

  // Shards left out because they did not answer (Open with allow_partial):
  // results are then partial, and callers must say so.
  const std::vector<std::string>& unavailable_shards() const;

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace diar

#endif  // DIAR_INDEX_SEARCHER_H_
