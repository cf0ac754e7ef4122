// path_forms: the spellings under which a path may be stored. File names
// arrive in NFC (Linux, Windows) or NFD (macOS, some archives and zip
// tools) for the same letters, so a path given in one form must find a path
// stored in the other.
#ifndef DIAR_INDEX_PATH_FORMS_H_
#define DIAR_INDEX_PATH_FORMS_H_

#include <string>
#include <vector>

namespace diar {

// `path` as given, then its NFC and NFD forms when they differ; only the
// given form when it is not valid UTF-8.
std::vector<std::string> PathForms(const std::string& path);

}  // namespace diar

#endif  // DIAR_INDEX_PATH_FORMS_H_
