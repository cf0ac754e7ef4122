// AtomScanner: every occurrence of every atom, folded, with its conditions.
#include "pipeline/tag/atom_scanner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

namespace diar::tag_internal {
namespace {

// "atom:begin-end" for each hit, sorted.
std::vector<std::string> Hits(const std::vector<Atom>& atoms, const std::string& text) {
  AtomScanner scanner;
  EXPECT_TRUE(scanner.Build(atoms));
  std::vector<std::string> hits;
  scanner.Scan(text, [&](std::uint32_t atom, std::size_t begin, std::size_t end) {
    hits.push_back(atoms[atom].text + ":" + std::to_string(begin) + "-" + std::to_string(end));
  });
  std::sort(hits.begin(), hits.end());
  return hits;
}

Atom Plain(const std::string& text) { return {text, false, false, false}; }

TEST(AtomScanner, FindsOverlappingAtoms) {
  EXPECT_EQ(Hits({Plain("plan"), Plain("verksamhetsplan"), Plain("planen")}, "verksamhetsplanen"),
            (std::vector<std::string>{"plan:11-15", "planen:11-17", "verksamhetsplan:0-15"}));
}

TEST(AtomScanner, FoldsAsciiAndLatin1Capitals) {
  EXPECT_EQ(Hits({Plain("örebro"), Plain("åre")}, "ÖREBRO och ÅRE"),
            (std::vector<std::string>{"åre:12-16", "örebro:0-7"}));
}

TEST(AtomScanner, ASpaceInAnAtomMatchesAnyWhiteSpaceRun) {
  EXPECT_EQ(Hits({Plain("region västmanland")}, "Region \n\t Västmanlands"),
            (std::vector<std::string>{"region västmanland:0-22"}));
}

TEST(AtomScanner, StartAndEndAskForWordBoundaries) {
  const Atom start{"mar", true, false, false};
  const Atom end{"råd", false, true, false};
  EXPECT_EQ(Hits({start, end}, "samarbete i mars, områden, kompetensråd."),
            (std::vector<std::string>{"mar:12-15", "råd:37-41"}));
}

TEST(AtomScanner, InnerAsksForALetterOrDigitBefore) {
  Atom inner{"nämnden", false, true, false};
  inner.inner = true;
  EXPECT_EQ(Hits({inner}, "nämnden, kulturnämnden, nämnden och 2nämnden"),
            (std::vector<std::string>{"nämnden:16-24", "nämnden:40-48"}));
}

TEST(AtomScanner, ExactCaseKeepsTheCaseWritten) {
  const Atom exact{"KS", true, false, true};
  EXPECT_EQ(Hits({exact}, "ks 2020, Ks 2021, KS 2022"), (std::vector<std::string>{"KS:18-20"}));
}

TEST(AtomScanner, EveryDigitFindsEveryDigit) {
  EXPECT_EQ(Hits({Plain("2022-")}, "1999-2001 och 2022-03"),
            (std::vector<std::string>{"2022-:0-5", "2022-:14-19"}));
}

TEST(AtomScanner, ExactCaseStillFindsEveryDigit) {
  const Atom exact{"KS 2022", true, false, true};
  EXPECT_EQ(Hits({exact}, "KS 2021, ks 2022"), (std::vector<std::string>{"KS 2022:0-7"}));
}

TEST(AtomScanner, AtomsThatDifferOnlyInDigitsAreOne) {
  EXPECT_EQ(AtomScanner::Identity({"KS 2021", true, false, true}),
            AtomScanner::Identity({"KS 2022", true, false, true}));
  EXPECT_NE(AtomScanner::Identity({"KS 2021", true, false, true}),
            AtomScanner::Identity({"Ks 2021", true, false, true}));
  EXPECT_NE(AtomScanner::Identity({"plan", true, false, false}),
            AtomScanner::Identity({"plan", false, false, false}));
}

TEST(AtomScanner, OtherCharactersFindThemselves) {
  // En dash and euro sign: their continuation bytes fold like Latin-1
  // capitals' do, in atom and text alike.
  EXPECT_EQ(Hits({Plain("2021–2023"), Plain("€")}, "år 2021–2023 för 5 €"),
            (std::vector<std::string>{"2021–2023:4-15", "€:23-26"}));
}

TEST(AtomScanner, FoldRefusesLettersItCannotFoldUnlessExact) {
  EXPECT_EQ(AtomScanner::Fold("Łódź", false), "");
  EXPECT_NE(AtomScanner::Fold("Łódź", true), "");
  EXPECT_EQ(AtomScanner::Fold("  Region\n Västmanland ", false), "region västmanland");
  const Atom exact{"Łódź", true, true, true};
  EXPECT_EQ(Hits({exact}, "från Łódź och łódź"), (std::vector<std::string>{"Łódź:6-13"}));
}

TEST(AtomScanner, StreamsTogetherFindWhatABruteForceSearchFinds) {
  // A text long enough to be scanned in several parts, with atoms at and
  // around every position, compared with a search at every offset.
  std::string text;
  for (int i = 0; i < 4000; ++i) {
    text += (i % 7 == 0) ? "Plan, " : (i % 5 == 0) ? "planering\n" : (i % 3 == 0) ? "xplan " : "och ";
  }
  const std::vector<Atom> atoms = {Plain("plan"), {"plan", true, true, false}, Plain("an,")};
  std::vector<std::string> expected;
  for (std::size_t i = 0; i < text.size(); ++i) {
    for (const Atom& atom : atoms) {
      if (text.size() - i < atom.text.size()) continue;
      std::string window = text.substr(i, atom.text.size());
      std::transform(window.begin(), window.end(), window.begin(), ::tolower);
      if (window != atom.text) continue;
      const std::size_t end = i + atom.text.size();
      const bool starts = i == 0 || !isalnum(static_cast<unsigned char>(text[i - 1]));
      const bool ends = end == text.size() || !isalnum(static_cast<unsigned char>(text[end]));
      if ((atom.word_start && !starts) || (atom.word_end && !ends)) continue;
      expected.push_back(atom.text + ":" + std::to_string(i) + "-" + std::to_string(end));
    }
  }
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(Hits(atoms, text), expected);
}

}  // namespace
}  // namespace diar::tag_internal
