#include "index/lexicon.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>

#include "pipeline/data_file/data_file.h"
#include "pipeline/normalise/normalise.h"

namespace diar {
namespace {

constexpr const char* kLemmaFile = "lemmas_sv.tsv";
constexpr const char* kCompoundFile = "compounds_sv.tsv";
constexpr const char* kStopFile = "compound_stop.list";

// Xapian's Snowball stemmer keeps state between calls, so each thread has
// its own.
std::string Snowball(const std::string& word) {
  thread_local Xapian::Stem snowball("swedish");
  return snowball(word);
}

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

}  // namespace

bool Lexicon::IndexLemmas(std::string* error) {
  lemma_index_.clear();
  lemma_index_.reserve(static_cast<std::size_t>(std::count(lemmas_.begin(), lemmas_.end(), '\n')));
  std::string_view all(lemmas_);
  std::size_t line = 0;
  while (!all.empty()) {
    ++line;
    const std::size_t end = all.find('\n');
    const std::string_view row = all.substr(0, end);
    all.remove_prefix(end == std::string_view::npos ? all.size() : end + 1);
    const std::size_t tab = row.find('\t');
    if (tab == std::string_view::npos || tab == 0 || tab + 1 == row.size()) {
      *error = "line " + std::to_string(line) + " is not FORM<TAB>LEMMA";
      return false;
    }
    lemma_index_.emplace_back(row.substr(0, tab), row.substr(tab + 1));
  }
  if (!std::is_sorted(lemma_index_.begin(), lemma_index_.end())) {
    *error = "forms are not sorted";
    return false;
  }
  return true;
}

Result<std::shared_ptr<const Lexicon>> Lexicon::FromStored(const std::string& stored) {
  std::shared_ptr<Lexicon> lexicon(new Lexicon());
  lexicon->lemmas_ = stored;
  std::string error;
  if (!lexicon->IndexLemmas(&error)) {
    return ConfigError("index: stored word-form table is damaged (" + error +
                       "); ingest into a new --index folder");
  }
  return std::shared_ptr<const Lexicon>(std::move(lexicon));
}

Result<std::shared_ptr<const Lexicon>> Lexicon::Load(const std::string& dictionaries_dir) {
  // Reading the 300,000 lines takes most of a second; a process that opens
  // several writers (tests, benchmarks) reads them once.
  // Kept for the process's life and never freed: freeing 300,000 entries
  // at exit is a tenth of a second the process's end does anyway.
  static std::mutex mu;
  static auto* loaded = new std::map<std::string, std::shared_ptr<const Lexicon>>;
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = loaded->find(dictionaries_dir); it != loaded->end()) return it->second;
  Result<std::shared_ptr<const Lexicon>> result = Read(dictionaries_dir);
  if (result) loaded->emplace(dictionaries_dir, *result);
  return result;
}

