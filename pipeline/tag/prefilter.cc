#include "pipeline/tag/prefilter.h"

#include <algorithm>
#include <set>
#include <utility>

namespace diar::tag_internal {

void Prefilter::Build(const RuleSet& rules, const Gazetteer& gazetteer,
                      std::vector<std::string>* errors) {
  std::vector<Atom> atoms;
  owner_.clear();
  rules_ = rules.size();
  // Atoms the scanner cannot tell apart ("2021-" and "2022-": digits fold
  // alike) are kept once per owner, so that a hit is reported once.
  std::set<std::pair<int, std::string>> seen;
  auto add = [&](const Atom& atom, int owner) {
    if (!seen.emplace(owner, AtomScanner::Identity(atom)).second) return;
    atoms.push_back(atom);
    owner_.push_back(owner);
  };
  for (std::size_t rule = 0; rule < rules.size(); ++rule) {
    for (const Atom& atom : rules.atoms(rule)) add(atom, static_cast<int>(rule));
  }
  for (const Atom& atom : gazetteer.atoms()) add(atom, -1);
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
