// An @tail only saves work: a rule given with one finds, on the development
// texts, what it finds with the tail written on its rule line (rule_set.h,
// "Tails"). This checks each tail's condition: every match of it that is
// not empty begins with white space.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/tag/lexicon.h"
#include "pipeline/tag/rule_set.h"

namespace diar::tag_internal {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// The project's dictionaries copied to `dir`, each @tail line's pattern
// appended to its rule's line and the @tail line left out.
void CopyWithTailsJoined(const fs::path& dir) {
  fs::create_directories(dir);
  for (const auto& entry : fs::directory_iterator(DIAR_SOURCE_DIR "/dictionaries")) {
    if (entry.path().extension() != ".rules") {
      fs::copy_file(entry.path(), dir / entry.path().filename(),
                    fs::copy_options::overwrite_existing);
      continue;
    }
    std::vector<std::string> lines;
    std::map<std::string, std::string> tails;  // rule id -> tail
    std::istringstream in(ReadFile(entry.path()));
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("@tail\t", 0) == 0) {
        const std::size_t tab = line.find('\t', 6);
        tails[line.substr(6, tab - 6)] = line.substr(tab + 1);
      } else {
        lines.push_back(line);
      }
    }
    std::ofstream out(dir / entry.path().filename(), std::ios::binary);
    for (const std::string& line : lines) {
      const auto tail = tails.find(line.substr(0, line.find('\t')));
      out << line << (tail == tails.end() || line[0] == '@' ? "" : tail->second) << '\n';
    }
  }
}

struct Rules {
  Lexicon lexicon;
  RuleSet rules;
  explicit Rules(const std::string& dir) {
    std::vector<std::string> errors;
    std::vector<std::string> warnings;
    lexicon.Load(dir, &errors);
    rules.Load(dir, lexicon, {"body", "plan", "date", "period", "dnr"},
               {"date", "period", "dnr", "text", "organ", "plan", "name"}, &errors, &warnings);
    for (const std::string& error : errors) ADD_FAILURE() << error;
  }
};

// "rule begin-end" per match, every offset a possible atom. The sink turns
// down every third match, so that the looking-again after a rejection is
// compared too.
std::vector<std::string> Matches(const RuleSet& rules, std::string_view text) {
  std::vector<std::size_t> offsets(text.size());
  for (std::size_t i = 0; i < offsets.size(); ++i) offsets[i] = i;
  const std::vector<std::vector<std::size_t>> atoms(rules.size(), offsets);
  std::vector<std::string> matches;
  rules.Scan(text, atoms, [&](const RuleMatch& match) {
    matches.push_back(match.rule->id + " " + std::to_string(match.begin) + "-" +
                      std::to_string(match.end));
    return matches.size() % 3 == 0 ? std::size_t{0} : match.end;
  });
  return matches;
}

TEST(Tail, ARuleFindsWhatItFindsWithItsTailOnItsLine) {
  const fs::path joined = fs::temp_directory_path() / ("diar_tail_" + std::to_string(::getpid()));
  CopyWithTailsJoined(joined);
  const Rules with_tails(DIAR_SOURCE_DIR "/dictionaries");
  const Rules written_whole(joined.string());
  fs::remove_all(joined);
  bool any_tail = false;
  for (const auto& rule : with_tails.rules.rules()) any_tail |= rule->tail != nullptr;
  ASSERT_TRUE(any_tail) << "no rule has an @tail: nothing to compare";
  std::size_t texts = 0;
  for (const char* dir : {DIAR_SOURCE_DIR "/tests/gold", DIAR_SOURCE_DIR "/tests/devset",
                          DIAR_SOURCE_DIR "/corpus", DIAR_SOURCE_DIR "/bench/tag/reviewed"}) {
    for (const auto& entry : fs::directory_iterator(dir)) {
      const std::string ext = entry.path().extension().string();
      if (ext != ".txt" && ext != ".truth") continue;
      const std::string text = ReadFile(entry.path());
      EXPECT_EQ(Matches(with_tails.rules, text), Matches(written_whole.rules, text))
          << entry.path();
      ++texts;
    }
  }
  EXPECT_GE(texts, 100u);
}

TEST(Tail, RunsOnlyAfterWhiteSpace) {
  // Written whole, "planen" followed by a letter matches nowhere; the tail
  // must not make a match of "Planen" in "Planenx" either.
  const fs::path dir = fs::temp_directory_path() / ("diar_tail_small_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "a.rules") << "# test\n"
                                 << "@atoms\tp\tend\tplan\n"
                                 << "p\tplan\tplan\t[A-Z]?[a-z]*plan\n"
                                 << "@tail\tp\t(?:[ \\t]+för[ \\t]+[a-z]+)?(?:\\s+20\\d\\d)?\n";
  const Rules rules(dir.string());
  fs::remove_all(dir);
  auto found = [&](std::string_view text) {
    std::string out;
    for (const std::string& match : Matches(rules.rules, text)) out += match + ";";
    return out;
  };
  EXPECT_EQ(found("En Kulturplan för regionen 2024."), "p 3-32;");
  EXPECT_EQ(found("En Kulturplanx för regionen."), "");
  EXPECT_EQ(found("Kulturplan,för regionen"), "p 0-10;");
  EXPECT_EQ(found("Kulturplan\n2024"), "p 0-15;");
}

}  // namespace
}  // namespace diar::tag_internal
