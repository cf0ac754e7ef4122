// libFuzzer harness: a text file's bytes decoded (BOM, UTF-8, UTF-16,
// Windows-1252) and normalised (NFC, ligatures, hyphenation, running
// lines, paragraphs), as `diar ingest` does for a .txt file. Checks the
// output contract: page starts ascending and within the text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "pipeline/extract/extract.h"
#include "pipeline/extract/text_file.h"
#include "pipeline/normalise/normalise.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (64 << 10)) return 0;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const std::string text = diar::extract_internal::DecodeText(bytes).utf8;
  diar::ExtractedDocument doc;
  doc.path = "fuzz.txt";
  doc.format = "text";
  std::size_t start = 0;
  do {
    const std::size_t end = std::min(text.find('\f', start), text.size());
    diar::ExtractedPage page;
    page.number = static_cast<int>(doc.pages.size()) + 1;
    page.text = text.substr(start, end - start);
    doc.pages.push_back(std::move(page));
    start = end + 1;
  } while (start <= text.size());
  diar::NormaliseOptions options;
  options.hyphen_keep_file = DIAR_SOURCE_DIR "/dictionaries/hyphen_keep.txt";
  const diar::NormalisedText out = diar::Normalise(doc, options);
  const std::size_t length = diar::CodePointCount(out.text);
  std::size_t previous = 0;
  for (std::size_t s : out.page_starts) {
    if (s < previous || s > length) __builtin_trap();
    previous = s;
  }
  return 0;
}
