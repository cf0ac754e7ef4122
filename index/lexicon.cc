#include "index/lexicon.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "index/lexicon_cache.h"
#include "pipeline/data_file/data_file.h"
#include "pipeline/normalise/normalise.h"

namespace diar {
namespace {

constexpr const char* kLemmaFile = "lemmas_sv.tsv";
constexpr const char* kCompoundFile = "compounds_sv.tsv";
constexpr const char* kStopFile = "compound_stop.list";

using lexicon_internal::LexiconBlock;
using lexicon_internal::LexiconSource;
using lexicon_internal::Snowball;
using lexicon_internal::Entry;

bool CharBoundary(std::string_view s, std::size_t at) {
  return at == s.size() || (static_cast<unsigned char>(s[at]) & 0xC0) != 0x80;
}

// Snowball on the lexicon's base form of each word: what index and query
// terms are stemmed with. Each stemmer remembers the stems it made: Xapian's
// snippets stem every word of a hit's text window, the same common words
// hit after hit, and a table lookup plus Snowball was a tenth of a search
// with facets (perf, bench/search).
class LexiconStem : public Xapian::StemImplementation {
 public:
  explicit LexiconStem(std::shared_ptr<const Lexicon> lexicon) : lexicon_(std::move(lexicon)) {}
  std::string operator()(const std::string& word) override {
    if (auto it = memo_.find(word); it != memo_.end()) return it->second;
    // Bounded: a long-lived searcher meets ever new words.
    if (memo_.size() >= kMemoWords) memo_.clear();
    return memo_.emplace(word, Snowball(std::string(lexicon_->Lemma(word)))).first->second;
  }
  std::string get_description() const override { return "diar-swedish"; }

