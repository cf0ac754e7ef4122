#include "pipeline/tag/name_trie.h"

#include "pipeline/tag/text_util.h"

namespace diar::tag_internal {
namespace {

// RE2's \s.
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

// The length of the boundary character at `at` (a valid UTF-8 character
// that is no letter or digit of the boundaries), or 0 if there is none.
std::size_t BoundaryAt(std::string_view text, std::size_t at) {
  if (at >= text.size()) return 0;
  std::size_t length = 0;
  const char32_t c = DecodeAt(text, at, &length);
  const bool invalid = c == 0xFFFD && length == 1;  // RE2 matches no class there
  return invalid || IsBoundaryWordChar(c) ? 0 : length;
}

// The possessives a name may take inside the match.
constexpr std::string_view kPossessives[] = {":s", "s", "\xE2\x80\x99s", "S", ":S"};

}  // namespace

int NameTrie::Child(int node, unsigned char byte, int min_spaces) const {
  for (int c = nodes_[node].first_child; c >= 0; c = nodes_[c].next_sibling) {
    if (nodes_[c].byte == byte && nodes_[c].min_spaces == min_spaces) return c;
  }
  return -1;
}

int NameTrie::AddChild(int node, unsigned char byte, int min_spaces) {
  if (const int c = Child(node, byte, min_spaces); c >= 0) return c;
  Node child;
  child.byte = byte;
  child.min_spaces = min_spaces;
  child.next_sibling = nodes_[node].first_child;
  nodes_.push_back(child);
  const int id = static_cast<int>(nodes_.size()) - 1;
  nodes_[node].first_child = id;
  return id;
}

void NameTrie::Add(std::string_view form) {
  int node = 0;
  for (std::size_t i = 0; i < form.size();) {
    if (form[i] == ' ') {
      int spaces = 0;
      while (i < form.size() && form[i] == ' ') ++spaces, ++i;
      node = AddChild(node, 0, spaces);
      continue;
    }
    node = AddChild(node, static_cast<unsigned char>(form[i]), 0);
    ++i;
  }
  nodes_[node].terminal = true;
}

template <typename Sink>
void NameTrie::Ends(std::string_view text, int node, std::size_t at, Sink& sink) const {
  if (nodes_[node].terminal) sink(at);
  if (at >= text.size()) return;
  for (int c = nodes_[node].first_child; c >= 0; c = nodes_[c].next_sibling) {
    const Node& child = nodes_[c];
    if (child.byte != 0) {
      if (static_cast<unsigned char>(text[at]) == child.byte) Ends(text, c, at + 1, sink);
      continue;
    }
    // A white-space run of at least the form's spaces, however long.
    std::size_t run = 0;
    while (at + run < text.size() && IsSpace(text[at + run])) ++run;
    for (std::size_t k = run; k >= static_cast<std::size_t>(child.min_spaces) && k > 0; --k) {
      Ends(text, c, at + k, sink);
    }
  }
}

std::size_t NameTrie::MatchEnd(std::string_view text, std::size_t anchor) const {
  std::size_t best = 0;
  auto name_end = [&](std::size_t end) {
    auto close = [&](std::size_t after) {  // the name and possessive end at `after`
      if (after == text.size()) {
        best = std::max(best, after);
      } else if (const std::size_t b = BoundaryAt(text, after); b > 0) {
        best = std::max(best, after + b);
      }
    };
    close(end);
    for (std::string_view possessive : kPossessives) {
      if (text.substr(end, possessive.size()) == possessive) close(end + possessive.size());
    }
  };
  if (anchor == 0) Ends(text, 0, 0, name_end);
  if (const std::size_t b = BoundaryAt(text, anchor); b > 0) Ends(text, 0, anchor + b, name_end);
  return best;
}

}  // namespace diar::tag_internal
