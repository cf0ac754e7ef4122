// date_query: document-date filters from what users type. Private to index/.
//
// A bound is a year ("2021"), a year and month ("2021-03") or a day
// ("2021-03-29"); as a lower bound it means its first day, as an upper bound
// its last. `datum:2021` is the whole year, `datum:2021-03` the month,
// `datum:2021..2022-06` a range, `datum:2021..` or `datum:..2021` open
// ranges. A date that does not exist (2022-13-45, 2021-02-29), anything
// else, or a range whose start is after its end is an error naming the
// value: a filter is never dropped or widened to every document.
#ifndef DIAR_INDEX_DATE_QUERY_H_
#define DIAR_INDEX_DATE_QUERY_H_

#include <xapian.h>

#include <string>

namespace diar {

// "YYYYMMDD" of the first (or with `upper`, the last) day `text` means;
// empty when `text` is no date.
std::string DateBound(const std::string& text, bool upper);

// Whether `text` is a day that exists, written YYYY-MM-DD.
bool IsDay(const std::string& text);

// The query on schema::kSlotDate for documents dated in [from, to]; either
// may be empty (open). Throws Xapian::QueryParserError with a message naming
// the bad value.
Xapian::Query DateRangeQuery(const std::string& from, const std::string& to);

// The processors below never throw: Xapian 1.4's parser leaks the query it
// is building when a processor throws (LeakSanitizer: 216 bytes a bad
// date, for the life of `diar serve`). A bad date instead matches nothing
// and its message goes to `*error` (the first one kept); the caller of
// parse_query throws it as a Xapian::QueryParserError.

// `datum:A..B` (and `datum:A..`, `datum:..B`) in a query, for the field
// name `prefix` ("datum:"; "år:" too, so that `år:2014..2016` is the three
// years).
class DateRangeProcessor : public Xapian::RangeProcessor {
 public:
  DateRangeProcessor(std::string* error, const std::string& prefix);
  Xapian::Query operator()(const std::string& begin, const std::string& end) override;

 private:
  std::string* error_;
};

// `datum:A` in a query: the whole year, month or day A.
class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit DateFieldProcessor(std::string* error) : error_(error) {}
  Xapian::Query operator()(const std::string& value) override;

 private:
  std::string* error_;
};

}  // namespace diar

#endif  // DIAR_INDEX_DATE_QUERY_H_