 private:
  static constexpr std::size_t kMemoWords = 1 << 16;
  std::shared_ptr<const Lexicon> lexicon_;
  std::unordered_map<std::string, std::string> memo_;
};

Entry LemmaEntry(std::size_t at, std::size_t form_size, std::size_t lemma_size) {
  return {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(form_size),
          static_cast<std::uint32_t>(at + form_size + 1), static_cast<std::uint32_t>(lemma_size), 0};
}

// An Entry per "form\tlemma\n" row of `rows`, which must be sorted.
bool IndexLemmas(std::string_view rows, std::vector<Entry>* index, std::string* error) {
  index->clear();
  // Rows average 25 bytes (lemmas_sv.tsv); counting them first was a pass
  // over the 5 MB of its own.
  index->reserve(rows.size() / 16);
  std::pair<std::string_view, std::string_view> previous;
  std::size_t line = 0, at = 0;
  while (at < rows.size()) {
    ++line;
    const std::size_t end = std::min(rows.find('\n', at), rows.size());
    const std::string_view row = rows.substr(at, end - at);
    const std::size_t tab = row.find('\t');
    if (tab == std::string_view::npos || tab == 0 || tab + 1 == row.size()) {
      *error = "line " + std::to_string(line) + " is not FORM<TAB>LEMMA";
      return false;
    }
    const std::pair<std::string_view, std::string_view> fields(row.substr(0, tab), row.substr(tab + 1));
    if (line > 1 && fields < previous) {
      *error = "forms are not sorted";
      return false;
    }
    previous = fields;
    index->push_back(LemmaEntry(at, tab, row.size() - tab - 1));
    at = end + 1;
  }
  return true;
}

template <typename... Args>
void Debug(const std::shared_ptr<spdlog::logger>& logger, spdlog::format_string_t<Args...> format,
           Args&&... args) {
  if (logger) logger->debug(format, std::forward<Args>(args)...);
}

// The block for the three files at `paths` (lemmas, compounds, stop words),
// or the first of their errors (each names file:line) and how many more.
Result<std::string> BuildFromFiles(const std::array<std::string, lexicon_internal::kCacheSources>& paths) {
  std::vector<std::string> errors;
  const std::string& lemma_path = paths[0];
  // The table is generated sorted, so each row is appended to `lemmas` as
  // read and indexed at once (by offsets, which its growing leaves valid);
  // a hand edit that breaks the order is sorted after and indexed again.
  // Reserved to the file's size, which its rows never exceed.
  std::string lemmas;
  std::vector<Entry> index;
  std::error_code size_error;
  const std::uintmax_t file_size = std::filesystem::file_size(lemma_path, size_error);
  lemmas.reserve(size_error ? 0 : static_cast<std::size_t>(file_size));
  std::vector<int> line_of_row;
  std::size_t previous_at = 0, previous_size = 0;
  bool sorted = true, indexed = true;
  const auto twice = [&](std::string_view form, int line, int first_line) {
    errors.push_back(Where(lemma_path, line,
                           "form '" + std::string(form) + "' listed twice (line " +
                               std::to_string(first_line) +
                               "); regenerate with scripts/build-lexicon"));
  };
  ScanTable(lemma_path, {"form", "lemma"}, &errors,
            [&](int number, const std::vector<std::string_view>& fields) {
              const std::string_view form = fields[0], lemma = fields[1];
              const std::string_view previous(lemmas.data() + previous_at, previous_size);
              if (sorted && !line_of_row.empty()) {
                if (form < previous) sorted = false;
                if (form == previous) twice(form, number, line_of_row.back());
              }
              const std::size_t at = lemmas.size();
              previous_at = at;
              previous_size = form.size();
              line_of_row.push_back(number);
              // An empty lemma is IndexLemmas's to report, with its words.
              if (lemma.empty()) indexed = false;
              // The row as the file has it, tab and all, in one copy
              // when nothing was trimmed between the fields.
              if (form.data() + form.size() + 1 == lemma.data()) {
                lemmas.append(form.data(), form.size() + 1 + lemma.size()).push_back('\n');
              } else {
                lemmas.append(form).append(1, '\t').append(lemma).append(1, '\n');
              }
              if (indexed) {
                index.push_back(LemmaEntry(at, form.size(), lemma.size()));
              }
            });
  if (!sorted) {
    struct Row {
      std::string_view form, lemma;
      int line;
    };
    std::vector<Row> rows;
    std::string_view all(lemmas);
    for (int line : line_of_row) {
      const std::size_t tab = all.find('\t'), end = all.find('\n');
      rows.push_back({all.substr(0, tab), all.substr(tab + 1, end - tab - 1), line});
      all.remove_prefix(end + 1);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.form < b.form; });
    std::string in_order;
    in_order.reserve(lemmas.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (i > 0 && rows[i].form == rows[i - 1].form) twice(rows[i].form, rows[i].line, rows[i - 1].line);
      in_order.append(rows[i].form).append(1, '\t').append(rows[i].lemma).append(1, '\n');
    }
    lemmas = std::move(in_order);
    indexed = false;
  }

  const std::string& compound_path = paths[1];
  // The forms and lemmas go into one string, and the parts are views of it:
  // 94,000 strings of their own were a third of the load.
  struct Row {
    std::size_t form, form_size, lemma, lemma_size;
    bool first, middle, last;
  };
  std::vector<Row> compounds;
  std::string text;
  ScanTable(compound_path, {"form", "lemma", "roles"}, &errors,
            [&](int number, const std::vector<std::string_view>& fields) {
              const std::string_view form = fields[0], lemma = fields[1], roles = fields[2];
              if (roles.empty() || roles.find_first_not_of("FML") != std::string_view::npos) {
                errors.push_back(Where(compound_path, number,
                                       "roles must be letters of FML, found '" +
                                           std::string(roles) + "'"));
                return;
              }
              compounds.push_back({text.size(), form.size(), text.size() + form.size(),
                                   lemma.size(), roles.find('F') != std::string_view::npos,
                                   roles.find('M') != std::string_view::npos,
                                   roles.find('L') != std::string_view::npos});
              text.append(form).append(lemma);
            });
  LexiconSource source;
  source.parts.reserve(compounds.size());
  for (const Row& row : compounds) {
    source.parts.push_back({std::string_view(text.data() + row.form, row.form_size),
                            std::string_view(text.data() + row.lemma, row.lemma_size), row.first,
                            row.middle, row.last});
  }
  const std::string& stop_path = paths[2];
  const std::vector<DataLine> stop_lines = ReadDataFile(stop_path, &errors).lines;
  for (const DataLine& line : stop_lines) {
    if (line.fields.size() != 1) {
      errors.push_back(Where(stop_path, line.number, "one word a line"));
      continue;
    }
    source.stop_words.push_back(line.fields[0]);
  }
  if (!errors.empty()) {
    std::string message = errors.front();
    if (errors.size() > 1) message += " (and " + std::to_string(errors.size() - 1) + " more)";
    return ConfigError(message);
  }
  // Read in order, with distinct forms and no empty lemma, the index built
  // while reading is what IndexLemmas would build.
  std::string error;
  if (!indexed && !IndexLemmas(lemmas, &index, &error)) return ConfigError(lemma_path + ": " + error);
  source.lemma_rows = lemmas;
  source.lemmas = std::move(index);
  return BuildBlock(source);
}

}  // namespace

