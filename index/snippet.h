// snippet: the highlighted passage a result list shows for one hit. Private
// to index/.
//
// Xapian's MSet::snippet() tokenises and stems every word of the text it is
// given until it has passed its best window. Handed a whole 40-page document
// (~100 KB) whose match is far in, or absent (a filter-only query, a word
// found only in the title), it stems every word: 4-5 ms a hit, 98 % of a
// search's time at 100,000 pages. So the Snippeter first finds where the
// query first matches with a cheap scan (memchr-speed substring search in
// a lower-cased copy made a block at a time, each candidate checked by
// stemming just that word), then lets MSet::snippet() pick and highlight the
// passage from a window of a few KB around it. Its choice there is the one
// it makes over the whole text (2,111 of 2,111 hits of the bench queries):
// without SNIPPET_EXHAUSTIVE it stops a window past the first match, and
// nothing before the window's lead can score. The exception is a word on
// every line: window after window scores the same, and over the whole text
// Xapian keeps the last of that run, here the first within the window.
//
//   Snippeter snippeter(query, stemmer);
//   for (hit : mset) hit.snippet = snippeter.Make(mset, text);
//
// Text with no match (filter-only queries, title-only matches) gives its
// opening, not highlighted. Thread safety: const methods only; one per query.
#ifndef DIAR_INDEX_SNIPPET_H_
#define DIAR_INDEX_SNIPPET_H_

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

namespace diar {

// Highlight markers and length of every snippet.
inline constexpr std::size_t kSnippetBytes = 240;  // text bytes a snippet aims at
inline constexpr const char* kHighlightStart = "«";
inline constexpr const char* kHighlightEnd = "»";
inline constexpr const char* kOmit = "…";

class Snippeter {
 public:
  // `query` is the query the MSet was run with; `stemmer` the one it was
  // parsed with.
  Snippeter(const Xapian::Query& query, const Xapian::Stem& stemmer);

  // The snippet of `text` for a hit of `mset`: matches marked «like this»,
  // cut text marked "…", HTML-escaped as MSet::snippet() does.
  // `match_at`, if given, gets the byte offset in `text` of the match the
  // snippet shows (0 for the opening), so the caller can name its page.
  std::string Make(const Xapian::MSet& mset, const std::string& text,
                   std::size_t* match_at = nullptr) const;

 private:
  // One thing the query matches in text: a word (by its unstemmed form, or
  // by its stem for Xapian's "Z" terms) or a tight phrase of words.
  struct Word {
    std::string form;  // lower case, as in the term
    bool stemmed;      // `form` is a stem: any word stemming to it matches
  };
  using Needle = std::vector<Word>;

  void Collect(const Xapian::Query& query);
  // Byte offset of the first place in `text` at or after `from` where a
  // needle of `needles` matches, or npos.
  std::size_t FirstMatch(const std::string& text, const std::vector<Needle>& needles,
                         std::size_t from) const;
  bool MatchesAt(const std::string& text, std::size_t at, const Needle& needle) const;
  std::string Around(const Xapian::MSet& mset, const std::string& text, std::size_t at) const;
  std::string Opening(const Xapian::MSet& mset, const std::string& text) const;

  Xapian::Stem stemmer_;
  std::vector<Needle> needles_;  // words and phrases, as the query has them
  std::vector<Needle> words_;    // every word of needles_ on its own
  bool has_phrase_ = false;      // some needle is a phrase
};

}  // namespace diar

#endif  // DIAR_INDEX_SNIPPET_H_
