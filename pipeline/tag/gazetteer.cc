#include "pipeline/tag/gazetteer.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "pipeline/data_file/body_table.h"
#include "pipeline/data_file/county_table.h"
#include "pipeline/data_file/data_file.h"
#include "pipeline/tag/lexicon.h"
#include "pipeline/tag/organs.h"
#include "pipeline/tag/rule_set.h"
#include "pipeline/tag/text_util.h"

namespace diar::tag_internal {
namespace {

const std::vector<std::string>& BodyKinds() {
  static const std::vector<std::string> kinds = {
      "region", "kommun", "lansstyrelse", "myndighet", "domstol",  "larosate",
      "eu",     "organisation", "foretag", "parti",   "regering", "natverk", "organ"};
  return kinds;
}

const std::vector<std::string>& ProgrammeKinds() {
  static const std::vector<std::string> kinds = {"fond", "program"};
  return kinds;
}

// Private names are often common words ("Företagarna"); only public bodies'
// names are matched with a lower-case first letter.
bool LowerFirstAllowed(const std::string& kind) {
  return kind != "organisation" && kind != "foretag" && kind != "natverk";
}

// A name of the shape "Head i Place" takes its genitive on the head.
bool InnerGenitive(std::string_view form) {
  const std::size_t space = form.find(' ');
  return space != std::string_view::npos && form.substr(space).starts_with(" i ");
}

// The spellings of one name form the trie takes: the first letter in
// either case when `lower_first`, and for a name "Head i Place" the head in
// the genitive too ("Kammarrättens i Göteborg yttrande").
std::vector<std::string> FormSpellings(const std::string& form, bool lower_first) {
  std::vector<std::string> out = {form};
  if (lower_first) {
    std::size_t length = 0;
    DecodeAt(form, 0, &length);
    const std::string first = form.substr(0, length);
    const std::string upper = Upper(first), lower = Lower(first);
    out = upper == lower ? std::vector<std::string>{form}
                         : std::vector<std::string>{upper + form.substr(length), lower + form.substr(length)};
  }
  if (InnerGenitive(form)) {
    const std::size_t n = out.size();
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t space = out[i].find(' ');
      out.push_back(out[i].substr(0, space) + "s" + out[i].substr(space));
    }
  }
  return out;
}

}  // namespace

void Gazetteer::Load(const std::string& dir, const Lexicon& lexicon,
                     std::vector<std::string>* errors, std::vector<std::string>* warnings) {
  const std::string counties = dir + "/counties.tsv";
  if (std::filesystem::exists(counties)) LoadCounties(counties, errors);
  for (const std::string& path : ListFiles(dir, "bodies_", ".tsv")) {
    LoadBodyFile(path, true, lexicon, errors, warnings);
  }
  const std::string organs = dir + "/organ_names.tsv";
  if (std::filesystem::exists(organs)) LoadBodyFile(organs, true, lexicon, errors, warnings);
  const std::string programmes = dir + "/programmes.tsv";
  if (std::filesystem::exists(programmes)) {
    LoadBodyFile(programmes, false, lexicon, errors, warnings);
  }

  atom_keys_.clear();
}

void Gazetteer::LoadCounties(const std::string& path, std::vector<std::string>* errors) {
  for (const CountyRow& county : ReadCountyTable(path, errors)) {
    counties_.push_back({county.name, county.region, county.stem});
  }
}

