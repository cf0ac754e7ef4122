#include "index/path_forms.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>

namespace diar {

std::vector<std::string> PathForms(const std::string& path) {
  std::vector<std::string> forms{path};
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(path);
  std::string round_trip;
  text.toUTF8String(round_trip);
  if (round_trip != path) return forms;  // not valid UTF-8: bytes only
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return forms;
  for (const icu::Normalizer2* form : {nfc, nfd}) {
    UErrorCode s = U_ZERO_ERROR;
    const icu::UnicodeString normal = form->normalize(text, s);
    if (U_FAILURE(s)) continue;
    std::string out;
    normal.toUTF8String(out);
    if (std::find(forms.begin(), forms.end(), out) == forms.end()) forms.push_back(out);
  }
  return forms;
}

}  // namespace diar
