// The JSON API of `diar serve`, through HTTP against a real server on a free
// port over a real index (a corpus PDF and Swedish text documents).
#include <gtest/gtest.h>
#include <httplib.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>
#include <nlohmann/json.hpp>

#include "tests/foundation/cli_runner.h"
#include "tests/web/serve_process.h"

namespace diar {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunDiar;
using testing::ServeProcess;
using testing::TempDir;
using testing::WriteFile;

std::string Binary() { return std::string(DIAR_BINARY_DIR) + "/cli/diar"; }

class Api : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    const fs::path docs = dir_->path() / "docs";
    fs::create_directories(docs);
    fs::copy_file(testing::CorpusDir() / "samverkansgruppen-kultur-och-idrott.pdf", docs / "samverkan.pdf");
    WriteFile(docs / "protokoll.txt",
              "Protokoll\nKulturnämnden i Västerås\nDatum 2022-05-10\nDnr KN 2022/45\n\n"
              "Kulturnämnden beslutade att anta kulturplanen. Regionstyrelsen får yttra sig.\n"
              "Budget & plan <utkast> för \"kultur\" &amp; idrott.\n");
    WriteFile(docs / "skrivelse.txt",
              "Tjänsteskrivelse\nDatum 2023-03-29\nDnr: RS 2023-0092\n\n"
              "Regionstyrelsen föreslås besluta om cykelplanen för Västerås.\n");
    testing::RunResult r = RunDiar(Index(), {"ingest", docs.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    server_ = new ServeProcess(Binary(), Index().string());
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }
  static fs::path Index() { return dir_->path() / "index"; }
  static fs::path Docs() { return dir_->path() / "docs"; }

  httplib::Result Get(const std::string& path, const httplib::Headers& headers = {}) {
    httplib::Client client(server_->host(), server_->port());
    return client.Get(path.c_str(), headers);
  }
  nlohmann::json GetJson(const std::string& path, int expected_status = 200) {
    httplib::Result res = Get(path);
    EXPECT_TRUE(res) << path;
    if (!res) return {};
    EXPECT_EQ(res->status, expected_status) << path << ": " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8") << path;
    return nlohmann::json::parse(res->body);
  }

  static TempDir* dir_;
  static ServeProcess* server_;
};
TempDir* Api::dir_ = nullptr;
ServeProcess* Api::server_ = nullptr;

TEST_F(Api, SearchAnswersJsonInUtf8WithHitsAndFacets) {
  nlohmann::json j = GetJson("/api/search?q=kulturn%C3%A4mnden&facets=1");
  ASSERT_GE(j["total"].get<int>(), 1);
  const nlohmann::json& hit = j["hits"][0];
  EXPECT_EQ(hit["title"], "Kulturnämnden i Västerås Datum 2022-05-10");
  EXPECT_EQ(hit["type"], "protokoll");
  EXPECT_EQ(hit["date"], "2022-05-10");
  EXPECT_NE(hit["snippet"].get<std::string>().find("«Kulturnämnden»"), std::string::npos) << hit;
  EXPECT_TRUE(j["facets"].contains("type")) << j["facets"];
}

TEST_F(Api, SnippetsArePlainTextWithMatchesMarked) {
  nlohmann::json j = GetJson("/api/search?q=utkast");
  ASSERT_EQ(j["total"], 1);
  EXPECT_NE(j["hits"][0]["snippet"].get<std::string>().find("Budget & plan <«utkast»> för \"kultur\" &amp; idrott"),
            std::string::npos) << j["hits"][0]["snippet"];
}

TEST_F(Api, FacetFilterNarrowsToTheFacetsCount) {
  nlohmann::json all = GetJson("/api/search?facets=1");
  const nlohmann::json& value = all["facets"]["type"]["values"][0];
  httplib::Params params = {{"type", value["value"].get<std::string>()}};
  nlohmann::json filtered = GetJson("/api/search?" + httplib::detail::params_to_query_str(params));
  EXPECT_EQ(filtered["total"], value["count"]);
  EXPECT_LT(filtered["total"].get<int>(), all["total"].get<int>());
}

TEST_F(Api, AFacetShowsFacetValuesOfItsValuesAndCountsAllOfThem) {
  const nlohmann::json all = GetJson("/api/search?facets=1");
  const std::size_t types = all["facets"]["type"]["values"].size();
  ASSERT_GE(types, 2u) << all["facets"]["type"];
  EXPECT_EQ(all["facets"]["type"]["distinct"], types);
  const nlohmann::json one = GetJson("/api/search?facets=1&facet_values=1");
  ASSERT_EQ(one["facets"]["type"]["values"].size(), 1u);
  EXPECT_EQ(one["facets"]["type"]["values"][0], all["facets"]["type"]["values"][0]);
  EXPECT_EQ(one["facets"]["type"]["distinct"], types);
}

TEST_F(Api, BadDateIsA400WithAMessage) {
  nlohmann::json j = GetJson("/api/search?q=plan&from=2021-13-x", 400);
  EXPECT_EQ(j["error"]["status"], 400);
  EXPECT_NE(j["error"]["message"].get<std::string>().find("2021-13-x"), std::string::npos) << j;
}

TEST_F(Api, QueriesTheSearcherRefusesAre400NamingTheValue) {
  // Reversed range, impossible day, unknown field: the searcher's input errors.
  for (const auto& [query, named] : std::vector<std::pair<std::string, std::string>>{
           {"datum:2023..2021", "2023..2021"}, {"datum:2021-02-29", "2021-02-29"}, {"färg:blå", "färg"}}) {
    const httplib::Params params = {{"q", query}};
    nlohmann::json j = GetJson("/api/search?" + httplib::detail::params_to_query_str(params), 400);
    EXPECT_EQ(j["error"]["status"], 400) << query;
    EXPECT_NE(j["error"]["message"].get<std::string>().find(named), std::string::npos) << j;
  }
}

TEST_F(Api, UnknownDocumentIsA404) {
  EXPECT_EQ(GetJson("/api/documents/0123456789abcdef", 404)["error"]["status"], 404);
  EXPECT_EQ(GetJson("/api/documents/not-an-id", 404)["error"]["status"], 404);
}

TEST_F(Api, DocumentHasTextMentionsAndClassificationWithCues) {
  nlohmann::json hit = GetJson("/api/search?q=cykelplanen")["hits"][0];
  nlohmann::json doc = GetJson("/api/documents/" + hit["id"].get<std::string>());
  EXPECT_NE(doc["text"].get<std::string>().find("cykelplanen för Västerås"), std::string::npos);
  // The classification with its cues, as `diar show` gives it.
  testing::RunResult show = RunDiar(Index(), {"show", hit["id"], "--format", "json"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_EQ(doc["classification"], nlohmann::json::parse(show.out)["classification"]);
  EXPECT_FALSE(doc["classification"]["cues"].empty());
  bool dnr = false;
  for (const auto& m : doc["mentions"]) dnr |= m["type"] == "dnr" && m["value"] == "RS 2023-0092";
  EXPECT_TRUE(dnr) << doc["mentions"];
}

TEST_F(Api, LimitsRefuseLongQueriesAndLargePages) {
  EXPECT_EQ(GetJson("/api/search?q=" + std::string(2000, 'a'), 400)["error"]["status"], 400);
  EXPECT_EQ(GetJson("/api/search?limit=1000", 400)["error"]["status"], 400);
  EXPECT_EQ(GetJson("/api/search?offset=999999", 400)["error"]["status"], 400);
  EXPECT_EQ(GetJson("/api/search?limit=-1", 400)["error"]["status"], 400);
}

TEST_F(Api, NoUrlReachesFilesOutsideTheIndex) {
  for (const char* path : {"/assets/../../../../etc/passwd", "/assets/%2e%2e/%2e%2e/etc/passwd",
                           "/api/documents/..%2f..%2fetc%2fpasswd", "/api/documents/%2Fetc%2Fpasswd/pdf",
                           "/../../etc/passwd"}) {
    httplib::Result res = Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 404) << path;
    EXPECT_EQ(res->body.find("root:"), std::string::npos) << path;
  }
}

TEST_F(Api, PageIsUtf8WithAContentSecurityPolicyAndNoInlineScript) {
  httplib::Result res = Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(res->body.find("<meta charset=\"utf-8\">"), std::string::npos);
  const std::string csp = res->get_header_value("Content-Security-Policy");
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << csp;
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << csp;
  EXPECT_EQ(res->body.find("<script>"), std::string::npos) << "inline script in the page";
  EXPECT_EQ(Get("/api/status")->get_header_value("X-Content-Type-Options"), "nosniff");
}

TEST_F(Api, ExportStreamsMentionsAsCsvForExcel) {
  httplib::Result res = Get("/api/export?format=csv&excel=1&q=kulturplanen");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Transfer-Encoding"), "chunked");
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(res->body.rfind("\xEF\xBB\xBF" "document;path;title;", 0), 0u) << res->body.substr(0, 80);
  EXPECT_NE(res->body.find(";body;Kulturnämnden;Kulturnämnden;"), std::string::npos);
}

TEST_F(Api, ExportOfDocumentsHasOneRowPerSearchHit) {
  const std::string filter = "q=regionstyrelsen&year=2023";
  const int total = GetJson("/api/search?" + filter)["total"];
  httplib::Result res = Get("/api/export?format=jsonl&records=documents&" + filter);
  ASSERT_TRUE(res);
  int rows = 0;
  for (char c : res->body) rows += c == '\n';
  EXPECT_EQ(rows, total);
  EXPECT_EQ(total, 1);
}

TEST_F(Api, AMisspelledQueryThatMatchesNothingAnswersWithItsCorrectionsHits) {
  const nlohmann::json j = GetJson("/api/search?q=kulturplanenn");
  EXPECT_EQ(j["query"], "kulturplanenn");
  EXPECT_EQ(j["searched_instead"], "kulturplanen");
  EXPECT_GT(j["total"].get<int>(), 0);
}

TEST_F(Api, ExportTakesAMisspelledQueryAsGiven) {
  httplib::Result res = Get("/api/export?format=jsonl&records=documents&q=kulturplanenn");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->body, "");
}

TEST_F(Api, ExportAsSqliteIsAnSqliteFile) {
  httplib::Result res = Get("/api/export?format=sqlite");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->body.rfind(std::string("SQLite format 3\0", 16), 0), 0u);
}

