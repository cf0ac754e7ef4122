#include "pipeline/classify/classify.h"

#include <filesystem>

#include "pipeline/classify/doc_types.h"
#include "pipeline/classify/issuer.h"
#include "pipeline/classify/text_scan.h"
#include "pipeline/classify/topics.h"

namespace diar {
namespace {

using classify_internal::Line;

// How far into the text the document's own dnr may stand: letterheads put it
// in the first few lines, and a dnr further down is usually a reference to
// another case (a bilaga, the other party's registry).
constexpr std::size_t kOwnDnrWindow = 600;

// A title is a short line; a long one is running text.
constexpr std::size_t kMaxTitleCodePoints = 160;

// Lines the title, label and letterhead are looked for in.
constexpr std::size_t kOpeningLines = 15;

bool StartsWithWord(std::string_view line, std::string_view word) {
  const std::string lower = classify_internal::LowerKeepOffsets(line);
  return lower.compare(0, word.size(), word) == 0 &&
         !classify_internal::WordCharAt(lower, word.size());
}

// Lines that hold a field of the letterhead block, not the title.
bool IsFieldLine(std::string_view line) {
  for (const char* label : {"datum", "dnr", "diarienummer", "till", "från", "ärende", "handläggare",
                            "sida", "er referens", "vår referens", "ert dnr", "vårt dnr",
                            "beslutsdatum", "sammanträdesdatum", "ansvarig", "kopia", "dokumenttyp"}) {
    if (StartsWithWord(line, label)) return true;
  }
  return false;
}

bool LineIsOneBody(const Line& line, const std::vector<Mention>& mentions) {
  for (const Mention& m : mentions) {
    if (m.type == "body" && m.start <= line.cp_begin && m.end >= line.cp_end) return true;
  }
  return false;
}

bool LooksLikeTitle(const Line& line) {
  const std::size_t n = line.cp_end - line.cp_begin;
  if (n < 3 || n > kMaxTitleCodePoints) return false;
  const char last = line.text.back();
  return last != '.' && last != ',';
}

}  // namespace

struct Classifier::Impl {
  classify_internal::DocTypes types;
  classify_internal::Topics topics;
};

Classifier::Classifier() : impl_(std::make_shared<Impl>()) {}
Classifier::Classifier(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Result<Classifier> Classifier::Load(const std::string& dictionary_dir) {
  auto impl = std::make_shared<Impl>();
  std::vector<std::string> errors;
  impl->types.Load(dictionary_dir, &errors);
  impl->topics.Load(dictionary_dir, &errors);
  if (!errors.empty()) {
    std::string message;
    for (const std::string& e : errors) message += (message.empty() ? "" : "\n") + e;
    return ConfigError(message);
  }
  return Classifier(std::move(impl));
}

Classification Classifier::Classify(const ExtractedDocument& source, const NormalisedText& text,
                                    const std::vector<Mention>& mentions,
                                    const Tagger& tagger) const {
  Classification c;
  const std::vector<Line> opening = classify_internal::SplitLines(text.text, kOpeningLines);

  // Title: the PDF's own, else the first line that is neither letterhead,
  // label nor field; the file name last.
  std::vector<std::string> titles;
  if (!source.title.empty()) titles.push_back(source.title);
  for (const Line& line : opening) {
    if (!LooksLikeTitle(line) || IsFieldLine(line.text) || LineIsOneBody(line, mentions) ||
        impl_->types.IsLabelLine(line.text)) {
      continue;
    }
    titles.emplace_back(line.text);
  }
  if (!source.title.empty()) {
    c.title = source.title;
    c.cues.push_back({"title", "PDF metadata Title"});
  } else if (titles.size() > 0) {
    c.title = titles.front();
    c.cues.push_back({"title", "first heading line of the text"});
  } else {
    c.title = std::filesystem::path(source.path).stem().string();
    c.cues.push_back({"title", "file name (no heading line in the opening)"});
  }

  const classify_internal::TypeDecision type = impl_->types.Detect(titles, opening, text.text);
  c.type = type.type;
  c.cues.push_back({"type", type.cue});

  const classify_internal::IssuerDecision issuer =
      classify_internal::DetectIssuer(source, opening, mentions, tagger);
  c.issuer = issuer.issuer;
  c.county = issuer.county;
  c.cues.push_back({"issuer", issuer.issuer_cue});
  if (!issuer.county_cue.empty()) c.cues.push_back({"county", issuer.county_cue});

  c.date = tagger.DetectDocumentDate(text, source.created);
  if (!c.date.empty()) {
    std::string cue = "PDF CreationDate " + source.created;
    for (const Mention& m : mentions) {
      if (m.type == "date" && m.value == c.date) {
        cue = "\"" + m.text + "\" on page " + std::to_string(m.page);
        break;
      }
    }
    c.cues.push_back({"date", cue});
  }

  // The own dnr: the first in the opening lines, unless its line says it is
  // the other party's ("Ert dnr", "Er referens").
  for (const Mention& m : mentions) {
    if (m.type != "dnr" || m.start >= kOwnDnrWindow) continue;
    bool theirs = false;
    for (const Line& line : opening) {
      if (m.start >= line.cp_begin && m.start < line.cp_end) {
        theirs = StartsWithWord(line.text, "ert") || StartsWithWord(line.text, "er");
      }
    }
    if (theirs) continue;
    c.dnr = m.value;
    c.cues.push_back({"dnr", "\"" + m.text + "\" in the opening lines"});
    break;
  }

  for (const classify_internal::TopicDecision& topic : impl_->topics.Detect(c.title, text.text)) {
    c.topics.push_back(topic.topic);
    c.cues.push_back({"topic", topic.topic + ": " + topic.cue});
  }
  return c;
}

}  // namespace diar
