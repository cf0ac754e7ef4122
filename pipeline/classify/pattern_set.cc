#include "pipeline/classify/pattern_set.h"

#include <algorithm>

namespace diar::classify_internal {

PatternSet::PatternSet(const RE2::Options& options) : options_(options) {}

int PatternSet::Add(const std::string& pattern, std::string* error) {
  auto compiled = std::make_unique<re2::RE2>(pattern, options_);
  if (!compiled->ok()) {
    *error = compiled->error();
    return -1;
  }
  patterns_.push_back(std::move(compiled));
  return static_cast<int>(patterns_.size()) - 1;
}

const RE2::Set* PatternSet::Set() const {
  std::call_once(automaton_->built, [this] {
    if (patterns_.size() < kMinPatternsForSet) return;
    auto set = std::make_unique<RE2::Set>(options_, RE2::UNANCHORED);
    for (const auto& pattern : patterns_) {
      if (set->Add(pattern->pattern(), nullptr) < 0) return;
    }
    if (set->Compile()) automaton_->set = std::move(set);
  });
  return automaton_->set.get();
}

bool PatternSet::Any(std::string_view text) const {
  const re2::StringPiece piece(text.data(), text.size());
  if (const RE2::Set* set = Set()) {
    RE2::Set::ErrorInfo error{};
    if (set->Match(piece, nullptr, &error)) return true;
    if (error.kind == RE2::Set::kNoError) return false;
  }
  return std::any_of(patterns_.begin(), patterns_.end(),
                     [&](const auto& pattern) { return RE2::PartialMatch(piece, *pattern); });
}

void PatternSet::Matching(std::string_view text, std::vector<int>* indexes) const {
  indexes->clear();
  const re2::StringPiece piece(text.data(), text.size());
  if (const RE2::Set* set = Set()) {
    RE2::Set::ErrorInfo error{};
    if (set->Match(piece, indexes, &error) || error.kind == RE2::Set::kNoError) {
      std::sort(indexes->begin(), indexes->end());
      return;
    }
    indexes->clear();
  }
  for (std::size_t i = 0; i < patterns_.size(); ++i) {
    if (RE2::PartialMatch(piece, *patterns_[i])) indexes->push_back(static_cast<int>(i));
  }
}

}  // namespace diar::classify_internal