TEST_F(Api, ExportWithABadQueryIsA400BeforeAnyData) {
  EXPECT_EQ(GetJson("/api/export?format=csv&to=juni", 400)["error"]["status"], 400);
  EXPECT_EQ(GetJson("/api/export?format=xlsx", 400)["error"]["status"], 400);
}

TEST_F(Api, PdfIsServedOnlyWhileTheFileIsUnchanged) {
  const std::string id = GetJson("/api/search?q=samverkansgruppen")["hits"][0]["id"];
  httplib::Result res = Get("/api/documents/" + id + "/pdf");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/pdf");
  const fs::path pdf = Docs() / "samverkan.pdf";
  const std::string original = ReadFile(pdf);
  EXPECT_EQ(res->body, original);
  WriteFile(pdf, original + "\n% changed\n");
  EXPECT_EQ(GetJson("/api/documents/" + id + "/pdf", 404)["error"]["status"], 404);
  fs::remove(pdf);
  EXPECT_EQ(GetJson("/api/documents/" + id + "/pdf", 404)["error"]["status"], 404);
  WriteFile(pdf, original);
  EXPECT_EQ(Get("/api/documents/" + id + "/pdf")->status, 200);
}

TEST_F(Api, DocumentsIngestedWhileServingAppearWithoutRestart) {
  EXPECT_EQ(GetJson("/api/search?q=snöröjning")["total"], 0);
  TempDir more;
  WriteFile(more.path() / "ny.txt", "Tjänsteskrivelse\nDatum 2024-01-15\n\nSnöröjning i Västerås kommun.\n");
  testing::RunResult r = RunDiar(Index(), {"ingest", more.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(GetJson("/api/search?q=snöröjning")["total"], 1);
  EXPECT_EQ(RunDiar(Index(), {"remove", (more.path() / "ny.txt").string()}).exit_code, 0);
  EXPECT_EQ(GetJson("/api/search?q=snöröjning")["total"], 0);
}

TEST_F(Api, ARepeatedSearchIsAnsweredFromTheCacheWithTheSameAnswer) {
  httplib::Result first = Get("/api/search?q=cykelplanen&facets=1");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->get_header_value("X-Diar-Cache"), "miss");
  httplib::Result again = Get("/api/search?q=cykelplanen&facets=1");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->get_header_value("X-Diar-Cache"), "hit");
  EXPECT_EQ(again->body, first->body);
  EXPECT_EQ(nlohmann::json::parse(again->body)["total"], 1);
}

