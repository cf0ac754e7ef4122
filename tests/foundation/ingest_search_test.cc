// Issue 3, end to end through the real `diar` binary: ingest files into a
// real Xapian database in a temp dir, search it in Swedish, re-ingest.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/foundation/cli_runner.h"

namespace diar {
namespace {

using testing::RunDiar;
using testing::TempDir;
using testing::WriteFile;

nlohmann::json SearchJson(const std::filesystem::path& index, const std::string& query) {
  testing::RunResult r = RunDiar(index, {"search", "--format", "json", "--limit", "50", query});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

std::set<std::string> HitFiles(const nlohmann::json& result) {
  std::set<std::string> files;
  for (const auto& hit : result["hits"]) {
    files.insert(std::filesystem::path(hit["path"].get<std::string>()).filename().string());
  }
  return files;
}

int StatusField(const std::filesystem::path& index, const std::string& field) {
  testing::RunResult r = RunDiar(index, {"status"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(field + ":", 0) == 0) return std::stoi(line.substr(field.size() + 1));
  }
  ADD_FAILURE() << "no '" << field << "' in status output:\n" << r.out;
  return -1;
}

TEST(Ingest, IndexesEveryCorpusDocument) {
  TempDir index;
  testing::RunResult r = RunDiar(index.path(), {"ingest", testing::CorpusDir().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(StatusField(index.path(), "documents"), static_cast<int>(testing::CorpusPdfs().size()));
  EXPECT_EQ(StatusField(index.path(), "failed"), 0);
}

TEST(Ingest, ReingestingTheCorpusChangesNothing) {
  TempDir index;
  ASSERT_EQ(RunDiar(index.path(), {"ingest", testing::CorpusDir().string()}).exit_code, 0);
  const int documents = StatusField(index.path(), "documents");
  const int mentions = StatusField(index.path(), "mentions");
  testing::RunResult again = RunDiar(index.path(), {"ingest", testing::CorpusDir().string()});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find(" 0 added, 0 replaced, 0 new paths"), std::string::npos) << again.out;
  EXPECT_EQ(StatusField(index.path(), "documents"), documents);
  EXPECT_EQ(StatusField(index.path(), "mentions"), mentions);
}

TEST(Ingest, ParallelJobsGiveTheSameIndexAsOne) {
  TempDir serial, parallel;
  ASSERT_EQ(RunDiar(serial.path(), {"ingest", "--jobs", "1", testing::CorpusDir().string()}).exit_code, 0);
  ASSERT_EQ(RunDiar(parallel.path(), {"ingest", "--jobs", "3", testing::CorpusDir().string()}).exit_code, 0);
  for (const auto& pdf : testing::CorpusPdfs()) {
    SCOPED_TRACE(pdf.filename().string());
    testing::RunResult a = RunDiar(serial.path(), {"show", "--format", "json", pdf.string()});
    testing::RunResult b = RunDiar(parallel.path(), {"show", "--format", "json", pdf.string()});
    ASSERT_EQ(a.exit_code, 0) << a.err;
    ASSERT_EQ(b.exit_code, 0) << b.err;
    nlohmann::json ja = nlohmann::json::parse(a.out), jb = nlohmann::json::parse(b.out);
    EXPECT_EQ(ja["text"], jb["text"]);
    EXPECT_EQ(ja["mentions"], jb["mentions"]);
    EXPECT_EQ(ja["classification"], jb["classification"]);
  }
}

TEST(Search, InflectedQueryFindsOtherFormOfTheWord) {
  TempDir dir, index;
  WriteFile(dir.path() / "beslut.txt", "Kulturnämnden antog planen för 2022 vid sitt möte.\n");
  WriteFile(dir.path() / "annat.txt", "Protokollet justerades utan ändringar.\n");
  ASSERT_EQ(RunDiar(index.path(), {"ingest", dir.path().string()}).exit_code, 0);
  EXPECT_EQ(HitFiles(SearchJson(index.path(), "planer")), std::set<std::string>{"beslut.txt"});
  EXPECT_EQ(HitFiles(SearchJson(index.path(), "kulturnämndens")), std::set<std::string>{"beslut.txt"});
}

TEST(Search, PhraseMatchesOnlyWordsInOrder) {
  TempDir dir, index;
  WriteFile(dir.path() / "a.txt", "Arbetet med regional utveckling i länet fortsätter.\n");
  WriteFile(dir.path() / "b.txt", "Utveckling som är regional och lokal.\n");
  ASSERT_EQ(RunDiar(index.path(), {"ingest", dir.path().string()}).exit_code, 0);
  EXPECT_EQ(HitFiles(SearchJson(index.path(), "\"regional utveckling\"")), std::set<std::string>{"a.txt"});
  EXPECT_EQ(HitFiles(SearchJson(index.path(), "regional utveckling")),
            (std::set<std::string>{"a.txt", "b.txt"}));
}

TEST(Search, CorpusSearchGivesTitlePathPagesAndSnippet) {
  TempDir index;
  ASSERT_EQ(RunDiar(index.path(), {"ingest", testing::CorpusDir().string()}).exit_code, 0);
  nlohmann::json result = SearchJson(index.path(), "kulturplan");
  ASSERT_FALSE(result["hits"].empty());
  // Words that match are not "corrected" to a commoner neighbour
  // ("regional" -> "regionala") beside their results.
  EXPECT_FALSE(SearchJson(index.path(), "regional utveckling").contains("suggestion"));
  for (const auto& hit : result["hits"]) {
    EXPECT_FALSE(hit["title"].get<std::string>().empty());
    EXPECT_TRUE(std::filesystem::exists(hit["path"].get<std::string>()));
    EXPECT_GT(hit["pages"].get<int>(), 0);
    EXPECT_NE(hit["snippet"].get<std::string>().find("«"), std::string::npos) << hit["snippet"];
  }
}

TEST(Ingest, ChangedFileReplacesItsOldVersion) {
  TempDir dir, index;
  const auto file = dir.path() / "beslut.txt";
  WriteFile(file, "Ärendet gäller vattenförsörjning.\n");
  ASSERT_EQ(RunDiar(index.path(), {"ingest", file.string()}).exit_code, 0);
  WriteFile(file, "Ärendet gäller kollektivtrafik.\n");
  testing::RunResult r = RunDiar(index.path(), {"ingest", file.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("1 replaced"), std::string::npos) << r.out;
  EXPECT_EQ(StatusField(index.path(), "documents"), 1);
  EXPECT_TRUE(HitFiles(SearchJson(index.path(), "vattenförsörjning")).empty());
  EXPECT_EQ(HitFiles(SearchJson(index.path(), "kollektivtrafik")), std::set<std::string>{"beslut.txt"});
}

TEST(Ingest, SameBytesAtTwoPathsIsOneDocumentKnowingBoth) {
  TempDir dir, index;
  WriteFile(dir.path() / "a" / "kopia.txt", "Samma text i två mappar.\n");
  WriteFile(dir.path() / "b" / "kopia.txt", "Samma text i två mappar.\n");
  ASSERT_EQ(RunDiar(index.path(), {"ingest", dir.path().string()}).exit_code, 0);
  EXPECT_EQ(StatusField(index.path(), "documents"), 1);
  EXPECT_EQ(StatusField(index.path(), "paths"), 2);
  testing::RunResult show = RunDiar(index.path(), {"show", "--format", "json", (dir.path() / "b" / "kopia.txt").string()});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_EQ(nlohmann::json::parse(show.out)["paths"].size(), 2u);
}

TEST(Ingest, RemoveDropsTheDocument) {
  TempDir dir, index;
  WriteFile(dir.path() / "a.txt", "Cykelvägar i länet.\n");
  ASSERT_EQ(RunDiar(index.path(), {"ingest", dir.path().string()}).exit_code, 0);
  testing::RunResult r = RunDiar(index.path(), {"remove", (dir.path() / "a.txt").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(StatusField(index.path(), "documents"), 0);
  EXPECT_EQ(RunDiar(index.path(), {"remove", (dir.path() / "a.txt").string()}).exit_code, 1);
}

TEST(Ingest, PruneDropsDocumentsWhoseFileIsGone) {
  TempDir dir, index;
  WriteFile(dir.path() / "kvar.txt", "Detta dokument finns kvar.\n");
  WriteFile(dir.path() / "borta.txt", "Detta dokument tas bort.\n");
  ASSERT_EQ(RunDiar(index.path(), {"ingest", dir.path().string()}).exit_code, 0);
  std::filesystem::remove(dir.path() / "borta.txt");
  testing::RunResult r = RunDiar(index.path(), {"ingest", "--prune", dir.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("1 pruned"), std::string::npos) << r.out;
  EXPECT_EQ(StatusField(index.path(), "documents"), 1);
  EXPECT_TRUE(HitFiles(SearchJson(index.path(), "bort")).empty());
}

}  // namespace
}  // namespace diar
