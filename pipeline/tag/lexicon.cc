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
    lists_[std::filesystem::path(path).stem().string()] = std::move(list);
  }
}

bool Lexicon::Contains(const std::string& list, const std::string& form) const {
  auto it = lists_.find(list);
  return it != lists_.end() && it->second.values.count(Lower(FoldSpace(form))) != 0;
}

std::string Lexicon::Value(const std::string& list, const std::string& form) const {
  auto it = lists_.find(list);
  if (it == lists_.end()) return std::string();
  auto value = it->second.values.find(Lower(FoldSpace(form)));
  return value == it->second.values.end() ? std::string() : value->second;
}

std::string Lexicon::Alternation(const std::string& list) const {
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

std::string_view Lexicon::LongestSuffix(const std::string& list,
                                        std::string_view lower_word) const {
  auto it = lists_.find(list);
  if (it == lists_.end()) return std::string_view();
  std::string key;
  for (std::size_t length : it->second.lengths) {
    if (length > lower_word.size()) continue;
    key.assign(lower_word.substr(lower_word.size() - length));
    if (it->second.values.count(key) != 0) return lower_word.substr(lower_word.size() - length);
  }
  return std::string_view();
}

std::string Lexicon::SuffixValue(const std::string& list, std::string_view lower_word) const {
  const std::string_view suffix = LongestSuffix(list, lower_word);
  if (suffix.empty()) return std::string();
  return lists_.at(list).values.at(std::string(suffix));
}

std::vector<std::string> Lexicon::Names() const {
  std::vector<std::string> names;
  for (const auto& [name, list] : lists_) names.push_back(name);
  return names;
}

}  // namespace diar::tag_internal
