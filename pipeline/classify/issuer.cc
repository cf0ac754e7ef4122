#include "pipeline/classify/issuer.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "pipeline/data_file/county_table.h"
#include "pipeline/data_file/data_file.h"

namespace diar::classify_internal {
namespace {

bool HasLetter(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (WordCharAt(s, i) && !(s[i] >= '0' && s[i] <= '9')) return true;
  }
  return false;
}

// A lower-case letter (ASCII, or å ä ö é ü and the rest of Latin-1's small
// letters: C3 A0-BF).
bool HasLowerCase(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 'a' && c <= 'z') return true;
    if (c == 0xC3 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0xA0) return true;
  }
  return false;
}

// Kinds whose bodies issue documents for a territory, for the "most
// mentioned" cue; a document naming Trafikverket ten times is not
// Trafikverket's.
bool Territorial(const std::string& kind) {
  return kind == "region" || kind == "kommun" || kind == "lansstyrelse";
}

// The text of a mention's span in `text` (byte offsets from code points).
std::string_view Between(std::string_view text, const CodePointIndex& index, std::size_t cp_from,
                         std::size_t cp_to) {
  return text.substr(index.Byte(cp_from), index.Byte(cp_to) - index.Byte(cp_from));
}

// Tokens before a letterhead's name that do not make it a sentence: page
// numbers ("1", "2 (79)"), OCR specks ("I II"), words in capitals
// ("DELÅRSRAPPORT Tranås kommun"), and a document-type label written in
// any case ("Promemoria Finansdepartementet", as the Government Offices'
// and many authorities' templates set the label above the sender).
bool OnlyLetterheadNoise(std::string_view before, const DocTypes& types) {
  std::size_t i = 0;
  while (i < before.size()) {
    while (i < before.size() && before[i] == ' ') ++i;
    std::size_t end = before.find(' ', i);
    if (end == std::string_view::npos) end = before.size();
    const std::string_view token = before.substr(i, end - i);
    i = end;
    if (token.empty() || !HasLetter(token) || CountWords(token) == 0) continue;
    if (token.size() <= 2 || !HasLowerCase(token)) continue;
    if (types.IsLabelWord(token)) continue;
    return false;
  }
  return true;
}

// What a sender does, said in the present tense right after its name. Past
// tense is left out on purpose: "Länsstyrelsen beslutade" in a JO decision
// is the länsstyrelse's earlier act, not the sender.
const RE2& SenderVerb() {
  static const RE2 kVerb(
      "^(?:s|:s)?\\s+(?:beslutar|anser|föreslår|konstaterar|tillstyrker|avstyrker|bedömer|"
      // an authority's decision in the present tense ("Länsstyrelsen
      // förordnar att ...", "... föreskriver följande")
      "förordnar|föreskriver|fastställer|"
      "riktar kritik|uppdrar åt|lämnar följande|ställer sig|har beretts (?:tillfälle|möjlighet)|"
      "har (?:haft|fått) (?:regeringens |i )?uppdrag|"
      // A remissvar's opening ("Riksgälden inkommer härmed med ett yttrande")
      "inkommer (?:härmed )?med|lämnar härmed|"
      // an inspection report's inspector: the past tense reports the visit
      "inspekterade|har inspekterat)\\b");
  return kVerb;
}

// "Justitiekanslerns beslut", "Regionsamverkan Sydsveriges remissvar": the
// sender's genitive before the document's kind, as a heading.
const RE2& GenitiveLabel() {
  static const RE2 kLabel(
      "^(?:s|:s)\\s+(?:beslut|yttrande|remissvar|remissyttrande|rapport|skrivelse|"
      "tjänsteskrivelse|protokoll)\\b");
  return kLabel;
}

// A record of a plan's procedure that compiles others' opinions: a
// samrådsredogörelse, an utställnings- or granskningsutlåtande.
// "Länsstyrelsen anser ..." in one quotes a remissinstans; it is not the
// sender speaking. (A decision's "Inkomna yttranden" or an attached
// "Sammanställning av remissvar" are what the sender weighed: no sign.)
const RE2& Compilation() {
  static const RE2 kCompilation(
      "(?i)\\b(?:samrådsredogörelse|utställningsutlåtande|granskningsutlåtande)");
  return kCompilation;
}

