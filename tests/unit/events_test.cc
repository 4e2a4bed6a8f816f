// Tests for CAMEO event coding (extract/events.cc, data/event_verbs.tsv,
// data/cameo/*.tsv) with the shipped lexicon, on sentences we wrote.
#include <gtest/gtest.h>

#include "shipped_lexicon.h"

#include <string>
#include <vector>

#include "extract/events_dictionary.h"
#include "extract/events_time.h"
#include "pipeline/analyzer.h"

namespace claimtrace {
namespace {

class Events : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_NE(lex_, nullptr) << "no lexicon image"; }

  Document analyze(const std::string& text, const std::string& published = "") {
    Document doc;
    doc.text = text;
    doc.published = published;
    Analyzer(lex_).analyze(doc);
    return doc;
  }
  // The first event with this code, or null.
  static const Event* with_code(const Document& doc, const std::string& code) {
    for (const Event& e : doc.events)
      if (e.code == code) return &e;
    return nullptr;
  }
  static std::string dump(const Document& doc) {
    std::string s;
    for (const Event& e : doc.events)
      s += e.source.code + " " + e.code + " " + (e.has_target ? e.target.code : "-") + " [" +
           std::string(e.entry) + "]\n";
    return s;
  }
  const lexicon::Lexicon* lex_ = testing::shipped_lexicon();
};

TEST(EventTables, CodesGoldsteinQuadClassAndTypes) {
  using namespace extract::events;
  const CodeInfo* c = code_info("190");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->level, 2);
  EXPECT_EQ(c->quadclass, 4);
  EXPECT_FLOAT_EQ(c->goldstein, -10.0f);
  // The 2013 tables keep 106 and 1056 apart (the newer GDELT copy merges them).
  ASSERT_NE(code_info("106"), nullptr);
  ASSERT_NE(code_info("1056"), nullptr);
  EXPECT_NE(code_info("106")->name, code_info("1056")->name);
  EXPECT_EQ(code_info("04")->quadclass, 1);
  EXPECT_EQ(code_info("999"), nullptr);
  EXPECT_GT(codes().size(), 300u);
  bool mil = false;
  for (const ActorType& t : actor_types()) mil |= t.code == "MIL";
  EXPECT_TRUE(mil);
  // Every one of the 20 roots has at least one dictionary entry.
  for (int root = 1; root <= 20; ++root) {
    char buf[3] = {static_cast<char>('0' + root / 10), static_cast<char>('0' + root % 10), 0};
    bool found = false;
    for (const Entry& e : entries()) found |= e.code.substr(0, 2) == buf;
    EXPECT_TRUE(found) << "root " << buf;
  }
}

TEST(EventTables, InflectionsAreDerived) {
  using namespace extract::events;
  for (const char* form : {"attacks", "attacked", "attacking", "seized", "fought", "met", "banned",
                           "cancelled", "canceled", "struck", "arrested", "talks"})
    EXPECT_FALSE(forms_of(form).empty()) << form;
  EXPECT_TRUE(forms_of("tomato").empty());
}

TEST_F(Events, SubjectVerbObjectWithAgentNouns) {
  Document doc = analyze("Ukrainian troops attacked Russian positions on Monday.");
  const Event* e = with_code(doc, "190");
  ASSERT_NE(e, nullptr) << dump(doc);
  EXPECT_EQ(e->source.code, "UKRMIL");
  EXPECT_EQ(e->entry, "fight.attack");
  EXPECT_FALSE(e->negated);
  EXPECT_EQ(e->certainty, Certainty::kAsserted);
  EXPECT_EQ(e->attribution, -1);
  EXPECT_EQ(doc.slice(e->verb), "attacked");
}

TEST_F(Events, PossessiveCountryCombinesWithType) {
  Document doc = analyze("Georgia's police arrested Armenian protesters in Tbilisi.");
  const Event* e = with_code(doc, "173");
  ASSERT_NE(e, nullptr) << dump(doc);
  EXPECT_EQ(e->source.code, "GEOCOP");
  EXPECT_EQ(e->target.code, "ARMCVL");
  ASSERT_GE(e->location, 0);
  EXPECT_EQ(doc.entities[e->location].actor.substr(0, 3), "GEO");
}

