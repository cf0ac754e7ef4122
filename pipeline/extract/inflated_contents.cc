#include "pipeline/extract/inflated_contents.h"

#include <Array.h>
#include <Dict.h>
#include <Stream.h>
#include <zlib.h>

#include <cstring>
#include <memory>
#include <string>
#include <utility>

namespace diar::extract_internal {
namespace {

// Inflated bytes and the stream over them, which owns them. (poppler's
// own owning stream, AutoFreeMemStream, is not exported.)
struct InflatedBytes {
  std::unique_ptr<char[]> bytes;
};
class InflatedStream : private InflatedBytes, public MemStream {
 public:
  InflatedStream(std::unique_ptr<char[]> bytes, std::size_t length)
      : InflatedBytes{std::move(bytes)},
        MemStream(InflatedBytes::bytes.get(), 0, static_cast<Goffset>(length), Object(objNull)) {}
};

// Streams are read whole into memory up to these sizes; a larger one (a
// map's drawing, not a page of text) is left to poppler, which reads it a
// piece at a time, so a worker's memory stays where it was.
constexpr std::size_t kMaxDeflated = 4 << 20;
constexpr std::size_t kMaxInflated = 32 << 20;

// `stream` inflated into a stream in memory, or nullptr when it does not
// qualify (inflated_contents.h) or would take more than `budget` bytes;
// `budget` loses what it takes.
Stream* Inflated(Stream* stream, std::size_t& budget) {
  if (stream->getKind() != strFlate) return nullptr;
  Dict* dict = stream->getDict();
  Object filter = dict->lookup("Filter");
  if (filter.isArray() && filter.arrayGetLength() == 1) filter = filter.arrayGet(0);
  if (!filter.isName("FlateDecode") || !dict->lookup("DecodeParms").isNull() ||
      !dict->lookup("DP").isNull()) {
    return nullptr;
  }
  // The bytes under the filter: the file's, decrypted if need be.
  Stream* raw = stream->getNextStream();
  if (raw == nullptr) return nullptr;
  std::string in;
  raw->reset();
  unsigned char chunk[16384];
  for (int got; in.size() <= kMaxDeflated && (got = raw->doGetChars(sizeof chunk, chunk)) > 0;) {
    in.append(reinterpret_cast<const char*>(chunk), static_cast<std::size_t>(got));
  }
  raw->close();
  if (in.size() > kMaxDeflated) return nullptr;
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return nullptr;
  z.next_in = reinterpret_cast<Bytef*>(in.data());
  z.avail_in = static_cast<uInt>(in.size());
  std::size_t size = 4 * in.size() + 1024;
  auto out = std::make_unique_for_overwrite<char[]>(size);
  int status = Z_OK;
  while (status == Z_OK) {
    if (z.total_out == size) {
      if (size > budget) break;
      auto grown = std::make_unique_for_overwrite<char[]>(2 * size);
      std::memcpy(grown.get(), out.get(), size);
      out = std::move(grown);
      size *= 2;
    }
    z.next_out = reinterpret_cast<Bytef*>(out.get() + z.total_out);
    z.avail_out = static_cast<uInt>(size - z.total_out);
    status = inflate(&z, Z_NO_FLUSH);
  }
  const std::size_t length = z.total_out;
  inflateEnd(&z);
  if (status != Z_STREAM_END || length > budget) return nullptr;
  budget -= length;
  return new InflatedStream(std::move(out), length);
}

}  // namespace

Object InflatedContents(const Object& contents, XRef* xref) {
  // For the page, not per stream: the inflated parts of an array are all
  // held until the page is read, and a page of many large parts must not
  // take more memory than one.
  std::size_t budget = kMaxInflated;
  if (contents.isStream()) {
    if (Stream* inflated = Inflated(contents.getStream(), budget)) return Object(inflated);
    return contents.copy();
  }
  if (!contents.isArray()) return contents.copy();
  Object out(new Array(xref));
  for (int i = 0; i < contents.arrayGetLength(); ++i) {
    Object part = contents.arrayGet(i);
    Stream* inflated = part.isStream() ? Inflated(part.getStream(), budget) : nullptr;
    out.arrayAdd(inflated != nullptr ? Object(inflated) : std::move(part));
  }
  return out;
}

}  // namespace diar::extract_internal
