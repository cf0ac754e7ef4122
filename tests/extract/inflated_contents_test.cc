// A page's deflated content streams are inflated by zlib into memory, up to
// 32 MB for the whole page: the parts of an array are all held until the
// page is read, so the parts past that are left to poppler, which reads
// them a piece at a time (pipeline/extract/inflated_contents.h).
#include "pipeline/extract/inflated_contents.h"

#include <Array.h>
#include <Dict.h>
#include <Stream.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

namespace diar::extract_internal {
namespace {

std::string Deflated(const std::string& text) {
  uLongf size = compressBound(static_cast<uLong>(text.size()));
  std::string out(size, '\0');
  compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(text.data()),
            static_cast<uLong>(text.size()), Z_BEST_SPEED);
  out.resize(size);
  return out;
}

// A FlateDecode stream over `deflated` (which must outlive it), as poppler's
// parser makes one.
Object FlateStreamOver(const std::string& deflated) {
  auto* dict = new Dict(static_cast<XRef*>(nullptr));
  dict->add("Length", Object(static_cast<int>(deflated.size())));
  dict->add("Filter", Object(objName, "FlateDecode"));
  Stream* raw = new MemStream(deflated.data(), 0, static_cast<Goffset>(deflated.size()), Object(dict));
  return Object(raw->addFilters(raw->getDict()));
}

std::string ReadAll(Stream* stream) {
  std::string out;
  stream->reset();
  for (int c; (c = stream->getChar()) != EOF;) out += static_cast<char>(c);
  stream->close();
  return out;
}

TEST(InflatedContents, AStreamIsReadFromMemoryWithTheSameBytes) {
  const std::string text = "BT /F1 12 Tf 72 720 Td (Kommunstyrelsen) Tj ET\n";
  const std::string deflated = Deflated(text);
  const Object out = InflatedContents(FlateStreamOver(deflated), nullptr);
  ASSERT_TRUE(out.isStream());
  EXPECT_NE(out.getStream()->getKind(), strFlate);
  EXPECT_EQ(ReadAll(out.getStream()), text);
}

TEST(InflatedContents, APageHoldsAtMost32MBInflatedAndLeavesTheRestToPoppler) {
  const std::string text = std::string(12 << 20, ' ') + "q Q\n";
  const std::string deflated = Deflated(text);
  Object parts(new Array(static_cast<XRef*>(nullptr)));
  for (int i = 0; i < 3; ++i) parts.arrayAdd(FlateStreamOver(deflated));
  const Object out = InflatedContents(parts, nullptr);
  ASSERT_TRUE(out.isArray());
  ASSERT_EQ(out.arrayGetLength(), 3);
  EXPECT_NE(out.arrayGetNF(0).getStream()->getKind(), strFlate);
  EXPECT_NE(out.arrayGetNF(1).getStream()->getKind(), strFlate);
  // 36 MB in all would pass 32: the third part stays poppler's, and reads the same.
  EXPECT_EQ(out.arrayGetNF(2).getStream()->getKind(), strFlate);
  EXPECT_EQ(ReadAll(out.arrayGetNF(2).getStream()), text);
}

}  // namespace
}  // namespace diar::extract_internal
