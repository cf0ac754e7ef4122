#include "index/synonyms.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <vector>

#include "index/record.h"
#include "index/schema.h"
#include "pipeline/extract/extract.h"

namespace diar {
namespace {

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::size_t begin = 0;
  while (begin <= s.size()) {
    std::size_t end = s.find(sep, begin);
    if (end == std::string::npos) end = s.size();
    std::string part = s.substr(begin, end - begin);
    const auto first = part.find_first_not_of(' ');
    const auto last = part.find_last_not_of(" \r");
    if (first != std::string::npos) parts.push_back(part.substr(first, last - first + 1));
    else if (sep == '\t') parts.emplace_back();
    begin = end + 1;
  }
  return parts;
}

std::vector<std::string> BodyFiles(const std::string& dir) {
  std::vector<std::string> paths;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("bodies_", 0) == 0 && entry.path().extension() == ".tsv") {
      paths.push_back(entry.path().string());
    }
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace

std::string SynonymKey(const std::string& name) {
  Xapian::TermGenerator generator;
  Xapian::Document doc;
  generator.set_document(doc);
  generator.index_text(name);
  std::vector<std::pair<Xapian::termpos, std::string>> words;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
      words.emplace_back(*p, *t);
    }
  }
  std::sort(words.begin(), words.end());
  std::string key;
  for (const auto& [pos, word] : words) key += (key.empty() ? "" : " ") + word;
  return key;
}

Result<SynonymTable> LoadBodySynonyms(const std::string& dictionary_dir) {
  SynonymTable table;
  std::vector<std::string> errors;
  const std::vector<std::string> files = BodyFiles(dictionary_dir);
  if (files.empty()) {
    return ConfigError(dictionary_dir + ": no bodies_*.tsv; point --dictionaries at diar's "
                                        "dictionaries/ folder");
  }
  for (const std::string& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::string line;
    int number = 0;
    bool header = false;
    while (std::getline(in, line)) {
      ++number;
      if (line.empty() || line[0] == '#' || line == "\r") continue;
      std::vector<std::string> fields = Split(line, '\t');
      const std::string where = path + ":" + std::to_string(number) + ": ";
      if (!header) {
        header = true;
        if (fields.size() < 4 || fields[0] != "canonical" || fields[2] != "variants" ||
            fields[3] != "acronyms") {
          errors.push_back(where + "header must start canonical<TAB>kind<TAB>variants<TAB>acronyms");
          break;
        }
        continue;
      }
      if (fields.size() < 4 || fields[0].empty()) {
        errors.push_back(where + "expected canonical, kind, variants, acronyms, county");
        continue;
      }
      std::vector<std::string> forms = {fields[0]};
      for (const std::string& v : Split(fields[2], '|')) forms.push_back(v);
      for (const std::string& a : Split(fields[3], '|')) forms.push_back(a);
      const std::string facet = PrefixedTerm(schema::kBody, fields[0]);
      std::vector<std::string> keys;
      for (const std::string& form : forms) {
        const std::string key = SynonymKey(form);
        if (!key.empty()) keys.push_back(key);
      }
      for (const std::string& key : keys) {
        std::set<std::string>& synonyms = table[key];
        synonyms.insert(facet);
        for (const std::string& other : keys) {
          if (other != key && other.find(' ') == std::string::npos) synonyms.insert(other);
        }
      }
    }
  }
  if (!errors.empty()) {
    std::string message;
    for (const std::string& e : errors) message += (message.empty() ? "" : "\n") + e;
    return ConfigError(message);
  }
  return table;
}

void WriteSynonyms(Xapian::WritableDatabase& db, const SynonymTable& table) {
  std::string flat;
  for (const auto& [key, synonyms] : table) {
    flat += key;
    for (const std::string& s : synonyms) flat += "\t" + s;
    flat += "\n";
  }
  const std::string digest = Sha256Hex(flat);
  if (db.get_metadata(std::string(schema::kMetaSynonyms)) == digest) return;
  std::vector<std::string> old_keys;
  for (auto k = db.synonym_keys_begin(); k != db.synonym_keys_end(); ++k) old_keys.push_back(*k);
  for (const std::string& key : old_keys) db.clear_synonyms(key);
  for (const auto& [key, synonyms] : table) {
    for (const std::string& s : synonyms) db.add_synonym(key, s);
  }
  db.set_metadata(std::string(schema::kMetaSynonyms), digest);
}

}  // namespace diar
