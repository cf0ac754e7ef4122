// What an archivist hears: unsupported files counted, warnings for text
// that is not read, read-only and locked indexes, configuration errors that
// stop the run with exit 2, readers that never create an index, and remove
// and prune that touch exactly what they name.
#include <gtest/gtest.h>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>
#include <regex>
#include <xapian.h>

#include "index/schema.h"

#include "tests/foundation/cli_runner.h"
#include "tests/ingest/diar_process.h"
#include "tests/ingest/documents.h"
#include "tests/ingest/index_probe.h"

namespace diar {
namespace {

using namespace std::chrono_literals;
using testing::DiarProcess;
using testing::RunDiar;
using testing::RunResult;
using testing::TempDir;

// `diar ingest DIR` run on a terminal, as a user at a shell runs it:
// script(1) gives it one. Returns the exit status; `tty` gets what the
// terminal showed.
int IngestOnATerminal(const std::filesystem::path& index, const std::filesystem::path& dir,
                      std::string* tty) {
  const std::string command = "script -qec " +
                              testing::Quote(std::string(DIAR_BINARY_DIR) + "/cli/diar --index " +
                                             testing::Quote(index.string()) + " ingest " +
                                             testing::Quote(dir.string())) +
                              " /dev/null > " + testing::Quote((dir / "tty").string());
  const int status = std::system(command.c_str());
  *tty = testing::ReadFile(dir / "tty");
  return status;
}

std::string Normalised(const std::string& text, bool nfd) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* form = nfd ? icu::Normalizer2::getNFDInstance(status)
                                     : icu::Normalizer2::getNFCInstance(status);
  std::string out;
  form->normalize(icu::UnicodeString::fromUTF8(text), status).toUTF8String(out);
  return out;
}

TEST(IngestMessages, UnsupportedFilesInAFolderAreCountedByExtension) {
  TempDir dir, index;
  testing::WriteFile(dir.path() / "in" / "a.txt", testing::TextDocument(1));
  testing::WriteFile(dir.path() / "in" / "b.docx", "PK\x03\x04");
  testing::WriteFile(dir.path() / "in" / "sub" / "c.docx", "PK\x03\x04");
  testing::WriteFile(dir.path() / "in" / "d.HTML", "<html></html>");
  const RunResult run = RunDiar(index.path(), {"ingest", (dir.path() / "in").string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("skipped 3 unsupported files in folders (2 .docx, 1 .html); diar reads "
                         ".pdf and .txt"),
            std::string::npos) << run.out;
}

TEST(IngestMessages, AFileNameWithANewlineStaysOnOneLogLine) {
  TempDir dir, index;
  testing::WriteFile(dir.path() / "in" / "två\nrader.txt", testing::TextDocument(1));
  const RunResult run = RunDiar(index.path(), {"ingest", (dir.path() / "in").string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("två\\x0Arader.txt: added\n"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("två\n"), std::string::npos) << run.err;
}

TEST(IngestMessages, OcrNeverWarnsAboutPagesLeftUnread) {
  TempDir dir, index;
  testing::WriteScan(dir.path() / "scan.pdf", 1);
  const RunResult run =
      RunDiar(index.path(), {"ingest", "--ocr", "never", (dir.path() / "scan.pdf").string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("scan.pdf: page 1: no usable text layer, and OCR is off (--ocr never)"),
            std::string::npos) << run.err;
}

TEST(IngestMessages, QuietPrintsOnlyTheSummary) {
  TempDir dir, index;
  testing::WriteTextDocuments(dir.path(), 3);
  const RunResult run = RunDiar(index.path(), {"ingest", "--quiet", dir.path().string()});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.err, "");
  EXPECT_NE(run.out.find("3 added"), std::string::npos) << run.out;
}

TEST(IngestMessages, ATerminalGetsOneUpdatingProgressLine) {
  TempDir dir, index;
  testing::WriteTextDocuments(dir.path(), 4);
  testing::WriteScan(dir.path() / "z-scan.pdf", 9);  // long enough for a tick
  std::string tty;
  ASSERT_EQ(IngestOnATerminal(index.path(), dir.path(), &tty), 0);
  EXPECT_NE(tty.find("\r\x1b[Kdiar: 5/5 files, "), std::string::npos) << tty;
  EXPECT_NE(tty.find(" pages/s, "), std::string::npos) << tty;
  EXPECT_NE(tty.find(" left, 0 failed"), std::string::npos) << tty;
  EXPECT_EQ(tty.find("[1/5]"), std::string::npos) << "per-file lines on a terminal:\n" << tty;
}

// A run done within its first second has no rate to tell time left by; its
// last line still says nothing is left.
TEST(IngestMessages, ARunDoneInASecondEndsItsProgressLineWithNothingLeft) {
  TempDir dir, index;
  testing::WriteTextDocuments(dir.path(), 2);
  std::string tty;
  ASSERT_EQ(IngestOnATerminal(index.path(), dir.path(), &tty), 0);
  const std::size_t last = tty.rfind("\r\x1b[Kdiar: 2/2 files, ");
  ASSERT_NE(last, std::string::npos) << tty;
  EXPECT_NE(tty.find(", 0s left, 0 failed", last), std::string::npos) << tty.substr(last);
}

TEST(IngestMessages, AMissingOcrModelStopsTheRunWithExit2) {
  TempDir dir, index, empty_tessdata;
  testing::WriteScan(dir.path() / "scan.pdf", 1);
  DiarProcess run(index.path(), {"ingest", dir.path().string()},
                  {"TESSDATA_PREFIX=" + empty_tessdata.path().string()});
  ASSERT_EQ(run.Wait(60s), 2) << run.Err();
  EXPECT_NE(run.Err().find("install tesseract-ocr-swe"), std::string::npos) << run.Err();
  EXPECT_EQ(testing::IndexedDocuments(index.path()), 0) << "nothing indexed by a failed set-up";
}

// The dictionaries are read when the first file needs the pipeline: an
// unchanged re-ingest reads none (a damaged word-form table goes unseen),
// and the first file that needs them stops the run with the file and line.
void CopyDictionariesWithADamagedWordFormTable(const std::filesystem::path& to) {
  std::filesystem::copy(std::filesystem::path(DIAR_SOURCE_DIR) / "dictionaries", to,
                        std::filesystem::copy_options::recursive);
  std::ofstream(to / "lemmas_sv.tsv", std::ios::app) << "no tab on this line\n";
}

TEST(IngestMessages, AnUnchangedReingestReadsNoDictionary) {
  TempDir dir, index;
  testing::WriteTextDocuments(dir.path(), 3);
  ASSERT_EQ(RunDiar(index.path(), {"ingest", dir.path().string()}).exit_code, 0);
  const TempDir damaged;
  CopyDictionariesWithADamagedWordFormTable(damaged.path());
  const RunResult again = RunDiar(
      index.path(), {"--dictionaries", damaged.path().string(), "ingest", dir.path().string()});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("3 unchanged, 0 failed"), std::string::npos) << again.out;
}

TEST(IngestMessages, ADamagedDictionaryStopsTheRunAtTheFirstFileThatNeedsIt) {
  TempDir dir, index;
  testing::WriteTextDocuments(dir.path(), 2);
  ASSERT_EQ(RunDiar(index.path(), {"ingest", dir.path().string()}).exit_code, 0);
  testing::WriteTextDocuments(dir.path(), 1, /*first=*/2);
  const TempDir damaged;
  CopyDictionariesWithADamagedWordFormTable(damaged.path());
  const RunResult run = RunDiar(
      index.path(), {"--dictionaries", damaged.path().string(), "ingest", dir.path().string()});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_TRUE(std::regex_search(run.err, std::regex("lemmas_sv\\.tsv:[0-9]+: ")))
      << run.err;
  EXPECT_EQ(testing::IndexedDocuments(index.path()), 2);
}

// A run a configuration error stopped says how far it got, not that it
// ingested every file it was given.
TEST(IngestMessages, AStoppedRunsSummarySaysHowFarItGot) {
  TempDir dir, index;
  testing::WriteTextDocuments(dir.path(), 3);
  const TempDir damaged;
  CopyDictionariesWithADamagedWordFormTable(damaged.path());
  const RunResult run = RunDiar(
      index.path(), {"--dictionaries", damaged.path().string(), "ingest", dir.path().string()});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.out.find("stopped after 0 of 3 files"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("ingested 3 files"), std::string::npos) << run.out;
}

TEST(IngestMessages, ASecondWriterIsToldWhoHoldsTheLock) {
  TempDir dir, index;
  testing::WriteFile(dir.path() / "a.txt", testing::TextDocument(1));
  for (int i = 0; i < 3; ++i) testing::WriteScan(dir.path() / ("scan" + std::to_string(i) + ".pdf"), i);
  DiarProcess first(index.path(), {"ingest", "--jobs", "1", dir.path().string()});
  ASSERT_TRUE(first.WaitForErr("[1/4]", 60s)) << first.Err();
  const RunResult second = RunDiar(index.path(), {"ingest", dir.path().string()});
  EXPECT_EQ(second.exit_code, 2);
  EXPECT_NE(second.err.find("index is being written by process " + std::to_string(first.pid()) +
                            " (diar ingest)"),
            std::string::npos) << second.err;
  first.Signal(SIGINT);  // the rest is not this test's business
  EXPECT_EQ(first.Wait(120s), 130) << first.Err();
}

TEST(IngestMessages, AReadOnlyIndexSaysSo) {
  TempDir dir, index;
  testing::WriteFile(dir.path() / "a.txt", testing::TextDocument(1));
  ASSERT_EQ(RunDiar(index.path(), {"ingest", dir.path().string()}).exit_code, 0);
  testing::WriteFile(dir.path() / "b.txt", testing::TextDocument(2));
  // Root writes anywhere, so run diar as an unprivileged user on the
  // root-owned index, as an archivist without write access would.
  std::filesystem::permissions(dir.path(), std::filesystem::perms::all);
  std::filesystem::permissions(dir.path().parent_path(), std::filesystem::perms::others_exec,
                               std::filesystem::perm_options::add);
  std::filesystem::permissions(index.path(), std::filesystem::perms::owner_all |
                                                 std::filesystem::perms::group_read |
                                                 std::filesystem::perms::group_exec |
                                                 std::filesystem::perms::others_read |
                                                 std::filesystem::perms::others_exec);
  if (::geteuid() != 0) {
    std::filesystem::permissions(index.path(), std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::remove);
  }
  const std::string err = (dir.path() / "err").string();
  const testing::UnprivilegedDiar diar;
  const std::string command = diar.command() + " --index " + testing::Quote(index.path().string()) + " ingest " +
                              testing::Quote(dir.path().string()) + " > /dev/null 2> " +
                              testing::Quote(err);
  const int status = std::system(command.c_str());
  EXPECT_EQ(WEXITSTATUS(status), 2);
  EXPECT_NE(testing::ReadFile(err).find("index is read-only here"), std::string::npos)
      << testing::ReadFile(err);
  std::filesystem::permissions(index.path(), std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::add);
}

// An index this user may not read, or may not reach, is not missing: the
// message says which it is, where Xapian would say it finds no database.
TEST(IngestMessages, AnIndexTheUserMayNotReadSaysSoRatherThanThatThereIsNone) {
  TempDir dir, index;
  testing::WriteTextDocuments(dir.path(), 1);
  ASSERT_EQ(RunDiar(index.path(), {"ingest", dir.path().string()}).exit_code, 0);
  const TempDir io;
  const auto perms_all = std::filesystem::perms::owner_all | std::filesystem::perms::group_read |
                         std::filesystem::perms::group_exec | std::filesystem::perms::others_read |
                         std::filesystem::perms::others_exec;
  std::filesystem::permissions(io.path(), std::filesystem::perms::all);
  std::filesystem::permissions(index.path().parent_path(), std::filesystem::perms::others_exec,
                               std::filesystem::perm_options::add);
  const testing::UnprivilegedDiar diar;
  auto run = [&](const std::filesystem::path& where, const std::string& args) {
    const std::string err = (io.path() / "err").string();
    const std::string command = diar.command() + " --index " + testing::Quote(where.string()) + " " +
                                args + " > /dev/null 2> " + testing::Quote(err);
    const int status = std::system(command.c_str());
    return std::make_pair(WEXITSTATUS(status), testing::ReadFile(err));
  };
  auto status_of = [&](const std::filesystem::path& where) { return run(where, "status"); };
  // Closed to the user diar runs as: nobody when the tests run as root,
  // else the owner itself.
  const auto closed = ::geteuid() == 0 ? std::filesystem::perms::owner_all : std::filesystem::perms::none;
  // The index folder itself closed.
  std::filesystem::permissions(index.path(), closed);
  const auto [closed_exit, closed_err] = status_of(index.path());
  EXPECT_EQ(closed_exit, 2);
  EXPECT_NE(closed_err.find("index cannot be read (permission denied)"), std::string::npos) << closed_err;
  const auto [remove_exit, remove_err] = run(index.path(), "remove " + testing::Quote((dir.path() / "x.txt").string()));
  EXPECT_EQ(remove_exit, 2);
  EXPECT_NE(remove_err.find("index cannot be read (permission denied)"), std::string::npos) << remove_err;
  // Open, but inside a folder others may not enter.
  std::filesystem::permissions(index.path(), perms_all);
  std::filesystem::create_directories(index.path() / "sub");
  std::filesystem::permissions(index.path() / "sub", closed);
  const auto [below_exit, below_err] = status_of(index.path() / "sub" / "index");
  std::filesystem::permissions(index.path() / "sub", std::filesystem::perms::owner_all);
  EXPECT_EQ(below_exit, 2);
  EXPECT_NE(below_err.find("index cannot be read (permission denied)"), std::string::npos) << below_err;
}

TEST(IngestMessages, ReadersAndRemoveNeverCreateAnIndex) {
  TempDir dir;
  const auto missing = dir.path() / "no-index-here";
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"search", "kultur"},
                                             {"show", "abcdef12"},
                                             {"status"},
                                             {"export", "--format", "csv"},
                                             {"remove", "/x/a.txt"}}) {
    const RunResult run = RunDiar(missing, args);
    EXPECT_EQ(run.exit_code, 2) << args[0] << ": " << run.err;
    EXPECT_NE(run.err.find("no-index-here"), std::string::npos) << args[0] << ": " << run.err;
    EXPECT_FALSE(std::filesystem::exists(missing)) << args[0] << " created the index folder";
  }
}

