#include "pipeline/classify/title.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <optional>
#include <string_view>


namespace diar::classify_internal {
namespace {

struct Word {
  std::string_view text;
  std::size_t cp_begin = 0;  // absolute, as mentions count
  std::size_t cp_end = 0;
  std::size_t letters = 0;
  bool only_letters = true;
  bool title_case = true;  // a capital, then small letters only
};

// Runs of letters and digits (a hyphen between letters joins: "Anna-Karin").
std::vector<Word> WordsOf(std::string_view text, std::size_t cp_offset) {
  std::vector<Word> words;
  std::optional<Word> word;
  bool part_start = true;  // the next letter begins the word or a hyphenated part
  std::size_t cp = cp_offset;
  for (std::size_t i = 0; i < text.size(); ++cp) {
    const std::size_t at = i;
    UChar32 c;
    U8_NEXT(text.data(), i, text.size(), c);
    const bool alnum = c > 0 && u_isalnum(c);
    const bool joins = c == '-' && word && i < text.size() &&
                       (std::isalpha(static_cast<unsigned char>(text[i])) ||
                        static_cast<unsigned char>(text[i]) >= 0xC3);
    if (!alnum && !joins) {
      if (word) words.push_back(*word);
      word.reset();
      continue;
    }
    if (!word) {
      word = Word{};
      word->cp_begin = cp;
      word->text = text.substr(at, 0);
      part_start = true;
    }
    word->text = std::string_view(word->text.data(), text.data() + i - word->text.data());
    word->cp_end = cp + 1;
    if (joins) {
      part_start = true;
    } else if (u_isalpha(c)) {
      ++word->letters;
      if (part_start ? !u_isupper(c) : !u_islower(c)) word->title_case = false;
      part_start = false;
    } else {
      word->only_letters = false;
      word->title_case = false;
    }
  }
  if (word) words.push_back(*word);
  return words;
}

bool HasWordOfThreeLetters(const std::vector<Word>& words) {
  return std::any_of(words.begin(), words.end(),
                     [](const Word& w) { return w.only_letters && w.letters >= 3; });
}

// A word followed by a colon, or a label of a number or a date
// ("Diarienr", "Beslutsdatum").
bool IsNumberLabel(const Word& w, std::string_view line, const Tagger& tagger) {
  const std::size_t after = static_cast<std::size_t>(w.text.data() - line.data()) + w.text.size();
  if (after < line.size() && line[after] == ':') return true;
  return tagger.IsNumberLabel(w.text);
}

// A line that only gives a number and a date: words of three letters or
// more outside dnr and date mentions and their labels number fewer than two
// when it holds a dnr, none when it holds a date.
bool OnlyNumbersAndDates(const Line& line, const std::vector<Word>& words,
                         const std::vector<Mention>& mentions, const Tagger& tagger) {
  bool dnr = false, date = false;
  std::vector<const Mention*> inside;
  for (const Mention& m : mentions) {
    if (m.end <= line.cp_begin || m.start >= line.cp_end) continue;
    if (m.type == "dnr") dnr = true;
    if (m.type == "date" || m.type == "period") date = true;
    if (m.type == "dnr" || m.type == "date" || m.type == "period") inside.push_back(&m);
  }
  if (!dnr && !date) return false;
  std::size_t remaining = 0;
  for (const Word& w : words) {
    if (!w.only_letters || w.letters < 3 || IsNumberLabel(w, line.text, tagger)) continue;
    const bool covered = std::any_of(inside.begin(), inside.end(), [&](const Mention* m) {
      return m->start <= w.cp_begin && m->end >= w.cp_end;
    });
    if (!covered) ++remaining;
  }
  return dnr ? remaining < 2 : remaining == 0;
}

// Byte length of the section or page numbers that begin `text` ("4.6 ",
// "29. ", "3 68 "), when a letter follows them; 0 otherwise. Numbers of
// four digits (years) are not section numbers.
std::size_t SectionNumberLength(std::string_view text) {
  std::size_t i = 0;
  std::size_t end = 0;
  while (i < text.size()) {
    std::size_t j = i, digits = 0;
    while (j < text.size() && (std::isdigit(static_cast<unsigned char>(text[j])) ||
                               (text[j] == '.' && digits > 0))) {
      digits += text[j] != '.' ? 1 : 0;
      ++j;
    }
    if (digits == 0 || digits > 3 || j >= text.size() || text[j] != ' ') break;
    while (j < text.size() && text[j] == ' ') ++j;
    end = i = j;
  }
  if (end == 0 || end >= text.size()) return 0;
  UChar32 c;
  std::size_t k = end;
  U8_NEXT(text.data(), k, text.size(), c);
  return c > 0 && (u_isalpha(c) || c == 0xA7) ? end : 0;
}

// Byte length of an ISO date or a file name ("Plan.doc. ": a word
// PageLines::IsUntitled takes for one) that begins `text` before more words.
std::size_t LeadingDateOrFileLength(std::string_view text, const PageLines& page_lines) {
  if (text.size() > 11 && std::isdigit(static_cast<unsigned char>(text[0])) && text[4] == '-' &&
      text[7] == '-' && text[10] == ' ') {
    return 11;
  }
  const std::size_t space = text.find(' ');
  if (space == std::string_view::npos) return 0;
  const std::string_view token = TrimPunct(text.substr(0, space), ".");
  return token.find('.') != std::string_view::npos && page_lines.IsUntitled(token) ? space + 1 : 0;
}

// Two or three capitalised words and nothing else: a person's name (the
// handläggare beside the letterhead), unless the tagger read it as a body.
bool IsPersonsName(const Line& line, const std::vector<Word>& words, const std::vector<Mention>& mentions) {
  if (words.size() < 2 || words.size() > 3) return false;
  std::size_t bytes = 0;
  for (const Word& w : words) {
    if (!w.only_letters || !w.title_case || w.letters < 2) return false;
    bytes += w.text.size();
  }
  // Only the words and the spaces between them.
  if (bytes + words.size() - 1 != line.text.size()) return false;
  return std::none_of(mentions.begin(), mentions.end(), [&](const Mention& m) {
    return m.end > line.cp_begin && m.start < line.cp_end;
  });
}

std::string Clean(std::string_view text, const PageLines& page_lines) {
  for (bool again = true; again;) {
    const std::size_t cut = std::max(SectionNumberLength(text), LeadingDateOrFileLength(text, page_lines));
    again = cut > 0 && cut < text.size();
    if (again) text.remove_prefix(cut);
  }
  return std::string(TrimPunct(text, " \t"));
}

// The text after a "Titel" label in `line`, or empty.
std::string_view AfterTitleLabel(std::string_view line) {
  for (std::size_t at = line.find("Titel"); at != std::string_view::npos; at = line.find("Titel", at + 1)) {
    if (at > 0 && line[at - 1] != ' ') continue;
    std::size_t after = at + 5;
    if (after < line.size() && line[after] == ':') ++after;
    if (after >= line.size() || line[after] != ' ') continue;
    const std::string_view rest = TrimPunct(line.substr(after), " \t");
    if (HasWordOfThreeLetters(WordsOf(rest, 0))) return rest;
  }
  return {};
}

}  // namespace

TitleChoice ChooseTitle(const std::string& metadata_title, const std::vector<Line>& lines,
                        const std::vector<Mention>& mentions, const PageLines& page_lines,
                        const Tagger& tagger) {
  const bool untitled = page_lines.IsUntitled(metadata_title) ||
                        !HasWordOfThreeLetters(WordsOf(metadata_title, 0));
  if (!metadata_title.empty() && !untitled) {
    return {metadata_title, "PDF metadata Title"};
  }
  const std::string passed = metadata_title.empty()
                                 ? ""
                                 : " (the PDF's metadata Title \"" + metadata_title + "\" is a file or program name)";
  const Line* late = nullptr;
  for (const Line& line : lines) {
    if (const std::string_view titled = AfterTitleLabel(line.text); !titled.empty()) {
      return {Clean(titled, page_lines), "the text after the label \"Titel\"" + passed};
    }
    const std::vector<Word> words = WordsOf(line.text, line.cp_begin);
    if (!HasWordOfThreeLetters(words) || line.text.back() == ':' ||
        OnlyNumbersAndDates(line, words, mentions, tagger)) {
      continue;
    }
    if (SectionNumberLength(line.text) > 0 || IsPersonsName(line, words, mentions)) {
      if (late == nullptr) late = &line;
      continue;
    }
    return {Clean(line.text, page_lines), "first heading line of the text" + passed};
  }
  if (late != nullptr) {
    return {Clean(late->text, page_lines),
            "first line of the opening, though a section heading or a name (no other heading line)" + passed,
            true};
  }
  return {"", passed};
}

}  // namespace diar::classify_internal
