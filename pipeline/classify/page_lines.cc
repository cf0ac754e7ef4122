#include "pipeline/classify/page_lines.h"

#include <re2/re2.h>

#include "pipeline/data_file/data_file.h"

namespace diar::classify_internal {
namespace {

bool AnyMatches(const std::vector<std::unique_ptr<re2::RE2>>& patterns, std::string_view line) {
  for (const auto& pattern : patterns) {
    if (RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), *pattern)) return true;
  }
  return false;
}

}  // namespace

PageLines::PageLines() = default;
PageLines::~PageLines() = default;
PageLines::PageLines(PageLines&&) noexcept = default;
PageLines& PageLines::operator=(PageLines&&) noexcept = default;

void PageLines::Load(const std::string& dir, std::vector<std::string>* errors) {
  const std::string path = dir + "/page_lines.tsv";
  for (const DataLine& row : ReadTable(path, {"kind", "pattern"}, errors)) {
    const std::string& kind = row.fields[0];
    if (kind != "chrome" && kind != "attachment" && kind != "field" && kind != "related" &&
        kind != "untitled") {
      errors->push_back(Where(path, row.number,
                              "kind must be \"chrome\", \"attachment\", \"field\", "
                              "\"related\" or \"untitled\", not \"" + kind + "\""));
      continue;
    }
    RE2::Options options;
    options.set_log_errors(false);
    options.set_case_sensitive(false);
    auto pattern = std::make_unique<RE2>(row.fields[1], options);
    if (!pattern->ok()) {
      errors->push_back(Where(path, row.number, "pattern does not compile: " + pattern->error()));
      continue;
    }
    (kind == "chrome"     ? chrome_
     : kind == "field"    ? field_
     : kind == "related"  ? related_
     : kind == "untitled" ? untitled_
                          : attachment_)
        .push_back(std::move(pattern));
  }
}

bool PageLines::IsChrome(std::string_view line) const { return AnyMatches(chrome_, line); }

bool PageLines::IsAttachment(std::string_view line) const {
  return AnyMatches(attachment_, line);
}

bool PageLines::IsField(std::string_view line) const { return AnyMatches(field_, line); }

bool PageLines::IsUntitled(std::string_view title) const { return AnyMatches(untitled_, title); }

bool PageLines::StartsRelatedList(std::string_view line) const {
  return AnyMatches(related_, line);
}

}  // namespace diar::classify_internal
