// documents: small Swedish documents written by the ingest tests — distinct
// texts with bodies, plans, dates and dnr to tag, and scanned pages (image
// only, so a worker spends seconds in OCR on them).
#ifndef DIAR_TESTS_INGEST_DOCUMENTS_H_
#define DIAR_TESTS_INGEST_DOCUMENTS_H_

#include <filesystem>
#include <string>
#include <vector>

#include "tests/extract/pdf_maker.h"
#include "tests/foundation/cli_runner.h"

namespace diar::testing {

// The text of document `i`: a short tjänsteskrivelse, different for each i.
inline std::string TextDocument(int i) {
  static const char* const kBodies[] = {"Kulturnämnden", "Regionstyrelsen", "Tillväxtverket",
                                        "Länsstyrelsen i Västmanlands län", "Kommunstyrelsen"};
  static const char* const kPlans[] = {"Kulturplan 2022–2025", "Regional utvecklingsstrategi",
                                       "Folkhälsoplan för 2023", "Översiktsplan 2030"};
  const std::string n = std::to_string(i);
  return "Tjänsteskrivelse\nDatum 2022-0" + std::to_string(1 + i % 9) + "-1" +
         std::to_string(i % 10) + "\nDnr RS 2022/" + std::to_string(100 + i) +
         "\n\nÄrende " + n + ": " + kPlans[i % 4] + "\n\n" + kBodies[i % 5] +
         " föreslår att ärendet bereds vidare. Underlaget har tagits fram tillsammans med " +
         kBodies[(i + 2) % 5] + " under perioden 2021–2023. Beslutet gäller " + kPlans[(i + 1) % 4] +
         " och ska följas upp senast den 30 juni 2024. Ärendenummer " + n + ".\n";
}

// Writes documents 0..count-1 as doc-NN.txt in `dir`; returns their paths.
inline std::vector<std::filesystem::path> WriteTextDocuments(const std::filesystem::path& dir,
                                                             int count, int first = 0) {
  std::vector<std::filesystem::path> paths;
  for (int i = first; i < first + count; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "doc-%03d.txt", i);
    paths.push_back(dir / name);
    WriteFile(paths.back(), TextDocument(i));
  }
  return paths;
}

// A PDF of `pages` pages with no text layer: OCR reads each, which takes
// a second or more a page.
inline void WriteScan(const std::filesystem::path& path, int i, int pages = 1) {
  std::filesystem::create_directories(path.parent_path());
  PageSpec page;
  page.image_only = true;
  for (int line = 0; line < 6; ++line) {
    page.blocks.push_back({"Protokoll " + std::to_string(i) + ". Regionstyrelsen beslutade den "
                           "12 mars 2022 att anta Kulturplan 2022–2025 för Region Västmanland och "
                           "att uppdra åt regiondirektören att återkomma med en uppföljning."});
  }
  MakePdf(path.string(), std::vector<PageSpec>(static_cast<std::size_t>(pages), page), Style{});
}

}  // namespace diar::testing

#endif  // DIAR_TESTS_INGEST_DOCUMENTS_H_
