#include "pipeline/tag/document_date.h"

#include <re2/re2.h>

#include <algorithm>

#include "pipeline/tag/text_util.h"
#include "pipeline/tag/values.h"

namespace diar::tag_internal {
namespace {

// Byte length of the first `code_points` code points of `text`.
std::size_t PrefixBytes(std::string_view text, std::size_t code_points) {
  std::size_t i = 0;
  for (std::size_t n = 0; i < text.size() && n < code_points; ++n) {
    std::size_t length = 0;
    DecodeAt(text, i, &length);
    i += length;
  }
  return i;
}

// True when the words just before `begin` on the same line end in a date
// label ("Datum", "Datum:", "Beslutsdatum").
bool Labelled(std::string_view text, std::size_t begin, const Lexicon& lexicon) {
  std::size_t line_start = text.rfind('\n', begin == 0 ? 0 : begin - 1);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  std::string before(text.substr(line_start, begin - line_start));
  while (!before.empty() && (before.back() == ' ' || before.back() == ':')) before.pop_back();
  // The label may be the last one or two words ("Vårt datum").
  for (int words = 1; words <= 2; ++words) {
    std::size_t cut = before.size();
    for (int k = 0; k < words && cut != std::string::npos; ++k) {
      cut = before.rfind(' ', cut == 0 ? 0 : cut - 1);
    }
    const std::string label = cut == std::string::npos ? before : before.substr(cut + 1);
    if (lexicon.Contains("date_labels", label)) return true;
    if (cut == std::string::npos) break;
  }
  return false;
}

bool IsWeekday(std::string_view word) {
  static constexpr std::string_view kDays[] = {"måndag", "tisdag", "onsdag", "torsdag",
                                               "fredag", "lördag", "söndag"};
  std::string lower(word);
  for (std::size_t i = 0; i < lower.size(); ++i) {
    char& c = lower[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    // Å and Ö (C3 85, C3 96) to å and ö (C3 A5, C3 B6): "MÅNDAGEN", "LÖRDAG".
    if (c == '\xC3' && i + 1 < lower.size() && (lower[i + 1] == '\x85' || lower[i + 1] == '\x96')) {
      lower[i + 1] = static_cast<char>(lower[i + 1] + 0x20);
    }
  }
  if (lower.size() > 2 && lower.compare(lower.size() - 2, 2, "en") == 0) lower.resize(lower.size() - 2);
  for (std::string_view day : kDays) {
    if (lower == day) return true;
  }
  return false;
}

// The word before byte `pos` on the same line ("" if none).
std::string_view WordBefore(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (end > 0 && text[end - 1] == ' ') --end;
  std::size_t begin = end;
  while (begin > 0 && text[begin - 1] != ' ' && text[begin - 1] != '\n') --begin;
  return text.substr(begin, end - begin);
}

// A decision's paragraph right after its date: "§ 27", "KS 44", "KF § 144".
const RE2& CitedParagraph() {
  static const RE2 kParagraph("^(?:\\p{Lu}{2,5}\\s*§?\\s*|§\\s*)\\d{1,4}\\b");
  return kParagraph;
}

// A line an e-signing service adds ("Signerat 2021-05-03 12:33 BankID",
// "Transaktion 09222115557...", "Status: Signerat av alla"): the date a
// person signed, not the document's own.
const RE2& ESignatureLine() {
  static const RE2 kLine("(?i)(?:\\bsigner(?:at|ad|ades|ing)\\b|\\bsigned\\b|\\bverifikat\\b|"
                         "\\btransaktion|\\bBankID\\b|\\bScrive\\b|\\bAssently\\b|\\bAddo\\b|"
                         "\\bPenneo\\b)");
  return kLine;
}

// A line stating the document's own adoption or revision.
const RE2& OwnAdoption() {
  static const RE2 kOwn("(?i)^\\s*(?:antag(?:en|et|na)|fastställ(?:d|t|da)|beslutad|godkän(?:d|t|da)|"
                        "revider(?:ad|at|ade))\\b");
  return kOwn;
}

// The start of a validity right before a date ("gällande fr o m
// 2010-01-01", "Gäller från och med 2021-01-01"): when an agreement or a
// rule applies from, not when the document was written or adopted.
const RE2& ValidFrom() {
  static const RE2 kValidFrom(
      "(?i)(?:\\bfr\\.?\\s?o\\.?\\s?m\\.?|\\bfrån\\s+och\\s+med|\\bgäller\\s+från|\\bgällande\\s+från)\\s*$");
  return kValidFrom;
}

// A date that is not the document's own although it stands in the opening:
// the end of a range ("1 – 2 oktober 2008"), a table of contents entry
// ("KF 27, 2001-04-24...3"), or a date in running prose ("Den 18 december
// 2012 beslutade länsstyrelsen", "som överlämnades den 30 juni 2016 till
// regeringen"): "den" before it and a lower-case word after, unless a
// weekday says it is a meeting's time ("tisdagen den 22 april 2014 kl
// 18.00") or the sentence is a decision's own statement of its date
// ("Riksantikvarieämbetet har den 16 april 2018 beslutat att ...": the
// perfect tense announces the decision; "beslutade den ..." tells history).
//
// Also the end of a range whose dash the text lost ("samrådstiden 26 feb 22
// apr 2014": a day and a month before it), and a decision cited with its
// paragraph ("uppdrog den 24 februari 2009 KS 44", "beslutade den 3 mars
// 2015, § 27"): that decision's date, not this document's.
bool InProse(std::string_view text, std::size_t begin, std::size_t end, const Lexicon& lexicon) {
  const std::string_view before = WordBefore(text, begin);
  if (before == "\xE2\x80\x93" || before == "-" || before == "till" || before == "t.o.m.") return true;
  if (text.substr(end, 2) == "..") return true;
  {
    const std::size_t from = begin > 24 ? begin - 24 : 0;
    if (RE2::PartialMatch(re2::StringPiece(text.data() + from, begin - from), ValidFrom())) return true;
  }
  if (!before.empty() && lexicon.Contains("months", before)) {
    const std::string_view day = WordBefore(text, text.rfind(before, begin));
    if (!day.empty() && day.size() <= 2 &&
        day.find_first_not_of("0123456789") == std::string_view::npos) {
      return true;
    }
  }
  if (before != "den" && before != "Den") return false;
  const std::size_t den = text.rfind(before, begin);
  if (den != std::string_view::npos && IsWeekday(WordBefore(text, den))) return false;
  std::size_t i = end;
  while (i < text.size() && (text[i] == ' ' || text[i] == ',')) ++i;
  if (i >= text.size() || text[i] == '\n') return false;
  // ... unless the line states the document's own adoption ("Antagen av
  // regionfullmäktige den 22 november 2022, § 187").
  std::size_t line = text.rfind('\n', begin);
  line = line == std::string_view::npos ? 0 : line + 1;
  if (RE2::PartialMatch(re2::StringPiece(text.data() + i, std::min<std::size_t>(text.size() - i, 20)),
                        CitedParagraph()) &&
      !RE2::PartialMatch(re2::StringPiece(text.data() + line, begin - line), OwnAdoption())) {
    return true;
  }
  const std::string_view rest = text.substr(i, 8);
  if (rest.substr(0, 3) == "kl " || rest.substr(0, 3) == "kl." || rest.substr(0, 7) == "klockan") return false;
  if (den != std::string_view::npos && WordBefore(text, den) == "har" &&
      text.substr(i, 9) == "beslutat ") {
    return false;
  }
  const unsigned char c = static_cast<unsigned char>(text[i]);
  return (c >= 'a' && c <= 'z') || (c == 0xC3 && i + 1 < text.size() &&
                                    static_cast<unsigned char>(text[i + 1]) >= 0xA0);
}

}  // namespace

std::string DetectDocumentDate(std::string_view text, const Prefilter& prefilter,
                               const RuleSet& rules, const Lexicon& lexicon,
                               const Gazetteer& gazetteer, const std::string& metadata_date) {
  const std::string_view opening = text.substr(0, PrefixBytes(text, kOpeningCodePoints));
  std::string first;
  std::size_t first_begin = std::string_view::npos;
  std::string labelled;
  std::size_t labelled_begin = std::string_view::npos;
  const TagContext no_context;
  Prefilter::Hits hits;
  prefilter.Scan(opening, &hits);
  rules.Scan(opening, hits.rule_atoms, [&](const RuleMatch& match) {
    if (match.rule->type != "date") return match.end;
    FormedValue value;
    if (!FormValue(match, lexicon, gazetteer, no_context, &value)) return std::size_t{0};
    if (value.value.size() != 10 || value.inferred) return match.end;  // day precision only
    {
      std::size_t from = opening.rfind('\n', match.begin);
      from = from == std::string_view::npos ? 0 : from + 1;
      std::size_t to = opening.find('\n', match.end);
      if (to == std::string_view::npos) to = opening.size();
      if (RE2::PartialMatch(re2::StringPiece(opening.data() + from, to - from), ESignatureLine())) {
        return match.end;
      }
    }
    // Rules run one after another, so keep the earliest of each kind.
    if (Labelled(opening, match.begin, lexicon)) {
      if (match.begin < labelled_begin) {
        labelled = value.value;
        labelled_begin = match.begin;
      }
    } else if (match.begin < first_begin && !InProse(opening, match.begin, match.end, lexicon)) {
      first = value.value;
      first_begin = match.begin;
    }
    return match.end;
  });
  if (!labelled.empty()) return labelled;
  if (!first.empty()) return first;
  return metadata_date;
}

}  // namespace diar::tag_internal
