// chromium_printer: PDFs printed by Chromium (Debian's `chromium`, headless),
// for tests of what a real producer writes: soft hyphens kept as U+00AD
// glyphs, its own line breaking, tables and columns laid out by a browser.
#ifndef DIAR_TESTS_EXTRACT_CHROMIUM_PRINTER_H_
#define DIAR_TESTS_EXTRACT_CHROMIUM_PRINTER_H_

#include <string>

#include "pipeline/extract/extract.h"
#include "pipeline/result.h"

namespace diar::testing {

// Writes `html` (a whole UTF-8 document) to a temporary file and prints it
// to `pdf_path` on A4 with Chromium's own header and footer off. Returns an
// empty string on success, else what went wrong (Chromium missing: install
// it with scripts/deps).
std::string PrintWithChromium(const std::string& html, const std::string& pdf_path);

// A whole HTML document in Swedish: `style` after the base rule (Liberation
// Serif 12 pt, no body margin), then `body`.
std::string Html(const std::string& style, const std::string& body);

// Prints `html` to a temporary PDF named after `name` and extracts it with
// OCR allowed but no OCR model to be had: a page sent to OCR makes the
// extraction fail (kConfig), so success means no page was. The PDF is
// removed unless DIAR_KEEP_TEST_PDFS is set (for a look with pdftotext).
Result<ExtractedDocument> PrintAndExtract(const std::string& name, const std::string& html);

}  // namespace diar::testing

#endif  // DIAR_TESTS_EXTRACT_CHROMIUM_PRINTER_H_
