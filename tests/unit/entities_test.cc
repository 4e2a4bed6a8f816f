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
  // A demonym is never a place of its own name: its geo is its country's.
  ASSERT_TRUE(syrian->has_geo);
  EXPECT_EQ(std::string(syrian->geo.country, 2), "SY");
  EXPECT_EQ(syrian->geo.feature, "PCLI");
  EXPECT_EQ(syrian->geo.geonameid, 163843u);  // Syria
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

namespace claimtrace {
namespace {

// Geocoding and typing rules added for issue 3 (sentences we wrote).

TEST_F(Entities, CountriesArePlacedAtGeoNamesPointsWithIds) {
  Document doc = analyze("The US and Canada signed the deal.");
  const Entity* us = find(doc, "United States");
  ASSERT_NE(us, nullptr);
  EXPECT_EQ(us->geo.geonameid, 6252001u);
  EXPECT_NEAR(us->geo.lat, 39.76, 0.01);
  EXPECT_NEAR(us->geo.lon, -98.5, 0.01);
  const Entity* canada = find(doc, "Canada");
  ASSERT_NE(canada, nullptr);
  EXPECT_NEAR(canada->geo.lon, -113.64, 0.01);
}

TEST_F(Entities, DivisionOfTheCountryInFocusBeatsSameNamedCountry) {
  Document us = analyze("Storms moved from Texas and Florida into Georgia on Monday.");
  const Entity* state = find(us, "Georgia");
  ASSERT_NE(state, nullptr);
  EXPECT_EQ(std::string(state->geo.country, 2), "US");
  EXPECT_EQ(state->geo.feature, "ADM1");
  Document caucasus = analyze("Georgia and Armenia held talks in Tbilisi.");
  const Entity* country = find(caucasus, "Georgia");
  ASSERT_NE(country, nullptr);
  EXPECT_EQ(std::string(country->geo.country, 2), "GE");
}

TEST_F(Entities, DivisionAbbreviations) {
  Document doc = analyze("The mayor of Sacramento, Calif., met officials from NSW on Monday.");
  const Entity* california = find(doc, "California");
  ASSERT_NE(california, nullptr);
  EXPECT_EQ(california->geo.feature, "ADM1");
  const Entity* nsw = find(doc, "New South Wales");
  ASSERT_NE(nsw, nullptr);
  EXPECT_EQ(std::string(nsw->geo.country, 2), "AU");
}

TEST_F(Entities, SmallPlaceOfACountryTheDocumentNames) {
  Document without = analyze("Chuka said the results were good.");
  for (const Entity& e : without.entities) EXPECT_FALSE(e.name == "Chuka" && e.has_geo);
  Document with = analyze("Kenya reported floods. Chuka was cut off for two days.");
  const Entity* chuka = find(with, "Chuka");
  ASSERT_NE(chuka, nullptr);
  EXPECT_EQ(chuka->type, EntityType::kGpe);
  ASSERT_TRUE(chuka->has_geo);
  EXPECT_EQ(std::string(chuka->geo.country, 2), "KE");
}

TEST_F(Entities, TownsThatScoreOrBeatAreTeams) {
  Document doc =
      analyze("Leeds beat Bristol on Saturday. Bristol 2 Leeds 1 was last year's result.");
  const Entity* leeds = find(doc, "Leeds");
  ASSERT_NE(leeds, nullptr);
  EXPECT_EQ(leeds->type, EntityType::kOrg);
  // The side stands for its town: the largest Leeds, whatever the focus.
  ASSERT_TRUE(leeds->has_geo);
  EXPECT_EQ(std::string(leeds->geo.country, 2), "GB");
  Document city = analyze("Leeds was 2 degrees colder than Bristol in 2024.");
  const Entity* place = find(city, "Bristol");
  ASSERT_NE(place, nullptr);
  EXPECT_EQ(place->type, EntityType::kGpe);
}

TEST_F(Entities, NamesJoinedByAndAndTitleComplements) {
  Document doc =
      analyze("Trinidad and Tobago voted. The Minister of Defence of Azerbaijan said nothing.");
  const Entity* tt = find(doc, "Trinidad and Tobago");
  ASSERT_NE(tt, nullptr);
  EXPECT_EQ(tt->type, EntityType::kGpe);
  const Entity* az = find(doc, "Azerbaijan");
  ASSERT_NE(az, nullptr);
  EXPECT_EQ(az->type, EntityType::kGpe);
  for (const Entity& e : doc.entities) EXPECT_NE(e.type, EntityType::kPer) << e.name;
}

// "of the" inside a country's name: the two Congos are told apart.
TEST_F(Entities, CountryNamesWithOfThe) {
  Document doc = analyze(
      "Nurses in the Democratic Republic of the Congo met colleagues from Republic of Congo.");
  ASSERT_EQ(doc.entities.size(), 2u);
  const Entity* drc = find(doc, "DR Congo");
  ASSERT_NE(drc, nullptr);
  ASSERT_TRUE(drc->has_geo);
  EXPECT_EQ(std::string(drc->geo.country), "CD");
  ASSERT_EQ(drc->mentions.size(), 1u);
  // The whole name, not "Democratic Republic" and "Congo".
  EXPECT_EQ(doc.slice(drc->mentions[0]), "Democratic Republic of the Congo");
  const Entity* cg = find(doc, "Republic of the Congo");
  ASSERT_NE(cg, nullptr);
  ASSERT_TRUE(cg->has_geo);
  EXPECT_EQ(std::string(cg->geo.country), "CG");
}

TEST_F(Entities, EventsGroupsAndSurnamesThatAreWords) {
  Document doc = analyze(
      "Valmorian fans watched the World Cup with Libyans. Senator Robert Dole spoke, and "
      "later Dole left. The UAVs flew.");
  const Entity* cup = find(doc, "World Cup");
  ASSERT_NE(cup, nullptr);
  EXPECT_EQ(cup->type, EntityType::kEvent);
  const Entity* valmorian = find(doc, "Valmorian");
  ASSERT_NE(valmorian, nullptr);
  EXPECT_EQ(valmorian->type, EntityType::kNorp);
  const Entity* libyans = find(doc, "Libyan");
  ASSERT_NE(libyans, nullptr);
  EXPECT_EQ(libyans->type, EntityType::kNorp);
  const Entity* dole = find(doc, "Robert Dole");
  ASSERT_NE(dole, nullptr);
  EXPECT_EQ(dole->mentions.size(), 2u);
  EXPECT_EQ(find(doc, "UAVs"), nullptr);
}

}  // namespace
}  // namespace claimtrace

