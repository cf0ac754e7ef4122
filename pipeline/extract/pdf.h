// pdf: the pages of a PDF held in memory, from its text layer or by OCR.
// Private to extract.
#ifndef DIAR_PIPELINE_EXTRACT_PDF_H_
#define DIAR_PIPELINE_EXTRACT_PDF_H_

#include <string>

#include "pipeline/extract/extract.h"
#include "pipeline/result.h"

namespace diar::extract_internal {

// Fills doc.title, author, created and pages from `bytes`. Errors name
// doc.path: not a PDF, damaged, encrypted, no pages (kInput); OCR model
// missing when a page needs OCR (kConfig).
Result<ExtractedDocument> ExtractPdf(ExtractedDocument doc, const std::string& bytes,
                                     const ExtractOptions& options);

// True when `text` (a page's text layer) is worth keeping: enough letters and
// digits, and few characters that only come from broken font encodings
// (U+FFFD and control codes; private-use code points only when they are
// most of it). Format characters such as soft hyphens do not count.
bool IsUsableTextLayer(const std::string& text);

}  // namespace diar::extract_internal

#endif  // DIAR_PIPELINE_EXTRACT_PDF_H_
