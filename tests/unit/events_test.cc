// Tests for CAMEO event coding (extract/events.cc, data/event_verbs.tsv,
// data/cameo/*.tsv) with the shipped lexicon, on sentences we wrote.
#include <gtest/gtest.h>

#include "shipped_lexicon.h"

#include <string>
#include <vector>

#include "extract/events_dictionary.h"
#include "pipeline/analyzer.h"

namespace claimtrace {
namespace {

class Events : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_NE(lex_, nullptr) << "no lexicon image"; }

  Document analyze(const std::string& text) {
    Document doc;
    doc.text = text;
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

}  // namespace
}  // namespace claimtrace
