// serve_bench: `diar serve` under load — 8 concurrent clients sending mixed
// searches with facets over HTTP — against the same requests made in
// process through one Searcher (what `diar search --facets` does, minus
// process start), on the same index in the same run.
//
// Rows:
//   in-process             Searcher::Search on one thread, the requests in turn
//   serve, 1 client        one HTTP client, cache off: the server's cost over
//                          in-process (HTTP, JSON) without queueing
//   serve, N clients       N clients at once, each request timed from send to
//   (no cache / cache)     the whole JSON answer read (queueing on 2 cores
//                          included); once with `--cache-mb 0`, once with the
//                          default answer cache, starting empty
// The `cached` column is the share of answers the server took from its
// cache (its X-Diar-Cache header).
// Memory: the server's resident set size every 1,000 requests, and with the
// cache on, how much of it the cached answers hold (bounded by --cache-mb).
#include <httplib.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <mutex>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "index/searcher.h"
#include "tests/web/serve_process.h"
#include "web/api.h"

namespace {

using Clock = std::chrono::steady_clock;

// The request mix. A search server sees a few requests very often (the
// page's first view, the popular words) and a long tail seen once; the
// bench draws from kDistinct different requests with Zipf's law (s = 1),
// request rank r with weight 1/r, the first view being rank 1. The requests
// are what the page sends: one or two words, a phrase, OR, a word with a
// facet filter clicked, filters alone, a date range, sort by date, page 2.
constexpr int kDistinct = 2000;

const std::vector<std::string>& Words() {
  static const std::vector<std::string> kWords = {
      "kultur", "samverkan", "folkhälsa", "digitalisering", "näringsliv", "utveckling", "budget",
      "kompetensförsörjning", "tillgänglighet", "bibliotek", "idrott", "utbildning", "välfärd",
      "tillväxt", "infrastruktur", "kollektivtrafik", "klimat", "miljö", "barn", "ungdomar",
      "samarbete", "uppdrag", "resultat", "indikatorer", "aktörer", "kunskap", "lärande",
      "teknik", "historia", "erfarenheter", "möjligheter", "förutsättningar", "samhället",
      "kommunerna", "regionfullmäktige", "företag", "personer", "studie", "validering", "nätverket"};
  return kWords;
}

std::vector<diar::web::Params> DistinctRequests() {
  const std::vector<std::string> types = {"protokoll", "beslut", "plan", "strategi", "rapport", "yttrande",
                                          "riktlinjer", "avtal", "program", "tjänsteskrivelse"};
  const std::vector<std::string> counties = {"Västra Götalands län", "Skåne län", "Stockholms län",
                                             "Västmanlands län", "Örebro län", "Dalarnas län"};
  const std::vector<std::string> topics = {"näringsliv", "folkhälsa", "regional utveckling", "digitalisering",
                                           "idrott", "kompetensförsörjning", "infrastruktur"};
  std::mt19937_64 rng(13);
  auto pick = [&](const std::vector<std::string>& from) { return from[rng() % from.size()]; };
  auto year = [&] { return std::to_string(2015 + static_cast<int>(rng() % 10)); };
  std::vector<diar::web::Params> out = {{}};  // the first view: everything, all facets
  std::set<std::string> seen = {""};
  while (out.size() < static_cast<std::size_t>(kDistinct)) {
    const std::string a = pick(Words()), b = pick(Words());
    diar::web::Params p;
    switch (rng() % 12) {
      case 0: case 1: case 2: p = {{"q", a}}; break;
      case 3: case 4: p = {{"q", a + " " + b}}; break;
      case 5: p = {{"q", "\"" + a + " " + b + "\""}}; break;
      case 6: p = {{"q", a + " OR " + b}}; break;
      case 7: p = {{"q", a}, {"type", pick(types)}}; break;
      case 8: p = {{"q", a}, {"county", pick(counties)}, {"year", year()}}; break;
      case 9: p = {{"topic", pick(topics)}, {"county", pick(counties)}}; break;
      case 10: p = {{"q", a}, {"from", year() + "-01-01"}, {"sort", "date"}}; break;
      case 11: p = {{"q", a}, {"offset", "20"}}; break;
    }
    std::string key;
    for (const auto& [k, v] : p) key += k + "=" + v + "&";
    if (seen.insert(key).second) out.push_back(std::move(p));
  }
  return out;
}

// `total` indices into the distinct requests, drawn with weight 1/(i+1).
std::vector<int> ZipfSequence(int total, int distinct, std::uint64_t seed) {
  std::vector<double> weights(distinct);
  for (int i = 0; i < distinct; ++i) weights[i] = 1.0 / (i + 1);
  std::discrete_distribution<int> draw(weights.begin(), weights.end());
  std::mt19937_64 rng(seed);
  std::vector<int> out(total);
  for (int& i : out) i = draw(rng);
  return out;
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

struct LoadRun {
  std::vector<double> ms;
  int hits = 0;  // answered from the server's cache (X-Diar-Cache: hit)
  double seconds = 0;
};

// `urls` in order over `clients` threads (each takes the next); calls
// `every_1000` after each thousandth completed request.
LoadRun Load(const diar::testing::ServeProcess& server, int clients, const std::vector<std::string>& urls,
             const std::function<void(int done)>& every_1000, std::atomic<int>& failures) {
  LoadRun run;
  run.ms.resize(urls.size());
  const int total = static_cast<int>(urls.size());
  std::atomic<int> next{0}, done{0}, hits{0};
  std::mutex report;
  std::vector<std::thread> threads;
  const auto start = Clock::now();
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&] {
      httplib::Client client(server.host(), server.port());
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);
      for (int i; (i = next++) < total;) {
        const auto t0 = Clock::now();
        httplib::Result res = client.Get(urls[i].c_str());
        run.ms[i] = Ms(t0);
        if (!res || res->status != 200) {
          if (++failures <= 3) {
            std::lock_guard lock(report);
            std::fprintf(stderr, "failed: %s -> %s\n", urls[i].c_str(),
                         res ? std::to_string(res->status).c_str() : httplib::to_string(res.error()).c_str());
          }
        }
        else if (res->get_header_value("X-Diar-Cache") == "hit") ++hits;
        if (const int d = ++done; d % 1000 == 0) {
          std::lock_guard lock(report);
          every_1000(d);
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  run.seconds = Ms(start) / 1000;
  run.hits = hits;
  return run;
}


}  // namespace

double CacheMib(const diar::testing::ServeProcess& server) {
  httplib::Client client(server.host(), server.port());
  httplib::Result res = client.Get("/api/status");
  if (!res || res->status != 200) return -1;
  return nlohmann::json::parse(res->body)["cache"]["bytes"].get<double>() / (1024 * 1024);
}

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

  const std::vector<diar::web::Params> distinct = DistinctRequests();
  const std::vector<int> sequence = ZipfSequence(requests, kDistinct, 1);
  std::vector<std::string> urls;
  for (int i : sequence) urls.push_back(Url(distinct[i]));
  const std::size_t distinct_used = std::set<int>(sequence.begin(), sequence.end()).size();
  // Warm-up: the Searchers' own caches (facet terms of the documents) fill
  // with the first requests; these are the popular ones with 19 hits, so
  // their answers are not the measured requests' cached answers.
  std::vector<std::string> warm;
  for (int round = 0; round < clients; ++round) {
    for (int i = 0; i < 40; ++i) {
      diar::web::Params p = distinct[i];
      p.emplace("limit", "19");
      warm.push_back(Url(p));
    }
  }

  // In process: the same requests, parsed the way the server parses them.
  diar::Result<diar::Searcher> searcher = diar::Searcher::Open(index);
  if (!searcher) {
    std::fprintf(stderr, "%s\n", searcher.error().message.c_str());
    return 2;
  }
  auto parsed = [&](int i) {
    diar::web::Params p = distinct[i];
    p.emplace("facets", "1");
    p.emplace("limit", "20");
    return diar::web::ParseSearchQuery(p)->search;
  };
  const int in_process_runs = std::min(requests, 2000);
  for (int i = 0; i < 40; ++i) (void)searcher->Search(parsed(i));  // warm-up, as above
  std::vector<double> in_process;
  auto t0 = Clock::now();
  for (int i = 0; i < in_process_runs; ++i) {
    const diar::SearchRequest request = parsed(sequence[i]);
    const auto t = Clock::now();
    if (!searcher->Search(request)) return 1;
    in_process.push_back(Ms(t));
  }
  const double in_process_s = Ms(t0) / 1000;

  const std::string binary = std::string(DIAR_BINARY_DIR) + "/cli/diar";
  std::atomic<int> failures{0};
  const std::vector<std::string> first(urls.begin(), urls.begin() + in_process_runs);

  // One thread more than clients: the clients keep their connections (and
  // so a thread each) open, and the bench's own status requests need one.
  const std::string threads = std::to_string(clients + 1);
  LoadRun one, uncached;
  std::vector<long> rss_uncached;
  long rss_uncached_start = 0;
  {
    diar::testing::ServeProcess server(binary, index, {"--threads", threads, "--cache-mb", "0"});
    Load(server, clients, warm, [](int) {}, failures);
    rss_uncached_start = RssKib(server.pid());
    one = Load(server, 1, first, [](int) {}, failures);
    uncached = Load(server, clients, urls, [&](int) { rss_uncached.push_back(RssKib(server.pid())); }, failures);
  }
  // With the default budget, and with one small enough to fill early.
  struct CachedRun {
    std::string budget;
    LoadRun run;
    long rss_start = 0;
    std::vector<long> rss;
    std::vector<double> cache_mib;
  };
  std::vector<CachedRun> cached_runs = {{"64"}, {"8"}};
  for (CachedRun& c : cached_runs) {
    diar::testing::ServeProcess server(binary, index, {"--threads", threads, "--cache-mb", c.budget});
    Load(server, clients, warm, [](int) {}, failures);
    c.rss_start = RssKib(server.pid());
    c.run = Load(server, clients, urls, [&](int) {
      c.rss.push_back(RssKib(server.pid()));
      c.cache_mib.push_back(CacheMib(server));
    }, failures);
  }

  std::printf("%d requests drawn from %d distinct ones by Zipf's law (s = 1; %zu distinct drawn): words, two "
              "words, phrases, OR, facet filters, filters alone, dates, sort, page 2, the first view; all "
              "facets, 20 hits with snippets\n\n", requests, kDistinct, distinct_used);
  std::printf("%-30s %8s %8s %8s %8s %10s %8s\n", "", "p50 ms", "p99 ms", "mean ms", "samples", "req/s", "cached");
  const Stats a = Summarise(in_process), b = Summarise(one.ms), c = Summarise(uncached.ms);
  auto row = [](const std::string& name, const Stats& s, double seconds, const std::string& hits) {
    std::printf("%-34s %8.2f %8.2f %8.2f %8zu %10.0f %8s\n", name.c_str(), s.p50, s.p99, s.mean, s.samples,
                seconds > 0 ? s.samples / seconds : 0.0, hits.c_str());
  };
  auto share = [](const LoadRun& r) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", r.ms.empty() ? 0.0 : 100.0 * r.hits / r.ms.size());
    return std::string(text);
  };
  const std::string n = std::to_string(clients);
  row("in-process Searcher", a, in_process_s, "-");
  row("serve, 1 client, no cache", b, one.seconds, share(one));
  row("serve, " + n + " clients, no cache", c, uncached.seconds, share(uncached));
  for (const CachedRun& r : cached_runs) {
    row("serve, " + n + " clients, cache " + r.budget + " MiB", Summarise(r.run.ms), r.run.seconds, share(r.run));
  }
  const Stats d = Summarise(cached_runs[0].run.ms);
  std::printf("\nratios to in-process p99: 1 client %.2fx; %d clients no cache %.2fx; %d clients cache %.2fx\n",
              b.p99 / a.p99, clients, c.p99 / a.p99, clients, d.p99 / a.p99);
  std::printf("target p99 <= 50 ms with %d clients: cache %s; no cache %s\n", clients, d.p99 <= 50 ? "met" : "NOT met",
              c.p99 <= 50 ? "met" : "NOT met");
  std::printf("failed requests: %d\n", failures.load());
  std::printf("\nserver RSS (MiB), no cache: after warm-up %.1f; every 1,000 requests:", rss_uncached_start / 1024.0);
  for (long r : rss_uncached) std::printf(" %.1f", r / 1024.0);
  for (const CachedRun& r : cached_runs) {
    std::printf("\nserver RSS (MiB), cache %s MiB: after warm-up %.1f; every 1,000 requests:", r.budget.c_str(),
                r.rss_start / 1024.0);
    for (long v : r.rss) std::printf(" %.1f", v / 1024.0);
    std::printf("\n  of which cached answers (MiB):");
    for (double m : r.cache_mib) std::printf(" %.1f", m);
  }
  std::printf("\n");
  return failures == 0 ? 0 : 1;
}
