#include "pipeline/classify/doc_types.h"

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <set>

#include "pipeline/data_file/data_file.h"

namespace diar::classify_internal {
namespace {

// Words that end a title's head phrase: "Riktlinjer för ...", "Överenskommelse
// om ...", "Internationell policy för ...".
const std::set<std::string, std::less<>>& Prepositions() {
  static const std::set<std::string, std::less<>> kWords = {
      "för", "om", "i", "till", "med", "över", "vid", "inom", "mellan", "från",
      "av", "avseende", "gällande", "angående", "på", "under", "efter", "mot"};
  return kWords;
}

// Words that join a label heading a title to what the document is about:
// "Interpellation till ...", "Yttrande över ...", "Överenskommelse mellan ...".
const std::set<std::string, std::less<>>& TitlePrepositions() {
  static const std::set<std::string, std::less<>> kWords = {
      "till", "om", "för", "över", "mellan", "från", "avseende", "angående", "gällande", "rörande"};
  return kWords;
}

// A municipal or agency statute collection's number ("KFS 2017:07", "SFS
// 2017:725"): a title follows it in the collection's heading.
const RE2& StatuteNumber() {
  static const RE2 kNumber("\\b\\p{Lu}{0,4}FS (?:nr )?\\d{4}:\\d+\\s+");
  return kNumber;
}

// What may follow a label on its line: dates, numbers, ranges ("Protokoll
// 2022-03-01", "PM 2022:3", "Verksamhetsplan 2021–2023").
bool OnlyNumbers(std::string_view rest) {
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(rest[i]);
    if ((c >= '0' && c <= '9') || c == ' ' || c == '-' || c == '/' || c == '.' || c == ':' ||
        c == ',' || c == '(' || c == ')') {
      continue;
    }
    // En and em dashes (E2 80 93/94) and the section sign (C2 A7).
    if (c == 0xE2 && i + 2 < rest.size() && static_cast<unsigned char>(rest[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(rest[i + 2]) == 0x93 || static_cast<unsigned char>(rest[i + 2]) == 0x94)) {
      i += 2;
      continue;
    }
    if (c == 0xC2 && i + 1 < rest.size() && static_cast<unsigned char>(rest[i + 1]) == 0xA7) {
      ++i;
      continue;
    }
    return false;
  }
  return true;
}

// The first code point of `s` (0 when empty or not UTF-8).
UChar32 FirstCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c < 0 ? 0 : c;
}

// Letters all in capitals, and at least `min_letters` of them.
bool AllCaps(std::string_view s, int min_letters) {
  int letters = 0;
  const int32_t length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, length, c);
    if (c < 0 || !u_isalpha(c)) continue;
    if (!u_isupper(c)) return false;
    ++letters;
  }
  return letters >= min_letters;
}

std::vector<std::string_view> Tokens(std::string_view line) {
  std::vector<std::string_view> tokens;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    std::size_t end = i;
    while (end < line.size() && line[end] != ' ' && line[end] != '\t') ++end;
    if (end > i) tokens.push_back(line.substr(i, end - i));
    i = end;
  }
  return tokens;
}

// `line` with letter-spaced capitals closed up: letterheads space out their
// label ("K U N G Ö R E L S E" -> "KUNGÖRELSE"). Four single capitals in a
// row is the least that is not initials ("A B C").
std::string CloseLetterSpacing(std::string_view line) {
  const std::vector<std::string_view> tokens = Tokens(line);
  auto single_capital = [](std::string_view t) {
    const UChar32 c = FirstCodePoint(t);
    return c != 0 && u_isupper(c) && static_cast<std::size_t>(U8_LENGTH(c)) == t.size();
  };
  std::string out;
  for (std::size_t i = 0; i < tokens.size();) {
    std::size_t run = i;
    while (run < tokens.size() && single_capital(tokens[run])) ++run;
    if (!out.empty()) out += ' ';
    if (run - i >= 4) {
      for (std::size_t k = i; k < run; ++k) out.append(tokens[k]);
      i = run;
    } else {
      out.append(tokens[i]);
      ++i;
    }
  }
  return out;
}

