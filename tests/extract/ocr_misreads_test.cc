// What OCR reliably misreads in Swedish authority documents, repaired on
// the lines an OCR engine wrote (ocr_misreads.h): the section sign of a
// protokoll's paragraph headings, which tesseract's Swedish model reads as
// "8" or "$", a line-end hyphen read apart from its word, a range's en dash
// read as two dashes, the party letter S read as 5 and a bullet read as a
// quotation mark or a plus sign. The inputs are lines as tesseract 5.3 gave them for scans of
// the LibreOffice protokoll in tests/data/producers.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/extract/ocr_misreads.h"

namespace diar::extract_internal {
namespace {

std::string Repaired(const std::string& text) {
  std::vector<TextLine> lines(1);
  lines[0].text = text;
  RepairOcrMisreads(lines);
  return lines[0].text;
}

TEST(OcrMisreads, AParagraphHeadingsSectionSignReadAsAnEightOrADollar) {
  EXPECT_EQ(Repaired("8 45 Val av justerare"), "§ 45 Val av justerare");
  EXPECT_EQ(Repaired("8 47 Dnr KS 2022/0092 Överenskommelse om samverkan"),
            "§ 47 Dnr KS 2022/0092 Överenskommelse om samverkan");
  EXPECT_EQ(Repaired("$ 112 Årsredovisning 2022"), "§ 112 Årsredovisning 2022");
}

TEST(OcrMisreads, TheParagraphsFieldOfTheProtokollsForm) {
  EXPECT_EQ(Repaired("Paragrafer 8 45-48"), "Paragrafer § 45-48");
  EXPECT_EQ(Repaired("Paragraf $ 12"), "Paragraf § 12");
}

TEST(OcrMisreads, NumbersThatMayMeanWhatTheySayAreLeft) {
  for (const char* line : {"8 Ekonomi och uppföljning", "8 45 kronor per timme",
                           "8 2023 Budget", "80 45 Val av justerare",
                           "Regionfullmäktige 2022-02-22, 8 14, Förtroendepersonsorganisation",
                           "som behandlas som 8 48.", "Paragrafer 45-48", "8.4 Bakgrund"}) {
    EXPECT_EQ(Repaired(line), line);
  }
}

TEST(OcrMisreads, ALineEndHyphenSetApartFromItsWordIsGluedBack) {
  EXPECT_EQ(Repaired("transparent samverkan för regional utveckling. Den omfattar så -"),
            "transparent samverkan för regional utveckling. Den omfattar så-");
  EXPECT_EQ(Repaired("finner att kommunstyrelsen beslutar att av -"),
            "finner att kommunstyrelsen beslutar att av-");
}

TEST(OcrMisreads, ADashAfterAFigureOrInsideALineStays) {
  for (const char* line : {"Löpande 2021 -", "Kapitel 3 -", "Samverkan - en nationell plan",
                           "Bilaga 3 - Budget"}) {
    EXPECT_EQ(Repaired(line), line);
  }
}

TEST(OcrMisreads, TheParagraphsFieldReadAsALineOfItsOwnBesideItsLabel) {
  std::vector<TextLine> lines(2);
  lines[0] = {"Paragrafer", 57, 200, 110, 212};
  lines[1] = {"8 45-48", 200, 200, 240, 212};
  RepairOcrMisreads(lines);
  EXPECT_EQ(lines[1].text, "§ 45-48");
}

TEST(OcrMisreads, ANumberUnderTheParagraphsLabelIsLeft) {
  std::vector<TextLine> lines(2);
  lines[0] = {"Paragrafer", 57, 200, 110, 212};
  lines[1] = {"8 45 kronor per timme", 57, 214, 240, 226};
  RepairOcrMisreads(lines);
  EXPECT_EQ(lines[1].text, "8 45 kronor per timme");
}

TEST(OcrMisreads, ARangesEnDashReadAsTwoDashes) {
  EXPECT_EQ(Repaired("tisdagen den 16 maj 2023 kl. 13.00–-16.15"),
            "tisdagen den 16 maj 2023 kl. 13.00–16.15");
  EXPECT_EQ(Repaired("kl. 13.00—-16.15"), "kl. 13.00–16.15");
  EXPECT_EQ(Repaired("perioden 2019--2022 har"), "perioden 2019–2022 har");
}

TEST(OcrMisreads, OneDashOrDashesNotBetweenFiguresStay) {
  for (const char* line : {"2023-04-12", "2019–2022", "Bilaga 3 -- Budget", "sid. 4--",
                           "Kapitel 3 - 4 Ekonomi"}) {
    EXPECT_EQ(Repaired(line), line);
  }
}

TEST(OcrMisreads, ThePartyLetterSReadAsAFiveAfterAName) {
  EXPECT_EQ(Repaired("Utses att justera Karin Holm (M) och Johan Ek (5)"),
            "Utses att justera Karin Holm (M) och Johan Ek (S)");
  EXPECT_EQ(Repaired("Stig Åkesson (5D), Anna Lindqvist (5), ordförande"),
            "Stig Åkesson (SD), Anna Lindqvist (S), ordförande");
}

TEST(OcrMisreads, AFigureInParenthesesNotAfterANameStays) {
  for (const char* line : {"(5) Beslutet gäller", "enligt punkt (5) ovan", "Holm (50)",
                           "Ek (5)a"}) {
    EXPECT_EQ(Repaired(line), line);
  }
}

TEST(OcrMisreads, ABulletReadAsAQuotationMarkAGuillemetOrAPlusSign) {
  EXPECT_EQ(Repaired("” Tjänsteskrivelse från kommunledningsförvaltningen 2023-04-12"),
            "• Tjänsteskrivelse från kommunledningsförvaltningen 2023-04-12");
  EXPECT_EQ(Repaired("+ Överenskommelse om samverkan"), "• Överenskommelse om samverkan");
  EXPECT_EQ(Repaired("« Överenskommelse om samverkan"), "• Överenskommelse om samverkan");
  EXPECT_EQ(Repaired("« - Primärkommunala beredningens protokoll"),
            "• Primärkommunala beredningens protokoll");
}

TEST(OcrMisreads, ABulletReadAsAQuotationMarkOnALineOfItsOwnBesideItsItem) {
  std::vector<TextLine> lines(2);
  lines[0] = {"«", 70, 300, 74, 312};
  lines[1] = {"Tjänsteskrivelse från kommunledningsförvaltningen", 85, 300, 300, 312};
  RepairOcrMisreads(lines);
  EXPECT_EQ(lines[0].text, "•");
}

TEST(OcrMisreads, AQuotationMarkOrPlusSignThatMeansItselfStays) {
  for (const char* line : {"”Vi vill ha mer samverkan” sade hon", "+ 4 procent",
                           "2 + 2 Modell", "” och", "”", "+", "«Ja»",
                           "- Primärkommunala"}) {
    EXPECT_EQ(Repaired(line), line);
  }
}

}  // namespace
}  // namespace diar::extract_internal