namespace claimtrace {
namespace {

TEST_F(Entities, PeopleOfARegionCarryTheRegion) {
  Document doc = analyze("European and Asian ministers met; Kurdish groups were not invited.");
  const Entity* european = find(doc, "European");
  ASSERT_NE(european, nullptr);
  EXPECT_EQ(european->type, EntityType::kNorp);
  ASSERT_TRUE(european->has_geo);
  EXPECT_EQ(european->geo.feature, "CONT");
  EXPECT_EQ(european->geo.geonameid, 6255148u);  // Europe
  const Entity* kurdish = find(doc, "Kurdish");
  ASSERT_NE(kurdish, nullptr);
  EXPECT_EQ(kurdish->type, EntityType::kNorp);
  ASSERT_TRUE(kurdish->has_geo);               // a people without a state: its region
  EXPECT_EQ(kurdish->geo.geonameid, 126585u);  // Kurdistan
}

// Type of the entity with a mention of exactly `text`, or "-" when there is none.
std::string type_of_mention(const Document& doc, const std::string& text) {
  for (const Entity& e : doc.entities)
    for (const Span& m : e.mentions)
      if (doc.slice(m) == text) return std::string(to_string(e.type));
  return "-";
}

TEST_F(Entities, GivenNameMakesAPersonWhateverPlacesTheWordsName) {
  // "Davenport" is a city: the given name before it makes the pair a person.
  Document doc = analyze("Lindsay Davenport beat a qualifier on Friday, said Mark Butcher.");
  EXPECT_EQ(type_of_mention(doc, "Lindsay Davenport"), "PER");
  // A dictionary word may end a two-word name after a given name.
  EXPECT_EQ(type_of_mention(doc, "Mark Butcher"), "PER");
}

TEST_F(Entities, UnknownNamesWithDictionaryWordsAreOrganisations) {
  Document doc = analyze("Shares of Leyton Orient and Kansai Electric Power rose on Friday.");
  EXPECT_EQ(type_of_mention(doc, "Leyton Orient"), "ORG");
  EXPECT_EQ(type_of_mention(doc, "Kansai Electric Power"), "ORG");
}

TEST_F(Entities, TitleInsideANameSplitsIt) {
  Document doc = analyze(
      "Federal Reserve Governor Lawrence Lindsey spoke. German Foreign Ministry spokesman "
      "Martin Erdmann agreed.");
  EXPECT_EQ(type_of_mention(doc, "Federal Reserve"), "ORG");
  EXPECT_EQ(type_of_mention(doc, "Lawrence Lindsey"), "PER");
  EXPECT_EQ(type_of_mention(doc, "German Foreign Ministry"), "ORG");
  EXPECT_EQ(type_of_mention(doc, "Martin Erdmann"), "PER");
}

TEST_F(Entities, PersonBeforeOfAndFirmsWithAmpersand) {
  Document doc = analyze(
      "\"It is fine,\" said John Casesa of Schroder Wertheim. Douglas & Lomason said profits "
      "fell.");
  EXPECT_EQ(type_of_mention(doc, "John Casesa"), "PER");
  EXPECT_EQ(type_of_mention(doc, "John Casesa of Schroder Wertheim"), "-");
  EXPECT_EQ(type_of_mention(doc, "Douglas & Lomason"), "ORG");
}

TEST_F(Entities, HyphenatedModifierIsNoPartOfTheName) {
  Document doc = analyze("The move to Bergamo-based Atalanta reunites him with his coach.");
  EXPECT_EQ(type_of_mention(doc, "Bergamo-based"), "MISC");
  EXPECT_EQ(type_of_mention(doc, "Bergamo-based Atalanta"), "-");
}

TEST_F(Entities, HeadlineWordsTheBodyWritesInLowerCaseAreNoNames) {
  Document doc = analyze(
      "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER WIN .\n"
      "Leicestershire beat Somerset to take over at the top after a win in two days.");
  EXPECT_EQ(type_of_mention(doc, "LEICESTERSHIRE"), "ORG");  // a team that beats others
  for (const Entity& e : doc.entities)
    for (const Span& m : e.mentions) EXPECT_EQ(doc.slice(m).find("TAKE"), std::string::npos);
}

TEST_F(Entities, TeamsNamedWithTheirTownAndOnResultsLines) {
  Document doc = analyze(
      "Fans hurled bottles at Dynamo Moscow players. Dynamo lost again.\n"
      "Harlequins 75 Gloucester 19\n");
  EXPECT_EQ(type_of_mention(doc, "Dynamo Moscow"), "ORG");
  EXPECT_EQ(type_of_mention(doc, "Dynamo"), "ORG");  // the short name of the team
  EXPECT_EQ(type_of_mention(doc, "Harlequins"), "ORG");
  EXPECT_EQ(type_of_mention(doc, "Gloucester"), "ORG");
}

TEST_F(Entities, FacilitiesQuotedTitlesAndArticles) {
  Document doc = analyze(
      "Tickets were sold at Grace Road. His novel \" Sleeping Bread \" sold well. \" The Fed "
      "is careful , \" he said.");
  EXPECT_EQ(type_of_mention(doc, "Grace Road"), "LOC");
  EXPECT_EQ(type_of_mention(doc, "Sleeping Bread"), "MISC");
  EXPECT_EQ(type_of_mention(doc, "Fed"), "ORG");
}

TEST_F(Entities, PeopleByContextAndInListsOfPeople) {
  Document doc = analyze(
      "Two girls , Ana Legeard , 18 , and Severine Potty , 19 , went out. Baratelli , who "
      "played for Nice , left.\n"
      "The team is as follows : Given , Breen , Staunton , Ray Houghton , Irwin .");
  EXPECT_EQ(type_of_mention(doc, "Severine Potty"), "PER");
  EXPECT_EQ(type_of_mention(doc, "Baratelli"), "PER");
  EXPECT_EQ(type_of_mention(doc, "Breen"), "PER");
  EXPECT_EQ(type_of_mention(doc, "Irwin"), "PER");
}

TEST_F(Entities, UnknownNameTakesTheTypeItsContextGivesElsewhere) {
  // The first "Longyear" alone would be guessed an organisation; "in
  // Longyear" says it is a place, for both.
  Document doc =
      analyze("Longyear is a Norwegian settlement. Miners were waiting in Longyear to fly home.");
  const Entity* place = find(doc, "Longyear");
  ASSERT_NE(place, nullptr);
  EXPECT_EQ(place->type, EntityType::kLoc);
  EXPECT_EQ(place->mentions.size(), 2u);
}

TEST_F(Entities, NationsAndDatelinesAreNotTeams) {
  Document doc = analyze(
      "LONDON 2026-11-24\nEngland beat Wales 2-1 and Leeds beat Bristol. London 3 Leeds 0.");
  const Entity* england = find(doc, "England");
  ASSERT_NE(england, nullptr);
  EXPECT_EQ(england->type, EntityType::kGpe);  // a nation's side is written as the nation
  const Entity* leeds = find(doc, "Leeds");
  ASSERT_NE(leeds, nullptr);
  EXPECT_EQ(leeds->type, EntityType::kOrg);
  bool dateline_is_place = false;
  for (const Entity& e : doc.entities)
    for (const Span& m : e.mentions)
      if (m.begin == 0 && e.type == EntityType::kGpe) dateline_is_place = true;
  EXPECT_TRUE(dateline_is_place);
}

}  // namespace
}  // namespace claimtrace

