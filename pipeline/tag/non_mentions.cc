#include "pipeline/tag/non_mentions.h"

#include <algorithm>

#include "pipeline/tag/text_util.h"

namespace diar::tag_internal {

void DropNonMentions(std::string_view text, std::vector<Candidate>* candidates) {
  auto digit = [&](std::size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
  std::erase_if(*candidates, [&](const Candidate& c) {
    if (c.type != "body") return false;
    if (c.begin >= 2 && text[c.begin - 1] == '/' && digit(c.begin - 2)) return true;
    return c.begin >= 1 && text[c.begin - 1] == '(' && c.end + 2 < text.size() &&
           text[c.end] == ')' && text[c.end + 1] == ' ' && digit(c.end + 2);
  });
  const auto addresses = AddressRanges(text);
  if (addresses.empty()) return;
  std::erase_if(*candidates, [&](const Candidate& c) {
    auto it = std::upper_bound(addresses.begin(), addresses.end(),
                               std::make_pair(c.begin, ~std::size_t{0}));
    // The last address starting at or before c, or the next one.
    if (it != addresses.begin() && std::prev(it)->second > c.begin) return true;
    return it != addresses.end() && it->first < c.end;
  });
}

}  // namespace diar::tag_internal
