#include "index/searcher.h"

#include <unicode/unistr.h>
#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <nlohmann/json.hpp>

#include "index/byte_string.h"
#include "index/date_query.h"
#include "index/dnr_key.h"
#include "index/facets.h"
#include "index/field_terms.h"
#include "index/fields.h"
#include "index/lexicon.h"
#include "index/path_forms.h"
#include "index/query_text.h"
#include "index/record.h"
#include "index/remote_reading.h"
#include "index/schema.h"
#include "index/snippet.h"
#include "index/stopwords.h"

namespace diar {
namespace {

// Parser flags: Xapian's defaults (boolean operators, phrases, +/-), plus
// lower-case operators, a pure NOT, synonyms of one or more words,
// wildcards, and spelling suggestions.
constexpr unsigned kParserFlags =
    Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_BOOLEAN_ANY_CASE |
    Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS |
    Xapian::QueryParser::FLAG_SPELLING_CORRECTION | Xapian::QueryParser::FLAG_WILDCARD;

// A compound part counts this much of a whole word: enough that `plan`
// finds a document saying only "kulturplan", little enough that documents
// saying "plan" come first even when the compound is more frequent (BM25's
// wdf saturation makes 20 occurrences worth about twice one, so a part must
// weigh well under half a word). Set by that argument, not tuned: the
// relevance benchmark (docs/DECISIONS.md) ran with this value only.
constexpr double kPartWeight = 0.35;
// WithSwedishLetters tries at most this many spellings of a word (3^4 x 2:
// four a and one o, as in "samhallsbyggnadsforvaltningen").
constexpr std::size_t kMaxSwedishLetterForms = 162;
// A form with å, ä or ö stands for a word typed without them when at least
// this many times as many documents hold it: two real words that differ in
// these letters ("lag" and "låg", "hall" and "håll") are both everyday
// words, while the spelling without them is, beside the right one, an
// accident (an address, a file name). An order of magnitude, not tuned.
constexpr Xapian::doccount kSwedishLetterFormRatio = 10;
// MapWordLeaves rebuilds a NEAR/n typed with n up to this (the parser's
// NEAR is NEAR/10); a wider one is left as typed.
constexpr Xapian::termcount kMaxNearDistance = 100;

// Ranking::kOrAndFieldFormBoost: a word in the form typed weighs this much
// of what it weighs as a word, on top of its stem's match. The lexicon
// conflates every form ("städerna" finds "Stockholms stad"), and that is
// what most queries want; but a form is also evidence: the definite plural
// names the cities in question, "förslaget" the proposal at hand. Half a
// word: stems still decide which documents match and lead, the form orders
// the documents the stem cannot tell apart. The relevance benchmark gave
// the same nDCG for 0.35 and 0.5, less for 0.25 and 0.75
// (docs/DECISIONS.md).
constexpr double kFormWeight = 0.5;

// Ranking::kOrNearBoost: the words typed may stand this many positions
// more apart than their number ("barn och unga": two words within four).
constexpr Xapian::termcount kNearSlack = 2;

// "län" -> "Län": a field typed at the start of a sentence-like query.
std::string Capitalised(std::string_view alias) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(alias.data(), alias.size()));
  u.replace(0, 1, icu::UnicodeString(u.char32At(0)).toUpper());
  std::string out;
  return u.toUTF8String(out);
}

const std::vector<std::string_view>& OtherFields() {
  static const std::vector<std::string_view> kOther = {"title", "titel", "datum"};
  return kOther;
}

bool IsQueryField(const std::string& name) {
  if (FindFacetField(name) != nullptr) return true;
  const std::string folded = FoldSwedish(name);
  for (std::string_view other : OtherFields()) {
    if (folded == other) return true;
  }
  return false;
}

std::string UnknownFieldMessage(const std::string& name) {
  std::string nearest;
  std::size_t best = 3;
  std::string all;
  auto consider = [&](std::string_view alias) {
    all += (all.empty() ? "" : ", ") + std::string(alias) + ":";
    const std::size_t d = EditDistance(FoldSwedish(name), FoldSwedish(std::string(alias)), 2);
    if (d < best) {
      best = d;
      nearest = alias;
    }
  };
  for (const FacetField& field : FacetFields()) {
    for (std::string_view alias : field.aliases) consider(alias);
  }
  for (std::string_view other : OtherFields()) consider(other);
  std::string message = "unknown field '" + name + ":'";
  if (!nearest.empty()) message += "; did you mean '" + nearest + ":'?";
  return message + " Fields: " + all + " (put text with a colon in quotes)";
}

