#include "index/remote_reading.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cstdlib>
#include <filesystem>
#include <set>
#include <vector>

#include "index/synonyms.h"

namespace diar {
namespace {

const std::u32string kAlphabet = U"abcdefghijklmnopqrstuvwxyzåäöéü";

std::u32string ToU32(const std::string& utf8) {
  std::u32string out;
  const icu::UnicodeString s = icu::UnicodeString::fromUTF8(utf8);
  for (int32_t i = 0; i < s.length();) {
    const UChar32 c = s.char32At(i);
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

std::string ToUtf8(const std::u32string& text) {
  icu::UnicodeString s;
  for (char32_t c : text) s.append(static_cast<UChar32>(c));
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::set<std::string> Neighbours(const std::u32string& w) {
  std::set<std::string> out;
  for (std::size_t i = 0; i < w.size(); ++i) {
    out.insert(ToUtf8(w.substr(0, i) + w.substr(i + 1)));
    if (i + 1 < w.size()) {
      std::u32string t = w;
      std::swap(t[i], t[i + 1]);
      out.insert(ToUtf8(t));
    }
    for (char32_t c : kAlphabet) {
      if (c == w[i]) continue;
      std::u32string r = w;
      r[i] = c;
      out.insert(ToUtf8(r));
    }
  }
  for (std::size_t i = 0; i <= w.size(); ++i) {
    for (char32_t c : kAlphabet) out.insert(ToUtf8(w.substr(0, i) + c + w.substr(i)));
  }
  out.erase(ToUtf8(w));
  return out;
}

std::string BestNeighbour(const Xapian::Database& db, const std::string& word) {
  const std::set<std::string> candidates = Neighbours(ToU32(word));
  const Xapian::Query any(Xapian::Query::OP_OR, candidates.begin(), candidates.end());
  Xapian::Enquire enquire(db);
  enquire.set_query(any);
  const Xapian::MSet mset = enquire.get_mset(0, 0);
  std::string best;
  Xapian::doccount best_frequency = 0;
  for (const std::string& candidate : candidates) {
    const Xapian::doccount frequency = mset.get_termfreq(candidate);
    if (frequency > best_frequency) {
      best = candidate;
      best_frequency = frequency;
    }
  }
  return best;
}

}  // namespace

LocalSynonyms::LocalSynonyms(const std::string& flat) {
  std::string pattern = (std::filesystem::temp_directory_path() / "diar-synonyms-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) return;
  dir_ = pattern;
  {
    Xapian::WritableDatabase out(dir_, Xapian::DB_CREATE_OR_OVERWRITE);
    for (const auto& [key, synonyms] : ParseSynonyms(flat)) {
      for (const std::string& s : synonyms) out.add_synonym(key, s);
    }
    out.commit();
  }
  db_ = Xapian::Database(dir_);
}

LocalSynonyms::~LocalSynonyms() {
  db_.close();
  std::error_code ec;
  if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
}

std::string SuggestByNeighbours(const Xapian::Database& db, const std::string& query) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(query);
  std::string out;
  bool changed = false;
  int32_t i = 0;
  while (i < text.length()) {
    const UChar32 c = text.char32At(i);
    if (!u_isalpha(c)) {
      icu::UnicodeString(c).toUTF8String(out);
      i += U16_LENGTH(c);
      continue;
    }
    int32_t end = i;
    while (end < text.length() && u_isalpha(text.char32At(end))) end += U16_LENGTH(text.char32At(end));
    std::string word, lower;
    text.tempSubStringBetween(i, end).toUTF8String(word);
    icu::UnicodeString(text.tempSubStringBetween(i, end)).toLower().toUTF8String(lower);
    const bool field = end < text.length() && text.charAt(end) == ':';
    const bool is_operator = word == "AND" || word == "OR" || word == "NOT" || word == "OCH" ||
                             word == "ELLER" || word == "INTE";
    if (!field && !is_operator && end - i >= 4 && db.get_termfreq(lower) == 0) {
      const std::string best = BestNeighbour(db, lower);
      if (!best.empty()) {
        out += best;
        changed = true;
        i = end;
        continue;
      }
    }
    out += word;
    i = end;
  }
  return changed ? out : "";
}

}  // namespace diar