// Page numbers, "(1)", "1(6)", "Sida" and the like before a letterhead's
// first word.
// "§ 45 Val av justerare", "§45": a paragraph of a protokoll begins.
bool StartsParagraphSign(std::string_view line) {
  constexpr std::string_view kSign = "\xC2\xA7";  // §
  if (line.rfind(kSign, 0) != 0) return false;
  line.remove_prefix(kSign.size());
  while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
  return !line.empty() && line.front() >= '0' && line.front() <= '9';
}

// Whether `line` holds a protocol's paragraph number ("§ 31") after its
// start: a heading run into the title line by the layout ("Barn- och
// utbildningsnämnden – Sammanträdesprotokoll 2024-04-18 § 31 Dnr ...").
// A law is cited with the number first ("6 kap. 33 §").
bool HoldsParagraphSign(std::string_view line) {
  constexpr std::string_view kSign = "\xC2\xA7";  // §
  for (std::size_t at = line.find(kSign); at != std::string_view::npos; at = line.find(kSign, at + 1)) {
    if (StartsParagraphSign(line.substr(at))) return true;
  }
  return false;
}

bool IsPageToken(std::string_view t) {
  bool digit = false;
  for (char c : t) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c != '(' && c != ')' && c != '/' && c != '.') {
      return false;
    }
  }
  return digit;
}

}  // namespace

DocTypes::DocTypes() = default;
DocTypes::~DocTypes() = default;
DocTypes::DocTypes(DocTypes&&) noexcept = default;
DocTypes& DocTypes::operator=(DocTypes&&) noexcept = default;

void DocTypes::Load(const std::string& dir, std::vector<std::string>* errors) {
  const std::string types_path = dir + "/doc_types.tsv";
  std::map<std::string, std::string> label_owner, head_owner;  // form -> "type (line)"
  std::set<std::string> rows_seen;                              // "type\tanywhere"
  for (const DataLine& row : ReadTable(types_path, {"type", "labels", "heads", "anywhere"}, errors)) {
    const std::string& type = row.fields[0];
    if (row.fields[3] != "yes" && row.fields[3] != "no") {
      errors->push_back(Where(types_path, row.number, "anywhere must be \"yes\" or \"no\", not \"" +
                                                         row.fields[3] + "\""));
      continue;
    }
    const bool anywhere = row.fields[3] == "yes";
    // A type may have a second row only to give some of its words the other
    // "anywhere": a plan's own kind word starts its title, while the records
    // of a plan's procedure (a samrådsredogörelse) name themselves in a
    // letterhead as any record does.
    if (!rows_seen.insert(type + (anywhere ? "\tyes" : "\tno")).second) {
      errors->push_back(Where(types_path, row.number, "type \"" + type + "\" is listed twice with "
                                                 "the same anywhere; merge the two rows"));
      continue;
    }
    if (LowerKeepOffsets(type) != type) {
      errors->push_back(Where(types_path, row.number, "type \"" + type + "\" must be lower case"));
      continue;
    }
    if (std::find(types_.begin(), types_.end(), type) == types_.end()) types_.push_back(type);
    auto add = [&](const std::string& list, std::vector<Named>* into,
                   std::map<std::string, std::string>* owner, const char* what) {
      for (const std::string& form : SplitList(list)) {
        const std::string lower = LowerKeepOffsets(form);
        auto [it, fresh] = owner->emplace(lower, type);
        if (!fresh) {
          errors->push_back(Where(types_path, row.number, std::string(what) + " \"" + form +
                                                         "\" is already claimed by type \"" +
                                                         it->second + "\"; keep it in one row"));
          continue;
        }
        into->push_back({lower, type, anywhere});
      }
    };
    add(row.fields[1], &labels_, &label_owner, "label");
    add(row.fields[2], &heads_, &head_owner, "head");
  }
  auto longest_first = [](const Named& a, const Named& b) { return a.form.size() > b.form.size(); };
  std::stable_sort(labels_.begin(), labels_.end(), longest_first);
  std::stable_sort(heads_.begin(), heads_.end(), longest_first);
  for (std::size_t i = 0; i < labels_.size(); ++i) {
    if (labels_[i].anywhere && labels_[i].form.find(' ') == std::string::npos) word_labels_.push_back(i);
  }

  const std::string cues_path = dir + "/doc_type_cues.tsv";
  for (const DataLine& row : ReadTable(cues_path, {"type", "points", "where", "pattern"}, errors)) {
    Cue cue;
    cue.type = row.fields[0];
    cue.line = row.number;
    if (std::find(types_.begin(), types_.end(), cue.type) == types_.end()) {
      errors->push_back(Where(cues_path, row.number, "unknown type \"" + cue.type +
                                                    "\"; add it to doc_types.tsv first"));
      continue;
    }
    const std::string& points = row.fields[1];
    if (points != "1" && points != "2" && points != "3") {
      errors->push_back(Where(cues_path, row.number, "points must be 1, 2 or 3, not \"" + points + "\""));
      continue;
    }
    cue.points = points[0] - '0';
    if (row.fields[2] != "opening" && row.fields[2] != "anywhere") {
      errors->push_back(Where(cues_path, row.number, "where must be \"opening\" or \"anywhere\", not \"" +
                                                    row.fields[2] + "\""));
      continue;
    }
    cue.opening_only = row.fields[2] == "opening";
    std::string error;
    cue.pattern = (cue.opening_only ? opening_cues_ : cues_anywhere_).Add(row.fields[3], &error);
    if (cue.pattern < 0) {
      errors->push_back(Where(cues_path, row.number, "pattern does not compile: " + error));
      continue;
    }
    cues_.push_back(std::move(cue));
  }
}

