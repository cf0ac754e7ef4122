#include "pipeline/normalise/lexicon.h"

#include <hunspell/hunspell.hxx>

#include <filesystem>
#include <map>

namespace diar::normalise_internal {

Lexicon::Lexicon(std::string aff, std::string dic) : aff_(std::move(aff)), dic_(std::move(dic)) {}

Lexicon::~Lexicon() = default;

const Lexicon* Lexicon::Get(const std::string& base) {
  static std::mutex mu;
  static auto* loaded = new std::map<std::string, std::unique_ptr<Lexicon>>;
  std::lock_guard<std::mutex> lock(mu);
  auto it = loaded->find(base);
  if (it != loaded->end()) return it->second.get();
  std::unique_ptr<Lexicon> lexicon;
  const std::string aff = base + ".aff";
  const std::string dic = base + ".dic";
  std::error_code ec;
  if (std::filesystem::is_regular_file(aff, ec) && std::filesystem::is_regular_file(dic, ec)) {
    lexicon.reset(new Lexicon(aff, dic));
  }
  return loaded->emplace(base, std::move(lexicon)).first->second.get();
}

void Lexicon::Load() const {
  std::lock_guard<std::mutex> lock(mu_);
  if (!hunspell_) hunspell_ = std::make_unique<Hunspell>(aff_.c_str(), dic_.c_str());
}

bool Lexicon::IsWord(const std::string& word) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = cache_.find(word);
  if (it != cache_.end()) return it->second;
  if (cache_.size() >= kCacheLimit) cache_.clear();
  if (!hunspell_) hunspell_ = std::make_unique<Hunspell>(aff_.c_str(), dic_.c_str());
  const bool known = hunspell_->spell(word);
  cache_.emplace(word, known);
  return known;
}

}  // namespace diar::normalise_internal