TEST_F(Events, PassiveWithAgent) {
  Document doc = analyze("The convoy of Kenyan police was attacked by Somali militants.");
  const Event* e = with_code(doc, "190");
  ASSERT_NE(e, nullptr) << dump(doc);
  EXPECT_EQ(e->source.code, "SOMREB");
  EXPECT_EQ(e->target.code, "KENCOP");
}

TEST_F(Events, CompoundActorsGiveOneEventEach) {
  Document doc = analyze("Russia and China held talks with Iran in Moscow.");
  std::vector<std::string> sources;
  for (const Event& e : doc.events)
    if (e.code == "040") {
      sources.push_back(e.source.code);
      EXPECT_EQ(e.target.code, "IRN");
    }
  ASSERT_EQ(sources.size(), 2u) << dump(doc);
  EXPECT_EQ(sources[0], "RUS");
  EXPECT_EQ(sources[1], "CHN");
}

TEST_F(Events, MutualActOfACompoundSubject) {
  Document doc = analyze("Armenia and Georgia signed a trade agreement on Friday.");
  ASSERT_EQ(doc.events.size(), 2u) << dump(doc);
  EXPECT_EQ(doc.events[0].source.code, "ARM");
  EXPECT_EQ(doc.events[0].target.code, "GEO");
  EXPECT_EQ(doc.events[1].source.code, "GEO");
  EXPECT_EQ(doc.events[1].target.code, "ARM");
  EXPECT_EQ(doc.events[0].code, "057");
}

TEST_F(Events, PrepositionalTargetAndNominalEvents) {
  Document doc = analyze("France will cooperate with Mali. The Turkish attack on Syria continued.");
  const Event* coop = with_code(doc, "030");  // "will cooperate": intent to cooperate
  ASSERT_NE(coop, nullptr) << dump(doc);
  EXPECT_EQ(coop->source.code, "FRA");
  EXPECT_EQ(coop->target.code, "MLI");
  EXPECT_EQ(coop->modifier, "modal:will");
  const Event* attack = with_code(doc, "190");
  ASSERT_NE(attack, nullptr) << dump(doc);
  EXPECT_EQ(attack->source.code, "TUR");
  EXPECT_EQ(attack->target.code, "SYR");
  EXPECT_EQ(attack->entry, "fight.attack.n");
}

TEST_F(Events, MeetingBetweenTwoActors) {
  Document doc = analyze("A meeting between Egypt and Qatar took place on Sunday.");
  const Event* e = with_code(doc, "040");
  ASSERT_NE(e, nullptr) << dump(doc);
  EXPECT_EQ(e->source.code, "EGY");
  EXPECT_EQ(e->target.code, "QAT");
}

TEST_F(Events, NegationIsMarked) {
  Document doc = analyze("Norway did not expel the Russian diplomats.");
  ASSERT_FALSE(doc.events.empty()) << dump(doc);
  const Event& e = doc.events[0];
  EXPECT_EQ(e.code.substr(0, 2), "16");
  EXPECT_TRUE(e.negated);
}

TEST_F(Events, ThreatenedToActIsAThreatNotTheAct) {
  Document doc = analyze("Iran threatened to attack Israel.");
  ASSERT_EQ(doc.events.size(), 1u) << dump(doc);
  EXPECT_EQ(doc.events[0].code.substr(0, 2), "13");
  EXPECT_EQ(doc.events[0].source.code, "IRN");
  EXPECT_EQ(doc.events[0].target.code, "ISR");
  EXPECT_EQ(doc.events[0].entry, "fight.attack");
  EXPECT_EQ(doc.events[0].modifier, "threat.threaten");
}

TEST_F(Events, ModalsAndRefusals) {
  Document will = analyze("Peru will send food to Bolivia.");
  ASSERT_FALSE(will.events.empty()) << dump(will);
  EXPECT_EQ(will.events[0].code.substr(0, 2), "03");  // intent to give aid
  Document may = analyze("Serbia may attack Kosovo.");
  ASSERT_FALSE(may.events.empty()) << dump(may);
  EXPECT_EQ(may.events[0].code.substr(0, 2), "13");  // a possible attack is a threat
  EXPECT_EQ(may.events[0].certainty, Certainty::kSpeculative);
  Document refused = analyze("Chile refused to meet Argentina.");
  ASSERT_FALSE(refused.events.empty()) << dump(refused);
  EXPECT_EQ(refused.events[0].code.substr(0, 2), "12");
  EXPECT_EQ(refused.events[0].target.code, "ARG");
}

