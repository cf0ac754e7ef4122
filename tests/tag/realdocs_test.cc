// Issue 15: the tagging decisions taken for what Swedish authorities publish
// (docs/TAGGING.md Part 2, "issue 15" entries). Invented sentences in the
// shapes of the development set's documents; one behaviour per test.
#include <gtest/gtest.h>

#include "tests/tag/tag_test_util.h"

namespace diar {
namespace {

using testing::Spans;
using testing::TagType;

TEST(BodyTagger, KommunWithACapitalKAsLetterheadsWriteIt) {
  EXPECT_EQ(Spans("Exempel från Mjölby Kommun i dag", "body"), "Mjölby Kommun=Mjölby kommun");
}

TEST(BodyTagger, ARegionsLogoWithItsPlaceInCapitals) {
  EXPECT_EQ(Spans("1 Landstinget DALARNA Central förvaltning", "body"),
            "Landstinget DALARNA=Region Dalarna");
}

TEST(BodyTagger, TheParliamentaryOmbudsmenAsJO) {
  EXPECT_EQ(Spans("JO konstaterar att beslutet kom sent.", "body"), "JO=Riksdagens ombudsmän JO");
}

TEST(BodyTagger, RegionalBodiesFromTheGazetteer) {
  EXPECT_EQ(Spans("Samarbete med Teater Västernorrland och Västtrafik.", "body"),
            "Teater Västernorrland=Teater Västernorrland; Västtrafik=Västtrafik");
}

TEST(NamedBodyTagger, TheatresScienceParksAndEUOfficesByTheirShape) {
  EXPECT_EQ(Spans("Länsmusiken Värmland, Uppsala Science Park och Umeå EU-kontor deltar.", "body"),
            "Länsmusiken Värmland=Länsmusiken Värmland; Uppsala Science Park=Uppsala Science Park; "
            "Umeå EU-kontor=Umeå EU-kontor");
}

TEST(NamedBodyTagger, RegionalBodiesWithTheirPlace) {
  EXPECT_EQ(Spans("Organ: Regionförbundet i Kalmar län", "body"),
            "Regionförbundet i Kalmar län=Regionförbundet i Kalmar län");
  // Written small in a title, valued with its capital.
  EXPECT_EQ(Spans("Årsredovisning för regionförbundet södra Småland", "body"),
            "regionförbundet södra Småland=Regionförbundet södra Småland");
  EXPECT_EQ(Spans("Regionsamverkan Sydsverige ställer sig positiv", "body"),
            "Regionsamverkan Sydsverige=Regionsamverkan Sydsverige");
  EXPECT_EQ(Spans("styrelsen för Samordningsförbundet Stockholms stad", "body"),
            "Samordningsförbundet Stockholms stad=Samordningsförbundet Stockholms stad");
}

TEST(NamedBodyTagger, APlaceNameEndingInSKeepsItsS) {
  EXPECT_EQ(Spans("Samordningsförbundet Västerås har", "body"),
            "Samordningsförbundet Västerås=Samordningsförbundet Västerås");
  EXPECT_EQ(Spans("enligt Räddningstjänsten Kramfors", "body"),
            "Räddningstjänsten Kramfors=Räddningstjänsten Kramfors");
  // A genitive s on a place whose name has none is still removed.
  EXPECT_EQ(Spans("Samordningsförbundet Uppsalas verksamhet", "body"),
            "Samordningsförbundet Uppsalas=Samordningsförbundet Uppsala");
}

TEST(NamedBodyTagger, OrgansAndCouncilsNamedByTheirRemit) {
  EXPECT_EQ(Spans("Nämnd för arbetsmarknad, näringsliv och attraktivitet 106-119", "body"),
            "Nämnd för arbetsmarknad, näringsliv och attraktivitet="
            "Nämnd för arbetsmarknad, näringsliv och attraktivitet");
  EXPECT_EQ(Spans("ledamot i Rådet för funktionshindrade att gälla", "body"),
            "Rådet för funktionshindrade=Rådet för funktionshindrade");
  EXPECT_EQ(Spans("nämnden för ärendet", "body"), "");
}

TEST(NamedBodyTagger, SchoolsAndNamedOffices) {
  EXPECT_EQ(Spans("gymnasielärare, Munkagårdsgymnasiet", "body"),
            "Munkagårdsgymnasiet=Munkagårdsgymnasiet");
  EXPECT_EQ(Spans("med Energikontor Norr och Gränskommittén ARKO", "body"),
            "Energikontor Norr=Energikontor Norr; Gränskommittén ARKO=Gränskommittén ARKO");
}

TEST(NamedBodyTagger, CapitalisedForumsAndLeadershipGroups) {
  EXPECT_EQ(Spans("Frågan togs upp i Chefsforum och i Regionala ledningsgruppen.", "body"),
            "Chefsforum=Chefsforum; Regionala ledningsgruppen=Regionala ledningsgruppen");
  // In lower case they describe; bare at a sentence's start they are no name.
  EXPECT_EQ(Spans("den regionala ledningsgruppen möts. Styrgruppen beslutar.", "body"), "");
}

TEST(BodyTagger, ANameWhoseInitialsSpellTheAcronymAfterIt) {
  EXPECT_EQ(Spans("arbete med Västmanlands Kommuner och Landsting (VKL). VKL:s styrelse", "body"),
            "Västmanlands Kommuner och Landsting=Västmanlands Kommuner och Landsting; "
            "VKL=Västmanlands Kommuner och Landsting; VKL:s=Västmanlands Kommuner och Landsting");
  // Initials that do not spell it, and a law's name, are no body.
  EXPECT_EQ(Spans("Anna Ek (KD) och Lagen om offentlig upphandling (LOU) gäller", "body"), "");
}

TEST(BodyTagger, AKnownLongNameMisspeltByOneLetter) {
  EXPECT_EQ(Spans("Kommunfyllmäktige beslutade.", "body"), "Kommunfyllmäktige=Kommunfullmäktige");
  EXPECT_EQ(Spans("inom Europiska unionen", "body"), "Europiska unionen=Europeiska unionen");
}

// The matcher only decodes spans whose raw bytes could be a name's
// (misspellings.h): the slip may be anywhere in the name.
TEST(BodyTagger, AOneWordNameMisspeltNearItsStartOrItsEnd) {
  EXPECT_EQ(Spans("enligt Abetsförmedlingen", "body"), "Abetsförmedlingen=Arbetsförmedlingen");
  EXPECT_EQ(Spans("enligt Arbetsförmedlngen", "body"), "Arbetsförmedlngen=Arbetsförmedlingen");
}

TEST(BodyTagger, AMisspeltNameInCapitals) {
  EXPECT_EQ(Spans("KOMMUNFYLLMÄKTIGE beslutade.", "body"),
            "KOMMUNFYLLMÄKTIGE=Kommunfullmäktige");
}

TEST(BodyTagger, AThreeWordNameMisspeltInItsMiddleWord) {
  EXPECT_EQ(Spans("enligt Luleå teknisla universitet", "body"),
            "Luleå teknisla universitet=Luleå tekniska universitet");
}

// A capital of Latin-1 (two bytes, C3 80-9E) starts a name as A-Z does, also
// past the first 16 bytes, which the matcher reads 16 at a time; the small
// å, ä and ö share the capital's first byte and start none.
TEST(BodyTagger, AMisspeltNameBeginningWithALatin1Capital) {
  EXPECT_EQ(Spans("Yttrande från både Ångermanlads tingsrätt och ön", "body"),
            "Ångermanlads tingsrätt=Ångermanlands tingsrätt");
}

TEST(BodyTagger, ShortNamesNeverMatchMisspelt) {
  // "Region Skane" is one letter from Region Skåne, but twelve letters are
  // too few: among short names one letter makes another name.
  EXPECT_EQ(Spans("Region Skane och Sala kommun", "body"), "Sala kommun=Sala kommun");
  // Fourteen letters, one from Kommunstyrelsen: too short to be read so.
  EXPECT_EQ(Spans("Kommunstyrelsn beslutar", "body"), "");
}

// One body, one value, whatever case the text writes it in (issue 15).
TEST(OrganTagger, OneValueWhateverCaseAHeadingWritesTheOrganIn) {
  EXPECT_EQ(Spans("Miljö- och Byggnadsnämnden samt Miljö- och byggnadsnämnden", "body"),
            "Miljö- och Byggnadsnämnden=Miljö- och byggnadsnämnden; "
            "Miljö- och byggnadsnämnden=Miljö- och byggnadsnämnden");
  EXPECT_EQ(Spans("KULTURNÄMNDEN och Kulturnämnden", "body"),
            "KULTURNÄMNDEN=Kulturnämnden; Kulturnämnden=Kulturnämnden");
}

TEST(NamedBodyTagger, ANameInCapitalsTakesTheCaseOfRunningText) {
  EXPECT_EQ(Spans("Rapport från ÖSTGÖTATRAFIKEN AB", "body"),
            "ÖSTGÖTATRAFIKEN AB=Östgötatrafiken AB");
  // Short words in capitals are the name's own: an acronym.
  EXPECT_EQ(Spans("Granskad av KPMG AB", "body"), "KPMG AB=KPMG AB");
}

TEST(NamedBodyTagger, AMunicipalCompanysTradeInLowerCase) {
  EXPECT_EQ(Spans("Anna Ek, Eskilstuna kommunfastighet AB, deltog", "body"),
            "Eskilstuna kommunfastighet AB=Eskilstuna kommunfastighet AB");
  // A short word is no trade: "att", "och" before a company's name.
  EXPECT_EQ(Spans("Beslutet att AB Exempelbolaget köps", "body"),
            "AB Exempelbolaget=AB Exempelbolaget");
}

TEST(BodyTagger, ARegionalBranchTakesItsOrganisationsListedSpelling) {
  EXPECT_EQ(Spans("Röda korset Jämtland och Röda Korset Jämtland", "body"),
            "Röda korset Jämtland=Röda Korset Jämtland; Röda Korset Jämtland=Röda Korset Jämtland");
}

TEST(OrganTagger, OfficesAndCommitteesAreOrgans) {
  EXPECT_EQ(Spans("Regionkontoret och Indelningskommitténs betänkande", "body"),
            "Regionkontoret=Regionkontoret; Indelningskommitténs=Indelningskommittén");
  EXPECT_EQ(Spans("kontoret och kommittén", "body"), "");
}

TEST(OrganTagger, AnOrganRightAfterAnIndefiniteArticleIsAnyOrgan) {
  EXPECT_EQ(Spans("Kritik mot en länsstyrelse för dröjsmål", "body"), "");
  EXPECT_EQ(Spans("en egen kulturförvaltning", "body"), "kulturförvaltning=Kulturförvaltningen");
}

TEST(OrganTagger, SubOrganOfAFederationAndItsGenitive) {
  EXPECT_EQ(Spans("Regionförbundets arbetsutskott sammanträdde", "body"),
            "Regionförbundets arbetsutskott=Regionförbundets arbetsutskott");
  EXPECT_EQ(Spans("Kommunstyrelsens arbetsutskotts förslag", "body"),
            "Kommunstyrelsens arbetsutskotts=Kommunstyrelsens arbetsutskott");
}

TEST(OrganTagger, CoordinatedCompoundWithoutASpaceAfterTheHyphen) {
  EXPECT_EQ(Spans("barn-och ungdomsnämndens styrning", "body"),
            "barn-och ungdomsnämndens=Barn-och ungdomsnämnden");
}

TEST(PlanTagger, TitleStopsAtAHeadingRunIntoTheText) {
  EXPECT_EQ(Spans("Remissbehandling av Länstransportplan för Kronobergs län Samplanering Kronoberg - "
                  "information",
                  "plan"),
            "Länstransportplan för Kronobergs län=Länstransportplan för Kronobergs län");
  // A place's name may end a title.
  EXPECT_EQ(Spans("Bevarandeplan för Natura 2000-området Vättern", "plan"),
            "Bevarandeplan för Natura 2000-området Vättern=Bevarandeplan för Natura 2000-området Vättern");
}

TEST(PlanTagger, TitleStopsAtVerbsAndListWords) {
  EXPECT_EQ(Spans("samarbetsprogrammet för Öresund-Kattegatt gett stöd", "plan"),
            "samarbetsprogrammet för Öresund-Kattegatt=Samarbetsprogram för Öresund-Kattegatt");
  EXPECT_EQ(Spans("strukturfondsprogrammet för Skåne-Blekinge respektive det andra", "plan"),
            "strukturfondsprogrammet för Skåne-Blekinge=Strukturfondsprogram för Skåne-Blekinge");
}

TEST(PlanTagger, ComplementsWithMotAndMellan) {
  EXPECT_EQ(Spans("Handlingsprogram mot antidemokratiska rörelser, KF 27", "plan"),
            "Handlingsprogram mot antidemokratiska rörelser=Handlingsprogram mot antidemokratiska rörelser");
  EXPECT_EQ(Spans("§ 68 Överenskommelse mellan kommunerna i Stockholms län om ärendeansvar", "plan"),
            "Överenskommelse mellan kommunerna i Stockholms län om ärendeansvar="
            "Överenskommelse mellan kommunerna i Stockholms län om ärendeansvar");
}

TEST(PlanTagger, ACountysNameTakesItsLän) {
  EXPECT_EQ(Spans("Länstransportplan Kalmar län yttrande", "plan"),
            "Länstransportplan Kalmar län=Länstransportplan Kalmar län");
}

TEST(PlanTagger, AListOfDocumentKindsNamesNoPlan) {
  EXPECT_EQ(Spans("Budget Årsplan (med Budget) Vision Strategi Program Plan Policy Riktlinjer "
                  "Reglemente",
                  "plan"),
            "");
  EXPECT_EQ(Spans("vissa styrdokument, exempelvis översiktsplan, jämställdhetsplan etc.", "plan"), "");
  // A capitalised title after a comma names the plan before it.
  EXPECT_EQ(Spans("Regionens energiplan, Energiplan för Gotland 2019–2023, följs upp", "plan"),
            "energiplan=Energiplan; Energiplan för Gotland 2019–2023=Energiplan för Gotland 2019–2023");
}

TEST(DnrTagger, GovernmentOfficesNumbersWithFourDigitsAndAUnit) {
  EXPECT_EQ(Spans("2014-08-28\nS2014/6324/SFÖ\nlänsstyrelserna", "dnr"), "S2014/6324/SFÖ=S2014/6324/SFÖ");
}

TEST(DnrTagger, SmallLetterSeriesAndSlashYearForms) {
  EXPECT_EQ(Spans("1 Ks 182/2013 Riktlinjer", "dnr"), "Ks 182/2013=KS 182/2013");
  EXPECT_EQ(Spans("3(43) KSKF/2014:1 235 Val", "dnr"), "KSKF/2014:1=KSKF/2014:1");
}

TEST(DnrTagger, JournalNumbersAndDecisionNumbersOfTheOmbudsmen) {
  EXPECT_EQ(Spans("Diarienr: 8799-17-4.3 / Beslutsdatum", "dnr"), "8799-17-4.3=8799-17-4.3");
  EXPECT_EQ(Spans("(Jordbruksverkets ärende Jnr 3159-2012)", "dnr"), "3159-2012=3159-2012");
}

TEST(PeriodTagger, AYearlessDayRangeTakesTheDocumentsYear) {
  TagContext context;
  context.document_date = "2009-08-27";
  const std::vector<Mention> periods = TagType("för perioden 1 januari - 30 juni I delårsrapporten",
                                               "period", context);
  ASSERT_EQ(periods.size(), 1u);
  EXPECT_EQ(periods[0].value, "2009-01-01/2009-06-30");
  EXPECT_TRUE(periods[0].inferred);
}

// Fifth pass: unseen documents (a policy, a programme, agendas, remissvar).
TEST(BodyTagger, TheNationalPublicTransportAssociationFromTheGazetteer) {
  EXPECT_EQ(Spans("Svensk Kollektivtrafik anser att resurserna ska öka.", "body"),
            "Svensk Kollektivtrafik=Svensk Kollektivtrafik");
  // The phrase in running text is no name.
  EXPECT_EQ(Spans("en svensk kollektivtrafik i världsklass", "body"), "");
}

TEST(BodyTagger, AGenitiveInAHeadingInCapitals) {
  EXPECT_EQ(Spans("LOKALA MÅL LJUNGBY KOMMUNS MÅL", "body"), "LJUNGBY KOMMUNS=Ljungby kommun");
  EXPECT_EQ(Spans("ÅRSREDOVISNING TRAFIKVERKETS VERKSAMHET", "body"), "TRAFIKVERKETS=Trafikverket");
}

TEST(NamedBodyTagger, ANeuterForumNamedWithItsAdjective) {
  EXPECT_EQ(Spans("representanter i Strategiskt forum för länet", "body"),
            "Strategiskt forum=Strategiskt forum");
  EXPECT_EQ(Spans("Strategiskt Forum ska prioritera", "body"), "Strategiskt Forum=Strategiskt Forum");
  // In lower case it describes.
  EXPECT_EQ(Spans("ett regionalt forum för dialog", "body"), "");
}

TEST(NamedBodyTagger, JointFireServicesNamedAsBrigades) {
  EXPECT_EQ(Spans("Delårsrapport för Bergslagens Brandkår per den 31 juli", "body"),
            "Bergslagens Brandkår=Bergslagens Brandkår");
  EXPECT_EQ(Spans("avtal med Brandkåren Södra Roslagen om tillsyn", "body"),
            "Brandkåren Södra Roslagen=Brandkåren Södra Roslagen");
  EXPECT_EQ(Spans("en brandkår i varje kommun", "body"), "");
}

TEST(NamedBodyTagger, ACouncilInLowerCaseWhoseRemitIsWrittenAsAName) {
  EXPECT_EQ(Spans("Fyllnadsval ledamot rådet för Folkhälsa efter", "body"),
            "rådet för Folkhälsa=Rådet för Folkhälsa");
  EXPECT_EQ(Spans("rådet för frågan", "body"), "");
}

TEST(PlanTagger, APronounAfterABareHeadStartsTheSentenceAHeadingRanInto) {
  EXPECT_EQ(Spans("Mål 11 Strategi Vi har alla del i arbetet", "plan"), "");
  EXPECT_EQ(Spans("enligt Affärsplan Västmanland och", "plan"), "Affärsplan Västmanland=Affärsplan Västmanland");
}

TEST(PlanTagger, ABareHeadAndAWordGoingOnInLowerCaseIsAHeadingRunIn) {
  EXPECT_EQ(Spans("Mål 4 Strategi Olyckor ställer särskilda krav på beredskapen", "plan"), "");
  EXPECT_EQ(Spans("Vi följer Program Gotland.\n", "plan"), "Program Gotland=Program Gotland");
  EXPECT_EQ(Spans("enligt Agenda Norrland och planen", "plan"), "Agenda Norrland=Agenda Norrland");
}

TEST(PlanTagger, AGenitiveHeadInCapitalsGovernsTheNextNoun) {
  EXPECT_EQ(Spans("INLEDNING KLIMATPLANENS STRUKTUR LÄSANVISNING", "plan"), "KLIMATPLANENS=Klimatplan");
  EXPECT_EQ(Spans("klimatplanens mål", "plan"), "klimatplanens=Klimatplan");
}

TEST(PlanTagger, UpperSecondaryProgrammesAreNoPlans) {
  EXPECT_EQ(Spans("studerande på barn- och fritidsprogrammet vid Exempelskolan", "plan"), "");
  EXPECT_EQ(Spans("elever på naturvetenskapsprogrammet i år", "plan"), "");
}

TEST(PlanTagger, ACountysLänAfterTheLongestComplement) {
  EXPECT_EQ(Spans("anta överenskommelse om samverkan mellan Region Halland och sex kommuner i "
                  "Hallands län enligt bilaga",
                  "plan"),
            "överenskommelse om samverkan mellan Region Halland och sex kommuner i Hallands län="
            "Överenskommelse om samverkan mellan Region Halland och sex kommuner i Hallands län");
}

TEST(DnrTagger, TheChancellorsAndOmbudsmensInitialsBeforeTheirCaseNumbers) {
  EXPECT_EQ(Spans("JK 1234-19-2.5\nInspektion vid", "dnr"), "1234-19-2.5=1234-19-2.5");
  EXPECT_EQ(Spans("(JO 5678-2019)", "dnr"), "5678-2019=5678-2019");
  // A citation of an annual report is no case number.
  EXPECT_EQ(Spans("se JO 2019/20 s. 12", "dnr"), "");
}

TEST(DnrTagger, ARegionsOwnSeriesPrefix) {
  EXPECT_EQ(Spans("4. Ändring i förbundsordningen OFB MH RD 2019/45 Förslag", "dnr"),
            "RD 2019/45=RD 2019/45");
}

// Sixth pass: plans, agreements and decisions the development set lacked.

TEST(PlanTagger, APastParticipleAfterABareHeadStartsTheHeadingsNextLine) {
  EXPECT_EQ(Spans("EXEMPELBY KOMMUN Folkhälsoplan Antagen av Kommunfullmäktige 26 april 2004", "plan"),
            "Folkhälsoplan=Folkhälsoplan");
  EXPECT_EQ(Spans("Budget 2014 med verksamhetsplan Fastställd av fullmäktige", "plan"),
            "verksamhetsplan=Verksamhetsplan");
}

TEST(PlanTagger, AnAcronymCompoundInTheDefinitePointsToOneDocument) {
  EXPECT_EQ(Spans("Sammanfattning IT-strategin ska ge stöd åt verksamheterna.", "plan"),
            "IT-strategin=IT-strategi");
  // In the indefinite it is a kind of document, as a bare head is.
  EXPECT_EQ(Spans("Kommunen behöver ett EU-program och en IT-strategi.", "plan"), "");
}

TEST(PlanTagger, AKommunsNameAfterAHeadTakesItsKommun) {
  EXPECT_EQ(Spans("29 IT-strategi Exempelby kommun Revision Datum", "plan"),
            "IT-strategi Exempelby kommun=IT-strategi Exempelby kommun");
}

TEST(PlanTagger, AnAgreementsPartiesThenItsSubject) {
  EXPECT_EQ(Spans("Överenskommelse mellan kommunerna i Exempels län och Region Exempel om samarbete "
                  "kring personer med psykisk funktionsnedsättning\n",
                  "plan"),
            "Överenskommelse mellan kommunerna i Exempels län och Region Exempel om samarbete kring "
            "personer med psykisk funktionsnedsättning=Överenskommelse mellan kommunerna i Exempels "
            "län och Region Exempel om samarbete kring personer med psykisk funktionsnedsättning");
}

TEST(PlanTagger, ATitleAboutWhatItConcernsWithAvseende) {
  EXPECT_EQ(Spans("Överenskommelse avseende habilitering\n", "plan"),
            "Överenskommelse avseende habilitering=Överenskommelse avseende habilitering");
  // A bare head in lower case still needs a title.
  EXPECT_EQ(Spans("enligt överenskommelsen avseende detta", "plan"), "");
}

TEST(DnrTagger, AYearSeriesAndSerialRunTogetherAfterALabel) {
  EXPECT_EQ(Spans("§ 65 Dnr 2023KS133\nSamverkansavtal", "dnr"), "2023KS133=2023KS133");
  // Without a label it is not read so.
  EXPECT_EQ(Spans("se 2023KS133 nedan", "dnr"), "");
}

TEST(PlanTagger, AnAgreementsPartiesListedWithCommas) {
  EXPECT_EQ(Spans("Samverkansavtal mellan Ale kommun, Härryda kommun och Öckerö kommun avseende "
                  "kommunernas tillsyn\n",
                  "plan"),
            "Samverkansavtal mellan Ale kommun, Härryda kommun och Öckerö kommun avseende kommunernas "
            "tillsyn=Samverkansavtal mellan Ale kommun, Härryda kommun och Öckerö kommun avseende "
            "kommunernas tillsyn");
  // Outside a list of parties a comma ends the title, and years after it
  // are the sentence's.
  EXPECT_EQ(Spans("§ 65 Kulturprogram för Exempelby kommun, 2021-2024\n", "plan"),
            "Kulturprogram för Exempelby kommun=Kulturprogram för Exempelby kommun");
}

TEST(PlanTagger, AStreetNamedLikeAPlanIsNoPlan) {
  EXPECT_EQ(Spans("Besöksadress: Furuhällsplan 1, Kungsängen", "plan"), "");
  EXPECT_EQ(Spans("Stadshuset, Järntorgsplan 12B, Exempelby", "plan"), "");
  // A plan's years are no house number.
  EXPECT_EQ(Spans("Enligt Kulturplan 2030, antagen av fullmäktige", "plan"),
            "Kulturplan 2030=Kulturplan 2030");
}

TEST(PlanTagger, PartiesThatAreNotNamedMakeNoTitle) {
  EXPECT_EQ(Spans("antagande av samverkansavtal mellan kommunerna remiss...28", "plan"),
            "samverkansavtal=Samverkansavtal");
  EXPECT_EQ(Spans("Överenskommelse mellan kommunerna i Stockholms län om hemlöshet\n", "plan"),
            "Överenskommelse mellan kommunerna i Stockholms län om hemlöshet=Överenskommelse mellan "
            "kommunerna i Stockholms län om hemlöshet");
}

TEST(DnrTagger, ASerialAndATwoDigitYearAfterALabel) {
  EXPECT_EQ(Spans("2 35 Diarienummer 0371/11 Ekonomisk uppföljning tom april 2011", "dnr"),
            "0371/11=0371/11");
  // Unlabelled, a number over a two-digit number is a fraction or a ratio.
  EXPECT_EQ(Spans("Andelen var 1250/25 i fjol.", "dnr"), "");
}

TEST(OrganTagger, ASubCommitteeWithAnAdjectiveAndInCapitals) {
  EXPECT_EQ(Spans("Protokoll Kommunstyrelsens sociala utskott i dag", "body"),
            "Kommunstyrelsens sociala utskott=Kommunstyrelsens sociala utskott");
  EXPECT_EQ(Spans("STENUNGSUNDS KOMMUN KOMMUNSTYRELSENS SOCIALA UTSKOTT Plats: Rodret", "body"),
            "STENUNGSUNDS KOMMUN=Stenungsunds kommun; KOMMUNSTYRELSENS SOCIALA "
            "UTSKOTT=Kommunstyrelsens sociala utskott");
}

TEST(DnrTagger, ASeriesCodeAfterTheNumberWithADocumentsNumber) {
  EXPECT_EQ(Spans("§ 253/2016 Dnr 2016/0669 KS-1 Diariekod: 004", "dnr"),
            "2016/0669 KS-1=2016/0669 KS-1");
}

TEST(OrganTagger, AnOrganNamedByAnAcronymBeforeAHyphen) {
  EXPECT_EQ(Spans("Teknisk nämnd 4% PM-nämnd 1% Socialnämnd 34%", "body"),
            "Teknisk nämnd=Tekniska nämnden; PM-nämnd=PM-nämnden; Socialnämnd=Socialnämnden");
  EXPECT_EQ(Spans("Beslut i IT-nämnden om detta.", "body"), "IT-nämnden=IT-nämnden");
  // Not a word in small letters before the hyphen, nor a longer acronym.
  EXPECT_EQ(Spans("enligt it-nämnden och SRBKFX-nämnden", "body"), "");
}

// Issue 15, eighth pass: the bodies a samrådsredogörelse lists.

TEST(NamedBodyTagger, AnAssociationNamedByItsPlaceBeforeItsKind) {
  EXPECT_EQ(Spans("Yttranden: Torpa Hembygdsförening Enligt skrivelse", "body"),
            "Torpa Hembygdsförening=Torpa Hembygdsförening");
  EXPECT_EQ(Spans("från Norra Östergötlands konsumtionsförening i dag", "body"),
            "Norra Östergötlands konsumtionsförening=Norra Östergötlands konsumtionsförening");
  EXPECT_EQ(Spans("Varje hembygdsförening får bidrag.", "body"), "");
}

TEST(NamedBodyTagger, ACompanysShortNameWithAFullStop) {
  EXPECT_EQ(Spans("Yttrande från E.ON Sverige AB Enligt skrivelse", "body"),
            "E.ON Sverige AB=E.ON Sverige AB");
}

TEST(OrganTagger, TheGeneralCommittee) {
  EXPECT_EQ(Spans("Aneby kommun, Allmänna utskottet Enligt skrivelse", "body"),
            "Aneby kommun=Aneby kommun; Allmänna utskottet=Allmänna utskottet");
}

TEST(PlanTagger, AKommunsGenitiveInACapitalsHeadingJoinsItsPlan) {
  EXPECT_EQ(Spans("YDRE KOMMUNS ÖVERSIKTSPLAN 2012-2025\n", "plan"),
            "YDRE KOMMUNS ÖVERSIKTSPLAN 2012-2025=Ydre kommuns översiktsplan 2012–2025");
}

TEST(PlanTagger, APlansProcedureRecordAfterItIsNoPartOfItsName) {
  EXPECT_EQ(Spans("Utställning\nÖVERSIKTSPLAN Samrådsredogörelse\n", "plan"),
            "ÖVERSIKTSPLAN=Översiktsplan");
  EXPECT_EQ(Spans("Kulturplan Dalarna Planbeskrivning\n", "plan"), "Kulturplan Dalarna=Kulturplan Dalarna");
}

TEST(PlanTagger, AnAddendumToTheOversiktsplanIsAPlanOfItsOwn) {
  EXPECT_EQ(Spans("Exempelby kommun LIS tematiskt tillägg till översiktsplan Askersund och Laxå", "plan"),
            "LIS tematiskt tillägg till översiktsplan=LIS tematiskt tillägg till översiktsplan");
  EXPECT_EQ(Spans("Tillägg till översiktsplanen för vindkraft antogs.", "plan"),
            "Tillägg till översiktsplanen för vindkraft=Tillägg till översiktsplan för vindkraft");
}

TEST(PlanTagger, OnlyTheHeadsOwnAdjectivesAgreeWithIt) {
  // "tematiskt" agrees with the neuter "tillägg", not with "översiktsplan".
  EXPECT_EQ(Spans("Det tematiska tillägget till översiktsplanen antogs.", "plan"),
            "tematiska tillägget till översiktsplanen=Tematiska tillägget till översiktsplan");
  EXPECT_EQ(Spans("Den regionala klimat- och energistrategin antogs.", "plan"),
            "regionala klimat- och energistrategin=Regional klimat- och energistrategi");
}

TEST(PlanTagger, AFordjupadOversiktsplanIsOnePlan) {
  EXPECT_EQ(Spans("enligt den fördjupade översiktsplanen för Exempelby centrum gäller", "plan"),
            "fördjupade översiktsplanen för Exempelby centrum=Fördjupad översiktsplan för Exempelby centrum");
}

TEST(PlanTagger, AStatutoryPlanTakesItsPlacesGenitive) {
  EXPECT_EQ(Spans("i enlighet med Jonstorps fördjupade översiktsplan genomföra", "plan"),
            "Jonstorps fördjupade översiktsplan=Jonstorps fördjupade översiktsplan");
  // A region's genitive is a body's, joined with its whole name.
  EXPECT_EQ(Spans("bidrar till Region Värmlands regionala utvecklingsstrategi och", "plan"),
            "Region Värmlands regionala utvecklingsstrategi=Region Värmlands regionala utvecklingsstrategi");
  // A sentence's first word and a generic owner stay outside.
  EXPECT_EQ(Spans("Kommunens översiktsplan antogs.", "plan"), "översiktsplan=Översiktsplan");
}

TEST(PlanTagger, APlaceIsANounWhateverItsEnding) {
  EXPECT_EQ(Spans("Detaljplan för trafikplats Hova vid E20 antogs.", "plan"),
            "Detaljplan för trafikplats Hova vid E20=Detaljplan för trafikplats Hova vid E20");
}

TEST(PlanTagger, AnIndefiniteDetaljplanIsAnyOfThem) {
  EXPECT_EQ(Spans("att ett antagande av en detaljplan enligt förslaget inte prövas", "plan"), "");
  // The kommun's one översiktsplan stays a plan after an article.
  EXPECT_EQ(Spans("kommunen tar fram en ny översiktsplan.", "plan"), "översiktsplan=Översiktsplan");
}

TEST(PlanTagger, AHeadingsThemeAfterADashEndingTheLine) {
  EXPECT_EQ(Spans("Utställningsutlåtande Tillägg till Översiktsplan - vindkraft Exempelby\nText.", "plan"),
            "Tillägg till Översiktsplan - vindkraft Exempelby=Tillägg till översiktsplan - vindkraft Exempelby");
  // In running text a dash goes on into the sentence.
  EXPECT_EQ(Spans("enligt Tillägg till översiktsplan - vindkraft gäller också", "plan"),
            "Tillägg till översiktsplan=Tillägg till översiktsplan");
}

// Tenth pass: the kinds the set held least of, and small inland kommuner.
TEST(BodyTagger, StateOwnedCompaniesFromTheGazetteer) {
  EXPECT_EQ(Spans("Samråd med Sveaskog, Vattenfall och LKAB om vägen.", "body"),
            "Sveaskog=Sveaskog AB; Vattenfall=Vattenfall AB; LKAB=Luossavaara-Kiirunavaara AB");
}

TEST(BodyTagger, TradeUnionsFromTheGazetteer) {
  EXPECT_EQ(Spans("Samverkan med IF Metall och Svenska Kommunalarbetareförbundet.", "body"),
            "IF Metall=IF Metall; Svenska Kommunalarbetareförbundet=Svenska Kommunalarbetareförbundet");
}

TEST(NamedBodyTagger, TheUnionKommunalInsideASentenceNotTheAdjective) {
  EXPECT_EQ(Spans("Avtalet tecknades med Kommunal i april.", "body"),
            "Kommunal=Svenska Kommunalarbetareförbundet");
  EXPECT_EQ(Spans("Kommunals ordförande deltog.", "body"),
            "Kommunals=Svenska Kommunalarbetareförbundet");
  // A sentence's first word, and a capitalised word before another, are the adjective.
  EXPECT_EQ(Spans("Kommunal vuxenutbildning erbjuds i Exempelby.", "body"), "");
  EXPECT_EQ(Spans("Riktlinjer för Kommunal Vuxenutbildning gäller.", "body"), "");
}

TEST(NamedBodyTagger, ARegionsDentalService) {
  EXPECT_EQ(Spans("Folktandvården Sörmland och länsmuseet samarbetar med folktandvårdens kliniker.",
                  "body"),
            "Folktandvården Sörmland=Folktandvården Sörmland; folktandvårdens=Folktandvården");
}

TEST(BodyTagger, VKLAloneIsTheVastmanlandAssociation) {
  EXPECT_EQ(Spans("referensgrupp bestående av VKL:s styrelse", "body"),
            "VKL:s=Västmanlands Kommuner och Landsting");
}

TEST(NamedBodyTagger, ARegionalBodyInCapitals) {
  EXPECT_EQ(Spans("KOMMUNFÖRBUNDET NORRBOTTEN Anna Ek Ordförande", "body"),
            "KOMMUNFÖRBUNDET NORRBOTTEN=Kommunförbundet Norrbotten");
}

TEST(NamedBodyTagger, ACompanyNameIsNotRunIntoAHeadingInCapitals) {
  EXPECT_EQ(Spans("KONCERNEN PITEÅ KOMMUN STÖRRE BOLAG Piteå värmeverk AB 100 %", "body"),
            "PITEÅ KOMMUN=Piteå kommun; Piteå värmeverk AB=Piteå värmeverk AB");
  // A two-letter acronym may start a name; a name in capitals stays whole.
  EXPECT_EQ(Spans("ägs av IT Norrbotten AB och ÖSTGÖTATRAFIKEN AB", "body"),
            "IT Norrbotten AB=IT Norrbotten AB; ÖSTGÖTATRAFIKEN AB=Östgötatrafiken AB");
}

TEST(DnrTagger, AKnownSeriesAfterTheYearAndSerial) {
  EXPECT_EQ(Spans("Diarienummer: 2020.052 KS\nGäller för: alla", "dnr"), "2020.052 KS=2020.052 KS");
  // Another word in capitals is no series.
  EXPECT_EQ(Spans("Dnr 2021/123 SIDA 2", "dnr"), "2021/123=2021/123");
}

TEST(DnrTagger, TheHandlingsidOfASignedAgreement) {
  EXPECT_EQ(Spans("Undertecknat avtal har handlingsid: 2020:2772", "dnr"), "2020:2772=2020:2772");
}

TEST(PlanTagger, ATitleForSomethingGoesOnWithWhatItConcerns) {
  EXPECT_EQ(Spans("Samverkansavtal för gemensam nämnd i Exempelby avseende IT-drift för Ånge, Bräcke "
                  "och Ragunda kommuner gällande fr o m 2020-01-01",
                  "plan"),
            "Samverkansavtal för gemensam nämnd i Exempelby avseende IT-drift för Ånge, Bräcke och "
            "Ragunda kommuner=Samverkansavtal för gemensam nämnd i Exempelby avseende IT-drift för "
            "Ånge, Bräcke och Ragunda kommuner");
}

TEST(PlanTagger, ACapitalisedPlanWordAfterALowerCaseWordStartsTheNextSentence) {
  EXPECT_EQ(Spans("2 Riktlinjer för handläggning av färdtjänst Riktlinjerna ska ses som stöd.", "plan"),
            "Riktlinjer för handläggning av färdtjänst=Riktlinjer för handläggning av färdtjänst");
}

TEST(DateTagger, AValidityStartIsNotTheDocumentsDate) {
  const auto agreement = testing::Plain(
      "Avtal om gemensam nämnd\nGäller från och med 2021-01-01\n"
      "Antaget av kommunfullmäktige den 30 november 2020 § 182.\n");
  EXPECT_EQ(testing::ProjectTagger().DetectDocumentDate(agreement, ""), "2020-11-30");
  const auto only_validity =
      testing::Plain("Samverkansavtal för IT-drift gällande fr o m 2010-01-01 Innehåll\n");
  EXPECT_EQ(testing::ProjectTagger().DetectDocumentDate(only_validity, ""), "");
}

}  // namespace
}  // namespace diar