// `query` with each word leaf replaced by `leaf(term, in_phrase)` (empty:
// kept as it is). Only the operators a parsed free-text query joins words
// with are rebuilt, and phrases and NEAR when `phrases` is set (their
// leaves with in_phrase); synonyms and everything else are kept as they
// are, and so is the right side of AND_NOT and FILTER, which only selects.
Xapian::Query MapWordLeaves(const Xapian::Query& query, bool phrases,
                            const std::function<Xapian::Query(const std::string&, bool)>& leaf,
                            bool in_phrase = false) {
  const Xapian::Query::op op = query.get_type();
  if (op == Xapian::Query::LEAF_TERM) {
    Xapian::Query mapped = leaf(*query.get_terms_begin(), in_phrase);
    return mapped.empty() ? query : mapped;
  }
  switch (op) {
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_FILTER:
      break;
    case Xapian::Query::OP_PHRASE:
    case Xapian::Query::OP_NEAR:
      if (phrases && !in_phrase) break;
      return query;
    default:
      return query;
  }
  const bool positional = op == Xapian::Query::OP_PHRASE || op == Xapian::Query::OP_NEAR;
  std::vector<Xapian::Query> subs;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    const bool selects = i > 0 && (op == Xapian::Query::OP_AND_NOT || op == Xapian::Query::OP_FILTER);
    subs.push_back(selects ? query.get_subquery(i)
                           : MapWordLeaves(query.get_subquery(i), phrases, leaf, positional));
  }
  if (positional) {
    // Xapian 1.4 does not give a phrase's or a NEAR's window back, but its
    // description shows it: the window is the one that rebuilds the same
    // description from the same words (the parser's: the number of words,
    // plus the distance of NEAR/n). One found no other way is left alone.
    std::vector<Xapian::Query> same;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) same.push_back(query.get_subquery(i));
    const std::string description = query.get_description();
    for (Xapian::termcount window = same.size(); window <= same.size() + kMaxNearDistance; ++window) {
      if (Xapian::Query(op, same.begin(), same.end(), window).get_description() == description) {
        return Xapian::Query(op, subs.begin(), subs.end(), window);
      }
    }
    return query;
  }
  if (op == Xapian::Query::OP_AND_NOT || op == Xapian::Query::OP_AND_MAYBE ||
      op == Xapian::Query::OP_FILTER) {
    // Left-associative binary operators: rebuild pairwise.
    Xapian::Query result = subs.front();
    for (std::size_t i = 1; i < subs.size(); ++i) result = Xapian::Query(op, result, subs[i]);
    return result;
  }
  return Xapian::Query(op, subs.begin(), subs.end());
}

// `query` with each stemmed word Z<stem> widened to also match documents
// where the stem is a compound part (schema::kPart), weighted down.
Xapian::Query WithParts(const Xapian::Query& query) {
  // Parts have no positions: a phrase keeps its words.
  return MapWordLeaves(query, false, [](const std::string& term, bool) {
    if (term.size() < 2 || term[0] != 'Z') return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(term),
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                       Xapian::Query(std::string(schema::kPart) + term.substr(1)),
                                       kPartWeight));
  });
}

// `query` with each word typed without å, ä and ö ("overenskommelse",
// "lansstyrelsen": a phone, a keyboard without them) also matching its
// forms with them ("överenskommelse", "länsstyrelsen") when the archive
// holds the form typed nowhere, or in a tenth as many documents at most
// (kSwedishLetterFormRatio), as one word (a synonym: ranked as if it were
// typed right). A form typed by accident is rare beside the right spelling
// (a web address, "www.lansstyrelsen.se"); a word typed right is common in
// its own right, as a word or as a compound part, and keeps its meaning
// ("lag" is no "låg", "hall" in "idrottshall" no "håll"). In a phrase the
// forms stand at the word's place ("\"overenskommelse om samverkan\"").
// The forms of `term` that WithSwedishLetters (below) adds; empty for none.
std::vector<std::string> SwedishLetterForms(const std::string& term, const Xapian::Database& db) {
  const std::size_t begin = !term.empty() && term[0] == 'Z' ? 1 : 0;
  if (term.size() < begin + 3 || term[begin] < 'a' || term[begin] > 'z') return {};
  std::vector<std::size_t> vowels;  // byte offsets of each a and o
  for (std::size_t i = begin; i < term.size(); ++i) {
    const auto c = static_cast<unsigned char>(term[i]);
    if (c == 0xC3) return {};  // has å, ä or ö (or é, ü): typed with them
    if (c == 'a' || c == 'o') vowels.push_back(i);
  }
  // Every choice of a/å/ä and o/ö; a word with more letters to choose
  // than kMaxSwedishLetterForms allows is left as typed.
  std::size_t choices = 1;
  for (const std::size_t i : vowels) {
    choices *= term[i] == 'a' ? 3 : 2;
    if (choices > kMaxSwedishLetterForms) return {};
  }
  // A word the archive holds as a compound part is a word of its own
  // ("hall" in "idrottshall" is no "håll").
  const Xapian::doccount typed =
      db.get_termfreq(term) + db.get_termfreq(std::string(schema::kPart) + term.substr(begin));
  std::vector<std::string> found;
  for (std::size_t choice = 1; choice < choices; ++choice) {
    std::string form;
    std::size_t rest = choice;
    std::size_t from = 0;
    for (const std::size_t i : vowels) {
      form.append(term, from, i - from);
      const std::size_t options = term[i] == 'a' ? 3 : 2;
      const std::size_t pick = rest % options;
      rest /= options;
      if (pick == 0) form += term[i];
      else if (term[i] == 'o') form += "ö";
      else form += pick == 1 ? "å" : "ä";
      from = i + 1;
    }
    form.append(term, from, std::string::npos);
    const Xapian::doccount holding = db.get_termfreq(form);
    if (holding > 0 && (typed == 0 || holding >= kSwedishLetterFormRatio * typed)) {
      found.push_back(std::move(form));
    }
  }
  return found;
}

// Forms found per term, kept for the other parses of one request's text
// (each lookup is a term frequency per shard, a round trip for a remote one).
using LetterForms = std::map<std::string, std::vector<std::string>>;