TEST_F(Events, AttributionLinkAndCertainty) {
  Document doc = analyze("Moldova's army shelled the village, the newspaper Ziarul Nou claimed.");
  const Event* e = with_code(doc, "194");
  ASSERT_NE(e, nullptr) << dump(doc);
  ASSERT_GE(e->attribution, 0);
  EXPECT_EQ(e->certainty, doc.attributions[e->attribution].certainty);
  EXPECT_NE(e->certainty, Certainty::kAsserted);  // reported speech is never a plain fact
}

TEST_F(Events, ReceivedFromSwapsSourceAndTarget) {
  Document doc = analyze("The rebels received weapons from Iran.");
  const Event* e = with_code(doc, "072");
  ASSERT_NE(e, nullptr) << dump(doc);
  EXPECT_EQ(e->source.code, "IRN");
  EXPECT_EQ(e->target.code.substr(0, 3), "REB");
}

TEST_F(Events, CoordinatedVerbsAndPronounsKeepTheirSubject) {
  Document doc = analyze(
      "The Chadian government threatened to expel Nigerien diplomats and urged the United "
      "Nations to send observers. It refused to meet Nigerien envoys.");
  const Event* urge = with_code(doc, "020");
  ASSERT_NE(urge, nullptr) << dump(doc);
  EXPECT_EQ(urge->source.code, "TCDGOV");
  EXPECT_EQ(urge->target.code.substr(0, 3), "IGO");
  const Event* threat = nullptr;
  const Event* refusal = nullptr;
  for (const Event& e : doc.events) {
    if (e.code.substr(0, 2) == "13") threat = &e;
    if (e.code.substr(0, 2) == "12") refusal = &e;
  }
  ASSERT_NE(threat, nullptr) << dump(doc);
  EXPECT_EQ(threat->target.code, "NERGOV");
  ASSERT_NE(refusal, nullptr) << dump(doc);
  EXPECT_EQ(refusal->source.code, "TCDGOV");  // "It" = the government
}

TEST_F(Events, UnknownVerbsYieldNoEvent) {
  Document doc = analyze("Belgium admired Luxembourg. Austria photographed Hungary.");
  EXPECT_TRUE(doc.events.empty()) << dump(doc);
}

TEST_F(Events, NegativePatternBlocksEntry) {
  // "meet demands" is not a meeting.
  Document doc = analyze("Ecuador met the demands of Colombia.");
  for (const Event& e : doc.events) EXPECT_NE(e.code, "040") << dump(doc);
}

TEST_F(Events, ActorCodesTheResolverLeftShort) {
  // A plural demonym, an institution named after its country, a region's country.
  Document doc = analyze(
      "Liberians protested against Ghana. The Latvian Constitutional Court cancelled restrictions "
      "on Estonia. Israel reimposed blockades in the West Bank.");
  const Event* protest = with_code(doc, "140");
  ASSERT_NE(protest, nullptr) << dump(doc);
  EXPECT_EQ(protest->source.code, "LBR");
  EXPECT_EQ(protest->target.code, "GHA");
  const Event* cancel = with_code(doc, "081");
  ASSERT_NE(cancel, nullptr) << dump(doc);
  EXPECT_EQ(cancel->source.code, "LVAJUD");
  const Event* blockade = with_code(doc, "191");
  ASSERT_NE(blockade, nullptr) << dump(doc);
  EXPECT_EQ(blockade->source.code, "ISR");
}

TEST_F(Events, CountryNameOpeningASentence) {
  // "Turkey" and "Japan" are also common nouns; the coder still reads them as countries.
  Document doc = analyze("Turkey expelled the Dutch ambassador. Japan halted aid to Serbia.");
  const Event* expel = with_code(doc, "1662");
  ASSERT_NE(expel, nullptr) << dump(doc);
  EXPECT_EQ(expel->source.code, "TUR");
  const Event* halt = with_code(doc, "162");
  ASSERT_NE(halt, nullptr) << dump(doc);
  EXPECT_EQ(halt->source.code, "JPN");
  EXPECT_EQ(halt->target.code, "SRB");
}

