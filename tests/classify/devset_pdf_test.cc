// Issue 15: the development set as PDFs. tests/devset/pdf/ holds devset
// documents typeset by scripts/make-devset-pdfs in authority layouts
// (letterhead table with Datum and Dnr beside the logo, running head
// repeating the title or dnr, footer with the issuer's address, page
// numbers; Chromium and LibreOffice Writer). Read through poppler, they must
// reach the same targets as the text: document type and issuer accuracy
// 0.9, date and own dnr 0.95, no title that is site chrome or the layout's
// page number or contact footer; mentions as for the text, scored on what
// the text has (a mention's text counted at most as often as the devset
// text has it; the rest is the layout's, listed, not counted). And the PDF
// path loses no field the text path gets right on the same documents. The
// test prints the text and PDF scores side by side.
#include <gtest/gtest.h>

#include <iostream>

#include "tests/classify/devset_scoring.h"

namespace diar {
namespace {

constexpr double kMinTypeAccuracy = 0.9;
constexpr double kMinIssuerAccuracy = 0.9;
constexpr double kMinDateAccuracy = 0.95;
constexpr double kMinDnrAccuracy = 0.95;
constexpr double kMinValueAccuracy = 0.97;
const std::map<std::string, double> kMinF1 = {
    {"body", 0.92}, {"plan", 0.88}, {"date", 0.97}, {"period", 0.97}, {"dnr", 0.97}};

// What the layouts add around the text: page numbers and the footer's
// address line.
const std::regex& LayoutChrome() {
  static const std::regex kLayout("^Sida \\d|Telefon|Tfn |www\\.|Box \\d", std::regex::icase);
  return kLayout;
}

class DevSetPdf : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::vector<std::string> errors;
    documents_ = new std::vector<DevsetDocument>(RunDevset("pdf/", ".pdf", HasDevsetPdf, &errors));
    texts_ = new std::vector<DevsetDocument>(RunDevset("", ".txt", HasDevsetPdf, &errors));
    for (const std::string& e : errors) ADD_FAILURE() << e;
  }
  static void TearDownTestSuite() {
    delete documents_;
    delete texts_;
  }

  static std::vector<DevsetDocument>* documents_;
  static std::vector<DevsetDocument>* texts_;  // the same documents as text
};
std::vector<DevsetDocument>* DevSetPdf::documents_ = nullptr;
std::vector<DevsetDocument>* DevSetPdf::texts_ = nullptr;

TEST_F(DevSetPdf, HasTenTypesetDocuments) { EXPECT_GE(documents_->size(), 10u); }

TEST_F(DevSetPdf, DocumentTypeAccuracy) {
  std::string misses;
  EXPECT_GE(FieldAccuracy(*documents_, "type", &misses), kMinTypeAccuracy) << misses;
}

TEST_F(DevSetPdf, IssuerAccuracy) {
  std::string misses;
  EXPECT_GE(FieldAccuracy(*documents_, "issuer", &misses), kMinIssuerAccuracy) << misses;
}

TEST_F(DevSetPdf, DateAccuracy) {
  std::string misses;
  EXPECT_GE(FieldAccuracy(*documents_, "date", &misses), kMinDateAccuracy) << misses;
}

TEST_F(DevSetPdf, OwnDnrAccuracy) {
  std::string misses;
  EXPECT_GE(FieldAccuracy(*documents_, "dnr", &misses), kMinDnrAccuracy) << misses;
}

TEST_F(DevSetPdf, NoTitleIsSiteChromeOrLayout) {
  for (const DevsetDocument& d : *documents_) {
    const std::string& title = d.classification.title;
    EXPECT_FALSE(std::regex_search(title, SiteChrome())) << d.name << ": title \"" << title << "\"";
    EXPECT_FALSE(std::regex_search(title, LayoutChrome())) << d.name << ": title \"" << title << "\"";
    EXPECT_FALSE(title.empty()) << d.name;
  }
}

TEST_F(DevSetPdf, LosesNoFieldTheTextGetsRight) {
  ASSERT_EQ(documents_->size(), texts_->size());
  for (const std::string field : {"type", "issuer", "date", "dnr"}) {
    std::string pdf_misses, text_misses;
    const double pdf = FieldAccuracy(*documents_, field, &pdf_misses);
    const double text = FieldAccuracy(*texts_, field, &text_misses);
    std::cout << field << ": text " << text << ", PDF " << pdf << "\n  text misses:" << text_misses
              << "\n  PDF misses:" << pdf_misses << "\n";
    for (std::size_t i = 0; i < documents_->size(); ++i) {
      const Classification& p = (*documents_)[i].classification;
      const Classification& t = (*texts_)[i].classification;
      const std::string& gold = (*texts_)[i].gold.at(field);
      const std::string got_pdf = FieldValue(p, field);
      if (FieldValue(t, field) == gold) {
        std::string cues = "; PDF cues:";
        for (const Cue& cue : p.cues) {
          if (cue.field == field || cue.field == "title") cues += " (" + cue.cue + ")";
        }
        cues += " PDF title \"" + p.title + "\"; text cues:";
        for (const Cue& cue : t.cues) {
          if (cue.field == field || cue.field == "title") cues += " (" + cue.cue + ")";
        }
        cues += " text title \"" + t.title + "\"";
        EXPECT_EQ(got_pdf, gold) << (*documents_)[i].name << ": " << field << cues;
      }
    }
  }
}

TEST_F(DevSetPdf, MentionsReachTheTargets) {
  std::string misses;
  const std::map<std::string, MentionCounts> counts = ScoreMentions(*documents_, true, &misses);
  std::string text_misses;
  std::map<std::string, MentionCounts> text_counts = ScoreMentions(*texts_, false, &text_misses);
  bool below = false;
  int matched = 0, valued = 0;
  for (const auto& [type, minimum] : kMinF1) {
    const MentionCounts c = counts.count(type) ? counts.at(type) : MentionCounts{};
    std::cout << type << ": F1 text " << text_counts[type].F1() << ", PDF " << c.F1() << "\n";
    EXPECT_GE(c.F1(), minimum) << type;
    below = below || c.F1() < minimum;
    matched += c.matched;
    valued += c.valued;
  }
  const double value_accuracy = static_cast<double>(valued) / matched;
  int text_matched = 0, text_valued = 0;
  for (const auto& [type, minimum] : kMinF1) {
    text_matched += text_counts[type].matched;
    text_valued += text_counts[type].valued;
  }
  std::cout << "value accuracy: text " << static_cast<double>(text_valued) / text_matched
            << ", PDF " << value_accuracy << "\n";
  EXPECT_GE(value_accuracy, kMinValueAccuracy);
  below = below || value_accuracy < kMinValueAccuracy;
  if (below) ADD_FAILURE() << "mentions:" << misses;
}

}  // namespace
}  // namespace diar
