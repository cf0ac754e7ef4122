// The issuing body and its county: who sent the document, not whom it is
// addressed to or what it is about. Private to pipeline/classify.
//
// Cues, strongest first; the first that names a body decides:
//   1. letterhead: one of the first kLetterheadLines lines starts with a
//      body (after page numbers and a document-type label, in capitals or
//      not: "1 ARBOGA KOMMUN ... TJÄNSTESKRIVELSE", "DELÅRSRAPPORT Tranås
//      kommun", "Promemoria Finansdepartementet Fi2008/4137"); a body's
//      name in capitals in the opening lines ("HALLSBERGS KOMMUN
//      ANSLAG/BEVIS"); a body before the address labels of a letterhead or
//      footer ("Region Gotland Besöksadress ..."); a site's logo text
//      ("Riksrevisionen logotyp"). A ministry's letterhead over a decision
//      the government takes ("Regeringen beslutar") is the government's.
//   2. the sender speaking: "Justitiekanslerns beslut", "X:s yttrande" as a
//      heading, or a body as the subject of what a sender does in the present
//      tense ("JO konstaterar", "Sala kommun har beretts tillfälle att yttra
//      sig", "Statskontoret har haft regeringens uppdrag"); past tense is
//      someone else's earlier act ("Länsstyrelsen beslutade"). A länsstyrelse
//      calling itself "Länsstyrelsen" ("Länsstyrelsen beslutar", "förklarar
//      länsstyrelsen") is its county's: the county of the kommuner its
//      decision names, when they are all in one.
//   A body right after a preposition in a heading is what the heading is
//   about ("... NATURRESERVATET X I BODENS KOMMUN"), never a letterhead; a
//   line opening with "Till" is an addressee, never a meeting place (7).
//   3. where a protokoll is kept ("Förvaringsplats för protokollet: Region
//      Kronobergs arkiv");
//   4. the PDF's Author, when it names a known body;
//   5. the region, kommun or länsstyrelse the text names most: at least
//      kMinProminentMentions times (twice when no other is named) and more
//      than twice as often as the next. When the document's organs are a
//      region's (landstingsstyrelsen, Hälso- och sjukvårdsnämnden) and the
//      body named most is a kommun, the document is about that kommun and
//      from its county's region (a landsting's tjänsteutlåtande about a
//      samordningsförbund in Stockholms stad);
//   6. a signature: a known authority after a person's role ("Regionchef
//      för Södra Sverige Tillväxtverket");
//   7. the place an organ sits in (issuer_places.tsv): a kommun's hall or a
//      region's house with the place's name on the same line ("Kommun-
//      ledningskontoret, Vallentuna" -> Vallentuna kommun; "Regionens Hus,
//      Södra vägen 9, Halmstad", the residence city -> Region Halland);
//   7b. an office only one authority has (issuer_sole_organs.tsv):
//      "Borgarrådsberedningen föreslår", "Föredragande borgarrådet" are
//      Stockholm's, the only kommun with borgarråd;
//   7c. the host kommun of a joint nämnd, which the nämnd belongs to
//      (kommunallagen 9 kap.): "X kommun är värdkommun", "gemensam
//      servicenämnd i Mora";
//   8. a kommun's organs (Kommunstyrelsen) and one kommun whose name begins
//      a company's ("Eskilstuna kommunfastighet AB"): municipal companies
//      carry their kommun's name;
//   9. the one region, kommun or länsstyrelse the text names, even once
//      (a report's foreword: "Under åren drev Region Skåne ... projektet").
// The county is the issuer's in the gazetteer, or a county named in the
// issuer's name ("Regionförbundet i Kalmar län").
// A body is one the gazetteers know (not a party), or one a named-body rule
// found ("Regionförbundet i Kalmar län") in cues 1-3. Organs
// ("Regionstyrelsen") are never the issuer: they belong to one.
#ifndef DIAR_PIPELINE_CLASSIFY_ISSUER_H_
#define DIAR_PIPELINE_CLASSIFY_ISSUER_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/classify/doc_types.h"
#include "pipeline/classify/text_scan.h"
#include "pipeline/extract/extract.h"
#include "pipeline/tag/tag.h"

namespace diar::classify_internal {

// A letterhead is the first thing on the page; past a few lines (letterhead,
// sub-line with the administration, document label) a line naming a body
// is a heading or an addressee.
inline constexpr std::size_t kLetterheadLines = 4;
// Three mentions is the least that is not an aside (as for topics), and
// twice the runner-up keeps a document about two regions undecided.
inline constexpr int kMinProminentMentions = 3;

struct IssuerDecision {
  std::string issuer;
  std::string issuer_cue;
  std::string county;
  std::string county_cue;
};

class IssuerFinder {
 public:
  // Reads issuer_places.tsv, issuer_sole_organs.tsv and counties.tsv from
  // `dir`.
  void Load(const std::string& dir, std::vector<std::string>* errors);

  // `opening`: the document's own opening lines (no chrome or attachment
  // lines); `chrome`: the chrome lines among the first ones (logo text);
  // `text`: the whole normalised text, `at` its code-point index (the
  // classifier's, shared by its steps); `types`: the document-type labels,
  // which may stand before a letterhead's name ("Promemoria
  // Finansdepartementet").
  IssuerDecision Detect(const ExtractedDocument& source, const std::vector<Line>& opening,
                        const std::vector<Line>& chrome, std::string_view text,
                        const CodePointIndex& at, const std::vector<Mention>& mentions,
                        const Tagger& tagger, const DocTypes& types) const;

 private:
  struct Place {
    std::string tier;  // "kommun" or "region"
    std::string word;  // lower case: "stadshuset", "regionens hus"
  };
  struct SoleOrgan {
    std::string stem;    // lower case; any word beginning with it: "borgarråd"
    std::string issuer;  // canonical body: "Stockholms kommun"
  };
  struct Seat {
    std::string county;  // "Stockholms län"
    std::string city;    // residence city
    std::string region;  // canonical region name
    std::string stem;    // the county's name in body names: "Norrbotten"
  };
  std::string PlaceIssuer(const std::vector<Line>& opening, const Tagger& tagger,
                          std::string* cue) const;

  // The authority an office in `text` belongs to (issuer_sole_organs.tsv),
  // or "".
  std::string SoleOrganIssuer(std::string_view text, const Tagger& tagger,
                              std::string* cue) const;

  std::vector<Place> places_;
  std::vector<SoleOrgan> sole_organs_;
  std::vector<Seat> seats_;
};

}  // namespace diar::classify_internal

#endif  // DIAR_PIPELINE_CLASSIFY_ISSUER_H_
