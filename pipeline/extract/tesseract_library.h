// tesseract_library: tesseract's C API, loaded when the first page needs OCR.
//
//   std::string error;
//   const TesseractLibrary* tess = TesseractLibrary::Get(&error);
//   if (tess == nullptr) ... error says what is missing and what to install
//   TessBaseAPI* api = tess->create();
//
// Linking tesseract made every diar process load it and the 35 libraries
// it brings (curl, gnutls, archive, leptonica's image formats): half of a
// process's start, 6 ms, for the searches and ingests that never OCR a
// page. Loaded with dlopen, it costs only the runs that need it.
//
// The library is opened once per process and never closed. Thread safety:
// Get may be called from any thread.
#ifndef DIAR_PIPELINE_EXTRACT_TESSERACT_LIBRARY_H_
#define DIAR_PIPELINE_EXTRACT_TESSERACT_LIBRARY_H_

#include <tesseract/capi.h>

#include <string>

namespace diar::extract_internal {

struct TesseractLibrary {
  // The library, or null with `*error` saying why it could not be loaded.
  static const TesseractLibrary* Get(std::string* error);

  decltype(&TessBaseAPICreate) create;
  decltype(&TessBaseAPIDelete) destroy;
  decltype(&TessBaseAPISetVariable) set_variable;
  decltype(&TessBaseAPIInit2) init;
  decltype(&TessBaseAPISetPageSegMode) set_page_seg_mode;
  decltype(&TessBaseAPISetImage) set_image;
  decltype(&TessBaseAPISetSourceResolution) set_source_resolution;
  decltype(&TessBaseAPIRecognize) recognize;
  decltype(&TessBaseAPIMeanTextConf) mean_text_conf;
  decltype(&TessBaseAPIClear) clear;
  decltype(&TessBaseAPIDetectOrientationScript) detect_orientation_script;
  decltype(&TessBaseAPIGetIterator) get_iterator;
  decltype(&TessResultIteratorDelete) iterator_delete;
  decltype(&TessResultIteratorGetPageIteratorConst) page_iterator;
  decltype(&TessResultIteratorNext) iterator_next;
  decltype(&TessResultIteratorGetUTF8Text) iterator_text;
  decltype(&TessPageIteratorBoundingBox) bounding_box;
  decltype(&TessPageIteratorIsAtBeginningOf) is_at_beginning_of;
  decltype(&TessDeleteText) delete_text;
};

}  // namespace diar::extract_internal

#endif  // DIAR_PIPELINE_EXTRACT_TESSERACT_LIBRARY_H_
