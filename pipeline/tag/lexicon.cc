#include "pipeline/tag/lexicon.h"

#include <atomic>

#include <algorithm>
#include <filesystem>

#include "pipeline/data_file/data_file.h"
#include "pipeline/tag/text_util.h"

namespace diar::tag_internal {
namespace {

// The last two bytes of `key` (at least two long), as LongestSuffix's
// bucket key.
std::uint16_t EndBytes(std::string_view key) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(key[key.size() - 2]) << 8 |
                                    static_cast<unsigned char>(key[key.size() - 1]));
}

constexpr std::size_t kEndBits = 4096;
std::size_t EndBit(std::uint16_t end) { return (end ^ (end >> 5)) % kEndBits; }

// True when Key(form) is as long as `form`: no white space to fold (single
// inner spaces stay) and no letters whose case changes their length (ASCII
// and Latin-1 keep it).
bool KeyKeepsLength(std::string_view form) {
  if (form.empty() || form.front() == ' ' || form.back() == ' ') return false;
  for (std::size_t i = 0; i < form.size(); ++i) {
    const auto b = static_cast<unsigned char>(form[i]);
    if (b == '\n' || b == '\t' || b == '\r' || b == '\f') return false;
    if (b == ' ' && form[i + 1] == ' ') return false;
    if (b >= 0x80 && b != 0xC3 && (b & 0xC0) != 0x80) return false;
  }
  return true;
}

}  // namespace

void Lexicon::Load(const std::string& dir, std::vector<std::string>* errors) {
  static std::atomic<std::uint64_t> loads{0};
  id_ = ++loads;
  for (const std::string& path : ListFiles(dir, "", ".list")) {
    DataFile file = ReadDataFile(path, errors);
    if (!file.has_header_comment) {
      errors->push_back(Where(path, 1, "no header comment; start the file with "
                                       "`# what this list is for`"));
    }
    List list;
    for (const DataLine& line : file.lines) {
      if (line.fields.size() > 2) {
        errors->push_back(Where(path, line.number,
                                "more than two tab-separated fields; write `form` "
                                "or `form<TAB>value`"));
        continue;
      }
      const std::string& form = line.fields[0];
      if (form.empty()) {
        errors->push_back(Where(path, line.number, "empty form"));
        continue;
      }
      const std::string key = Lower(FoldSpace(form));
      if (!list.values.emplace(key, line.fields.size() > 1 ? line.fields[1] : "").second) {
        errors->push_back(Where(path, line.number, "\"" + form + "\" is listed twice"));
        continue;
      }
      list.forms.push_back(FoldSpace(form));
      std::vector<std::size_t>& lengths =
          key.size() < 2 ? list.short_lengths : list.lengths_by_end[EndBytes(key)];
      if (std::find(lengths.begin(), lengths.end(), key.size()) == lengths.end()) {
        lengths.push_back(key.size());
      }
    }
    for (auto& [end, lengths] : list.lengths_by_end) std::sort(lengths.rbegin(), lengths.rend());
    list.key_ends.assign(kEndBits, false);
    for (const auto& [key, value] : list.values) {
      if (key.size() >= list.key_lengths.size()) list.key_lengths.resize(key.size() + 1, false);
      list.key_lengths[key.size()] = true;
      if (key.size() >= 2) list.key_ends[EndBit(EndBytes(key))] = true;
    }
    std::sort(list.short_lengths.rbegin(), list.short_lengths.rend());
    lists_.insert_or_assign(std::filesystem::path(path).stem().string(), std::move(list));
  }
}

