#include "pipeline/classify/page_lines.h"

#include "pipeline/data_file/data_file.h"

namespace diar::classify_internal {

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
    PatternSet& into = kind == "chrome"     ? chrome_
                       : kind == "field"    ? field_
                       : kind == "related"  ? related_
                       : kind == "untitled" ? untitled_
                                            : attachment_;
    std::string error;
    if (into.Add(row.fields[1], &error) < 0) {
      errors->push_back(Where(path, row.number, "pattern does not compile: " + error));
    }
  }
}

RE2::Options PageLines::Options() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(false);
  return options;
}

bool PageLines::IsChrome(std::string_view line) const { return chrome_.Any(line); }

bool PageLines::IsAttachment(std::string_view line) const {
  return attachment_.Any(line);
}

bool PageLines::IsField(std::string_view line) const { return field_.Any(line); }

bool PageLines::IsUntitled(std::string_view title) const { return untitled_.Any(title); }

bool PageLines::StartsRelatedList(std::string_view line) const {
  return related_.Any(line);
}

}  // namespace diar::classify_internal
