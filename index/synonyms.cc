#include "index/synonyms.h"

#include <algorithm>
#include <vector>

#include "index/record.h"
#include "index/schema.h"
#include "pipeline/data_file/body_table.h"
#include "pipeline/data_file/data_file.h"
#include "pipeline/extract/extract.h"

namespace diar {

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
  const std::vector<BodyTable> tables = ReadBodyTables(dictionary_dir, &errors);
  if (tables.empty()) {
    return ConfigError(dictionary_dir + ": no bodies_*.tsv; point --dictionaries at diar's "
                                        "dictionaries/ folder");
  }
  for (const BodyTable& body_table : tables) {
    for (const BodyRow& row : body_table.rows) {
      std::vector<std::string> forms = {row.canonical};
      forms.insert(forms.end(), row.variants.begin(), row.variants.end());
      forms.insert(forms.end(), row.acronyms.begin(), row.acronyms.end());
      const std::string facet = PrefixedTerm(schema::kBody, row.canonical);
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
  // Organs' abbreviations lead to the organ, one way only: "kommunstyrelsen"
  // typed does not find every "KS" (a diarienummer series).
  ScanTable(dictionary_dir + "/" + kOrganAbbreviationFile, {"abbreviation", "organ"}, &errors,
            [&](int, const std::vector<std::string_view>& fields) {
              const std::string key = SynonymKey(std::string(fields[0]));
              const std::string organ(fields[1]);
              if (key.empty() || organ.empty()) return;
              std::set<std::string>& synonyms = table[key];
              synonyms.insert(PrefixedTerm(schema::kBody, organ));
              if (const std::string word = SynonymKey(organ); word.find(' ') == std::string::npos) {
                synonyms.insert(word);
              }
            });
  if (!errors.empty()) {
    std::string message;
    for (const std::string& e : errors) message += (message.empty() ? "" : "\n") + e;
    return ConfigError(message);
  }
  return table;
}

std::string FlattenSynonyms(const SynonymTable& table) {
  std::string flat;
  for (const auto& [key, synonyms] : table) {
    flat += key;
    for (const std::string& s : synonyms) flat += "\t" + s;
    flat += "\n";
  }
  return flat;
}

SynonymTable ParseSynonyms(const std::string& flat) {
  SynonymTable table;
  std::size_t begin = 0;
  while (begin < flat.size()) {
    std::size_t end = flat.find('\n', begin);
    if (end == std::string::npos) end = flat.size();
    const std::string line = flat.substr(begin, end - begin);
    begin = end + 1;
    std::size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    std::set<std::string>& synonyms = table[line.substr(0, tab)];
    while (tab != std::string::npos) {
      const std::size_t next = line.find('\t', tab + 1);
      synonyms.insert(line.substr(tab + 1, next == std::string::npos ? std::string::npos : next - tab - 1));
      tab = next;
    }
  }
  return table;
}

void WriteSynonyms(Xapian::WritableDatabase& db, const SynonymTable& table, bool native) {
  const std::string flat = FlattenSynonyms(table);
  const std::string digest = Sha256Hex(flat);
  if (db.get_metadata(std::string(schema::kMetaSynonyms)) == digest) return;
  db.set_metadata(std::string(schema::kMetaSynonymTable), flat);
  if (!native) {
    db.set_metadata(std::string(schema::kMetaSynonyms), digest);
    return;
  }
  std::vector<std::string> old_keys;
  for (auto k = db.synonym_keys_begin(); k != db.synonym_keys_end(); ++k) old_keys.push_back(*k);
  for (const std::string& key : old_keys) db.clear_synonyms(key);
  for (const auto& [key, synonyms] : table) {
    for (const std::string& s : synonyms) db.add_synonym(key, s);
  }
  db.set_metadata(std::string(schema::kMetaSynonyms), digest);
}

}  // namespace diar
