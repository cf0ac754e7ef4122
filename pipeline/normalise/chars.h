// chars: one line of raw text to clean characters. Private to normalise.
//
// NFC first, then a fixed mapping, chosen so that search, the tagger and
// users see one form of each thing:
//   ligatures U+FB00-U+FB06 -> their letters (NFKC for that block only;
//                              NFKC on everything would also fold ² to 2,
//                              ½ to 1⁄2 and fullwidth forms)
//   soft hyphen, zero-width space/joiners, word joiner, BOM, bidi marks,
//   other control characters                       -> removed
//   no-break and other fixed-width spaces, tab     -> space
//   hyphen U+2010, non-breaking hyphen U+2011, minus U+2212 -> "-"
//   figure dash, en dash, em dash, horizontal bar  -> en dash "–", the
//                              Swedish dash (tankstreck) and the range dash
//                              ("2021–2023" keeps its en dash)
//   quotes: ASCII " and ', Swedish ” ’ and English “ ‘ stay (they carry
//   meaning: opening or closing); „ « » ″ -> ”, ‟ -> “, ‚ ‹ › ′ -> ’, ‛ -> ‘
//   bullets • ‣ ⁃ ▪ ■ ● ◦ ∙ and Word's Symbol/Wingdings private-use bullets
//   at the start of a line, and "-" / "*" followed by a space and words
//                           -> "• " (one bullet, one space)
//   runs of spaces -> one space; the line is trimmed.
// (A page with two or more lines opening with "– " has those dashes made
// bullets too, in normalise.cc: that needs the page, not the line.)
#ifndef DIAR_PIPELINE_NORMALISE_CHARS_H_
#define DIAR_PIPELINE_NORMALISE_CHARS_H_

#include <string>

namespace diar::normalise_internal {

struct CleanedLine {
  std::string text;
  // The line ends in a hyphenation break its producer marked: a soft hyphen
  // U+00AD, alone or followed by the hyphen drawn for it (Chromium writes
  // U+00AD U+2010). The break's hyphen is not in `text`.
  bool soft_hyphen_end = false;
  // The line ends in a hyphen-minus U+002D as typed, not one a typesetter
  // drew for a break (`text` keeps it).
  bool typed_hyphen_end = false;
};

CleanedLine CleanLine(const std::string& raw);

// NFC of `text` (invalid UTF-8 becomes U+FFFD).
std::string Nfc(const std::string& text);

}  // namespace diar::normalise_internal

#endif  // DIAR_PIPELINE_NORMALISE_CHARS_H_
