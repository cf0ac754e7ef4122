// ocr_misreads: repairs of what OCR reliably misreads in Swedish authority
// documents, for the lines of a page whose text an OCR engine wrote (diar's
// own OCR, or a scan's invisible text layer). Private to extract.
//
// Tesseract's Swedish model reads the section sign as a digit or a dollar
// sign in common office fonts: a protokoll's "§ 45 Val av justerare" comes
// out "8 45 Val av justerare", and with it go the § structure that tells a
// protokoll and the paragraph numbers officials search for. Only forms where
// "8" or "$" cannot be what the text means are repaired:
//   - at a line's start, before a paragraph number of one to three digits
//     and a capitalised word (a § heading: a line starting with two numbers
//     and a capital is not otherwise Swedish);
//   - after the form label "Paragraf" or "Paragrafer", before a number,
//     in the same line or in the next line of the same row (the layout
//     reads a form's label and value apart when the gap is wide).
// Inline references ("som behandlas som 8 48") are left: there the misread
// cannot be told from a number.
//
// A line-end hyphen set a little apart from its word (LibreOffice sets an
// automatic break's hyphen so) is read with a space before it: "så -" and
// "väl" on the next line. It is glued back ("så-") when a small letter comes
// before it, so that normalise's dehyphenation decides, as for typeset
// text, whether the parts are one word ("såväl") or the hyphen is real.
//
// Three more, each where the misread cannot be what the text means:
//   - a range's en dash read as two dashes ("13.00–-16.15", "13.00—-16.15"):
//     two dashes between figures become one en dash;
//   - the party letter S read as 5 after a name: "Johan Ek (5)" and
//     "(5D)" become "(S)" and "(SD)" after a capitalised word;
//   - a bullet read as a closing quotation mark or a plus sign at a line's
//     start, before a space and a capital, becomes "•".
#ifndef DIAR_PIPELINE_EXTRACT_OCR_MISREADS_H_
#define DIAR_PIPELINE_EXTRACT_OCR_MISREADS_H_

#include <vector>

#include "pipeline/extract/extract.h"

namespace diar::extract_internal {

void RepairOcrMisreads(std::vector<TextLine>& lines);

}  // namespace diar::extract_internal

#endif  // DIAR_PIPELINE_EXTRACT_OCR_MISREADS_H_