TEST_F(Events, PronounOpeningReportedContentIsTheSpeaker) {
  // The nearest group before "it" is Poland, but Hungary is the one that spoke.
  Document doc = analyze("Hungary told Poland on Monday it had halted aid to Serbia.");
  const Event* halt = with_code(doc, "162");
  ASSERT_NE(halt, nullptr) << dump(doc);
  EXPECT_EQ(halt->source.code, "HUN");
  EXPECT_EQ(halt->target.code, "SRB");
  ASSERT_GE(halt->attribution, 0);
  EXPECT_NE(halt->certainty, Certainty::kAsserted);
}

TEST_F(Events, LocatedEventWithoutTargetTargetsThePlacesCountry) {
  Document doc = analyze("Israel has strengthened its forces in Lebanon.");
  const Event* e = with_code(doc, "154");
  ASSERT_NE(e, nullptr) << dump(doc);
  EXPECT_EQ(e->source.code, "ISR");
  EXPECT_EQ(e->target.code, "LBN");
  EXPECT_FALSE(e->target.has_text);
}

TEST_F(Events, QuantitiesDoNotMakeAnObjectPrepositional) {
  // "more than 40" and "up to 300" count the group; they are not "than"/"to" targets.
  Document doc = analyze(
      "Ugandan police arrested more than 40 Kenyan protesters. Tanzania expelled up to 300 "
      "Burundian refugees.");
  const Event* arrest = with_code(doc, "173");
  ASSERT_NE(arrest, nullptr) << dump(doc);
  EXPECT_EQ(arrest->target.code, "KENCVL");
  ASSERT_TRUE(arrest->target.has_text);
  EXPECT_EQ(doc.slice(arrest->target.text), "Kenyan protesters");
}

TEST_F(Events, ParticipialClauseSharesTheMainSubject) {
  // The nearest group before "arresting" is "one person"; the police arrest.
  Document doc = analyze(
      "Egyptian police opened fire on the crowd, killing one person and arresting 12 students.");
  const Event* arrest = with_code(doc, "173");
  ASSERT_NE(arrest, nullptr) << dump(doc);
  EXPECT_EQ(arrest->source.code, "EGYCOP");
  const Event* engaged = nullptr;
  Document cleansing = analyze("Serbian forces were engaged in ethnic cleansing in Kosovo.");
  for (const Event& e : cleansing.events)
    if (e.code.substr(0, 2) == "20") engaged = &e;
  ASSERT_NE(engaged, nullptr) << dump(cleansing);
  EXPECT_EQ(engaged->source.code, "SRBMIL");  // "engaged in" keeps the subject of a nominal event
}

TEST_F(Events, ParticipleAfterADeterminerIsAnAdjective) {
  // "the occupied West Bank" and "the banned movement" name no occupation or ban.
  Document doc = analyze(
      "Israeli troops patrolled the occupied West Bank. Nigerian police arrested members of the "
      "banned movement.");
  for (const Event& e : doc.events) {
    EXPECT_NE(e.code, "192") << dump(doc);
    EXPECT_NE(e.code, "172") << dump(doc);
  }
  EXPECT_NE(with_code(doc, "173"), nullptr) << dump(doc);
}

TEST(EventTime, DatesWeekdaysAndRelativeWords) {
  using namespace extract::events;
  Days d = 0;
  ASSERT_TRUE(parse_iso_date("2024-03-13", d));
  EXPECT_EQ(iso_date(d), "2024-03-13");
  EXPECT_FALSE(parse_iso_date("2024-02-30", d));
  EXPECT_FALSE(parse_iso_date("13.03.2024", d));
}

TEST_F(Events, TimeOfTheEventsClause) {
  // Wednesday 2024-03-13.
  Document doc = analyze(
      "Russian troops shelled Kharkiv on Monday. Ukraine will meet Poland on Friday. Police "
      "arrested 12 protesters in Cairo yesterday. Israel reimposed blockades last week. Iran "
      "and Iraq held talks on Oct. 3, 2023. Chile expelled Peruvian diplomats on 15 January.",
      "2024-03-13");
  auto time_of = [&](const std::string& code) {
    const Event* e = with_code(doc, code);
    if (e == nullptr || !e->has_time) return std::string("none");
    return std::string(doc.slice(e->time_text)) + " " + e->time_start + ".." + e->time_end;
  };
  EXPECT_EQ(time_of("194"), "Monday 2024-03-11..2024-03-11") << dump(doc);
  EXPECT_EQ(time_of("036"), "Friday 2024-03-15..2024-03-15");  // "will": the next Friday
  EXPECT_EQ(time_of("173"), "yesterday 2024-03-12..2024-03-12");
  EXPECT_EQ(time_of("191"), "last week 2024-03-04..2024-03-10");
  EXPECT_EQ(time_of("040"), "Oct. 3, 2023 2023-10-03..2023-10-03");
  EXPECT_EQ(time_of("1662"), "15 January 2024-01-15..2024-01-15");
}

