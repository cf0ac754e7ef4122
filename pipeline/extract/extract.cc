#include "pipeline/extract/extract.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <cstdio>
#include <memory>

#include "pipeline/extract/ocr.h"
#include "pipeline/extract/open_file.h"
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
  if (options.ocr == OcrMode::kNever || extract_internal::OcrModelFilesPresent(options)) return true;
  return extract_internal::WarmOcrEngine(options);
}

bool IsSupportedFile(const std::string& path) {
  const std::string ext = Lower(fs::path(path).extension().string());
  return ext == ".pdf" || ext == ".txt";
}

namespace {

// "213.4 MB": sizes in messages, in the units file managers show.
std::string Megabytes(std::uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return buf;
}

Result<ExtractedDocument> TooLarge(const std::string& path, const std::string& what,
                                   std::uint64_t bytes, const ExtractOptions& options) {
  return InputError(path + ": " + what + " of " + Megabytes(bytes) +
                    " is more than one document can hold (" + Megabytes(options.max_text_bytes) +
                    "); split it into smaller files and ingest those");
}

}  // namespace

Result<ExtractedDocument> ExtractFile(const std::string& path,
                                      const ExtractOptions& options) {
  const std::string ext = Lower(fs::path(path).extension().string());
  Result<extract_internal::RegularFile> file = extract_internal::RegularFile::Open(path);
  if (!file) return file.error();
  // A text file's UTF-8 is at least as long as its bytes (ASCII) less a
  // byte-order mark: refused before reading a byte of it.
  if (ext == ".txt" && file->size() > options.max_text_bytes + 4) {
    return TooLarge(path, "text file", file->size(), options);
  }
  // One sized read: PDFs run to megabytes and are read once per ingest.
  Result<std::string> read = file->ReadAll();
  if (!read) return read.error();
  const std::string& bytes = *read;
  if (bytes.empty()) {
    return InputError(path + ": empty file (0 bytes); nothing to index");
  }

  ExtractedDocument doc;
  doc.path = path;
  doc.bytes = bytes.size();
  doc.sha256 = Sha256Hex(bytes);
  if (ext == ".pdf") {
    doc.format = "pdf";
    Result<ExtractedDocument> pdf = extract_internal::ExtractPdf(std::move(doc), bytes, options);
    if (!pdf) return pdf;
    std::uint64_t text_bytes = 0;
    for (const ExtractedPage& page : pdf->pages) text_bytes += page.text.size();
    if (text_bytes > options.max_text_bytes) return TooLarge(path, "text", text_bytes, options);
    return pdf;
  }
  if (ext == ".txt") {
    doc.format = "text";
    // A form feed separates pages, as in pdftotext's output; a file without
    // one is a single page.
    const std::string text = extract_internal::DecodeText(bytes).utf8;
    if (text.size() > options.max_text_bytes) return TooLarge(path, "text", text.size(), options);
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
