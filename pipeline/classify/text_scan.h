// Text helpers for the classifier: lines with their offsets, a lower-case
// copy that keeps byte offsets, word boundaries. Private to pipeline/classify.
#ifndef DIAR_PIPELINE_CLASSIFY_TEXT_SCAN_H_
#define DIAR_PIPELINE_CLASSIFY_TEXT_SCAN_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace diar::classify_internal {

// The first kOpeningCodePoints of a document hold its letterhead, label,
// date, dnr and title block: about the upper half of a first page. Cues that
// only count there ("opening") are looked for in this stretch; the tagger's
// document date uses the same reach.
inline constexpr std::size_t kOpeningCodePoints = 1500;

struct Line {
  std::string_view text;  // without the '\n', trimmed of spaces
  std::size_t byte_begin = 0;
  std::size_t cp_begin = 0;  // code-point offset of text's first character
  std::size_t cp_end = 0;    // code-point offset one past its last
};

// The non-empty lines of `text` (at most `max_lines`; 0: all).
std::vector<Line> SplitLines(std::string_view text, std::size_t max_lines = 0);

// `text` in lower case, code point by code point; a code point whose lower
// case has another UTF-8 length is kept as it is, so byte offsets into the
// copy are byte offsets into `text` (true for all Swedish letters).
std::string LowerKeepOffsets(std::string_view text);

// True when a letter or digit ends just before byte `pos` / starts at `pos`.
bool WordCharBefore(std::string_view text, std::size_t pos);
bool WordCharAt(std::string_view text, std::size_t pos);

// Byte offset one past the run of letters and digits starting at `pos`.
std::size_t SkipWord(std::string_view text, std::size_t pos);

// Number of words (runs of letters and digits) in `text`.
std::size_t CountWords(std::string_view text);

// Byte length of the first `code_points` code points of `text`.
std::size_t BytesOfCodePoints(std::string_view text, std::size_t code_points);

// Byte offsets of code-point offsets in one text, for many lookups: a
// checkpoint every kStride code points, so each lookup reads at most that
// many (BytesOfCodePoints from the start, per mention of a long plan, was
// a few percent of its ingest).
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text);
  // BytesOfCodePoints(text, code_points).
  std::size_t Byte(std::size_t code_points) const;

 private:
  static constexpr std::size_t kStride = 64;
  std::string_view text_;
  std::vector<std::size_t> checkpoints_;  // byte offset of code point k * kStride
};

// `s` without leading and trailing white space and the punctuation in
// `punct`.
std::string_view TrimPunct(std::string_view s, std::string_view punct = " \t:.,;");

}  // namespace diar::classify_internal

#endif  // DIAR_PIPELINE_CLASSIFY_TEXT_SCAN_H_
