#include "pipeline/classify/classify.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>

#include "pipeline/classify/doc_types.h"
#include "pipeline/classify/issuer.h"
#include "pipeline/classify/page_lines.h"
#include "pipeline/classify/text_scan.h"
#include "pipeline/classify/title.h"
#include "pipeline/classify/topics.h"

namespace diar {
namespace {

using classify_internal::CountWords;
using classify_internal::Line;

// How far into the text the document's own dnr may stand: letterheads put it
// in the first few lines, and a dnr further down is usually a reference to
// another case (a bilaga, the other party's registry).
constexpr std::size_t kOwnDnrWindow = 600;

// A title is a short line; a long one is running text.
constexpr std::size_t kMaxTitleCodePoints = 160;

// Lines the title, label and letterhead are looked for in.
constexpr std::size_t kOpeningLines = 15;

bool StartsWithWord(std::string_view line, std::string_view word) {
  const std::string lower = classify_internal::LowerKeepOffsets(line);
  return lower.compare(0, word.size(), word) == 0 &&
         !classify_internal::WordCharAt(lower, word.size());
}

bool LineIsOneBody(const Line& line, const std::vector<Mention>& mentions) {
  for (const Mention& m : mentions) {
    if (m.type == "body" && m.start <= line.cp_begin && m.end >= line.cp_end) return true;
  }
  return false;
}

// A title names something, so it has words of letters: a line of figures
// ("13.00–16.15", a time wrapped off a protokoll's form by OCR) is not one.
bool HasLetters(std::string_view text) {
  int letters = 0;
  for (std::size_t i = 0; i < text.size() && letters < 2;) {
    UChar32 c;
    U8_NEXT(text.data(), i, text.size(), c);
    if (c > 0 && u_isalpha(c)) ++letters;
  }
  return letters >= 2;
}

// Whether `line` is a letter's letterhead run together into one line by
// the layout: the document's type in capitals, a date or a dnr, with
// perhaps a body's name and the numbers' labels, and nothing else
// ("Region Skåne YTTRANDE 2024-03-28", "Västerås stad TJÄNSTESKRIVELSE",
// "Socialförvaltningen Datum 2024-05-02 Dnr SN 2024/0456", "TRV 2024/12345
// Dnr 2024-RS-0211"). Every word is in a mention of a body, date, period
// or dnr, a type's label, a number's label ("Datum", "Dnr"), an agency's
// code in capitals or no word (figures, "§", a dash). A protokoll or
// kallelse keeps such a line as its title (its organ, its label and its
// date), so their labels never make one.
bool LineIsLetterhead(const Line& line, const std::vector<Mention>& mentions,
                      const classify_internal::DocTypes& types, const Tagger& tagger) {
  bool marker = false;
  std::size_t cp = line.cp_begin;
  std::size_t i = 0;
  const std::string_view text = line.text;
  while (i < text.size()) {
    if (text[i] == ' ') {
      ++i, ++cp;
      continue;
    }
    const std::size_t word_begin = i, cp_word = cp;
    while (i < text.size() && text[i] != ' ') {
      UChar32 c;
      U8_NEXT(text.data(), i, text.size(), c);
      ++cp;
    }
    const std::string_view word = text.substr(word_begin, i - word_begin);
    bool covered = false;
    for (const Mention& m : mentions) {
      if (m.start <= cp_word && m.end >= cp &&
          (m.type == "body" || m.type == "date" || m.type == "dnr" || m.type == "period")) {
        covered = true;
        marker = marker || m.type != "body";
        break;
      }
    }
    if (covered || !HasLetters(word)) continue;
    std::string_view bare = word;
    while (!bare.empty() && (bare.back() == ':' || bare.back() == ',')) bare.remove_suffix(1);
    if (tagger.IsNumberLabel(bare)) {
      marker = true;
      continue;
    }
    bool capitals = true;
    std::size_t letters = 0;
    for (std::size_t k = 0; k < bare.size();) {
      UChar32 c;
      U8_NEXT(bare.data(), k, bare.size(), c);
      capitals = capitals && !u_islower(c);
      letters += u_isalpha(c) ? 1 : 0;
    }
    const std::string type = types.LabelWordType(bare);
    if (type.empty()) {
      // An agency's code before its own number ("TRV 2024/12345").
      if (capitals && letters <= 5) continue;
      return false;
    }
    if (type == "protokoll" || type == "kallelse") return false;
    marker = marker || capitals;
  }
  return marker;
}

bool LooksLikeTitle(const Line& line) {
  const std::size_t n = line.cp_end - line.cp_begin;
  if (n < 3 || n > kMaxTitleCodePoints || !HasLetters(line.text)) return false;
  // A list item ("• Regiondirektörens beslut på delegation – ...") is one of
  // the things a page lists, never the page's title.
  if (line.text.rfind("\xE2\x80\xA2", 0) == 0) return false;
  const char last = line.text.back();
  if (last == ',') return false;
  // A sentence ends in a full stop; a title may end in an abbreviation or a
  // heading's own full stop ("Protokoll Regionstyrelsen. 28 april 2021" has
  // its stop inside). Only a line of several words ending in "." is prose.
  if (last == '.' && CountWords(line.text) > 4) return false;
  return CountWords(line.text) > 0 && !(CountWords(line.text) == 1 && n <= 4);
}

// A transcript runs a cover's heading into the contents page that follows
// ("Samverkansavtal för ... gällande fr o m 2010-01-01 INNEHÅLLSFÖRTECKNING:
// Sid 1. Bakgrund ..."): the words before the contents' own heading are the
// title, when they are one.
bool HeadingBeforeContents(const Line& line, Line* heading) {
  const std::string lower = classify_internal::LowerKeepOffsets(line.text);
  for (const std::string_view word : {std::string_view("innehållsförteckning"),
                                      std::string_view("innehåll")}) {
    std::size_t at = lower.find(word);
    while (at != std::string::npos &&
           (classify_internal::WordCharAt(lower, at + word.size()) ||
            (at > 0 && classify_internal::WordCharAt(lower, at - 1)))) {
      at = lower.find(word, at + 1);
    }
    if (at == std::string::npos || at == 0) continue;
    std::string_view before = line.text.substr(0, at);
    while (!before.empty() && (before.back() == ' ' || before.back() == ':')) before.remove_suffix(1);
    *heading = line;
    heading->text = before;
    heading->cp_end = line.cp_begin + CodePointCount(before);
    return LooksLikeTitle(*heading);
  }
  return false;
}

// A running head is a short line: a sentence run on from the page before
// is not one.
constexpr std::size_t kMaxRunningHeadCodePoints = 100;

bool TheirsLine(std::string_view line) {
  return StartsWithWord(line, "ert") || StartsWithWord(line, "er");
}

// A running head repeats the document's own case number on its later pages
// ("Uppsala kommun  Dnr KSN-2016-2381  Sida 2 (3)"). When the opening gives
// none (a letterhead table read across its cells puts "Diarienummer" and
// the number apart), the dnr on the first line of a later page, or on a
// running line normalise dropped from one, is the document's own.
std::string RunningHeadDnr(const NormalisedText& text, const classify_internal::CodePointIndex& at,
                           const std::vector<Mention>& mentions, const Tagger& tagger,
                           std::string* cue) {
  for (std::size_t page = 1; page < text.page_starts.size(); ++page) {
    const std::size_t cp_begin = text.page_starts[page];
    const std::size_t byte_begin = at.Byte(cp_begin);
    if (byte_begin >= text.text.size()) break;
    const std::size_t byte_end = std::min(text.text.find('\n', byte_begin), text.text.size());
    const std::string_view line(text.text.data() + byte_begin, byte_end - byte_begin);
    const std::size_t cp_end = cp_begin + CodePointCount(line);
    if (cp_end - cp_begin > kMaxRunningHeadCodePoints || TheirsLine(line)) continue;
    for (const Mention& m : mentions) {
      if (m.type == "dnr" && m.start >= cp_begin && m.end <= cp_end) {
        *cue = "\"" + m.text + "\" in the running head of page " + std::to_string(page + 1);
        return m.value;
      }
    }
  }
  // A running line repeats from page to page, and the same line tags the
  // same: each is tagged once (six long plans ran the tagger 651 times here).
  std::unordered_set<std::string_view> without_dnr;
  for (std::size_t page = 1; page < text.removed_lines.size(); ++page) {
    for (const std::string& line : text.removed_lines[page]) {
      if (CodePointCount(line) > kMaxRunningHeadCodePoints || TheirsLine(line)) continue;
      if (!without_dnr.insert(line).second) continue;
      NormalisedText head;
      head.text = line;
      head.page_starts = {0};
      head.page_ocr = {false};
      for (const Mention& m : tagger.Tag(head, {})) {
        if (m.type != "dnr") continue;
        *cue = "\"" + m.text + "\" in the running line \"" + line + "\" of page " +
               std::to_string(page + 1);
        return m.value;
      }
    }
  }
  return "";
}

// The place word a dnr's label names right before it ("Dnr Ånge KS
// 20/366" -> "Ånge"), or "": a document two parties sign gives each one's
// number after its name.
std::string DnrLabelPlace(std::string_view text, const classify_internal::CodePointIndex& at,
                          std::size_t cp) {
  const std::size_t end = at.Byte(cp);
  const std::size_t from = end >= 40 ? end - 40 : 0;
  const std::string_view before = text.substr(from, end - from);
  const std::string lower = classify_internal::LowerKeepOffsets(before);
  const std::size_t label = lower.rfind("dnr ");
  if (label == std::string::npos) return "";
  const std::size_t word = label + 4;
  const std::size_t word_end = classify_internal::SkipWord(before, word);
  // A capital: A-Z, or Latin-1's capitals in UTF-8 (C3 80-9E: Å Ä Ö É).
  const auto first = static_cast<unsigned char>(before[word]);
  const bool capital = (first >= 'A' && first <= 'Z') ||
                       (first == 0xC3 && word + 1 < before.size() &&
                        static_cast<unsigned char>(before[word + 1]) < 0x9F);
  if (word_end == word || !capital) return "";
  return std::string(before.substr(word, word_end - word));
}

}  // namespace

struct Classifier::Impl {
  classify_internal::DocTypes types;
  classify_internal::Topics topics;
  classify_internal::PageLines page_lines;
  classify_internal::IssuerFinder issuers;
};

Classifier::Classifier() : impl_(std::make_shared<Impl>()) {}
Classifier::Classifier(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Result<Classifier> Classifier::Load(const std::string& dictionary_dir) {
  auto impl = std::make_shared<Impl>();
  std::vector<std::string> errors;
  impl->types.Load(dictionary_dir, &errors);
  impl->topics.Load(dictionary_dir, &errors);
  impl->page_lines.Load(dictionary_dir, &errors);
  impl->issuers.Load(dictionary_dir, &errors);
  if (!errors.empty()) {
    std::string message;
    for (const std::string& e : errors) message += (message.empty() ? "" : "\n") + e;
    return ConfigError(message);
  }
  return Classifier(std::move(impl));
}

Classification Classifier::Classify(const ExtractedDocument& source, const NormalisedText& text,
                                    const std::vector<Mention>& mentions,
                                    const Tagger& tagger) const {
  return Classify(source, text, mentions, tagger, tagger.DetectDocumentDate(text, ""));
}

Classification Classifier::Classify(const ExtractedDocument& source, const NormalisedText& text,
                                    const std::vector<Mention>& mentions, const Tagger& tagger,
                                    const std::string& text_date) const {
  Classification c;
  // One index for the issuer, the dnr's label and the running heads.
  const classify_internal::CodePointIndex cp_index(text.text);
  const std::vector<Line> all_opening = classify_internal::SplitLines(text.text, 4 * kOpeningLines);
  // The document's own lines: site chrome around a crawled text and
  // attachment lines never give the title or the type.
  std::vector<Line> opening, chrome;
  bool related = false;
  for (const Line& line : all_opening) {
    if (opening.size() >= kOpeningLines) break;
    related = related || impl_->page_lines.StartsRelatedList(line.text);
    if (related || impl_->page_lines.IsChrome(line.text)) {
      chrome.push_back(line);
    } else if (!impl_->page_lines.IsAttachment(line.text)) {
      opening.push_back(line);
    }
  }

  // Title: the PDF's own, else one of the lines that are neither
  // letterhead, label nor field (title.h); then a line that is only a body's
  // name (a protokoll is titled by its organ); the file name last. The type
  // reads the same lines, in order.
  std::vector<std::string> titles;
  std::vector<Line> title_lines;
  std::string body_line, label_line;
  if (!source.title.empty()) titles.push_back(source.title);
  for (const Line& whole : opening) {
    Line line = whole;
    if (!LooksLikeTitle(whole) && !HeadingBeforeContents(whole, &line)) continue;
    if (impl_->types.IsLabelLine(line.text)) {
      if (label_line.empty()) label_line = line.text;
      continue;
    }
    if (impl_->page_lines.IsField(line.text)) continue;
    if (LineIsOneBody(line, mentions)) {
      if (body_line.empty()) body_line = line.text;
      continue;
    }
    if (LineIsLetterhead(line, mentions, impl_->types, tagger)) continue;
    titles.emplace_back(line.text);
    title_lines.push_back(line);
  }
  const classify_internal::TitleChoice title =
      classify_internal::ChooseTitle(source.title, title_lines, mentions, impl_->page_lines, tagger);
  if (!title.title.empty()) {
    c.title = title.title;
    c.cues.push_back({"title", title.cue});
  } else if (!body_line.empty()) {
    c.title = body_line;
    c.cues.push_back({"title", "first line naming only a body (no other heading line)" + title.cue});
  } else {
    c.title = std::filesystem::path(source.path).stem().string();
    c.cues.push_back({"title", "file name (no heading line in the opening)" + title.cue});
  }

  static const std::vector<std::string> kNone;
  const std::vector<std::string>& letterhead =
      text.removed_lines.empty() ? kNone : text.removed_lines.front();
  std::vector<std::size_t> body_starts;
  for (const Mention& m : mentions) {
    if (m.type == "body") body_starts.push_back(m.start);
  }
  std::sort(body_starts.begin(), body_starts.end());
  const classify_internal::TypeDecision type =
      impl_->types.Detect(titles, letterhead, opening, text.text, body_starts);
  c.type = type.type;
  c.cues.push_back({"type", type.cue});

  // A meeting's record whose opening is a form (label, organ, time, place,
  // members, agenda) has no heading naming it: its first numbered line is
  // an agenda item ("1. Val av justerare") and a name is a member's. The
  // record is named by its label and organ, as archives list it
  // ("Kallelse Tekniska nämnden").
  const bool meeting = c.type == "protokoll" || c.type == "kallelse";
  if (meeting && (title.title.empty() || title.last_resort) && !body_line.empty() &&
      !label_line.empty() &&
      impl_->types.LabelWordType(label_line.substr(0, label_line.find(' '))) == c.type) {
    c.title = label_line + " " + body_line;
    for (Cue& cue : c.cues) {
      if (cue.field == "title") {
        cue.cue = "a meeting record's label line and the line naming its organ (the opening is a "
                  "form, with no heading naming the record)";
      }
    }
  }

  const classify_internal::IssuerDecision issuer =
      impl_->issuers.Detect(source, opening, chrome, text.text, cp_index, mentions, tagger,
                            impl_->types);
  c.issuer = issuer.issuer;
  c.county = issuer.county;
  c.cues.push_back({"issuer", issuer.issuer_cue});
  if (!issuer.county_cue.empty()) c.cues.push_back({"county", issuer.county_cue});

  // The document's date comes from its text; a PDF's CreationDate is when
  // the file was written (plans and riktlinjer get re-exported for years),
  // so it is kept apart, as metadata_date, and only said to be that.
  c.date = text_date;
  if (!c.date.empty()) {
    c.date_source = "text";
    std::string cue = "the first full date in the opening";
    for (const Mention& m : mentions) {
      if ((m.type == "date" && m.value == c.date) ||
          (m.type == "period" && m.value.find(c.date) != std::string::npos)) {
        cue = "\"" + m.text + "\" on page " + std::to_string(m.page);
        break;
      }
    }
    c.cues.push_back({"date", cue});
  } else if (source.created.size() >= 10) {
    c.metadata_date = source.created.substr(0, 10);
    c.date_source = "metadata";
    c.cues.push_back({"date", "no date in the text; PDF CreationDate " + source.created +
                                  " kept as metadata_date, not as the document's date"});
  }

  // The own dnr: the first in the opening lines, unless its line says it is
  // the other party's ("Ert dnr", "Er referens"). An agenda that lists
  // different numbers in its opening lists its items' ("3. Val av ... RD
  // 2017/134 4. Ändring i ... RD 2017/135"), and has none of its own.
  std::set<std::string> opening_dnr;
  for (const Mention& m : mentions) {
    if (m.type == "dnr" && m.start < classify_internal::kOpeningCodePoints) opening_dnr.insert(m.value);
  }
  const bool items = c.type == "kallelse" && opening_dnr.size() >= 2;
  if (items) c.cues.push_back({"dnr", "an agenda's numbers in the opening are its items'"});
  // Numbers labelled with their parties' places ("Dnr Sundsvall SBN-2020-
  // 00986 Dnr Ånge KS 20/366"): the issuer's is the document's own.
  const std::string issuer_place = c.issuer.substr(0, c.issuer.find(' '));
  for (const Mention& m : mentions) {
    if (items || issuer_place.empty()) break;
    if (m.type != "dnr" || m.start >= kOwnDnrWindow) continue;
    const std::string place = DnrLabelPlace(text.text, cp_index, m.start);
    if (place.empty() || (place != issuer_place && place + "s" != issuer_place)) continue;
    c.dnr = m.value;
    c.cues.push_back(
        {"dnr", "\"" + m.text + "\" labelled with the issuer's place \"" + place + "\""});
    break;
  }
  for (const Mention& m : mentions) {
    if (items || !c.dnr.empty()) break;
    if (m.type != "dnr" || m.start >= kOwnDnrWindow) continue;
    bool theirs = false;
    for (const Line& line : opening) {
      if (m.start >= line.cp_begin && m.start < line.cp_end) theirs = TheirsLine(line.text);
    }
    if (theirs) continue;
    c.dnr = m.value;
    c.cues.push_back({"dnr", "\"" + m.text + "\" in the opening lines"});
    break;
  }
  if (c.dnr.empty() && !items) {
    std::string cue;
    c.dnr = RunningHeadDnr(text, cp_index, mentions, tagger, &cue);
    if (!c.dnr.empty()) c.cues.push_back({"dnr", cue});
  }

  for (const classify_internal::TopicDecision& topic : impl_->topics.Detect(c.title, text.text)) {
    c.topics.push_back(topic.topic);
    c.cues.push_back({"topic", topic.topic + ": " + topic.cue});
  }
  return c;
}

}  // namespace diar
