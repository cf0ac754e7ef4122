// text_terms: how document text becomes Xapian terms, shared by the writer
// (indexing) and the searcher (query parsing) so both stem and stop the same
// way. Private to index/.
#ifndef DIAR_INDEX_TEXT_TERMS_H_
#define DIAR_INDEX_TEXT_TERMS_H_

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "index/lexicon.h"

namespace diar {

// A stopword list as the term generator (term_generator.h) and the
// language check ask it: once for every word form of a text.
// Xapian::SimpleStopper keeps a std::set, whose lookup compares a word with
// about eight stopwords; a hash set answers the same with one hash and
// usually one comparison.
class StopwordSet : public Xapian::Stopper {
 public:
  explicit StopwordSet(const std::vector<std::string>& words) : words_(words.begin(), words.end()) {}
  bool operator()(const std::string& word) const override { return words_.count(word) != 0; }
  std::string get_description() const override { return "diar::StopwordSet"; }

 private:
  std::unordered_set<std::string> words_;
};

// Indexes `title` (unprefixed and under schema::kTitle, weighted up) and
// `text` (unprefixed, with positions for phrase search) into `doc`, with
// stemmed terms (Xapian's "Z" prefix) from `lexicon`'s stemmer, so every
// form of a word it knows gets one stem. Each word the lexicon splits as a
// compound adds its parts' stems under schema::kPart with the word's wdf
// and no positions: the searcher weighs them below whole words, and they
// stay out of phrases and spelling data. Parts that are compounds are split
// again ("kollektivtrafikutbud": kollektivtrafik, kollektiv, trafik, utbud),
// and a word of three or more parts adds the compounds its first and its
// last parts make ("djurskyddslagen": djurskydd, skyddslag), when the
// lexicon splits them too. Stopwords (`stopper`, may be null)
// get no stemmed term but keep their unstemmed one with positions, so
// phrases with "och" still match.
// A text of 100 words or more that does not look like language (under 5 %
// of its words are stopwords: random bytes, tables of numbers, another
// language) gets the boolean term schema::kNoSpelling + "none", so its words
// stay out of the spelling data.
void IndexText(const std::string& title, const std::string& text, Xapian::Document& doc,
               const Xapian::Stopper* stopper, const Lexicon& lexicon);

// Spelling frequencies waiting to be added to a database, by word.
using SpellingCounts = std::unordered_map<std::string, Xapian::termcount>;

// Counts a built document's words for the spelling data into `counts`, once
// per position of each unprefixed term that is a word (2-40 Latin letters),
// unless the document carries the kNoSpelling term. The writer adds the
// counts of many documents at once (AddSpelling): a word repeated across a
// batch costs Xapian one update instead of one per document. RemoveSpelling
// undoes it by the same rule, read from the stored document. (Documents
// written before this rule added every unprefixed term; removing one leaves
// its non-words' spelling entries behind.)
void CountSpelling(const Xapian::Document& doc, SpellingCounts& counts);

// Adds `counts` to `db`'s spelling data and clears them.
void AddSpelling(Xapian::WritableDatabase& db, SpellingCounts& counts);

// Takes document `id`'s words back out of the spelling data, before the
// document is deleted or replaced: exactly what AddSpelling added.
void RemoveSpelling(Xapian::WritableDatabase& db, Xapian::docid id);

}  // namespace diar

#endif  // DIAR_INDEX_TEXT_TERMS_H_