TEST_F(Api, RequestsThatMeanTheSameShareOneCachedAnswer) {
  ASSERT_TRUE(Get("/api/search?q=regionstyrelsen%20yttra&type=protokoll&year=2022&limit=20"));
  // Other spacing, filters in another order, the default limit spelled out or not.
  httplib::Result same = Get("/api/search?q=%20regionstyrelsen%20%20%20yttra%20&year=2022&type=protokoll");
  ASSERT_TRUE(same);
  EXPECT_EQ(same->get_header_value("X-Diar-Cache"), "hit");
  httplib::Result other = Get("/api/search?q=regionstyrelsen%20yttra&type=protokoll&year=2022&limit=19");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->get_header_value("X-Diar-Cache"), "miss");
}

TEST_F(Api, ACommitIsSeenByTheVeryNextSearchThoughItsAnswerWasCached) {
  EXPECT_EQ(GetJson("/api/search?q=vinterväghållning")["total"], 0);
  EXPECT_EQ(Get("/api/search?q=vinterväghållning")->get_header_value("X-Diar-Cache"), "hit");
  TempDir more;
  WriteFile(more.path() / "vinter.txt", "Tjänsteskrivelse\nDatum 2024-02-01\n\nVinterväghållning i Västerås.\n");
  ASSERT_EQ(RunDiar(Index(), {"ingest", more.path().string()}).exit_code, 0);
  httplib::Result after = Get("/api/search?q=vinterväghållning");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->get_header_value("X-Diar-Cache"), "miss");
  EXPECT_EQ(nlohmann::json::parse(after->body)["total"], 1);
  ASSERT_EQ(RunDiar(Index(), {"remove", (more.path() / "vinter.txt").string()}).exit_code, 0);
  EXPECT_EQ(GetJson("/api/search?q=vinterväghållning")["total"], 0);
}

