// assets: the web page's files (web/assets/*), compiled into the binary by
// web/embed_assets.cmake, so `diar serve` works with no files beside it and
// no network.
#ifndef DIAR_WEB_ASSETS_H_
#define DIAR_WEB_ASSETS_H_

#include <map>
#include <string>
#include <string_view>

namespace diar::web {

// File name ("index.html", "app.js", "style.css") -> its bytes.
const std::map<std::string, std::string_view>& Assets();

}  // namespace diar::web

#endif  // DIAR_WEB_ASSETS_H_
