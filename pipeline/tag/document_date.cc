#include "pipeline/tag/document_date.h"

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
    // Rules run one after another, so keep the earliest of each kind.
    if (Labelled(opening, match.begin, lexicon)) {
      if (match.begin < labelled_begin) {
        labelled = value.value;
        labelled_begin = match.begin;
      }
    } else if (match.begin < first_begin) {
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