const RE2& Storage() {
  static const RE2 kStorage(
      "(?i)(förvaringsplats för protokollet|protokollet förvaras (?:på|hos)|"
      "protokollet finns hos|förvaras hos|\\borgan:)");
  return kStorage;
}

// An address, a telephone or an organisation number right after a body's
// name, perhaps after its town: a letterhead's or footer's sender block
// ("Finspångs Kommun Finspång Telefon Fax E-post", "Arbetsmiljöverket
// organisationsnummer 202100-2148 (beställaren)").
const RE2& AddressLabel() {
  static const RE2 kAddress(
      "^\\s*,?\\s*(?:\\p{Lu}\\pL+\\s+)?(?i:Besöksadress|Postadress|Org\\.?\\s?nr|"
      "Organisationsnummer|Telefon|Tel\\.|E-post|Box\\s+\\d)(?:\\b|\\s|:)");
  return kAddress;
}

// A person's role just before a body's name, as a signature writes it:
// "Regionchef för Södra Sverige", "handläggare vid".
const RE2& Signature() {
  static const RE2 kRole(
      "(?i)\\b\\w*(?:chef|direktör|generaldirektör|landshövding|handläggare|strateg|"
      "sekreterare)\\b(?:\\s+(?:för|vid|på|i)\\b[^,.\\n]{0,30})?\\s*$");
  return kRole;
}

// The word before a body that makes it the addressee.
const RE2& AddresseeWord() {
  static const RE2 kWord("(?:^|[^\\pL])(?:till|åt|mottagare|adressat|sändlista|kopia)\\s*:?\\s*$");
  return kWord;
}

// A street, a postcode or the city right after a ministry's name.
const RE2& MinistryAddress() {
  static const RE2 kAddress("^\\s*,?\\s*(?:\\pL+ ?\\pL*(?:gatan|vägen|torg)\\b|\\d{3} ?\\d{2}\\b|Stockholm\\b)");
  return kAddress;
}

// "Lidköpings kommun är värdkommun": a joint nämnd's host, named as such.
const RE2& HostKommun() {
  static const RE2 kHost("((\\p{Lu}[\\pL-]+) kommun är värdkommun)");
  return kHost;
}

// "gemensam servicenämnd i Mora", "gemensamma nämnden i Mora": a joint
// nämnd named by the kommun it sits in.
const RE2& JointNamndIn() {
  static const RE2 kJoint(
      "((?i:gemensam(?:ma)?) \\pL*nämnd(?:en)? i (\\p{Lu}[\\pL-]+))");
  return kJoint;
}

const RE2& ListGoesOn() {
  static const RE2 kList("^\\s*(?:,|&|och\\s|samt\\s)");
  return kList;
}

bool IsFunctionWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "och", "samt", "eller", "i", "på", "för", "med", "till", "om", "vid", "av", "har",
      "är", "ska", "skall", "kommer", "kan", "får", "har", "beslutar", "anser", "vill"};
  for (std::string_view w : kWords) {
    if (word == w) return true;
  }
  return false;
}

// The word before `cp` on its line is a preposition: the body after it is
// what a heading is about ("Beslut om ... naturreservatet X i Hässleholms
// kommun", "BILDANDE AV NATURRESERVATET X I BODENS KOMMUN"), not a letterhead.
bool AfterPreposition(std::string_view text, const CodePointIndex& at, std::size_t line_cp,
                      std::size_t cp) {
  static constexpr std::string_view kWords[] = {"i", "för", "av", "om", "över", "inom", "till",
                                                "vid", "på", "från", "hos"};
  const std::string before = LowerKeepOffsets(Between(text, at, line_cp, cp));
  const std::size_t end = before.find_last_not_of(' ');
  if (end == std::string::npos) return false;
  const std::size_t start = before.find_last_of(' ', end);
  const std::string_view word =
      std::string_view(before).substr(start == std::string::npos ? 0 : start + 1,
                                      end + 1 - (start == std::string::npos ? 0 : start + 1));
  for (std::string_view w : kWords) {
    if (word == w) return true;
  }
  return false;
}

