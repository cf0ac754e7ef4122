// normalise: raw extracted pages in, one clean Swedish text out, with a map
// from text offsets back to source pages.
//
//   diar::NormalisedText text = diar::Normalise(extracted, {});
//   int page = text.PageAt(mention.start);
//
// The text is UTF-8 in Unicode NFC. All offsets (page starts, mention spans
// downstream) count Unicode code points, not bytes, end exclusive.
// Each paragraph, heading and bullet item is one line ('\n' between them);
// pages follow each other in order, each page's text starts at
// page_starts[i], and pages are separated by a blank line ("\n\n"). A page
// with no text left still has its entry (an empty stretch).
//
// What is done, in order (details in the private headers of this folder):
//   1. characters (chars.h): NFC; ligatures expanded; soft hyphens and
//      zero-width characters removed; dashes, quotes and bullets mapped to a
//      small set, the en dash kept; spaces folded;
//   2. running headers, footers and page numbers dropped (running_lines.h):
//      lines at the top or bottom of pages that recur across pages with only
//      their digits changing, and lone page numbers there; what was dropped
//      is kept in removed_lines;
//   3. paragraphs rebuilt from the layout (paragraphs.h): headings and
//      bullet items stay paragraphs of their own;
//   4. line-end hyphens repaired (dehyphenate.h): joined when the parts form
//      one word, kept when the hyphen is real ("hälso- och sjukvård",
//      "EU-medel", "2021-2023").
//
// Never fails: input that is not valid UTF-8 has its bad bytes replaced by
// U+FFFD; a missing hunspell dictionary or keep list only weakens step 4.
// Thread safety: may run concurrently (the shared lexicon takes a lock).
#ifndef DIAR_PIPELINE_NORMALISE_NORMALISE_H_
#define DIAR_PIPELINE_NORMALISE_NORMALISE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/extract/extract.h"

namespace diar {

struct NormaliseOptions {
  // Hunspell dictionary for dehyphenation: base path of the .aff/.dic pair
  // (hunspell-sv). Missing files: no lexicon, the other evidence still works.
  std::string hunspell_dictionary = "/usr/share/hunspell/sv_SE";
  // Words whose hyphen always stays ("kick-off"); empty means
  // dictionaries/hyphen_keep.txt of the source tree diar was built from.
  std::string hyphen_keep_file;
  // Drop running headers, footers and page numbers (step 2).
  bool remove_running_lines = true;
};

struct NormalisedText {
  std::string text;                      // UTF-8, NFC
  std::vector<std::size_t> page_starts;  // code-point offset of each page
  std::vector<bool> page_ocr;            // per page: text came from OCR
  // Per page: the running header, footer and page-number lines dropped from
  // it, top to bottom as found, cleaned as in step 1.
  std::vector<std::vector<std::string>> removed_lines;

  // 1-based page holding code-point offset `offset` (1 when there are no pages).
  int PageAt(std::size_t offset) const;
};

NormalisedText Normalise(const ExtractedDocument& document,
                         const NormaliseOptions& options);

// Loads now what Normalise would load at its first hyphen (the hunspell
// dictionary), so processes forked afterwards share it.
void PrepareNormalise(const NormaliseOptions& options);

// Number of code points in the UTF-8 string `s`.
std::size_t CodePointCount(std::string_view s);

// Every problem in the hyphen keep list at `path` (NormaliseOptions::
// hyphen_keep_file), as "path:line: what is wrong; what to do": a line that
// is not one lower-case word with a hyphen. Empty when the list is good.
// Normalise itself never fails, so callers check the list once at start-up.
std::vector<std::string> CheckHyphenKeepList(const std::string& path);

}  // namespace diar

#endif  // DIAR_PIPELINE_NORMALISE_NORMALISE_H_
