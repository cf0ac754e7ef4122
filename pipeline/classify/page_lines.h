// Which lines of a document are not its own words about itself: site chrome
// around a crawled text and attachment lines; and which are fields of its
// letterhead or form rather than its title (dictionaries/page_lines.tsv).
// Private to pipeline/classify.
//
// A crawl of a document-sharing site or an authority's web page keeps the
// site's lines ("Storlek: px", "Gå direkt till huvudinnehållet", "Din
// position: Hem > ..."); a föredragningslista lists attachments by file name
// ("Månadsrapport mars.pdf"). Neither is the document's title, and neither
// says what kind of document it is.
#ifndef DIAR_PIPELINE_CLASSIFY_PAGE_LINES_H_
#define DIAR_PIPELINE_CLASSIFY_PAGE_LINES_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/classify/pattern_set.h"

namespace diar::classify_internal {

class PageLines {
 public:
  PageLines();
  ~PageLines();
  PageLines(PageLines&&) noexcept;
  PageLines& operator=(PageLines&&) noexcept;

  // Reads page_lines.tsv from `dir`; bad lines go to `errors` as file:line.
  void Load(const std::string& dir, std::vector<std::string>* errors);

  bool IsChrome(std::string_view line) const;
  bool IsAttachment(std::string_view line) const;
  bool IsField(std::string_view line) const;
  // A PDF's metadata Title that is a file name or what a program writes
  // when nobody gave one ("Microsoft Word - Dokument1", "kallelse.docx").
  bool IsUntitled(std::string_view title) const;
  // A site's heading over a list of other documents ("Relevanta dokument"
  // on a document-sharing site): that line and every line after it are the
  // site's, not the document's.
  bool StartsRelatedList(std::string_view line) const;

 private:
  PatternSet chrome_{Options()};
  PatternSet attachment_{Options()};
  PatternSet field_{Options()};
  PatternSet related_{Options()};
  PatternSet untitled_{Options()};

  static RE2::Options Options();
};

}  // namespace diar::classify_internal

#endif  // DIAR_PIPELINE_CLASSIFY_PAGE_LINES_H_
