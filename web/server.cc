#include "web/server.h"

#include <dlfcn.h>
#include <errno.h>
#include <httplib.h>
#include <xapian.h>
#include <openssl/crypto.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

#include "index/export.h"
#include "index/output_json.h"
#include "index/searcher.h"
#include "pipeline/extract/extract.h"
#include "web/api.h"
#include "web/assets.h"
#include "web/response_cache.h"

// cpp-httplib 0.11 (Debian 12's) ends listen() and closes the listening
// socket on any accept() failure but EMFILE, EINTR and EAGAIN: one client
// resetting its connection before it was accepted (ECONNABORTED), or a
// moment without socket buffers, stopped the server for good, and every
// later request was refused at once. accept(2) says these failures are to
// be retried. This
// definition is found before libc's by httplib's calls and retries them;
// what remains (the socket closed by stop()) goes to httplib as before.
extern "C" int accept(int fd, sockaddr* address, socklen_t* length) {
  using Accept = int (*)(int, sockaddr*, socklen_t*);
  static const Accept next = reinterpret_cast<Accept>(dlsym(RTLD_NEXT, "accept"));
  for (;;) {
    const int connection = next(fd, address, length);
    if (connection >= 0) return connection;
    switch (errno) {
      case ECONNABORTED: case EPROTO: case ENETDOWN: case ENOPROTOOPT: case EHOSTDOWN:
      case ENONET: case EHOSTUNREACH: case EOPNOTSUPP: case ENETUNREACH:
        continue;  // that connection is gone; the next one is not
      case ENOBUFS: case ENOMEM: case ENFILE:
        usleep(1000);  // closing connections give the resources back
        continue;
      default:
        return connection;
    }
  }
}

namespace diar::web {
namespace {

constexpr const char* kJson = "application/json; charset=utf-8";
// Only this server's own script and style; no inline script, no plugins,
// no framing. Data from documents is only ever text on the page.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
// A GET carries its parameters in the URL; a body is never needed.
constexpr std::size_t kMaxBodyBytes = 16 * 1024;
// Export output is handed to the connection in pieces of this size.
constexpr std::size_t kExportChunkBytes = 64 * 1024;

// A Searcher for each worker thread, which keeps it for the life of the
// server: no lock and no open per request. (A Searcher is single-threaded;
// each call brings it to the index's latest commit by itself.)
class SearcherPerThread {
 public:
  Result<bool> Open(const std::string& dir, const ReadOptions& read, int count) {
    dir_ = dir;
    read_ = read;
    for (int i = 0; i < count; ++i) {
      Result<Searcher> s = Searcher::Open(dir, read);
      if (!s) return s.error();
      free_.push_back(std::make_unique<Searcher>(std::move(s).value()));
    }
    return true;
  }

  // This thread's Searcher; the first call of a thread takes one opened by
  // Open (or opens one, should the pool have more threads than it said).
  Result<Searcher*> Mine() {
    thread_local struct {
      const SearcherPerThread* owner = nullptr;
      Searcher* searcher = nullptr;
    } mine;
    if (mine.owner == this) return mine.searcher;
    std::lock_guard lock(mu_);
    if (free_.empty()) {
      Result<Searcher> s = Searcher::Open(dir_, read_);
      if (!s) return s.error();
      free_.push_back(std::make_unique<Searcher>(std::move(s).value()));
    }
    taken_.push_back(std::move(free_.back()));
    free_.pop_back();
    mine = {this, taken_.back().get()};
    return mine.searcher;
  }

 private:
  std::string dir_;
  ReadOptions read_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Searcher>> free_, taken_;
};

// Notices a new commit of the index before any cached answer is given:
// one reopen check per request (a read of Xapian's version file), and on a
// change the cache is emptied under the same lock, so no request can see an
// old answer once the commit is there.
class CommitWatch {
 public:
  Result<bool> Open(const std::string& dir, const ReadOptions& read) {
    Result<ReadableIndex> index = OpenForReading(dir, read);
    if (!index) return index.error();
    db_ = std::move(index->db);
    return true;
  }

  // Empties `cache` when the index has a commit since the last call.
  Result<bool> Check(ResponseCache& cache, const std::string& dir) {
    std::lock_guard lock(mu_);
    try {
      if (db_.reopen()) cache.Invalidate();
    } catch (const Xapian::Error& e) {
      cache.Invalidate();
      return ConfigError(dir + ": cannot read the index's latest commit: " + e.get_description());
    }
    return true;
  }