Xapian::Query WithSwedishLetters(const Xapian::Query& query, const Xapian::Database& db,
                                 LetterForms* known) {
  return MapWordLeaves(query, true, [&](const std::string& term, bool in_phrase) {
    auto it = known->find(term);
    if (it == known->end()) it = known->emplace(term, SwedishLetterForms(term, db)).first;
    if (it->second.empty()) return Xapian::Query();
    std::vector<Xapian::Query> forms = {Xapian::Query(term)};
    for (const std::string& form : it->second) forms.emplace_back(form);
    // In a phrase Xapian takes an OR of terms at a word's place, no synonym.
    return Xapian::Query(in_phrase ? Xapian::Query::OP_OR : Xapian::Query::OP_SYNONYM,
                         forms.begin(), forms.end());
  });
}

// Facets of a query that checks word positions (a phrase, NEAR) are counted
// over at least this many of its matches, not all: Xapian reads the
// positions of every candidate, and a phrase with a common word in it
// ("hälso- och sjukvård": och's positions in every document) took 28 ms
// over 3,500 matches at 100,000 pages against 1.7 ms for its words
// without positions. The result then notes that its counts are partial.
constexpr Xapian::doccount kPositionalFacetCheck = 1000;

// Whether matching `query` reads word positions.
bool ReadsPositions(const Xapian::Query& query) {
  const Xapian::Query::op op = query.get_type();
  if (op == Xapian::Query::OP_PHRASE || op == Xapian::Query::OP_NEAR) return true;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    if (ReadsPositions(query.get_subquery(i))) return true;
  }
  return false;
}

// The 1-based page holding byte `at` of `text`, given each page's start in
// code points; 0 when pages are unknown.
int PageAt(const std::string& text, std::size_t at, const std::vector<std::size_t>& page_starts) {
  if (page_starts.empty()) return 0;
  std::size_t code_points = 0;
  for (std::size_t i = 0; i < at && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++code_points;
  }
  const auto it = std::upper_bound(page_starts.begin(), page_starts.end(), code_points);
  return static_cast<int>(it - page_starts.begin());
}

}  // namespace

struct Searcher::Impl {
  Impl(const std::string& dir, ReadableIndex index, std::shared_ptr<const Lexicon> lex)
      : dir(dir), db(std::move(index.db)), remote(index.has_remote),
        unavailable(std::move(index.unavailable)), lexicon(std::move(lex)), field_terms(db) {
    Load();
  }

  // The queries a request makes: `query`, and for Ranking::kAndOrFallback
  // the one to run when it finds fewer than kFallbackBelow documents.
  struct Built {
    Xapian::Query query;
    std::optional<Xapian::Query> fallback;
  };

  std::string dir;
  Xapian::Database db;
  // Some shard is remote: synonyms, spelling and facets take the ways that
  // work over Xapian's remote protocol (index/remote_reading.h).
  bool remote = false;
  std::vector<std::string> unavailable;
  std::unique_ptr<LocalSynonyms> synonyms;
  Xapian::Database parser_db;  // db, plus the local synonyms when remote
  // Word forms as the index was stemmed with (schema::kMetaLexicon).
  std::shared_ptr<const Lexicon> lexicon;
  Xapian::Stem stemmer = lexicon->Stemmer();
  // The index's own list (schema::kMetaStopwords); the parser keeps a plain
  // pointer to it.
  std::unique_ptr<Xapian::SimpleStopper> stopper;
  // Facet field values -> terms; the parser's field processors point here.
  FieldTermIndex field_terms;
  // A bad date the parser's date processors met in the current parse.
  std::string date_error;
  // Facet terms of the documents already counted, by docid.
  FacetTermCache facet_terms;
  // Built once per open or reopen, not per query: the field aliases, each
  // with its processor, and the stopper. Declared last, so destroyed before
  // the stopper and field_terms it points to.
  std::unique_ptr<Xapian::QueryParser> parser;

  // A fault of the index itself (damaged, vanished, a record that does not
  // decode): the caller must stop, so kConfig, naming the index.
  Error Fault(const std::string& what, const std::string& detail) const {
    return ConfigError(dir + ": " + what + ": " + detail +
                       "; the index may be damaged: restore it from a backup, or ingest into "
                       "a new --index folder");
  }

