// Tagger: loads the dictionaries and runs the passes over a text: the
// prefilter, the rules and gazetteer where it points, then overlap
// resolution per type.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <tuple>

#include "pipeline/tag/acronyms.h"
#include "pipeline/tag/document_date.h"
#include "pipeline/tag/gazetteer.h"
#include "pipeline/tag/lexicon.h"
#include "pipeline/tag/misspellings.h"
#include "pipeline/tag/non_mentions.h"
#include "pipeline/tag/prefilter.h"
#include "pipeline/tag/resolve.h"
#include "pipeline/tag/text_util.h"
#include "pipeline/tag/rule_set.h"
#include "pipeline/tag/tag.h"
#include "pipeline/tag/text_util.h"
#include "pipeline/tag/values.h"

namespace diar {

using tag_internal::Candidate;

struct Tagger::Impl {
  tag_internal::Lexicon lexicon;
  tag_internal::RuleSet rules;
  tag_internal::Gazetteer gazetteer;
  tag_internal::Prefilter prefilter;
  tag_internal::Misspellings misspellings;
};

Tagger::Tagger(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Result<Tagger> Tagger::Load(const std::string& dictionary_dir, const TaggerOptions& options) {
  auto impl = std::make_shared<Impl>();
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
  impl->lexicon.Load(dictionary_dir, &errors);
  impl->rules.Load(dictionary_dir, impl->lexicon, {"body", "plan", "date", "period", "dnr"},
                   tag_internal::FormerNames(), &errors, &warnings);
  // The lists each used value former reads must be there.
  for (const tag_internal::FormerSpec& former : tag_internal::Formers()) {
    const auto& rules = impl->rules.rules();
    const bool used = std::any_of(rules.begin(), rules.end(),
                                  [&](const auto& rule) { return rule->former == former.name; });
    if (!used) continue;
    for (const std::string& list : former.lists) {
      if (!impl->lexicon.HasList(list)) {
        errors.push_back(dictionary_dir + "/" + list + ".list: missing; the value former \"" +
                         former.name + "\" needs it");
      }
    }
  }
  impl->gazetteer.Load(dictionary_dir, impl->lexicon, &errors, &warnings);
  {
    std::vector<std::pair<std::string, std::string>> names;
    impl->gazetteer.ForEachName([&](const std::string& form, const std::string& canonical) {
      names.emplace_back(form, canonical);
    });
    // Optional: without it the matcher knows the gazetteer's names only.
    if (impl->lexicon.HasList("misspelling_organs")) {
      for (const std::string& organ : impl->lexicon.Get("misspelling_organs").Forms()) {
        names.emplace_back(organ, organ);
      }
    }
    impl->misspellings.Build(names);
  }
  if (errors.empty()) impl->prefilter.Build(impl->rules, impl->gazetteer, &errors);
  if (impl->rules.size() == 0 && errors.empty()) {
    errors.push_back(dictionary_dir + ": no *.rules files; point --dictionaries at diar's "
                                      "dictionaries/ folder");
  }
  if (options.logger) {
    for (const std::string& warning : warnings) options.logger->warn("{}", warning);
  }
  if (!errors.empty()) {
    std::string message;
    for (const std::string& error : errors) message += (message.empty() ? "" : "\n") + error;
    return ConfigError(message);
  }
  return Tagger(std::move(impl));
}

std::vector<Mention> Tagger::Tag(const NormalisedText& text, const TagContext& context) const {
  const std::string_view body(text.text);
  std::vector<Candidate> candidates;
  // About one candidate per 200 bytes in dense regional documents.
  candidates.reserve(body.size() / 200 + 16);
  tag_internal::Prefilter::Hits hits;
  impl_->prefilter.Scan(body, &hits);
  impl_->rules.Scan(body, hits.rule_atoms, [&](const tag_internal::RuleMatch& match) {
    tag_internal::FormedValue value;
    if (!tag_internal::FormValue(match, impl_->lexicon, impl_->gazetteer, context, &value)) {
      // A rejected one-word match hides no shorter mention: go on after it
      // rather than look inside again.
      const std::string_view span = body.substr(match.begin, match.end - match.begin);
      return tag_internal::FindAnyOf(span, " \n\t") == std::string_view::npos ? match.end : std::size_t{0};
    }
    Candidate c;
    c.type = match.rule->type;
    c.begin = value.begin > 0 ? value.begin : match.begin;
    c.end = value.end > match.begin ? value.end : match.end;
    c.value = std::move(value.value);
    c.document_canonical = value.document_canonical;
    c.inferred = value.inferred;
    c.owner = std::move(value.owner);
    c.owned_value = std::move(value.owned_value);
    c.rule = &match.rule->id;
    const std::size_t end = c.end;
    candidates.push_back(std::move(c));
    return end;
  });
  impl_->gazetteer.Scan(body, hits.name_starts, [&](const tag_internal::GazetteerMatch& match) {
    Candidate c;
    c.type = "body";
    c.begin = match.begin;
    c.end = match.end;
    c.canonical = &match.entry->info.canonical;
    c.rule = &match.entry->rule;
    c.from_dictionary = true;
    c.emit = match.entry->is_body;
    // A national organisation's regional branch ("Röda Korset Jämtland")
    // is a body of its own, not in the dictionary: its text is its value,
    // without a genitive.
    const std::string& kind = match.entry->info.kind;
    if (kind == "organisation" || kind == "natverk") {
      if (const std::size_t end = impl_->gazetteer.CountyEnd(body, match.end); end != 0) {
        c.end = end;
        // The organisation as the gazetteer spells it, whichever case the
        // text has ("Röda korset Jämtland" and "Röda Korset Jämtland" are
        // one branch); the county as CountyEnd found it, without a genitive.
        c.value = impl_->gazetteer.ListedForm(body.substr(match.begin, match.end - match.begin)) +
                  " " + tag_internal::FoldSpace(body.substr(match.end, end - match.end));
        if (c.value.back() == 's') c.value.pop_back();
        c.canonical = nullptr;
      }
    }
    candidates.push_back(std::move(c));
  });
  impl_->misspellings.Find(body, &candidates);
  tag_internal::AddNamedByAcronym(body, impl_->lexicon, &candidates);
  tag_internal::AddDefinedAcronyms(body, &candidates);
  tag_internal::DropNonMentions(body, &candidates);
  return tag_internal::Resolve(text, std::move(candidates));
}

std::string Tagger::DetectDocumentDate(const NormalisedText& text,
                                       const std::string& metadata_date) const {
  return tag_internal::DetectDocumentDate(text.text, impl_->prefilter, impl_->rules,
                                          impl_->lexicon, impl_->gazetteer, metadata_date);
}

const BodyInfo* Tagger::FindBody(const std::string& canonical) const {
  return impl_->gazetteer.FindCanonical(canonical);
}

bool Tagger::IsOwnedPart(const std::string& value) const {
  const std::string lower = tag_internal::Lower(value);
  const std::size_t space = lower.rfind(' ');
  const std::string_view last =
      std::string_view(lower).substr(space == std::string::npos ? 0 : space + 1);
  return !impl_->lexicon.LongestSuffix("owned_heads", last).empty();
}

bool Tagger::IsNumberLabel(std::string_view word) const {
  return impl_->lexicon.Contains("dnr_labels", word) || impl_->lexicon.Contains("date_labels", word);
}

}  // namespace diar
