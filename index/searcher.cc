#include "index/searcher.h"

#include <unicode/unistr.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>
#include <nlohmann/json.hpp>

#include "index/facets.h"
#include "index/fields.h"
#include "index/record.h"
#include "index/schema.h"
#include "index/stopwords.h"
#include "index/synonyms.h"
#include "index/text_terms.h"

namespace diar {
namespace {

// Characters of stored text a snippet may show.
constexpr std::size_t kSnippetBytes = 240;

std::string FoldCase(const std::string& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  u.foldCase();
  std::string out;
  return u.toUTF8String(out);
}

// Swedish genitive: "Regionstyrelsens" -> "Regionstyrelsen", "EU:s" -> "EU".
std::string WithoutPossessive(const std::string& s) {
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ":s") == 0) return s.substr(0, s.size() - 2);
  if (s.size() > 1 && (s.back() == 's' || s.back() == 'S')) return s.substr(0, s.size() - 1);
  return s;
}

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

// "Västmanlands län" -> "västmanland": the county facet also takes the
// name stem a user is likely to type ("län:Västmanland").
std::string CountyStem(const std::string& folded) {
  static const std::string kLan = " l\u00e4n";
  std::string s = folded;
  if (s.size() > kLan.size() && s.compare(s.size() - kLan.size(), kLan.size(), kLan) == 0) {
    s.resize(s.size() - kLan.size());
  }
  return WithoutPossessive(s);
}

// Matches a facet field's value against the stored canonical values without
// regard to case and with or without a possessive -s; a body also by any
// name the synonyms know for it ("organ:SKR").
class FacetFieldProcessor : public Xapian::FieldProcessor {
 public:
  FacetFieldProcessor(const Xapian::Database& db, std::string prefix)
      : db_(db), prefix_(std::move(prefix)) {}

  Xapian::Query operator()(const std::string& value) override {
    const std::string want = FoldCase(value);
    const std::string want_bare = FoldCase(WithoutPossessive(value));
    const bool county = prefix_ == schema::kCounty;
    std::set<std::string> terms;
    for (auto it = db_.allterms_begin(prefix_); it != db_.allterms_end(prefix_); ++it) {
      const std::string stored = FoldCase((*it).substr(prefix_.size()));
      if (stored == want || stored == want_bare ||
          (county && (CountyStem(stored) == want || CountyStem(stored) == want_bare))) {
        terms.insert(*it);
      }
    }
    if (prefix_ == schema::kBody) {
      for (const std::string& key : {SynonymKey(value), SynonymKey(WithoutPossessive(value))}) {
        for (auto it = db_.synonyms_begin(key); it != db_.synonyms_end(key); ++it) {
          if ((*it).rfind(prefix_, 0) == 0 && db_.term_exists(*it)) terms.insert(*it);
        }
      }
    }
    if (terms.empty()) return Xapian::Query(PrefixedTerm(prefix_, value));  // matches nothing
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  }

 private:
  Xapian::Database db_;
  std::string prefix_;
};

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
  Xapian::Database db;
  // The index's own list (schema::kMetaStopwords); a parser keeps a plain
  // pointer to it, so it lives as long as the Impl.
  std::unique_ptr<Xapian::SimpleStopper> stopper;

  void LoadStopper() {
    stopper = std::make_unique<Xapian::SimpleStopper>();
    for (const std::string& word : SplitStopwords(db.get_metadata(std::string(schema::kMetaStopwords)))) {
      stopper->add(word);
    }
  }

  Xapian::QueryParser MakeParser() const {
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_stemmer(SwedishStemmer());
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
          qp.add_boolean_prefix(name,
                                (new FacetFieldProcessor(db, std::string(field.prefix)))->release());
        }
      }
    }
    qp.add_rangeprocessor((new DateFieldProcessor())->release());
    return qp;
  }

  // The query for `request`; `suggestion` gets the spelling-corrected query
  // string when the parser has one.
  Xapian::Query BuildQuery(const SearchRequest& request, std::string* suggestion) const {
    Xapian::QueryParser qp = MakeParser();
    const unsigned flags = kParserFlags;
    Xapian::Query query = request.query.empty()
                              ? Xapian::Query::MatchAll
                              : qp.parse_query(request.query, flags);
    if (suggestion != nullptr) *suggestion = qp.get_corrected_query_string();
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

  std::optional<Xapian::docid> Resolve(const std::string& id_or_path) const {
    const std::string path_term = PathTerm(id_or_path);
    auto p = db.postlist_begin(path_term);
    if (p != db.postlist_end(path_term)) return *p;
    // A path given relative to here also finds the document.
    std::error_code ec;
    std::filesystem::path abs = std::filesystem::absolute(id_or_path, ec);
    if (!ec) {
      const std::string abs_term = PathTerm(abs.lexically_normal().string());
      auto q = db.postlist_begin(abs_term);
      if (q != db.postlist_end(abs_term)) return *q;
    }
    if (id_or_path.size() < 8) return std::nullopt;
    std::string prefix(schema::kId);
    prefix += FoldCase(id_or_path);
    std::optional<Xapian::docid> found;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
      if (found) return std::nullopt;  // ambiguous prefix
      found = *db.postlist_begin(*t);
    }
    return found;
  }
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;
Searcher::~Searcher() = default;

