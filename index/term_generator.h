// term_generator: the words of a text as Xapian terms, by the rules of
// Xapian 1.4's Xapian::TermGenerator set up as diar indexes (STEM_SOME,
// STOP_STEMMED, no CJK n-grams, words of at most 64 bytes, no spelling
// data), so a document gets the same terms, wdf and positions as it would
// from Xapian's. Private to index/.
//
// Why not Xapian's: it decodes every character through an out-of-line
// Utf8Iterator and Unicode table lookup and builds each term a character
// at a time, which made index_text an eighth of a long plan's whole ingest.
// Here ASCII (most of Swedish text) is read from tables built from Xapian's
// own Unicode functions, and other characters go through those functions,
// so the two can only part on the rules, which tests/index/
// term_generator_test.cc compares with Xapian's on tricky and random text.
//
// A word: a run of Xapian::Unicode::is_wordchar characters, lower-cased;
// inside it '\'', '&', U+00B7, U+05F4, U+2027 (U+2019 and U+201B as '\'')
// between word characters, and ',', '.', ';' and a few others between
// digits; U+200B-U+200D, U+2060 and U+FEFF there are dropped. Initials of
// ASCII capitals with dots ("U.S.A." -> "usa") are one word. Up to three
// '+' or '#' end a word ("c++") unless a word character follows them.
// Each word gets the next position under `prefix` with wdf `wdf_inc`; a
// word that is not a stopword and starts with a letter also gets its stem,
// "Z" + prefix + stem, with wdf `wdf_inc` and no position.
//
//   TermGenerator terms(doc, &stopper, [](const std::string& w) -> const std::string& {...});
//   terms.Index(title, 5, "S");
//   terms.IncreaseTermpos();
//   terms.Index(body, 1, "");
//
// The deprecated XAPIAN_CJK_NGRAM environment variable, which makes Xapian's
// TermGenerator split CJK text into n-grams, is not followed.
#ifndef DIAR_INDEX_TERM_GENERATOR_H_
#define DIAR_INDEX_TERM_GENERATOR_H_

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace diar {

class TermGenerator {
 public:
  // A word's stem; the reference is read before the next call.
  using Stemmer = std::function<const std::string&(const std::string& word)>;

  // A word form of an Index call (the word, without the prefix, is its
  // key in forms()): how often it occurred, each time with a position and
  // wdf_inc; whether it is a stopword; its stemmed term ("" when it gets
  // none).
  struct Form {
    Xapian::termcount occurrences = 0;
    bool stopword = false;
    std::string stem_term;
    std::uint32_t next = 0;  // AddPostings' place for its next position
  };
  using Forms = std::unordered_map<std::string, Form>;

  // Adds terms to `doc`; `stopper` (may be null: no stopwords) and `stem`
  // are used while this object lives. Positions start after 0.
  TermGenerator(Xapian::Document& doc, const Xapian::Stopper* stopper, Stemmer stem);

  // Indexes `text` (UTF-8; invalid bytes are read as Xapian reads them,
  // each one a Latin-1 character).
  void Index(std::string_view text, Xapian::termcount wdf_inc, std::string_view prefix);

  // Leaves a gap in the positions, so no phrase spans two texts.
  void IncreaseTermpos(Xapian::termpos delta = 100) { termpos_ += delta; }

  // The word forms of the last Index call, in no particular order: what a
  // caller would otherwise read back from the document's term list (which
  // merges the calls' forms and costs a string per term).
  const Forms& forms() const { return forms_; }

 private:
  void IndexWords(std::string_view text);
  void AddWord();
  void AddPostings(Xapian::termpos first, Xapian::termcount wdf_inc);
  std::string StemTerm(const std::string& word, const Form& form) const;

  Xapian::Document& doc_;
  const Xapian::Stopper* stopper_;
  Stemmer stem_;
  Xapian::termpos termpos_ = 0;
  std::string_view prefix_;  // of the Index call under way
  // Reused for every word, so a word costs no allocation.
  std::string word_;
  // The forms of one Index call. A text repeats its words: each form is
  // stopped and stemmed once, and its stemmed term (which has no positions)
  // added once with the summed wdf, as Xapian sums the wdf of a term added
  // again.
  Forms forms_;
  // The form of each word of the text, in order: word i has position
  // first + i. Its postings go to the document after the walk (AddPostings).
  std::vector<Forms::value_type*> occurrences_;
  // AddPostings' work space, kept for its capacity.
  std::vector<Forms::value_type*> order_;
  std::vector<Xapian::termpos> positions_;
  std::string term_;
};

}  // namespace diar

#endif  // DIAR_INDEX_TERM_GENERATOR_H_
