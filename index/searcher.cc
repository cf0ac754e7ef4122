#include "index/searcher.h"

#include <unicode/unistr.h>
#include <xapian.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <optional>
#include <nlohmann/json.hpp>

#include "index/byte_string.h"
#include "index/facets.h"
#include "index/field_terms.h"
#include "index/fields.h"
#include "index/path_forms.h"
#include "index/record.h"
#include "index/remote_reading.h"
#include "index/schema.h"
#include "index/snippet.h"
#include "index/stopwords.h"
#include "index/text_terms.h"

namespace diar {
namespace {

// "2021", "2021-03", "2021-03-29" -> "20210101".."20211231"-style slot keys.
// `upper` picks the last day the text can mean. Empty when malformed.
std::string DateKey(std::string text, bool upper) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c != '-') {
      return "";
    }
  }
  if (digits.size() == 4) return digits + (upper ? "1231" : "0101");
  if (digits.size() == 6) return digits + (upper ? "31" : "01");
  if (digits.size() == 8) return digits;
  return "";
}

Xapian::Query DateRange(const std::string& from, const std::string& to) {
  const std::string lo = from.empty() ? "" : DateKey(from, false);
  const std::string hi = to.empty() ? "" : DateKey(to, true);
  if (!from.empty() && lo.empty()) throw Xapian::QueryParserError("bad date '" + from + "'; write YYYY, YYYY-MM or YYYY-MM-DD");
  if (!to.empty() && hi.empty()) throw Xapian::QueryParserError("bad date '" + to + "'; write YYYY, YYYY-MM or YYYY-MM-DD");
  if (lo.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, hi);
  if (hi.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, lo);
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, lo, hi);
}

// datum:2021-01-01..2022-12-31 on the document date slot.
class DateFieldProcessor : public Xapian::RangeProcessor {
 public:
  DateFieldProcessor() : Xapian::RangeProcessor(schema::kSlotDate, "datum:") {}
  Xapian::Query operator()(const std::string& begin, const std::string& end) override {
    return DateRange(begin, end);
  }
};

// Parser flags: Xapian's defaults (boolean operators, phrases, +/-), plus
// lower-case operators, a pure NOT, synonyms of one or more words, and
// spelling suggestions.
constexpr unsigned kParserFlags =
    Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_BOOLEAN_ANY_CASE |
    Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS |
    Xapian::QueryParser::FLAG_SPELLING_CORRECTION;

// "län" -> "Län": a field typed at the start of a sentence-like query.
std::string Capitalised(std::string_view alias) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(alias.data(), alias.size()));
  u.replace(0, 1, icu::UnicodeString(u.char32At(0)).toUpper());
  std::string out;
  return u.toUTF8String(out);
}

}  // namespace

struct Searcher::Impl {
  Impl(const std::string& dir, ReadableIndex index)
      : dir(dir), db(std::move(index.db)), remote(index.has_remote),
        unavailable(std::move(index.unavailable)), field_terms(db) {
    Load();
  }

