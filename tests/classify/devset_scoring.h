// Issue 15: scores diar on the development set (tests/devset/) against its
// gold, shared by the tests that read the set as text and as PDFs. Each
// document goes through extract, normalise, tag and classify as ingest
// does; classification is scored per field against classification.tsv,
// mentions against <name>.gold.tsv (TAGGING.md's rules: same type, same
// text up to whitespace, value compared where the text matches).
#ifndef DIAR_TESTS_CLASSIFY_DEVSET_SCORING_H_
#define DIAR_TESTS_CLASSIFY_DEVSET_SCORING_H_

#include <functional>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "pipeline/classify/classify.h"
#include "pipeline/tag/tag.h"

namespace diar {

struct DevsetDocument {
  std::string name;                          // file stem in tests/devset/
  std::map<std::string, std::string> gold;   // classification.tsv columns
  Classification classification;
  std::vector<Mention> mentions;
};

// Runs the documents of classification.tsv that `include` accepts through
// the pipeline, reading each from tests/devset/<prefix><name><suffix> (""
// and ".txt" for the text, "pdf/" and ".pdf" for the PDFs). Problems
// (unreadable files, bad gold rows) go to `errors`.
std::vector<DevsetDocument> RunDevset(const std::string& prefix, const std::string& suffix,
                                      const std::function<bool(const std::string&)>& include,
                                      std::vector<std::string>* errors);

// Whether tests/devset/pdf/ has the document `name` as a PDF.
bool HasDevsetPdf(const std::string& name);

// The classification's `field`: type, issuer, date or dnr.
std::string FieldValue(const Classification& c, const std::string& field);

// Share of documents whose classification `field` (type, issuer, date, dnr)
// equals the gold; each miss is appended to `misses` with its cues.
double FieldAccuracy(const std::vector<DevsetDocument>& documents, const std::string& field,
                     std::string* misses);

// Site chrome the crawled documents carry (their first lines): a title must
// never match. Written from the documents, independently of
// dictionaries/page_lines.tsv, which the classifier reads.
const std::regex& SiteChrome();

struct MentionCounts {
  int gold = 0, predicted = 0, matched = 0, valued = 0;
  double F1() const;
};

// Mention counts per type over `documents`. With `text_only`, predicted
// mentions of a text beyond the number of times the document's devset text
// has it (whitespace folded) are what a PDF's letterhead, running head or
// footer added: they are listed in `misses` as "layout" but not counted,
// since the gold covers the text only.
std::map<std::string, MentionCounts> ScoreMentions(const std::vector<DevsetDocument>& documents,
                                                   bool text_only, std::string* misses);

}  // namespace diar

#endif  // DIAR_TESTS_CLASSIFY_DEVSET_SCORING_H_