  IndexStatus Status() {
    IndexStatus status;
    Refresh();
    status.documents = db.get_doccount();
    // Summed from each document's counts slot: a value stream read, where
    // decoding every record (each with its whole text) took seconds.
    std::vector<Xapian::docid> counted;
    const unsigned slot = schema::kSlotCounts;
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
      RecordCounts counts;
      if (!DecodeCounts(*it, counts)) continue;  // read from the record below
      status.pages += counts.pages;
      status.mentions += counts.mentions;
      status.paths += counts.paths;
      counted.push_back(it.get_docid());
    }
    if (counted.size() < status.documents) {
      // Documents written before the counts slot existed: their records.
      for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        if (std::binary_search(counted.begin(), counted.end(), *it)) continue;
        StoredDocument record = DecodeRecord(db.get_document(*it));
        status.pages += static_cast<std::uint64_t>(record.pages);
        status.mentions += record.mentions.size();
        status.paths += record.paths.size();
      }
    }
    const Xapian::doccount current =
        db.get_termfreq(std::string(schema::kDerived) + std::to_string(schema::kDerivedRevision));
    status.outdated = status.documents - std::min<std::uint64_t>(current, status.documents);
    if (status.documents > 0) {
      // The slot's upper bound: the newest ingest time any document carries.
      const std::string newest = db.get_value_upper_bound(schema::kSlotIngested);
      if (!newest.empty()) {
        const auto seconds = static_cast<std::time_t>(Xapian::sortable_unserialise(newest));
        std::tm utc{};
        char text[32];
        if (gmtime_r(&seconds, &utc) && std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc)) {
          status.last_ingest = text;
        }
      }
    }
    const std::string prefix(schema::kMetaFailure);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
      nlohmann::json j = nlohmann::json::parse(db.get_metadata(*it), nullptr, false);
      if (!j.is_object()) continue;
      const nlohmann::json& path = j["path"];
      const nlohmann::json& bytes = j["path_bytes"];
      const nlohmann::json& reason = j["reason"];
      if (!path.is_string() || !reason.is_string()) continue;
      std::optional<std::string> exact;
      if (bytes.is_string()) exact = FromHexBytes(bytes.get<std::string>());
      status.failures.emplace_back(exact ? *exact : path.get<std::string>(),
                                   reason.get<std::string>());
    }
    return status;
  }

  // Brings the database up to its latest commit and, when that changed
  // anything, drops what was derived from the old revision.
  void Refresh() {
    if (db.reopen()) Load();
  }

  void Load() {
    parser.reset();
    field_terms.Clear();
    facet_terms.Clear();
    stopper = std::make_unique<Xapian::SimpleStopper>();
    for (const std::string& word : SplitStopwords(db.get_metadata(std::string(schema::kMetaStopwords)))) {
      stopper->add(word);
    }
    parser_db = db;
    if (remote) {
      synonyms = std::make_unique<LocalSynonyms>(db.get_metadata(std::string(schema::kMetaSynonymTable)));
      parser_db = Xapian::Database();
      parser_db.add_database(db);
      parser_db.add_database(synonyms->db());
    }
    parser = std::make_unique<Xapian::QueryParser>(MakeParser());
  }

  Xapian::QueryParser MakeParser() {
    Xapian::QueryParser qp;
    qp.set_database(parser_db);
    qp.set_stemmer(stemmer);
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_stopper(stopper.get());
    qp.set_max_expansion(kWildcardLimit, Xapian::Query::WILDCARD_LIMIT_ERROR,
                         Xapian::QueryParser::FLAG_WILDCARD);
    // Each name as listed, capitalised, and without å/ä/ö.
    auto names = [](std::string_view alias) {
      std::set<std::string> all = {std::string(alias), Capitalised(alias)};
      const std::string folded = FoldSwedish(std::string(alias));
      all.insert(folded);
      all.insert(Capitalised(folded));
      return all;
    };
    for (const char* alias : {"title", "titel"}) {
      for (const std::string& name : names(alias)) qp.add_prefix(name, std::string(schema::kTitle));
    }
    for (const FacetField& field : FacetFields()) {
      for (std::string_view alias : field.aliases) {
        for (const std::string& name : names(alias)) {
          Xapian::FieldProcessor* processor =
              field.prefix == schema::kDnr
                  ? static_cast<Xapian::FieldProcessor*>(new DnrFieldProcessor(&field_terms))
                  : new FacetFieldProcessor(&field_terms, std::string(alias), std::string(field.prefix));
          qp.add_boolean_prefix(name, processor->release());
        }
      }
    }
    // A range on the year field is a range of whole years.
    for (const char* alias : {"datum", "år", "year"}) {
      for (const std::string& name : names(alias)) {
        qp.add_rangeprocessor((new DateRangeProcessor(&date_error, name + ":"))->release());
      }
    }
    for (const std::string& name : names("datum")) {
      qp.add_boolean_prefix(name, (new DateFieldProcessor(&date_error))->release());
    }
    return qp;
  }

  // `spelling`: also work out a corrected query (get_corrected_query_string).
  // Only the first parse of a request asks: the suggestion was a third of a
  // one-word query's time at 100,000 pages, and the request's other parses
  // of the same text would only repeat it.
  Xapian::Query Parse(const std::string& text, Xapian::Query::op default_op, bool spelling = false) {
    parser->set_default_op(default_op);
    date_error.clear();
    Xapian::Query parsed = parser->parse_query(
        text, spelling ? kParserFlags : kParserFlags & ~unsigned{Xapian::QueryParser::FLAG_SPELLING_CORRECTION});
    if (!date_error.empty()) throw Xapian::QueryParserError(std::exchange(date_error, ""));
    return parsed;
  }

  // The words of `text` as typed (lower-cased, stopwords left out) when it
  // is nothing but words; empty when it has a phrase, a field, an operator,
  // a wildcard or a synonym, whose meaning a proximity boost must not bend.
  std::vector<std::string> PlainWords(const std::string& text) {
    parser->set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
    Xapian::Query parsed;
    try {
      parsed = Parse(text, Xapian::Query::OP_AND);
    } catch (...) {
      parser->set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
      throw;
    }
    parser->set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    std::vector<std::string> words;
    auto word = [&](const Xapian::Query& q) {
      if (q.get_type() != Xapian::Query::LEAF_TERM) return false;
      const std::string term = *q.get_terms_begin();
      if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) return false;
      words.push_back(term);
      return true;
    };
    if (parsed.get_type() == Xapian::Query::OP_AND) {
      for (std::size_t i = 0; i < parsed.get_num_subqueries(); ++i) {
        if (!word(parsed.get_subquery(i))) return {};
      }
    } else {
      word(parsed);
    }
    return words;
  }

  // For each of `words` that names a value of a document's type, topic,
  // year, issuer, county, a body or a plan it mentions ("protokoll",
  // "2014", "gotland" in "Region Gotland"): that document weighted up as
  // if it said the word once more, i.e. by the idf BM25 gives a word as
  // rare as the value (log((N - n + 0.5) / (n + 0.5)), n documents having
  // it; nothing for a value half the documents have). The query matches
  // what it matched before; this only reorders.
  Xapian::Query FieldBoost(const std::vector<std::string>& words) {
    static const std::vector<std::string_view> kPrefixes = {schema::kType, schema::kTopic, schema::kYear,
                                                            schema::kIssuer, schema::kCounty, schema::kBody,
                                                            schema::kPlan};
    const double documents = db.get_doccount();
    std::vector<Xapian::Query> boosts;
    for (const std::string& word : words) {
      std::set<std::string> terms;
      for (std::string_view prefix : kPrefixes) {
        for (const std::string& term : field_terms.Lookup(std::string(prefix), word)) terms.insert(term);
      }
      if (terms.empty()) continue;
      // Documents with any of the values: at least the commonest's count.
      double having = 0;
      for (const std::string& term : terms) having = std::max<double>(having, db.get_termfreq(term));
      const double idf = std::log((documents - having + 0.5) / (having + 0.5));
      if (idf <= 0) continue;
      boosts.emplace_back(Xapian::Query::OP_FILTER,
                          Xapian::Query((new Xapian::FixedWeightPostingSource(idf))->release()),
                          Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    }
    return boosts.empty() ? Xapian::Query() : Xapian::Query(Xapian::Query::OP_OR, boosts.begin(), boosts.end());
  }

  // The free text of `prepared` (dnr spans out) combined as `ranking` says,
  // with the spans' dnr queries required; MatchAll when the query is empty.
  Built TextQueries(const PreparedQuery& prepared, Ranking ranking, std::string* suggestion) {
    // Each parse widened to compound parts and to the forms with å, ä and ö
    // of words typed without them.
    LetterForms letter_forms;
    auto widened = [&](const Xapian::Query& parsed) {
      return WithSwedishLetters(WithParts(parsed), db, &letter_forms);
    };
    Built built;
    Xapian::Query text;
    if (!prepared.text.empty()) {
      const Xapian::Query all = widened(Parse(prepared.text, Xapian::Query::OP_AND, true));
      // The parser is reused: its correction is of the last string it parsed.
      if (suggestion != nullptr) *suggestion = parser->get_corrected_query_string();
      switch (ranking) {
        case Ranking::kAnd:
          text = all;
          break;
        case Ranking::kOr:
          text = widened(Parse(prepared.text, Xapian::Query::OP_OR));
          break;
        case Ranking::kAndOrFallback:
          text = all;
          built.fallback = widened(Parse(prepared.text, Xapian::Query::OP_OR));
          break;
        case Ranking::kOrAndBoost: {
          const Xapian::Query any = widened(Parse(prepared.text, Xapian::Query::OP_OR));
          // One word, a phrase, explicit operators: both parses are the
          // same query, and matching it twice (a phrase's positions above
          // all) only costs time.
          text = any.get_description() == all.get_description()
                     ? all
                     : Xapian::Query(Xapian::Query::OP_AND_MAYBE, any, all);
          break;
        }
        case Ranking::kEliteSet:
          text = widened(Parse(prepared.text, Xapian::Query::OP_ELITE_SET));
          break;
        case Ranking::kOrFieldBoost: {
          text = widened(Parse(prepared.text, Xapian::Query::OP_OR));
          const Xapian::Query boost = FieldBoost(PlainWords(prepared.text));
          if (!boost.empty()) text = Xapian::Query(Xapian::Query::OP_AND_MAYBE, text, boost);
          break;
        }
        case Ranking::kOrAndFieldBoost:
        case Ranking::kOrAndFieldFormBoost: {
          const Xapian::Query any = widened(Parse(prepared.text, Xapian::Query::OP_OR));
          std::vector<Xapian::Query> boosts;
          // One word, a phrase, explicit operators: "every word" is the
          // query itself (as for kOrAndBoost).
          if (any.get_description() != all.get_description()) boosts.push_back(all);
          const std::vector<std::string> words = PlainWords(prepared.text);
          const Xapian::Query field = FieldBoost(words);
          if (!field.empty()) boosts.push_back(field);
          if (ranking == Ranking::kOrAndFieldFormBoost && !words.empty()) {
            // The words as typed, unstemmed (TermGenerator indexes both).
            boosts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                                Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end()),
                                kFormWeight);
          }
          text = boosts.empty() ? any
                                : Xapian::Query(Xapian::Query::OP_AND_MAYBE, any,
                                                Xapian::Query(Xapian::Query::OP_OR, boosts.begin(), boosts.end()));
          break;
        }
        case Ranking::kOrNearBoost: {
          text = widened(Parse(prepared.text, Xapian::Query::OP_OR));
          const std::vector<std::string> words = PlainWords(prepared.text);
          if (words.size() >= 2) {
            const Xapian::Query near(Xapian::Query::OP_NEAR, words.begin(), words.end(),
                                     static_cast<Xapian::termcount>(words.size() + kNearSlack));
            text = Xapian::Query(Xapian::Query::OP_AND_MAYBE, text, near);
          }
          break;
        }
      }
    }
    std::vector<Xapian::Query> dnrs;
    for (const std::string& span : prepared.dnrs) {
      // By its key, or by its words as a phrase (a number no tagger saw).
      std::vector<Xapian::Query> ways = {DnrKeyQuery(span),
                                         Parse("\"" + span + "\"", Xapian::Query::OP_AND)};
      // A day typed as a number ("2014-09-23"): also documents of that date
      // and documents mentioning it in any written form ("den 23 september
      // 2014", "23/9 2014"), as the tagger values them.
      if (IsDay(span)) {
        ways.emplace_back(PrefixedTerm(schema::kDateMentioned, span));
        ways.push_back(DateRangeQuery(span, span));
      }
      dnrs.push_back(Xapian::Query(Xapian::Query::OP_OR, ways.begin(), ways.end()));
    }
    auto combine = [&](Xapian::Query q) {
      for (const Xapian::Query& d : dnrs) q = q.empty() ? d : Xapian::Query(Xapian::Query::OP_AND, q, d);
      return q.empty() ? Xapian::Query::MatchAll : q;
    };
    built.query = combine(text);
    if (built.fallback) built.fallback = combine(*built.fallback);
    return built;
  }

  // The queries for `request`; `suggestion` gets the spelling-corrected
  // query string when the parser has one, `notes` what the user should hear.
  Built BuildQuery(const SearchRequest& request, std::string* suggestion,
                   std::vector<std::string>* notes) {
    field_terms.notes().clear();
    // A facet field's value: one the index holds. Other fields (title,
    // datum, dnr) take no words after their value.
    const auto has_value = [&](const std::string& name, const std::string& value) {
      const FacetField* field = FindFacetField(name);
      return field == nullptr || field->prefix == schema::kDnr ||
             !field_terms.Lookup(std::string(field->prefix), value).empty();
    };
    const PreparedQuery prepared = PrepareQuery(request.query, IsQueryField, has_value);
    if (!prepared.unknown_field.empty()) {
      throw Xapian::QueryParserError(UnknownFieldMessage(prepared.unknown_field));
    }
    Built built = TextQueries(prepared, request.ranking, suggestion);
    std::vector<Xapian::Query> filters;
    for (const auto& [field, value] : request.filters) {
      if (!IsQueryField(field) || FoldSwedish(field) == "title" || FoldSwedish(field) == "titel") {
        throw Xapian::QueryParserError(
            "unknown filter field '" + field +
            "'; use body, plan, type, topic, county, year, dnr, issuer or datum");
      }
      filters.push_back(Parse(field + ":\"" + value + "\"", Xapian::Query::OP_AND));
    }
    if (!request.from.empty() || !request.to.empty()) {
      filters.push_back(DateRangeQuery(request.from, request.to));
    }
    for (const Xapian::Query& f : filters) {
      built.query = Xapian::Query(Xapian::Query::OP_FILTER, built.query, f);
      if (built.fallback) built.fallback = Xapian::Query(Xapian::Query::OP_FILTER, *built.fallback, f);
    }
    if (notes != nullptr) {
      // The text is parsed once per way of combining it: each note once.
      for (const std::string& note : field_terms.notes()) {
        if (std::find(notes->begin(), notes->end(), note) == notes->end()) notes->push_back(note);
      }
    }
    return built;
  }

  // Every path of the documents whose text hash is `hash`, `first`'s first.
  // The hit for every document whose normalised text hashes to `hash`
  // (`shown`, one of them, among them). The hit shown is the one whose
  // first path sorts first, and the other paths follow it in path order:
  // which document of the twins ranks first is decided by document ids,
  // and under --jobs 2 those depend on which worker took which file, so
  // the same files would otherwise show another hit from run to run.
  void MergeTwins(const std::string& hash, Hit& shown) {
    const std::string term = std::string(schema::kTextHash) + hash;
    std::vector<Hit> twins;
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
      Hit twin;
      DecodeHit(db.get_document(*p).get_value(schema::kSlotHit), twin);
      if (!twin.paths.empty()) twins.push_back(std::move(twin));
    }
    if (twins.empty()) return;
    const auto first = std::min_element(twins.begin(), twins.end(), [](const Hit& a, const Hit& b) {
      return a.paths.front() < b.paths.front();
    });
    std::vector<std::string> others;
    for (const Hit& twin : twins) {
      for (const std::string& path : twin.paths) {
        if (std::find(first->paths.begin(), first->paths.end(), path) == first->paths.end()) {
          others.push_back(path);
        }
      }
    }
    std::sort(others.begin(), others.end());
    others.erase(std::unique(others.begin(), others.end()), others.end());
    // Rank, score and snippet stay: the twins share their text.
    Hit merged = std::move(*first);
    merged.rank = shown.rank;
    merged.score = shown.score;
    merged.snippet = std::move(shown.snippet);
    merged.paths.insert(merged.paths.end(), others.begin(), others.end());
    shown = std::move(merged);
  }

  // The documents `id_or_path` names: one for a path or a unique id
  // prefix, several for an ambiguous prefix (with their ids in `ids`),
  // none when nothing matches.
  std::vector<Xapian::docid> Resolve(const std::string& id_or_path,
                                     std::vector<std::string>* ids) const {
    // A path given relative to here, or in the other Unicode normalisation
    // form, also finds the document.
    std::vector<std::string> paths = PathForms(id_or_path);
    std::error_code ec;
    std::filesystem::path abs = std::filesystem::absolute(id_or_path, ec);
    if (!ec) {
      for (const std::string& form : PathForms(abs.lexically_normal().string())) paths.push_back(form);
    }
    for (const std::string& path : paths) {
      const std::string term = PathTerm(path);
      auto p = db.postlist_begin(term);
      if (p != db.postlist_end(term)) return {*p};
    }
    if (id_or_path.size() < 8) return {};
    std::string prefix(schema::kId);
    prefix += FoldCase(id_or_path);
    std::vector<Xapian::docid> found;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
      found.push_back(*db.postlist_begin(*t));
      ids->push_back((*t).substr(schema::kId.size()));
    }
    return found;
  }
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;
Searcher::~Searcher() = default;

