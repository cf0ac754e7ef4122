// Text inputs in UTF-8, UTF-16 with a BOM and Windows-1252 all come out as
// the same UTF-8 (ExtractFile on .txt files).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "pipeline/extract/extract.h"

namespace diar {
namespace {

namespace fs = std::filesystem;

// "Västerås kommun – beslut 2021–2023\r\nÅtgärd: ökad närvaro\n"
const std::string kUtf8 =
    "V\xC3\xA4ster\xC3\xA5s kommun \xE2\x80\x93 beslut 2021\xE2\x80\x93" "2023\n"
    "\xC3\x85tg\xC3\xA4rd: \xC3\xB6kad n\xC3\xA4rvaro\n";

std::string Extract(const std::string& bytes, const std::string& name) {
  const fs::path path = fs::temp_directory_path() / ("diar_text_file_test_" + name + ".txt");
  std::ofstream(path, std::ios::binary) << bytes;
  Result<ExtractedDocument> doc = ExtractFile(path.string(), {});
  fs::remove(path);
  EXPECT_TRUE(doc.ok()) << name;
  if (!doc.ok() || doc->pages.empty()) return "";
  return doc->pages[0].text;
}

std::string Utf16(bool little_endian) {
  // The code units of kUtf8, written out by hand through char16_t.
  std::u16string u = u"V\u00e4ster\u00e5s kommun \u2013 beslut 2021\u20132023\n"
                     u"\u00c5tg\u00e4rd: \u00f6kad n\u00e4rvaro\n";
  std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  for (char16_t c : u) {
    const char hi = static_cast<char>(c >> 8), lo = static_cast<char>(c & 0xFF);
    out += little_endian ? std::string{lo, hi} : std::string{hi, lo};
  }
  return out;
}

TEST(TextFile, ReadsUtf8) { EXPECT_EQ(Extract(kUtf8, "utf8"), kUtf8); }

TEST(TextFile, DropsAUtf8ByteOrderMark) {
  EXPECT_EQ(Extract("\xEF\xBB\xBF" + kUtf8, "utf8bom"), kUtf8);
}

TEST(TextFile, ReadsUtf16LittleEndianWithBom) { EXPECT_EQ(Extract(Utf16(true), "utf16le"), kUtf8); }

TEST(TextFile, ReadsUtf16BigEndianWithBom) { EXPECT_EQ(Extract(Utf16(false), "utf16be"), kUtf8); }

TEST(TextFile, ReadsWindows1252IncludingItsEnDash) {
  const std::string cp1252 =
      "V\xE4ster\xE5s kommun \x96 beslut 2021\x96" "2023\r\n\xC5tg\xE4rd: \xF6kad n\xE4rvaro\r\n";
  EXPECT_EQ(Extract(cp1252, "cp1252"), kUtf8);
}

TEST(TextFile, ReadsLatin1) {
  const std::string latin1 = "V\xE4ster\xE5s kommun\n\xC5tg\xE4rd: \xF6kad n\xE4rvaro\n";
  EXPECT_EQ(Extract(latin1, "latin1"),
            "V\xC3\xA4ster\xC3\xA5s kommun\n\xC3\x85tg\xC3\xA4rd: \xC3\xB6kad n\xC3\xA4rvaro\n");
}

TEST(TextFile, SplitsPagesAtFormFeeds) {
  const fs::path path = fs::temp_directory_path() / "diar_text_file_test_ff.txt";
  std::ofstream(path, std::ios::binary) << "sida ett\n\fsida tv\xC3\xA5\n";
  Result<ExtractedDocument> doc = ExtractFile(path.string(), {});
  fs::remove(path);
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->pages.size(), 2u);
  EXPECT_EQ(doc->pages[1].number, 2);
  EXPECT_EQ(doc->pages[1].text, "sida tv\xC3\xA5\n");
}

}  // namespace
}  // namespace diar
