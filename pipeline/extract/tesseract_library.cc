#include "pipeline/extract/tesseract_library.h"

#include <dlfcn.h>

#include <mutex>

namespace diar::extract_internal {
namespace {

// The soname of Debian's libtesseract5, whose C API this was written against.
constexpr const char* kSoname = "libtesseract.so.5";

// Binds `fn` to the library's `name`; the first name not found is kept in
// `missing`.
template <typename Fn>
void Bind(void* handle, const char* name, Fn& fn, std::string& missing) {
  fn = reinterpret_cast<Fn>(::dlsym(handle, name));
  if (fn == nullptr && missing.empty()) missing = name;
}

struct Loaded {
  TesseractLibrary library{};
  std::string error;  // empty when loaded
};

Loaded Load() {
  Loaded out;
  void* handle = ::dlopen(kSoname, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* why = ::dlerror();
    out.error = std::string("tesseract: cannot load ") + kSoname + " (" + (why ? why : "not found") +
                "); install tesseract-ocr-swe (apt-get install tesseract-ocr-swe) or run with "
                "--ocr never";
    return out;
  }
  TesseractLibrary& t = out.library;
  std::string missing;
  Bind(handle, "TessBaseAPICreate", t.create, missing);
  Bind(handle, "TessBaseAPIDelete", t.destroy, missing);
  Bind(handle, "TessBaseAPISetVariable", t.set_variable, missing);
  Bind(handle, "TessBaseAPIInit2", t.init, missing);
  Bind(handle, "TessBaseAPISetPageSegMode", t.set_page_seg_mode, missing);
  Bind(handle, "TessBaseAPISetImage", t.set_image, missing);
  Bind(handle, "TessBaseAPISetSourceResolution", t.set_source_resolution, missing);
  Bind(handle, "TessBaseAPIRecognize", t.recognize, missing);
  Bind(handle, "TessBaseAPIMeanTextConf", t.mean_text_conf, missing);
  Bind(handle, "TessBaseAPIClear", t.clear, missing);
  Bind(handle, "TessBaseAPIDetectOrientationScript", t.detect_orientation_script, missing);
  Bind(handle, "TessBaseAPIGetIterator", t.get_iterator, missing);
  Bind(handle, "TessResultIteratorDelete", t.iterator_delete, missing);
  Bind(handle, "TessResultIteratorGetPageIteratorConst", t.page_iterator, missing);
  Bind(handle, "TessResultIteratorNext", t.iterator_next, missing);
  Bind(handle, "TessResultIteratorGetUTF8Text", t.iterator_text, missing);
  Bind(handle, "TessPageIteratorBoundingBox", t.bounding_box, missing);
  Bind(handle, "TessPageIteratorIsAtBeginningOf", t.is_at_beginning_of, missing);
  Bind(handle, "TessDeleteText", t.delete_text, missing);
  if (!missing.empty()) {
    out.error = std::string("tesseract: ") + kSoname + " has no " + missing +
                "; install Debian's libtesseract5 (apt-get install tesseract-ocr-swe) or run "
                "with --ocr never";
  }
  return out;
}

}  // namespace

const TesseractLibrary* TesseractLibrary::Get(std::string* error) {
  static std::once_flag once;
  static Loaded* loaded = nullptr;  // never freed: the library stays mapped
  std::call_once(once, [] { loaded = new Loaded(Load()); });
  if (!loaded->error.empty()) {
    if (error != nullptr) *error = loaded->error;
    return nullptr;
  }
  return &loaded->library;
}

}  // namespace diar::extract_internal
