// inflated_contents: a page's content streams inflated by zlib, for the
// interpreter to read from memory. Private to extract (page_display.cc);
// poppler's core API, as there.
//
// poppler 22.12 decodes FlateDecode with an inflater of its own, pulled a
// byte at a time by the content lexer: 14 M of the 150 M instructions a
// 34-page plan's extraction takes. zlib inflates the same bytes in 4 M, and
// the lexer reads them from memory. Only a stream poppler would decode the
// same way is taken: FlateDecode its one filter, without parameters (no
// predictor), at most 4 MB deflated, within 32 MB inflated for the whole
// page (more is a drawing, and stays a piece at a time; the parts of an
// array are all held until the page is read), and zlib must inflate it
// whole, checksum and all. Any other stream, and any that zlib finds damaged, is left to
// poppler, whose messages about it a damaged page's note counts.
#ifndef DIAR_PIPELINE_EXTRACT_INFLATED_CONTENTS_H_
#define DIAR_PIPELINE_EXTRACT_INFLATED_CONTENTS_H_

#include <Object.h>

class XRef;

namespace diar::extract_internal {

// `contents` (a page's /Contents, fetched: a stream or an array of
// streams) with each stream that qualifies replaced by its inflated bytes
// in memory; the others as they are. The interpreter reads the same bytes
// from it as from `contents`.
Object InflatedContents(const Object& contents, XRef* xref);

}  // namespace diar::extract_internal

#endif  // DIAR_PIPELINE_EXTRACT_INFLATED_CONTENTS_H_