RE2::Options DocTypes::CueOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  return options;
}

const DocTypes::Named* DocTypes::LabelOf(std::string_view line) const {
  const std::string lower = LowerKeepOffsets(TrimPunct(line));
  for (const Named& label : labels_) {
    if (lower.size() < label.form.size() || lower.compare(0, label.form.size(), label.form) != 0) {
      continue;
    }
    const std::string_view rest = std::string_view(lower).substr(label.form.size());
    if (rest.empty() || (rest[0] == ' ' && OnlyNumbers(rest))) return &label;
  }
  return nullptr;
}

bool DocTypes::IsLabelLine(std::string_view line) const { return LabelOf(line) != nullptr; }

const DocTypes::Named* DocTypes::WordLabel(std::string_view word) const {
  const std::string lower = LowerKeepOffsets(word);
  for (const std::size_t i : word_labels_) {
    if (lower == labels_[i].form) return &labels_[i];
  }
  // A compound whose head is a label ("granskningsyttrande",
  // "regeringsbeslut", "revisionsrapport"): Swedish puts the head last. Six
  // letters at least, so "PM" and "Plan" never end another word, and not when
  // the first part is itself a label ("protokollsanteckningar" is a part of
  // a protokoll, not minnesanteckningar).
  for (const std::size_t i : word_labels_) {
    const Named& label = labels_[i];
    if (label.form.size() < 6) continue;
    if (lower.size() < label.form.size() + 3 ||
        lower.compare(lower.size() - label.form.size(), label.form.size(), label.form) != 0) {
      continue;
    }
    const std::string_view first = std::string_view(lower).substr(0, lower.size() - label.form.size());
    bool first_is_label = false;
    for (const Named& other : labels_) {
      first_is_label |= other.form.size() >= 6 && first.find(other.form) != std::string_view::npos;
    }
    if (!first_is_label) return &label;
  }
  return nullptr;
}

