// name_trie: the gazetteer's name forms, matched at a place in a text,
// longest first. Private to tag (gazetteer.cc).
//
// It answers what one RE2 alternation of every form answered, anchored at a
// boundary character before the name (WithWordBoundaries in rule_set.h):
//   (?:^|NW)(FORM_1|FORM_2|...)(?::s|s|’s|S|:S)?(?:NW|$)
// where NW is one character that is not a letter or digit of the rules'
// word boundaries (IsBoundaryWordChar), and each form's spaces match runs
// of white space (RE2's \s: tab, newline, form feed, return, space). RE2
// compiled that alternation of a few thousand names at every start (90 M
// instructions, a third of the tagger's load); the trie is built in a
// tenth of that and gives the same matches.
#ifndef DIAR_PIPELINE_TAG_NAME_TRIE_H_
#define DIAR_PIPELINE_TAG_NAME_TRIE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace diar::tag_internal {

class NameTrie {
 public:
  // Adds a form written with single spaces between its words.
  void Add(std::string_view form);
  bool empty() const { return nodes_.size() <= 1; }

  // The end of the longest match at `anchor` (see above): the name, its
  // possessive and the boundary character after it, or the name and
  // possessive where the text ends. 0 when nothing matches. At `anchor` 0
  // the name may start the text, or follow a boundary character there.
  std::size_t MatchEnd(std::string_view text, std::size_t anchor) const;

 private:
  struct Node {
    int first_child = -1;
    int next_sibling = -1;
    unsigned char byte = 0;  // the edge from the parent; 0: a white-space run
    int min_spaces = 0;      // for a white-space edge: the spaces the form has there
    bool terminal = false;   // a form ends here
  };
  int Child(int node, unsigned char byte, int min_spaces) const;
  int AddChild(int node, unsigned char byte, int min_spaces);
  // Calls back with each end of a form starting at `at`.
  template <typename Sink>
  void Ends(std::string_view text, int node, std::size_t at, Sink& sink) const;

  std::vector<Node> nodes_ = std::vector<Node>(1);  // the root
};

}  // namespace diar::tag_internal

#endif  // DIAR_PIPELINE_TAG_NAME_TRIE_H_
