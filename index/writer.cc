#include "index/writer.h"

#include <xapian.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <optional>
#include <set>
#include <nlohmann/json.hpp>

#include "index/facets.h"
#include "index/record.h"
#include "index/schema.h"
#include "index/stopwords.h"
#include "index/synonyms.h"
#include "index/text_terms.h"

namespace diar {
namespace {

std::string IdTerm(const std::string& sha256) {
  return std::string(schema::kId) + sha256;
}

std::string FailureKey(const std::string& path) {
  std::string key = std::string(schema::kMetaFailure) + path;
  if (key.size() > schema::kMaxTermBytes) {
    key = std::string(schema::kMetaFailure) + "#" + Sha256Hex(path);
  }
  return key;
}

// "2022-03-29" -> "20220329"; anything else -> "".
std::string DateSlot(const std::string& date) {
  if (date.size() < 4) return "";
  std::string digits;
  for (char c : date) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  while (digits.size() < 8) digits += "01";
  return digits.substr(0, 8);
}

Xapian::Document BuildDocument(const StoredDocument& record, const Xapian::Stopper* stopper,
                               Xapian::WritableDatabase* spelling) {
  Xapian::Document doc;
  doc.add_boolean_term(IdTerm(record.id));
  for (const std::string& path : record.paths) doc.add_boolean_term(PathTerm(path));
  IndexText(record.classification.title, record.text, doc, stopper, spelling);

  std::set<std::string> facets;
  auto facet = [&](std::string_view prefix, const std::string& value) {
    if (value.empty()) return;
    const std::string term = PrefixedTerm(prefix, value);
    doc.add_boolean_term(term);
    facets.insert(term);
  };
  for (const Mention& m : record.mentions) {
    if (m.type == "body") facet(schema::kBody, m.value);
    if (m.type == "plan") facet(schema::kPlan, m.value);
    if (m.type == "dnr") facet(schema::kDnr, m.value);
  }
  const Classification& c = record.classification;
  facet(schema::kType, c.type);
  facet(schema::kIssuer, c.issuer);
  facet(schema::kCounty, c.county);
  for (const std::string& topic : c.topics) facet(schema::kTopic, topic);
  facet(schema::kDnr, c.dnr);
  const std::string date = DateSlot(c.date);
  if (!date.empty()) {
    doc.add_value(schema::kSlotDate, date);
    facet(schema::kYear, date.substr(0, 4));
    doc.add_value(schema::kSlotYear,
                  Xapian::sortable_serialise(std::stoi(date.substr(0, 4))));
  }
  // Not facets users filter on, so not in the facet slot.
  doc.add_boolean_term(PrefixedTerm(schema::kFormat, record.format));
  if (!record.ocr_pages.empty()) doc.add_boolean_term(PrefixedTerm(schema::kOcr, "ocr"));
  doc.add_value(schema::kSlotFacets, EncodeFacetTerms(facets));
  doc.add_value(schema::kSlotIngested,
                Xapian::sortable_serialise(static_cast<double>(std::time(nullptr))));
  doc.add_value(schema::kSlotText, record.text);
  SetRecord(record, doc);
  return doc;
}

}  // namespace

struct IndexWriter::Impl {
  Xapian::WritableDatabase db;
  Xapian::SimpleStopper stopper;

  // Deletes document `id` and everything it put in the database; its terms
  // and values go with it, its spelling frequencies are taken back here.
  void Delete(Xapian::docid id) {
    RemoveSpelling(db, id);
    db.delete_document(id);
  }

  // The document holding `term`, if any.
  std::optional<Xapian::docid> Find(const std::string& term) const {
    Xapian::PostingIterator it = db.postlist_begin(term);
    if (it == db.postlist_end(term)) return std::nullopt;
    return *it;
  }

