// output: how library structs are written for people (text) and programs
// (JSON) — shared by the commands so every command prints a mention the
// same way.
#ifndef DIAR_CLI_OUTPUT_H_
#define DIAR_CLI_OUTPUT_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "index/output_json.h"  // MentionJson, HitJson
#include "index/searcher.h"
#include "pipeline/tag/tag.h"

namespace diar::cli {

// A search hit for programs: HitJson's fields (index/output_json.h), then
// snippet (matches marked «…») and snippet_page (1-based; 0 unknown).
nlohmann::ordered_json TerminalHitJson(const Hit& hit);

// Tab-separated mention row; tabs and newlines inside fields become spaces.
std::string MentionTsv(const Mention& m);
inline constexpr const char* kMentionTsvHeader =
    "type\ttext\tvalue\tstart\tend\tpage\trule\tinferred\towner";

// `text` with each mention wrapped as ⟦type:…⟧ (nesting kept), for reading a
// document with its mentions marked. Offsets are code points.
std::string MarkMentions(const std::string& text, const std::vector<Mention>& mentions);

// Slices of one UTF-8 text by code-point offsets; the byte offset of every
// code point is found once, so slicing a document page by page stays linear.
class CodePointIndex {
 public:
  explicit CodePointIndex(const std::string& text);
  // The slice [start, end) in code points, clamped to the text.
  std::string Slice(std::size_t start, std::size_t end) const;

 private:
  const std::string& text_;
  std::vector<std::size_t> byte_at_;  // size = code points + 1
};

}  // namespace diar::cli

#endif  // DIAR_CLI_OUTPUT_H_
