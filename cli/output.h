// output: how library structs are written for people (text) and programs
// (JSON) — shared by the commands so every command prints a mention the
// same way.
#ifndef DIAR_CLI_OUTPUT_H_
#define DIAR_CLI_OUTPUT_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "index/searcher.h"
#include "pipeline/tag/tag.h"

namespace diar::cli {

// type, text, value, start, end, page, rule, and inferred/owner when set.
nlohmann::ordered_json MentionJson(const Mention& m);

// Tab-separated mention row; tabs and newlines inside fields become spaces.
std::string MentionTsv(const Mention& m);
inline constexpr const char* kMentionTsvHeader =
    "type\ttext\tvalue\tstart\tend\tpage\trule\tinferred\towner";

// `text` with each mention wrapped as ⟦type:…⟧ (nesting kept), for reading a
// document with its mentions marked. Offsets are code points.
std::string MarkMentions(const std::string& text, const std::vector<Mention>& mentions);

// The slice [start, end) of `text`, in code points.
std::string CodePointSlice(const std::string& text, std::size_t start, std::size_t end);

}  // namespace diar::cli

#endif  // DIAR_CLI_OUTPUT_H_
