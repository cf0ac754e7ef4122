#include "pipeline/tag/prefilter.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace diar::tag_internal {

void Prefilter::Build(const RuleSet& rules, const Gazetteer& gazetteer,
                      std::vector<std::string>* errors) {
  owner_.clear();
  rules_ = rules.size();
  // Atoms the scanner cannot tell apart ("2021-" and "2022-": digits fold
  // alike) are kept once per owner, so that a hit is reported once.
  std::set<std::pair<int, std::string>> seen;
  std::vector<std::pair<Atom, int>> candidates;
  auto add = [&](const Atom& atom, int owner) {
    if (seen.emplace(owner, AtomScanner::Identity(atom)).second) candidates.emplace_back(atom, owner);
  };
  for (std::size_t rule = 0; rule < rules.size(); ++rule) {
    for (const Atom& atom : rules.atoms(rule)) add(atom, static_cast<int>(rule));
  }
  for (const Atom& atom : gazetteer.atoms()) add(atom, -1);
  // An atom is also dropped when another of its owner's finds all it finds:
  // the same folded text with no more conditions ("Region" in any case
  // finds all that "REGION" in capitals finds). Each hit is a check.
  std::map<std::pair<int, std::string>, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    groups[{candidates[i].second, AtomScanner::Fold(candidates[i].first.text, true)}].push_back(i);
  }
  auto finds_all_of = [](const Atom& a, const Atom& b) {
    return (!a.word_start || b.word_start) && (!a.word_end || b.word_end) &&
           (!a.inner || b.inner) && !a.exact_case;
  };
  std::vector<bool> dropped(candidates.size(), false);
  for (const auto& [key, members] : groups) {
    for (const std::size_t b : members) {
      for (const std::size_t a : members) {
        if (a != b && !dropped[a] && finds_all_of(candidates[a].first, candidates[b].first)) {
          dropped[b] = true;
          break;
        }
      }
    }
  }
  std::vector<Atom> atoms;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (dropped[i]) continue;
    atoms.push_back(candidates[i].first);
    owner_.push_back(candidates[i].second);
  }
  if (!scanner_.Build(atoms)) {
    errors->push_back("the rules' @atoms and the gazetteer names' first words together need more "
                      "than " + std::to_string(AtomScanner::kMaxStates) +
                      " prefilter states; make @atoms patterns in the .rules files shorter or "
                      "fewer");
  }
}

void Prefilter::Scan(std::string_view text, Hits* hits) const {
  hits->rule_atoms.assign(rules_, {});
  hits->name_starts.clear();
  scanner_.Scan(text, [&](std::uint32_t atom, std::size_t begin, std::size_t) {
    const int owner = owner_[atom];
    if (owner >= 0) {
      hits->rule_atoms[owner].push_back(begin);
    } else {
      hits->name_starts.push_back(begin);
    }
  });
  for (auto& starts : hits->rule_atoms) std::sort(starts.begin(), starts.end());
  std::sort(hits->name_starts.begin(), hits->name_starts.end());
  hits->name_starts.erase(std::unique(hits->name_starts.begin(), hits->name_starts.end()),
                          hits->name_starts.end());
}

}  // namespace diar::tag_internal