Result<std::shared_ptr<const Lexicon>> Lexicon::Read(const std::string& dictionaries_dir) {
  std::shared_ptr<Lexicon> lexicon(new Lexicon());
  std::vector<std::string> errors;
  const std::string lemma_path = dictionaries_dir + "/" + kLemmaFile;
  // The table is generated sorted, so each row is appended to lemmas_ as
  // read and indexed at once; a hand edit that breaks the order is sorted
  // after. lemmas_ is reserved to the file's size, which its rows never
  // exceed, so the index's views stay put; if it moved all the same (the
  // size unknown, the file grown while read), IndexLemmas indexes it after.
  std::string& lemmas = lexicon->lemmas_;
  auto& index = lexicon->lemma_index_;
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
              if (lemma.empty() || at + form.size() + lemma.size() + 2 > lemmas.capacity()) {
                indexed = false;
              }
              // The row as the file has it, tab and all, in one copy
              // when nothing was trimmed between the fields.
              if (form.data() + form.size() + 1 == lemma.data()) {
                lemmas.append(form.data(), form.size() + 1 + lemma.size()).push_back('\n');
              } else {
                lemmas.append(form).append(1, '\t').append(lemma).append(1, '\n');
              }
              if (indexed) {
                index.emplace_back(std::string_view(lemmas.data() + at, form.size()),
                                   std::string_view(lemmas.data() + at + form.size() + 1, lemma.size()));
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

  const std::string compound_path = dictionaries_dir + "/" + kCompoundFile;
  // The forms and lemmas go into one string, and parts_ holds views of it:
  // 94,000 keys of their own were a third of the load.
  struct Row {
    std::size_t form, form_size, lemma, lemma_size;
    bool first, middle, last;
  };
  std::vector<Row> compounds;
  std::string& text = lexicon->compound_text_;
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
  lexicon->parts_.reserve(compounds.size());
  for (const Row& row : compounds) {
    const std::string_view form(text.data() + row.form, row.form_size);
    const std::string_view lemma(text.data() + row.lemma, row.lemma_size);
    Part& part = lexicon->parts_[form];
    // A form listed under several base forms: its own when it is one
    // ("arbete" the noun, not a form of the verb "arbeta").
    if (part.lemma.empty() || lemma == form) part.lemma = lemma;
    part.first |= row.first;
    part.middle |= row.middle;
    part.last |= row.last;
  }
  const std::string stop_path = dictionaries_dir + "/" + kStopFile;
  for (const DataLine& line : ReadDataFile(stop_path, &errors).lines) {
    if (line.fields.size() != 1) {
      errors.push_back(Where(stop_path, line.number, "one word a line"));
      continue;
    }
    lexicon->stop_.insert(line.fields[0]);
  }
  if (!errors.empty()) {
    std::string message = errors.front();
    if (errors.size() > 1) message += " (and " + std::to_string(errors.size() - 1) + " more)";
    return ConfigError(message);
  }
  // Read in order, with distinct forms and no empty lemma, the index built
  // while reading is what IndexLemmas would build.
  std::string error;
  if (!indexed && !lexicon->IndexLemmas(&error)) return ConfigError(lemma_path + ": " + error);
  // Room for every part at once (71,000 of the 94,000 may end a compound):
  // grown to them, the table was rehashed time and again (3.7 M of 307 M).
  lexicon->last_by_stem_.reserve(lexicon->parts_.size());
  for (const auto& [form, part] : lexicon->parts_) {
    if (part.last) lexicon->last_by_stem_.emplace(Snowball(std::string(form)), part.lemma);
  }
  return std::shared_ptr<const Lexicon>(std::move(lexicon));
}

std::string_view Lexicon::Lemma(std::string_view word) const {
  auto it = std::lower_bound(lemma_index_.begin(), lemma_index_.end(), word,
                             [](const auto& entry, std::string_view w) { return entry.first < w; });
  if (it != lemma_index_.end() && it->first == word) return it->second;
  return word;
}

Xapian::Stem Lexicon::Stemmer() const {
  return Xapian::Stem(new LexiconStem(shared_from_this()));
}

std::string Lexicon::LastPart(std::string_view tail) const {
  const std::string word(tail);
  if (stop_.count(word)) return "";
  if (auto it = parts_.find(tail); it != parts_.end() && it->second.last) return std::string(it->second.lemma);
  const std::string lemma(Lemma(tail));
  if (lemma != word) {
    auto it = parts_.find(lemma);
    return it != parts_.end() && it->second.last ? std::string(it->second.lemma) : "";
  }
  // Inflections Snowball conflates are not in the lemma table ("planen"):
  // a last part with the same stem that the tail begins with. ("nären" has
  // the stem of "närhet", but does not begin with it.)
  // The longest such part: "styrelsen" ends in styrelse, not styre. (The
  // table's order is the hash map's, so the first found could be either.)
  std::string longest;
  auto [begin, end] = last_by_stem_.equal_range(Snowball(word));
  for (auto it = begin; it != end; ++it) {
    if (word.rfind(it->second, 0) == 0 && it->second.size() > longest.size()) longest = std::string(it->second);
  }
  return longest;
}

std::vector<std::string> Lexicon::Split(std::string_view word) const {
  if (parts_.empty() || CodePointCount(word) < 2 * kMinPart || stop_.contains(word)) return {};
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
      auto it = parts_.find(piece);
      if (it == parts_.end()) continue;
      const Part& part = it->second;
      if (!(i == 0 ? part.first : (part.middle || part.first))) continue;
      if (stop_.contains(it->first) || stop_.contains(part.lemma)) continue;
      if (reached[j] && best[j].size() <= best[i].size() + 1) continue;
      reached[j] = true;
      best[j] = best[i];
      best[j].emplace_back(part.lemma);
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
