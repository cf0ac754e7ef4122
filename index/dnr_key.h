// dnr_key: one spelling for every way a diarienummer is written. Private to
// index/.
//
// Officials copy numbers from e-mails, letters and case systems, each with
// its own separators: "KS 2022-0092-106", "ks2022-0092-106", "KS 2022/0092/106"
// and "KS:2022.0092.106" are one number. The key keeps the letter and digit
// groups in order, letters upper-cased, joined by '-': "KS-2022-0092-106".
// The key keeps each number's leading zeros as written.
//
// The index holds the key of every dnr a document mentions, and the key
// without its leading letter groups ("2022-0092-106"), so a number typed
// without its series finds it. A query's key matches a stored key equal to
// it or beginning with it and a '-': "2022-0092" finds "KS-2022-0092-106"
// (through its series-less key) but not "2022-00921".
//
// A number written before its series ("2016/0669 KS-1") is also keyed with
// the series moved to the front ("KS-2016-0669-1"), so "KS 2016/0669" finds
// it.
//
// Each key is also held with its numbers' leading zeros dropped
// ("KS-2022-92-106"), and a query matches those too: a case system pads a
// running number to its own width ("KS 2022/0092" in one, "KS 2022/92" in
// the letter that quotes it), and no series numbers two cases 92 and 0092.
#ifndef DIAR_INDEX_DNR_KEY_H_
#define DIAR_INDEX_DNR_KEY_H_

#include <xapian.h>

#include <string>
#include <vector>

namespace diar {

// The key of `dnr`; empty when it has no digit group (no number).
std::string DnrKey(const std::string& dnr);

// The key of `dnr` with each digit group's leading zeros dropped ("0092"
// -> "92", "000" -> "0"); empty when it has no digit group.
std::string DnrLooseKey(const std::string& dnr);

// The schema::kDnrKey and schema::kDnrLooseKey terms a document mentioning
// `dnr` gets.
std::vector<std::string> DnrKeyTerms(const std::string& dnr);

// The query for documents with a dnr that `typed` is, or begins.
Xapian::Query DnrKeyQuery(const std::string& typed);

// True when `text` reads like a dnr on its own: a digit group joined to
// another group by one of - / : . (optionally after a letter series), as in
// "KS 2022/0092", "2022-0092-106", "RUN 374-2021". Used to send free text
// that is a number to the dnr keys.
bool LooksLikeDnr(const std::string& text);

}  // namespace diar

#endif  // DIAR_INDEX_DNR_KEY_H_
