#include "index/document.h"

#include <ctime>
#include <set>

#include "index/date_query.h"
#include "index/dnr_key.h"
#include "index/facets.h"
#include "index/record.h"
#include "index/schema.h"
#include "index/text_terms.h"
#include "pipeline/extract/extract.h"

namespace diar {
namespace {

// "2022-03-29" -> "20220329"; anything else -> "".
std::string DateSlot(const std::string& date) {
  if (date.size() < 4) return "";
  std::string digits;
  for (char c : date) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  while (digits.size() < 8) digits += "01";
  return digits.substr(0, 8);
}

}  // namespace

std::string IdTerm(const std::string& sha256) {
  return std::string(schema::kId) + sha256;
}

DocumentBuilder::DocumentBuilder(const std::vector<std::string>& stopwords,
                                 std::shared_ptr<const Lexicon> lexicon)
    : stopwords_(stopwords), stopper_(stopwords_), lexicon_(std::move(lexicon)) {}

Xapian::Document DocumentBuilder::Build(const ProcessedDocument& document,
                                        const std::string& path) const {
  const StoredDocument record = RecordFromProcessed(document, path);
  Xapian::Document doc;
  doc.add_boolean_term(IdTerm(record.id));
  for (const std::string& path : record.paths) doc.add_boolean_term(PathTerm(path));
  IndexText(record.classification.title, record.text, doc, &stopper_, *lexicon_);

  std::set<std::string> facets;
  auto facet = [&](std::string_view prefix, const std::string& value) {
    if (value.empty()) return;
    const std::string term = PrefixedTerm(prefix, value);
    doc.add_boolean_term(term);
    facets.insert(term);
  };
  auto dnr = [&](const std::string& value) {
    facet(schema::kDnr, value);
    for (const std::string& term : DnrKeyTerms(value)) doc.add_boolean_term(term);
  };
  for (const Mention& m : record.mentions) {
    if (m.type == "body") facet(schema::kBody, m.value);
    if (m.type == "plan") facet(schema::kPlan, m.value);
    if (m.type == "dnr") dnr(m.value);
    // Days only: a month or a season is no day a user types.
    if (m.type == "date" && IsDay(m.value)) {
      doc.add_boolean_term(PrefixedTerm(schema::kDateMentioned, m.value));
    }
  }
  const Classification& c = record.classification;
  facet(schema::kType, c.type);
  facet(schema::kIssuer, c.issuer);
  facet(schema::kCounty, c.county);
  for (const std::string& topic : c.topics) facet(schema::kTopic, topic);
  dnr(c.dnr);
  const std::string date = DateSlot(c.date);
  if (!date.empty()) {
    doc.add_value(schema::kSlotDate, date);
    facet(schema::kYear, date.substr(0, 4));
    doc.add_value(schema::kSlotYear,
                  Xapian::sortable_serialise(std::stoi(date.substr(0, 4))));
  }
  // Not facets users filter on, so not in the facet slot.
  doc.add_boolean_term(PrefixedTerm(schema::kFormat, record.format));
  doc.add_boolean_term(std::string(schema::kDerived) + std::to_string(schema::kDerivedRevision));
  if (!record.ocr_pages.empty()) doc.add_boolean_term(PrefixedTerm(schema::kOcr, "ocr"));
  doc.add_value(schema::kSlotFacets, EncodeFacetTerms(facets));
  doc.add_value(schema::kSlotIngested,
                Xapian::sortable_serialise(static_cast<double>(std::time(nullptr))));
  // Files with the same normalised text (one text in two encodings, a PDF
  // and its text export) collapse into one hit; the term finds the others.
  const std::string text_hash = Sha256Hex(record.text).substr(0, 32);
  doc.add_value(schema::kSlotTextHash, text_hash);
  doc.add_boolean_term(std::string(schema::kTextHash) + text_hash);
  SetRecord(record, doc);
  return doc;
}


}  // namespace diar
