// dnr_key: one spelling for every way a diarienummer is written. Private to
// index/.
//
// Officials copy numbers from e-mails, letters and case systems, each with
// its own separators: "KS 2022-0092-106", "ks2022-0092-106", "KS 2022/0092/106"
// and "KS:2022.0092.106" are one number. The key keeps the letter and digit
// groups in order, letters upper-cased, joined by '-': "KS-2022-0092-106".
// Digits keep their leading zeros (00123 and 123 are different numbers in
// most case systems).
//
// The index holds the key of every dnr a document mentions, and the key
// without its leading letter groups ("2022-0092-106"), so a number typed
// without its series finds it. A query's key matches a stored key equal to
// it or beginning with it and a '-': "2022-0092" finds "KS-2022-0092-106"
// (through its series-less key) but not "2022-00921".
#ifndef DIAR_INDEX_DNR_KEY_H_
#define DIAR_INDEX_DNR_KEY_H_

#include <xapian.h>

#include <string>
#include <vector>

namespace diar {

// The key of `dnr`; empty when it has no digit group (no number).
std::string DnrKey(const std::string& dnr);

// The schema::kDnrKey terms a document mentioning `dnr` gets.
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
