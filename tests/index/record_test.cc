// The stored record (index/record.h): a document's text is stored once, in
// the text slot, and every reader still gets it whole — from new documents,
// from documents whose paths changed, and from indexes written when the
// record carried the text itself.
#include <xapian.h>

#include <string>

#include "index/record.h"
#include "index/schema.h"
#include "tests/index/index_fixture.h"

namespace diar {
namespace {

using testing::MakeDocument;

const std::string kText =
    "Kulturnämnden beslutade att anta kulturplanen för Västerås stad. "
    "Planen gäller för perioden 2022-2025 och följs upp varje år.";

Xapian::Document StoredDocumentAt(const std::string& dir) {
  Xapian::Database db(dir);
  return db.get_document(*db.postlist_begin(""));
}

TEST(StoredText, IsKeptInTheTextSlotAndNotInTheRecordData) {
  testing::TempDir dir;
  {
    IndexWriter w = testing::OpenWriter(dir.path());
    ASSERT_TRUE(w.Add(MakeDocument("plan.txt", kText), "/r/plan.txt"));
    ASSERT_TRUE(w.Commit());
  }
  const Xapian::Document doc = StoredDocumentAt(dir.path());
  EXPECT_EQ(doc.get_value(schema::kSlotText), kText);
  EXPECT_EQ(doc.get_data().find("Kulturnämnden beslutade"), std::string::npos) << doc.get_data();
  EXPECT_EQ(DecodeRecord(doc).text, kText);
}

TEST(StoredText, IsReadWholeByShowAfterTheDocumentLosesAPath) {
  testing::TempDir dir;
  {
    IndexWriter w = testing::OpenWriter(dir.path());
    ASSERT_TRUE(w.Add(MakeDocument("plan.txt", kText), "/r/plan.txt"));
    ASSERT_TRUE(w.Add(MakeDocument("plan.txt", kText), "/r/kopia.txt"));
    ASSERT_TRUE(w.Remove("/r/plan.txt"));
    ASSERT_TRUE(w.Commit());
  }
  Result<StoredDocument> shown = testing::OpenSearcher(dir.path()).Get("/r/kopia.txt");
  ASSERT_TRUE(shown) << shown.error().message;
  EXPECT_EQ(shown->text, kText);
  EXPECT_EQ(shown->paths, std::vector<std::string>{"/r/kopia.txt"});
}

TEST(StoredText, OfARecordThatCarriesItsTextIsReadFromTheRecord) {
  // How documents were stored before the text left the record: no text
  // slot is needed to read them.
  Xapian::Document doc;
  doc.set_data(R"({"id":"abc","paths":["/r/gammal.txt"],"text":")" + kText + R"("})");
  const StoredDocument record = DecodeRecord(doc);
  EXPECT_EQ(record.text, kText);
  EXPECT_EQ(record.paths, std::vector<std::string>{"/r/gammal.txt"});
}

}  // namespace
}  // namespace diar
