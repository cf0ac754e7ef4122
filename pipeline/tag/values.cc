#include "pipeline/tag/values.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <unordered_map>

#include "pipeline/tag/organs.h"
#include "pipeline/tag/plans.h"
#include "pipeline/tag/text_util.h"
#include "pipeline/tag/value_cache.h"

namespace diar::tag_internal {
namespace {

// The longest span a period may cover; longer "ranges" are page spans,
// number ranges or historical references, not periods (TAGGING.md).
constexpr int kMaxPeriodYears = 50;

int ToInt(std::string_view s) {
  int value = 0;
  const auto result = std::from_chars(s.data(), s.data() + s.size(), value);
  return result.ec == std::errc() && result.ptr == s.data() + s.size() ? value : -1;
}

// One end of a date or period: any of year, month, day may be 0 (absent).
struct DatePoint {
  int year = 0;
  int month = 0;
  int day = 0;
};

bool ReadPoint(const RuleMatch& match, const Lexicon& lexicon, const char* year_group,
               const char* month_group, const char* day_group, DatePoint* point) {
  const std::string_view year = match.Group(year_group);
  const std::string_view month = match.Group(month_group);
  const std::string_view day = match.Group(day_group);
  if (!year.empty() && (point->year = ToInt(year)) < 0) return false;
  if (!month.empty() && (point->month = MonthNumber(month, lexicon)) == 0) return false;
  if (!day.empty() && (point->day = ToInt(day)) <= 0) return false;
  return true;
}

bool Valid(const DatePoint& p) {
  if (p.month != 0 && (p.month < 1 || p.month > 12)) return false;
  if (p.day != 0 && (p.month == 0 || p.day > DaysInMonth(p.year == 0 ? 2000 : p.year, p.month))) {
    return false;
  }
  return true;
}

std::string Format(const DatePoint& p) {
  char buffer[32];
  if (p.day != 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", p.year, p.month, p.day);
  } else if (p.month != 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", p.year, p.month);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d", p.year);
  }
  return buffer;
}

int DocumentYear(const TagContext& context) {
  return context.document_date.size() >= 4 ? ToInt(context.document_date.substr(0, 4)) : -1;
}

bool FormDate(const RuleMatch& match, const Lexicon& lexicon, const TagContext& context,
              FormedValue* out) {
  const std::string_view season = match.Group("season");
  if (!season.empty()) {
    const std::string code = lexicon.Value("seasons", std::string(season));
    if (code.empty()) return false;
    const std::string_view year = match.Group("year");
    // EDTF season without a year: "-22" (TAGGING.md, `sommaren`).
    out->value = year.empty() ? "-" + code : std::string(year) + "-" + code;
    return true;
  }
  DatePoint point;
  if (!ReadPoint(match, lexicon, "year", "month", "day", &point)) return false;
  if (point.month == 0) return false;  // a bare year is not a date
  if (point.year == 0) {
    if (point.day == 0) return false;  // "i mars": too vague to tag
    point.year = DocumentYear(context);
    if (point.year <= 0) return false;
    out->inferred = true;
  }
  if (!Valid(point)) return false;
  out->value = Format(point);
  return true;
}

bool Before(const DatePoint& a, const DatePoint& b) {
  if (a.year != b.year) return a.year < b.year;
  if (a.month != b.month) return a.month < b.month;
  return a.day < b.day;
}

bool FormPeriod(const RuleMatch& match, const Lexicon& lexicon, const TagContext& context,
                FormedValue* out) {
  // "2023/24:1" numbers a Riksdag document (periods.rules).
  if (!match.Group("number").empty()) return false;
  DatePoint from;
  DatePoint to;
  if (!ReadPoint(match, lexicon, "y1", "m1", "d1", &from) ||
      !ReadPoint(match, lexicon, "y2", "m2", "d2", &to)) {
    return false;
  }
  // Two-digit second year: "2021–23" is 2021/2023.
  const std::string_view y2 = match.Group("y2");
  if (y2.size() == 2 && from.year >= 1000) to.year += from.year / 100 * 100;
  // An end written without its year or month borrows the other end's:
  // "22–23 februari 2022", "maj till oktober 2021".
  if (from.day != 0 && from.month == 0) from.month = to.month;
  if (from.year == 0) from.year = to.year;
  if (to.year == 0) to.year = from.year;
  if (from.year == 0) {
    from.year = to.year = DocumentYear(context);
    if (from.year <= 0) return false;
    out->inferred = true;
  }
  if (!Valid(from) || !Valid(to)) return false;
  if ((from.month == 0) != (to.month == 0)) return false;
  if (!Before(from, to)) return false;
  if (to.year - from.year > kMaxPeriodYears) return false;
  out->value = Format(from) + "/" + Format(to);
  return true;
}

bool FormDnr(const RuleMatch& match, const Lexicon& lexicon, FormedValue* out) {
  const std::string span(match.text.substr(match.begin, match.end - match.begin));
  std::string value = Upper(FoldSpace(span));
  // A statute or report series ("SFS 2017:900", "SOU 2020:12") is not a dnr,
  // even after a label.
  const std::size_t cut = FindAnyOf(value, " /-.:");
  if (cut != std::string::npos && lexicon.Contains("dnr_not_prefixes", value.substr(0, cut))) {
    return false;
  }
  // "KF 2019-05-20" is an organ and a meeting date, not a registry number.
  const std::size_t last_space = value.rfind(' ');
  const std::string number = last_space == std::string::npos ? value : value.substr(last_space + 1);
  if (number.size() == 10 && number[4] == '-' && number[7] == '-') {
    const int month = ToInt(number.substr(5, 2));
    const int day = ToInt(number.substr(8, 2));
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return false;
  }
  out->value = std::move(value);
  return true;
}

namespace {

// A name written all in capitals, as headings and logos set it
// ("SAMORDNINGSFÖRBUNDET VÄSTERÅS", "LÄNSTRAFIKEN I NORRBOTTEN AB"), in the
// casing the name has in running text, so that one body has one value:
// each word capitalised, but the small words and the place's "län",
// "kommun", "stad" in lower case and acronyms (AB, KPMG) as written. Only a
// word of six letters or more shows the capitals are a heading's: "KPMG AB"
// is the name itself.
std::string NameCase(const std::string& name) {
  const std::vector<std::string> words = Words(name);
  if (std::none_of(words.begin(), words.end(),
                   [](const std::string& word) { return CodePoints(word) >= 6; })) {
    return name;
  }
  static constexpr std::string_view kLower[] = {"i", "och", "för", "av", "på", "med", "till",
                                                "om", "vid", "län", "kommun", "stad"};
  std::string out;
  for (const std::string& word : words) {
    if (!out.empty()) out += ' ';
    const std::string lower = Lower(word);
    if (std::find(std::begin(kLower), std::end(kLower), lower) != std::end(kLower)) {
      out += lower;
    } else if (CodePoints(word) <= 4) {
      out += word;
    } else {
      out += CapitaliseFirst(lower);
    }
  }
  return out;
}

}  // namespace

// The value of a body's name as a rule found it (white space folded): as
// written, genitive removed; none when a determiner or generic owner starts
// it.
std::optional<std::string> NameValue(std::string span, const Lexicon& lexicon) {
  const std::size_t space = span.find(' ');
  if (lexicon.Contains("body_determiners", span.substr(0, space))) return std::nullopt;
  // "målgruppen Unga": a kind of group, not a named one.
  std::string head = Lower(span.substr(0, space));
  if (head.size() > 2 && (head.ends_with("en") || head.ends_with("et"))) {
    if (lexicon.Contains("body_name_stop", head.substr(0, head.size() - 2))) return std::nullopt;
  }
  if (lexicon.Contains("body_name_stop", head)) return std::nullopt;
  if (span.ends_with(":s") || span.ends_with("’s")) {
    span.erase(span.size() - (span.ends_with(":s") ? 2 : 4));  // "Exempel AB:s"
  } else if (span.size() > 3 && span.back() == 's' && span[span.size() - 2] != 's' &&
             span[span.size() - 2] != 'u' &&
             !lexicon.Contains("place_names_s", span.substr(span.rfind(' ') + 1))) {
    // (Not "-ss", nor "-us": "Stiftelsen Folkets Hus", "Campus"; nor a place
    // whose name ends in s: "Samordningsförbundet Västerås".)
    span.pop_back();
  }
  // A short name that is also a common word ("Kommunal") takes the body's
  // name from body_short_names.list.
  if (std::string listed = lexicon.Value("body_short_names", span); !listed.empty()) return listed;
  return HasLower(span) ? CapitaliseFirst(span) : NameCase(span);
}

// NameValue, kept per name (value_cache.h): documents repeat their bodies'
// names.
bool FormName(const RuleMatch& match, const Lexicon& lexicon, FormedValue* out) {
  static thread_local ValueCache<std::optional<std::string>> cache;
  const std::string span = FoldSpace(match.text.substr(match.begin, match.end - match.begin));
  const std::optional<std::string>& value =
      cache.Get(span, lexicon.id(), nullptr, [&] { return NameValue(span, lexicon); });
  if (!value) return false;
  out->value = *value;
  out->document_canonical = true;
  return true;
}

}  // namespace

