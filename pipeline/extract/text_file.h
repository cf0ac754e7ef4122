// text_file: the bytes of a plain-text file to UTF-8. Private to extract.
//
// Order of evidence, most certain first: a byte-order mark (UTF-8, UTF-16LE,
// UTF-16BE); valid UTF-8 (legacy 8-bit Swedish text with å/ä/ö is almost
// never valid UTF-8 by accident); then ICU's charset detector. The detector
// is only trusted for the encodings Swedish text files actually come in;
// anything else it guesses is read as Windows-1252, which also covers
// ISO-8859-1 (it only adds printable characters in 0x80-0x9F, where
// ISO-8859-1 has unused control codes).
#ifndef DIAR_PIPELINE_EXTRACT_TEXT_FILE_H_
#define DIAR_PIPELINE_EXTRACT_TEXT_FILE_H_

#include <string>

namespace diar::extract_internal {

struct DecodedText {
  std::string utf8;      // the text, CR LF and CR turned into LF, no BOM
  std::string encoding;  // what it was read as: "UTF-8", "UTF-16LE", ...
};

DecodedText DecodeText(const std::string& bytes);

}  // namespace diar::extract_internal

#endif  // DIAR_PIPELINE_EXTRACT_TEXT_FILE_H_