TEST(IngestMessages, AFolderOfOtherFilesIsNeverTurnedIntoAnIndex) {
  TempDir dir, input;
  testing::WriteFile(dir.path() / "rapport.docx", "PK");
  testing::WriteFile(input.path() / "a.txt", testing::TextDocument(1));
  const RunResult run = RunDiar(dir.path(), {"ingest", input.path().string()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("folder holds other files and no index"), std::string::npos) << run.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "iamglass"));
}

TEST(IngestMessages, AnIndexWhoseCreationWasKilledIsCreatedAgain) {
  // What kill -9 during the first commit leaves: Xapian's lock, some tables,
  // diar's lock-holder note, and no version file.
  TempDir dir, index, input;
  testing::WriteFile(input.path() / "a.txt", testing::TextDocument(1));
  ASSERT_EQ(RunDiar(dir.path(), {"ingest", "--jobs", "1", input.path().string()}).exit_code, 0);
  for (const char* table : {"postlist.glass", "termlist.glass"}) {
    std::filesystem::copy_file(dir.path() / table, index.path() / table);
  }
  testing::WriteFile(index.path() / "flintlock", "");
  testing::WriteFile(index.path() / "diar-writer", "999999 diar ingest\n");
  const RunResult run = RunDiar(index.path(), {"ingest", "--jobs", "1", input.path().string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(testing::IndexedDocuments(index.path()), 1);
}

// `diar show --format json` of `path`.
nlohmann::json Shown(const std::filesystem::path& index, const std::filesystem::path& path) {
  const RunResult shown = RunDiar(index, {"show", "--format", "json", path.string()});
  EXPECT_EQ(shown.exit_code, 0) << shown.err;
  return nlohmann::json::parse(shown.out, nullptr, false);
}

TEST(Reindex, AnIndexedFileIsReadAgainAndKeepsItsOtherPathsInOrder) {
  TempDir dir, index;
  testing::WriteFile(dir.path() / "a.txt", testing::TextDocument(1));
  testing::WriteFile(dir.path() / "kopia" / "a.txt", testing::TextDocument(1));
  ASSERT_EQ(RunDiar(index.path(), {"ingest", dir.path().string()}).exit_code, 0);
  const nlohmann::json before = Shown(index.path(), dir.path() / "a.txt");
  std::this_thread::sleep_for(1100ms);  // the ingest time is kept to the second

  const RunResult again =
      RunDiar(index.path(), {"ingest", "--reindex", (dir.path() / "kopia" / "a.txt").string()});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("1 replaced"), std::string::npos) << again.out;
  const nlohmann::json after = Shown(index.path(), dir.path() / "a.txt");
  EXPECT_GT(after["ingested"].get<std::string>(), before["ingested"].get<std::string>());
  EXPECT_EQ(after["paths"], before["paths"]);
  EXPECT_EQ(testing::IndexedDocuments(index.path()), 1);
}

TEST(Reindex, WithoutItAnIndexedFileIsNotReadAgain) {
  TempDir dir, index;
  testing::WriteFile(dir.path() / "a.txt", testing::TextDocument(1));
  ASSERT_EQ(RunDiar(index.path(), {"ingest", dir.path().string()}).exit_code, 0);
  const nlohmann::json before = Shown(index.path(), dir.path() / "a.txt");
  std::this_thread::sleep_for(1100ms);
  const RunResult again = RunDiar(index.path(), {"ingest", dir.path().string()});
  EXPECT_NE(again.out.find("1 unchanged"), std::string::npos) << again.out;
  EXPECT_EQ(Shown(index.path(), dir.path() / "a.txt")["ingested"], before["ingested"]);
}

TEST(Remove, APathGoesAndItsDocumentStaysWithItsOtherPaths) {
  TempDir dir, index;
  testing::WriteFile(dir.path() / "a.txt", testing::TextDocument(1));
  testing::WriteFile(dir.path() / "kopia" / "a.txt", testing::TextDocument(1));
  ASSERT_EQ(RunDiar(index.path(), {"ingest", dir.path().string()}).exit_code, 0);
  ASSERT_EQ(testing::IndexedDocuments(index.path()), 1);

  const RunResult first = RunDiar(index.path(), {"remove", (dir.path() / "a.txt").string()});
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("removed path"), std::string::npos) << first.out;
  EXPECT_EQ(testing::IndexedDocuments(index.path()), 1);
  const RunResult shown = RunDiar(index.path(), {"show", (dir.path() / "kopia" / "a.txt").string()});
  EXPECT_EQ(shown.exit_code, 0) << shown.err;

  const RunResult last = RunDiar(index.path(), {"remove", (dir.path() / "kopia" / "a.txt").string()});
  EXPECT_EQ(last.exit_code, 0) << last.err;
  EXPECT_EQ(testing::IndexedDocuments(index.path()), 0);
}

