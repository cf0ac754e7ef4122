// serve_bench: `diar serve` under load — 8 concurrent clients sending mixed
// searches with facets over HTTP — against the same requests made in
// process through one Searcher (what `diar search --facets` does, minus
// process start), on the same index in the same run.
//
// Rows:
//   in-process      Searcher::Search on one thread, the requests in turn
//   serve, 1 client one HTTP client: the server's cost over in-process
//                   (HTTP, JSON) without queueing
//   serve, N clients N clients at once, each request timed from send to
//                   the whole JSON answer read (queueing on 2 cores included)
// Memory: the server's resident set size every 1,000 requests; flat means
// the last reading within a few MiB of the first after warm-up.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "index/searcher.h"
#include "tests/web/serve_process.h"
#include "web/api.h"

namespace {

using Clock = std::chrono::steady_clock;

// The request mix: what the page sends — plain words, phrases, boolean
// queries, facet filters clicked in the panel, date ranges, sort by date,
// the second page — always with every facet counted.
const std::vector<diar::web::Params>& Requests() {
  static const std::vector<diar::web::Params> kRequests = {
      {{"q", "kultur"}},
      {{"q", "samverkan"}},
      {{"q", "folkhälsa"}},
      {{"q", "regional utveckling"}},
      {{"q", "näringsliv företag"}},
      {{"q", "\"regional utveckling\""}},
      {{"q", "\"hälso- och sjukvård\""}},
      {{"q", "kultur OR idrott"}},
      {{"q", "utveckling NOT kultur"}},
      {{"q", "kultur"}, {"type", "protokoll"}},
      {{"q", "samverkan"}, {"year", "2021"}},
      {{"q", "utveckling"}, {"body", "Regionstyrelsen"}},
      {{"topic", "kultur"}, {"county", "Västmanlands län"}},
      {{"q", "plan"}, {"from", "2020-01-01"}, {"to", "2021-12-31"}},
      {{"type", "riktlinjer"}},
      {{"q", "budget"}, {"sort", "date"}},
      {{"q", "digitalisering"}, {"offset", "20"}},
      {},  // the page's first view: everything, all facets
  };
  return kRequests;
}

std::string Url(const diar::web::Params& params) {
  httplib::Params p(params.begin(), params.end());
  p.emplace("facets", "1");
  p.emplace("limit", "20");
  return "/api/search?" + httplib::detail::params_to_query_str(p);
}

struct Stats {
  double p50 = 0, p99 = 0, mean = 0;
  std::size_t samples = 0;
};

Stats Summarise(std::vector<double> ms) {
  Stats s;
  s.samples = ms.size();
  if (ms.empty()) return s;
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * (ms.size() - 1) + 0.5))]; };
  s.p50 = at(0.50);
  s.p99 = at(0.99);
  for (double v : ms) s.mean += v;
  s.mean /= ms.size();
  return s;
}

double Ms(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

long RssKib(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

// `total` requests over `clients` threads, request i = Requests()[i % n];
// calls `every_1000` after each thousandth completed request.
std::vector<double> Load(const diar::testing::ServeProcess& server, int clients, int total,
                         const std::function<void(int done)>& every_1000, std::atomic<int>& failures) {
  std::vector<double> ms(total);
  std::atomic<int> next{0}, done{0};
  std::mutex report;
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&] {
      httplib::Client client(server.host(), server.port());
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);
      for (int i; (i = next++) < total;) {
        const std::string url = Url(Requests()[i % Requests().size()]);
        const auto t0 = Clock::now();
        httplib::Result res = client.Get(url.c_str());
        ms[i] = Ms(t0);
        if (!res || res->status != 200) ++failures;
        if (const int d = ++done; d % 1000 == 0) {
          std::lock_guard lock(report);
          every_1000(d);
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  return ms;
}

void Row(const char* name, const Stats& s, double seconds) {
  std::printf("%-28s %8.2f %8.2f %8.2f %8zu %10.0f\n", name, s.p50, s.p99, s.mean, s.samples,
              seconds > 0 ? s.samples / seconds : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
  std::string index;
  int requests = 10000, clients = 8;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--index") index = argv[i + 1];
    else if (flag == "--requests") requests = std::stoi(argv[i + 1]);
    else if (flag == "--clients") clients = std::stoi(argv[i + 1]);
  }
  if (index.empty()) {
    std::fprintf(stderr, "usage: serve_bench --index DIR [--requests N] [--clients N]\n");
    return 2;
  }

  // In process: the same requests, parsed the way the server parses them.
  diar::Result<diar::Searcher> searcher = diar::Searcher::Open(index);
  if (!searcher) {
    std::fprintf(stderr, "%s\n", searcher.error().message.c_str());
    return 2;
  }
  std::vector<diar::SearchRequest> parsed;
  for (const auto& params : Requests()) {
    diar::web::Params p = params;
    p.emplace("facets", "1");
    p.emplace("limit", "20");
    parsed.push_back(diar::web::ParseSearchQuery(p)->search);
  }
  const int in_process_runs = std::min(requests, 2000);
  for (const auto& r : parsed) (void)searcher->Search(r);  // warm-up, as the server's first requests are
  std::vector<double> in_process;
  auto t0 = Clock::now();
  for (int i = 0; i < in_process_runs; ++i) {
    const auto t = Clock::now();
    if (!searcher->Search(parsed[i % parsed.size()])) return 1;
    in_process.push_back(Ms(t));
  }
  const double in_process_s = Ms(t0) / 1000;

  const std::string binary = std::string(DIAR_BINARY_DIR) + "/cli/diar";
  diar::testing::ServeProcess server(binary, index, {"--threads", std::to_string(clients)});
  std::atomic<int> failures{0};
  // Warm-up: every request once per worker's Searcher, untimed.
  Load(server, clients, static_cast<int>(Requests().size()) * clients, [](int) {}, failures);
  const long rss_start = RssKib(server.pid());

  t0 = Clock::now();
  std::vector<double> one = Load(server, 1, in_process_runs, [](int) {}, failures);
  const double one_s = Ms(t0) / 1000;

  std::vector<long> rss;
  t0 = Clock::now();
  std::vector<double> many = Load(server, clients, requests, [&](int) { rss.push_back(RssKib(server.pid())); }, failures);
  const double many_s = Ms(t0) / 1000;

  std::printf("%zu request shapes (words, phrases, boolean, facet filters, dates, sort, page 2), all facets, "
              "20 hits with snippets\n\n", Requests().size());
  std::printf("%-28s %8s %8s %8s %8s %10s\n", "", "p50 ms", "p99 ms", "mean ms", "samples", "req/s");
  const Stats a = Summarise(in_process), b = Summarise(one), c = Summarise(many);
  Row("in-process Searcher", a, in_process_s);
  Row("serve, 1 client", b, one_s);
  const std::string name = "serve, " + std::to_string(clients) + " clients";
  Row(name.c_str(), c, many_s);
  std::printf("\nratios to in-process: 1 client p50 %.2fx p99 %.2fx; %d clients p50 %.2fx p99 %.2fx\n",
              b.p50 / a.p50, b.p99 / a.p99, clients, c.p50 / a.p50, c.p99 / a.p99);
  std::printf("target: p99 <= 50 ms with %d clients: %s\n", clients, c.p99 <= 50 ? "met" : "NOT met");
  std::printf("failed requests: %d\n", failures.load());
  std::printf("\nserver RSS (MiB) after warm-up %.1f; every 1,000 requests:", rss_start / 1024.0);
  for (long r : rss) std::printf(" %.1f", r / 1024.0);
  std::printf("\n");
  return failures == 0 ? 0 : 1;
}
