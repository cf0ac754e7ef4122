#include "pipeline/extract/text_file.h"

#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <set>
#include <string_view>

namespace diar::extract_internal {
namespace {

bool StartsWith(const std::string& s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool IsValidUtf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    int extra = 0;
    if (c < 0x80) extra = 0;
    else if (c >= 0xC2 && c <= 0xDF) extra = 1;
    else if (c >= 0xE0 && c <= 0xEF) extra = 2;
    else if (c >= 0xF0 && c <= 0xF4) extra = 3;
    else return false;
    if (i + static_cast<std::size_t>(extra) >= s.size() && extra > 0) return false;
    for (int k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0xC0) != 0x80) return false;
    }
    i += static_cast<std::size_t>(extra) + 1;
  }
  return true;
}

// The detector's best guess, or "" when it has none.
std::string Detect(const std::string& bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(
      ucsdet_open(&status), ucsdet_close);
  if (U_FAILURE(status)) return "";
  // The detector samples the input; 64 KiB is plenty and bounds the cost.
  const int32_t length = static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 16));
  ucsdet_setText(detector.get(), bytes.data(), length, &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return "";
  const char* name = ucsdet_getName(match, &status);
  return U_SUCCESS(status) && name != nullptr ? name : "";
}

std::string Convert(const char* data, std::size_t size, const char* charset) {
  icu::UnicodeString text(data, static_cast<int32_t>(size), charset);
  std::string out;
  text.toUTF8String(out);
  return out;
}

std::string UnifyNewlines(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

}  // namespace

DecodedText DecodeText(const std::string& bytes) {
  DecodedText out;
  if (StartsWith(bytes, "\xEF\xBB\xBF")) {
    out.encoding = "UTF-8";
    out.utf8 = Convert(bytes.data() + 3, bytes.size() - 3, "UTF-8");
  } else if (StartsWith(bytes, "\xFF\xFE")) {
    out.encoding = "UTF-16LE";
    out.utf8 = Convert(bytes.data() + 2, bytes.size() - 2, "UTF-16LE");
  } else if (StartsWith(bytes, "\xFE\xFF")) {
    out.encoding = "UTF-16BE";
    out.utf8 = Convert(bytes.data() + 2, bytes.size() - 2, "UTF-16BE");
  } else if (IsValidUtf8(bytes)) {
    out.encoding = "UTF-8";
    out.utf8 = bytes;
  } else {
    static const std::set<std::string> kTrusted = {"UTF-16LE", "UTF-16BE"};
    const std::string guess = Detect(bytes);
    out.encoding = kTrusted.count(guess) != 0 ? guess : "windows-1252";
    out.utf8 = Convert(bytes.data(), bytes.size(), out.encoding.c_str());
  }
  out.utf8 = UnifyNewlines(out.utf8);
  return out;
}

}  // namespace diar::extract_internal