void Lexicon::Adopt(std::string block) {
  auto owned = std::make_shared<const std::string>(std::move(block));
  // A block BuildBlock made always fits its own header.
  block_ = *LexiconBlock::View(owned->data(), owned->size());
  storage_ = std::move(owned);
}

Result<std::shared_ptr<const Lexicon>> Lexicon::FromStored(std::string stored) {
  LexiconSource source;
  source.lemma_rows = stored;
  std::string error;
  if (!IndexLemmas(stored, &source.lemmas, &error)) {
    return ConfigError("index: stored word-form table is damaged (" + error +
                       "); ingest into a new --index folder");
  }
  std::shared_ptr<Lexicon> lexicon(new Lexicon());
  lexicon->Adopt(BuildBlock(source));
  return std::shared_ptr<const Lexicon>(std::move(lexicon));
}

Result<std::shared_ptr<const Lexicon>> Lexicon::Load(const std::string& dictionaries_dir,
                                                     const LexiconOptions& options) {
  // A process that opens several writers (tests, benchmarks) loads once.
  // Kept for the process's life and never freed: the process's end frees it.
  static std::mutex mu;
  static auto* loaded = new std::map<std::string, std::shared_ptr<const Lexicon>>;
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = loaded->find(dictionaries_dir); it != loaded->end()) return it->second;
  Result<std::shared_ptr<const Lexicon>> result = Read(dictionaries_dir, options);
  if (result) loaded->emplace(dictionaries_dir, *result);
  return result;
}

Result<std::shared_ptr<const Lexicon>> Lexicon::Read(const std::string& dictionaries_dir,
                                                     const LexiconOptions& options) {
  const std::array<std::string, lexicon_internal::kCacheSources> paths = {
      dictionaries_dir + "/" + kLemmaFile, dictionaries_dir + "/" + kCompoundFile,
      dictionaries_dir + "/" + kStopFile};
  // Without a key (a file missing) the files are read, and report it.
  const std::optional<lexicon_internal::CacheKey> key =
      options.cache_dir.empty() ? std::nullopt : lexicon_internal::KeyOf(paths);
  const std::string cache_path =
      key ? lexicon_internal::CachePath(options.cache_dir, dictionaries_dir) : "";
  if (options.cache_dir.empty()) {
    Debug(options.logger, "{}: no cache folder for the word-form tables; reading the files",
          dictionaries_dir);
  } else if (key) {
    std::string why;
    std::optional<lexicon_internal::MappedBlock> mapped = lexicon_internal::MapCache(cache_path, *key, &why);
    if (mapped) {
      if (std::optional<LexiconBlock> block = LexiconBlock::View(mapped->data, mapped->size)) {
        std::shared_ptr<Lexicon> lexicon(new Lexicon());
        lexicon->storage_ = std::move(mapped->mapping);
        lexicon->block_ = *block;
        lexicon->from_cache_ = true;
        return std::shared_ptr<const Lexicon>(std::move(lexicon));
      }
      why = cache_path + ": its tables do not fit the file";
    }
    Debug(options.logger, "{}; reading the files and writing it again", why);
  }
  Result<std::string> block = BuildFromFiles(paths);
  if (!block) return block.error();
  if (key) {
    std::string why;
    if (!lexicon_internal::WriteCache(cache_path, *key, *block, &why)) {
      Debug(options.logger, "word-form cache not written: {}", why);
    }
  }
  std::shared_ptr<Lexicon> lexicon(new Lexicon());
  lexicon->Adopt(std::move(block).value());
  return std::shared_ptr<const Lexicon>(std::move(lexicon));
}

