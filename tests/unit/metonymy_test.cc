// Tests for capital metonymy (resolve/metonymy.cc): a capital named as an
// actor stands for its government; a capital named as a place does not.
#include <gtest/gtest.h>

#include "shipped_lexicon.h"

#include <string>

#include "pipeline/analyzer.h"

namespace claimtrace {
namespace {

class Metonymy : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_NE(lex_, nullptr) << "no lexicon image"; }

  Document analyze(const std::string& text) {
    Document doc;
    doc.text = text;
    Analyzer(lex_).analyze(doc);
    return doc;
  }
  // The entity whose mentions include the given surface text.
  const Entity* entity_named(const Document& doc, std::string_view surface) {
    for (const Entity& e : doc.entities)
      for (Span m : e.mentions)
        if (doc.slice(m) == surface) return &e;
    return nullptr;
  }
  const lexicon::Lexicon* lex_ = testing::shipped_lexicon();
};

TEST_F(Metonymy, CapitalAsSpeakerStandsForGovernment) {
  Document doc = analyze("Moscow denied the report on Tuesday.");
  const Entity* moscow = entity_named(doc, "Moscow");
  ASSERT_NE(moscow, nullptr);
  EXPECT_EQ(moscow->stands_for, "RUSGOV");
  ASSERT_EQ(moscow->metonymic_mentions.size(), 1u);
  EXPECT_EQ(doc.slice(moscow->metonymic_mentions[0]), "Moscow");
  // The place is still geocoded: metonymy adds a reading, it keeps the geo.
  EXPECT_TRUE(moscow->has_geo);
}

TEST_F(Metonymy, CapitalAsPlaceIsNotFlagged) {
  Document doc = analyze("Thousands marched in Moscow on Tuesday. Flights from Kiev resumed.");
  const Entity* moscow = entity_named(doc, "Moscow");
  ASSERT_NE(moscow, nullptr);
  EXPECT_TRUE(moscow->stands_for.empty());
  const Entity* kiev = entity_named(doc, "Kiev");
  ASSERT_NE(kiev, nullptr);
  EXPECT_TRUE(kiev->stands_for.empty());
}

TEST_F(Metonymy, OnlyTheAgentMentionsAreListed) {
  Document doc = analyze(
      "Protesters gathered in Kiev on Monday. Kiev has rejected the proposal, "
      "and the residents of Kiev were not consulted.");
  const Entity* kiev = entity_named(doc, "Kiev");
  ASSERT_NE(kiev, nullptr);
  EXPECT_EQ(kiev->stands_for, "UKRGOV");
  ASSERT_EQ(kiev->metonymic_mentions.size(), 1u);
  EXPECT_EQ(kiev->metonymic_mentions[0].begin, doc.text.find("Kiev has"));
}

TEST_F(Metonymy, PossessiveOfDecisionButNotOfStreets) {
  Document doc = analyze("Washington's decision surprised allies.");
  const Entity* dc = entity_named(doc, "Washington");
  ASSERT_NE(dc, nullptr);
  EXPECT_EQ(dc->stands_for, "USAGOV");
  doc = analyze("Paris's streets were empty.");
  const Entity* paris = entity_named(doc, "Paris");
  ASSERT_NE(paris, nullptr);
  EXPECT_TRUE(paris->stands_for.empty());
}

TEST_F(Metonymy, ShelledCapitalIsTheCity) {
  Document doc = analyze("Russian forces shelled Kiev overnight.");
  const Entity* kiev = entity_named(doc, "Kiev");
  ASSERT_NE(kiev, nullptr);
  EXPECT_TRUE(kiev->stands_for.empty());
}

}  // namespace
}  // namespace claimtrace
