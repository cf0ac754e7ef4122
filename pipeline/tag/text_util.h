// Small UTF-8 and Swedish-text helpers shared by the tagger's parts.
//
// The tagger matches bytes (RE2 works on UTF-8) but reports code points and
// must decide word boundaries for Swedish letters, which RE2's \b and \w do
// not know (they are ASCII-only). These helpers do both with ICU's character
// properties, so "Västmanlands", "Örebro" and "Åre" are words like "Sala".
#ifndef DIAR_PIPELINE_TAG_TEXT_UTIL_H_
#define DIAR_PIPELINE_TAG_TEXT_UTIL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace diar::tag_internal {

// The code point starting at byte `i` of `s`; U+FFFD for a bad sequence.
// `*length` gets its byte length (at least 1).
char32_t DecodeAt(std::string_view s, std::size_t i, std::size_t* length);

// The code point ending just before byte `i`; 0 when i == 0.
char32_t DecodeBefore(std::string_view s, std::size_t i);

// Where the character before byte `i` begins (a boundary character may be
// several bytes: "–", a no-break space); not before `floor`. `i` > floor.
inline std::size_t CharBefore(std::string_view s, std::size_t i, std::size_t floor) {
  std::size_t at = i - 1;
  while (at > floor && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  return at;
}

// Letters and digits of any script: the characters a word is made of.
bool IsWordChar(char32_t c);
// The letters and digits of the rules' word boundaries (WithWordBoundaries
// in rule_set.h): ASCII, Latin-1 and Latin Extended-A/B. Narrower than
// IsWordChar, so that the patterns stay small.
bool IsBoundaryWordChar(char32_t c);
bool IsUpper(char32_t c);
bool IsLower(char32_t c);

// Appends the UTF-8 encoding of `c` to `out`.
void AppendUtf8(char32_t c, std::string* out);

// Case mapping, code point by code point (ICU's simple mapping; Swedish has
// no locale-specific rules).
std::string Lower(std::string_view s);
// Lower(s) appended to `out`, without a new string.
void AppendLower(std::string_view s, std::string* out);
std::string Upper(std::string_view s);
// First code point upper-cased, the rest unchanged.
std::string CapitaliseFirst(std::string_view s);
// First code point lower-cased, the rest unchanged.
std::string LowerFirst(std::string_view s);

// Runs of white space (space, tab, newline) folded to one space, trimmed.
std::string FoldSpace(std::string_view s);

bool EndsWith(std::string_view s, std::string_view suffix);

// The first byte of `s` at or after `from` that is one of `set`, or npos.
// For the small sets of the tagger's hot paths, where
// std::string_view::find_first_of calls memchr once per byte; 16 bytes at
// a time where the machine has SSE2.
std::size_t FindAnyOf(std::string_view s, std::string_view set, std::size_t from = 0);

// The number of code points in `s` (UTF-8).
std::size_t CodePoints(std::string_view s);

// The byte ranges [begin, end) of e-mail and web addresses in `text`
// ("registrator@trafikverket.se", "www.lansstyrelsen.se/jonkoping",
// "https://..."), in order: names inside them are not mentions.
std::vector<std::pair<std::size_t, std::size_t>> AddressRanges(std::string_view text);

// The space-separated words of `s` (empty words dropped).
std::vector<std::string> Words(std::string_view s);

// True when `s` has a lower-case letter (used to tell acronyms from words).
bool HasLower(std::string_view s);

// Converts byte offsets into code-point offsets in one walk over `text`.
// `byte_offsets` need not be sorted; the result is parallel to it.
std::vector<std::size_t> ByteToCodePoint(std::string_view text,
                                         const std::vector<std::size_t>& byte_offsets);

// Escapes `literal` for use inside an RE2 pattern.
std::string QuoteRegex(std::string_view literal);

}  // namespace diar::tag_internal

#endif  // DIAR_PIPELINE_TAG_TEXT_UTIL_H_