const DocTypes::Named* DocTypes::LabelInside(std::string_view line, bool capitals) const {
  const std::string closed = CloseLetterSpacing(line);
  const std::vector<std::string_view> tokens = Tokens(closed);
  std::size_t first = 0;
  while (first < tokens.size() && (IsPageToken(tokens[first]) || tokens[first].size() <= 2)) ++first;
  for (std::size_t i = first; i < tokens.size(); ++i) {
    const std::string_view word = TrimPunct(tokens[i], " \t:.,;()\"");
    if (word.empty()) continue;
    // Two labels joined by a slash name one document by both its kinds
    // ("KALLELSE/FÖREDRAGNINGSLISTA"); the first decides.
    const Named* label = WordLabel(word.substr(0, word.find('/')));
    if (label == nullptr) continue;
    // "Kommunfullmäktiges protokoll den 11 oktober 2011, § 202" names
    // another document.
    if (i + 1 < tokens.size() && (tokens[i + 1] == "den" || tokens[i + 1] == "§" ||
                                  tokens[i + 1] == "från")) {
      continue;
    }
    // "FÖRSLAG TILL BESLUT" heads the proposal of a tjänsteskrivelse, a
    // kallelse's ärende or an årsredovisning's last part (a contents line
    // lists it), never the kind of the document it stands in.
    if (i >= 2 && LowerKeepOffsets(tokens[i - 2]) == "förslag" &&
        LowerKeepOffsets(tokens[i - 1]) == "till") {
      continue;
    }
    // In capitals inside a letterhead line ("ARBOGA KOMMUN ... TJÄNSTESKRIVELSE
    // Datum"); six letters, so that acronyms are not read as labels.
    if (capitals) {
      if (AllCaps(word, 6)) return label;
      continue;
    }
    // First word of the line, written with a capital, and what follows is a
    // name, a number or nothing ("Protokoll Regionstyrelsen. 28 april 2021",
    // "Revisionsrapport Augusti 2005"), not a sentence going on in lower case.
    if (i == first && u_isupper(FirstCodePoint(word))) {
      if (i + 1 == tokens.size() || tokens[i].back() == '.' || tokens[i].back() == ':') return label;
      const UChar32 next = FirstCodePoint(tokens[i + 1]);
      if (u_isupper(next) || u_isdigit(next) || next == '(') return label;
      // A title's kind and what it is about ("Interpellation till
      // socialnämndens ordförande angående ...", "Motion om ...").
      if (TitlePrepositions().count(LowerKeepOffsets(tokens[i + 1])) != 0) return label;
    }
  }
  return nullptr;
}

const DocTypes::Named* DocTypes::LabelBeforeBody(const Line& line,
                                                 const std::vector<std::size_t>& body_starts) const {
  const std::size_t space = line.text.find(' ');
  if (space == std::string_view::npos || space + 1 >= line.text.size()) return nullptr;
  const std::string_view first = line.text.substr(0, space);
  if (!u_isupper(FirstCodePoint(first))) return nullptr;
  const Named* label = WordLabel(first);
  if (label == nullptr) return nullptr;
  std::size_t cp = line.cp_begin;
  for (std::size_t i = 0; i <= space;) {
    UChar32 c;
    U8_NEXT(line.text.data(), i, line.text.size(), c);
    ++cp;
  }
  return std::binary_search(body_starts.begin(), body_starts.end(), cp) ? label : nullptr;
}

const DocTypes::Named* DocTypes::CapitalisedLabelInside(std::string_view line) const {
  const std::vector<std::string_view> tokens = Tokens(line);
  for (std::size_t i = 1; i + 1 < tokens.size(); ++i) {
    const std::string_view word = TrimPunct(tokens[i], " \t:.,;()\"");
    const UChar32 next = FirstCodePoint(tokens[i + 1]);
    if (word.size() < 6 || word.size() != tokens[i].size() || !u_isupper(FirstCodePoint(word)) ||
        AllCaps(word, 1) || !(u_isupper(next) || u_isdigit(next))) {
      continue;
    }
    if (const Named* label = WordLabel(word)) return label;
  }
  return nullptr;
}

