// libFuzzer harness: PDF extraction from bytes (poppler text layer, layout,
// reading order). OCR is off: a page takes seconds, and the fuzzer must
// find crashes, not timeouts. Inputs are bounded to 256 kB for the same
// reason (scripts/fuzz passes -max_len too).
#include <cstddef>
#include <cstdint>
#include <string>

#include "pipeline/extract/extract.h"
#include "pipeline/extract/pdf.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (256 << 10)) return 0;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  diar::ExtractOptions options;
  options.ocr = diar::OcrMode::kNever;
  diar::ExtractedDocument doc;
  doc.path = "fuzz.pdf";
  doc.format = "pdf";
  doc.bytes = size;
  diar::Result<diar::ExtractedDocument> result =
      diar::extract_internal::ExtractPdf(std::move(doc), bytes, options);
  if (result) {
    for (const diar::ExtractedPage& page : result->pages) {
      // The contract of ExtractedPage: text is its lines joined by '\n'.
      std::string joined;
      for (const diar::TextLine& line : page.lines) joined += (joined.empty() ? "" : "\n") + line.text;
      if (joined != page.text) __builtin_trap();
    }
  }
  return 0;
}
