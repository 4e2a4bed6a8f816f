// Tests for the resolve stage's readings that depend on context: capital
// metonymy (resolve/metonymy.cc: a capital named as an actor stands for its
// government, a capital named as a place does not) and curated roles bounded
// by their term of office (resolve/resolve.cc).
#include <gtest/gtest.h>

#include "shipped_lexicon.h"

#include <string>

#include "pipeline/analyzer.h"

namespace claimtrace {
namespace {

class Resolve : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_NE(lex_, nullptr) << "no lexicon image"; }

  Document analyze(const std::string& text, const std::string& published = "") {
    Document doc;
    doc.text = text;
    doc.published = published;
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

TEST_F(Resolve, CapitalAsSpeakerStandsForGovernment) {
  Document doc = analyze("Moscow denied the report on Tuesday.");
  const Entity* moscow = entity_named(doc, "Moscow");
  ASSERT_NE(moscow, nullptr);
  EXPECT_EQ(moscow->stands_for, "RUSGOV");
  ASSERT_EQ(moscow->metonymic_mentions.size(), 1u);
  EXPECT_EQ(doc.slice(moscow->metonymic_mentions[0]), "Moscow");
  // The place is still geocoded: metonymy adds a reading, it keeps the geo.
  EXPECT_TRUE(moscow->has_geo);
}

TEST_F(Resolve, CapitalAsPlaceIsNotFlagged) {
  Document doc = analyze("Thousands marched in Moscow on Tuesday. Flights from Kiev resumed.");
  const Entity* moscow = entity_named(doc, "Moscow");
  ASSERT_NE(moscow, nullptr);
  EXPECT_TRUE(moscow->stands_for.empty());
  const Entity* kiev = entity_named(doc, "Kiev");
  ASSERT_NE(kiev, nullptr);
  EXPECT_TRUE(kiev->stands_for.empty());
}

TEST_F(Resolve, OnlyTheAgentMentionsAreListed) {
  Document doc = analyze(
      "Protesters gathered in Kiev on Monday. Kiev has rejected the proposal, "
      "and the residents of Kiev were not consulted.");
  const Entity* kiev = entity_named(doc, "Kiev");
  ASSERT_NE(kiev, nullptr);
  EXPECT_EQ(kiev->stands_for, "UKRGOV");
  ASSERT_EQ(kiev->metonymic_mentions.size(), 1u);
  EXPECT_EQ(kiev->metonymic_mentions[0].begin, doc.text.find("Kiev has"));
}

TEST_F(Resolve, PossessiveOfDecisionButNotOfStreets) {
  Document doc = analyze("Washington's decision surprised allies.");
  const Entity* dc = entity_named(doc, "Washington");
  ASSERT_NE(dc, nullptr);
  EXPECT_EQ(dc->stands_for, "USAGOV");
  doc = analyze("Paris's streets were empty.");
  const Entity* paris = entity_named(doc, "Paris");
  ASSERT_NE(paris, nullptr);
  EXPECT_TRUE(paris->stands_for.empty());
}

TEST_F(Resolve, ShelledCapitalIsTheCity) {
  Document doc = analyze("Russian forces shelled Kiev overnight.");
  const Entity* kiev = entity_named(doc, "Kiev");
  ASSERT_NE(kiev, nullptr);
  EXPECT_TRUE(kiev->stands_for.empty());
}

TEST_F(Resolve, RoleHoldsOnlyDuringTheTermOfOffice) {
  const std::string text = "Joe Biden spoke in Ohio.";
  Document during = analyze(text, "2023-05-02");
  const Entity* biden = entity_named(during, "Joe Biden");
  ASSERT_NE(biden, nullptr);
  EXPECT_EQ(biden->actor, "USAGOV");
  EXPECT_EQ(biden->role, "President of the United States");

  Document after = analyze(text, "2026-03-01");
  biden = entity_named(after, "Joe Biden");
  ASSERT_NE(biden, nullptr);
  EXPECT_EQ(biden->actor, "USA");
  EXPECT_EQ(biden->role, "former President of the United States");

  Document before = analyze(text, "2015-03-01");
  biden = entity_named(before, "Joe Biden");
  ASSERT_NE(biden, nullptr);
  EXPECT_EQ(biden->actor, "USA");
  EXPECT_EQ(biden->role, "");

  Document undated = analyze(text);  // no date: the lexicon's present holds
  biden = entity_named(undated, "Joe Biden");
  ASSERT_NE(biden, nullptr);
  EXPECT_EQ(biden->actor, "USAGOV");
}

TEST_F(Resolve, InstitutionNamedAfterItsTownBelongsToTheCountry) {
  Document doc = analyze("Doctors delivered medicine to Baghdad University Medical School.");
  const Entity* school = entity_named(doc, "Baghdad University Medical School");
  ASSERT_NE(school, nullptr);
  EXPECT_EQ(school->type, EntityType::kOrg);
  EXPECT_EQ(school->actor, "IRQ");
  // Not every name that starts with a town is that town's institution.
  doc = analyze("The Moro Islamic Liberation Front signed the accord.");
  const Entity* front = entity_named(doc, "Moro Islamic Liberation Front");
  ASSERT_NE(front, nullptr);
  EXPECT_EQ(front->actor, "");
}

TEST_F(Resolve, NamePartsThatAreNoTownOfTheStory) {
  // A small town of a country the story does not name (Moro, Pakistan).
  Document doc = analyze("The Moro Islamic Liberation Front signed the accord.");
  const Entity* front = entity_named(doc, "Moro Islamic Liberation Front");
  ASSERT_NE(front, nullptr);
  EXPECT_FALSE(front->has_geo);
  // An organisation's acronym (Nato, Philippines).
  doc = analyze("Turkey is a NATO-member state.");
  const Entity* member = entity_named(doc, "NATO-member");
  if (member != nullptr) {
    EXPECT_FALSE(member->has_geo);
  }
  // A party or armed movement names a land, not a town: a city of 160,000 in
  // Kazakhstan is not where a party called after Turkistan is.
  doc = analyze("Fighters of the Turkistan Islamic Party were seen near the border.");
  const Entity* party = entity_named(doc, "Turkistan Islamic Party");
  ASSERT_NE(party, nullptr);
  EXPECT_FALSE(party->has_geo);
  // A city still places the organisation named after it.
  doc = analyze("The Toronto Police Services Board met on Monday.");
  const Entity* board = entity_named(doc, "Toronto Police Services Board");
  ASSERT_NE(board, nullptr);
  ASSERT_TRUE(board->has_geo);
  EXPECT_EQ(std::string(board->geo.country, 2), "CA");
}

TEST_F(Resolve, SitesArePlacedInTheirTown) {
  // Where the text says: "in Rome" beats the German town the name holds.
  Document doc = analyze("Doctors at the Vellmar Hospital in Rome said the boy was stable.");
  const Entity* hospital = entity_named(doc, "Vellmar Hospital");
  ASSERT_NE(hospital, nullptr);
  ASSERT_TRUE(hospital->has_geo);
  EXPECT_EQ(std::string(hospital->geo.country, 2), "IT");
  EXPECT_EQ(hospital->geo.geonameid, 0u);  // near Rome's point, but not Rome
  doc = analyze("Fine dust was measured near Seoul's Jamsil Stadium on Friday.");
  const Entity* stadium = entity_named(doc, "Jamsil Stadium");
  ASSERT_NE(stadium, nullptr);
  ASSERT_TRUE(stadium->has_geo);
  EXPECT_EQ(std::string(stadium->geo.country, 2), "KR");
  // Else the town named before it; a street is not in the town it is named after.
  doc = analyze(
      "Flooding hit Leicester on Monday. Water reached Granby Street by noon, and shoppers "
      "sheltered at Kestrel Books.");
  const Entity* street = entity_named(doc, "Granby Street");
  ASSERT_NE(street, nullptr);
  ASSERT_TRUE(street->has_geo);
  EXPECT_EQ(std::string(street->geo.country, 2), "GB");
  const Entity* shop = entity_named(doc, "Kestrel Books");  // "at X": a place of its own
  ASSERT_NE(shop, nullptr);
  ASSERT_TRUE(shop->has_geo);
  EXPECT_EQ(std::string(shop->geo.country, 2), "GB");
  // An organisation that is no site and a person are not placed.
  doc = analyze("Flooding hit Leicester. Mary Ellen Smith said Kestrel Books would close.");
  for (std::string_view name : {"Mary Ellen Smith", "Kestrel Books"}) {
    const Entity* e = entity_named(doc, name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_FALSE(e->has_geo) << name;
  }
}

// Geocoding of names the recognizer used to cut or misread.
TEST_F(Resolve, NamesWithLowerCaseWordsArticlesAndTitlesAreRead) {
  auto geo_of = [&](const Document& doc, std::string_view surface) -> const Entity* {
    const Entity* e = entity_named(doc, surface);
    EXPECT_NE(e, nullptr) << surface;
    if (e != nullptr) {
      EXPECT_TRUE(e->has_geo) << surface;
    }
    return e != nullptr && e->has_geo ? e : nullptr;
  };
  // "do" inside a name the lexicon knows whole.
  Document doc = analyze("Floods hit Porto Alegre and other towns in Rio Grande do Sul on Monday.");
  const Entity* state = geo_of(doc, "Rio Grande do Sul");
  ASSERT_NE(state, nullptr);
  EXPECT_EQ(state->geo.feature, "ADM1");
  EXPECT_EQ(entity_named(doc, "Sul"), nullptr);
  // A title's modifiers stop at a known name.
  doc = analyze("On Monday, United States President Joe Biden met reporters.");
  const Entity* us = geo_of(doc, "United States");
  ASSERT_NE(us, nullptr);
  EXPECT_EQ(std::string(us->geo.country, 2), "US");
  // "Al-" joined by a hyphen marks a transliteration.
  doc = analyze("Officials in Egypt counted new cases in Cairo and Al-Minya.");
  const Entity* minya = geo_of(doc, "Al-Minya");
  ASSERT_NE(minya, nullptr);
  EXPECT_EQ(std::string(minya->geo.country, 2), "EG");
  EXPECT_LT(minya->geo.lat, 29.0);  // Minya, not Cairo
  // A small town listed after a country.
  doc = analyze("Outbreaks in Uganda, Bundibugyo and Kasese were reported by the health ministry.");
  const Entity* bundibugyo = geo_of(doc, "Bundibugyo");
  ASSERT_NE(bundibugyo, nullptr);
  EXPECT_EQ(std::string(bundibugyo->geo.country, 2), "UG");
}

TEST_F(Resolve, ContextPicksTheReadingOfAPlace) {
  auto country_of = [&](const Document& doc, std::string_view surface) {
    const Entity* e = entity_named(doc, surface);
    return e != nullptr && e->has_geo ? std::string(e->geo.country, 2) : std::string("--");
  };
  // A town of a country the story never names, among towns of another
  // country, is a namesake: the name is placed near those towns.
  Document doc =
      analyze("Farmers in Manaoag, Pangasinan and in Pandi, Bulacan reported sick pigs on Monday.");
  EXPECT_EQ(country_of(doc, "Pangasinan"), "PH");
  // ... but not a town of a country the story names.
  doc = analyze("Farmers in Indonesia and in Pandi, Bulacan reported sick pigs near Pangasinan.");
  EXPECT_NE(country_of(doc, "Pangasinan"), "PH");
  // A division's seat of unknown population is no hamlet.
  doc = analyze("Taiwan reported new cases in Taoyuan on Monday.");
  EXPECT_EQ(country_of(doc, "Taoyuan"), "TW");
  // "X, in Y County, Z" is in Z.
  doc = analyze("The clinic in Austin, in Scott County, Indiana, reopened on Monday.");
  const Entity* austin = entity_named(doc, "Austin");
  ASSERT_NE(austin, nullptr);
  EXPECT_EQ(austin->geo.admin1, "IN");
  // A governor governs a division.
  doc = analyze("New York Governor Kathy Hochul signed the bill in Albany.");
  const Entity* ny = entity_named(doc, "New York");
  ASSERT_NE(ny, nullptr);
  EXPECT_EQ(ny->geo.feature, "ADM1");
  // The seat of a small municipality of a country the story names may name
  // a site; a hamlet of a country it does not name may not.
  doc = analyze(
      "Health officials in the Philippines said the children were taken to Ubay Community "
      "Hospital on Friday.");
  EXPECT_EQ(country_of(doc, "Ubay Community Hospital"), "PH");
  doc = analyze("Health officials said the children were taken to Ubay Community Hospital.");
  EXPECT_EQ(country_of(doc, "Ubay Community Hospital"), "--");
  // The folded spelling is a reading too ("Kasai", Japan; "Kasaï", Congo).
  doc = analyze("Rebels advanced in the province of Kasai on Monday, officials in Kinshasa said.");
  EXPECT_EQ(country_of(doc, "Kasai"), "CD");
}

TEST_F(Resolve, HyphenJoinedNamesAndTownsReadByAnotherSpelling) {
  // A name the gazetteer writes with spaces, written with hyphens.
  Document doc = analyze("Troops entered Kvemo-Kartli on Monday.");
  const Entity* kk = entity_named(doc, "Kvemo-Kartli");
  ASSERT_NE(kk, nullptr);
  ASSERT_TRUE(kk->has_geo);
  EXPECT_EQ(std::string(kk->geo.country, 2), "GE");
  EXPECT_EQ(kk->geo.feature, "ADM1");
  // A lower-case part is no name part of its own.
  doc = analyze("A Washington-based group filed the suit.");
  const Entity* based = entity_named(doc, "Washington-based");
  EXPECT_TRUE(based == nullptr || based->type != EntityType::kGpe);
  // A town of some size read by another spelling stays where it is, even
  // beside a town of another country in the sentence before.
  doc = analyze("The envoy arrived in Tbilisi. Troops reached Jisr al-Shughur on Monday.");
  const Entity* jisr = entity_named(doc, "Jisr al-Shughur");
  ASSERT_NE(jisr, nullptr);
  ASSERT_TRUE(jisr->has_geo);
  EXPECT_EQ(std::string(jisr->geo.country, 2), "SY");
}

}  // namespace
}  // namespace claimtrace