const DocTypes::Named* DocTypes::HeadOf(std::string_view title) const {
  const std::string lower = LowerKeepOffsets(title);
  // A draft is titled by the kind of document it drafts: "Förslag till
  // föredragningslista Arbetsutskottet", "Förslag till verksamhetsplan 2024".
  static constexpr std::string_view kDraft = "förslag till ";
  const std::size_t from = lower.compare(0, kDraft.size(), kDraft) == 0 ? kDraft.size() : 0;
  // Words up to the first preposition or dash; the last of them with a
  // letter is the head word.
  std::string head;
  std::size_t i = from;
  bool dash = false;
  while (i < lower.size()) {
    if (!WordCharAt(lower, i)) {
      const char c = lower[i];
      if (c == ':' || c == ',' || c == '(' ||
          (static_cast<unsigned char>(c) == 0xE2 && lower.compare(i, 3, "\xE2\x80\x93") == 0) ||
          (static_cast<unsigned char>(c) == 0xE2 && lower.compare(i, 3, "\xE2\x80\x94") == 0) ||
          (c == '-' && i > 0 && lower[i - 1] == ' ')) {
        dash = c != ':' && c != ',' && c != '(';
        break;
      }
      ++i;
      continue;
    }
    const std::size_t end = SkipWord(lower, i);
    // A hyphen inside a word ("EU-strategi") keeps the word going.
    std::size_t word_end = end;
    while (word_end < lower.size() && lower[word_end] == '-' && WordCharAt(lower, word_end + 1)) {
      word_end = SkipWord(lower, word_end + 1);
    }
    const std::string word = lower.substr(i, word_end - i);
    i = word_end;
    if (Prepositions().count(word) != 0) break;
    bool has_letter = false;
    for (unsigned char c : word) has_letter |= (c >= 'a' && c <= 'z') || c >= 0x80;
    if (!has_letter) continue;
    head = word;
    // A word that ends in a type's head and is followed by a capitalised
    // one ends the title's noun phrase: a subtitle or a name follows
    // ("Miljöprogram Lokala miljömål för ...", "Kulturplan Mötas i Norr").
    std::size_t next = i;
    while (next < lower.size() && lower[next] == ' ') ++next;
    if (next > i && next < title.size() && HeadNamed(head) != nullptr &&
        u_isupper(FirstCodePoint(title.substr(next)))) {
      break;
    }
  }
  if (const Named* named = HeadNamed(head)) return named;
  // A short series mark before a dash ("PM – Trafikverkets remissyttrande
  // avseende ..."): the head stands after it.
  if (dash && i < lower.size()) {
    const std::size_t after = lower.find(' ', i);
    if (after != std::string::npos) return HeadOf(title.substr(after + 1));
  }
  return nullptr;
}

const DocTypes::Named* DocTypes::HeadNamed(std::string_view word) const {
  if (word.empty()) return nullptr;
  for (const Named& h : heads_) {
    if (word.size() >= h.form.size() &&
        word.compare(word.size() - h.form.size(), h.form.size(), h.form) == 0) {
      return &h;
    }
  }
  return nullptr;
}

