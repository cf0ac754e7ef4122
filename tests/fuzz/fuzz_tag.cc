// libFuzzer harness: tagging (RE2 rules, gazetteers, dates, periods, dnr)
// of any UTF-8 text, with the project's dictionaries loaded once. Checks
// the output contract: mentions inside the text, ordered by start.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "index/byte_string.h"
#include "pipeline/normalise/normalise.h"
#include "pipeline/tag/tag.h"

namespace {

const diar::Tagger& ProjectTagger() {
  static const diar::Tagger* tagger = [] {
    diar::Result<diar::Tagger> loaded = diar::Tagger::Load(DIAR_SOURCE_DIR "/dictionaries", {});
    if (!loaded) std::abort();
    return new diar::Tagger(std::move(loaded).value());
  }();
  return *tagger;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (16 << 10)) return 0;
  std::string text(reinterpret_cast<const char*>(data), size);
  // Normalise hands the tagger valid UTF-8 only.
  if (!diar::IsUtf8(text)) return 0;
  diar::NormalisedText normalised;
  normalised.text = text;
  normalised.page_starts = {0};
  normalised.page_ocr = {false};
  const std::vector<diar::Mention> mentions = ProjectTagger().Tag(normalised, {.document_date = "2022-03-29"});
  const std::size_t length = diar::CodePointCount(text);
  std::size_t previous = 0;
  for (const diar::Mention& m : mentions) {
    if (m.start > m.end || m.end > length || m.start < previous) __builtin_trap();
    previous = m.start;
  }
  ProjectTagger().DetectDocumentDate(normalised, "");
  return 0;
}
