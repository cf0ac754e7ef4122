#include "tests/classify/devset_scoring.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline/data_file/data_file.h"
#include "pipeline/extract/extract.h"
#include "pipeline/normalise/normalise.h"

namespace diar {
namespace {

std::string Root() { return std::string(DIAR_SOURCE_DIR) + "/tests/devset/"; }

std::string Fold(const std::string& s) {
  return std::regex_replace(s, std::regex("\\s+"), " ");
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Whether the byte at `at` (if any) is a letter or digit, so that a name
// found there is part of a longer word ("Sydsverige" in "Sydsveriges").
bool WordAt(const std::string& text, std::size_t at) {
  if (at >= text.size()) return false;
  const unsigned char c = static_cast<unsigned char>(text[at]);
  return std::isalnum(c) || c >= 0x80;
}

}  // namespace

std::vector<DevsetDocument> RunDevset(const std::string& prefix, const std::string& suffix,
                                      const std::function<bool(const std::string&)>& include,
                                      std::vector<std::string>* errors) {
  std::vector<DevsetDocument> documents;
  const std::string dictionaries = std::string(DIAR_SOURCE_DIR) + "/dictionaries";
  Result<Tagger> tagger = Tagger::Load(dictionaries, {});
  if (!tagger.ok()) {
    errors->push_back(tagger.error().message);
    return documents;
  }
  Result<Classifier> classifier = Classifier::Load(dictionaries);
  if (!classifier.ok()) {
    errors->push_back(classifier.error().message);
    return documents;
  }
  const std::vector<std::string> columns = {"file", "type", "issuer", "county",
                                            "date", "dnr", "title"};
  for (const DataLine& row : ReadTable(Root() + "classification.tsv", columns, errors)) {
    DevsetDocument d;
    d.name = row.fields[0];
    if (!include(d.name)) continue;
    const std::string path = Root() + prefix + d.name + suffix;
    for (std::size_t i = 0; i < columns.size(); ++i) d.gold[columns[i]] = row.fields[i];
    ExtractOptions options;
    options.ocr = OcrMode::kNever;
    Result<ExtractedDocument> source = ExtractFile(path, options);
    if (!source.ok()) {
      errors->push_back(source.error().message);
      continue;
    }
    NormalisedText text = Normalise(*source, {});
    TagContext context;
    context.document_date = tagger->DetectDocumentDate(text, source->created);
    d.mentions = tagger->Tag(text, context);
    d.classification = classifier->Classify(*source, text, d.mentions, *tagger);
    documents.push_back(std::move(d));
  }
  return documents;
}

bool HasDevsetPdf(const std::string& name) {
  return std::filesystem::exists(Root() + "pdf/" + name + ".pdf");
}

std::string FieldValue(const Classification& c, const std::string& field) {
  return field == "type" ? c.type : field == "issuer" ? c.issuer : field == "date" ? c.date : c.dnr;
}

double FieldAccuracy(const std::vector<DevsetDocument>& documents, const std::string& field,
                     std::string* misses) {
  int right = 0;
  for (const DevsetDocument& d : documents) {
    const Classification& c = d.classification;
    const std::string got = FieldValue(c, field);
    if (got == d.gold.at(field)) {
      ++right;
      continue;
    }
    *misses += "\n  " + d.name + ": gold \"" + d.gold.at(field) + "\", got \"" + got + "\"";
    for (const Cue& cue : c.cues) {
      if (cue.field == field) *misses += " (" + cue.cue + ")";
    }
  }
  return documents.empty() ? 0.0 : static_cast<double>(right) / documents.size();
}

const std::regex& SiteChrome() {
  static const std::regex kChrome(
      "Storlek: px|Starta visningen|Download \"|^Transkript|Save this PDF|WORD +PNG|"
      "No results found|^N/A$|^Protected$|Academic year|Share \"|Copied!|Loading|^Full text$|"
      "huvudinnehåll|Din position|logotyp|^\\(\\d+\\)$|^Upload:|TRANSCRIPT|Hoppa över navigering|"
      "Status: Signerat|^Verifikat$|^Transaktion \\d",
      std::regex::icase);
  return kChrome;
}

double MentionCounts::F1() const {
  const double precision = predicted ? static_cast<double>(matched) / predicted : 0.0;
  const double recall = gold ? static_cast<double>(matched) / gold : 0.0;
  return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
}

std::map<std::string, MentionCounts> ScoreMentions(const std::vector<DevsetDocument>& documents,
                                                   bool text_only, std::string* misses) {
  std::map<std::string, MentionCounts> counts;
  for (const DevsetDocument& d : documents) {
    std::vector<bool> used(d.mentions.size(), false);
    std::ifstream in(Root() + d.name + ".gold.tsv");
    if (!in) {
      *misses += "\n  " + d.name + ".gold.tsv: cannot be read";
      continue;
    }
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      const std::size_t a = line.find('\t'), b = line.find('\t', a + 1);
      const std::string type = line.substr(0, a), text = line.substr(a + 1, b - a - 1),
                        value = line.substr(b + 1);
      ++counts[type].gold;
      bool found = false;
      for (std::size_t i = 0; i < d.mentions.size() && !found; ++i) {
        const Mention& m = d.mentions[i];
        if (used[i] || m.type != type || Fold(m.text) != Fold(text)) continue;
        used[i] = found = true;
        ++counts[type].matched;
        if (m.value == value) {
          ++counts[type].valued;
        } else {
          *misses += "\n  " + d.name + ": value of " + type + " \"" + text + "\": \"" + m.value + "\"";
        }
      }
      if (!found) *misses += "\n  " + d.name + ": missed " + type + " \"" + text + "\"";
    }
    // With text_only, each text is allowed as many predicted mentions as it
    // occurs in the devset text, matched ones first; the rest are the
    // layout's.
    const std::string devset_text = text_only ? Fold(ReadAll(Root() + d.name + ".txt")) : "";
    std::map<std::string, int> allowed, seen;
    for (std::size_t i = 0; i < d.mentions.size(); ++i) {
      if (used[i]) ++seen[Fold(d.mentions[i].text)];
    }
    for (std::size_t i = 0; i < d.mentions.size(); ++i) {
      const Mention& m = d.mentions[i];
      const std::string text = Fold(m.text);
      if (text_only && !allowed.count(text)) {
        int n = 0;
        for (std::size_t at = devset_text.find(text); at != std::string::npos && !text.empty();
             at = devset_text.find(text, at + text.size())) {
          if (!WordAt(devset_text, at - 1) && !WordAt(devset_text, at + text.size())) ++n;
        }
        allowed[text] = n;
      }
      if (!used[i] && text_only && ++seen[text] > allowed[text]) {
        *misses += "\n  " + d.name + ": layout " + m.type + " \"" + m.text + "\" (not scored)";
        continue;
      }
      ++counts[m.type].predicted;
      if (!used[i]) *misses += "\n  " + d.name + ": false " + m.type + " \"" + m.text + "\"";
    }
  }
  return counts;
}

}  // namespace diar
