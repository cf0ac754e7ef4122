// raw_pdf: a PDF file written byte by byte, for tests that need exact
// control of what poppler reads (Info strings, page sizes, content streams).
#ifndef DIAR_TESTS_FOUNDATION_RAW_PDF_H_
#define DIAR_TESTS_FOUNDATION_RAW_PDF_H_

#include <cstdio>
#include <string>
#include <vector>

namespace diar::testing {

// PDF 1.4 holding `objects` as objects 1, 2, ... (object 1 the catalogue)
// with a correct cross-reference table, so what breaks is only what a test
// breaks on purpose. `trailer_extra` goes into the trailer ("/Info 4 0 R").
inline std::string AssemblePdf(const std::vector<std::string>& objects,
                               const std::string& trailer_extra = "") {
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R" +
         (trailer_extra.empty() ? "" : " " + trailer_extra) + " >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// A PDF with one page per entry of `contents` (content streams using font
// /F1, Helvetica in WinAnsiEncoding), each page `width` x `height` points.
inline std::string MinimalPdf(const std::vector<std::string>& contents, int width = 595,
                              int height = 842) {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"};
  std::string kids;
  for (std::size_t i = 0; i < contents.size(); ++i) {
    const std::size_t page = 4 + 2 * i;
    kids += std::to_string(page) + " 0 R ";
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + std::to_string(width) + " " +
                      std::to_string(height) + "] /Resources << /Font << /F1 3 0 R >> >> /Contents " +
                      std::to_string(page + 1) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(contents[i].size()) + " >>\nstream\n" +
                      contents[i] + "\nendstream");
  }
  objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(contents.size()) + " >>";
  return AssemblePdf(objects);
}

}  // namespace diar::testing

#endif  // DIAR_TESTS_FOUNDATION_RAW_PDF_H_
