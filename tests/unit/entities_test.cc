// Tests for entity mentions (extract/entities.cc) and their resolution
// (resolve/resolve.cc) with the shipped lexicon, on sentences we wrote.
#include <gtest/gtest.h>

#include "shipped_lexicon.h"

#include <string>

#include "pipeline/analyzer.h"

namespace claimtrace {
namespace {

class Entities : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_NE(lex_, nullptr) << "no lexicon image"; }

  Document analyze(const std::string& text) {
    Document doc;
    doc.text = text;
    Analyzer(lex_).analyze(doc);
    return doc;
  }
  const Entity* find(const Document& doc, const std::string& name) {
    for (const Entity& e : doc.entities)
      if (e.name == name) return &e;
    return nullptr;
  }
  const lexicon::Lexicon* lex_ = testing::shipped_lexicon();
};

TEST_F(Entities, CountriesDemonymsAndOutlets) {
  Document doc = analyze("Syrian newspaper Al-Watan said Russia’s RIA Novosti agency was wrong.");
  const Entity* syrian = find(doc, "Syrian");
  ASSERT_NE(syrian, nullptr);
  EXPECT_EQ(syrian->type, EntityType::kNorp);
  EXPECT_FALSE(syrian->has_geo);  // demonyms are never places
  const Entity* watan = find(doc, "Al-Watan");
  ASSERT_NE(watan, nullptr);
  EXPECT_EQ(watan->type, EntityType::kMedia);
  const Entity* russia = find(doc, "Russia");
  ASSERT_NE(russia, nullptr);
  EXPECT_EQ(russia->type, EntityType::kGpe);
  EXPECT_EQ(russia->actor, "RUS");
  ASSERT_EQ(russia->mentions.size(), 1u);
  EXPECT_EQ(doc.slice(russia->mentions[0]), "Russia");  // possessive not in the span
}

TEST_F(Entities, PersonAfterTitleWithRoleAndActor) {
  Document doc = analyze(
      "Russian Deputy Foreign Minister Oleg Varnavin spoke on Monday. Later Varnavin left.");
  const Entity* p = find(doc, "Oleg Varnavin");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->type, EntityType::kPer);
  EXPECT_EQ(p->role, "Russian Deputy Foreign Minister");
  EXPECT_EQ(p->actor, "RUSGOV");
  EXPECT_EQ(p->mentions.size(), 2u);  // the surname joins the full name
}

TEST_F(Entities, AcronymDefinedInText) {
  Document doc =
      analyze("The Northern Grain Council (NGC) met in Kyiv. The NGC said prices would rise.");
  const Entity* org = find(doc, "Northern Grain Council");
  ASSERT_NE(org, nullptr);
  EXPECT_EQ(org->type, EntityType::kOrg);
  EXPECT_EQ(org->mentions.size(), 3u);  // the name, "(NGC)" and the later "NGC"
}

TEST_F(Entities, ProvinceAndCityAreTwoPlaces) {
  Document doc =
      analyze("Fighting spread across Aleppo province. In the city of Aleppo, shops closed.");
  int aleppo = 0;
  bool adm1 = false, city = false;
  for (const Entity& e : doc.entities) {
    if (!e.name.starts_with("Aleppo")) continue;  // "Aleppo", "Aleppo Governorate"
    ++aleppo;
    ASSERT_TRUE(e.has_geo);
    EXPECT_EQ(std::string(e.geo.country), "SY");
    adm1 = adm1 || e.geo.feature == "ADM1";
    city = city || e.geo.feature.starts_with("PPL");
  }
  EXPECT_EQ(aleppo, 2);
  EXPECT_TRUE(adm1);
  EXPECT_TRUE(city);
}

TEST_F(Entities, TransliterationVariantsResolve) {
  Document doc = analyze("Shelling was reported near Jisr al-Shughour on Friday.");
  bool found = false;
  for (const Entity& e : doc.entities)
    if (e.has_geo && e.geo.country[0] == 'S' && e.geo.country[1] == 'Y') found = true;
  EXPECT_TRUE(found);
}

TEST_F(Entities, SentenceInitialCommonWordsAreNotNames) {
  Document doc = analyze("Police said the Reading road was closed. Meanwhile nothing moved.");
  for (const Entity& e : doc.entities) {
    EXPECT_NE(e.name, "Police");
    EXPECT_NE(e.name, "Meanwhile");
  }
}

TEST_F(Entities, CapitalsResolveToCapitalCities) {
  Document doc = analyze("Officials in Paris and Kiev disagreed.");
  const Entity* kyiv = find(doc, "Kyiv");
  ASSERT_NE(kyiv, nullptr);
  ASSERT_TRUE(kyiv->has_geo);
  EXPECT_EQ(kyiv->geo.feature, "PPLC");
  const Entity* paris = find(doc, "Paris");
  ASSERT_NE(paris, nullptr);
  EXPECT_EQ(std::string(paris->geo.country), "FR");
}

}  // namespace
}  // namespace claimtrace

namespace claimtrace {
namespace {

TEST(EntitiesAcronyms, AcronymIsNotAnOrdinaryPlaceName) {
  std::string err;
  auto lex = lexicon::Lexicon::open(CLAIMTRACE_LEXICON_IMAGE, err);
  ASSERT_TRUE(lex) << err;
  Document doc;
  // GeoNames lists "NHS" as an alternate name of Nushki, Pakistan.
  doc.text = "Nurses at the NHS said waits grew in London.";
  Analyzer(lex.get()).analyze(doc);
  bool nhs_seen = false;
  for (const Entity& e : doc.entities) {
    if (e.has_geo) {
      EXPECT_NE(std::string(e.geo.country, 2), "PK") << e.name;
    }
    nhs_seen = nhs_seen || (e.name == "NHS" && e.type == EntityType::kOrg);
  }
  EXPECT_TRUE(nhs_seen);
}

}  // namespace
}  // namespace claimtrace
