// chromium_printer: PDFs printed by Chromium (Debian's `chromium`, headless),
// for tests of what a real producer writes: soft hyphens kept as U+00AD
// glyphs, its own line breaking, tables and columns laid out by a browser.
#ifndef DIAR_TESTS_EXTRACT_CHROMIUM_PRINTER_H_
#define DIAR_TESTS_EXTRACT_CHROMIUM_PRINTER_H_

#include <string>

namespace diar::testing {

// Writes `html` (a whole UTF-8 document) to a temporary file and prints it
// to `pdf_path` on A4 with Chromium's own header and footer off. Returns an
// empty string on success, else what went wrong (Chromium missing: install
// it with scripts/deps).
std::string PrintWithChromium(const std::string& html, const std::string& pdf_path);

}  // namespace diar::testing

#endif  // DIAR_TESTS_EXTRACT_CHROMIUM_PRINTER_H_