std::string_view Lexicon::Lemma(std::string_view word) const {
  return block_.Lemma(word).value_or(word);
}

Xapian::Stem Lexicon::Stemmer() const {
  return Xapian::Stem(new LexiconStem(shared_from_this()));
}

std::string Lexicon::LastPart(std::string_view tail) const {
  if (block_.IsStop(tail)) return "";
  const auto may_end = [](const std::optional<LexiconBlock::Part>& part) {
    return part && (part->roles & LexiconBlock::kLast) != 0;
  };
  if (const auto part = block_.FindPart(tail); may_end(part)) return std::string(part->lemma);
  const std::string_view lemma = Lemma(tail);
  if (lemma != tail) {
    const auto part = block_.FindPart(lemma);
    return may_end(part) ? std::string(part->lemma) : "";
  }
  // Inflections Snowball conflates are not in the lemma table ("planen"):
  // a last part with the same stem that the tail begins with. ("nären" has
  // the stem of "närhet", but does not begin with it.)
  // The longest such part: "styrelsen" ends in styrelse, not styre.
  std::string_view longest;
  block_.ForEachLastWithStem(Snowball(std::string(tail)), [&](std::string_view candidate) {
    if (tail.starts_with(candidate) && candidate.size() > longest.size()) longest = candidate;
  });
  return std::string(longest);
}

std::vector<std::string> Lexicon::Split(std::string_view word) const {
  if (!block_.has_parts() || CodePointCount(word) < 2 * kMinPart || block_.IsStop(word)) return {};
  // best[i]: the fewest parts covering word[0, i) as first + middle parts.
  const std::size_t n = word.size();
  std::vector<std::vector<std::string>> best(n + 1);
  std::vector<bool> reached(n + 1, false);
  reached[0] = true;
  for (std::size_t i = 0; i < n; ++i) {
    if (!reached[i] || !CharBoundary(word, i)) continue;
    for (std::size_t j = i + 1; j < n; ++j) {
      if (!CharBoundary(word, j)) continue;
      const std::string_view piece = word.substr(i, j - i);
      if (CodePointCount(piece) < kMinPart) continue;
      const std::optional<LexiconBlock::Part> part = block_.FindPart(piece);
      if (!part) continue;
      const std::uint32_t may = i == 0 ? LexiconBlock::kFirst : LexiconBlock::kFirst | LexiconBlock::kMiddle;
      if ((part->roles & may) == 0) continue;
      if (block_.IsStop(piece) || block_.IsStop(part->lemma)) continue;
      if (reached[j] && best[j].size() <= best[i].size() + 1) continue;
      reached[j] = true;
      best[j] = best[i];
      best[j].emplace_back(part->lemma);
    }
  }
  // The fewest parts in all; among equals, the longest last part.
  std::vector<std::string> split;
  for (std::size_t i = 1; i + 1 < n; ++i) {
    if (!reached[i] || !CharBoundary(word, i)) continue;
    const std::string_view tail = word.substr(i);
    if (CodePointCount(tail) < kMinPart) continue;
    if (!split.empty() && best[i].size() + 1 >= split.size()) continue;
    const std::string last = LastPart(tail);
    if (last.empty()) continue;
    split = best[i];
    split.push_back(last);
  }
  return split;
}

}  // namespace diar