TEST_F(Api, WithTheCacheOffEverySearchIsAnsweredAfresh) {
  ServeProcess uncached(Binary(), Index().string(), {"--cache-mb", "0"});
  httplib::Client client(uncached.host(), uncached.port());
  for (int i = 0; i < 2; ++i) {
    httplib::Result res = client.Get("/api/search?q=cykelplanen");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->get_header_value("X-Diar-Cache"), "miss");
  }
  EXPECT_EQ(nlohmann::json::parse(client.Get("/api/status")->body)["cache"]["entries"], 0);
}

TEST_F(Api, AConnectionAbortedBeforeItIsAcceptedDoesNotStopTheServer) {
  // cpp-httplib 0.11 ends listen() on such an accept() failure; the server
  // must go on answering new connections.
  const char* asan = std::getenv("ASAN_OPTIONS");  // the preload comes before ASan's runtime
  ServeProcess server(Binary(), Index().string(), {},
                      {std::string("LD_PRELOAD=") + DIAR_ACCEPT_FAULT_LIB, "DIAR_ACCEPT_FAIL_AT=2",
                       std::string("ASAN_OPTIONS=") + (asan ? std::string(asan) + ":" : "") +
                           "verify_asan_link_order=0"});
  auto search = [&] {
    httplib::Client client(server.host(), server.port());
    return client.Get("/api/search?q=cykelplanen");
  };
  httplib::Result first = search();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 200);
  EXPECT_FALSE(search()) << "the second connection should have been aborted";
  for (int i = 0; i < 3; ++i) {
    httplib::Result later = search();
    ASSERT_TRUE(later) << "connection " << i + 3 << ": " << httplib::to_string(later.error()) << "; server "
                       << server.Gone();
    EXPECT_EQ(later->status, 200);
  }
  EXPECT_EQ(server.Gone(), "");
}

TEST_F(Api, StatusCountsTheIndexAndItsLastIngest) {
  nlohmann::json s = GetJson("/api/status");
  EXPECT_GE(s["documents"].get<int>(), 3);
  EXPECT_GT(s["mentions"].get<int>(), 0);
  EXPECT_EQ(s["last_ingest"].get<std::string>().size(), 20u) << s;  // 2026-01-01T00:00:00Z
  EXPECT_EQ(s["outdated"].get<int>(), 0) << s;  // all indexed by this diar
  EXPECT_TRUE(s["failures"].is_array());
}

TEST_F(Api, OpenApiDescribesEveryEndpoint) {
  nlohmann::json j = GetJson("/api/openapi.json");
  EXPECT_EQ(j["openapi"], "3.0.3");
  for (const char* path : {"/api/search", "/api/documents/{id}", "/api/documents/{id}/pdf", "/api/export",
                           "/api/status", "/api/openapi.json"}) {
    EXPECT_TRUE(j["paths"].contains(path)) << path;
  }
}

TEST_F(Api, WithATokenEveryApiRequestMustCarryIt) {
  ServeProcess guarded(Binary(), Index().string(), {"--token", "hemligt-123"});
  httplib::Client client(guarded.host(), guarded.port());
  EXPECT_EQ(client.Get("/api/status")->status, 401);
  EXPECT_EQ(client.Get("/api/status", {{"X-Diar-Token", "fel"}})->status, 401);
  EXPECT_EQ(client.Get("/api/status", {{"X-Diar-Token", "hemligt-123"}})->status, 200);
  EXPECT_EQ(client.Get("/api/status?token=hemligt-123")->status, 200);
  EXPECT_EQ(client.Get("/")->status, 200);  // the page itself holds no data
}

TEST_F(Api, AnotherAddressThanLoopbackNeedsAToken) {
  testing::RunResult r = RunDiar(Index(), {"serve", "--host", "0.0.0.0", "--port", "0"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--token"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace diar