Result<Searcher> Searcher::Open(const std::string& dir, const ReadOptions& options) {
  Result<ReadableIndex> index = OpenForReading(dir, options);
  if (!index) return index.error();
  try {
    Xapian::Database& db = index->db;
    const std::string version = db.get_metadata(std::string(schema::kMetaSchema));
    // An ingest stopped before its first commit leaves a database with
    // nothing in it, metadata included: an empty index, not an old one.
    const bool empty = version.empty() && db.get_doccount() == 0;
    if (!empty && version != std::to_string(schema::kSchemaVersion)) {
      return ConfigError(dir + ": index has schema version " + (version.empty() ? "?" : version) +
                         " but this diar reads version " + std::to_string(schema::kSchemaVersion) +
                         "; ingest the documents again into a new --index folder");
    }
    Result<std::shared_ptr<const Lexicon>> lexicon =
        Lexicon::FromStored(db.get_metadata(std::string(schema::kMetaLexicon)));
    if (!lexicon) return ConfigError(dir + ": " + lexicon.error().message);
    return Searcher(std::make_unique<Impl>(dir, std::move(index).value(), std::move(lexicon).value()));
  } catch (const Xapian::DatabaseCorruptError& e) {
    return ConfigError(dir + ": index is damaged: " + e.get_description() +
                       "; restore it from a backup, or ingest into a new --index folder");
  } catch (const Xapian::Error& e) {
    return ConfigError(dir + ": cannot open index: " + e.get_description());
  }
}

