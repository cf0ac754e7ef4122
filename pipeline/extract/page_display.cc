#include "pipeline/extract/page_display.h"

#include <Annot.h>
#include <Dict.h>
#include <Gfx.h>
#include <GfxState.h>
#include <Object.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Page.h>
#include <Stream.h>

#include <optional>
#include <string>
#include <utility>

#include "pipeline/extract/inflated_contents.h"

namespace diar::extract_internal {

void RunTextOutputDev::updateFont(GfxState* state) {
  TextOutputDev::updateFont(state);
  Check(state);
}

void RunTextOutputDev::restoreState(GfxState* state) {
  TextOutputDev::restoreState(state);
  Check(state);
}

// Text is shown in the state's font, which comes from a Tf (or an
// ExtGState), reported here at the first show after it (whether the text
// is visible or not), or from a Q, reported here when it restores.
void RunTextOutputDev::Check(GfxState* state) {
  const GfxFont* font = state->getFont().get();
  if (font == nullptr || font == checked_) return;
  checked_ = font;
  for (const auto& [name, ref] : foreign_) {
    if (*font->getID() == ref && font->getTag() == name) used_foreign_ = true;
  }
}

// A page's fonts: each name and the object it names. poppler gives each
// entry of a font dictionary a GfxFont of its own, identified by the
// object's reference, so pages whose names name the same objects get the
// same fonts, and one parse can serve them all. A font written in place has
// no reference (poppler identifies it by its place in its dictionary, or by
// its bytes), nor has a name given twice one meaning: such a page is not
// `shareable`, and its run holds its own /Font entry as it is.
struct PageFonts {
  bool shareable = true;
  std::vector<std::pair<std::string, Ref>> named;
};

namespace {

PageFonts ReadPageFonts(Dict* resources) {
  PageFonts out;
  if (resources == nullptr) return out;
  const Object fonts = resources->lookup("Font");
  if (!fonts.isDict()) return out;  // poppler reads no fonts either
  Dict* dict = fonts.getDict();
  for (int i = 0; i < dict->getLength(); ++i) {
    const Object& font = dict->getValNF(i);
    const std::string name = dict->getKey(i);
    if (!font.isRef()) out.shareable = false;
    for (const auto& [other, ref] : out.named) out.shareable = out.shareable && other != name;
    if (!out.shareable) return out;
    out.named.emplace_back(name, font.getRef());
  }
  return out;
}

// Page::createGfx's rotation for a display asked for unrotated.
int Rotation(const Page& page) {
  int rotate = page.getRotate();
  if (rotate >= 360) rotate -= 360;
  else if (rotate < 0) rotate += 360;
  return rotate;
}

}  // namespace

// One Gfx and its device over a run of pages. `gfx` is declared after
// `device`, so it is destroyed first: its destructor ends a page on it.
struct PageDisplay::Run {
  std::unique_ptr<RunTextOutputDev> device;
  std::unique_ptr<Gfx> gfx;
  bool shareable = false;
  std::vector<std::pair<std::string, Ref>> fonts;  // the fonts of the Gfx's resources
  PDFRectangle box;
  int rotate = 0;