void Gazetteer::LoadBodyFile(const std::string& path, bool is_body, const Lexicon& lexicon,
                             std::vector<std::string>* errors,
                             std::vector<std::string>* warnings) {
  const BodyTable table = ReadBodyTable(path, errors);
  const std::string name = std::filesystem::path(path).filename().string();
  const auto& kinds = is_body ? BodyKinds() : ProgrammeKinds();
  for (const BodyRow& row : table.rows) {
    auto bad = [&](const std::string& message) {
      errors->push_back(Where(path, row.line, message));
    };
    const std::string& canonical = row.canonical;
    if (std::find(kinds.begin(), kinds.end(), row.kind) == kinds.end()) {
      std::string known;
      for (const auto& k : kinds) known += (known.empty() ? "" : ", ") + k;
      bad("unknown kind \"" + row.kind + "\"; use one of " + known);
      continue;
    }
    if (!row.county.empty() && !counties_.empty() &&
        std::none_of(counties_.begin(), counties_.end(),
                     [&](const County& c) { return c.name == row.county; })) {
      bad("unknown county \"" + row.county + "\"; write the full län name as in counties.tsv");
      continue;
    }
    if (by_canonical_.count(canonical) != 0) {
      bad("\"" + canonical + "\" is already listed (" + entries_[by_canonical_[canonical]]->rule +
          ")");
      continue;
    }
    // The entry's rule is its file and line; a form's warnings name the path.
    const std::string at = path + ":" + std::to_string(row.line);
    auto entry = std::make_unique<GazetteerEntry>();
    entry->info = {canonical, row.kind, row.county};
    entry->rule = name + ":" + std::to_string(row.line);
    entry->is_body = is_body;
    const std::size_t index = entries_.size();
    by_canonical_[canonical] = index;
    const bool lower_first = LowerFirstAllowed(row.kind);
    entries_.push_back(std::move(entry));
    AddForm(canonical, index, false, lower_first, at, warnings);
    std::vector<std::string> variants = row.variants;
    // Generated variants (see the header).
    if (row.kind == "region" && canonical.rfind("Region ", 0) == 0) {
      variants.push_back("Regionen " + canonical.substr(7));
    }
    if (row.kind == "organ") variants.push_back(DefiniteOrganName(canonical, lexicon));
    for (const std::string& variant : variants) {
      if (variant == canonical) continue;
      AddForm(variant, index, false, lower_first, at, warnings);
    }
    // Headings in capitals ("REGION VÄSTMANLAND", "TRAFIKVERKET"): the
    // all-capitals form of a name, matched exactly like an acronym. Short
    // names are left out: in capitals they read as acronyms of other things.
    for (const std::string& form : [&] {
           std::vector<std::string> forms = variants;
           forms.push_back(canonical);
           return forms;
         }()) {
      const std::string upper = Upper(form);
      if (upper != form && CodePoints(form) >= 6) {
        AddForm(upper, index, true, false, at, warnings);
      }
    }
    // Logos set a region's place in capitals after the kind word
    // ("Landstinget DALARNA", "Region GOTLAND"): that form too, as written.
    if (row.kind == "region") {
      for (const std::string& form : [&] {
             std::vector<std::string> forms = variants;
             forms.push_back(canonical);
             return forms;
           }()) {
        const std::size_t space = form.rfind(' ');
        if (space == std::string::npos || form.find(' ') != space) continue;
        const std::string mixed = form.substr(0, space + 1) + Upper(form.substr(space + 1));
        if (mixed != form && mixed != Upper(form)) {
          AddForm(mixed, index, true, false, at, warnings);
        }
      }
    }
    for (const std::string& acronym : row.acronyms) {
      AddForm(acronym, index, true, false, at, warnings);
    }
  }
}

void Gazetteer::ForEachName(
    const std::function<void(const std::string& form, const std::string& canonical)>& sink) const {
  for (const auto& [form, f] : forms_) {
    const GazetteerEntry& entry = *entries_[f.entry];
    if (!f.acronym && entry.is_body) sink(form, entry.info.canonical);
  }
}