const std::vector<std::string>& Searcher::unavailable_shards() const { return impl_->unavailable; }

Result<SearchResult> Searcher::Search(const SearchRequest& request) const {
  // Xapian would index the bytes as they come and JSON output cannot carry
  // them: a query must be text.
  const auto not_text = [](const std::string& what, const std::string& s) -> std::optional<Error> {
    std::size_t at = 0;
    if (IsUtf8(s, &at)) return std::nullopt;
    return InputError(what + " '" + Escaped(s) + "' is not valid UTF-8 (byte " + std::to_string(at + 1) +
                      "); type it again, or set a UTF-8 locale in the terminal");
  };
  if (auto bad = not_text("query", request.query)) return *bad;
  for (const auto& [field, value] : request.filters) {
    if (auto bad = not_text("filter", field + "=" + value)) return *bad;
  }
  for (const std::string* date : {&request.from, &request.to}) {
    if (auto bad = not_text("date", *date)) return *bad;
  }
  SearchResult result;
  result.query = request.query;
  std::string correction;
  try {
    impl_->Refresh();
    Impl::Built built = impl_->BuildQuery(request, &result.suggestion, &result.notes);
    Xapian::Enquire enquire(impl_->db);
    if (request.sort_by_date) {
      enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
    }
    // One hit for files with the same normalised text: Xapian's collapse
    // key. Counting facets visits every match, and collapsing all of them
    // too tripled a facet query's time at 100,000 pages (p50 9.9 -> 26.9 ms,
    // bench/search), so then the page is collapsed here instead: a hit
    // whose text an earlier hit of the page has is left out, and the total
    // counts documents.
    const bool collapse_page = request.collapse_identical && request.facets;
    if (request.collapse_identical && !request.facets) {
      enquire.set_collapse_key(schema::kSlotTextHash);
    }
    const Xapian::doccount offset = static_cast<Xapian::doccount>(std::max(0, request.offset));
    const Xapian::doccount limit = static_cast<Xapian::doccount>(std::max(0, request.limit));
    Xapian::Query query = built.query;
    if (built.fallback) {
      // Every word first; any word when that finds too little.
      enquire.set_query(query);
      const Xapian::MSet probe = enquire.get_mset(0, kFallbackBelow, kFallbackBelow);
      if (probe.get_matches_upper_bound() < static_cast<Xapian::doccount>(kFallbackBelow)) {
        query = *built.fallback;
      }
    }
    enquire.set_query(query);
    // Facets need every match seen (checkatleast = all documents), which
    // also makes the total exact; the spy counts during that same pass.
    // A query reading positions sees kPositionalFacetCheck of them at least.
    FacetSpy spy(&impl_->facet_terms);
    Xapian::ValueCountMatchSpy remote_spy(schema::kSlotFacets);
    // FacetSpy's cache is by docid, and Xapian 1.4 gives a spy each shard's
    // own docid, so with several shards documents of different shards
    // would share an entry: count slot values instead, as remotely.
    const bool by_values = impl_->remote || impl_->db.size() > 1;
    if (request.facets) enquire.add_matchspy(by_values ? static_cast<Xapian::MatchSpy*>(&remote_spy) : &spy);
    // Rows a collapsed page may need beyond its limit.
    constexpr Xapian::doccount kCollapseSlack = 10;
    const Xapian::doccount rows = limit + (collapse_page ? kCollapseSlack : 0);
    Xapian::doccount check = 0;
    if (request.facets) {
      check = ReadsPositions(query) ? std::max(kPositionalFacetCheck, offset + rows) : impl_->db.get_doccount();
    }
    Xapian::MSet mset = enquire.get_mset(offset, rows, check);
    result.total = mset.get_matches_estimated();
    if (request.facets) {
      const Xapian::doccount counted = by_values ? remote_spy.get_total() : spy.documents();
      if (counted < mset.get_matches_upper_bound()) {
        result.notes.push_back("facets counted over the first " + std::to_string(counted) + " of about " +
                               std::to_string(result.total) +
                               " matches (a phrase checks word positions in every document)");
      }
    }
    // Xapian proposes a correction whenever a commoner word is one edit
    // away ("regional" -> "regionala"); offered beside good results that is
    // noise, so a suggestion is only given when nothing matched, or when the
    // words it corrects match nothing (below).
    correction = std::exchange(result.suggestion, "");
    if (result.total == 0 && correction.empty() && impl_->remote) {
      correction = SuggestByNeighbours(impl_->db, request.query);
    }
    if (!OfferableCorrection(request.query, correction)) correction.clear();
    if (result.total == 0) result.suggestion = correction;
    const Snippeter snippeter(query, impl_->stemmer);
    int rank = request.offset;
    std::set<std::string> texts_shown;
    for (auto it = mset.begin(); it != mset.end() && result.hits.size() < limit; ++it) {
      // The result list reads two slots, never the whole record: decoding a
      // long document's JSON for each hit cost more than the search.
      const Xapian::Document doc = it.get_document();
      bool has_twins = it.get_collapse_count() > 0;
      if (collapse_page) {
        const std::string hash = doc.get_value(schema::kSlotTextHash);
        if (!texts_shown.insert(hash).second) continue;
        has_twins = impl_->db.get_termfreq(std::string(schema::kTextHash) + hash) > 1;
      }
      Hit hit;
      DecodeHit(doc.get_value(schema::kSlotHit), hit);
      hit.rank = ++rank;
      hit.score = it.get_weight();
      const std::string text = doc.get_value(schema::kSlotText);
      std::size_t match_at = 0;
      hit.snippet = snippeter.Make(mset, text, &match_at);
      if (has_twins) impl_->MergeTwins(doc.get_value(schema::kSlotTextHash), hit);
      hit.snippet_page = PageAt(text, match_at, hit.page_starts);
      result.hits.push_back(std::move(hit));
    }
    if (request.facets) {
      FacetCounts counts = by_values ? FacetCountsOfSlotValues(remote_spy, request.facet_limit)
                                         : spy.Counts(request.facet_limit);
      result.facets = std::move(counts.shown);
      result.facets_more = std::move(counts.more);
    }
  } catch (const Xapian::WildcardError& e) {
    return InputError("query '" + request.query + "': a wildcard matches more than " +
                      std::to_string(kWildcardLimit) +
                      " different words; type more letters before the *");
  } catch (const Xapian::QueryParserError& e) {
    return InputError("query '" + request.query + "': " + e.get_msg());
  } catch (const Xapian::Error& e) {
    return impl_->Fault("cannot search", e.get_description());
  } catch (const std::runtime_error& e) {
    return impl_->Fault("cannot search", e.what());
  }
  if (!request.search_correction || correction.empty() || correction == request.query) return result;
  // The words the correction changes, when each is a typo that matches
  // nothing in the archive ("regionstyrelsn beslut" found only "beslut"):
  // the correction's results, said so, rather than those of the other words
  // or an empty page, and a link to it.
  const std::vector<std::string> typos = CorrectedWords(request.query, correction);
  if (typos.empty()) return result;
  const bool correctable =
      std::all_of(typos.begin(), typos.end(), [](const std::string& w) { return CorrectableWord(w); });
  // With results, only a correction that would be searched is looked into.
  if (result.total > 0 && !correctable) return result;
  for (const std::string& word : typos) {
    // One hit asked for: with none, Xapian may estimate a phrase's matches
    // as none without looking.
    SearchRequest alone;
    alone.query = word;
    alone.limit = 1;
    alone.collapse_identical = false;
    alone.search_correction = false;
    const Result<SearchResult> found = Search(alone);
    if (!found || !found->hits.empty()) return result;
  }
  result.suggestion = correction;
  if (!correctable) return result;
  SearchRequest corrected = request;
  corrected.query = correction;
  corrected.search_correction = false;
  Result<SearchResult> instead = Search(corrected);
  if (instead && instead->total > 0) {
    instead->searched_instead = std::move(instead->query);
    instead->query = request.query;
    return instead;
  }
  return result;
}

