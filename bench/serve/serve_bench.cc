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
//                          included); with `--cache-mb 0`, the default 64 MiB
//                          and 8 MiB
// Each server is first warmed up by a pass of the same mix (another draw of
// it, --warmup requests): the Searchers' own caches fill and so does the
// answer cache, as on a server that has run for a while. The figures are
// those of the measured requests after it.
// `cached`: the share of answers the server took from its cache (its
// X-Diar-Cache header). `cpu ms/req`: CPU time per request (the server
// process's, or the in-process thread's), which a busy machine disturbs
// less than the latencies.
// Memory: the server's resident set size before the measured requests,
// after every 1,000 of them, and the growth; with the cache on, how much of
// it the cached answers hold (bounded by --cache-mb).
#include <httplib.h>
#include <time.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "index/searcher.h"
#include "tests/web/serve_process.h"
#include "web/api.h"

namespace {

using Clock = std::chrono::steady_clock;

// The request mix. A search server sees a few requests very often (the
// page's first view, the popular words) and a long tail seen once or never
// again; the bench draws from kDistinct different requests with Zipf's law
// (s = 1), request rank r with weight 1/r, the first view being rank 1. The
// requests are what the page sends: words, a phrase, OR, a word with facet
// filters clicked, filters alone, a date range, sort by date, later pages.
// kDistinct is large enough that the distinct answers of a run do not all
// fit in the default 64 MiB cache (~30 KiB each): a real server's tail
// never ends, and a cache that holds everything would measure nothing.
constexpr int kDistinct = 20000;

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
    const std::string a = pick(Words()), b = pick(Words()), c = pick(Words());
    diar::web::Params p;
    switch (rng() % 14) {
      case 0: case 1: p = {{"q", a}}; break;
      case 2: case 3: p = {{"q", a + " " + b}}; break;
      case 4: p = {{"q", a + " " + b + " " + c}}; break;
      case 5: p = {{"q", "\"" + a + " " + b + "\""}}; break;
      case 6: p = {{"q", a + " OR " + b}}; break;
      case 7: p = {{"q", a}, {"type", pick(types)}}; break;
      case 8: p = {{"q", a + " " + b}, {"type", pick(types)}}; break;
      case 9: p = {{"q", a}, {"county", pick(counties)}, {"year", year()}}; break;
      case 10: p = {{"topic", pick(topics)}, {"county", pick(counties)}}; break;
      case 11: p = {{"q", a}, {"topic", pick(topics)}}; break;
      case 12: p = {{"q", a}, {"from", year() + "-01-01"}, {"sort", "date"}}; break;
      case 13: p = {{"q", a}, {"offset", std::to_string(20 * (1 + rng() % 3))}}; break;
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

// CPU seconds (user + system) the process has used so far.
double CpuSeconds(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // Fields after the command name, which is in parentheses and may hold spaces.
  std::istringstream rest(stat.substr(stat.rfind(')') + 2));
  std::string field;
  unsigned long long utime = 0, stime = 0;
  for (int i = 3; i <= 15 && rest >> field; ++i) {
    if (i == 14) utime = std::stoull(field);
    if (i == 15) stime = std::stoull(field);
  }
  return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double ThreadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

struct LoadRun {
  std::vector<double> ms;
  int hits = 0;  // answered from the server's cache (X-Diar-Cache: hit)
  double seconds = 0;
  double server_cpu_s = 0;
};

std::atomic<int> failures{0};

// `urls` in order over `clients` threads (each takes the next); calls
// `every_1000` after each thousandth completed request.
LoadRun Load(diar::testing::ServeProcess& server, int clients, const std::vector<std::string>& urls,
             const std::function<void(int done)>& every_1000 = [](int) {}) {
  LoadRun run;
  run.ms.resize(urls.size());
  const int total = static_cast<int>(urls.size());
  std::atomic<int> next{0}, done{0}, hits{0};
  std::mutex report;
  std::vector<std::thread> threads;
  const double cpu0 = CpuSeconds(server.pid());
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
        } else if (res->get_header_value("X-Diar-Cache") == "hit") {
          ++hits;
        }
        if (const int d = ++done; d % 1000 == 0) {
          std::lock_guard lock(report);
          every_1000(d);
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  run.seconds = Ms(start) / 1000;
  run.server_cpu_s = CpuSeconds(server.pid()) - cpu0;
  run.hits = hits;
  if (const std::string gone = server.Gone(); !gone.empty()) {
    std::fprintf(stderr, "the server is gone: %s\n", gone.c_str());
  }
  return run;
}

double CacheMib(const diar::testing::ServeProcess& server) {
  httplib::Client client(server.host(), server.port());
  httplib::Result res = client.Get("/api/status");
  if (!res || res->status != 200) return -1;
  return nlohmann::json::parse(res->body)["cache"]["bytes"].get<double>() / (1024 * 1024);
}

// One server: warmed up by a first pass of the mix (another draw), then
// measured over the run's requests.
struct ServerRow {
  std::string budget;  // --cache-mb
  LoadRun run;
  long rss_start = 0;
  std::vector<long> rss;          // every 1,000 requests; the last is the end
  std::vector<double> cache_mib;  // the same moments
};

std::string Name(const ServerRow& row) { return row.budget == "0" ? "no cache" : "cache " + row.budget + " MiB"; }

}  // namespace

int main(int argc, char** argv) {
  std::string index;
  int requests = 10000, clients = 8, warmup = -1;
  std::string budgets = "0,64,8";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--index") index = argv[i + 1];
    else if (flag == "--requests") requests = std::stoi(argv[i + 1]);
    else if (flag == "--clients") clients = std::stoi(argv[i + 1]);
    else if (flag == "--warmup") warmup = std::stoi(argv[i + 1]);
    else if (flag == "--cache-mb") budgets = argv[i + 1];
  }
  if (index.empty()) {
    std::fprintf(stderr, "usage: serve_bench --index DIR [--requests N] [--clients N] [--warmup N] "
                 "[--cache-mb 0,64,8]\n");
    return 2;
  }
  if (warmup < 0) warmup = requests;
  const std::string load_before = LoadAverage();

  const std::vector<diar::web::Params> distinct = DistinctRequests();
  const std::vector<int> sequence = ZipfSequence(requests, kDistinct, 1);
  const std::vector<int> warm_sequence = ZipfSequence(warmup, kDistinct, 2);
  std::vector<std::string> urls, warm;
  for (int i : sequence) urls.push_back(Url(distinct[i]));
  for (int i : warm_sequence) warm.push_back(Url(distinct[i]));
  const std::size_t distinct_used = std::set<int>(sequence.begin(), sequence.end()).size();
  std::set<int> both(warm_sequence.begin(), warm_sequence.end());
  const std::size_t distinct_warm = both.size();
  both.insert(sequence.begin(), sequence.end());

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
  for (int i = 0; i < std::min(warmup, 2000); ++i) (void)searcher->Search(parsed(warm_sequence[i]));
  std::vector<double> in_process;
  const double cpu0 = ThreadCpuMs();
  auto t0 = Clock::now();
  for (int i = 0; i < in_process_runs; ++i) {
    const diar::SearchRequest request = parsed(sequence[i]);
    const auto t = Clock::now();
    if (!searcher->Search(request)) return 1;
    in_process.push_back(Ms(t));
  }
  const double in_process_s = Ms(t0) / 1000;
  const double in_process_cpu_ms = (ThreadCpuMs() - cpu0) / in_process_runs;

  const std::string binary = std::string(DIAR_BINARY_DIR) + "/cli/diar";
  const std::vector<std::string> first(urls.begin(), urls.begin() + in_process_runs);

  // One thread more than clients: the clients keep their connections (and
  // so a thread each) open, and the bench's own status requests need one.
  const std::string threads = std::to_string(clients + 1);
  LoadRun one;  // on the server without cache, before its measured requests
  std::string row_budget;
  std::vector<ServerRow> rows;
  for (std::istringstream list(budgets); std::getline(list, row_budget, ',');) rows.push_back({row_budget});
  for (ServerRow& row : rows) {
    diar::testing::ServeProcess server(binary, index, {"--threads", threads, "--cache-mb", row.budget});
    Load(server, clients, warm);
    if (row.budget == "0") one = Load(server, 1, first);
    row.rss_start = RssKib(server.pid());
    row.run = Load(server, clients, urls, [&](int) {
      row.rss.push_back(RssKib(server.pid()));
      if (row.budget != "0") row.cache_mib.push_back(CacheMib(server));
    });
  }
  const std::string load_after = LoadAverage();

  std::printf("%d requests drawn from %d distinct ones by Zipf's law (s = 1; %zu distinct drawn; %zu in the "
              "warm-up pass of %d, %zu in both): words, two and three words, phrases, OR, facet filters, "
              "filters alone, dates, sort, later pages, the first view; all facets, 20 hits with snippets\n",
              requests, kDistinct, distinct_used, distinct_warm, warmup, both.size());
  std::printf("load average (1, 5, 15 min): %s before, %s after\n\n", load_before.c_str(), load_after.c_str());
  std::printf("%-34s %8s %8s %8s %8s %8s %8s %10s\n", "", "p50 ms", "p99 ms", "mean ms", "samples", "req/s",
              "cached", "cpu ms/req");
  auto row = [](const std::string& name, const std::vector<double>& ms, double seconds, const std::string& hits,
                double cpu_ms) {
    const Stats s = Summarise(ms);
    std::printf("%-34s %8.2f %8.2f %8.2f %8zu %8.0f %8s %10.2f\n", name.c_str(), s.p50, s.p99, s.mean, s.samples,
                seconds > 0 ? s.samples / seconds : 0.0, hits.c_str(), cpu_ms);
    return s;
  };
  auto share = [](const LoadRun& r) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", r.ms.empty() ? 0.0 : 100.0 * r.hits / r.ms.size());
    return std::string(text);
  };
  auto cpu = [](const LoadRun& r) { return r.ms.empty() ? 0.0 : 1000 * r.server_cpu_s / r.ms.size(); };
  const std::string n = std::to_string(clients);
  const Stats a = row("in-process Searcher", in_process, in_process_s, "-", in_process_cpu_ms);
  const Stats b = one.ms.empty() ? Stats{} : row("serve, 1 client, no cache", one.ms, one.seconds, share(one), cpu(one));
  std::vector<Stats> measured;
  for (const ServerRow& r : rows) {
    measured.push_back(row("serve, " + n + " clients, " + Name(r), r.run.ms, r.run.seconds, share(r.run), cpu(r.run)));
  }
  std::printf("\nratio to in-process p99: 1 client %.2fx", b.p99 / a.p99);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::printf("; %d clients %s %.2fx", clients, Name(rows[i]).c_str(), measured[i].p99 / a.p99);
  }
  std::printf("\ntarget p99 <= 50 ms with %d clients:", clients);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::printf(" %s %s%s", Name(rows[i]).c_str(), measured[i].p99 <= 50 ? "met" : "NOT met",
                i + 1 < rows.size() ? ";" : "\n");
  }
  std::printf("failed requests: %d\n", failures.load());
  std::printf("\nserver RSS (MiB) over the measured %d requests, after a warm-up pass of %d:\n", requests, warmup);
  for (const ServerRow& r : rows) {
    const long end = r.rss.empty() ? r.rss_start : r.rss.back();
    const long peak = r.rss.empty() ? r.rss_start : std::max(r.rss_start, *std::max_element(r.rss.begin(), r.rss.end()));
    std::printf("  %-14s start %.1f; every 1,000:", Name(r).c_str(),
                r.rss_start / 1024.0);
    for (long v : r.rss) std::printf(" %.1f", v / 1024.0);
    std::printf("; end %.1f; growth %+.1f (peak %+.1f)\n", end / 1024.0, (end - r.rss_start) / 1024.0,
                (peak - r.rss_start) / 1024.0);
    if (!r.cache_mib.empty()) {
      std::printf("  %-14s cached answers (MiB) every 1,000:", "");
      for (double m : r.cache_mib) std::printf(" %.1f", m);
      std::printf("\n");
    }
  }
  return failures == 0 ? 0 : 1;
}