void Gazetteer::AddForm(const std::string& form, std::size_t entry, bool acronym,
                        bool lower_first, const std::string& where,
                        std::vector<std::string>* warnings) {
  const std::string key = acronym ? form : LowerFirst(form);
  if (!acronym) listed_.emplace(Lower(form), form);
  auto [it, inserted] = forms_.emplace(key, Form{entry, acronym});
  if (!inserted) {
    if (it->second.entry != entry) {
      warnings->push_back(where + ": \"" + form + "\" also names \"" +
                          entries_[it->second.entry]->info.canonical + "\" (" +
                          entries_[it->second.entry]->rule + "); the first listing wins");
    }
    return;
  }
  for (const std::string& spelling : FormSpellings(form, lower_first && !acronym)) names_.Add(spelling);
  // The prefilter's atom: the form's first word, which begins the name,
  // in the case the name takes: as written for acronyms, capitals and
  // names that keep their capital ("EU" is no atom for "europeiska"). A
  // name that may start small, or a word the scan cannot fold, gets the
  // case-insensitive atom, or both exact spellings.
  const std::size_t space = form.find(' ');
  const std::string first = form.substr(0, space);
  // (The head word may end in a genitive s: no end condition then.)
  const bool word_end = space != std::string::npos && !InnerGenitive(form);
  auto add_atom = [&](const std::string& text, bool exact) {
    const std::string folded = AtomScanner::Fold(text, exact);
    if (atom_keys_.emplace(exact ? text : folded, word_end, exact).second) {
      atoms_.push_back({text, true, word_end, exact});
    }
  };
  const bool takes_small_first = lower_first && !acronym;
  if (!takes_small_first) {
    add_atom(first, true);
  } else if (!AtomScanner::Fold(first, false).empty()) {
    add_atom(first, false);
  } else {
    add_atom(first, true);
    add_atom(LowerFirst(first), true);
  }
}

std::string Gazetteer::ListedForm(std::string_view written) const {
  const std::string folded = FoldSpace(written);
  const auto it = listed_.find(Lower(folded));
  return it == listed_.end() ? folded : it->second;
}

const GazetteerEntry* Gazetteer::LookupExact(std::string_view key, bool* acronym) const {
  auto it = forms_.find(key);
  if (it != forms_.end() && it->second.acronym) {
    *acronym = true;
    return entries_[it->second.entry].get();
  }
  // Names are keyed with a lower-case first letter. When lowering changes
  // nothing the key was just looked up; else look up the lowered copy.
  // Reused: this runs for nearly every gazetteer match.
  thread_local std::string lowered;
  const auto lead = key.empty() ? 0 : static_cast<unsigned char>(key[0]);
  if (lead >= 'A' && lead <= 'Z') {
    // An ASCII capital, the common case, lowered in place.
    lowered.assign(key);
    lowered[0] = static_cast<char>(lead + 32);
    it = forms_.find(lowered);
  } else if (lead >= 0x80) {
    std::size_t length = 0;
    DecodeAt(key, 0, &length);
    const std::string first = Lower(key.substr(0, length));
    if (key.compare(0, length, first) != 0) {
      lowered.assign(first);
      lowered.append(key.substr(length));
      it = forms_.find(lowered);
    }
  }
  if (it != forms_.end() && !it->second.acronym) {
    *acronym = false;
    return entries_[it->second.entry].get();
  }
  return nullptr;
}

const GazetteerEntry* Gazetteer::Lookup(std::string_view name) const {
  bool acronym = false;
  // Called for every gazetteer match: fold white space only when the name
  // has some to fold (a line break, a tab, a double or outer space).
  std::string folded;
  std::string_view key = name;
  if (FindAnyOf(name, "\n\t\r") != std::string_view::npos ||
      name.find("  ") != std::string_view::npos || (!name.empty() && (name.front() == ' ' ||
                                                                       name.back() == ' '))) {
    folded = FoldSpace(name);
    key = folded;
  }
  if (const GazetteerEntry* entry = LookupExact(key, &acronym)) return entry;
  // "Kammarrättens i Göteborg": the head's genitive (FormPattern).
  if (const std::size_t inner = key.find("s i "); inner != std::string_view::npos &&
                                                    key.find(' ') == inner + 1) {
    std::string without(key.substr(0, inner));
    without.append(key.substr(inner + 1));
    if (const GazetteerEntry* entry = LookupExact(without, &acronym)) return entry;
  }
  for (const std::string_view suffix : {":s", "’s", "s", ":S", "S"}) {
    if (key.size() > suffix.size() && key.ends_with(suffix)) {
      if (const GazetteerEntry* entry =
              LookupExact(key.substr(0, key.size() - suffix.size()), &acronym)) {
        return entry;
      }
    }
  }
  return nullptr;
}

