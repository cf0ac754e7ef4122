// title: which of the lines that may be a document's title is it. Private to
// pipeline/classify.
//
// The classifier hands over the PDF's metadata title (may be empty) and the
// opening lines that are not chrome, letterhead fields, type labels or only
// a body's name, in order. ChooseTitle takes the first that names the
// document and passes over what only stands where a title would:
//   - a metadata title that is a file name or a program's default
//     ("Microsoft Word - Dokument1", "kallelse_2022.docx", "Untitled":
//     the `untitled` patterns of dictionaries/page_lines.tsv);
//   - a line that is only a dnr, a date and their labels (Tagger::IsNumberLabel) ("Diarienr:
//     8799-17-4.3 / Beslutsdatum: 7 nov 2018", "JK 6111-08-28"), or has no
//     word of three letters ("2023KS133", "UBK1005, v2.0");
//   - a lead-in ending in a colon;
// and it takes a line only when no other is left that
//   - begins with a section number ("4 Ekonomi", "1.2 Länsstyrelsen
//     bedömer", "29. Protokollsutdrag"): a heading inside the document, or
//     a page number a crawl joined to the line;
//   - is a person's name (two or three capitalised words: the handläggare
//     in the letterhead) or a postal address.
// A label "Titel" (a författningssamling's form) gives the text after it.
// The chosen line loses a leading date, section number or file name.
#ifndef DIAR_PIPELINE_CLASSIFY_TITLE_H_
#define DIAR_PIPELINE_CLASSIFY_TITLE_H_

#include <string>
#include <vector>

#include "pipeline/classify/page_lines.h"
#include "pipeline/classify/text_scan.h"
#include "pipeline/tag/tag.h"

namespace diar::classify_internal {

struct TitleChoice {
  std::string title;  // empty: none of the lines names the document
  std::string cue;
  bool last_resort = false;  // a section heading or a name: no other line was left
};

// `page_lines` tells a metadata title that is a file or program name
// (PageLines::IsUntitled); `tagger` the labels of numbers and dates
// (Tagger::IsNumberLabel).
TitleChoice ChooseTitle(const std::string& metadata_title, const std::vector<Line>& lines,
                        const std::vector<Mention>& mentions, const PageLines& page_lines,
                        const Tagger& tagger);

}  // namespace diar::classify_internal

#endif  // DIAR_PIPELINE_CLASSIFY_TITLE_H_
