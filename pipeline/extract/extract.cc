#include "pipeline/extract/extract.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <memory>

#include "pipeline/extract/ocr.h"
#include "pipeline/extract/pdf.h"
#include "pipeline/extract/text_file.h"

namespace diar {
namespace {

namespace fs = std::filesystem;

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return s;
}

}  // namespace

Result<bool> PrepareOcr(const ExtractOptions& options) {
  if (options.ocr == OcrMode::kNever) return true;
  return extract_internal::WarmOcrEngine(options);
}

bool IsSupportedFile(const std::string& path) {
  const std::string ext = Lower(fs::path(path).extension().string());
  return ext == ".pdf" || ext == ".txt";
}

Result<ExtractedDocument> ExtractFile(const std::string& path,
                                      const ExtractOptions& options) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    return InputError(path + ": no such file; check the path");
  }
  if (fs::is_directory(path, ec)) {
    return InputError(path + ": is a directory, not a file");
  }
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) {
    return InputError(path + ": cannot be read; check its permissions");
  }
  // One sized read: PDFs run to megabytes and are read once per ingest.
  std::string bytes(static_cast<std::size_t>(std::max<std::streamoff>(0, in.tellg())), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
    return InputError(path + ": read error; check the disk and try again");
  }
  if (bytes.empty()) {
    return InputError(path + ": empty file (0 bytes); nothing to index");
  }

  ExtractedDocument doc;
  doc.path = path;
  doc.bytes = bytes.size();
  doc.sha256 = Sha256Hex(bytes);
  const std::string ext = Lower(fs::path(path).extension().string());
  if (ext == ".pdf") {
    doc.format = "pdf";
    return extract_internal::ExtractPdf(std::move(doc), bytes, options);
  }
  if (ext == ".txt") {
    doc.format = "text";
    // A form feed separates pages, as in pdftotext's output; a file without
    // one is a single page.
    const std::string text = extract_internal::DecodeText(bytes).utf8;
    std::size_t start = 0;
    do {
      const std::size_t end = std::min(text.find('\f', start), text.size());
      ExtractedPage page;
      page.number = static_cast<int>(doc.pages.size()) + 1;
      page.text = text.substr(start, end - start);
      doc.pages.push_back(std::move(page));
      start = end + 1;
    } while (start <= text.size());
    return doc;
  }
  return InputError(path + ": unsupported file type '" + ext +
                    "'; diar reads .pdf and .txt");
}

}  // namespace diar