Result<Searcher> Searcher::Open(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::exists(dir, ec)) {
    return ConfigError(dir + ": no index here; run `diar ingest PATH...` first "
                             "or pass --index DIR");
  }
  try {
    auto impl = std::make_unique<Impl>();
    impl->db = Xapian::Database(dir);
    impl->LoadStopper();
    return Searcher(std::move(impl));
  } catch (const Xapian::Error& e) {
    return ConfigError(dir + ": cannot open index: " + e.get_description());
  }
}

Result<SearchResult> Searcher::Search(const SearchRequest& request) const {
  SearchResult result;
  result.query = request.query;
  try {
    if (impl_->db.reopen()) impl_->LoadStopper();
    Xapian::Query query = impl_->BuildQuery(request, &result.suggestion);
    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(query);
    if (request.sort_by_date) {
      enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
    }
    // Facets need every match seen (checkatleast = all documents), which
    // also makes the total exact; the spy counts during that same pass.
    FacetSpy spy;
    if (request.facets) enquire.add_matchspy(&spy);
    const Xapian::doccount check = request.facets ? impl_->db.get_doccount() : 0;
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(std::max(0, request.offset)),
                                         static_cast<Xapian::doccount>(std::max(0, request.limit)),
                                         check);
    result.total = mset.get_matches_estimated();
    int rank = request.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      // The result list reads two slots, never the whole record: decoding a
      // long document's JSON for each hit cost more than the search.
      const Xapian::Document doc = it.get_document();
      Hit hit;
      DecodeHit(doc.get_value(schema::kSlotHit), hit);
      hit.rank = ++rank;
      hit.score = it.get_weight();
      // Not SNIPPET_EXHAUSTIVE or SNIPPET_BACKGROUND_MODEL: over a 40-page
      // text they made snippets cost five times the search itself; the first
      // good passage is what a result list needs.
      hit.snippet = mset.snippet(doc.get_value(schema::kSlotText), kSnippetBytes,
                                 SwedishStemmer(), 0, "«", "»", "…");
      result.hits.push_back(std::move(hit));
    }
    if (request.facets) result.facets = spy.Counts();
  } catch (const Xapian::QueryParserError& e) {
    return InputError("query '" + request.query + "': " + e.get_msg());
  } catch (const Xapian::Error& e) {
    return ConfigError("index: " + e.get_description());
  }
  return result;
}

Result<StoredDocument> Searcher::Get(const std::string& id_or_path) const {
  try {
    impl_->db.reopen();
    auto id = impl_->Resolve(id_or_path);
    if (!id) {
      return InputError(id_or_path + ": no such document in the index; give a "
                                     "document id (8+ hex digits) or a source path "
                                     "(see `diar search`)");
    }
    return DecodeRecord(impl_->db.get_document(*id).get_data());
  } catch (const Xapian::Error& e) {
    return ConfigError("index: " + e.get_description());
  }
}

IndexStatus Searcher::Status() const {
  IndexStatus status;
  impl_->db.reopen();
  status.documents = impl_->db.get_doccount();
  for (auto it = impl_->db.postlist_begin(""); it != impl_->db.postlist_end(""); ++it) {
    StoredDocument record = DecodeRecord(impl_->db.get_document(*it).get_data());
    status.pages += static_cast<std::uint64_t>(record.pages);
    status.mentions += record.mentions.size();
    status.paths += record.paths.size();
  }
  const std::string prefix(schema::kMetaFailure);
  for (auto it = impl_->db.metadata_keys_begin(prefix);
       it != impl_->db.metadata_keys_end(prefix); ++it) {
    nlohmann::json j = nlohmann::json::parse(impl_->db.get_metadata(*it), nullptr, false);
    if (j.is_object()) {
      status.failures.emplace_back(j.value("path", ""), j.value("reason", ""));
    }
  }
  return status;
}

}  // namespace diar
