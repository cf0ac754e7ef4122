// page_text: one page of a normalised text, for the extraction tests.
#ifndef DIAR_TESTS_EXTRACT_PAGE_TEXT_H_
#define DIAR_TESTS_EXTRACT_PAGE_TEXT_H_

#include <cstddef>
#include <string>

#include "pipeline/normalise/normalise.h"

namespace diar::testing {

// Page `page` (0-based) of `text`, from its start to the next page's (so
// with the blank line that parts them). page_starts are code points; this
// walks the UTF-8 to byte offsets.
inline std::string PageText(const NormalisedText& text, std::size_t page) {
  auto byte_at = [&](std::size_t cp) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.text.size(); ++i) {
      if ((text.text[i] & 0xC0) != 0x80) {
        if (count == cp) return i;
        ++count;
      }
    }
    return text.text.size();
  };
  const std::size_t begin = byte_at(text.page_starts[page]);
  const std::size_t end = page + 1 < text.page_starts.size() ? byte_at(text.page_starts[page + 1])
                                                             : text.text.size();
  return text.text.substr(begin, end - begin);
}

}  // namespace diar::testing

#endif  // DIAR_TESTS_EXTRACT_PAGE_TEXT_H_
