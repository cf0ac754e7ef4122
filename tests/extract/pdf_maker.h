// pdf_maker: small PDFs typeset on the fly with cairo + pango, for tests
// that need layouts the corpus does not have. Each call returns the truth
// text in the corpus's .truth format (one line per block, "\f" lines
// between pages).
//
// Soft hyphens (U+00AD) in a block's text let pango break the word there
// and draw a hyphen; the truth has the word whole, as a reader would.
#ifndef DIAR_TESTS_EXTRACT_PDF_MAKER_H_
#define DIAR_TESTS_EXTRACT_PDF_MAKER_H_

#include <string>
#include <vector>

namespace diar::testing {

struct Block {
  std::string text;
  double size = 10.5;  // points
  bool bold = false;
  bool bullet = false;  // drawn with a hanging "•"; truth "• text"
};

struct PageSpec {
  std::vector<Block> blocks;
  // Two columns: the first half of the blocks (rounded up) in the left
  // column, the rest in the right; a block with size > 12 before them all
  // spans both columns.
  bool two_columns = false;
  // Rendered to a 300 dpi grey image and placed as the page: no text layer.
  bool image_only = false;
};

struct Style {
  std::string font = "DejaVu Serif";
  bool justify = false;
  // Running lines; "{page}" and "{pages}" are replaced. Empty: none.
  std::string header_left, header_right, footer_center, footer_outer;
  bool header_on_first_page = true;
  // On image-only pages, draw the running lines as text over the image (as
  // an archive system stamps scans) instead of into it.
  bool stamp_running_lines = false;
};

// Writes the PDF to `path` and returns its truth. Throws std::runtime_error
// when cairo cannot write the file.
std::string MakePdf(const std::string& path, const std::vector<PageSpec>& pages,
                    const Style& style);

}  // namespace diar::testing

#endif  // DIAR_TESTS_EXTRACT_PDF_MAKER_H_