const BodyInfo* Gazetteer::FindCanonical(const std::string& canonical) const {
  auto it = by_canonical_.find(canonical);
  if (it == by_canonical_.end() || !entries_[it->second]->is_body) return nullptr;
  return &entries_[it->second]->info;
}

const County* Gazetteer::FindCountyByStem(std::string_view stem) const {
  for (const County& county : counties_) {
    if (county.stem == stem) return &county;
  }
  return nullptr;
}

std::size_t Gazetteer::CountyEnd(std::string_view text, std::size_t at) const {
  std::size_t i = at;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  if (i == at || i >= text.size()) return 0;
  for (const County& county : counties_) {
    if (county.stem.empty() || text.substr(i, county.stem.size()) != county.stem) continue;
    constexpr std::string_view kLan = " län";
    std::size_t end = i + county.stem.size();
    if (text.substr(end, kLan.size()) == kLan) end += kLan.size();
    if (end < text.size() && text[end] == 's') ++end;  // the branch's genitive
    std::size_t length = 0;
    if (end < text.size() && IsBoundaryWordChar(DecodeAt(text, end, &length))) continue;
    return end;
  }
  return 0;
}

void Gazetteer::Scan(std::string_view text, const std::vector<std::size_t>& starts,
                     const std::function<void(const GazetteerMatch&)>& sink) const {
  if (names_.empty()) return;
  std::size_t pos = 0;
  for (const std::size_t start : starts) {
    if (start < pos) continue;
    // Anchored on the boundary character before the name (at the text's
    // start there is none).
    const std::size_t anchor = start > 0 ? CharBefore(text, start, 0) : 0;
    if (start > 0 && anchor < pos) continue;
    // The name is the whole match without the boundary characters it
    // takes: the first one unless the match starts the text with a letter,
    // the last one unless it ends the text.
    const std::size_t match_end = names_.MatchEnd(text, anchor);
    if (match_end == 0) continue;
    const std::size_t whole_begin = anchor;
    std::size_t begin = whole_begin;
    std::size_t end = match_end;
    std::size_t length = 0;
    const char32_t first = DecodeAt(text, whole_begin, &length);
    if (!(whole_begin == 0 && IsWordChar(first))) begin += length;
    if (end < text.size()) {
      // The trailing boundary is one character (only `$` consumes none).
      do {
        --end;
      } while (end > begin && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80);
    } else if (!IsWordChar(DecodeBefore(text, end)) && text.back() != '+') {
      // The text ends on a non-word character: that was the boundary
      // ("ESF+" is the one kind of name ending in one).
      end -= 1;
    }
    if (end <= begin) continue;
    pos = end;
    // A name joined by a hyphen to a word is part of a compound: "EU-frågor",
    // "SRB-\nmöte", "icke-EU".
    if (end + 1 < text.size() && text[end] == '-') {
      const char32_t next = DecodeAt(text, end + 1, &length);
      if (IsWordChar(next) || next == '\n') continue;
    }
    if (begin >= 2 && text[begin - 1] == '-' && IsWordChar(DecodeBefore(text, begin - 1))) {
      continue;
    }
    const GazetteerEntry* entry = Lookup(text.substr(begin, end - begin));
    if (entry == nullptr) continue;
    GazetteerMatch match;
    match.begin = begin;
    match.end = end;
    match.entry = entry;
    sink(match);
  }
}

}  // namespace diar::tag_internal