bool Lexicon::List::FindKey(std::string_view form, std::string* storage,
                            std::string_view* key) const {
  // Plain: no upper-case letter and no white space. Lower-case å ä ö é
  // (U+00DF-U+00FF, lead byte C3, second byte 9F-BF) are plain too, so that
  // Swedish words need no copy; other non-ASCII goes the slow way.
  bool plain = true;
  for (std::size_t i = 0; i < form.size(); ++i) {
    const auto b = static_cast<unsigned char>(form[i]);
    if (b >= 0x80) {
      if (b == 0xC3 && i + 1 < form.size() &&
          static_cast<unsigned char>(form[i + 1]) >= 0x9F &&
          static_cast<unsigned char>(form[i + 1]) <= 0xBF) {
        ++i;
        continue;
      }
      plain = false;
      break;
    }
    if ((b >= 'A' && b <= 'Z') || b == ' ' || b == '\n' || b == '\t') {
      plain = false;
      break;
    }
  }
  if (plain) {
    *key = form;
    return MayHaveLength(form.size());
  }
  // A word in capitals keeps its length in lower case: no copy for a
  // length the list does not have.
  if (KeyKeepsLength(form) && !MayHaveLength(form.size())) return false;
  *storage = Lower(FoldSpace(form));
  *key = *storage;
  return MayHaveLength(key->size());
}

const Lexicon::List& Lexicon::Get(std::string_view name) const {
  static const List kEmpty;
  auto it = lists_.find(name);
  return it == lists_.end() ? kEmpty : it->second;
}

bool Lexicon::List::Contains(std::string_view form) const {
  std::string storage;
  std::string_view key;
  return FindKey(form, &storage, &key) && values.find(key) != values.end();
}

std::string Lexicon::List::Value(std::string_view form) const {
  std::string storage;
  std::string_view key;
  if (!FindKey(form, &storage, &key)) return std::string();
  auto value = values.find(key);
  return value == values.end() ? std::string() : value->second;
}

std::string Lexicon::Alternation(std::string_view list) const {
  auto it = lists_.find(list);
  if (it == lists_.end() || it->second.forms.empty()) return "(?:)";
  std::vector<std::string> forms = it->second.forms;
  std::stable_sort(forms.begin(), forms.end(), [](const std::string& a, const std::string& b) {
    return a.size() > b.size();
  });
  std::string out = "(?:";
  for (std::size_t i = 0; i < forms.size(); ++i) {
    if (i > 0) out += '|';
    std::string quoted = QuoteRegex(forms[i]);
    // QuoteMeta escapes a space as "\ "; a form's space may be any white space
    // run in the text (names are broken across lines).
    std::string spaced;
    for (std::size_t k = 0; k < quoted.size(); ++k) {
      if (quoted[k] == '\\' && k + 1 < quoted.size() && quoted[k + 1] == ' ') {
        spaced += "\\s+";
        ++k;
      } else {
        spaced += quoted[k];
      }
    }
    out += spaced;
  }
  return out + ")";
}

std::string_view Lexicon::List::LongestSuffix(std::string_view lower_word) const {
  auto try_lengths = [&](const std::vector<std::size_t>& lengths) {
    for (std::size_t length : lengths) {
      if (length > lower_word.size()) continue;
      const std::string_view key = lower_word.substr(lower_word.size() - length);
      if (values.find(key) != values.end()) return key;
    }
    return std::string_view();
  };
  // Longest first: the forms of two bytes or more end in the word's last
  // two bytes; shorter ones come after.
  if (lower_word.size() >= 2 && !key_ends.empty() && key_ends[EndBit(EndBytes(lower_word))]) {
    auto bucket = lengths_by_end.find(EndBytes(lower_word));
    if (bucket != lengths_by_end.end()) {
      if (const std::string_view key = try_lengths(bucket->second); !key.empty()) return key;
    }
  }
  return try_lengths(short_lengths);
}

std::string Lexicon::List::SuffixValue(std::string_view lower_word) const {
  const std::string_view suffix = LongestSuffix(lower_word);
  if (suffix.empty()) return std::string();
  return values.find(suffix)->second;
}

std::vector<std::string> Lexicon::Names() const {
  std::vector<std::string> names;
  for (const auto& [name, list] : lists_) names.push_back(name);
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace diar::tag_internal
