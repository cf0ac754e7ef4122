#include "index/searcher.h"

#include <unicode/unistr.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <nlohmann/json.hpp>

#include "index/fields.h"
#include "index/record.h"
#include "index/schema.h"
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

// Matches a facet field's value against the stored canonical values without
// regard to case and with or without a possessive -s.
class FacetFieldProcessor : public Xapian::FieldProcessor {
 public:
  FacetFieldProcessor(const Xapian::Database& db, std::string prefix)
      : db_(db), prefix_(std::move(prefix)) {}

  Xapian::Query operator()(const std::string& value) override {
    const std::string want = FoldCase(value);
    const std::string want_bare = FoldCase(WithoutPossessive(value));
    std::vector<Xapian::Query> terms;
    for (auto it = db_.allterms_begin(prefix_); it != db_.allterms_end(prefix_); ++it) {
      const std::string stored = FoldCase((*it).substr(prefix_.size()));
      if (stored == want || stored == want_bare) terms.emplace_back(*it);
    }
    if (terms.empty()) return Xapian::Query(prefix_ + value);  // matches nothing
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

}  // namespace

struct Searcher::Impl {
  Xapian::Database db;

  Xapian::QueryParser MakeParser() const {
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_stemmer(SwedishStemmer());
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_AND);
    qp.add_prefix("title", std::string(schema::kTitle));
    qp.add_prefix("titel", std::string(schema::kTitle));
    for (const FacetField& field : FacetFields()) {
      for (std::string_view alias : field.aliases) {
        qp.add_boolean_prefix(std::string(alias),
                              (new FacetFieldProcessor(db, std::string(field.prefix)))->release());
      }
    }
    qp.add_rangeprocessor((new DateFieldProcessor())->release());
    return qp;
  }

  Xapian::Query BuildQuery(const SearchRequest& request) const {
    Xapian::QueryParser qp = MakeParser();
    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT |
                           Xapian::QueryParser::FLAG_BOOLEAN_ANY_CASE |
                           Xapian::QueryParser::FLAG_PURE_NOT;
    Xapian::Query query = request.query.empty()
                              ? Xapian::Query::MatchAll
                              : qp.parse_query(request.query, flags);
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

  std::map<std::string, std::vector<FacetCount>> CountFacets(
      const Xapian::Query& query) const {
    // The whole matching set as a bitmap, then each facet term's posting
    // list intersected with it: cost grows with the facet postings, not with
    // the size of each matching document's term list, and a document with
    // five bodies counts once for each.
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    Xapian::MSet all = enquire.get_mset(0, db.get_doccount());
    std::vector<bool> matching(db.get_lastdocid() + 1, false);
    for (auto it = all.begin(); it != all.end(); ++it) matching[*it] = true;

    std::map<std::string, std::vector<FacetCount>> facets;
    for (const FacetField& field : FacetFields()) {
      const std::string prefix(field.prefix);
      std::vector<FacetCount>& counts = facets[std::string(field.name)];
      for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
        int n = 0;
        for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p) {
          if (*p < matching.size() && matching[*p]) ++n;
        }
        if (n > 0) counts.push_back({(*t).substr(prefix.size()), n});
      }
      std::stable_sort(counts.begin(), counts.end(),
                       [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    }
    return facets;
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
    const std::string prefix = std::string(schema::kId) + FoldCase(id_or_path);
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
    return Searcher(std::move(impl));
  } catch (const Xapian::Error& e) {
    return ConfigError(dir + ": cannot open index: " + e.get_description());
  }
}

Result<SearchResult> Searcher::Search(const SearchRequest& request) const {
  SearchResult result;
  result.query = request.query;
  try {
    impl_->db.reopen();
    Xapian::Query query = impl_->BuildQuery(request);
    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(query);
    if (request.sort_by_date) {
      enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
    }
    const Xapian::doccount check = request.facets ? impl_->db.get_doccount() : 0;
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(std::max(0, request.offset)),
                                         static_cast<Xapian::doccount>(std::max(0, request.limit)),
                                         check);
    result.total = mset.get_matches_estimated();
    int rank = request.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      StoredDocument record = DecodeRecord(it.get_document().get_data());
      Hit hit;
      hit.rank = ++rank;
      hit.score = it.get_weight();
      hit.id = record.id;
      hit.title = record.classification.title;
      hit.path = record.paths.empty() ? "" : record.paths.front();
      hit.pages = record.pages;
      hit.date = record.classification.date;
      hit.type = record.classification.type;
      hit.snippet = mset.snippet(record.text, kSnippetBytes, SwedishStemmer(),
                                 Xapian::MSet::SNIPPET_BACKGROUND_MODEL |
                                     Xapian::MSet::SNIPPET_EXHAUSTIVE,
                                 "«", "»", "…");
      result.hits.push_back(std::move(hit));
    }
    if (request.facets) {
      result.facets = impl_->CountFacets(query);
      result.total = mset.get_matches_estimated();
    }
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