Result<StoredDocument> Searcher::Get(const std::string& id_or_path) const {
  try {
    impl_->Refresh();
    std::vector<std::string> ids;
    const std::vector<Xapian::docid> found = impl_->Resolve(id_or_path, &ids);
    if (found.empty()) {
      return InputError(Escaped(id_or_path) + ": no such document in the index; give a "
                                              "document id (8+ hex digits) or a source path "
                                              "(see `diar search`)");
    }
    if (found.size() > 1) {
      std::string list;
      for (const std::string& id : ids) list += "\n  " + id;
      return InputError(id_or_path + ": ambiguous id prefix, it matches " +
                        std::to_string(found.size()) + " documents; give more digits:" + list);
    }
    return DecodeRecord(impl_->db.get_document(found.front()));
  } catch (const Xapian::Error& e) {
    return impl_->Fault("cannot read " + Escaped(id_or_path), e.get_description());
  } catch (const std::runtime_error& e) {
    return impl_->Fault("cannot read " + Escaped(id_or_path), e.what());
  }
}

Result<IndexStatus> Searcher::Status() const {
  try {
    return impl_->Status();
  } catch (const Xapian::Error& e) {
    return impl_->Fault("cannot read", e.get_description());
  } catch (const std::runtime_error& e) {
    return impl_->Fault("cannot read", e.what());
  }
}

}  // namespace diar
