// Helpers shared by the tag tests: one Tagger loaded from the project's
// dictionaries, and short ways to tag a string and pick mentions.
#ifndef DIAR_TESTS_TAG_TAG_TEST_UTIL_H_
#define DIAR_TESTS_TAG_TAG_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/normalise/normalise.h"
#include "pipeline/tag/tag.h"

namespace diar::testing {

inline const Tagger& ProjectTagger() {
  static const Tagger* tagger = [] {
    Result<Tagger> loaded = Tagger::Load(DIAR_SOURCE_DIR "/dictionaries", {});
    if (!loaded) {
      ADD_FAILURE() << loaded.error().message;
      std::abort();
    }
    return new Tagger(std::move(loaded.value()));
  }();
  return *tagger;
}

inline NormalisedText Plain(const std::string& text) {
  NormalisedText normalised;
  normalised.text = text;
  normalised.page_starts = {0};
  normalised.page_ocr = {false};
  return normalised;
}

// Mentions of `type` in `text`.
inline std::vector<Mention> TagType(const std::string& text, const std::string& type,
                                    const TagContext& context = {}) {
  std::vector<Mention> out;
  for (Mention& m : ProjectTagger().Tag(Plain(text), context)) {
    if (m.type == type) out.push_back(std::move(m));
  }
  return out;
}

// "text=value" for each mention of `type`, joined by "; ": compact to compare.
inline std::string Spans(const std::string& text, const std::string& type,
                         const TagContext& context = {}) {
  std::string out;
  for (const Mention& m : TagType(text, type, context)) {
    if (!out.empty()) out += "; ";
    out += m.text + "=" + m.value;
  }
  return out;
}

struct Case {
  std::string text;
  std::string expected;  // Spans() of the wanted type; "" for none
};

}  // namespace diar::testing

#endif  // DIAR_TESTS_TAG_TAG_TEST_UTIL_H_
