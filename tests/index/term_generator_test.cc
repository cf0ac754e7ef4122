// Issue 16: diar's term generator (index/term_generator.h) indexes text into
// exactly the terms, wdf and positions Xapian's TermGenerator gives with
// diar's settings, on tricky cases and on random text.
#include "index/term_generator.h"

#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace diar {
namespace {

// Every term of `doc` with its wdf and positions, one a line.
std::string Terms(const Xapian::Document& doc) {
  std::ostringstream out;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    out << *t << " wdf " << t.get_wdf() << ":";
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) out << " " << *p;
    out << "\n";
  }
  return out.str();
}

Xapian::SimpleStopper& Stopper() {
  static Xapian::SimpleStopper stopper;
  if (stopper("och")) return stopper;
  for (const char* word : {"och", "att", "i", "en", "är", "a"}) stopper.add(word);
  return stopper;
}

// A title and a body as IndexText indexes them, by Xapian.
std::string ByXapian(const std::string& title, const std::string& body) {
  Xapian::Document doc;
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("swedish"));
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  generator.set_stopper(&Stopper());
  generator.set_stopper_strategy(Xapian::TermGenerator::STOP_STEMMED);
  generator.set_document(doc);
  generator.index_text(title, 5, "S");
  generator.index_text(title, 5);
  generator.increase_termpos();
  generator.index_text(body);
  return Terms(doc);
}

// The same by diar's term generator.
std::string ByDiar(const std::string& title, const std::string& body) {
  Xapian::Document doc;
  const Xapian::Stem swedish("swedish");
  std::string stem;
  TermGenerator generator(doc, &Stopper(), [&](const std::string& word) -> const std::string& {
    stem = swedish(word);
    return stem;
  });
  generator.Index(title, 5, "S");
  generator.Index(title, 5, "");
  generator.IncreaseTermpos();
  generator.Index(body, 1, "");
  return Terms(doc);
}

TEST(TermGenerator, IndexesTrickyTextAsXapianDoes) {
  const std::vector<std::string> cases = {
      "",
      "Regionstyrelsen och kommunfullmäktige beslutade att anta planen.",
      "ÅRSREDOVISNING 2022 för Region Västmanland",
      "U.S.A. och U.S.A och U.S.a och A. B. och AB. och I.T-stöd och E.U.:s",
      "X.Y.Z9 A.B_ A.B. A.",
      "AT&T O'Brien rock’n’roll l‛a x·y ׳ ‧ it's 'quoted' &amp; a&",
      "1,5 miljoner 2.3.4 3;4 10.000 kr 1.a 5:e 2021/2022 ١٬٢ ١,٢ 1٫2",
      "C++ C# F#+ c+++ c++++ fish+chips x+ +y #tag a+#b 3+4",
      "zero\u200bwidth\u200cjoin\u200d word\u2060joiner\ufeffbom 1\u200b2 x\u200b \u200by",
      "snake_case __init__ _x x_ a__b",
      "é́ e\u0301 \u0301a ǅemal ʰa ⅷ ² ½ 象形 カタカナ Ωμέγα ΣΟΦΊΑ İstanbul ß ẞ",
      "\xff\xfe bad \xc3 bytes \xe2\x82 in\x80side \xc3\xa5\xc3",
      "en-dash–and—em-dash co-operation e-post t.ex. bl.a. m.m. s.k.",
      std::string(64, 'a') + " " + std::string(65, 'b') + " " + std::string(32, '\xc3') + "x",
      std::string(30, 'a') + "\xc3\xa5\xc3\xa5" + " " + std::string(61, 'c') + "++",
      "ord\nmed\tradbrytning\r\noch\fsidbrytning\u2028och\u00a0nbsp",
      "dnr 2021/123-45 § 12 och KS 2020.0451 samt RS2019-00123",
  };
  for (const std::string& text : cases) {
    EXPECT_EQ(ByDiar(text, text), ByXapian(text, text)) << "text: " << text;
  }
}

TEST(TermGenerator, IndexesRandomTextAsXapianDoes) {
  // Pieces that meet at every kind of boundary the rules know.
  const std::vector<std::string> pieces = {
      "a", "B", "Z", "å", "Ä", "ö", "é", "1", "9", " ", "  ", "\n", ".", ",", ";", ":", "'",
      "&", "+", "#", "-", "_", "/", "’", "‛", "·", "‧", "\u200b", "\u2060", "\ufeff", "\u0301",
      "ǅ", "ʰ", "²", "٣", "٫", "\u037e", "\u2044", "象", "Ω", "\xff", "\xc3", "\x80", "U.",
      "och", "att", "Plan", "region", "2022", "AB", "i", "A.B.", "x"};
  std::mt19937 random(16);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 120);
    for (int i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
    const std::string title = text.substr(0, text.size() / 3);
    ASSERT_EQ(ByDiar(title, text), ByXapian(title, text)) << "round " << round << ": " << text;
  }
}

TEST(TermGenerator, SkipsWordsOverSixtyFourBytesWithoutAPosition) {
  Xapian::Document doc;
  std::string stem;
  TermGenerator generator(doc, nullptr, [&](const std::string& word) -> const std::string& {
    return stem = word;
  });
  generator.Index("kort " + std::string(65, 'x') + " ord", 1, "");
  EXPECT_EQ(Terms(doc), "Zkort wdf 1:\nZord wdf 1:\nkort wdf 1: 1\nord wdf 1: 2\n");
}

}  // namespace
}  // namespace diar
