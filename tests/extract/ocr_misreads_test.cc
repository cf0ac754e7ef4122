// What OCR reliably misreads in Swedish authority documents, repaired on
// the lines an OCR engine wrote (ocr_misreads.h): the section sign of a
// protokoll's paragraph headings, which tesseract's Swedish model reads as
// "8" or "$", and a line-end hyphen read apart from its word. The inputs are lines as tesseract 5.3 gave them for scans of
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

}  // namespace
}  // namespace diar::extract_internal