const std::vector<FormerSpec>& Formers() {
  static const std::vector<FormerSpec> formers = {
      {"date", {"months", "seasons"}},
      {"period", {"months"}},
      {"dnr", {"dnr_not_prefixes"}},
      {"text", {}},
      {"organ", {"organ_heads"}},
      {"plan", {"plan_heads", "plan_definite", "plan_stop", "plan_statutory", "plan_title_stop",
                "plan_articles", "plan_adjective_stop", "plan_not_titles", "months",
                "plan_connectors", "plan_time_nouns", "plan_kind_words", "plan_name_stop",
                "body_determiners"}},
      {"name", {"body_determiners", "body_name_stop", "place_names_s", "body_short_names"}},
  };
  return formers;
}

std::vector<std::string> FormerNames() {
  std::vector<std::string> names;
  for (const FormerSpec& spec : Formers()) names.push_back(spec.name);
  return names;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

int MonthNumber(std::string_view month, const Lexicon& lexicon) {
  const int number = ToInt(month);
  if (number >= 1 && number <= 12) return number;
  std::string name(month);
  if (!name.empty() && name.back() == '.') name.pop_back();
  const int named = ToInt(lexicon.Value("months", name));
  return named >= 1 && named <= 12 ? named : 0;
}

bool FormValue(const RuleMatch& match, const Lexicon& lexicon, const Gazetteer& gazetteer,
               const TagContext& context, FormedValue* out) {
  const std::string& former = match.rule->former;
  if (former == "date") return FormDate(match, lexicon, context, out);
  if (former == "period") return FormPeriod(match, lexicon, context, out);
  if (former == "dnr") return FormDnr(match, lexicon, out);
  if (former == "organ") return FormOrgan(match, lexicon, gazetteer, context, out);
  if (former == "plan") return FormPlan(match, lexicon, gazetteer, context, out);
  if (former == "name") return FormName(match, lexicon, out);
  out->value = FoldSpace(match.text.substr(match.begin, match.end - match.begin));
  return true;
}

}  // namespace diar::tag_internal