TypeDecision DocTypes::Detect(const std::vector<std::string>& titles,
                              const std::vector<std::string>& letterhead,
                              const std::vector<Line>& opening, std::string_view text,
                              const std::vector<std::size_t>& body_starts) const {
  if (types_.empty()) return {"", "no type data loaded"};
  // A letterhead printed on every page ("SAMMANTRÄDESPROTOKOLL
  // Sammanträdesdatum 2023-05-16") is dropped from the text as a running
  // line, yet it is where the document names its kind, above everything the
  // opening holds, as it is on a one-page document, whose letterhead stays.
  for (const std::string& line : letterhead) {
    if (const Named* label = LabelOf(line)) {
      return {label->type, "label line \"" + line + "\" in the letterhead repeated on every page"};
    }
    if (const Named* label = LabelInside(line, true)) {
      return {label->type, "label \"" + label->form + "\" in capitals in the letterhead line \"" +
                               line.substr(0, 120) + "\", repeated on every page"};
    }
  }
  for (const Line& line : opening) {
    // From the first "§ 45" on, a line that is a type's name heads a part
    // of an ärende ("Beslut", "Yttrande"), not the document: a protokoll
    // whose own label sits in a running header (dropped) is told by its
    // structure below.
    if (StartsParagraphSign(line.text)) break;
    if (const Named* label = LabelOf(line.text)) {
      return {label->type, "label line \"" + std::string(line.text) + "\" in the opening"};
    }
    if (const Named* label = LabelInside(line.text, true)) {
      return {label->type, "label \"" + label->form + "\" in capitals in the opening line \"" +
                               std::string(line.text.substr(0, 120)) + "\""};
    }
    if (const Named* label = LabelBeforeBody(line, body_starts)) {
      return {label->type, "label \"" + label->form + "\" before a body's name in the opening line \"" +
                               std::string(line.text.substr(0, 120)) + "\""};
    }
    if (HoldsParagraphSign(line.text)) break;
  }

  const std::string_view opening_text =
      text.substr(0, BytesOfCodePoints(text, kOpeningCodePoints));
  std::map<std::string, int> points;
  std::map<std::string, std::string> found;
  // Which cues match, in one pass over each stretch; only those are asked
  // again for the text they match.
  std::vector<int> opening_hits, anywhere_hits;
  opening_cues_.Matching(opening_text, &opening_hits);
  cues_anywhere_.Matching(text, &anywhere_hits);
  for (const Cue& cue : cues_) {
    const std::vector<int>& hits = cue.opening_only ? opening_hits : anywhere_hits;
    if (!std::binary_search(hits.begin(), hits.end(), cue.pattern)) continue;
    const RE2& pattern = (cue.opening_only ? opening_cues_ : cues_anywhere_).pattern(cue.pattern);
    re2::StringPiece match;
    const std::string_view where = cue.opening_only ? opening_text : text;
    if (!pattern.Match(re2::StringPiece(where.data(), where.size()), 0, where.size(), RE2::UNANCHORED,
                       &match, 1)) {
      continue;
    }
    points[cue.type] += cue.points;
    std::string shown(TrimPunct(std::string_view(match.data(), match.size()), " \t\n"));
    found[cue.type] += (found[cue.type].empty() ? "" : ", ") + ("\"" + shown + "\" (" +
                                                                 std::to_string(cue.points) + ")");
  }
  std::string best;
  int best_points = 0, second_points = 0;
  for (const auto& [type, p] : points) {
    if (p > best_points) {
      second_points = best_points;
      best_points = p;
      best = type;
    } else if (p > second_points) {
      second_points = p;
    }
  }
  if (best_points >= kStructureThreshold && best_points > second_points) {
    return {best, "structure: " + found[best] + " = " + std::to_string(best_points) + " points"};
  }
  // A label as a line's first word comes after structure: an agenda item in
  // a protokoll starts its line with one ("Delårsrapport 1 januari - 30
  // juni 2009").
  for (const Line& line : opening) {
    if (StartsParagraphSign(line.text)) break;
    if (const Named* label = LabelInside(line.text, false)) {
      return {label->type, "label \"" + label->form + "\" first in the opening line \"" +
                               std::string(line.text.substr(0, 120)) + "\""};
    }
    if (HoldsParagraphSign(line.text)) break;
  }

  for (const std::string& title : titles) {
    if (const Named* head = HeadOf(title)) {
      return {head->type, "title \"" + title + "\" has the head \"" + head->form + "\""};
    }
  }
  // A statute collection's heading runs its number into the title ("KOMMUNAL
  // FÖRFATTNINGSSAMLING FÖR X KOMMUN KFS 2017:07 Reglemente för ...").
  for (const Line& line : opening) {
    re2::StringPiece input(line.text.data(), line.text.size());
    if (!RE2::FindAndConsume(&input, StatuteNumber())) continue;
    const std::string_view rest(input.data(), input.size());
    if (const Named* head = HeadOf(rest)) {
      return {head->type, "title \"" + std::string(rest.substr(0, 120)) +
                              "\" after a statute collection's number has the head \"" +
                              head->form + "\""};
    }
  }
  // Last, a capitalised label inside a letterhead line that a transcript
  // ran together with its neighbours, before the title or a field name
  // ("Handläggare: N N Remissyttrande Inriktningsunderlag ...", "Föredragnings-
  // lista Sammanträdesdatum Sida 1(6)"). Last, because a list of attached
  // documents writes kinds so too.
  for (const Line& line : opening) {
    if (const Named* label = CapitalisedLabelInside(line.text)) {
      return {label->type, "label \"" + label->form + "\" inside the opening line \"" +
                               std::string(line.text.substr(0, 120)) + "\""};
    }
  }
  std::string why = "no clear type cue";
  if (best_points >= kStructureThreshold) {
    why += " (structure cues tie at " + std::to_string(best_points) + " points)";
  }
  return {"", why};
}

}  // namespace diar::classify_internal