TEST_F(Events, TimeStaysInItsClaimAndNeedsAPublishedDate) {
  // "on Tuesday" dates the saying, not the attack.
  Document said = analyze("Officials said on Tuesday that rebels had attacked Goma.", "2024-03-13");
  const Event* attack = with_code(said, "190");
  ASSERT_NE(attack, nullptr) << dump(said);
  EXPECT_FALSE(attack->has_time);
  // Without a published date a weekday is found but not resolved; a full date is.
  Document undated =
      analyze("Rebels attacked Goma on Monday. Rwanda expelled Ugandan diplomats on 2 March 2019.");
  const Event* monday = with_code(undated, "190");
  ASSERT_NE(monday, nullptr) << dump(undated);
  ASSERT_TRUE(monday->has_time);
  EXPECT_EQ(undated.slice(monday->time_text), "Monday");
  EXPECT_TRUE(monday->time_start.empty());
  const Event* expel = with_code(undated, "1662");
  ASSERT_NE(expel, nullptr) << dump(undated);
  ASSERT_TRUE(expel->has_time);
  EXPECT_EQ(expel->time_start, "2019-03-02");
  EXPECT_EQ(expel->time_end, "2019-03-02");
}

TEST_F(Events, EthnicGroupsAreOfTheCountryTheyLiveIn) {
  // "ethnic Albanians", "the Hungarian minority": descent, not nationality.
  Document doc = analyze("Serbian police arrested five ethnic Albanians in southern Serbia.");
  const Event* e = with_code(doc, "173");
  ASSERT_NE(e, nullptr) << dump(doc);
  EXPECT_EQ(e->target.code.substr(0, 3), "SRB");
  doc = analyze("Ethnic Hungarians in Slovakia demanded more schools.");
  e = with_code(doc, "100");
  ASSERT_NE(e, nullptr) << dump(doc);
  EXPECT_EQ(e->source.code.substr(0, 3), "SVK");
  doc = analyze("Romanian police arrested members of the Hungarian minority in Cluj.");
  e = with_code(doc, "173");
  ASSERT_NE(e, nullptr) << dump(doc);
  EXPECT_EQ(e->target.code.substr(0, 3), "ROU");
  // Without "ethnic" a demonym is a nationality.
  doc = analyze("Serbian police arrested five Albanians in southern Serbia.");
  e = with_code(doc, "173");
  ASSERT_NE(e, nullptr) << dump(doc);
  EXPECT_EQ(e->target.code.substr(0, 3), "ALB");
}

TEST_F(Events, DomesticActorsWithoutACountry) {
  // Unattributed violence is coded to the country where it happened.
  Document doc = analyze("Two Kenyan soldiers were killed in an ambush in Somalia.");
  const Event* e = with_code(doc, "190");
  ASSERT_NE(e, nullptr) << dump(doc);
  EXPECT_EQ(e->source.code, "SOM");
  EXPECT_FALSE(e->source.has_text);
  EXPECT_EQ(e->target.code, "KENMIL");
  // The victims of "a bomb attack" did not carry it out.
  doc = analyze("Two police officers were killed in a bomb attack in Serbia.");
  for (const Event& v : doc.events) EXPECT_NE(v.source.code, "SRBCOP") << dump(doc);
  // Police arrest at home.
  doc = analyze("Ugandan police arrested 12 on Sunday.");
  e = with_code(doc, "173");
  ASSERT_NE(e, nullptr) << dump(doc);
  EXPECT_EQ(e->target.code, "UGA");
  // A domestic role takes the one country the sentence names.
  doc = analyze("The former president has agreed to resign and leave Kyrgyzstan.");
  ASSERT_FALSE(doc.events.empty());
  EXPECT_EQ(doc.events[0].source.code, "KGZGOV") << dump(doc);
  // Armed groups do not: they often cross borders.
  doc = analyze("Rebels attacked a convoy near the border with Kyrgyzstan.");
  e = with_code(doc, "190");
  ASSERT_NE(e, nullptr) << dump(doc);
  EXPECT_EQ(e->source.code, "REB");
}

