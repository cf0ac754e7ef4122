#include "pipeline/tag/lexicon.h"

#include <algorithm>
#include <filesystem>

#include "pipeline/tag/data_file.h"
#include "pipeline/tag/text_util.h"

namespace diar::tag_internal {

void Lexicon::Load(const std::string& dir, std::vector<std::string>* errors) {
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
      if (std::find(list.lengths.begin(), list.lengths.end(), key.size()) == list.lengths.end()) {
        list.lengths.push_back(key.size());
      }
    }
    std::sort(list.lengths.rbegin(), list.lengths.rend());
    lists_.insert_or_assign(std::filesystem::path(path).stem().string(), std::move(list));
  }
}

std::string_view Lexicon::Key(std::string_view form, std::string* storage) {
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
  if (plain) return form;
  *storage = Lower(FoldSpace(form));
  return *storage;
}

bool Lexicon::Contains(std::string_view list, std::string_view form) const {
  auto it = lists_.find(list);
  if (it == lists_.end()) return false;
  std::string storage;
  return it->second.values.find(Key(form, &storage)) != it->second.values.end();
}

std::string Lexicon::Value(std::string_view list, std::string_view form) const {
  auto it = lists_.find(list);
  if (it == lists_.end()) return std::string();
  std::string storage;
  auto value = it->second.values.find(Key(form, &storage));
  return value == it->second.values.end() ? std::string() : value->second;
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

std::string_view Lexicon::LongestSuffix(std::string_view list,
                                        std::string_view lower_word) const {
  auto it = lists_.find(list);
  if (it == lists_.end()) return std::string_view();
  for (std::size_t length : it->second.lengths) {
    if (length > lower_word.size()) continue;
    const std::string_view key = lower_word.substr(lower_word.size() - length);
    if (it->second.values.find(key) != it->second.values.end()) return key;
  }
  return std::string_view();
}

std::string Lexicon::SuffixValue(std::string_view list, std::string_view lower_word) const {
  const std::string_view suffix = LongestSuffix(list, lower_word);
  if (suffix.empty()) return std::string();
  return lists_.find(list)->second.values.find(suffix)->second;
}

std::vector<std::string> Lexicon::Names() const {
  std::vector<std::string> names;
  for (const auto& [name, list] : lists_) names.push_back(name);
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace diar::tag_internal
