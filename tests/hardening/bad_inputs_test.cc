// Issue 12: hostile and broken inputs, one test each, through the real
// binary. Each gets a clear message naming it; nothing else is lost (the
// good file beside it is always indexed). Inputs are committed in
// tests/data/bad/ (README there) or made here when they are big or special
// files (FIFO, symlink loop, 200 MB).
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <random>

#include "tests/hardening/hardening_cli.h"

namespace diar {
namespace {

namespace fs = std::filesystem;
using testing::HardeningTest;
using testing::Has;
using testing::RunResult;

using BadInput = HardeningTest;

TEST_F(BadInput, TruncatedPdfFailsByName) {
  const fs::path pdf = testing::BadInputs() / "truncated.pdf";
  RunResult r = Ingest({pdf.string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(Has(r.err, pdf.string() + ": damaged PDF")) << r.err;
  ExpectGoodIndexed();
}

TEST_F(BadInput, DamagedXrefIsRepairedAndIndexed) {
  // poppler rebuilds a cross-reference table that points nowhere.
  RunResult r = Ingest({(testing::BadInputs() / "damaged-xref.pdf").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  RunResult s = Diar({"search", "--format", "json", "regionstyrelsen"});
  EXPECT_TRUE(Has(s.out, "damaged-xref.pdf")) << s.out;
  ExpectGoodIndexed();
}

TEST_F(BadInput, GarbageMidStreamIsIndexedWithAWarningNamingThePage) {
  const fs::path pdf = testing::BadInputs() / "garbage-mid-stream.pdf";
  RunResult r = Ingest({pdf.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.err, pdf.string() + ": page 1: no text could be read: the page's content is damaged"))
      << r.err;
  ExpectGoodIndexed();
}

TEST_F(BadInput, EncryptedWithOnlyAnOwnerPasswordIsIndexed) {
  // No user password: any reader may open it, so diar does too.
  RunResult r = Ingest({(testing::BadInputs() / "encrypted-no-user-password.pdf").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  RunResult s = Diar({"search", "--format", "json", "regionstyrelsen"});
  EXPECT_TRUE(Has(s.out, "encrypted-no-user-password.pdf")) << s.out;
}

TEST_F(BadInput, EncryptedWithAUserPasswordFailsByName) {
  const fs::path pdf = fs::path(DIAR_SOURCE_DIR) / "tests/data/encrypted.pdf";
  RunResult r = Ingest({pdf.string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(Has(r.err, pdf.string() + ": encrypted PDF that needs a password")) << r.err;
  ExpectGoodIndexed();
}

TEST_F(BadInput, ZeroBytesFailsByName) {
  testing::WriteFile(In("tom.pdf"), "");
  RunResult r = Ingest({In("tom.pdf").string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(Has(r.err, In("tom.pdf").string() + ": empty file (0 bytes)")) << r.err;
  ExpectGoodIndexed();
}

std::string RandomBytes(std::size_t n) {
  std::mt19937_64 rng(1234);
  std::string bytes(n, '\0');
  for (char& c : bytes) c = static_cast<char>(rng());
  return bytes;
}

TEST_F(BadInput, RandomBytesAsPdfFailByName) {
  testing::WriteFile(In("slump.pdf"), RandomBytes(64 << 10));
  RunResult r = Ingest({In("slump.pdf").string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(Has(r.err, In("slump.pdf").string() + ": not a PDF")) << r.err;
  ExpectGoodIndexed();
}

TEST_F(BadInput, RandomBytesAsTextAddNoSpellingData) {
  // 1 MB of random bytes read as text: indexed (it is a text file), but
  // its letter soup must not fill the spelling table (it grew by 47 MB).
  testing::WriteFile(In("slump.txt"), RandomBytes(1 << 20));
  RunResult r = Ingest({In("slump.txt").string()}, {"--jobs", "1"});  // one database
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LT(fs::file_size(index_.path() / "spelling.glass"), 1u << 20);
  ExpectGoodIndexed();
}

TEST_F(BadInput, TwoHundredMegabyteTextIsRefusedWithItsSize) {
  // Sparse: 200 MB that cost no disk and are refused before being read.
  {
    std::ofstream(In("enorm.txt")) << "Början.";
  }
  fs::resize_file(In("enorm.txt"), 200'000'000);
  const auto start = std::chrono::steady_clock::now();
  RunResult r = Ingest({In("enorm.txt").string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(Has(r.err, In("enorm.txt").string() + ": text file of 200.0 MB is more than one document can hold"))
      << r.err;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
  ExpectGoodIndexed();
  RunResult status = Diar({"status", "--failed"});
  EXPECT_TRUE(Has(status.out, "enorm.txt")) << status.out;  // recorded, so a rerun skips it
}

TEST_F(BadInput, ThousandsOfPagesAreAllIndexed) {
  std::vector<std::string> pages;
  for (int i = 1; i <= 2000; ++i) {
    pages.push_back(testing::TextContent("Sida " + std::to_string(i) + " av protokollet, paragraf " +
                                         std::to_string(i * 7) + "."));
  }
  testing::WriteFile(In("tjock.pdf"), testing::MinimalPdf(pages));
  RunResult r = Ingest({In("tjock.pdf").string()}, {"--ocr", "never"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  RunResult status = Diar({"status"});
  EXPECT_TRUE(Has(status.out, "pages:     2001")) << status.out;
}

TEST_F(BadInput, GiantPageIsNotRenderedForOcrAndSaysSo) {
  // One 7000 x 7000 pt page (2.5 m square) of ink and no text layer: at
  // 300 dpi that was 29 s and 3.4 GB.
  const fs::path pdf = testing::BadInputs() / "giant-page.pdf";
  const auto start = std::chrono::steady_clock::now();
  RunResult r = Ingest({pdf.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.err, pdf.string() + ": page 1: page of 2469 x 2469 mm is too large to render for OCR"))
      << r.err;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
  ExpectGoodIndexed();
}

TEST_F(BadInput, GiantPageWithAnOcrTextLayerIsReadWithoutRenderingItWhole) {
  // A 200-inch square page whose text is drawn invisibly, as an OCR text
  // layer is: its table rules are looked for in a render only within OCR's
  // pixel budget (at 150 dpi it was 2.7 GB, over a worker's memory limit).
  testing::WriteFile(In("jatte-skanning.pdf"),
                     testing::MinimalPdf({"BT 3 Tr /F1 12 Tf 72 14300 Td (Kommunstyrelsens protokoll "
                                          "om kollektivtrafik och regional utveckling) Tj ET"},
                                         14400, 14400));
  RunResult r = Ingest({In("jatte-skanning.pdf").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  RunResult search = Diar({"search", "regional utveckling"});
  EXPECT_TRUE(Has(search.out, "jatte-skanning.pdf")) << search.out;
  ExpectGoodIndexed();
}

TEST_F(BadInput, FifoNamedPdfFailsAtOnceInsteadOfHanging) {
  ASSERT_EQ(::mkfifo(In("rör.pdf").c_str(), 0644), 0);
  RunResult r = Ingest({In("rör.pdf").string()}, {}, std::chrono::seconds(60));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(Has(r.err, In("rör.pdf").string() + ": a FIFO")) << r.err;
  ExpectGoodIndexed();
}

TEST_F(BadInput, DirectoryNamedPdfIsReadAsAFolder) {
  testing::WriteFile(In("mapp.pdf/inne.txt"), "Kommunfullmäktige antog budgeten.\n");
  RunResult r = Ingest({In("mapp.pdf").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  RunResult s = Diar({"search", "--format", "json", "budgeten"});
  EXPECT_TRUE(Has(s.out, "mapp.pdf/inne.txt")) << s.out;
  ExpectGoodIndexed();
}

TEST_F(BadInput, SymlinkLoopFailsByName) {
  fs::create_symlink(In("b.pdf"), In("a.pdf"));
  fs::create_symlink(In("a.pdf"), In("b.pdf"));
  RunResult r = Ingest({In("a.pdf").string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(Has(r.err, In("a.pdf").string() + ": a symbolic link loop")) << r.err;
  ExpectGoodIndexed();
}

TEST_F(BadInput, UnreadableFileFailsByName) {
  // As nobody when run as root, so the permission really is enforced.
  testing::WriteFile(In("hemlig.txt"), "Sekretess.\n");
  fs::permissions(In("hemlig.txt"), fs::perms::none);
  fs::permissions(in_.path(), fs::perms::all);
  fs::permissions(index_.path(), fs::perms::all);
  const testing::UnprivilegedDiar diar;
  std::string cmd = diar.command() + " --index " + testing::Quote(index_.path().string()) + " ingest " +
         testing::Quote(Good().string()) + " " + testing::Quote(In("hemlig.txt").string()) + " 2>" +
         testing::Quote((in_.path() / "err").string()) + " >/dev/null";
  const int status = std::system(cmd.c_str());
  const std::string err = testing::ReadFile(in_.path() / "err");
  ASSERT_TRUE(WIFEXITED(status)) << err;
  EXPECT_EQ(WEXITSTATUS(status), 1) << err;
  EXPECT_TRUE(Has(err, In("hemlig.txt").string() + ": cannot be read: permission denied")) << err;
  ExpectGoodIndexed();
}

// A name in Latin-1 (ö = 0xF6), as old Windows shares hold: not UTF-8.
TEST_F(BadInput, NonUtf8FileNameIsIngestedShownEscapedRemovedAndPruned) {
  const fs::path good_name = In("prot\xf6koll.txt");
  const fs::path bad_name = In("trasig\xf6.pdf");
  testing::WriteFile(good_name, "Kommunfullmäktige antog budgeten.\n");
  testing::WriteFile(bad_name, "ingen PDF");
  RunResult r = Ingest({good_name.string(), bad_name.string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;  // the bad one fails, the batch goes on
  RunResult s = Diar({"search", "--format", "json", "budgeten"});
  ASSERT_EQ(s.exit_code, 0) << s.err;
  EXPECT_TRUE(Has(s.out, "prot\\\\xF6koll.txt")) << s.out;  // JSON escapes the backslash
  RunResult failed = Diar({"status", "--failed"});
  EXPECT_TRUE(Has(failed.out, "trasig\\xF6.pdf: not a PDF")) << failed.out;
  ExpectGoodIndexed();

  RunResult removed = Diar({"remove", good_name.string()});
  EXPECT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_TRUE(Has(Diar({"search", "budgeten"}).out, "0 documents match"));

  fs::remove(bad_name);
  RunResult pruned = Ingest({}, {"--prune"});
  EXPECT_EQ(pruned.exit_code, 0) << pruned.err;
  EXPECT_TRUE(Has(Diar({"status"}).out, "failed:    0"));
  ExpectGoodIndexed();
}

}  // namespace
}  // namespace diar
