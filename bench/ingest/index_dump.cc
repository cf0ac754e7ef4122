// index_dump: prints all of a diar index as text, so that two indexes of
// the same files can be diffed: every document (docid, data, values, every
// term with its wdf and positions), the spelling and synonym tables and the
// metadata. A change meant to make ingest faster must leave this output
// unchanged.
//
// Two things differ between any two runs and are masked: the record's
// "ingested" time and the ingest-time slot (schema::kSlotIngested), and the
// "time" of a failure entry in the metadata.
//
//   index_dump INDEX > dump.txt
#include <xapian.h>

#include <iostream>
#include <string>

#include "index/schema.h"

namespace {

// Bytes outside printable ASCII as \xHH: values are binary (sortable
// numbers, NUL-separated facets) and a diff should show them.
std::string Shown(const std::string& bytes) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (const char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    if (b == '\\') {
      out += "\\\\";
    } else if (b >= 0x20 && b != 0x7f) {
      out += ch;  // UTF-8 as it is: readable in a diff
    } else {
      out += "\\x";
      out += kHex[b >> 4];
      out += kHex[b & 15];
    }
  }
  return out;
}

// `text` with the string value after each `key` (`"ingested":`) as "TIME".
std::string Masked(std::string text, const std::string& key) {
  for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at)) {
    at += key.size();
    if (at >= text.size() || text[at] != '"') continue;
    const std::size_t end = text.find('"', at + 1);
    if (end == std::string::npos) break;
    text.replace(at, end + 1 - at, "\"TIME\"");
  }
  return text;
}

void DumpDocument(const Xapian::Database& db, Xapian::docid id) {
  const Xapian::Document doc = db.get_document(id);
  std::cout << "document " << id << "\n";
  std::cout << "  data " << Shown(Masked(doc.get_data(), "\"ingested\":")) << "\n";
  for (auto v = doc.values_begin(); v != doc.values_end(); ++v) {
    const bool time = v.get_valueno() == diar::schema::kSlotIngested;
    std::cout << "  value " << v.get_valueno() << " " << (time ? "TIME" : Shown(*v)) << "\n";
  }
  for (auto t = db.termlist_begin(id); t != db.termlist_end(id); ++t) {
    std::cout << "  term " << Shown(*t) << " wdf " << t.get_wdf();
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) std::cout << " " << *p;
    std::cout << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: index_dump INDEX\n";
    return 2;
  }
  try {
    const Xapian::Database db(argv[1]);
    std::cout << "documents " << db.get_doccount() << "\n";
    for (auto d = db.postlist_begin(""); d != db.postlist_end(""); ++d) DumpDocument(db, *d);
    for (auto s = db.spellings_begin(); s != db.spellings_end(); ++s) {
      std::cout << "spelling " << Shown(*s) << " " << s.get_termfreq() << "\n";
    }
    for (auto k = db.synonym_keys_begin(); k != db.synonym_keys_end(); ++k) {
      std::cout << "synonym " << Shown(*k);
      for (auto s = db.synonyms_begin(*k); s != db.synonyms_end(*k); ++s) std::cout << " | " << Shown(*s);
      std::cout << "\n";
    }
    for (auto k = db.metadata_keys_begin(); k != db.metadata_keys_end(); ++k) {
      std::cout << "metadata " << Shown(*k) << " " << Shown(Masked(db.get_metadata(*k), "\"time\":"))
                << "\n";
    }
  } catch (const Xapian::Error& e) {
    std::cerr << argv[1] << ": " << e.get_description() << "\n";
    return 2;
  }
  return 0;
}
