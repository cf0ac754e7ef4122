#include "index/date_query.h"

#include "index/schema.h"

namespace diar {
namespace {

constexpr const char* kForm = "; write YYYY, YYYY-MM or YYYY-MM-DD (2021, 2021-03, 2021-03-29)";

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool Digits(const std::string& s, std::size_t from, std::size_t n) {
  if (s.size() < from + n) return false;
  for (std::size_t i = from; i < from + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

std::string TwoDigits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

}  // namespace

std::string DateBound(const std::string& text, bool upper) {
  // YYYY, YYYY-MM, YYYY-MM-DD: 4, 7 or 10 characters.
  if (!Digits(text, 0, 4)) return "";
  const int year = std::stoi(text.substr(0, 4));
  if (year < 1000) return "";
  if (text.size() == 4) return text + (upper ? "1231" : "0101");
  if (text.size() < 7 || text[4] != '-' || !Digits(text, 5, 2)) return "";
  const int month = std::stoi(text.substr(5, 2));
  if (month < 1 || month > 12) return "";
  const std::string ym = text.substr(0, 4) + text.substr(5, 2);
  if (text.size() == 7) return ym + (upper ? TwoDigits(DaysIn(year, month)) : "01");
  if (text.size() != 10 || text[7] != '-' || !Digits(text, 8, 2)) return "";
  const int day = std::stoi(text.substr(8, 2));
  if (day < 1 || day > DaysIn(year, month)) return "";
  return ym + text.substr(8, 2);
}

bool IsDay(const std::string& text) { return text.size() == 10 && !DateBound(text, false).empty(); }

Xapian::Query DateRangeQuery(const std::string& from, const std::string& to) {
  const std::string lo = from.empty() ? "" : DateBound(from, false);
  const std::string hi = to.empty() ? "" : DateBound(to, true);
  if (!from.empty() && lo.empty()) throw Xapian::QueryParserError("no such date '" + from + "'" + kForm);
  if (!to.empty() && hi.empty()) throw Xapian::QueryParserError("no such date '" + to + "'" + kForm);
  if (!lo.empty() && !hi.empty() && lo > hi) {
    throw Xapian::QueryParserError("date range '" + from + ".." + to +
                                   "' starts after it ends; put the earlier date first");
  }
  if (lo.empty() && hi.empty()) throw Xapian::QueryParserError("empty date range ('..'); give a start, an end or both");
  if (lo.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, hi);
  if (hi.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, lo);
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, lo, hi);
}

namespace {

Xapian::Query QueryOrError(const std::string& from, const std::string& to, std::string* error) {
  try {
    return DateRangeQuery(from, to);
  } catch (const Xapian::QueryParserError& e) {
    if (error->empty()) *error = e.get_msg();
    return Xapian::Query::MatchNothing;
  }
}

}  // namespace

DateRangeProcessor::DateRangeProcessor(std::string* error, const std::string& prefix)
    : Xapian::RangeProcessor(schema::kSlotDate, prefix), error_(error) {}

Xapian::Query DateRangeProcessor::operator()(const std::string& begin, const std::string& end) {
  return QueryOrError(begin, end, error_);
}

Xapian::Query DateFieldProcessor::operator()(const std::string& value) {
  return QueryOrError(value, value, error_);
}

}  // namespace diar