  // Takes `path` from every document except `keep_id`; deletes documents
  // left without a path. Returns true when some document lost the path.
  bool DetachPath(const std::string& path, const std::string& keep_id) {
    const std::string term = PathTerm(path);
    std::vector<Xapian::docid> holders;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
      holders.push_back(*it);
    }
    bool detached = false;
    for (Xapian::docid id : holders) {
      Xapian::Document doc = db.get_document(id);
      StoredDocument record = DecodeRecord(doc.get_data());
      if (record.id == keep_id) continue;
      detached = true;
      std::erase(record.paths, path);
      if (record.paths.empty()) {
        Delete(id);
      } else {
        doc.remove_term(term);
        SetRecord(record, doc);
        db.replace_document(id, doc);
      }
    }
    return detached;
  }
};

IndexWriter::IndexWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
IndexWriter::IndexWriter(IndexWriter&&) noexcept = default;
IndexWriter& IndexWriter::operator=(IndexWriter&&) noexcept = default;
IndexWriter::~IndexWriter() {
  if (impl_) {
    try {
      impl_->db.commit();
    } catch (const Xapian::Error&) {
      // A destructor cannot report; callers who care call Commit().
    }
  }
}

Result<IndexWriter> IndexWriter::Open(const std::string& dir, const WriterOptions& options) {
  // Dictionaries first: a bad file is a configuration error before the
  // database is touched.
  std::optional<std::vector<std::string>> stopwords;
  std::optional<SynonymTable> synonyms;
  if (!options.dictionaries_dir.empty()) {
    Result<std::vector<std::string>> words =
        LoadStopwords(options.dictionaries_dir + "/" + kStopwordFile);
    if (!words) return words.error();
    stopwords = std::move(words).value();
    Result<SynonymTable> table = LoadBodySynonyms(options.dictionaries_dir);
    if (!table) return table.error();
    synonyms = std::move(table).value();
  }
  try {
    std::filesystem::create_directories(dir);
    auto impl = std::make_unique<Impl>();
    impl->db = Xapian::WritableDatabase(dir, Xapian::DB_CREATE_OR_OPEN);
    const std::string version = impl->db.get_metadata(std::string(schema::kMetaSchema));
    const std::string ours = std::to_string(schema::kSchemaVersion);
    if (version.empty()) {
      impl->db.set_metadata(std::string(schema::kMetaSchema), ours);
    } else if (version != ours) {
      return ConfigError(dir + ": index has schema version " + version +
                         " but this diar writes version " + ours +
                         "; ingest into a new --index directory");
    }
    const std::string meta_stopwords(schema::kMetaStopwords);
    if (stopwords) {
      const std::string joined = JoinStopwords(*stopwords);
      if (impl->db.get_metadata(meta_stopwords) != joined) {
        impl->db.set_metadata(meta_stopwords, joined);
      }
    } else {
      stopwords = SplitStopwords(impl->db.get_metadata(meta_stopwords));
    }
    for (const std::string& word : *stopwords) impl->stopper.add(word);
    if (synonyms) WriteSynonyms(impl->db, *synonyms);
    return IndexWriter(std::move(impl));
  } catch (const Xapian::DatabaseLockError&) {
    return ConfigError(dir + ": index is locked by another diar process; wait "
                             "for it to finish and run again");
  } catch (const Xapian::Error& e) {
    return ConfigError(dir + ": cannot open index for writing: " +
                       e.get_description());
  } catch (const std::filesystem::filesystem_error& e) {
    return ConfigError(dir + ": cannot create index directory: " + e.what());
  }
}

bool IndexWriter::Contains(const std::string& sha256) const {
  return impl_->db.term_exists(IdTerm(sha256));
}

bool IndexWriter::IsCurrent(const std::string& sha256,
                            const std::string& path) const {
  auto id = impl_->Find(IdTerm(sha256));
  if (!id) return false;
  const std::string term = PathTerm(path);
  Xapian::TermIterator it = impl_->db.termlist_begin(*id);
  it.skip_to(term);
  return it != impl_->db.termlist_end(*id) && *it == term;
}

