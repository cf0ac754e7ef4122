// The prefilter only saves work: the rules and the gazetteer find the same
// matches where it points them as when every offset may begin a match.
// Run over the development texts, this checks every @atoms line (an atom a
// match can lack, or a lead atom that does not begin it, shows as a
// difference) and the anchored matching of lead rules and names.
#include "pipeline/tag/prefilter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/tag/gazetteer.h"
#include "pipeline/tag/lexicon.h"
#include "pipeline/tag/rule_set.h"

namespace diar::tag_internal {
namespace {

struct Dictionaries {
  Lexicon lexicon;
  RuleSet rules;
  Gazetteer gazetteer;
  Prefilter prefilter;
  Dictionaries() {
    const std::string dir = DIAR_SOURCE_DIR "/dictionaries";
    std::vector<std::string> errors;
    std::vector<std::string> warnings;
    lexicon.Load(dir, &errors);
    rules.Load(dir, lexicon, {"body", "plan", "date", "period", "dnr"},
               {"date", "period", "dnr", "text", "organ", "plan", "name"}, &errors, &warnings);
    gazetteer.Load(dir, lexicon, &errors, &warnings);
    prefilter.Build(rules, gazetteer, &errors);
    for (const std::string& error : errors) ADD_FAILURE() << error;
    // Every project rule has atoms: none runs on the whole text.
    for (const std::string& warning : warnings) {
      EXPECT_EQ(warning.find("has no atoms"), std::string::npos) << warning;
    }
  }
};

const Dictionaries& Project() {
  static const Dictionaries* dictionaries = new Dictionaries();
  return *dictionaries;
}

// The development texts: the seeds, the corpus's truth texts and the
// reviewed documents (bench/tag/reviewed).
std::vector<std::string> Texts() {
  std::vector<std::string> texts;
  for (const char* dir : {DIAR_SOURCE_DIR "/tests/gold", DIAR_SOURCE_DIR "/corpus",
                          DIAR_SOURCE_DIR "/bench/tag/reviewed"}) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      const std::string ext = entry.path().extension().string();
      if (ext != ".txt" && ext != ".truth") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream content;
      content << in.rdbuf();
      texts.push_back(content.str());
    }
  }
  return texts;
}

std::vector<std::size_t> EveryOffset(std::string_view text) {
  std::vector<std::size_t> offsets(text.size());
  for (std::size_t i = 0; i < offsets.size(); ++i) offsets[i] = i;
  return offsets;
}

// "rule begin-end" per match. The sink turns down every third match, so
// that the looking-again after a rejection is compared too.
std::vector<std::string> RuleMatches(std::string_view text,
                                     const std::vector<std::vector<std::size_t>>& atoms) {
  std::vector<std::string> matches;
  Project().rules.Scan(text, atoms, [&](const RuleMatch& match) {
    matches.push_back(match.rule->id + " " + std::to_string(match.begin) + "-" +
                      std::to_string(match.end));
    return matches.size() % 3 == 0 ? std::size_t{0} : match.end;
  });
  return matches;
}

std::vector<std::string> NameMatches(std::string_view text, const std::vector<std::size_t>& starts) {
  std::vector<std::string> matches;
  Project().gazetteer.Scan(text, starts, [&](const GazetteerMatch& match) {
    matches.push_back(match.entry->info.canonical + " " + std::to_string(match.begin) + "-" +
                      std::to_string(match.end));
  });
  return matches;
}

TEST(Prefilter, RulesFindWhatTheyFindEverywhere) {
  const std::vector<std::string> texts = Texts();
  ASSERT_GE(texts.size(), 6u);
  for (const std::string& text : texts) {
    Prefilter::Hits hits;
    Project().prefilter.Scan(text, &hits);
    const std::vector<std::vector<std::size_t>> everywhere(Project().rules.size(),
                                                           EveryOffset(text));
    const std::vector<std::string> expected = RuleMatches(text, everywhere);
    EXPECT_GT(expected.size(), 10u);
    EXPECT_EQ(RuleMatches(text, hits.rule_atoms), expected);
  }
}

TEST(Prefilter, GazetteerFindsWhatItFindsEverywhere) {
  for (const std::string& text : Texts()) {
    Prefilter::Hits hits;
    Project().prefilter.Scan(text, &hits);
    const std::vector<std::string> expected = NameMatches(text, EveryOffset(text));
    EXPECT_GT(expected.size(), 3u);
    EXPECT_EQ(NameMatches(text, hits.name_starts), expected);
  }
}

TEST(Prefilter, ReportsAnAtomOncePerRuleThoughItsNumbersDiffer) {
  // period.years has an atom for every year and dash; the scan cannot
  // tell years apart, and the rule must not be sent to one place twice.
  const std::string text = "Det gäller 2022–2025.";
  Prefilter::Hits hits;
  Project().prefilter.Scan(text, &hits);
  for (std::size_t rule = 0; rule < hits.rule_atoms.size(); ++rule) {
    const std::vector<std::size_t>& begins = hits.rule_atoms[rule];
    EXPECT_EQ(std::adjacent_find(begins.begin(), begins.end()), begins.end())
        << Project().rules.rules()[rule]->id;
  }
  EXPECT_EQ(RuleMatches(text, hits.rule_atoms),
            (std::vector<std::string>{"period.years 12-23"}));
}

TEST(Prefilter, FindsNamesInCapitalsAndBrokenAcrossLines) {
  const std::string text = "Yttrande till REGION VÄSTMANLAND och Länsstyrelsen i\nVästmanlands län.";
  Prefilter::Hits hits;
  Project().prefilter.Scan(text, &hits);
  const std::vector<std::string> names = NameMatches(text, hits.name_starts);
  EXPECT_EQ(names, NameMatches(text, EveryOffset(text)));
  ASSERT_EQ(names.size(), 2u);
  EXPECT_EQ(names[0], "Region Västmanland 14-33");
  EXPECT_EQ(names[1].rfind("Länsstyrelsen i Västmanlands län ", 0), 0u) << names[1];
}

}  // namespace
}  // namespace diar::tag_internal