  // Whether the run's Gfx can read a page with this box, rotation and
  // fonts as a fresh one would: it was made for one box and rotation (they
  // set the transformation from PDF space to the device's), and a name
  // must find the same font object.
  bool Fits(const Page& page, const PageFonts& page_fonts) const {
    if (!shareable || !page_fonts.shareable || !(*page.getCropBox() == box) ||
        Rotation(page) != rotate) {
      return false;
    }
    for (const auto& entry : page_fonts.named) {
      bool found = false;
      for (const auto& font : fonts) found = found || font == entry;
      if (!found) return false;
    }
    return true;
  }
};

PageDisplay::PageDisplay(PDFDoc& pdf, MakeDevice make_device, int& poppler_errors)
    : pdf_(pdf), make_device_(std::move(make_device)), poppler_errors_(poppler_errors) {}

PageDisplay::~PageDisplay() { EndRun(); }

RunTextOutputDev& PageDisplay::Display(int number) {
  Page* page = pdf_.getPage(number);
  const PageFonts fonts = ReadPageFonts(page->getResourceDict());
  if (run_ && !(run_->Fits(*page, fonts) && RunIsClean(*run_))) {
    // The next run keeps the fonts of this one whose names the page does
    // not use: later pages are likely to name them again.
    PageFonts next = fonts;
    if (run_->shareable && fonts.shareable) {
      for (const auto& font : run_->fonts) {
        bool named = false;
        for (const auto& entry : fonts.named) named = named || entry.first == font.first;
        if (!named) next.named.push_back(font);
      }
    }
    EndRun();
    StartRun(number, next);  // its Gfx starts the page
  } else if (!run_) {
    StartRun(number, fonts);
  } else {
    // What Gfx's constructor does for a page, on the run's ground state.
    GfxState* state = run_->gfx->getState();
    run_->device->startPage(number, state, pdf_.getXRef());
    run_->device->setDefaultCTM(state->getCTM());
    run_->device->updateAll(state);
  }
  Gfx& gfx = *run_->gfx;
  RunTextOutputDev& device = *run_->device;
  device.foreign_.clear();
  for (const auto& font : run_->fonts) {
    bool named = false;
    for (const auto& entry : fonts.named) named = named || entry.first == font.first;
    if (!named) device.foreign_.push_back(font);
  }
  device.checked_ = nullptr;
  device.used_foreign_ = false;
  // The page's resources but its fonts, over the run's fonts: a name is
  // looked up in the page's resources, then in the fonts, as poppler looks
  // it up in the page's resources alone.
  Object others;
  if (Dict* resources = page->getResourceDict()) {
    others = Object(resources->copy(pdf_.getXRef()));
    others.getDict()->remove("Font");
  }
  gfx.pushResources(others.isDict() ? others.getDict() : nullptr);
  // From here as Page::displaySlice.
  Object contents = InflatedContents(page->getContents(), pdf_.getXRef());
  if (!contents.isNull()) {
    gfx.saveState();
    gfx.display(&contents);
    gfx.restoreState();
  } else {
    device.dump();
  }
  Annots* annots = page->getAnnots();
  if (!annots->getAnnots().empty()) {
    for (Annot* annot : annots->getAnnots()) annot->draw(&gfx, false);
    device.dump();
  }
  gfx.popResources();
  device.endPage();
  // Where poppler alone finds no font, the page's text is not what it
  // would be: it is read on its own.
  if (device.used_foreign_) return DisplayAlone(number);
  return device;
}

RunTextOutputDev& PageDisplay::DisplayAlone(int number) {
  alone_ = make_device_();
  pdf_.displayPageSlice(alone_.get(), number, 72, 72, 0, false, false, false, -1, -1, -1, -1);
  return *alone_;
}

// Whether the last page left the run's Gfx as a fresh one would start the
// next page; it puts back what poppler would not have carried over anyway.
bool PageDisplay::RunIsClean(Run& run) {
  GfxState* state = run.gfx->getState();
  // poppler closes a page's unbalanced q at the end of its content (and
  // ignores an unbalanced Q); a state still saved would be under the next
  // page's.
  if (state->hasSaves()) return false;
  // Q restores all of the graphics state but the current path and the text
  // positions (GfxState::restore): a page (or an annotation's border) that
  // ends inside a path or a text object leaves them. A fresh state has no
  // path, the identity text matrix and both positions at 0.
  state->clearPath();
  state->setTextMat(1, 0, 0, 1, 0, 0);
  state->textMoveTo(0, 0);
  // Gfx keeps three things out of the graphics state and shows none: a
  // clip (W) announced but not applied, marked content left open (BMC or
  // BDC without EMC: optional content hidden, an ActualText span) and a
  // compatibility section (BX) left open, which silences unknown
  // operators. This content puts back the first (n with no path only
  // forgets the clip) and shows the others by poppler's own messages: one
  // for an EMC with nothing open, one for an unknown operator outside BX.
  // The messages are not the page's: the count is put back.
  static constexpr char kProbe[] = "n EMC diar_probe";
  const int errors = poppler_errors_;
  Object probe(static_cast<Stream*>(new MemStream(kProbe, 0, sizeof kProbe - 1, Object(objNull))));
  run.gfx->display(&probe, false);
  const bool clean = poppler_errors_ - errors == 2;
  poppler_errors_ = errors;
  return clean;
}

void PageDisplay::EndRun() {
  if (!run_) return;
  // The Gfx's destructor ends a page on the device, and says so if a state
  // was left saved; the device's last page is done with, and the messages
  // are no page's.
  const int errors = poppler_errors_;
  run_->device->startPage(0, run_->gfx->getState(), pdf_.getXRef());
  run_.reset();
  poppler_errors_ = errors;
}

// As Page::createGfx for a display at 72 dpi, unrotated, of the crop box
// (PDFDoc::displayPageSlice without a slice), but with only `fonts` as the
// Gfx's resources.
void PageDisplay::StartRun(int number, const PageFonts& fonts) {
  Page* page = pdf_.getPage(number);
  XRef* xref = pdf_.getXRef();
  auto run = std::make_unique<Run>();
  run->device = make_device_();
  run->box = *page->getCropBox();
  run->rotate = Rotation(*page);
  run->shareable = fonts.shareable;
  Object resources(new Dict(xref));
  if (fonts.shareable) {
    run->fonts = fonts.named;
    Object dict(new Dict(xref));
    for (const auto& [name, ref] : run->fonts) dict.dictAdd(name.c_str(), Object(ref));
    resources.dictAdd("Font", std::move(dict));
  } else if (Dict* own = page->getResourceDict()) {
    resources.dictAdd("Font", own->lookupNF("Font").copy());
  }
  const bool crop = run->device->needClipToCropBox();
  run->gfx = std::make_unique<Gfx>(&pdf_, run->device.get(), number, resources.getDict(), 72.0,
                                   72.0, &run->box, crop ? &run->box : nullptr, run->rotate);
  run_ = std::move(run);
}

}  // namespace diar::extract_internal