namespace claimtrace {
namespace {

class PlacesInNames : public Entities {};

TEST_F(PlacesInNames, StreetsAndBuildingsAreNotPeopleOrTowns) {
  Document doc = analyze(
      "Flooding hit Leicester on Monday. Water reached Granby Street by noon. Fans waited at the "
      "Rogers Centre. The Seattle Seahawks lost, and Cambridge Analytica was fined.");
  const Entity* street = find(doc, "Granby Street");
  ASSERT_NE(street, nullptr);
  EXPECT_EQ(street->type, EntityType::kLoc);
  const Entity* centre = find(doc, "Rogers Centre");
  ASSERT_NE(centre, nullptr);
  EXPECT_EQ(centre->type, EntityType::kLoc);
  const Entity* team = find(doc, "Seattle Seahawks");
  ASSERT_NE(team, nullptr);
  EXPECT_EQ(team->type, EntityType::kOrg);
  ASSERT_TRUE(team->has_geo);
  EXPECT_EQ(std::string(team->geo.country, 2), "US");
  const Entity* firm = find(doc, "Cambridge Analytica");
  ASSERT_NE(firm, nullptr);
  EXPECT_EQ(firm->type, EntityType::kOrg);
  // A city's name before a family name is still a person's given name.
  Document person = analyze("Sydney Smith said the plan would work.");
  const Entity* smith = find(person, "Sydney Smith");
  ASSERT_NE(smith, nullptr);
  EXPECT_EQ(smith->type, EntityType::kPer);
}

TEST_F(PlacesInNames, OrganisationsNamedAfterAPlaceCarryItsGeo) {
  Document doc = analyze(
      "The Jamaica Cancer Society held a meeting on Monday. A London-based firm paid for it.");
  const Entity* society = find(doc, "Jamaica Cancer Society");
  ASSERT_NE(society, nullptr);
  EXPECT_EQ(society->type, EntityType::kOrg);  // still an organisation
  ASSERT_TRUE(society->has_geo);
  EXPECT_EQ(std::string(society->geo.country, 2), "JM");
  const Entity* firm = find(doc, "London-based");
  ASSERT_NE(firm, nullptr);
  ASSERT_TRUE(firm->has_geo);
  EXPECT_EQ(firm->geo.geonameid, 2643743u);  // London
}

TEST_F(PlacesInNames, CuratedSeatOfTheEuropeanUnion) {
  Document doc = analyze("EU ministers met in the city on Monday.");
  const Entity* eu = find(doc, "European Union");
  ASSERT_NE(eu, nullptr);
  EXPECT_EQ(eu->type, EntityType::kOrg);
  ASSERT_TRUE(eu->has_geo);
  EXPECT_EQ(eu->geo.geonameid, 6255148u);  // Europe
}

TEST_F(PlacesInNames, CountryThatIsAWordStartsASentence) {
  Document doc = analyze("China's commerce ministry said on Thursday it would act.");
  const Entity* china = find(doc, "China");
  ASSERT_NE(china, nullptr);
  EXPECT_EQ(china->type, EntityType::kGpe);
  EXPECT_EQ(china->geo.feature, "PCLI");
}

TEST_F(PlacesInNames, NationalityBeforeATitleIsAGroup) {
  Document doc = analyze("Russian President Vladimir Putin spoke on Monday.");
  const Entity* russian = find(doc, "Russian");
  ASSERT_NE(russian, nullptr);
  EXPECT_EQ(russian->type, EntityType::kNorp);
  EXPECT_EQ(std::string(russian->geo.country, 2), "RU");
}

TEST_F(PlacesInNames, CuratedCountyAndCitySection) {
  Document doc = analyze("Police in Kent said the road was closed. The Venice Commission met.");
  const Entity* kent = find(doc, "Kent");
  ASSERT_NE(kent, nullptr);
  EXPECT_EQ(std::string(kent->geo.country, 2), "GB");
  // Venice, Italy, not the Los Angeles neighbourhood (a city section, PPLX).
  const Entity* commission = find(doc, "Venice Commission");
  ASSERT_NE(commission, nullptr);
  EXPECT_EQ(std::string(commission->geo.country, 2), "IT");
}

TEST_F(PlacesInNames, CitySectionOfACitysSizeIsKnownByItsName) {
  // Hollywood, Los Angeles (a section of 168k people), not Hollywood, Florida.
  Document doc = analyze("The Hollywood actress arrived in Athens on Monday.");
  const Entity* hollywood = find(doc, "Hollywood");
  ASSERT_NE(hollywood, nullptr);
  EXPECT_EQ(hollywood->geo.geonameid, 5357527u);
  EXPECT_EQ(hollywood->geo.admin1, "CA");
}

TEST_F(PlacesInNames, PlaceCommaDivision) {
  Document doc = analyze("The girl from Buffalo, New York, died. She grew up near Paris, Texas.");
  const Entity* ny = find(doc, "New York");
  ASSERT_NE(ny, nullptr);
  EXPECT_EQ(ny->geo.feature, "ADM1");  // the state that has a Buffalo, not the city
  const Entity* paris = find(doc, "Paris");
  ASSERT_NE(paris, nullptr);
  EXPECT_EQ(std::string(paris->geo.country, 2), "US");  // the Paris in Texas
  EXPECT_EQ(paris->geo.admin1, "TX");
  EXPECT_EQ(paris->actor, "USA");
  Document georgia_doc = analyze("She flew from Atlanta, Georgia to Tbilisi on Monday.");
  const Entity* georgia = find(georgia_doc, "Georgia");
  ASSERT_NE(georgia, nullptr);
  EXPECT_EQ(georgia->geo.feature, "ADM1");
}

TEST_F(PlacesInNames, TownInTheDivisionOfTheOtherPlaces) {
  // Alone, the largest Riverdale (Georgia); among New Jersey towns, New Jersey's.
  Document alone = analyze("A winning ticket was sold at a gas station in Riverdale.");
  const Entity* georgia = find(alone, "Riverdale");
  ASSERT_NE(georgia, nullptr);
  EXPECT_EQ(georgia->geo.admin1, "GA");
  Document doc = analyze(
      "A winning ticket was sold at a gas station in Riverdale. Players from Paterson and "
      "Hackensack lined up.");
  const Entity* riverdale = find(doc, "Riverdale");
  ASSERT_NE(riverdale, nullptr);
  EXPECT_EQ(std::string(riverdale->geo.country, 2), "US");
  EXPECT_EQ(riverdale->geo.admin1, "NJ");
}

TEST_F(PlacesInNames, CountyIsReadInTheStateOfTheDocumentsOtherPlaces) {
  // Alone, "Morris County" is the most populous of its namesakes (New
  // Jersey's); in a story on Kansas towns it is the Kansas county, though
  // a hundred times smaller.
  Document alone = analyze("The ticket was sold in Morris County.");
  const Entity* nj = find(alone, "Morris County");
  ASSERT_NE(nj, nullptr);
  ASSERT_TRUE(nj->has_geo);
  EXPECT_EQ(nj->geo.admin1, "NJ");
  EXPECT_EQ(nj->geo.feature, "ADM2");
  Document doc = analyze("The storm hit Wichita and Topeka. The ticket was sold in Morris County.");
  const Entity* ks = find(doc, "Morris County");
  ASSERT_NE(ks, nullptr);
  ASSERT_TRUE(ks->has_geo);
  EXPECT_EQ(std::string(ks->geo.country, 2), "US");
  EXPECT_EQ(ks->geo.admin1, "KS");
}

TEST_F(PlacesInNames, FocusDoesNotPullToAFarSmallerNamesakeOfAnotherNamedCountry) {
  // The story names Britain once and the United States often: Manchester
  // (England) is more than three times the size of Manchester (New
  // Hampshire), so focus does not pull the name to the smaller town.
  Document doc = analyze(
      "The US said American and British soldiers were killed in Syria. US forces from Texas led "
      "the raid. The sergeant was born in Manchester.");
  const Entity* manchester = find(doc, "Manchester");
  ASSERT_NE(manchester, nullptr);
  EXPECT_EQ(std::string(manchester->geo.country, 2), "GB");
  // Without a word on Britain, the US focus still reads the US town.
  Document us = analyze(
      "The US said American soldiers were killed in Syria. US forces from Texas led the raid. "
      "The sergeant was born in Manchester.");
  const Entity* nh = find(us, "Manchester");
  ASSERT_NE(nh, nullptr);
  EXPECT_EQ(std::string(nh->geo.country, 2), "US");
}

TEST_F(PlacesInNames, BareDivisionNameOverATownElsewhereInTheCountry) {
  // "Wyoming" is the state, not the Michigan town of the name; "Idlib" is
  // still the city that the governorate is named after.
  Document state = analyze("A federal judge in Wyoming halted the rule on Tuesday.");
  const Entity* wyoming = find(state, "Wyoming");
  ASSERT_NE(wyoming, nullptr);
  EXPECT_EQ(wyoming->geo.feature, "ADM1");
  EXPECT_EQ(wyoming->geo.admin1, "WY");
  Document city = analyze("Officials in Idlib said the market was hit.");
  const Entity* idlib = find(city, "Idlib");
  ASSERT_NE(idlib, nullptr);
  EXPECT_EQ(idlib->geo.feature, "PPLA");
}

TEST_F(PlacesInNames, DivisionFollowedByMoreDivisionsIsAListNotAContainer) {
  Document list = analyze("Cases were reported in Washington, Pennsylvania and California.");
  const Entity* state = find(list, "Washington");
  ASSERT_NE(state, nullptr);
  EXPECT_EQ(state->geo.feature, "ADM1");
  EXPECT_EQ(state->geo.admin1, "WA");
  Document town = analyze("He grew up in Washington, Pennsylvania, near the river.");
  const Entity* pa = find(town, "Washington");
  ASSERT_NE(pa, nullptr);
  EXPECT_EQ(pa->geo.admin1, "PA");
  EXPECT_TRUE(pa->geo.feature.starts_with("PPL"));
}

TEST_F(PlacesInNames, SeatOfADivisionBeforeATownItsSizeInTheSameCountry) {
  // Moldova has two Briceni: the district seat and a slightly larger village.
  Document doc = analyze("Flooding cut roads near Briceni on Monday.");
  const Entity* briceni = find(doc, "Briceni");
  ASSERT_NE(briceni, nullptr);
  EXPECT_EQ(briceni->geo.feature, "PPLA");
}

TEST_F(PlacesInNames, PartOfACityBeforeTheCitysName) {
  // "Brooklyn, New York" names the city Brooklyn is part of; "Albany, New
  // York" the state that has an Albany.
  Document city = analyze("The clinic in Brooklyn, New York closed on Friday.");
  const Entity* nyc = find(city, "New York City");  // the reading's name
  ASSERT_NE(nyc, nullptr);
  EXPECT_TRUE(nyc->geo.feature.starts_with("PPL"));
  Document state = analyze("The plant in Albany, New York closed on Friday.");
  const Entity* ny = find(state, "New York");
  ASSERT_NE(ny, nullptr);
  EXPECT_EQ(ny->geo.feature, "ADM1");
}

TEST_F(PlacesInNames, TownsNamedTogetherLieTogether) {
  // Alone, Athens is the Greek capital; listed with two Georgia towns, the
  // Athens near them.
  Document alone = analyze("Crews worked in Athens on Sunday.");
  const Entity* greece = find(alone, "Athens");
  ASSERT_NE(greece, nullptr);
  EXPECT_EQ(std::string(greece->geo.country, 2), "GR");
  Document doc = analyze("Crews worked in Marietta, Athens and Macon on Sunday.");
  const Entity* athens = find(doc, "Athens");
  ASSERT_NE(athens, nullptr);
  EXPECT_EQ(std::string(athens->geo.country, 2), "US");
  EXPECT_EQ(athens->geo.admin1, "GA");
  // A name read as a division keeps that reading beside a town near its
  // namesake hamlet (there is a Florida in New York State).
  Document state = analyze("Letters were mailed to offices in New York City and Florida.");
  const Entity* florida = find(state, "Florida");
  ASSERT_NE(florida, nullptr);
  EXPECT_EQ(florida->geo.feature, "ADM1");
  EXPECT_EQ(florida->geo.admin1, "FL");
}

TEST_F(PlacesInNames, PersonsNameInsideANameIsNoTown) {
  // "Douglas" and "Wilson" are towns of the United States too, but inside a
  // name after other words they are the people the school is named after.
  Document doc = analyze(
      "Schools in Virginia: Buckland Elementary, Ronald Wilson Reagan Middle, Patriot High. "
      "Students in Florida returned to Marjory Stoneman Douglas High School.");
  const Entity* middle = find(doc, "Ronald Wilson Reagan Middle");
  ASSERT_NE(middle, nullptr);
  EXPECT_NE(middle->geo.admin1, "NC");  // not Wilson, North Carolina
  const Entity* high = find(doc, "Marjory Stoneman Douglas High School");
  ASSERT_NE(high, nullptr);
  ASSERT_TRUE(high->has_geo);
  EXPECT_EQ(high->geo.admin1, "FL");  // placed by the text, not at Douglas, Arizona
  // A town that starts the name still names it ("Cavan County Council").
  Document cavan = analyze("Cavan County Council met in Ireland on Monday.");
  const Entity* council = find(cavan, "Cavan County Council");
  ASSERT_NE(council, nullptr);
  EXPECT_EQ(std::string(council->geo.country, 2), "IE");
}

TEST_F(PlacesInNames, TownInANameIsReadInTheDivisionOfTheOtherPlaces) {
  // The largest Allendale is in Michigan; among New Jersey towns, the club
  // named after Allendale is New Jersey's.
  Document alone = analyze("The Allendale Woman's Club in the United States met on Monday.");
  const Entity* michigan = find(alone, "Allendale Woman");
  ASSERT_NE(michigan, nullptr);
  EXPECT_EQ(michigan->geo.admin1, "MI");
  Document doc = analyze(
      "The Allendale Woman's Club in the United States met on Monday. Members came from "
      "Paterson and Hackensack.");
  const Entity* club = find(doc, "Allendale Woman");
  ASSERT_NE(club, nullptr);
  EXPECT_EQ(club->geo.admin1, "NJ");
}

TEST_F(PlacesInNames, StateOfQualifiesADivision) {
  Document doc = analyze("The first case was found in the state of Washington in December.");
  const Entity* washington = find(doc, "Washington");
  ASSERT_NE(washington, nullptr);
  EXPECT_EQ(washington->geo.feature, "ADM1");
  EXPECT_EQ(washington->geo.admin1, "WA");
}

TEST_F(PlacesInNames, TownNearTheCountyNamedAfterIt) {
  // The largest Croft is in Leicestershire; "Croft, Yorkshire" is one near
  // Yorkshire.
  Document alone = analyze("The season opens at Croft in June.");
  const Entity* leicestershire = find(alone, "Croft");
  ASSERT_NE(leicestershire, nullptr);
  EXPECT_LT(leicestershire->geo.lat, 53.0);
  Document doc = analyze("The season opens at Croft, Yorkshire, in June.");
  const Entity* croft = find(doc, "Croft");
  ASSERT_NE(croft, nullptr);
  EXPECT_EQ(std::string(croft->geo.country, 2), "GB");
  EXPECT_GT(croft->geo.lat, 53.0);
}

TEST_F(PlacesInNames, BasedOnAPlaceWhoseFirstWordsStandBeforeTheMention) {
  // Whatever the mention split, "Los Angeles-based" is based in Los Angeles,
  // not in Angeles (the Philippines).
  Document doc = analyze("He filed a claim against Los Angeles-based brokerage firm Wedbush.");
  bool los_angeles = false;
  for (const Entity& e : doc.entities)
    if (e.has_geo && e.name.find("Angeles") != std::string::npos) {
      EXPECT_EQ(std::string(e.geo.country, 2), "US") << e.name;
      los_angeles = true;
    }
  EXPECT_TRUE(los_angeles);
}

TEST_F(PlacesInNames, PeopleOfANationCarryTheNation) {
  // "English" stands for England, not for the whole United Kingdom.
  Document doc =
      analyze("They were found in the English city of Salisbury. British officials said.");
  const Entity* english = find(doc, "English");
  ASSERT_NE(english, nullptr);
  ASSERT_TRUE(english->has_geo);
  EXPECT_EQ(std::string(english->geo.country, 2), "GB");
  EXPECT_EQ(english->geo.admin1, "ENG");
  EXPECT_EQ(english->geo.feature, "ADM1");
  const Entity* british = find(doc, "British");
  ASSERT_NE(british, nullptr);
  EXPECT_EQ(british->geo.feature, "PCLI");
  // "the English city of": the town is England's, not Harare (once Salisbury).
  const Entity* salisbury = find(doc, "Salisbury");
  ASSERT_NE(salisbury, nullptr);
  EXPECT_EQ(std::string(salisbury->geo.country, 2), "GB");
}

TEST_F(PlacesInNames, HyphenPartDoesNotVouchForItsOwnCountry) {
  // "Nelson" elsewhere in the text is no evidence for New Zealand when the
  // name before the hyphen is "Nelson" itself.
  Document doc =
      analyze("Nelson residents voted on Monday. Michelle Mungall, MLA for Nelson-Creston, spoke.");
  const Entity* riding = find(doc, "Nelson-Creston");
  ASSERT_NE(riding, nullptr);
  EXPECT_FALSE(riding->has_geo && std::string(riding->geo.country, 2) == "NZ");
}

TEST_F(PlacesInNames, NameDoesNotVouchForItsOwnCountry) {
  // "Nelson" is also a New Zealand region: that reading of the name itself
  // puts no focus on New Zealand; Castlegar puts it on British Columbia.
  Document doc = analyze(
      "Nelson residents will find it easier. Instead of driving to Castlegar, people will visit "
      "the Nelson office.");
  const Entity* nelson = find(doc, "Nelson");
  ASSERT_NE(nelson, nullptr);
  EXPECT_EQ(std::string(nelson->geo.country, 2), "CA");
  EXPECT_EQ(nelson->geo.admin1, "02");
  // A named division votes twice, but a nation keeps its bare name: Wales
  // is not the English village after "England".
  Document wales_doc = analyze("She left England for a farm in Wales last year.");
  const Entity* wales = find(wales_doc, "Wales");
  ASSERT_NE(wales, nullptr);
  EXPECT_EQ(wales->geo.feature, "ADM1");
  EXPECT_EQ(wales->geo.admin1, "WLS");
}

TEST_F(PlacesInNames, FormerNamesOfEnglishNamedTownsAreNoAliases) {
  // GeoNames lists "Centreville" among Fremont's (California) other names;
  // English text means a Centreville. Forms of the name itself stay.
  Document doc = analyze("She grew up in Centreville and moved to Quebec City.");
  const Entity* centreville = find(doc, "Centreville");
  ASSERT_NE(centreville, nullptr);
  EXPECT_NE(centreville->geo.geonameid, 5350734u);  // Fremont
  EXPECT_EQ(centreville->geo.admin1, "VA");         // the largest Centreville
  const Entity* quebec = find(doc, "Québec");       // the reading named, of "Quebec City"
  ASSERT_NE(quebec, nullptr);
  EXPECT_EQ(quebec->geo.geonameid, 6325494u);  // Québec, the city
}

TEST_F(PlacesInNames, NameListedWithDivisionsIsADivision) {
  Document doc = analyze("Cases were found in Oregon, Texas, Washington and Wisconsin.");
  const Entity* wa = find(doc, "Washington");
  ASSERT_NE(wa, nullptr);
  EXPECT_EQ(wa->geo.feature, "ADM1");
  Document cities = analyze("Officials in London, Washington and Moscow said so.");
  const Entity* dc = find(cities, "Washington");
  ASSERT_NE(dc, nullptr);
  EXPECT_EQ(dc->geo.feature, "PPLC");
}

TEST_F(PlacesInNames, DictionaryWordsInLongerNamesAreNoPlaces) {
  Document doc = analyze(
      "A ferry runs to Fire Island in summer. Crowds gathered at the Central Mental Hospital.");
  for (const Entity& e : doc.entities) {
    if (!e.has_geo) continue;
    EXPECT_NE(std::string(e.geo.country, 2), "IS") << e.name;  // "Island" is no Iceland
    EXPECT_NE(e.geo.feature, "ADM1") << e.name;                // "Central" is no division here
  }
}

TEST_F(PlacesInNames, PlaceStartingAGuessedNameStaysAPlace) {
  Document doc = analyze(
      "They plan to reach Tianjin by Friday, lawyers said. Guards at the Tianjin No. 2 "
      "Detention Centre declined to comment.");
  const Entity* tianjin = find(doc, "Tianjin");
  ASSERT_NE(tianjin, nullptr);
  EXPECT_EQ(tianjin->type, EntityType::kGpe);
  EXPECT_EQ(std::string(tianjin->geo.country, 2), "CN");
}

TEST_F(PlacesInNames, UsCountiesArePlaces) {
  Document doc = analyze(
      "Orange County is one of the richest places in the state. Officials in Cuyahoga County "
      "said the levy would pass.");
  const Entity* cuyahoga = find(doc, "Cuyahoga County");
  ASSERT_NE(cuyahoga, nullptr);
  EXPECT_EQ(cuyahoga->type, EntityType::kGpe);
  ASSERT_TRUE(cuyahoga->has_geo);
  EXPECT_EQ(cuyahoga->geo.feature, "ADM2");
  EXPECT_EQ(cuyahoga->geo.admin1, "OH");
  EXPECT_NEAR(cuyahoga->geo.lat, 41.5, 0.5);
  EXPECT_NEAR(cuyahoga->geo.lon, -81.7, 0.5);
  // At a sentence start too, and the largest county of the name without other clues.
  const Entity* orange = find(doc, "Orange County");
  ASSERT_NE(orange, nullptr);
  ASSERT_TRUE(orange->has_geo);
  EXPECT_EQ(orange->geo.admin1, "CA");
}

TEST_F(PlacesInNames, RoadNumbersArePlacedLikeStreets) {
  Document doc = analyze(
      "A cyclist was hurt in a crash on the A120 at Coggeshall. The A120 southbound carriageway "
      "was closed, and traffic went via the A12, A131 and A414.");
  for (std::string name : {"A120", "A131"}) {
    const Entity* road = find(doc, name);
    ASSERT_NE(road, nullptr) << name;
    EXPECT_EQ(road->type, EntityType::kFac) << name;
    ASSERT_TRUE(road->has_geo) << name;
    EXPECT_EQ(std::string(road->geo.country, 2), "GB") << name;
    EXPECT_EQ(road->geo.geonameid, 0u) << name;  // near the town, not the town
  }
  // No road words around it: an aircraft, a vitamin.
  doc = analyze("Airbus A380 flights resumed. Doctors prescribed vitamin B12 to patients.");
  for (const Entity& e : doc.entities) EXPECT_NE(e.type, EntityType::kFac) << e.name;
}

TEST_F(PlacesInNames, AGuessedNameTakesTheReadingOfItsOtherMentions) {
  // "Nenagh" alone is guessed (a small town needs "in"); "in Nenagh" reads it.
  Document doc = analyze(
      "A Nenagh councillor said the houses were not fit to live in. Eleven families in Nenagh "
      "are waiting for a decision.");
  int nenagh = 0;
  for (const Entity& e : doc.entities) {
    if (e.name != "Nenagh") continue;
    ++nenagh;
    EXPECT_EQ(e.type, EntityType::kGpe);
    ASSERT_TRUE(e.has_geo);
    EXPECT_EQ(std::string(e.geo.country, 2), "IE");
    EXPECT_EQ(e.mentions.size(), 2u);
  }
  EXPECT_EQ(nenagh, 1);
  // A small place listed after a town the text reads as one is a place too.
  doc = analyze("Traffic backed up between Colchester and Marks Tey on Monday.");
  const Entity* tey = find(doc, "Marks Tey");
  ASSERT_NE(tey, nullptr);
  EXPECT_EQ(tey->type, EntityType::kGpe);
  ASSERT_TRUE(tey->has_geo);
  EXPECT_EQ(std::string(tey->geo.country, 2), "GB");
}

TEST_F(PlacesInNames, NameStartingWithAnAcronymLendsNoSurname) {
  Document doc = analyze(
      "CTV Saskatoon reported the arrest. A man pointed a replica handgun at a Saskatoon police "
      "officer.");
  const Entity* city = find(doc, "Saskatoon");
  ASSERT_NE(city, nullptr);
  EXPECT_NE(city->type, EntityType::kPer);
  ASSERT_TRUE(city->has_geo);
  EXPECT_EQ(std::string(city->geo.country, 2), "CA");
}

TEST_F(PlacesInNames, DivisionAbbreviations) {
  Document doc = analyze("FrontCounter BC opened an office on Monday.");
  bool placed = false;
  for (const Entity& e : doc.entities)
    if (e.has_geo && std::string(e.geo.country, 2) == "CA" && e.geo.admin1 == "02") placed = true;
  EXPECT_TRUE(placed);
  doc = analyze("The wall was built around 500 BC by farmers.");
  for (const Entity& e : doc.entities) EXPECT_FALSE(e.has_geo) << e.name;
}

TEST_F(PlacesInNames, UnknownPlacesAreInTheTownTheTextNames) {
  Document doc = analyze(
      "The Winnipeg Fire Paramedic Service said crews were called to the 200 block of River "
      "Avenue. Smoke was seen in the Crown Heights neighbourhood.");
  for (std::string name : {"River Avenue", "Crown Heights"}) {
    const Entity* e = find(doc, name);
    ASSERT_NE(e, nullptr) << name;
    ASSERT_TRUE(e->has_geo) << name;
    EXPECT_EQ(std::string(e->geo.country, 2), "CA") << name;
  }
}

TEST_F(PlacesInNames, RiversPlaceTheBodiesNamedAfterThem) {
  Document doc = analyze("The Cauvery Water Management Board has not been set up.");
  const Entity* board = find(doc, "Cauvery Water Management Board");
  ASSERT_NE(board, nullptr);
  EXPECT_EQ(board->type, EntityType::kOrg);
  ASSERT_TRUE(board->has_geo);
  EXPECT_EQ(std::string(board->geo.country, 2), "IN");
}

TEST_F(PlacesInNames, UnknownPlaceInAStoryOfSeveralCountriesNeedsANearTown) {
  // Ravenna is two sentences away and the story names the United States too.
  Document doc = analyze(
      "Talks were held in Ravenna on Monday. The U.S. envoy flew home on Tuesday. Later, "
      "fighters were seen near Tal-Abyad.");
  const Entity* far = find(doc, "Tal-Abyad");
  ASSERT_NE(far, nullptr);
  EXPECT_FALSE(far->has_geo);
  doc = analyze(
      "The U.S. envoy flew home on Tuesday. Officials in Ravenna said fighters were seen near "
      "Tal-Abyad.");
  const Entity* near = find(doc, "Tal-Abyad");
  ASSERT_NE(near, nullptr);
  ASSERT_TRUE(near->has_geo);
  EXPECT_EQ(std::string(near->geo.country, 2), "IT");
}

TEST_F(PlacesInNames, ElidedArticleIsPartOfTheName) {
  Document doc =
      analyze("Cholera reached Ghana, Cote d'Ivoire and Liberia. Côte d'Ivoire closed its border.");
  int found = 0;
  for (const Entity& e : doc.entities)
    if (e.has_geo && std::string(e.geo.country, 2) == "CI") found += e.mentions.size();
  EXPECT_EQ(found, 2);
  for (const Entity& e : doc.entities) EXPECT_NE(e.name, "Côte");
}

TEST_F(PlacesInNames, PlaceStartingWithATitleIsNoPerson) {
  Document doc = analyze(
      "Ducks were found in Queen Anne's County, Maryland. The government of Prince Edward Island "
      "said so. Prince George spoke later.");
  const Entity* county = find(doc, "Queen Anne's County");
  ASSERT_NE(county, nullptr);
  EXPECT_EQ(county->type, EntityType::kGpe);
  ASSERT_TRUE(county->has_geo);
  EXPECT_EQ(county->geo.admin1, "MD");
  const Entity* island = find(doc, "Prince Edward Island");
  ASSERT_NE(island, nullptr);
  EXPECT_EQ(island->type, EntityType::kGpe);
  ASSERT_TRUE(island->has_geo);
  EXPECT_EQ(std::string(island->geo.country, 2), "CA");
  // Two words stay a title and a person.
  const Entity* george = find(doc, "George");
  ASSERT_NE(george, nullptr);
  EXPECT_EQ(george->type, EntityType::kPer);
}

TEST_F(PlacesInNames, DiacriticSpellingOfAKnownName) {
  Document doc = analyze("The strain was first found in Zaïre in 1976.");
  const Entity* zaire = find(doc, "DR Congo");
  ASSERT_NE(zaire, nullptr);
  EXPECT_EQ(zaire->type, EntityType::kGpe);
}

TEST_F(PlacesInNames, UnknownNamesAfterSettlementWordsAreLocalPlaces) {
  Document doc = analyze(
      "Officials in Nairobi said the virus was found in the village of Kambaroto and in the slum "
      "Mwenjeru. Cases rose in the villages of Lamunde, Okwaro and Sigemba.");
  for (std::string name : {"Kambaroto", "Mwenjeru", "Lamunde", "Okwaro", "Sigemba"}) {
    const Entity* e = find(doc, name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->type, EntityType::kGpe) << name;
    ASSERT_TRUE(e->has_geo) << name;
    EXPECT_EQ(std::string(e->geo.country, 2), "KE") << name;
  }
  // A dictionary word after such a word names nothing new.
  doc = analyze("The meeting was held in the town Hall on Monday.");
  EXPECT_EQ(find(doc, "Hall"), nullptr);
}

TEST_F(PlacesInNames, NamesListedWithPlacesArePlaces) {
  Document doc =
      analyze("Flooding hit the districts of Kisumu, Tembari, Siaya and Oruwe in Kenya on Monday.");
  for (std::string name : {"Tembari", "Oruwe"}) {
    const Entity* e = find(doc, name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->type, EntityType::kGpe) << name;
  }
  // A list with a person in it is no list of places.
  doc = analyze("The award went to Kisumu, Mwangi and John Otieno.");
  const Entity* mwangi = find(doc, "Mwangi");
  if (mwangi != nullptr) {
    EXPECT_NE(mwangi->type, EntityType::kGpe);
  }
}

TEST_F(PlacesInNames, NameBeforeADivisionWordIsAPlace) {
  Document doc = analyze("The outbreak began in Kasai Occidental province of the DRC.");
  const Entity* kasai = find(doc, "Kasai-Occidental");
  ASSERT_NE(kasai, nullptr);
  EXPECT_EQ(kasai->type, EntityType::kGpe);
  ASSERT_TRUE(kasai->has_geo);
  EXPECT_EQ(std::string(kasai->geo.country, 2), "CD");
  doc = analyze("The outbreak began in Upper Mbali province of Zambia.");
  const Entity* mbali = find(doc, "Upper Mbali");
  ASSERT_NE(mbali, nullptr);
  EXPECT_EQ(mbali->type, EntityType::kGpe);
}

TEST_F(PlacesInNames, FormerDivisionsArePlaced) {
  Document doc = analyze("Birds must be kept indoors in Rogaland, Vestfold, Telemark and Østfold.");
  for (std::string name : {"Vestfold", "Telemark", "Østfold"}) {
    const Entity* e = find(doc, name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->type, EntityType::kGpe) << name;
    ASSERT_TRUE(e->has_geo) << name;
    EXPECT_EQ(std::string(e->geo.country, 2), "NO") << name;
  }
  doc = analyze("Cholera was reported in Kenya's Nyanza province and in Kisumu.");
  const Entity* nyanza = find(doc, "Nyanza Province");
  ASSERT_NE(nyanza, nullptr);
  ASSERT_TRUE(nyanza->has_geo);
  EXPECT_EQ(std::string(nyanza->geo.country, 2), "KE");
  doc = analyze("The epidemic in Rhône-Alpes grew.");
  const Entity* ra = find(doc, "Rhône-Alpes");
  ASSERT_NE(ra, nullptr);
  ASSERT_TRUE(ra->has_geo);
  EXPECT_EQ(std::string(ra->geo.country, 2), "FR");
}

TEST_F(PlacesInNames, TownThatIsAWordWithItsDivisionOrAfterIn) {
  Document doc = analyze(
      "Buffalo, New York may take patients. She died at the hospital in Paisley on Monday.");
  const Entity* buffalo = find(doc, "Buffalo");
  ASSERT_NE(buffalo, nullptr);
  ASSERT_TRUE(buffalo->has_geo);
  EXPECT_EQ(buffalo->geo.admin1, "NY");
  const Entity* paisley = find(doc, "Paisley");
  ASSERT_NE(paisley, nullptr);
  ASSERT_TRUE(paisley->has_geo);
  EXPECT_EQ(std::string(paisley->geo.country, 2), "GB");
  // Not a word after "in" at a sentence start, nor a small town.
  doc = analyze("In Berry fields the crop failed.");
  EXPECT_EQ(find(doc, "Berry"), nullptr);
}

TEST_F(PlacesInNames, AppositionsAndListsWithSettlementWordsNamePlaces) {
  Document doc = analyze(
      "A resident of Mabvuko, a suburb east of Harare, said the water was bad. The children were "
      "from Dogan Beyazli, a farming town in eastern Turkey. Turkey fired on Qamasli and other "
      "towns. Officials met in the Shankiln area.");
  for (std::string name : {"Mabvuko", "Dogan Beyazli", "Qamasli"}) {
    const Entity* e = find(doc, name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->type, EntityType::kGpe) << name;
  }
  const Entity* area = find(doc, "Shankiln");
  ASSERT_NE(area, nullptr);
  EXPECT_EQ(area->type, EntityType::kLoc);
  // The apposition's head must be the settlement word.
  doc = analyze("Mr Tom Bralo, a town councillor, said so.");
  const Entity* bralo = find(doc, "Tom Bralo");
  ASSERT_NE(bralo, nullptr);
  EXPECT_EQ(bralo->type, EntityType::kPer);
}

TEST_F(PlacesInNames, NaturalFeaturesAndCampsAreSites) {
  Document doc = analyze(
      "Repairs on the bridge over Lake Pontchartrain began in New Orleans. Refugees in Kenya's "
      "crowded Dadaab camps need help.");
  const Entity* lake = find(doc, "Lake Pontchartrain");
  ASSERT_NE(lake, nullptr);
  EXPECT_EQ(lake->type, EntityType::kLoc);
  ASSERT_TRUE(lake->has_geo);
  EXPECT_EQ(lake->geo.admin1, "LA");
  const Entity* camps = find(doc, "Dadaab");
  ASSERT_NE(camps, nullptr);
  EXPECT_EQ(camps->type, EntityType::kLoc);
}

TEST_F(PlacesInNames, UnknownPlaceIsNearTheTownOfItsOwnSentence) {
  // Lyon is named last before it, Baghdad in its own sentence.
  Document doc = analyze(
      "The French team met in Lyon on Monday. The United States sent doctors too. Police say the "
      "cakes were made in the Azamiyah district of Baghdad.");
  const Entity* district = find(doc, "Azamiyah");
  ASSERT_NE(district, nullptr);
  ASSERT_TRUE(district->has_geo);
  EXPECT_EQ(std::string(district->geo.country, 2), "IQ");
}

TEST_F(PlacesInNames, DatelineTownThatIsAWord) {
  Document doc = analyze("Mobile: Police said the bridge would reopen on Monday.");
  const Entity* mobile = find(doc, "Mobile");
  ASSERT_NE(mobile, nullptr);
  ASSERT_TRUE(mobile->has_geo);
  EXPECT_EQ(mobile->geo.admin1, "AL");
  // Not without the colon or dash.
  doc = analyze("Mobile phones were banned on Monday.");
  EXPECT_EQ(find(doc, "Mobile"), nullptr);
}

TEST_F(PlacesInNames, NameOneTravelsToInAKnownPlaceIsAPlace) {
  Document doc = analyze("Thousands of tourists troop to Kogeli in Kenya every year.");
  const Entity* kogeli = find(doc, "Kogeli");
  ASSERT_NE(kogeli, nullptr);
  EXPECT_EQ(kogeli->type, EntityType::kGpe);
  // A person one writes to is not.
  doc = analyze("He wrote to Kowalski in Poland.");
  const Entity* kowalski = find(doc, "Kowalski");
  if (kowalski != nullptr) {
    EXPECT_NE(kowalski->type, EntityType::kGpe);
  }
}

}  // namespace
}  // namespace claimtrace