TEST_F(Events, HostileNominalActIsPlaced) {
  Document doc = analyze("Israel reimposed blockades in the West Bank on Friday.");
  const Event* e = with_code(doc, "191");
  ASSERT_NE(e, nullptr) << dump(doc);
  EXPECT_EQ(e->source.code, "ISR");
  EXPECT_EQ(e->target.code, "PSE");
  // Talks in a city are not aimed at it.
  doc = analyze("Iran's talks in Moscow ended on Monday.");
  e = with_code(doc, "040");
  ASSERT_NE(e, nullptr) << dump(doc);
  EXPECT_FALSE(e->has_target) << dump(doc);
}

TEST_F(Events, ConditionalAndPrepositionalTargets) {
  // "unless X ...": a threat aims at whoever must meet the condition.
  Document doc =
      analyze("The union threatened to strike unless the Greek government raised wages.");
  ASSERT_FALSE(doc.events.empty());
  EXPECT_EQ(doc.events[0].code.substr(0, 2), "13") << dump(doc);
  EXPECT_EQ(doc.events[0].target.code, "GRCGOV") << dump(doc);
  // "abuses by X": the author of what is investigated is the target.
  doc = analyze("Croatia is investigating alleged abuses by Serbian police.");
  const Event* e = with_code(doc, "090");
  ASSERT_NE(e, nullptr) << dump(doc);
  EXPECT_EQ(e->target.code, "SRBCOP");
  // A complaint targets what it is about, not whom it is made to.
  doc = analyze("Lebanon complained to the United Nations about Israeli air raids.");
  e = with_code(doc, "114");
  ASSERT_NE(e, nullptr) << dump(doc);
  EXPECT_EQ(e->target.code, "ISR");
  doc = analyze("Albania complained to the European Union about arrests by Serbian police.");
  e = with_code(doc, "114");
  ASSERT_NE(e, nullptr) << dump(doc);
  EXPECT_EQ(e->target.code, "SRBCOP");
  doc = analyze("Lebanon complained to the United Nations on Tuesday.");
  e = with_code(doc, "114");
  ASSERT_NE(e, nullptr) << dump(doc);
  EXPECT_EQ(e->target.code, "IGOUNO");
}

TEST_F(Events, IntentAimsAtTheActorOfItsComplement) {
  Document doc = analyze("Norway is ready to send supplies to help Ukraine.");
  const Event* e = with_code(doc, "030");
  ASSERT_NE(e, nullptr) << dump(doc);
  EXPECT_EQ(e->source.code, "NOR");
  EXPECT_EQ(e->target.code, "UKR");
}

TEST_F(Events, TellingSomeoneThatItMustIsADemand) {
  Document doc = analyze("France reminded Iraq that it must cooperate with the inspectors.");
  ASSERT_FALSE(doc.events.empty());
  const Event& e = doc.events[0];
  EXPECT_EQ(e.code.substr(0, 2), "10") << dump(doc);
  EXPECT_EQ(e.source.code, "FRA");
  EXPECT_EQ(e.target.code, "IRQ");
}

TEST_F(Events, ToClauseAfterAnEventNounIsNotTheComplement) {
  // "to discuss" belongs to "a meeting": Serbia demands the meeting.
  Document doc =
      analyze("Serbia demanded a meeting of the Security Council to discuss the crisis.");
  const Event* e = with_code(doc, "100");
  ASSERT_NE(e, nullptr) << dump(doc);
  EXPECT_EQ(e->source.code, "SRB");
  EXPECT_EQ(with_code(doc, "108"), nullptr) << dump(doc);
}

TEST_F(Events, GroupInsideAReducedRelativeDoesNotAct) {
  // "angered by the arrest of Turkish officials": the rebels attack.
  Document doc =
      analyze("Syrian rebels angered by the arrest of Turkish officials attacked the convoy.");
  const Event* e = with_code(doc, "190");
  ASSERT_NE(e, nullptr) << dump(doc);
  EXPECT_EQ(e->source.code, "SYRREB");
}

}  // namespace
}  // namespace claimtrace
