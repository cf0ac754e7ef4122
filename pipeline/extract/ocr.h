// ocr: one PDF page read by tesseract. Private to extract; the second backend
// behind ExtractFile, next to the text layer (as xapian-omega's
// handler_tesseract.cc sits next to handler_poppler.cc).
//
// The page is rendered by poppler's page renderer to 8-bit grey at
// options.ocr_dpi (less for a page above options.ocr_max_pixels; a page too
// large even at options.ocr_min_dpi is an error, not rendered) and handed to tesseract's C++ API with the model
// options.ocr_language. Each calling thread gets its own TessBaseAPI, created
// on first use and kept for the thread's life (initialising one costs about
// 0.3 s; the API is not thread-safe, so sharing would need a lock held for
// whole pages).
//
// A page whose reading looks turned (low confidence, or words taller than
// wide) is checked with tesseract's orientation detection (osd.traineddata,
// loaded by the first such page; without it a warning, and the page is
// read as it lies) and, if it lies turned, turned upright and read again.
// Upright pages are read once and never pay for the detection.
//
// Tesseract's OpenMP teams are switched off on the calling thread before each
// page: on a 2-core machine shared with other work, a 300 dpi page takes
// ~12.8 s with the default teams and ~2.7 s without (issue 4). Setting
// OMP_THREAD_LIMIT from inside the process would be too late: libgomp reads
// its environment when it is loaded, before main. omp_set_max_active_levels(0)
// is the run-time equivalent: no parallel region becomes active.
#ifndef DIAR_PIPELINE_EXTRACT_OCR_H_
#define DIAR_PIPELINE_EXTRACT_OCR_H_

#include <vector>

#include "pipeline/extract/extract.h"
#include "pipeline/result.h"

namespace poppler {
class page;
}

namespace diar::extract_internal {

// Lines of the page in tesseract's reading order, boxes in PDF points.
// An empty vector for a blank page (nothing dark enough to be ink, checked
// before OCR so blank pages cost a render, not a recognition). kConfig error
// when tesseract cannot load the model (the message says what to install).
// `kept`: lines the page's text layer already reads right where they stand,
// in the page's coordinates as displayed (an e-signing stamp up the edge of
// a scan, TextLine::vertical): tesseract's words inside their boxes are
// dropped (it reads turned text as strings like "UOIPIeESUeLLZy" and puts
// them at the ends of the rows beside it), and the lines themselves follow
// the OCR lines, as the text layer has them. Not for a blank page.
// `quarter_turns`, when given, is set to the quarter turns clockwise the
// page was turned to read it upright (see the header comment); the lines'
// boxes are in the turned page's coordinates, width and height swapped
// for 1 and 3.
Result<std::vector<TextLine>> OcrPage(const poppler::page& page,
                                      const ExtractOptions& options,
                                      const std::vector<TextLine>& kept = {},
                                      int* quarter_turns = nullptr);

// Initialises the calling thread's engine for `options` now; kConfig error
// when the model cannot be loaded. Returns true.
Result<bool> WarmOcrEngine(const ExtractOptions& options);

// True when every model of options.ocr_language ("swe", "swe+eng") is a
// file in the folder tesseract reads models from: options.tessdata_dir, else
// $TESSDATA_PREFIX, else Debian's packaged folder. Only looks; false says
// the models are not there, not that tesseract cannot find them elsewhere.
bool OcrModelFilesPresent(const ExtractOptions& options);

}  // namespace diar::extract_internal

#endif  // DIAR_PIPELINE_EXTRACT_OCR_H_