AddOutcome IndexWriter::AddPath(const std::string& sha256,
                                const std::string& path) {
  if (IsCurrent(sha256, path)) return AddOutcome::kUnchanged;
  const bool replaced = impl_->DetachPath(path, sha256);
  Xapian::docid id = *impl_->Find(IdTerm(sha256));
  Xapian::Document doc = impl_->db.get_document(id);
  StoredDocument record = DecodeRecord(doc.get_data());
  record.paths.push_back(path);
  doc.add_boolean_term(PathTerm(path));
  SetRecord(record, doc);
  impl_->db.replace_document(id, doc);
  return replaced ? AddOutcome::kReplaced : AddOutcome::kPathAdded;
}

AddOutcome IndexWriter::Add(const IndexedDocument& document,
                            const std::string& path) {
  const std::string& sha = document.source.sha256;
  if (Contains(sha)) return AddPath(sha, path);
  const bool replaced = impl_->DetachPath(path, sha);
  impl_->db.replace_document(
      IdTerm(sha), BuildDocument(RecordFromIndexed(document, path), &impl_->stopper, &impl_->db));
  return replaced ? AddOutcome::kReplaced : AddOutcome::kAdded;
}

std::vector<std::string> IndexWriter::Remove(const std::string& id_or_path) {
  std::vector<std::string> removed;
  std::vector<Xapian::docid> ids;
  const std::string path_term = PathTerm(id_or_path);
  for (auto it = impl_->db.postlist_begin(path_term);
       it != impl_->db.postlist_end(path_term); ++it) {
    ids.push_back(*it);
  }
  if (ids.empty() && id_or_path.size() >= 8) {
    const std::string prefix = IdTerm(id_or_path);
    for (auto t = impl_->db.allterms_begin(prefix);
         t != impl_->db.allterms_end(prefix); ++t) {
      for (auto it = impl_->db.postlist_begin(*t);
           it != impl_->db.postlist_end(*t); ++it) {
        ids.push_back(*it);
      }
    }
    if (ids.size() > 1) ids.clear();  // ambiguous prefix: remove nothing
  }
  for (Xapian::docid id : ids) {
    removed.push_back(DecodeRecord(impl_->db.get_document(id).get_data()).id);
    impl_->Delete(id);
  }
  return removed;
}

std::vector<std::string> IndexWriter::Prune() {
  std::vector<std::string> dropped;
  std::vector<Xapian::docid> all;
  for (auto it = impl_->db.postlist_begin(""); it != impl_->db.postlist_end("");
       ++it) {
    all.push_back(*it);
  }
  for (Xapian::docid id : all) {
    Xapian::Document doc = impl_->db.get_document(id);
    StoredDocument record = DecodeRecord(doc.get_data());
    std::vector<std::string> kept;
    for (const std::string& path : record.paths) {
      std::error_code ec;
      if (std::filesystem::exists(path, ec)) {
        kept.push_back(path);
      } else {
        dropped.push_back(path);
        doc.remove_term(PathTerm(path));
      }
    }
    if (kept.size() == record.paths.size()) continue;
    if (kept.empty()) {
      impl_->Delete(id);
    } else {
      record.paths = kept;
      SetRecord(record, doc);
      impl_->db.replace_document(id, doc);
    }
  }
  return dropped;
}

void IndexWriter::RecordFailure(const std::string& path,
                                const std::string& reason) {
  nlohmann::json j = {{"path", path}, {"reason", reason},
                      {"time", static_cast<long long>(std::time(nullptr))}};
  impl_->db.set_metadata(FailureKey(path), j.dump());
}

void IndexWriter::ClearFailure(const std::string& path) {
  impl_->db.set_metadata(FailureKey(path), "");
}

void IndexWriter::Commit() { impl_->db.commit(); }

}  // namespace diar