  std::string dir;
  Xapian::Database db;
  // Some shard is remote: synonyms, spelling and facets take the ways that
  // work over Xapian's remote protocol (index/remote_reading.h).
  bool remote = false;
  std::vector<std::string> unavailable;
  std::unique_ptr<LocalSynonyms> synonyms;
  Xapian::Database parser_db;  // db, plus the local synonyms when remote
  Xapian::Stem stemmer = SwedishStemmer();
  // The index's own list (schema::kMetaStopwords); the parser keeps a plain
  // pointer to it.
  std::unique_ptr<Xapian::SimpleStopper> stopper;
  // Facet field values -> terms; the parser's field processors point here.
  FieldTermIndex field_terms;
  // Facet terms of the documents already counted, by docid.
  FacetTermCache facet_terms;
  // Built once per open or reopen, not per query: 36 field aliases, each
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
        StoredDocument record = DecodeRecord(db.get_document(*it).get_data());
        status.pages += static_cast<std::uint64_t>(record.pages);
        status.mentions += record.mentions.size();
        status.paths += record.paths.size();
      }
    }
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
    qp.set_default_op(Xapian::Query::OP_AND);
    for (const char* alias : {"title", "titel"}) {
      qp.add_prefix(alias, std::string(schema::kTitle));
      qp.add_prefix(Capitalised(alias), std::string(schema::kTitle));
    }
    for (const FacetField& field : FacetFields()) {
      for (std::string_view alias : field.aliases) {
        for (const std::string& name : {std::string(alias), Capitalised(alias)}) {
          qp.add_boolean_prefix(
              name, (new FacetFieldProcessor(&field_terms, std::string(field.prefix)))->release());
        }
      }
    }
    qp.add_rangeprocessor((new DateFieldProcessor())->release());
    return qp;
  }

  // The query for `request`; `suggestion` gets the spelling-corrected query
  // string when the parser has one.
  Xapian::Query BuildQuery(const SearchRequest& request, std::string* suggestion) {
    Xapian::QueryParser& qp = *parser;
    const unsigned flags = kParserFlags;
    Xapian::Query query = request.query.empty()
                              ? Xapian::Query::MatchAll
                              : qp.parse_query(request.query, flags);
    // The parser is reused: its correction is of the last string it parsed.
    if (suggestion != nullptr) {
      *suggestion = request.query.empty() ? "" : qp.get_corrected_query_string();
    }
    if (query.empty()) query = Xapian::Query::MatchAll;
    std::vector<Xapian::Query> filters;
    for (const auto& [field, value] : request.filters) {
      if (!FindFacetField(field) && field != "datum") {
        throw Xapian::QueryParserError("unknown filter field '" + field +
                                       "'; use body, plan, type, topic, county, year, dnr or issuer");
      }
      filters.push_back(qp.parse_query(field + ":\"" + value + "\"", flags));
    }
    if (!request.from.empty() || !request.to.empty()) {
      filters.push_back(DateRange(request.from, request.to));
    }
    for (const Xapian::Query& f : filters) {
      query = Xapian::Query(Xapian::Query::OP_FILTER, query, f);
    }
    return query;
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
    return Searcher(std::make_unique<Impl>(dir, std::move(index).value()));
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
  try {
    impl_->Refresh();
    Xapian::Query query = impl_->BuildQuery(request, &result.suggestion);
    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(query);
    if (request.sort_by_date) {
      enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
    }
    // Facets need every match seen (checkatleast = all documents), which
    // also makes the total exact; the spy counts during that same pass.
    FacetSpy spy(&impl_->facet_terms);
    Xapian::ValueCountMatchSpy remote_spy(schema::kSlotFacets);
    if (request.facets) enquire.add_matchspy(impl_->remote ? static_cast<Xapian::MatchSpy*>(&remote_spy) : &spy);
    const Xapian::doccount check = request.facets ? impl_->db.get_doccount() : 0;
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(std::max(0, request.offset)),
                                         static_cast<Xapian::doccount>(std::max(0, request.limit)),
                                         check);
    result.total = mset.get_matches_estimated();
    // Xapian proposes a correction whenever a commoner word is one edit
    // away ("regional" -> "regionala"); offered beside good results that is
    // noise, so a suggestion is only given when nothing matched.
    if (result.total > 0) result.suggestion.clear();
    if (result.total == 0 && result.suggestion.empty() && impl_->remote) {
      result.suggestion = SuggestByNeighbours(impl_->db, request.query);
    }
    const Snippeter snippeter(query, impl_->stemmer);
    int rank = request.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      // The result list reads two slots, never the whole record: decoding a
      // long document's JSON for each hit cost more than the search.
      const Xapian::Document doc = it.get_document();
      Hit hit;
      DecodeHit(doc.get_value(schema::kSlotHit), hit);
      hit.rank = ++rank;
      hit.score = it.get_weight();
      hit.snippet = snippeter.Make(mset, doc.get_value(schema::kSlotText));
      result.hits.push_back(std::move(hit));
    }
    if (request.facets) {
      result.facets = impl_->remote ? FacetCountsOfSlotValues(remote_spy) : spy.Counts();
    }
  } catch (const Xapian::QueryParserError& e) {
    return InputError("query '" + request.query + "': " + e.get_msg());
  } catch (const Xapian::Error& e) {
    return impl_->Fault("cannot search", e.get_description());
  } catch (const std::runtime_error& e) {
    return impl_->Fault("cannot search", e.what());
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
    return DecodeRecord(impl_->db.get_document(found.front()).get_data());
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