 private:
  std::mutex mu_;
  Xapian::Database db_;
};

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

void SendJson(httplib::Response& res, int status, const nlohmann::ordered_json& j) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(Dump(j), kJson);
}

void SendError(httplib::Response& res, int status, const std::string& message) {
  SendJson(res, status, ErrorJson(status, message));
}

// 400 for what the user can fix, 500 for the index.
int StatusOf(const Error& e) { return e.kind == ErrorKind::kInput ? 400 : 500; }

class Server {
 public:
  Server(const ServeOptions& options) : options_(options) {}

  Result<bool> Run(const std::function<void(const std::string&)>& on_ready) {
    if (!IsLoopback(options_.host) && options_.token.empty()) {
      return ConfigError("--host " + options_.host +
                         ": serving beyond this machine needs --token T (the page sends it with every "
                         "request); or keep the default --host 127.0.0.1");
    }
    if (Result<bool> opened = searchers_.Open(options_.index_dir, options_.read, options_.threads); !opened) {
      return opened.error();
    }
    if (Result<bool> opened = commits_.Open(options_.index_dir, options_.read); !opened) return opened.error();
    const int threads = options_.threads;
    http_.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
    http_.set_payload_max_length(kMaxBodyBytes);
    // Clients such as the page keep one connection for many requests.
    http_.set_keep_alive_max_count(1000);
    // Answers are written in pieces (headers, then body); without this,
    // Nagle holds the second piece for the client's delayed ACK: 40 ms a request.
    http_.set_tcp_nodelay(true);
    http_.set_default_headers({{"Content-Security-Policy", kContentSecurityPolicy},
                               {"X-Content-Type-Options", "nosniff"},
                               {"Referrer-Policy", "no-referrer"},
                               {"X-Frame-Options", "DENY"}});
    Routes();
    const int port = options_.port == 0 ? http_.bind_to_any_port(options_.host)
                                        : (http_.bind_to_port(options_.host, options_.port) ? options_.port : -1);
    if (port < 0) {
      return ConfigError(options_.host + ":" + std::to_string(options_.port) +
                         ": cannot listen there; is another program using the port? Try --port with another number");
    }
    const bool v6 = options_.host.find(':') != std::string::npos;
    on_ready("http://" + (v6 ? "[" + options_.host + "]" : options_.host) + ":" + std::to_string(port) + "/");
    return ListenUntilSignal();
  }

 private:
  // Serves until SIGINT/SIGTERM, which a thread of our own waits for (the
  // workers inherit the blocked mask), so stopping is an ordinary call.
  Result<bool> ListenUntilSignal() {
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &set, &old);
    std::thread waiter([&] {
      int sig = 0;
      sigwait(&set, &sig);
      if (sig != SIGUSR1 && options_.logger) options_.logger->info("stopping (signal {})", sig);
      http_.stop();
    });
    const bool ok = http_.listen_after_bind();
    pthread_kill(waiter.native_handle(), SIGUSR1);
    waiter.join();
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    if (!ok) return ConfigError(options_.host + ": the server stopped listening unexpectedly");
    return true;
  }

  bool Authorised(const httplib::Request& req) const {
    if (options_.token.empty()) return true;
    std::string given = req.get_header_value("X-Diar-Token");
    if (given.empty()) given = req.get_param_value("token");
    return given.size() == options_.token.size() &&
           CRYPTO_memcmp(given.data(), options_.token.data(), given.size()) == 0;
  }

