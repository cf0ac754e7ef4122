// page_display: the pages of one PDF interpreted into text devices, in
// order, with each font parsed once for a run of pages instead of once per
// page. Private to extract (pdf.cc); it sees poppler's core API (Debian's
// libpoppler-private-dev), so a poppler version change touches it,
// pdf.cc and glyph_words.cc alone.
//
// poppler 22.12 builds a Gfx for every page, and with it a GfxFontDict
// that reads and parses each font the page names (its encoding, widths,
// ToUnicode map): 11 % of a long plan's ingest, though producers (cairo,
// LibreOffice, Word, Skia) give every page the same font objects, each page
// naming those it uses. Here one Gfx interprets a run of pages of the same
// box and rotation whose font names each name one font object throughout:
// the Gfx's own resources hold the fonts all of them name, and each page's
// other resources are pushed over them. Every page's text is the same as
// poppler's own per-page path gives: a page that could read otherwise in
// the run (a font its own resources lack, anything a page could leave
// behind in the shared interpreter) is read on its own. A page's content
// streams are inflated by zlib before the run's Gfx reads them
// (inflated_contents.h).
#ifndef DIAR_PIPELINE_EXTRACT_PAGE_DISPLAY_H_
#define DIAR_PIPELINE_EXTRACT_PAGE_DISPLAY_H_

#include <TextOutputDev.h>

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

class PDFDoc;

namespace diar::extract_internal {

// poppler's text device in a run: it notes when the page at hand sets text
// in a font of the run that the page's own resources do not name, where
// poppler alone would have found no font.
class RunTextOutputDev : public TextOutputDev {
 public:
  // Raw order: poppler keeps the words as drawn and builds no reading
  // order; reading_words.h does what of it the layout needs.
  RunTextOutputDev() : TextOutputDev(nullptr, false, 0, true, false) {}
  void updateFont(GfxState* state) override;
  void restoreState(GfxState* state) override;

 private:
  friend class PageDisplay;
  void Check(GfxState* state);
  // The run's fonts the page does not name: name and object.
  std::vector<std::pair<std::string, Ref>> foreign_;
  const GfxFont* checked_ = nullptr;
  bool used_foreign_ = false;
};

struct PageFonts;

class PageDisplay {
 public:
  using MakeDevice = std::function<std::unique_ptr<RunTextOutputDev>()>;

  // `make_device` makes a fresh text device (a run's, or one page's).
  // `poppler_errors` is the count of poppler's error messages on this
  // thread, which rises as poppler reports them; messages that come from
  // checking the shared interpreter are taken off it again.
  PageDisplay(PDFDoc& pdf, MakeDevice make_device, int& poppler_errors);
  ~PageDisplay();
  PageDisplay(const PageDisplay&) = delete;
  PageDisplay& operator=(const PageDisplay&) = delete;

  // Interprets page `number` (1-based; the page must exist) at 72 dpi,
  // unrotated beyond its /Rotate, its crop box, annotations drawn: what
  // PDFDoc::displayPageSlice(device, number, 72, 72, 0, false, false,
  // false, -1, -1, -1, -1) puts into a fresh device. Pages are asked for in
  // ascending order. The device is valid until the next call.
  RunTextOutputDev& Display(int number);

  // The same through poppler's own per-page path, into a fresh device.
  // poppler reports a font's faults once per run here, and once per page
  // there: a page whose error messages matter is read so.
  RunTextOutputDev& DisplayAlone(int number);

 private:
  struct Run;
  bool RunIsClean(Run& run);
  void EndRun();
  void StartRun(int number, const PageFonts& fonts);

  PDFDoc& pdf_;
  MakeDevice make_device_;
  int& poppler_errors_;
  std::unique_ptr<Run> run_;
  std::unique_ptr<RunTextOutputDev> alone_;
};

}  // namespace diar::extract_internal

#endif  // DIAR_PIPELINE_EXTRACT_PAGE_DISPLAY_H_