TEST(Remove, AnIdDropsTheDocumentWithAllItsPaths) {
  TempDir dir, index;
  testing::WriteFile(dir.path() / "a.txt", testing::TextDocument(1));
  testing::WriteFile(dir.path() / "b.txt", testing::TextDocument(1));
  ASSERT_EQ(RunDiar(index.path(), {"ingest", dir.path().string()}).exit_code, 0);
  const RunResult json = RunDiar(index.path(), {"show", (dir.path() / "a.txt").string(), "--format", "json"});
  std::smatch m;
  ASSERT_TRUE(std::regex_search(json.out, m, std::regex("\"id\":\\s*\"([0-9a-f]{64})\""))) << json.out;
  const RunResult run = RunDiar(index.path(), {"remove", std::string(m[1]).substr(0, 12)});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(testing::IndexedDocuments(index.path()), 0);
}

TEST(Remove, AnUnknownPathOrIdIsAnInputError) {
  TempDir dir, index;
  testing::WriteFile(dir.path() / "a.txt", testing::TextDocument(1));
  ASSERT_EQ(RunDiar(index.path(), {"ingest", dir.path().string()}).exit_code, 0);
  const RunResult run = RunDiar(index.path(), {"remove", "/nowhere/x.pdf"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("/nowhere/x.pdf: no indexed path or document id matches"),
            std::string::npos) << run.err;
  EXPECT_EQ(testing::IndexedDocuments(index.path()), 1);
}

TEST(Paths, APathInNfdFindsTheNfcOneAndTheReverse) {
  TempDir dir, index;
  const std::string nfc = Normalised("Västerås protokoll.txt", /*nfd=*/false);
  const std::string nfd = Normalised("Västerås protokoll.txt", /*nfd=*/true);
  ASSERT_NE(nfc, nfd);
  testing::WriteFile(dir.path() / nfc, testing::TextDocument(1));
  testing::WriteFile(dir.path() / "sub" / nfd, testing::TextDocument(2));
  ASSERT_EQ(RunDiar(index.path(), {"ingest", dir.path().string()}).exit_code, 0);
  EXPECT_EQ(RunDiar(index.path(), {"show", (dir.path() / nfd).string()}).exit_code, 0);
  EXPECT_EQ(RunDiar(index.path(), {"show", (dir.path() / "sub" / nfc).string()}).exit_code, 0);
  EXPECT_EQ(RunDiar(index.path(), {"remove", (dir.path() / nfd).string()}).exit_code, 0);
  EXPECT_EQ(RunDiar(index.path(), {"remove", (dir.path() / "sub" / nfc).string()}).exit_code, 0);
  EXPECT_EQ(testing::IndexedDocuments(index.path()), 0);
}

TEST(Prune, ClearsTheFailuresOfFilesThatAreGone) {
  TempDir dir, index;
  testing::WriteFile(dir.path() / "a.txt", testing::TextDocument(1));
  testing::WriteFile(dir.path() / "broken.pdf", "%PDF-1.4 nothing more");
  EXPECT_EQ(RunDiar(index.path(), {"ingest", dir.path().string()}).exit_code, 1);
  EXPECT_NE(RunDiar(index.path(), {"status", "--failed"}).out.find("broken.pdf"), std::string::npos);
  std::filesystem::remove(dir.path() / "broken.pdf");
  const RunResult pruned = RunDiar(index.path(), {"ingest", "--prune", dir.path().string()});
  EXPECT_EQ(pruned.exit_code, 0) << pruned.err;
  const RunResult status = RunDiar(index.path(), {"status", "--failed"});
  EXPECT_EQ(status.out.find("broken.pdf"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("failed:    0"), std::string::npos) << status.out;
}

TEST(StatusAfterAnUpgrade, SaysWhichDocumentsAnOlderDiarIndexedAndReindexBringsThemUpToDate) {
  TempDir dir, index;
  testing::WriteFile(dir.path() / "a.txt", testing::TextDocument(1));
  testing::WriteFile(dir.path() / "b.txt", testing::TextDocument(2));
  ASSERT_EQ(RunDiar(index.path(), {"ingest", dir.path().string()}).exit_code, 0);
  EXPECT_EQ(RunDiar(index.path(), {"status"}).out.find("--reindex"), std::string::npos);
  {
    // Both documents as a diar before the revision term wrote them.
    Xapian::WritableDatabase db(index.path().string());
    const std::string term = std::string(schema::kDerived) + std::to_string(schema::kDerivedRevision);
    std::vector<Xapian::docid> ids(db.postlist_begin(""), db.postlist_end(""));
    for (Xapian::docid id : ids) {
      Xapian::Document doc = db.get_document(id);
      doc.remove_term(term);
      db.replace_document(id, doc);
    }
    db.commit();
  }
  const RunResult old = RunDiar(index.path(), {"status"});
  EXPECT_NE(old.out.find("2 of the documents were indexed by an older diar"), std::string::npos) << old.out;
  EXPECT_NE(old.out.find("--reindex"), std::string::npos) << old.out;
  // A plain second run leaves unchanged files alone; --reindex reads them again.
  ASSERT_EQ(RunDiar(index.path(), {"ingest", dir.path().string()}).exit_code, 0);
  EXPECT_NE(RunDiar(index.path(), {"status"}).out.find("--reindex"), std::string::npos);
  ASSERT_EQ(RunDiar(index.path(), {"ingest", "--reindex", dir.path().string()}).exit_code, 0);
  const RunResult now = RunDiar(index.path(), {"status"});
  EXPECT_EQ(now.out.find("--reindex"), std::string::npos) << now.out;
  EXPECT_NE(now.out.find("documents: 2"), std::string::npos) << now.out;
}

}  // namespace
}  // namespace diar