  void Routes() {
    http_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      if (req.path.rfind("/api/", 0) == 0 && !Authorised(req)) {
        SendError(res, 401, "this server needs its token: open the page with ?token=T, or send X-Diar-Token");
        return httplib::Server::HandlerResponse::Handled;
      }
      return httplib::Server::HandlerResponse::Unhandled;
    });
    http_.set_exception_handler([this](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
      std::string what = "unknown error";
      try {
        std::rethrow_exception(ep);
      } catch (const std::exception& e) {
        what = e.what();
      } catch (...) {
      }
      if (options_.logger) options_.logger->error("{}: {}", req.path, what);
      SendError(res, 500, "internal error: " + what);
    });
    if (options_.logger) {
      http_.set_logger([log = options_.logger](const httplib::Request& req, const httplib::Response& res) {
        log->debug("{} {} {}", req.method, req.path, res.status);
      });
    }
    const auto page = [](const httplib::Request&, httplib::Response& res) {
      res.set_header("Cache-Control", "no-cache");
      res.set_content(std::string(Assets().at("index.html")), "text/html; charset=utf-8");
    };
    http_.Get("/", page);
    http_.Get("/status", page);
    http_.Get(R"(/dokument/[0-9a-f]{8,64})", page);
    http_.Get(R"(/assets/(app\.js|style\.css))", [](const httplib::Request& req, httplib::Response& res) {
      const std::string name = req.matches[1];
      const bool js = name.ends_with(".js");
      res.set_header("Cache-Control", "no-cache");
      res.set_content(std::string(Assets().at(name)),
                      js ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8");
    });
    http_.Get("/api/search", [this](const httplib::Request& req, httplib::Response& res) { Search(req, res); });
    http_.Get("/api/status", [this](const httplib::Request&, httplib::Response& res) {
      Result<Searcher*> searcher = searchers_.Mine();
      if (!searcher) return SendError(res, 500, searcher.error().message);
      const Result<IndexStatus> status = (*searcher)->Status();
      if (!status) return SendError(res, StatusOf(status.error()), status.error().message);
      nlohmann::ordered_json j = StatusJson(*status);
      j["cache"] = {{"entries", cache_.entries()}, {"bytes", cache_.bytes()}, {"max_bytes", options_.cache_bytes}};
      SendJson(res, 200, j);
    });
    http_.Get("/api/openapi.json", [](const httplib::Request&, httplib::Response& res) {
      SendJson(res, 200, OpenApi());
    });
    http_.Get("/api/export", [this](const httplib::Request& req, httplib::Response& res) { Export(req, res); });
    http_.Get(R"(/api/documents/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) {
      Document(req.matches[1], res);
    });
    http_.Get(R"(/api/documents/([^/]+)/pdf)", [this](const httplib::Request& req, httplib::Response& res) {
      Pdf(req.matches[1], res);
    });
    http_.Get(".*", [](const httplib::Request& req, httplib::Response& res) {
      SendError(res, 404, "no such address; the API is described at /api/openapi.json");
    });
  }

  // Answered from the cache when the same request was answered since the
  // index's last commit; X-Diar-Cache says which (hit or miss).
  void Search(const httplib::Request& req, httplib::Response& res) {
    Result<SearchQuery> query = ParseSearchQuery(req.params);
    if (!query) return SendError(res, 400, query.error().message);
    if (Result<bool> checked = commits_.Check(cache_, options_.index_dir); !checked) {
      return SendError(res, 500, checked.error().message);
    }
    const std::uint64_t generation = cache_.generation();
    const std::string key = CacheKey(*query);
    std::shared_ptr<const std::string> answer = cache_.Find(key);
    res.set_header("X-Diar-Cache", answer ? "hit" : "miss");
    if (!answer) {
      Result<Searcher*> searcher = searchers_.Mine();
      if (!searcher) return SendError(res, 500, searcher.error().message);
      Result<SearchResult> result = (*searcher)->Search(query->search);
      if (!result) return SendError(res, StatusOf(result.error()), result.error().message);
      std::string body = Dump(SearchJson(*result, query->facet_values));
      body.shrink_to_fit();  // kept for long: without the doubling's spare capacity
      answer = std::make_shared<const std::string>(std::move(body));
      cache_.Insert(key, answer, generation);
    }
    res.status = 200;
    res.set_header("Cache-Control", "no-store");
    res.set_content(*answer, kJson);
  }

  // The stored document, or the answer already sent.
  std::optional<StoredDocument> Find(const std::string& id, httplib::Response& res) {
    if (!IsDocumentId(id)) {
      SendError(res, 404, id + ": no such document; ids are 8 to 64 hex digits (see /api/search)");
      return std::nullopt;
    }
    Result<Searcher*> searcher = searchers_.Mine();
    if (!searcher) {
      SendError(res, 500, searcher.error().message);
      return std::nullopt;
    }
    Result<StoredDocument> doc = (*searcher)->Get(id);
    if (!doc) {
      SendError(res, doc.error().kind == ErrorKind::kInput ? 404 : 500, doc.error().message);
      return std::nullopt;
    }
    return std::move(doc).value();
  }

  void Document(const std::string& id, httplib::Response& res) {
    if (std::optional<StoredDocument> doc = Find(id, res)) SendJson(res, 200, DocumentJson(*doc));
  }

  // The first of the document's paths whose bytes still hash to its id.
  void Pdf(const std::string& id, httplib::Response& res) {
    std::optional<StoredDocument> doc = Find(id, res);
    if (!doc) return;
    if (doc->format != "pdf") return SendError(res, 404, id + ": the document is not a PDF");
    for (const std::string& path : doc->paths) {
      std::ifstream in(path, std::ios::binary);
      if (!in) continue;
      std::ostringstream bytes;
      bytes << in.rdbuf();
      std::string content = std::move(bytes).str();
      if (Sha256Hex(content) != doc->id) continue;
      res.set_header("Content-Disposition", "inline");
      res.set_header("Cache-Control", "no-store");
      res.set_content(std::move(content), "application/pdf");
      return;
    }
    SendError(res, 404, id + ": the indexed file is gone or has changed since it was ingested; ingest it again");
  }

  void Export(const httplib::Request& req, httplib::Response& res) {
    Result<ExportQuery> query = ParseExportQuery(req.params);
    if (!query) return SendError(res, 400, query.error().message);
    Result<Searcher*> mine = searchers_.Mine();
    if (!mine) return SendError(res, 500, mine.error().message);
    Searcher* searcher = *mine;
    // A bad query answers 400 before anything is streamed.
    SearchRequest probe = query->request.search;
    probe.limit = 0;
    if (Result<SearchResult> r = searcher->Search(probe); !r) {
      return SendError(res, StatusOf(r.error()), r.error().message);
    }
    res.set_header("Content-Disposition", "attachment; filename=\"" + query->file_name + "\"");
    res.set_header("Cache-Control", "no-store");
    if (query->sqlite) return ExportSqliteFile(*searcher, query->request, res);
    const bool jsonl = query->request.format == ExportFormat::kJsonl;
    auto log = options_.logger;
    res.set_chunked_content_provider(
        jsonl ? "application/x-ndjson; charset=utf-8" : "text/csv; charset=utf-8",
        // httplib calls this on the handler's thread, whose Searcher it uses.
        [searcher, request = query->request, log](std::size_t, httplib::DataSink& sink) {
          std::string buffer;
          auto flush = [&] {
            const bool ok = buffer.empty() || sink.write(buffer.data(), buffer.size());
            buffer.clear();
            return ok;
          };
          Result<ExportSummary> done = ExportText(*searcher, request, [&](std::string_view chunk) {
            buffer.append(chunk);
            return buffer.size() < kExportChunkBytes || flush();
          });
          if (!done || !flush()) {
            if (log) log->warn("export: {}", done ? "the client went away" : done.error().message);
            return false;  // cuts the connection: a truncated download must not look complete
          }
          sink.done();
          return true;
        });
  }

  // SQLite needs a file: written whole to a temporary one, then streamed
  // and removed.
  void ExportSqliteFile(const Searcher& searcher, const ExportRequest& request, httplib::Response& res) {
    std::error_code ec;
    std::string pattern = (std::filesystem::temp_directory_path(ec) / "diar-export-XXXXXX").string();
    const int fd = mkstemp(pattern.data());
    if (fd < 0) return SendError(res, 500, "cannot create a temporary file for the SQLite export");
    close(fd);
    const std::string path = pattern;
    Result<ExportSummary> done = ExportSqlite(searcher, request, path);
    const auto size = std::filesystem::file_size(path, ec);
    if (!done || ec) {
      std::filesystem::remove(path, ec);
      return SendError(res, 500, done ? "cannot read the SQLite export back" : done.error().message);
    }
    auto file = std::make_shared<std::ifstream>(path, std::ios::binary);
    res.set_content_provider(
        size, "application/vnd.sqlite3",
        [file](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
          std::vector<char> buffer(std::min<std::size_t>(length, kExportChunkBytes));
          file->seekg(static_cast<std::streamoff>(offset));
          file->read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
          return file->gcount() > 0 && sink.write(buffer.data(), static_cast<std::size_t>(file->gcount()));
        },
        [path](bool) {
          std::error_code ignored;
          std::filesystem::remove(path, ignored);
        });
  }

  ServeOptions options_;
  SearcherPerThread searchers_;
  CommitWatch commits_;
  ResponseCache cache_{options_.cache_bytes};
  httplib::Server http_;
};

}  // namespace

Result<bool> Serve(const ServeOptions& options, const std::function<void(const std::string& url)>& on_ready) {
  Server server(options);
  return server.Run(on_ready);
}

}  // namespace diar::web
