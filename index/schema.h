// schema: every term prefix and value slot diar writes to Xapian, in one
// place. Writer and searcher use these names only; changing one here is an
// index format change (bump kSchemaVersion, re-ingest).
//
// Conventions follow Xapian's (xapian-omega/docs/termprefixes.rst): one
// capital letter for the standard meanings, "X..." for our own. Boolean facet
// terms hold the exact canonical value after the prefix, in its own case
// ("XBRegion Västmanland"), so facet counts show the value as the tagger
// produced it; the searcher matches user input against them without regard
// to case. Terms longer than Xapian's limit are cut by kMaxTermBytes.
#ifndef DIAR_INDEX_SCHEMA_H_
#define DIAR_INDEX_SCHEMA_H_

#include <string_view>

namespace diar::schema {

// 2: stopwords, spelling data, synonyms, the facet slot.
// 3: lexicon stems (stored table), compound parts, dnr keys, text hash,
//    richer hit slot.
inline constexpr int kSchemaVersion = 3;  // stored under metadata "diar:schema"
// What diar derives from a document (terms, classification) changes within a
// schema version without making old documents unreadable: new term kinds,
// better titles. Each document carries kDerived + this number; `status`
// counts those with an older one, which only `ingest --reindex` brings up to
// date. Bump it with such a change. 1: dnr keys without leading zeros and
// series first, days mentioned, titles (title.h), session 8.
inline constexpr int kDerivedRevision = 1;

// --- Term prefixes -----------------------------------------------------------
inline constexpr std::string_view kId = "Q";          // SHA-256 of the file's bytes (hex): the document's identity
inline constexpr std::string_view kPath = "XP";       // a source path the bytes were ingested from (one per path)
inline constexpr std::string_view kPathHash = "XPH";  // SHA-256 of a source path too long for a term
inline constexpr std::string_view kTitle = "S";       // title words (also indexed unprefixed), for title: searches
inline constexpr std::string_view kBody = "XB";       // body mentioned (canonical value), facet body/organ
inline constexpr std::string_view kPlan = "XL";       // plan mentioned (canonical value), facet plan
inline constexpr std::string_view kType = "XT";       // document type from classify, facet type/typ
inline constexpr std::string_view kTopic = "XO";      // topic from classify, facet topic/ämne
inline constexpr std::string_view kCounty = "XC";     // county (län) of the issuer, facet county/län
inline constexpr std::string_view kYear = "XY";       // document year YYYY, facet year/år
inline constexpr std::string_view kDnr = "XD";        // dnr mentioned (canonical value), facet dnr
inline constexpr std::string_view kIssuer = "XI";     // issuing body (canonical value), facet issuer
inline constexpr std::string_view kFormat = "XF";     // source format: "pdf" or "text"
inline constexpr std::string_view kOcr = "XZ";        // "ocr" when some page's text came from OCR
inline constexpr std::string_view kPart = "XK";       // stem of a compound part's base form ("kulturplanen" -> XKkultur, XKplan), wdf of the word; no positions
inline constexpr std::string_view kDnrKey = "XN";     // normalised dnr key (dnr_key.h), with and without its letter series, one per dnr
inline constexpr std::string_view kDnrLooseKey = "XU"; // the same keys with each number's leading zeros dropped (dnr_key.h); added within version 3 (absent: only the padding typed finds it)
inline constexpr std::string_view kDateMentioned = "XE"; // a day the text mentions, as the tagger values it (YYYY-MM-DD, any written form); added within version 3
inline constexpr std::string_view kDerived = "XR";    // kDerivedRevision as decimal, the revision the document was derived with (absent: before revision 1)
inline constexpr std::string_view kTextHash = "XH";   // hash of the normalised text (hex), shared by files with identical text
inline constexpr std::string_view kNoSpelling = "XS"; // "none": the text did not look like language, none of its words are in the spelling data

// --- Value slots ---------------------------------------------------------------
inline constexpr unsigned kSlotDate = 0;     // document date as "YYYYMMDD" (string order = date order); empty if unknown
inline constexpr unsigned kSlotYear = 1;     // document year, Xapian::sortable_serialise(YYYY)
inline constexpr unsigned kSlotIngested = 2; // ingest time, Xapian::sortable_serialise(unix seconds)
inline constexpr unsigned kSlotFacets = 3;   // every facet term of the document (prefix + value), each followed by '\0': read by the facet counter
inline constexpr unsigned kSlotHit = 4;      // JSON {"id","title","path","pages","date","type"}: what a result list shows, without decoding the whole record
inline constexpr unsigned kSlotText = 5;     // the normalised text, stored once: snippets read it without decoding the record, and DecodeRecord takes it from here
inline constexpr unsigned kSlotCounts = 6;   // "PAGES MENTIONS PATHS" in decimal, summed by `diar status`; added within version 2 (absent: status decodes the record)
inline constexpr unsigned kSlotTextHash = 7; // the kTextHash value: the collapse key, so identical texts show as one hit

// --- Database metadata keys ------------------------------------------------------
inline constexpr std::string_view kMetaSchema = "diar:schema";    // kSchemaVersion as decimal text
inline constexpr std::string_view kMetaFailure = "diar:failed:";  // + source path -> JSON {"reason","time"} of its last failed ingest
inline constexpr std::string_view kMetaStopwords = "diar:stopwords";  // the stopword list the text was indexed with, one word a line; the searcher uses the same
inline constexpr std::string_view kLockOwnerFile = "diar-writer";  // file in the index folder: "PID WHAT" of the process holding the write lock, for the message a second writer gets
inline constexpr std::string_view kMetaLexicon = "diar:lexicon";  // the word-form table the text was stemmed with (lexicon.h); the searcher stems queries with the same
inline constexpr std::string_view kMetaSynonymTable = "diar:synonym-table";  // the synonym table itself ("key\tsynonym\t...\n"), for readers of remote shards, whose protocol carries no synonyms
inline constexpr std::string_view kMetaSynonyms = "diar:synonyms";    // SHA-256 of the synonym table last written, so an unchanged gazetteer is not rewritten

// --- Synonyms and spelling -----------------------------------------------------
// Synonym keys are body names as the query parser reads them (lower case,
// words joined by one space: "skr", "sveriges kommuner och regioner"); their
// synonyms are the body's facet term (kBody + canonical value) and its other
// one-word names ("skr" <-> "skl"). Spelling data holds every unprefixed word
// (2-40 Latin letters) of the texts that look like language (no kNoSpelling
// term), its frequency the number of times it was indexed.

// Xapian rejects terms over 245 bytes; values longer than this are cut at a
// UTF-8 boundary (facet values that long do not occur in practice).
inline constexpr std::size_t kMaxTermBytes = 240;

}  // namespace diar::schema

#endif  // DIAR_INDEX_SCHEMA_H_
