#include "index/dnr_key.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "index/schema.h"

namespace diar {
namespace {

// Letter and digit groups of `text`, letters upper-cased.
std::vector<std::string> Groups(const std::string& text) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  std::vector<std::string> groups;
  icu::UnicodeString group;
  int kind = 0;  // 1 letters, 2 digits
  auto flush = [&] {
    if (!group.isEmpty()) {
      std::string s;
      groups.push_back(group.toUpper().toUTF8String(s));
    }
    group.remove();
  };
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    const int now = u_isdigit(c) ? 2 : (u_isalpha(c) ? 1 : 0);
    if (now != kind) flush();
    if (now != 0) group.append(c);
    kind = now;
    i = u.moveIndex32(i, 1);
  }
  flush();
  return groups;
}

bool IsDigits(const std::string& s) { return !s.empty() && s[0] >= '0' && s[0] <= '9'; }

// `groups` with each digit group's leading zeros dropped, a zero kept.
std::vector<std::string> Unpadded(std::vector<std::string> groups) {
  for (std::string& g : groups) {
    if (!IsDigits(g)) continue;
    const std::size_t first = g.find_first_not_of('0');
    g.erase(0, first == std::string::npos ? g.size() - 1 : first);
  }
  return groups;
}

std::string Join(const std::vector<std::string>& groups, std::size_t from) {
  std::string key;
  for (std::size_t i = from; i < groups.size(); ++i) {
    if (!key.empty()) key.push_back('-');
    key += groups[i];
  }
  return key;
}

bool HasNumber(const std::vector<std::string>& groups) {
  return std::any_of(groups.begin(), groups.end(), IsDigits);
}

}  // namespace

std::string DnrKey(const std::string& dnr) {
  const std::vector<std::string> groups = Groups(dnr);
  return HasNumber(groups) ? Join(groups, 0) : "";
}

std::string DnrLooseKey(const std::string& dnr) {
  const std::vector<std::string> groups = Groups(dnr);
  return HasNumber(groups) ? Join(Unpadded(groups), 0) : "";
}

std::vector<std::string> DnrKeyTerms(const std::string& dnr) {
  const std::vector<std::string> groups = Groups(dnr);
  std::size_t first_digits = 0;
  while (first_digits < groups.size() && !IsDigits(groups[first_digits])) ++first_digits;
  if (first_digits == groups.size()) return {};
  const std::vector<std::string> unpadded = Unpadded(groups);
  std::vector<std::string> terms;
  const auto add = [&](std::size_t from) {
    terms.push_back(std::string(schema::kDnrKey) + Join(groups, from));
    terms.push_back(std::string(schema::kDnrLooseKey) + Join(unpadded, from));
  };
  add(0);
  if (first_digits > 0) add(first_digits);
  // A number written before its series ("2016/0669 KS-1", "2021/KS 0042")
  // is also keyed series first, as case systems and letters cite it ("KS
  // 2016/0669").
  if (first_digits == 0) {
    const auto series = std::find_if_not(groups.begin(), groups.end(), IsDigits);
    if (series != groups.end()) {
      std::vector<std::string> moved(groups.begin(), series);
      moved.insert(moved.begin(), *series);
      moved.insert(moved.end(), series + 1, groups.end());
      terms.push_back(std::string(schema::kDnrKey) + Join(moved, 0));
      terms.push_back(std::string(schema::kDnrLooseKey) + Join(Unpadded(moved), 0));
    }
  }
  return terms;
}

Xapian::Query DnrKeyQuery(const std::string& typed) {
  const std::string key = DnrKey(typed);
  if (key.empty()) return Xapian::Query(std::string(schema::kDnrKey));  // matches nothing
  // Equal to the key, or beginning with it and a '-'.
  const auto equal_or_begun = [](const std::string& term) {
    return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(term),
                         Xapian::Query(Xapian::Query::OP_WILDCARD, term + "-"));
  };
  return Xapian::Query(Xapian::Query::OP_OR, equal_or_begun(std::string(schema::kDnrKey) + key),
                       equal_or_begun(std::string(schema::kDnrLooseKey) + DnrLooseKey(typed)));
}

bool LooksLikeDnr(const std::string& text) {
  // Digits, a separator, digits: the core of every form in TAGGING.md.
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    const char c = text[i];
    if ((c == '-' || c == '/' || c == ':' || c == '.') && std::isdigit(static_cast<unsigned char>(text[i - 1])) &&
        std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
      return true;
    }
  }
  return false;
}

}  // namespace diar
