// extract: one source file in, its pages of raw text and its metadata out.
//
//   diar::ExtractOptions options;
//   diar::Result<diar::ExtractedDocument> doc = diar::ExtractFile("a.pdf", options);
//   if (!doc) report(doc.error().message);   // names the file and says what to do
//
// PDFs are read with poppler page by page (its core text device for the
// text layer, poppler-cpp to render pages for OCR); plain-text files (.txt) are
// split into pages at form feeds (one page when there is none). The file's
// bytes are read once: the SHA-256 of those bytes is the document's identity
// everywhere downstream (re-ingest is idempotent).
//
// Text here is raw: UTF-8 as the PDF's text layer gives it, with running
// headers, hyphenation and layout still in. Cleaning is normalise's job.
// What extract does settle is reading order: each PDF page's words are
// grouped into lines with their boxes, a page set in two columns is read
// column 1 before column 2, and a table (ruled, or aligned with horizontal
// rules or none) row by row (ExtractedPage::lines, TextLine::table_row).
//
// Pages without a usable text layer (scans; also scans whose only text layer
// is a stamp or header in the margins) are rendered at 300 dpi and read
// by tesseract with the Swedish model ("swe"), one OCR engine per calling
// thread, single-threaded inside (tesseract's OpenMP teams are switched off
// because they make a page 4-5x slower on a loaded machine). Parallelism comes
// from running ExtractFile on several files or processes.
//
// Text files may be UTF-8, UTF-16 with a byte-order mark, or a legacy 8-bit
// encoding (Windows-1252 / ISO-8859-1, detected with ICU's charset detector);
// all come out as UTF-8.
//
// Errors are kInput and name the file: missing, unreadable, empty, not a PDF,
// encrypted with a password. Thread safety: ExtractFile may run concurrently on
// different files.
#ifndef DIAR_PIPELINE_EXTRACT_EXTRACT_H_
#define DIAR_PIPELINE_EXTRACT_EXTRACT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/result.h"

namespace diar {

enum class OcrMode {
  kAuto,    // OCR pages without a usable text layer
  kNever,   // never OCR; image-only pages stay empty
  kAlways,  // OCR every page, ignoring the text layer
};

struct ExtractOptions {
  // When to run OCR (tesseract, Swedish model) on a page.
  OcrMode ocr = OcrMode::kAuto;
  // Where tesseract finds swe.traineddata; empty: tesseract's built-in
  // default (TESSDATA_PREFIX, else the packaged tessdata directory).
  std::string tessdata_dir;
  // Tesseract language(s), as for `tesseract -l`.
  std::string ocr_language = "swe";
  // Resolution pages are rendered at for OCR. 300 dpi is what tesseract's
  // models are trained around; lower loses diacritics (å/ä/ö) first.
  double ocr_dpi = 300.0;
  // Largest image a page is rendered to for OCR, in pixels (one byte each,
  // and tesseract needs several times that again). 36 million is an A2
  // page at 300 dpi (4961 x 7016). A bigger page is rendered at a lower
  // resolution to fit, down to ocr_min_dpi (A0 fits at 150 dpi); a page too
  // big even then is not read, and its ocr_note says why. Without a budget
  // a 600-byte PDF with one 7000 pt page took 29 s and 3.4 GB per worker.
  double ocr_max_pixels = 36e6;
  // Below 150 dpi tesseract loses diacritics (å/ä/ö) and small print.
  double ocr_min_dpi = 150.0;
  // Largest text a document may have, in bytes of UTF-8. 64 MiB is half of
  // what one Xapian (glass) entry can hold (65535 chunks of about 2 KiB with
  // the default 8 KiB blocks), because the stored record and the snippet
  // slot each keep the whole text; the pipeline also needs about 30 times
  // the text in memory. A bigger document is refused with its size, before
  // a text file is even read. Real authority documents are far below: a
  // 1000-page report is about 3 MB of text.
  std::uint64_t max_text_bytes = std::uint64_t{64} << 20;
};

// One line of a page as laid out: a run of words on one baseline, not
// crossing a column gap. Coordinates are PDF points (1/72 inch) with the
// origin at the top-left corner of the page, y growing downwards. For text
// files the box is empty (all zero) and font_size is 0: there is no layout.
struct TextLine {
  std::string text;  // UTF-8, words separated by single spaces
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // bounding box
  // Dominant font size in points, estimated from the words' box heights
  // (poppler's boxes span ascent to descent, ~1.16 em; fonts differ, so it
  // is exact enough to compare lines of one document, not to quote). 0 when
  // unknown: text files and OCR.
  double font_size = 0;
  // Dominant font is bold. Not filled for now (false): asking poppler for
  // font names per glyph cost a third of the extraction time. Kept so a
  // backend that knows it cheaply can say so.
  bool bold = false;
  int column = 0;        // 0 full width, 1 left column, 2 right column
  // A row of a table: `text` holds its cells in order separated by
  // " | ", and within a cell its wrapped lines separated by U+2028 (LINE
  // SEPARATOR), for normalise to join and dehyphenate within the cell.
  bool table_row = false;
  // Set a quarter turn from the page's text (a signing service's stamp
  // along the page's edge, a note up the margin): its words are joined in
  // their own reading order and the box is as drawn, taller than wide.
  // Such lines follow the page's other lines.
  bool vertical = false;
};

struct ExtractedPage {
  int number = 0;    // 1-based page number in the source
  std::string text;  // raw UTF-8 text of the page, lines separated by '\n'
  bool ocr = false;  // true when the text came from OCR, not the text layer
  double width = 0, height = 0;  // page size in points; 0 for text files
  // The lines of `text` in reading order, with their layout. `text` is
  // exactly these lines joined by '\n'. Empty for text files.
  std::vector<TextLine> lines;
  // Why OCR was not run on a page that seemed to need it, or failed (for
  // example: the Swedish model is not installed). Empty when all went well.
  std::string ocr_note;
};

struct ExtractedDocument {
  std::string path;     // the path as given by the caller
  std::string sha256;   // lower-case hex SHA-256 of the file's bytes
  std::uint64_t bytes = 0;
  std::string format;   // "pdf" or "text"
  std::string title;    // PDF Info Title, empty if none
  std::string author;   // PDF Info Author, empty if none
  std::string created;  // PDF CreationDate as YYYY-MM-DD, empty if none
  std::vector<ExtractedPage> pages;
};

// True for the file names ExtractFile accepts (.pdf, .txt; any case).
bool IsSupportedFile(const std::string& path);

// Reads `path` and extracts its pages. See the header comment for errors.
Result<ExtractedDocument> ExtractFile(const std::string& path,
                                      const ExtractOptions& options);

// Checks that OCR can run, unless options.ocr is kNever: kConfig error when
// the model cannot be loaded (the message says what to install). Lets a run
// fail once at start-up instead of once per scanned file. When the model
// files are where tesseract looks, that is the whole check: the engine is
// loaded by the first page that needs OCR, in the process that reads it, so
// a run of text PDFs never pays the 0.1-0.3 s (5 % of ingesting 30 plans).
// Otherwise the engine is loaded now, which settles it.
Result<bool> PrepareOcr(const ExtractOptions& options);

// Lower-case hex SHA-256 of `bytes`.
std::string Sha256Hex(const std::string& bytes);

// Lower-case hex SHA-256 of the file at `path`, read in chunks; the cheap
// check that lets re-ingest skip unchanged files. kInput error when the file
// cannot be read.
Result<std::string> HashFile(const std::string& path);

}  // namespace diar

#endif  // DIAR_PIPELINE_EXTRACT_EXTRACT_H_
