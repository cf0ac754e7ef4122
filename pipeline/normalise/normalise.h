// normalise: raw extracted pages in, one clean Swedish text out, with a map
// from text offsets back to source pages.
//
//   diar::NormalisedText text = diar::Normalise(extracted, {});
//   int page = text.PageAt(mention.start);
//
// The text is UTF-8 in Unicode NFC. All offsets (page starts, mention spans
// downstream) count Unicode code points, not bytes, end exclusive.
// Pages follow each other in order; each page's text starts at
// page_starts[i] and pages are separated by a blank line.
//
// Never fails: input that is not valid UTF-8 has its bad bytes replaced by
// U+FFFD. Thread safety: a pure function.
#ifndef DIAR_PIPELINE_NORMALISE_NORMALISE_H_
#define DIAR_PIPELINE_NORMALISE_NORMALISE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "pipeline/extract/extract.h"

namespace diar {

struct NormaliseOptions {};

struct NormalisedText {
  std::string text;                      // UTF-8, NFC
  std::vector<std::size_t> page_starts;  // code-point offset of each page
  std::vector<bool> page_ocr;            // per page: text came from OCR

  // 1-based page holding code-point offset `offset` (1 when there are no pages).
  int PageAt(std::size_t offset) const;
};

NormalisedText Normalise(const ExtractedDocument& document,
                         const NormaliseOptions& options);

// Number of code points in the UTF-8 string `s`.
std::size_t CodePointCount(const std::string& s);

}  // namespace diar

#endif  // DIAR_PIPELINE_NORMALISE_NORMALISE_H_
