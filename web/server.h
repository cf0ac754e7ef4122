// server: `diar serve` — the web page and the JSON API (web/api.h) over one
// index, on cpp-httplib with a fixed pool of worker threads.
//
//   diar::web::ServeOptions options{.index_dir = "idx", .port = 8080};
//   diar::Result<bool> done = diar::web::Serve(options, [](const std::string& url) { print(url); });
//
// Every worker thread keeps a Searcher of its own (a Searcher is
// single-threaded), and each call brings it to the index's latest commit, so
// documents an ingest commits show up without a restart. Search answers are
// kept in a bounded LRU cache (web/response_cache.h) keyed by the normalised
// request (web/api.h CacheKey); every search first checks the index for a
// new commit and empties the cache when there is one, so a commit is seen by
// the very next request. The X-Diar-Cache header says hit or miss.
//
// Safety: the page is static (assets compiled in, no data in its HTML);
// everything from a document reaches it as JSON and is put on the page as
// text. Every answer carries a Content-Security-Policy that allows only
// this server's own script and style. URLs name documents by id only, never
// by path, and the PDF endpoint serves a file only while its bytes still
// hash to the indexed id. Requests, queries and pages have limits (api.h).
// The server binds to 127.0.0.1 by default; any other address needs a
// token, which every /api/ request must carry (X-Diar-Token header or
// token= parameter; the page sends it).
//
// Errors: kConfig when the index cannot be opened, the address cannot be
// bound, or a non-loopback host has no token. Serve returns after SIGINT
// or SIGTERM (ok). Call it once per process: it takes over those signals.
#ifndef DIAR_WEB_SERVER_H_
#define DIAR_WEB_SERVER_H_

#include <spdlog/spdlog.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "index/shards.h"
#include "pipeline/result.h"

namespace diar::web {

struct ServeOptions {
  std::string index_dir;  // a database, a sharded folder or a stub (index/shards.h)
  ReadOptions read;       // allow_partial: serve the shards that answer
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (the URL given to on_ready says which)
  // Required unless `host` is a loopback address; compared in constant time.
  std::string token;
  // Worker threads, and Searchers: 8 matches the load the server is
  // measured at (bench/serve: 8 concurrent clients).
  int threads = 8;
  // Budget of the search answer cache; 0 turns it off. 64 MiB holds about
  // two thousand first views of a 5,000-document index with every facet
  // (~30 KiB each).
  std::size_t cache_bytes = 64u << 20;
  // Request log (debug) and errors; null: none.
  std::shared_ptr<spdlog::logger> logger;
};

// Serves until SIGINT or SIGTERM. `on_ready` gets "http://HOST:PORT/" once
// the socket listens.
Result<bool> Serve(const ServeOptions& options, const std::function<void(const std::string& url)>& on_ready);

}  // namespace diar::web

#endif  // DIAR_WEB_SERVER_H_