// What a länsstyrelse does in its own decision, the verb before its name
// ("förklarar länsstyrelsen området som naturreservat", "beslutar
// länsstyrelsen med stöd av ...").
const RE2& VerbBeforeSender() {
  static const RE2 kVerb("(?i)\\b(?:beslutar|förklarar|fastställer|föreskriver|förordnar|"
                         "upphäver|meddelar)\\s+$");
  return kVerb;
}

bool IsMinistry(const BodyInfo* info) {
  const std::string suffix = "departementet";
  return info != nullptr && info->kind == "regering" && info->canonical.size() > suffix.size() &&
         info->canonical.compare(info->canonical.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The word from `start` to `end` is named with "kommun" and stands in a
// list of kommuner: a comma or "och" and another name after it, or a
// kommun and a comma or "och" before it ("..., Stenungsunds kommun och
// Öckerö kommun").
bool InListOfKommuner(std::string_view line, std::size_t start, std::size_t end) {
  bool named = false;
  for (std::string_view tail : {" kommun", " kommuns"}) {
    if (line.substr(end, tail.size()) != tail) continue;
    named = true;
    std::string_view rest = line.substr(end + tail.size());
    if (rest.starts_with(", ") || rest.starts_with(" och ")) return true;
  }
  if (!named) return false;
  const std::string_view before = line.substr(0, start);
  return before.ends_with(" kommun, ") || before.ends_with(" kommun och ") ||
         before.ends_with(" kommuns, ") || before.ends_with(" kommuns och ");
}

}  // namespace

void IssuerFinder::Load(const std::string& dir, std::vector<std::string>* errors) {
  const std::string places_path = dir + "/issuer_places.tsv";
  for (const DataLine& row : ReadTable(places_path, {"tier", "word"}, errors)) {
    if (row.fields[0] != "kommun" && row.fields[0] != "region") {
      errors->push_back(Where(places_path, row.number, "tier must be \"kommun\" or \"region\", not \"" +
                                                         row.fields[0] + "\""));
      continue;
    }
    places_.push_back({row.fields[0], LowerKeepOffsets(row.fields[1])});
  }
  const std::string sole_path = dir + "/issuer_sole_organs.tsv";
  for (const DataLine& row : ReadTable(sole_path, {"stem", "issuer"}, errors)) {
    const std::string stem = LowerKeepOffsets(row.fields[0]);
    if (stem.size() < 6 || stem.find(' ') != std::string::npos) {
      errors->push_back(Where(sole_path, row.number,
                              "stem must be one word of at least six bytes, not \"" +
                                  row.fields[0] + "\""));
      continue;
    }
    sole_organs_.push_back({stem, row.fields[1]});
  }
  for (const CountyRow& county : ReadCountyTable(dir + "/counties.tsv", errors)) {
    seats_.push_back({county.name, county.seat, county.region, county.stem});
  }
}

std::string IssuerFinder::PlaceIssuer(const std::vector<Line>& opening, const Tagger& tagger,
                                      std::string* cue) const {
  for (const Line& line : opening) {
    const std::string lower = LowerKeepOffsets(line.text);
    // "Till kommunfullmäktige i Danderyd": the addressee of a motion or an
    // interpellation, not where its sender sits.
    if (lower.rfind("till ", 0) == 0) continue;
    for (const Place& place : places_) {
      std::size_t at = lower.find(place.word);
      while (at != std::string::npos &&
             (WordCharBefore(lower, at) || WordCharAt(lower, at + place.word.size()))) {
        at = lower.find(place.word, at + 1);
      }
      if (at == std::string::npos) continue;
      // Capitalised words after the place word, on the same line.
      std::size_t i = at + place.word.size();
      while (i < line.text.size()) {
        if (!WordCharAt(line.text, i)) {
          ++i;
          continue;
        }
        const std::size_t start = i;
        const std::size_t end = SkipWord(line.text, i);
        const std::string word(line.text.substr(i, end - i));
        i = end;
        if (word.empty() || LowerKeepOffsets(word) == word) continue;
        // "Samverkansavtal mellan Ale kommun, Härryda kommun och ...": a
        // kommun named in a list of kommuner is a party the text speaks
        // of; a meeting place names its own town alone.
        if (InListOfKommuner(line.text, start, end)) continue;
        if (place.tier == "kommun") {
          for (const std::string& name : {word + " kommun", word + "s kommun"}) {
            const BodyInfo* info = tagger.FindBody(name);
            if (info != nullptr && info->kind == "kommun") {
              *cue = "meeting place \"" + std::string(line.text.substr(0, 120)) + "\" is in " + name;
              return name;
            }
          }
        } else {
          for (const Seat& seat : seats_) {
            if (seat.city == word) {
              *cue = "meeting place \"" + std::string(line.text.substr(0, 120)) + "\" is in " +
                     seat.city + ", the seat of " + seat.region;
              return seat.region;
            }
          }
        }
      }
    }
  }
  return "";
}

std::string IssuerFinder::SoleOrganIssuer(std::string_view text, const Tagger& tagger,
                                          std::string* cue) const {
  const std::string lower = LowerKeepOffsets(text);
  for (const SoleOrgan& organ : sole_organs_) {
    for (std::size_t at = lower.find(organ.stem); at != std::string::npos;
         at = lower.find(organ.stem, at + 1)) {
      if (at > 0 && WordCharAt(lower, at - 1)) continue;  // a word's start only
      const BodyInfo* info = tagger.FindBody(organ.issuer);
      if (info == nullptr) break;
      const std::size_t end = SkipWord(lower, at);
      std::string office(text.substr(at, end - at));
      *cue = "\"" + office + "\" is an office only " + info->canonical + " has";
      return info->canonical;
    }
  }
  return "";
}

IssuerDecision IssuerFinder::Detect(const ExtractedDocument& source,
                                    const std::vector<Line>& opening,
                                    const std::vector<Line>& chrome, std::string_view text,
                                    const CodePointIndex& at,
                                    const std::vector<Mention>& mentions,
                                    const Tagger& tagger, const DocTypes& types) const {
  IssuerDecision d;
  // A body that may issue a document: known to the gazetteers (not a
  // party), or, where a sender stands, named by a body rule.
  auto known = [&](const Mention& m) {
    if (m.type != "body") return false;
    const BodyInfo* info = tagger.FindBody(m.value);
    return info != nullptr && info->kind != "parti";
  };
  // Rule-found bodies that stand on their own: associations and regional
  // bodies with their place, companies. Not groups or networks, which a
  // region's or kommun's document is about ("Samverkansgruppen Kultur och
  // idrott" over that group's minutes is the region's).
  auto named = [&](const Mention& m) {
    return known(m) || (m.type == "body" && (m.rule == "body.org_place" || m.rule == "body.company" ||
                                             m.rule == "body.company_first"));
  };
  auto in_line = [](const Mention& m, const Line& line) {
    return m.start >= line.cp_begin && m.end <= line.cp_end;
  };
  auto decide = [&](const Mention& m, const std::string& cue) {
    d.issuer = m.value;
    d.issuer_cue = cue;
  };

  // 1. Letterhead.
  for (std::size_t i = 0; i < opening.size() && i < kLetterheadLines && d.issuer.empty(); ++i) {
    const Line& line = opening[i];
    for (const Mention& m : mentions) {
      if (m.type != "body" || !in_line(m, line)) continue;
      if (!named(m)) break;  // the line's first body is not one that issues
      // A genitive starts a heading about the body ("Regeringens uppföljning
      // av ..."), not a letterhead.
      if (m.text != m.value && !m.text.empty() && m.text.back() == 's' && HasLowerCase(m.text)) break;
      const std::string_view before = Between(text, at, line.cp_begin, m.start);
      if (!OnlyLetterheadNoise(before, types) ||
          AfterPreposition(text, at, line.cp_begin, m.start)) {
        break;
      }
      // "Region Halland och kommunerna", "Region Halland har ...": a name
      // going on into a sentence or a list of addressees.
      const std::string_view after = Between(text, at, m.end, line.cp_end);
      const std::size_t word = after.find_first_not_of(" ,");
      if (word != std::string_view::npos && IsFunctionWord(after.substr(word, SkipWord(after, word) - word))) {
        break;
      }
      // A ministry with the Government Offices' address is the addressee
      // of a letter to the government ("Näringsdepartementet Mäster
      // Samuelsgatan Stockholm", "Miljödepartementet 103 33 Stockholm").
      if (IsMinistry(tagger.FindBody(m.value)) &&
          RE2::PartialMatch(std::string(after.substr(0, 60)), MinistryAddress())) {
        break;
      }
      decide(m, "letterhead line \"" + std::string(line.text.substr(0, 120)) + "\"");
      break;
    }
  }
  for (std::size_t i = 0; i < opening.size() && d.issuer.empty(); ++i) {
    for (const Mention& m : mentions) {
      if (!in_line(m, opening[i]) || !named(m) ||
          AfterPreposition(text, at, opening[i].cp_begin, m.start)) {
        continue;
      }
      // A name of several words in capitals is a letterhead, page header or
      // signature ("KOMMUNFÖRBUNDET NORRBOTTEN Karl Petersen Ordförande"), a
      // regional body's found by its shape as a gazetteer's; one capitalised
      // word may be an acronym in running text.
      if (!HasLowerCase(m.text) && m.text.find(' ') != std::string::npos) {
        decide(m, "name in capitals \"" + m.text + "\" in the opening");
        break;
      }
    }
  }
  for (const Line& line : chrome) {
    if (!d.issuer.empty()) break;
    if (LowerKeepOffsets(line.text).find("logotyp") == std::string::npos) continue;
    for (const Mention& m : mentions) {
      if (in_line(m, line) && known(m)) {
        decide(m, "site logo \"" + std::string(line.text) + "\"");
        break;
      }
    }
  }
  if (d.issuer.empty()) {
    for (const Mention& m : mentions) {
      if (!named(m)) continue;
      const std::string_view after = text.substr(at.Byte(m.end));
      if (RE2::PartialMatch(re2::StringPiece(after.data(), std::min<std::size_t>(after.size(), 40)),
                            AddressLabel())) {
        decide(m, "\"" + m.text + "\" before the address of a letterhead or footer");
        break;
      }
    }
  }
  if (!d.issuer.empty() && IsMinistry(tagger.FindBody(d.issuer)) &&
      text.find("Regeringen beslutar") != std::string_view::npos &&
      tagger.FindBody("Regeringen") != nullptr) {
    d.issuer = "Regeringen";
    d.issuer_cue += "; a ministry prepares what \"Regeringen beslutar\"";
  }

  // 1b. A plan's title followed by its owner after a comma, in the opening
  // ("Detaljplan för trafikplats X, Exempelby kommun SAMRÅDSREDOGÖRELSE"):
  // a kommun plans its own land, a region its own strategies.
  if (d.issuer.empty()) {
    for (const Line& line : opening) {
      for (const Mention& p : mentions) {
        if (p.type != "plan" || !in_line(p, line)) continue;
        for (const Mention& m : mentions) {
          if (m.type != "body" || m.start != p.end + 2 || !in_line(m, line) ||
              Between(text, at, p.end, m.start) != ", ") {
            continue;
          }
          const BodyInfo* info = tagger.FindBody(m.value);
          if (info != nullptr && (info->kind == "kommun" || info->kind == "region")) {
            decide(m, "plan \"" + p.text + "\" of " + m.text + " in the opening");
          }
        }
        if (!d.issuer.empty()) break;
      }
      if (!d.issuer.empty()) break;
    }
  }

  const std::string_view opening_text = text.substr(0, at.Byte(kOpeningCodePoints));
  const bool compiles_others = RE2::PartialMatch(
      re2::StringPiece(opening_text.data(), opening_text.size()), Compilation());

  // 2. The sender speaking.
  if (d.issuer.empty() && !compiles_others) {
    for (const Mention& m : mentions) {
      if (!named(m)) continue;
      const std::size_t end = at.Byte(m.end);
      const std::string_view after = text.substr(end, std::min<std::size_t>(text.size() - end, 80));
      // The genitive is inside the span ("Justitiekanslerns"); the pattern
      // also takes it right after a name the span ends before.
      std::string probe;
      if (!m.text.empty() && m.text.back() == 's') probe = "s";
      probe.append(after);
      // A heading starts its line; the same words in a list of the papers a
      // decision rests on ("• Primärkommunala beredningens protokoll
      // 2022-03-23, § 22" under "Beslutsunderlag") name another's document.
      const std::size_t begin = at.Byte(m.start);
      const bool line_start = begin == 0 || text[begin - 1] == '\n';
      if (line_start && RE2::PartialMatch(probe, GenitiveLabel()) && m.text != m.value) {
        decide(m, "heading \"" + m.text + std::string(after.substr(0, after.find('\n'))) + "\"");
        break;
      }
      if (RE2::PartialMatch(std::string(after), SenderVerb())) {
        decide(m, "\"" + m.text + std::string(after.substr(0, std::min<std::size_t>(after.find('\n'), 40))) +
                      "\": the sender speaking");
        break;
      }
    }
  }

  // 2b. A länsstyrelse speaking of itself as "Länsstyrelsen" (it exists once
  // per county): it decides within its own county, so the county is that of
  // the kommuner its decision names ("naturreservatet X i Bodens kommun").
  if (d.issuer.empty() && !compiles_others) {
    for (const Mention& m : mentions) {
      if (m.type != "body" || m.value != "Länsstyrelsen") continue;
      const std::size_t end = at.Byte(m.end);
      const std::string after(text.substr(end, std::min<std::size_t>(text.size() - end, 80)));
      const std::size_t from = m.start >= 40 ? m.start - 40 : 0;
      const std::string before(Between(text, at, from, m.start));
      if (!RE2::PartialMatch(after, SenderVerb()) && !RE2::PartialMatch(before, VerbBeforeSender())) {
        continue;
      }
      std::map<std::string, int> counties;
      for (const Mention& k : mentions) {
        const BodyInfo* info = k.type == "body" ? tagger.FindBody(k.value) : nullptr;
        if (info != nullptr && info->kind == "kommun" && !info->county.empty()) ++counties[info->county];
      }
      if (counties.size() != 1) break;
      const std::string board = "Länsstyrelsen i " + counties.begin()->first;
      const BodyInfo* info = tagger.FindBody(board);
      if (info == nullptr || info->kind != "lansstyrelse") break;
      d.issuer = info->canonical;
      d.issuer_cue = "\"" + m.text + "\" deciding, and the kommuner it names are in " +
                     counties.begin()->first;
      break;
    }
  }

  // 3. Where a protokoll is kept.
  if (d.issuer.empty()) {
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece found;
    if (RE2::FindAndConsume(&input, Storage(), &found)) {
      const std::size_t from = static_cast<std::size_t>(input.data() - text.data());
      std::size_t cp_from = 0;
      for (std::size_t b = 0; b < from; ++b) {
        if ((static_cast<unsigned char>(text[b]) & 0xC0) != 0x80) ++cp_from;
      }
      for (const Mention& m : mentions) {
        if (m.start < cp_from || m.start > cp_from + 120 || !named(m)) continue;
        decide(m, "\"" + std::string(found.data(), found.size()) + "\" " + m.text);
        break;
      }
    }
  }

  // 4. PDF Author.
  if (d.issuer.empty() && !source.author.empty()) {
    if (tagger.FindBody(source.author) != nullptr) {
      d.issuer = source.author;
    } else {
      for (const Mention& m : mentions) {
        if (m.type == "body" && m.text == source.author && tagger.FindBody(m.value) != nullptr) {
          d.issuer = m.value;
          break;
        }
      }
    }
    if (!d.issuer.empty()) d.issuer_cue = "PDF Author \"" + source.author + "\"";
  }

  // 5. Most mentioned territorial body, unless the document's organs are of
  // the other tier.
  bool region_organs = false, kommun_organs = false;
  std::map<std::string, int> counts;
  for (const Mention& m : mentions) {
    if (m.type != "body") continue;
    const BodyInfo* info = tagger.FindBody(m.value);
    if (info != nullptr && Territorial(info->kind)) ++counts[m.value];
    if (info == nullptr && m.rule.rfind("organ.", 0) == 0) {
      const std::string lower = LowerKeepOffsets(m.value);
      region_organs |= lower.rfind("region", 0) == 0 || lower.rfind("landsting", 0) == 0;
      kommun_organs |= lower.rfind("kommun", 0) == 0;
    }
  }
  std::string best;
  int first = 0, second = 0;
  for (const auto& [value, n] : counts) {
    if (n > first) {
      second = first;
      first = n;
      best = value;
    } else if (n > second) {
      second = n;
    }
  }
  const BodyInfo* best_info = best.empty() ? nullptr : tagger.FindBody(best);
  const bool other_tier =
      best_info != nullptr && ((best_info->kind == "kommun" && region_organs && !kommun_organs) ||
                               (best_info->kind == "region" && kommun_organs && !region_organs));
  const std::string counts_cue =
      " (" + std::to_string(first) + " mentions, next " + std::to_string(second) + ")";
  if (d.issuer.empty()) {
    // Named twice with no other region, kommun or länsstyrelse beside it is
    // as clear as three times against one.
    if ((first >= kMinProminentMentions || (first >= 2 && second == 0)) && first > 2 * second) {
      if (!other_tier) {
        d.issuer = best;
        d.issuer_cue = "most mentioned region, kommun or länsstyrelse" + counts_cue;
      } else if (best_info->kind == "kommun") {
        for (const Seat& seat : seats_) {
          if (seat.county != best_info->county) continue;
          d.issuer = seat.region;
          d.issuer_cue = "the organs are a region's and the body named most, " + best + counts_cue +
                         ", is in " + seat.county;
        }
      }
    }
  }

  // 6. A signature: a known authority after a person's role at the end of
  // a foreword or letter ("Stefan Larsson Regionchef för Södra Sverige
  // Tillväxtverket", "handläggare vid Tillväxtverkets kontor").
  if (d.issuer.empty()) {
    for (const Mention& m : mentions) {
      const BodyInfo* info = m.type == "body" ? tagger.FindBody(m.value) : nullptr;
      if (info == nullptr || (info->kind != "myndighet" && !Territorial(info->kind))) continue;
      const std::size_t from = m.start >= 60 ? m.start - 60 : 0;
      const std::string before(Between(text, at, from, m.start));
      if (RE2::PartialMatch(before, Signature())) {
        decide(m, "signature \"" + before.substr(before.find_first_not_of(' ')) + m.text + "\"");
        break;
      }
    }
  }

  // An issuer from `find(&cue)`, when none is decided yet and it finds one.
  const auto decide_by = [&](auto&& find) {
    if (!d.issuer.empty()) return;
    std::string cue;
    std::string issuer = find(&cue);
    if (issuer.empty()) return;
    d.issuer = std::move(issuer);
    d.issuer_cue = std::move(cue);
  };

  // 7. The place the organs sit in.
  decide_by([&](std::string* cue) { return PlaceIssuer(opening, tagger, cue); });

  // 7b. An office only one authority has.
  decide_by([&](std::string* cue) { return SoleOrganIssuer(text, tagger, cue); });

  // 7c. The host kommun of a joint nämnd: the nämnd is part of its
  // organisation, and an agreement on it is the host's text ("Lidköpings
  // kommun är värdkommun", "gemensam servicenämnd i Mora"). One host only;
  // two named leave it undecided.
  if (d.issuer.empty()) {
    std::string host;
    bool several = false;
    auto take = [&](const std::string& place, const std::string& how) {
      for (const std::string& name : {place + " kommun", place + "s kommun"}) {
        const BodyInfo* info = tagger.FindBody(name);
        if (info == nullptr || info->kind != "kommun") continue;
        several |= !host.empty() && host != info->canonical;
        if (host.empty()) d.issuer_cue = how;
        host = info->canonical;
        return;
      }
    };
    re2::StringPiece in(text.data(), text.size());
    std::string place;
    std::string whole;
    while (RE2::FindAndConsume(&in, HostKommun(), &whole, &place)) {
      take(place, "\"" + whole + "\": the joint nämnd's host kommun");
    }
    in = re2::StringPiece(text.data(), text.size());
    while (RE2::FindAndConsume(&in, JointNamndIn(), &whole, &place)) {
      take(place, "\"" + whole + "\": the joint nämnd's host kommun");
    }
    if (!host.empty() && !several) {
      d.issuer = host;
    } else {
      d.issuer_cue.clear();
    }
  }

  // 8. A kommun's organs (Kommunstyrelsen) and one kommun whose name begins
  // a company's name: municipal companies carry their kommun's ("Eskilstuna
  // kommunfastighet AB", "Tranås Energi AB").
  if (d.issuer.empty() && kommun_organs && !region_organs) {
    std::string owner;
    bool several = false;
    for (const Mention& m : mentions) {
      if (m.type != "body" || (m.rule != "body.company" && m.rule != "body.company_first")) continue;
      std::string_view name = m.text;
      if (name.rfind("AB ", 0) == 0) name.remove_prefix(3);
      const std::string word(name.substr(0, SkipWord(name, 0)));
      for (const std::string& kommun : {word + " kommun", word + "s kommun"}) {
        const BodyInfo* info = tagger.FindBody(kommun);
        if (info == nullptr || info->kind != "kommun") continue;
        several |= !owner.empty() && owner != info->canonical;
        owner = info->canonical;
      }
    }
    if (!owner.empty() && !several) {
      d.issuer = owner;
      d.issuer_cue = "a kommun's organs, and " + owner + "'s name begins a company's";
    }
  }

  // 9. The one region, kommun or länsstyrelse named, even once, when
  // nothing above decided: a report naming its publisher in the foreword
  // ("Under åren drev Region Skåne ... projektet").
  // Not an addressee ("Till Region Halland", "skickas till"), nor one of a
  // list of parties ("Region Halland och kommunerna").
  if (d.issuer.empty() && first == 1 && second == 0 && !other_tier) {
    for (const Mention& m : mentions) {
      if (m.type != "body" || m.value != best) continue;
      const std::size_t from = m.start >= 30 ? m.start - 30 : 0;
      const std::string before = LowerKeepOffsets(Between(text, at, from, m.start));
      const std::string_view after = Between(text, at, m.end, m.end + 8);
      if (!RE2::PartialMatch(before, AddresseeWord()) &&
          !RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), ListGoesOn())) {
        d.issuer = best;
        d.issuer_cue = "the only region, kommun or länsstyrelse named" + counts_cue;
      }
    }
  }

  // 10. A region's organs (regionstyrelsen, regionfullmäktige) and one
  // region named: a meeting's page names its own region in passing ("uppsikt
  // över Region Gävleborgs verksamheter") beside the kommuner its items
  // concern, so kommuner named as often do not count against it.
  if (d.issuer.empty() && region_organs && !kommun_organs) {
    std::string region;
    bool several = false;
    for (const Mention& m : mentions) {
      const BodyInfo* info = m.type == "body" ? tagger.FindBody(m.value) : nullptr;
      if (info == nullptr || info->kind != "region") continue;
      const std::size_t from = m.start >= 30 ? m.start - 30 : 0;
      if (RE2::PartialMatch(LowerKeepOffsets(Between(text, at, from, m.start)), AddresseeWord())) continue;
      several |= !region.empty() && region != info->canonical;
      region = info->canonical;
    }
    if (!region.empty() && !several) {
      d.issuer = region;
      d.issuer_cue = "a region's organs, and the one region named is " + region;
    }
  }

  if (d.issuer.empty()) {
    d.issuer_cue = "no letterhead, sender, PDF Author, prominent region or kommun or meeting place "
                   "names the issuer";
    return d;
  }
  if (const BodyInfo* info = tagger.FindBody(d.issuer); info != nullptr && !info->county.empty()) {
    d.county = info->county;
    d.county_cue = d.issuer + " is in " + info->county + " (gazetteer)";
    return d;
  }
  // A body the gazetteers do not know may carry its county in its name
  // ("Regionförbundet i Kalmar län").
  for (const Seat& seat : seats_) {
    const std::size_t at = d.issuer.find(seat.county);
    if (at != std::string::npos && !WordCharBefore(d.issuer, at) &&
        !WordCharAt(d.issuer, at + seat.county.size())) {
      d.county = seat.county;
      d.county_cue = "\"" + seat.county + "\" in the issuer's name";
      return d;
    }
  }
  // Or the county's stem as the name's last word, as regional bodies name
  // themselves ("Kommunförbundet Norrbotten", "Länsmusiken Västernorrland").
  for (const Seat& seat : seats_) {
    if (seat.stem.empty() || d.issuer.size() <= seat.stem.size() + 1) continue;
    const std::size_t last = d.issuer.size() - seat.stem.size();
    if (d.issuer.compare(last, seat.stem.size(), seat.stem) == 0 && d.issuer[last - 1] == ' ') {
      d.county = seat.county;
      d.county_cue = "\"" + seat.stem + "\", " + seat.county + "'s name, ends the issuer's name";
      break;
    }
  }
  return d;
}

}  // namespace diar::classify_internal
