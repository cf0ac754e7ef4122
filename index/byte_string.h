// byte_string: strings from the file system (paths, reasons that quote
// them) are bytes, not necessarily UTF-8, while JSON, terminals and people
// want UTF-8. These helpers tell the two apart, show the bytes that are not
// UTF-8 escaped, and carry them through JSON exactly.
//
//   "/in/\xff.txt" -> IsUtf8: false; Escaped: "/in/\\xFF.txt" (the four
//   characters \ x F F); HexBytes / FromHexBytes: exact round trip.
//
// A file name is never dropped or changed because of its bytes: the record
// stores the escaped form for display and the hex form for the exact bytes
// (index/record.h).
#ifndef DIAR_INDEX_BYTE_STRING_H_
#define DIAR_INDEX_BYTE_STRING_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace diar {

// True when `s` is well-formed UTF-8 (no overlong forms, no surrogates,
// nothing above U+10FFFF). `bad_at`, when given, gets the byte offset of
// the first ill-formed byte (s.size() when there is none).
bool IsUtf8(std::string_view s, std::size_t* bad_at = nullptr);

// `s` with each byte that is not part of well-formed UTF-8 written as \xHH
// (upper-case hex); well-formed text is returned unchanged. For display
// only: a name that already contains the characters "\xFF" reads the same.
std::string Escaped(std::string_view s);

// Escaped, and also control characters (C0, DEL) written as \xHH: for one
// line of a log, where a file name with a newline or an escape sequence
// must neither split the line nor drive the terminal. Tab is kept.
std::string EscapedLine(std::string_view s);

// Lower-case hex of every byte, and back (nullopt when `hex` is not hex).
std::string HexBytes(std::string_view s);
std::optional<std::string> FromHexBytes(std::string_view hex);

// Paths as JSON and other UTF-8 formats carry them: `shown` each path
// Escaped, and `bytes` — only when some path is not UTF-8, else empty —
// each path's exact bytes in hex ("" for one that is UTF-8).
struct ShownPaths {
  std::vector<std::string> shown;
  std::vector<std::string> bytes;
};
ShownPaths ShowPaths(const std::vector<std::string>& paths);

}  // namespace diar

#endif  // DIAR_INDEX_BYTE_STRING_H_
