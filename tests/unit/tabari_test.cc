// TABARI dictionary reader and pattern coder, on small dictionaries written
// for these tests.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <string>
#include <string_view>
#include <vector>

#include "dict/tabari.h"

namespace claimtrace::dict {
namespace {

std::vector<std::string_view> words(const std::string& s, std::vector<std::string>& store) {
  store.clear();
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == ',' || c == '.') {
      if (!cur.empty()) store.push_back(cur);
      cur.clear();
      if (c != ' ') store.push_back(std::string(1, c));
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) store.push_back(cur);
  return {store.begin(), store.end()};
}

constexpr std::string_view kVerbs =
    "<SYNSETS>\n"
    "&FRUIT\n"
    "+APPLES\n"
    "+GREEN_PEARS\n"
    "</SYNSETS>\n"
    "<NOUN>\n"
    "HOPE_\n"
    "</NOUN>\n"
    "PRAISE [051] ; a comment\n"
    "- * { WARMLY | IN_PUBLIC } [052]\n"
    "- $ SAID + * [053:054]\n"
    "- * &FRUIT_FROM +  [055]\n"
    "- * NOTHING_ [---]\n"
    "WRITE [060]\n"
    "{ WROTE_ WRITTEN_ }\n"
    "- FAILED_TO_* [061]\n"
    "- NEVER ^ * [062]\n"
    "OPPOSE [112]\n"
    "- * THE_BIG~_PLAN [113]\n"
    "- * IN_ + [114]\n"
    "SCORN [###]\n"
    "SAID [023?]\n";

constexpr std::string_view kActors =
    "NORTHLAND [NOR]\n"
    "SOUTH_LAND_ [SOU]\n"
    "CAPTAIN_HOOK [NORGOV 200101-201012] [NORREB]\n"
    "+JAMES_HOOK\n"
    "KING WESTMARCH_ [WMK]\n"
    "OLD_KING\n"
    "\t[EAS <150101]\n"
    "\t[WES]\n";

Dictionaries make() {
  Dictionaries d;
  d.parse_verbs(kVerbs, "t.verbs");
  d.parse_actors(kActors, "t.actors", false);
  d.parse_actors("MINISTER_ [~GOVMIN]\nACTIVISTS_ [NGO~]\n", "t.agents", true);
  d.finish();
  return d;
}

TEST(TabariDict, VerbsAndPatterns) {
  Dictionaries d = make();
  EXPECT_TRUE(d.diagnostics().empty()) << d.diagnostics()[0].str();
  ASSERT_EQ(d.verbs().size(), 5u);
  const Verb& praise = d.verbs()[0];
  EXPECT_EQ(praise.root, "PRAISE");
  EXPECT_EQ(praise.base.code, "051");
  ASSERT_EQ(praise.patterns.size(), 4u);
  // {A | B} alternatives after the verb.
  ASSERT_EQ(praise.patterns[0].after.size(), 1u);
  EXPECT_EQ(praise.patterns[0].after[0].kind, ElemKind::kAlt);
  EXPECT_EQ(praise.patterns[0].after[0].alts.size(), 2u);
  // $ and + slots, nearest to the verb first; paired code.
  const Pattern& p1 = praise.patterns[1];
  ASSERT_EQ(p1.before.size(), 3u);
  EXPECT_EQ(p1.before[0].kind, ElemKind::kTarget);
  EXPECT_EQ(p1.before[1].kind, ElemKind::kWord);
  EXPECT_EQ(p1.before[2].kind, ElemKind::kSource);
  EXPECT_EQ(p1.code, "053");
  EXPECT_EQ(p1.code2, "054");
  // Synset joined by '_' to FROM.
  const Pattern& p2 = praise.patterns[2];
  ASSERT_EQ(p2.after.size(), 3u);
  EXPECT_EQ(p2.after[0].kind, ElemKind::kSynset);
  EXPECT_EQ(p2.after[0].word, "FRUIT");
  EXPECT_TRUE(p2.after[1].tight);
  EXPECT_FALSE(p2.after[2].tight);
  // [---] codes nothing.
  EXPECT_TRUE(praise.patterns[3].code.empty());
  // '_' before the verb: adjacent, exact words.
  const Pattern& w = d.verbs()[1].patterns[0];
  ASSERT_EQ(w.before.size(), 2u);
  EXPECT_EQ(w.before[0].word, "TO");
  EXPECT_TRUE(w.before[0].tight);
  EXPECT_TRUE(w.before[0].exact);
  EXPECT_EQ(d.verbs()[1].patterns[1].before[0].kind, ElemKind::kSkip);
  ASSERT_EQ(d.synsets().at("FRUIT").size(), 2u);
  EXPECT_TRUE(d.is_noun("HOPE"));
}

TEST(TabariDict, VerbForms) {
  Dictionaries d = make();
  std::vector<uint32_t> out;
  for (const char* f : {"PRAISE", "PRAISES", "PRAISED", "PRAISING", "WROTE", "WRITES"}) {
    d.verbs_for(f, out);
    EXPECT_FALSE(out.empty()) << f;
  }
  d.verbs_for("WROTEN", out);  // WROTE_ is a whole word
  EXPECT_TRUE(out.empty());
  d.verbs_for("PRAISEWORTHY", out);  // the root is a stem
  EXPECT_EQ(out.size(), 1u);
}

TEST(TabariDict, ActorsWithDates) {
  Dictionaries d = make();
  ASSERT_EQ(d.actors().size(), 8u);
  const ActorView hook = d.actors()[2];
  EXPECT_TRUE(d.actors()[4].phrase.gap[1]);
  EXPECT_FALSE(d.actors()[1].phrase.gap[1]);
  ASSERT_EQ(hook.codes.size(), 2u);
  EXPECT_EQ(hook.codes[0].code, "NORGOV");
  EXPECT_EQ(hook.codes[0].from, 20200101);
  EXPECT_EQ(hook.codes[0].to, 20201012);
  EXPECT_EQ(hook.codes[1].from, 0);
  // A synonym line shares its group's codes.
  std::vector<std::string> james;
  for (size_t k = 0; k < d.actors()[3].phrase.words.size(); ++k)
    james.emplace_back(d.actors()[3].phrase.words[k]);
  EXPECT_EQ(james, (std::vector<std::string>{"JAMES", "HOOK"}));
  EXPECT_EQ(d.actors()[3].codes.size(), 2u);
  // Codes on the lines after the name; "<date" restriction.
  const ActorView king = d.actors()[5];
  ASSERT_EQ(king.codes.size(), 2u);
  EXPECT_EQ(king.codes[0].to, 20150100);
  EXPECT_TRUE(d.actors()[1].phrase.exact[1]);
  EXPECT_TRUE(d.actors()[6].agent);
}

TEST(TabariDict, ErrorsNameFileAndLineAndGoOn) {
  Dictionaries d;
  d.parse_verbs("- * X [010]\nHELP [040]\n- * NO CODE\n- * {A | B [041]\nAID [042]\n", "bad.verbs");
  d.parse_actors("GOOD [GOO]\nBROKEN [991201-010114]\nLATE [LAT 99x]\n", "bad.actors", false);
  d.finish();
  std::vector<std::string> msgs;
  for (const Diagnostic& e : d.diagnostics()) msgs.push_back(e.str());
  ASSERT_EQ(msgs.size(), 5u);
  EXPECT_EQ(msgs[0].rfind("bad.verbs:1:", 0), 0u) << msgs[0];
  EXPECT_EQ(msgs[1].rfind("bad.verbs:3:", 0), 0u) << msgs[1];
  EXPECT_EQ(msgs[2].rfind("bad.verbs:4:", 0), 0u) << msgs[2];
  EXPECT_EQ(msgs[3].rfind("bad.actors:2:", 0), 0u) << msgs[3];
  EXPECT_EQ(msgs[4].rfind("bad.actors:3:", 0), 0u) << msgs[4];
  EXPECT_EQ(d.verbs().size(), 2u);  // HELP and AID survive
  EXPECT_EQ(d.actors().size(), 3u);
}

TEST(TabariDict, MissingProjectIsAnError) {
  Dictionaries d;
  EXPECT_FALSE(d.load_project("/nonexistent/x.project"));
  ASSERT_EQ(d.diagnostics().size(), 1u);
}

TEST(TabariCoder, CodesSentences) {
  Dictionaries d = make();
  std::vector<std::string> store;
  auto code = [&](const std::string& s, int date = 0) {
    std::vector<std::string> out;
    for (const CodedEvent& e : code_sentence(d, words(s, store), date))
      out.push_back(e.source.code + "/" + e.target.code + "/" + e.code);
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(code("Northland praised South Land on Monday."), V{"NOR/SOU/051"});
  EXPECT_EQ(code("Northland praised South Land warmly."), V{"NOR/SOU/052"});
  EXPECT_EQ(code("Northland praised apples from South Land."), V{"NOR/SOU/055"});
  EXPECT_EQ(code("Northland praised green pears from South Land."), V{"NOR/SOU/055"});
  EXPECT_EQ(code("Northland praised nothing about South Land."), V{});
  EXPECT_EQ(code("Northland said South Land praised it."), (V{"NOR/SOU/053", "SOU/NOR/054"}));
  // Irregular form, determiner and capitalization make it a noun.
  EXPECT_EQ(code("Northland wrote to South Land."), V{"NOR/SOU/060"});
  EXPECT_EQ(code("Northland never really wrote to South Land."), V{"NOR/SOU/062"});
  EXPECT_EQ(code("Northland never wrote to South Land."), V{"NOR/SOU/060"});
  EXPECT_EQ(code("Northland read the Praise of South Land."), V{});
  EXPECT_EQ(code("Northland read the praise of South Land."), V{});
  // Date-restricted codes by the record date.
  EXPECT_EQ(code("Captain Hook praised Northland.", 20200301), V{"NORGOV/NOR/051"});
  EXPECT_EQ(code("Captain Hook praised Northland.", 20210301), V{"NORREB/NOR/051"});
  EXPECT_EQ(code("Old King praised Northland.", 20100301), V{"EAS/NOR/051"});
  EXPECT_EQ(code("Old King praised Northland.", 20160301), V{"WES/NOR/051"});
  // A space in an actor phrase lets words come between, '_' does not.
  EXPECT_EQ(code("The King of the Westmarch praised Northland."), V{"WMK/NOR/051"});
  EXPECT_EQ(code("Old and King praised Northland."), V{});
  // Agents join actors; compound actors code once each.
  EXPECT_EQ(code("Northland 's minister praised South Land."), V{"NORGOVMIN/SOU/051"});
  EXPECT_EQ(code("Northland and Old King praised South Land.", 20200101),
            (V{"NOR/SOU/051", "WES/SOU/051"}));
  // A comma list needs "and"; no actor codes against itself.
  EXPECT_EQ(code("Northland praised South Land, Northland said."), V{"NOR/SOU/051"});
  // Plural and possessive endings of whole-word actors.
  EXPECT_EQ(code("Northland praised South Land's navy."), V{"NOR/SOU/051"});
  // An agent alone is an actor with its agent code.
  EXPECT_EQ(code("Activists praised Northland."), V{"NGO/NOR/051"});
  EXPECT_EQ(code("Ministers praised Northland."), V{"~GOVMIN/NOR/051"});
}

TEST(TabariCoder, PatternsClausesAndVoice) {
  Dictionaries d = make();
  std::vector<std::string> store;
  auto code = [&](const std::string& s) {
    std::vector<std::string> out;
    for (const CodedEvent& e : code_sentence(d, words(s, store), 0))
      out.push_back(e.source.code + "/" + e.target.code + "/" + e.code);
    return out;
  };
  using V = std::vector<std::string>;
  // '~' keeps a word a stem before '_'; "IN_ +" lets words come between.
  EXPECT_EQ(code("Northland opposed the biggest plan of South Land."), V{"NOR/SOU/113"});
  EXPECT_EQ(code("Northland opposed the big plan of South Land."), V{"NOR/SOU/113"});
  EXPECT_EQ(code("Northland opposed in the end South Land."), V{"NOR/SOU/114"});
  // Passive voice swaps the slots.
  EXPECT_EQ(code("South Land was opposed by Northland."), V{"NOR/SOU/112"});
  // A second clause after "and", its pronoun standing for the first source.
  EXPECT_EQ(code("Northland praised South Land and then it opposed Old King."),
            (V{"NOR/SOU/051", "NOR/WES/112"}));
  // A later clause without a subject keeps the earlier source.
  EXPECT_EQ(code("Northland praised South Land and opposed Old King."),
            (V{"NOR/SOU/051", "NOR/WES/112"}));
  // A discard code silences the sentence; a '?' code is a fallback.
  EXPECT_EQ(code("Northland scorned South Land."), V{});
  EXPECT_EQ(code("Northland said South Land was lovely."), V{"NOR/SOU/023"});
  EXPECT_EQ(code("Northland said it opposed South Land."), V{"NOR/SOU/112"});
}

}  // namespace
}  // namespace claimtrace::dict

namespace claimtrace::dict {
namespace {

// Found by fuzz_dictionaries: a number too large for int threw out of the parser.
TEST(TabariOptions, HugeNumbersAreAnErrorNotAnException) {
  Dictionaries d;
  d.parse_options("SET: MINIMUM WORDS = 99999999999999999999\nSET: MINIMUM WORDS = 4\n",
                  "o.options");
  ASSERT_EQ(d.diagnostics().size(), 1u);
  EXPECT_EQ(d.diagnostics()[0].str().rfind("o.options:1:", 0), 0u) << d.diagnostics()[0].str();
  EXPECT_EQ(d.options().min_words, 4);
}

// Found by fuzz_dictionaries: substitutions whose alternatives name
// substitutions again used to expand until memory ran out.
TEST(PetrarchDict, SelfReferentialSubstitutionsStopWithAnError) {
  Dictionaries d;
  d.parse_actors("!X! = A !X!, B !X!\nZ_!X! [ABC]\nNORTHLAND [NOR]\n", "s.txt", false, true);
  d.finish();
  ASSERT_EQ(d.diagnostics().size(), 1u);
  EXPECT_EQ(d.diagnostics()[0].str().rfind("s.txt:2:", 0), 0u) << d.diagnostics()[0].str();
  EXPECT_LT(d.actors().size(), 10002u);  // bounded, and the lines after it still load
  EXPECT_EQ(d.actors().back().phrase.words.size(), 1u);
}

TEST(PetrarchDict, VerbBlocksPhrasesAndSubstitutions) {
  Dictionaries d;
  d.parse_petrarch_verbs(
      "&ARMY\n"
      "+TROOPS\n"
      "+ARMED_FORCES\n"
      "---  HELP   [070]  ---\n"
      "HELP\n"
      "ASSIST [071] # own code\n"
      "- * (WITH {FOOD AID})   [073]  # phrase in a group\n"
      "- * &ARMY\n"
      "- * {BROKEN [099]\n",
      "v.txt");
  d.parse_actors("# comment\nNORTHLAND_ [NOR] # trailing\n+NORTH_LAND_\n", "a.txt", false, true);
  d.parse_actors("!PERSON! = MAN, WOMEN\nARMED_!PERSON! [~MIL]\n", "g.txt", true, true);
  d.finish();
  ASSERT_EQ(d.diagnostics().size(), 1u);
  EXPECT_EQ(d.diagnostics()[0].str().rfind("v.txt:9:", 0), 0u) << d.diagnostics()[0].str();
  ASSERT_EQ(d.verbs().size(), 2u);
  EXPECT_EQ(d.verbs()[0].base.code, "070");
  EXPECT_EQ(d.verbs()[1].base.code, "071");
  ASSERT_EQ(d.verbs()[1].patterns.size(), 2u);      // shared by the block
  EXPECT_EQ(d.verbs()[1].patterns[1].code, "070");  // no code: the block's
  EXPECT_EQ(d.actors().size(), 4u);                 // two actors, two expanded agents
  std::vector<std::string> store{"Northland", "assisted", "North", "Land", "with", "food", "aid"};
  std::vector<std::string_view> w(store.begin(), store.end());
  auto ev = code_sentence(d, w, 0);
  ASSERT_EQ(ev.size(), 0u);  // one actor only (self-events are dropped)
  store = {"Armed", "women", "helped", "Northland", "with", "food", "aid"};
  w.assign(store.begin(), store.end());
  ev = code_sentence(d, w, 0);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].source.code, "~MIL");
  EXPECT_EQ(ev[0].code, "073");
}

}  // namespace
}  // namespace claimtrace::dict

namespace claimtrace::dict {
namespace {

std::vector<std::string> coded(const Dictionaries& d, const std::string& s, int date = 0) {
  std::vector<std::string> store, out;
  for (const CodedEvent& e : code_sentence(d, words(s, store), date))
    out.push_back(e.source.code + "/" + e.target.code + "/" + e.code);
  return out;
}

TEST(TabariOptions, CommaClausesMinimumWordsAndAgents) {
  using V = std::vector<std::string>;
  Dictionaries d = make();
  d.parse_options(
      "// comment\n"
      "COMMA: MIN = 2 MAX = 4 EMIN = 2 EMAX = 3 BMIN = 255 BMAX = 0\n"
      "SET: MINIMUM WORDS = 4\n"
      "SET: CONVERT AGENT = FALSE\n"
      "COMMA: SIDEWAYS = 3\n"
      "just some words\n",
      "t.options");
  ASSERT_EQ(d.diagnostics().size(), 2u);
  EXPECT_EQ(d.diagnostics()[0].str(), "t.options:5: unknown COMMA: setting SIDEWAYS");
  EXPECT_EQ(d.diagnostics()[1].line, 6);
  EXPECT_TRUE(d.options().comma);
  EXPECT_EQ(d.options().comma_max, 4);
  EXPECT_EQ(d.options().min_words, 4);
  // The internal clause (3 words) goes, so South Land is the target.
  EXPECT_EQ(coded(d, "Northland praised, as Old King did, South Land today."), V{"NOR/SOU/051"});
  // Five words is longer than MAX: the clause stays and Old King is the target.
  EXPECT_EQ(coded(d, "Northland praised, as Old King did very loudly, South Land today.", 20200101),
            V{"NOR/WES/051"});
  // A terminal clause of two words goes, one of four stays.
  EXPECT_EQ(coded(d, "Northland praised the plan, said South Land."), V{});
  EXPECT_EQ(coded(d, "Northland praised the plan, as told to South Land."), V{"NOR/SOU/051"});
  // Commas in a list of actors are not clauses.
  EXPECT_EQ(coded(d, "Northland praised South Land, Northland and Old King.", 20200101).size(), 2u);
  EXPECT_EQ(coded(d, "Northland praised Southland."), V{});  // three words
  EXPECT_EQ(coded(d, "Ministers praised Northland today."), V{});
  d.parse_options("COMMA: OFF\nSET: CONVERT AGENT = TRUE\n", "t2.options");
  EXPECT_FALSE(d.options().comma);
  EXPECT_EQ(coded(d, "Northland praised the plan, said South Land."), V{"NOR/SOU/051"});
  EXPECT_EQ(coded(d, "Ministers praised Northland today."), V{"~GOVMIN/NOR/051"});
}

TEST(TabariCoder, DiscardsAndNeitherNor) {
  using V = std::vector<std::string>;
  Dictionaries d;
  d.parse_verbs(
      "PRAISE [051]\nSCORN [111]\nLOREM_IPSUM [###]\n"
      "<TIME>\nONCE_UPON_A_TIME [###]\nNEXT_WEEK [+7]\n- * AND NEXT [+1]\nLATER\n</TIME>\n",
      "t.verbs");
  ASSERT_EQ(d.diagnostics().size(), 1u);
  EXPECT_EQ(d.diagnostics()[0].str(), "t.verbs:8: time phrase without [code]");
  d.parse_actors("NORTHLAND [NOR]\nSOUTHLAND [SOU]\nBANDITS_ [BAN <200101] [###]\n", "t.actors",
                 false);
  d.finish();
  EXPECT_EQ(coded(d, "Northland praised Southland."), V{"NOR/SOU/051"});
  // A verb phrase coded ### anywhere discards the sentence.
  EXPECT_EQ(coded(d, "Northland praised Southland , lorem ipsum ."), V{});
  // So does a <TIME> phrase coded ###; date shifts change nothing here.
  EXPECT_EQ(coded(d, "Once upon a time Northland praised Southland ."), V{});
  EXPECT_EQ(coded(d, "Northland praised Southland next week ."), V{"NOR/SOU/051"});
  // An actor coded ### on the record's date discards it; before 2020-01-01 (yymmdd
  // 200101) it codes BAN.
  EXPECT_EQ(coded(d, "Northland praised Southland and bandits.", 19990101),
            (V{"NOR/SOU/051", "NOR/BAN/051"}));
  EXPECT_EQ(coded(d, "Northland praised Southland and bandits.", 20250101), V{});
  EXPECT_EQ(coded(d, "Neither Northland nor Southland scorned bandits.", 19990101),
            (V{"NOR/BAN/111", "SOU/BAN/111"}));
}

TEST(TabariCoder, FormerAgentsAndAgentsBeforeActors) {
  using V = std::vector<std::string>;
  Dictionaries d = make();
  EXPECT_EQ(coded(d, "The minister of Northland praised South Land."), V{"NORGOVMIN/SOU/051"});
  EXPECT_EQ(coded(d, "The former minister of Northland praised South Land."), V{"NORELI/SOU/051"});
  EXPECT_EQ(coded(d, "Northland former ministers praised South Land."), V{"NORELI/SOU/051"});
  EXPECT_EQ(coded(d, "Activists Northland praised South Land."), V{"NGONOR/SOU/051"});
  // A pronoun stands for the sentence's first actor; none before it, none.
  EXPECT_EQ(coded(d, "Northland 's minister arrived and he praised South Land."),
            V{"NORGOVMIN/SOU/051"});
  EXPECT_EQ(coded(d, "He praised South Land , Northland said ."), V{});
}

TEST(TabariCoder, SpacedAlternativesAndLiteralOverSynset) {
  using V = std::vector<std::string>;
  Dictionaries d;
  d.parse_verbs(
      "<SYNSETS>\n&COIN\n+DUCAT\n+SILVER CROWN\n</SYNSETS>\n"
      "GIVE [070]\n{ GAVE_ }\n- * &COIN [071]\n- * DUCAT [072]\n- { WARMLY GLADLY | COLDLY } * "
      "[073]\n",
      "t.verbs");
  d.parse_actors("NORTHLAND [NOR]\nSOUTHLAND [SOU]\n", "t.actors", false);
  d.finish();
  EXPECT_EQ(coded(d, "Northland gave ducats to Southland."), V{"NOR/SOU/072"});
  EXPECT_EQ(coded(d, "Northland gave a silver crown to Southland."), V{"NOR/SOU/071"});
  // A space inside a synset member or an alternative lets words come between.
  EXPECT_EQ(coded(d, "Northland gave a silver royal crown to Southland."), V{"NOR/SOU/071"});
  EXPECT_EQ(coded(d, "Northland warmly and gladly gave bread to Southland."), V{"NOR/SOU/073"});
  EXPECT_EQ(coded(d, "Northland gave bread to Southland."), V{"NOR/SOU/070"});
}

TEST(TabariCoder, SkipsTargetsPronounsAndAgentBlocks) {
  using V = std::vector<std::string>;
  Dictionaries d;
  d.parse_verbs(
      "CELEBRATE [040]\n- * FEAST AT ^ ^ + [044]\n"
      "WARN [160]\n- $ ^ FOR * [164]\n"
      "VOW [170]\n- * RESIST { TO THE END | TO THE DEATH } [113]\n"
      "- * RESISTANCE TO THE INVADING [114]\n"
      "SHOT [180]\n- + WAS * DEAD [181]\n"
      "ASSIST [092]\nURGE [102]\n",
      "t.verbs");
  d.parse_actors(
      "<ADJECTIVE>\nAWFUL\nEVIL\n</ADJECTIVE>\n<NOUN>\nSHEEP\nGOATS\n</NOUN>\n"
      "NORTHLAND [NOR]\nSOUTHLAND [SOU]\nEASTMARCH [EAS]\nWESTMARCH [WES]\n"
      "GREAT_LAKE_REPUBLIC [GLR]\nAL GORE [TEN]\nKALIM [KAL]\nOLD_BORDERLAND [GMWGOV]\n"
      "GONZO_CORP [GONGMO]\nVAL_DORE [VDR]\n",
      "t.actors", false);
  d.parse_actors("MINISTER_ [~GOV]\nWORLD_COUNCIL_ [~WGO]\nRIGHTS_ACTIVISTS_ [NGM~]\n", "t.agents",
                 true);
  d.finish();
  ASSERT_TRUE(d.diagnostics().empty()) << d.diagnostics()[0].str();
  // A '^' skips the next actor whole, a few words on; the target follows.
  EXPECT_EQ(coded(d,
                  "Northland celebrated the feast at Southland with the leaders of Eastmarch "
                  "in Westmarch."),
            V{"NOR/WES/044"});
  // With no actor after the verb, the target is the next actor after the
  // source that no '^' skipped.
  EXPECT_EQ(coded(d, "Northland was Great Lake Republic for Southland warning next week."),
            V{"NOR/SOU/164"});
  EXPECT_EQ(coded(d, "Northland asked that Southland assist with the plan."), V{"NOR/SOU/092"});
  // At a tie in words, literal words beat alternatives.
  EXPECT_EQ(coded(d, "Northland vowed resistance to the end to the invading Southland."),
            V{"NOR/SOU/114"});
  EXPECT_EQ(coded(d, "Northland vowed to resist to the death Southland."), V{"NOR/SOU/113"});
  // A '+' before the verb and no '$': the source comes after the verb.
  EXPECT_EQ(coded(d, "A Northlander was shot dead in Southland."), V{"SOU/NOR/181"});
  // "they" stands for a whole compound source; "them" for the source is no target.
  EXPECT_EQ(coded(d,
                  "Northland and Southland urged Eastmarch to wait and then they asked that "
                  "Westmarch assist them."),
            (V{"NOR/EAS/102", "SOU/EAS/102", "NOR/WES/092", "SOU/WES/092"}));
  // The default target is looked for before the next "and", "but" or "or"
  // that joins no actors or listed nouns.
  EXPECT_EQ(coded(d, "Northland asked that Eastmarch assist or warned Southland."),
            (V{"NOR/EAS/092", "NOR/SOU/160"}));
  EXPECT_EQ(coded(d, "Northland asked that Eastmarch assist sheep and goats from Southland."),
            V{"NOR/SOU/092"});
  // "or" starts a clause, as "and" and "but" do.
  EXPECT_EQ(coded(d, "Northland urged Eastmarch to wait or warned Southland."),
            (V{"NOR/EAS/102", "NOR/SOU/160"}));
  // Quotation marks inside a spaced actor phrase are passed over.
  EXPECT_EQ(coded(d, "Northland warned Al \" The Weasel \" Gore today."), V{"NOR/TEN/160"});
  // Words joined by hyphens are the phrase with '_' ("Val-Dore" is VAL_DORE).
  EXPECT_EQ(coded(d, "Northland warned the Val-Dore group."), V{"NOR/VDR/160"});
  EXPECT_EQ(coded(d, "Northland warned the Val-Doresque group."), V{"NOR/VDR/160"});
  EXPECT_EQ(coded(d, "Northland warned the Val-Mare group."), V{});
  // "and" between two listed adjectives joins no actors; between actors it does.
  EXPECT_EQ(coded(d, "Northland's awful and evil minister Kalim warned Southland."),
            V{"NOR/SOU/160"});
  EXPECT_EQ(coded(d, "Northland and minister Kalim warned Southland."),
            (V{"NOR/SOU/160", "KALGOV/SOU/160"}));
  // Agent codes are added by three-letter blocks: GMWGOV holds GOV, not WGO.
  EXPECT_EQ(coded(d, "Old Borderland world council warned Southland."), V{"GMWGOVWGO/SOU/160"});
  EXPECT_EQ(coded(d, "Rights activists of Gonzo Corp warned Southland."), V{"NGMGONGMO/SOU/160"});
  EXPECT_EQ(coded(d, "Old Borderland minister warned Southland."), V{"GMWGOV/SOU/160"});
}

TEST(TabariCoder, ClausesCompoundsSpeakersAndFallbackCodes) {
  using V = std::vector<std::string>;
  Dictionaries d;
  d.parse_verbs(
      "WARN [160]\nURGE [102]\nREPORT [025?]\nSAID [023?]\n"
      "MET [---]\n- % * [044:045]\n",
      "t.verbs");
  d.parse_actors(
      "<ADJECTIVE>\nAWFUL\nEVIL\n</ADJECTIVE>\n<NOUN>\nSHEEP\n</NOUN>\n"
      "NORTHLAND [NOR]\nSOUTHLAND [SOU]\nEASTMARCH [EAS]\nWESTMARCH [WES]\nKALIM [KAL]\n",
      "t.actors", false);
  d.parse_actors("MINISTER_ [~GOV]\n", "t.agents", true);
  d.finish();
  ASSERT_TRUE(d.diagnostics().empty()) << d.diagnostics()[0].str();
  // Codes ending in '?' are used when no other verb codes: all of them.
  EXPECT_EQ(
      coded(d, "Northland reported troops near Southland and later said Eastmarch was wrong."),
      (V{"NOR/SOU/025", "NOR/EAS/023"}));
  EXPECT_EQ(coded(d, "Northland reported troops near Southland and warned Eastmarch."),
            V{"NOR/EAS/160"});
  // The speaker of "said" is not the target of the verb before it.
  EXPECT_EQ(coded(d, "Northland warned Fooland on Monday , the minister said ."), V{});
  EXPECT_EQ(coded(d, "Northland warned the minister on Monday."), V{"NOR/~GOV/160"});
  // The source again (here as "it") is passed over for the next actor.
  EXPECT_EQ(coded(d, "Northland warned that it would never leave Southland."), V{"NOR/SOU/160"});
  // "[A:B]" on a compound: every member codes A and B with every other.
  EXPECT_EQ(coded(d, "Northland and Southland met in Kalim."),
            (V{"NOR/SOU/044", "SOU/NOR/045", "SOU/NOR/044", "NOR/SOU/045"}));
  // After the "and" of a list, actors across determiners and listed
  // adjectives or after a possessive are still in it; names side by side not.
  EXPECT_EQ(coded(d, "Northland and the evil Southland awful Eastmarch warned Westmarch."),
            (V{"NOR/WES/160", "SOU/WES/160", "EAS/WES/160"}));
  EXPECT_EQ(coded(d, "Westmarch warned Northland and Southland's Kalim."),
            (V{"WES/NOR/160", "WES/SOU/160", "WES/KAL/160"}));
  EXPECT_EQ(coded(d, "Northland and Southland Eastmarch warned Westmarch."),
            (V{"NOR/WES/160", "SOU/WES/160"}));
  // An "and" that joins no actors, listed nouns or listed adjectives, with
  // no verb before it, starts the verb's clause: its first actor is the source.
  EXPECT_EQ(coded(d, "Northland's sheep and pigs of Southland warned Eastmarch."),
            V{"SOU/EAS/160"});
  EXPECT_EQ(coded(d, "Northland's awful and cool minister Kalim warned Southland."),
            V{"KALGOV/SOU/160"});
  EXPECT_EQ(coded(d, "Northland's awful and evil minister Kalim warned Southland."),
            V{"NOR/SOU/160"});
  // After a verb, the sentence's source carries on.
  EXPECT_EQ(coded(d, "Northland urged calm and pigs of Southland warned Eastmarch."),
            V{"NOR/EAS/160"});
}

TEST(PetrarchDict, IssuePhrasesPluralsHyphensAndExclusions) {
  Dictionaries d;
  d.parse_issues(
      "# issues of our own\n"
      "<ISSUE CATEGORY=\"FARMING\" TYPE=\"ALL\">\n"
      "n:tractor [MACHINES]\n"
      "crop+dusting plane [MACHINES]\n"
      "n:policy n:reform [FARM_POLICY]\n"
      "~tractor beam\n"
      "</ISSUE>\n"
      "<ISSUE CATEGORY=\"WATER\" TYPE=\"ALL\">\n"
      "n:well [WELLS]\n"
      "no code here\n"
      "n:pond [PONDS\n"
      "</ISSUE>\n",
      "t.issues");
  ASSERT_EQ(d.diagnostics().size(), 1u);
  // A phrase without a code is passed over (as PETRARCH does); an open bracket is an error.
  EXPECT_EQ(d.diagnostics()[0].str(), "t.issues:11: issue phrase with an unbalanced [CODE]");
  auto issues = [&](const std::string& s) {
    std::vector<std::string> store, out;
    for (const IssueMatch& m : find_issues(d, words(s, store)))
      out.push_back(m.category + ":" + m.code);
    return out;
  };
  using V = std::vector<std::string>;
  // Plurals, each issue once, in text order.
  EXPECT_EQ(issues("Two wells and new tractors , another tractor and policies reforms ."),
            (V{"WATER:WELLS", "FARMING:MACHINES", "FARMING:FARM_POLICY"}));
  // "a+b": hyphenated, closed up or as two words.
  EXPECT_EQ(issues("a crop-dusting plane"), V{"FARMING:MACHINES"});
  EXPECT_EQ(issues("a cropdusting plane"), V{"FARMING:MACHINES"});
  EXPECT_EQ(issues("a crop dusting plane"), V{"FARMING:MACHINES"});
  EXPECT_EQ(issues("a crop plane"), V{});
  // Inside an exclusion of its category the phrase does not count.
  EXPECT_EQ(issues("the tractor beam failed"), V{});
  EXPECT_TRUE(find_issues(make(), {"tractor"}).empty());
}

// `lexicon import` keeps the issues: a compiled file codes them as the text did.
TEST(TabariCompiled, IssuesSurviveCompilation) {
  Dictionaries d = make();
  d.parse_issues(
      "<ISSUE CATEGORY=\"FARMING\" TYPE=\"ALL\">\n"
      "n:tractor [MACHINES]\n"
      "crop+dusting plane [MACHINES]\n"
      "~tractor beam\n"
      "</ISSUE>\n",
      "t.issues");
  const std::string path =
      ::testing::TempDir() + "tabari_issues_" + std::to_string(::getpid()) + ".ctd";
  std::string err;
  ASSERT_TRUE(d.save_compiled(path, err)) << err;
  Dictionaries loaded;
  ASSERT_TRUE(loaded.load_compiled(path, err)) << err;
  std::remove(path.c_str());
  ASSERT_EQ(loaded.issues().size(), d.issues().size());
  auto issues = [](const Dictionaries& dict, const std::string& s) {
    std::vector<std::string> store, out;
    for (const IssueMatch& m : find_issues(dict, words(s, store)))
      out.push_back(m.category + ":" + m.code);
    return out;
  };
  for (const std::string s : {"new tractors arrived", "a crop-dusting plane", "the tractor beam"})
    EXPECT_EQ(issues(loaded, s), issues(d, s)) << s;
  EXPECT_EQ(issues(loaded, "new tractors arrived"), std::vector<std::string>{"FARMING:MACHINES"});
}

// A PETRARCH folder: files are read by their role; the validation suite's
// set (PETR.Validate.*) beside the real dictionaries, and files without a
// role, are left out with one note; XML comments are skipped, not reported
// line by line.
TEST(PetrarchDict, FolderReadsFilesByRoleAndNotesTheRestOnce) {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::path(::testing::TempDir()) / ("petrarch_folder_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
  };
  write("Our.verbs.txt",
        "<!-- OUR VERBS -->\n<!-- a comment\n   over two lines -->\n"
        "---  PRAISE   [051]  ---\nPRAISE\n");
  write("Our.actors.txt", "<!-- OUR ACTORS -->\nNORTHLAND [NOR]\nSOUTHLAND [SOU]\n");
  // The validation suite's own dictionaries code the same words otherwise.
  write("PETR.Validate.verbs.txt",
        "<!-- VALIDATION VERBS -->\n<!-- VERSION: 0.1 -->\n---  PRAISE   [999]  ---\nPRAISE\n");
  write("PETR.Validate.actors.txt",
        "<!-- VALIDATION ACTORS -->\nNORTHLAND [XXX]\nSOUTHLAND [YYY]\n");
  write("Our.prepositions.txt", "ABOUT\nABOVE\n");
  Dictionaries d;
  ASSERT_TRUE(d.load_petrarch(dir.string()));
  EXPECT_TRUE(d.diagnostics().empty()) << d.diagnostics()[0].str();
  ASSERT_EQ(d.notes().size(), 1u);
  const std::string& note = d.notes()[0];
  EXPECT_NE(note.find("PETR.Validate.actors.txt, PETR.Validate.verbs.txt (PETRARCH's validation"),
            std::string::npos)
      << note;
  EXPECT_NE(note.find("Our.prepositions.txt (no dictionary role)"), std::string::npos) << note;
  EXPECT_EQ(coded(d, "Northland praised Southland ."), std::vector<std::string>{"NOR/SOU/051"});

  // A folder of only the validation set is that set.
  fs::remove(dir / "Our.verbs.txt");
  fs::remove(dir / "Our.actors.txt");
  fs::remove(dir / "Our.prepositions.txt");
  Dictionaries v;
  ASSERT_TRUE(v.load_petrarch(dir.string()));
  EXPECT_TRUE(v.diagnostics().empty()) << v.diagnostics()[0].str();
  EXPECT_TRUE(v.notes().empty());
  EXPECT_EQ(coded(v, "Northland praised Southland ."), std::vector<std::string>{"XXX/YYY/999"});

  // A comment that never ends is one error at its first line.
  write("PETR.Validate.verbs.txt", "---  PRAISE   [999]  ---\nPRAISE\n<!-- no end\nWARN\n");
  Dictionaries u;
  ASSERT_TRUE(u.load_petrarch(dir.string()));
  ASSERT_EQ(u.diagnostics().size(), 1u);
  EXPECT_EQ(u.diagnostics()[0].line, 3);
  EXPECT_NE(u.diagnostics()[0].message.find("unclosed"), std::string::npos);

  // A folder with a PETR_config.ini reads the files it names, whatever else is there.
  write("PETR.Validate.verbs.txt", "---  PRAISE   [999]  ---\nPRAISE\n");
  write("Our.actors.txt", "NORTHLAND [NOR]\nSOUTHLAND [SOU]\n");
  write("PETR_config.ini",
        "[Dictionaries]\nverbfile_name = PETR.Validate.verbs.txt\n"
        "actorfile_list = PETR.Validate.actors.txt\n");
  Dictionaries c;
  ASSERT_TRUE(c.load_petrarch(dir.string()));
  EXPECT_TRUE(c.diagnostics().empty()) << c.diagnostics()[0].str();
  EXPECT_TRUE(c.notes().empty());
  EXPECT_EQ(coded(c, "Northland praised Southland ."), std::vector<std::string>{"XXX/YYY/999"});
  fs::remove_all(dir);
}

TEST(TabariText, SplitWordsAtPunctuationAndGluedCommas) {
  auto split = [](std::string_view text) {
    std::vector<std::string> out;
    for (const auto& [b, e] : split_words(text)) out.emplace_back(text.substr(b, e - b));
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(split("the Brown,arrived back."), (V{"the", "Brown", ",", "arrived", "back", "."}));
  EXPECT_EQ(split("1,000 men didn't go"), (V{"1,000", "men", "didn't", "go"}));
  EXPECT_EQ(split("war-torn (Gondor)"), (V{"war-torn", "(", "Gondor", ")"}));
}

TEST(PetrarchDict, SentenceAndStoryDiscards) {
  using V = std::vector<std::string>;
  Dictionaries d;
  d.parse_verbs("PRAISE [051]\n", "t.verbs");
  d.parse_actors("NORTHLAND [NOR]\nSOUTHLAND [SOU]\n", "t.actors", false, true);
  d.parse_discards("# comment\nYEARS LATER\n+Grand Regatta   # rowing\nSEASON [###]\n\n",
                   "t.discards");
  ASSERT_EQ(d.diagnostics().size(), 1u);
  EXPECT_EQ(d.diagnostics()[0].line, 4);
  d.finish();
  std::vector<std::string> store;
  bool story = true;
  EXPECT_EQ(code_sentence(d, words("Northland praised Southland .", store), 0, &story).size(), 1u);
  EXPECT_FALSE(story);
  EXPECT_TRUE(code_sentence(d, words("Years later Northland praised Southland .", store), 0, &story)
                  .empty());
  EXPECT_FALSE(story);
  // The phrase's words must be adjacent and whole.
  EXPECT_EQ(coded(d, "Years before and later Northland praised Southland ."), V{"NOR/SOU/051"});
  EXPECT_TRUE(code_sentence(d, words("Northland praised Southland at the Grand Regatta .", store),
                            0, &story)
                  .empty());
  EXPECT_TRUE(story);
}

TEST(PetrarchDict, VerbsOfABlockShareOnePatternList) {
  Dictionaries d;
  d.parse_petrarch_verbs(
      "---  HELP   [070]  ---\n"
      "HELP\n"
      "- * WARMLY [071]\n"
      "ASSIST\n"
      "- * QUICKLY [072]\n"
      "---  OPPOSE   [110]  ---\n"
      "OPPOSE\n"
      "- * STRONGLY [111]\n",
      "v.txt");
  d.parse_verbs("PRAISE [051]\n- * LOUDLY [052]\n", "t.verbs");
  d.parse_actors("NORTHLAND [NOR]\nSOUTHLAND [SOU]\n", "t.actors", false);
  d.finish();
  ASSERT_EQ(d.verbs().size(), 4u);
  const Verb &help = d.verbs()[0], &assist = d.verbs()[1];
  ASSERT_EQ(help.patterns.size(), 2u);
  // A verb joining the block later has only the patterns after it, the
  // same objects, not copies.
  ASSERT_EQ(assist.patterns.size(), 1u);
  EXPECT_EQ(assist.patterns[0].code, "072");
  EXPECT_EQ(&assist.patterns[0], &help.patterns[1]);
  ASSERT_EQ(d.verbs()[2].patterns.size(), 1u);
  EXPECT_EQ(d.verbs()[2].patterns[0].code, "111");
  ASSERT_EQ(d.verbs()[3].patterns.size(), 1u);
  EXPECT_EQ(d.verbs()[3].patterns[0].code, "052");
  using V = std::vector<std::string>;
  EXPECT_EQ(coded(d, "Northland assisted Southland quickly on Monday in the capital."),
            V{"NOR/SOU/072"});
  EXPECT_EQ(coded(d, "Northland helped Southland warmly on Monday in the capital."),
            V{"NOR/SOU/071"});
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(bytes.data(), static_cast<long>(bytes.size()));
}

uint64_t get_u64(const std::string& b, size_t at) {
  uint64_t v = 0;
  std::memcpy(&v, b.data() + at, 8);
  return v;
}

void put_u32(std::string& b, size_t at, uint32_t v) {
  std::memcpy(b.data() + at, &v, 4);
}

TEST(TabariCompiled, AnOlderFormatIsRefusedByName) {
  const std::string path =
      ::testing::TempDir() + "tabari_old_" + std::to_string(::getpid()) + ".ctd";
  write_bytes(path, std::string("CTDICT1\n") + std::string(64, '\0'));
  Dictionaries d;
  std::string err;
  EXPECT_FALSE(d.load_compiled(path, err));
  EXPECT_NE(err.find("another version"), std::string::npos) << err;
  EXPECT_NE(err.find("CTDICT1"), std::string::npos) << err;
  EXPECT_NE(err.find("lexicon import"), std::string::npos) << err;
  std::remove(path.c_str());
}

// The stored image is used in place: an offset or size that points outside
// its section refuses the file instead of being read.
TEST(TabariCompiled, OffsetsOutsideTheImageAreRefused) {
  Dictionaries d = make();
  const std::string path =
      ::testing::TempDir() + "tabari_offsets_" + std::to_string(::getpid()) + ".ctd";
  std::string err;
  ASSERT_TRUE(d.save_compiled(path, err)) << err;
  const std::string good = read_bytes(path);
  // Magic, u32 size of the length-prefixed part, that part, padding to 8.
  uint32_t serial = 0;
  std::memcpy(&serial, good.data() + 8, 4);
  const size_t image = (12 + serial + 7) / 8 * 8;
  // Image header: byte order, section count, six u64 key-length masks, then
  // (offset, size) per section: pool, words, codes, actors, then per index
  // slots, entries, ids, first_two.
  auto section = [&](int k) { return image + 8 + 6 * 8 + 16 * static_cast<size_t>(k); };
  const size_t words = image + get_u64(good, section(1));
  const size_t actors = image + get_u64(good, section(3));
  const size_t actor_exact_slots = image + get_u64(good, section(4 + 4 * 4));
  const size_t slots = get_u64(good, section(4 + 4 * 4) + 8) / 8;
  ASSERT_GT(slots, 0u);
  std::vector<std::pair<const char*, std::string>> damaged;
  std::string b = good;
  put_u32(b, section(0) + 8, 0xfffffff0);  // the pool's size
  damaged.emplace_back("pool size", b);
  b = good;
  put_u32(b, words, 0xfffffff0);  // a word's offset in the pool
  damaged.emplace_back("word offset", b);
  b = good;
  put_u32(b, actors + 4, 0);  // an actor of no words
  damaged.emplace_back("actor words", b);
  b = good;
  put_u32(b, actors, 0x7fffffff);  // an actor's first word
  damaged.emplace_back("actor first word", b);
  b = good;
  for (size_t k = 0; k < slots; ++k) put_u32(b, actor_exact_slots + 8 * k + 4, 1);
  damaged.emplace_back("no empty slot", b);  // probing would never stop
  b = good;
  put_u32(b, image, 0x04030201);
  damaged.emplace_back("byte order", b);
  for (const auto& [what, bytes] : damaged) {
    write_bytes(path, bytes);
    Dictionaries bad;
    EXPECT_FALSE(bad.load_compiled(path, err)) << what;
    EXPECT_NE(err.find("corrupt"), std::string::npos) << what << ": " << err;
  }
  write_bytes(path, good);
  Dictionaries back;
  EXPECT_TRUE(back.load_compiled(path, err)) << err;
  std::remove(path.c_str());
}

TEST(WordIndexTest, WholeWordsAndPrefixes) {
  WordIndex w;
  w.add("PRAIS", 1);
  w.add("PRAISE", 2);
  w.add("PRAISE", 3);
  w.add("P", 4);
  w.add("Q", 5);
  EXPECT_TRUE(w.find("PRAISE").empty());  // not laid out yet
  w.build();
  const auto ids = [](std::span<const uint32_t> s) {
    return std::vector<uint32_t>(s.begin(), s.end());
  };
  EXPECT_EQ(ids(w.find("PRAISE")), (std::vector<uint32_t>{2, 3}));
  EXPECT_TRUE(w.find("PRAISED").empty());
  std::vector<uint32_t> out;
  w.prefixes("PRAISED", out);
  EXPECT_EQ(out, (std::vector<uint32_t>{4, 1, 2, 3}));
  out.clear();
  w.prefixes("QUIET", out);
  EXPECT_EQ(out, (std::vector<uint32_t>{5}));
  // Many keys: the table grows and every key is still found.
  for (uint32_t k = 0; k < 5000; ++k) w.add("K" + std::to_string(k), 100 + k);
  w.build();
  for (uint32_t k = 0; k < 5000; k += 97) {
    ASSERT_FALSE(w.find("K" + std::to_string(k)).empty());
    EXPECT_EQ(w.find("K" + std::to_string(k)).front(), 100 + k);
  }
  EXPECT_EQ(w.keys().size(), 5004u);
  EXPECT_EQ(w.keys().front(), "PRAIS");
}

TEST(TabariCompiled, RoundTripCodesTheSameAndRejectsDamage) {
  Dictionaries d = make();
  d.parse_options("COMMA: MIN = 2 MAX = 4\nSET: MINIMUM WORDS = 3\n", "t.options");
  const std::string path =
      ::testing::TempDir() + "tabari_compiled_" + std::to_string(::getpid()) + ".ctd";
  std::string err;
  ASSERT_TRUE(d.save_compiled(path, err)) << err;
  Dictionaries back;
  ASSERT_TRUE(back.load_compiled(path, err)) << err;
  EXPECT_EQ(back.verbs().size(), d.verbs().size());
  EXPECT_EQ(back.actors().size(), d.actors().size());
  EXPECT_EQ(back.options().comma_max, 4);
  EXPECT_EQ(back.options().min_words, 3);
  for (const std::string s :
       {"Northland praised green pears from South Land.", "Northland never wrote to South Land.",
        "Captain Hook praised Northland.", "Northland 's minister praised South Land.",
        "Northland said South Land praised it.", "Northland read the Praise of South Land."})
    EXPECT_EQ(coded(back, s, 20200301), coded(d, s, 20200301)) << s;
  // The loaded file answers every lookup as the dictionaries it was made from.
  std::vector<uint32_t> a, b;
  for (const char* w :
       {"PRAISED", "WROTE", "NORTHLAND", "SOUTH", "HOOKS", "MINISTER", "HOPE", "X"}) {
    back.verbs_for(w, a);
    d.verbs_for(w, b);
    EXPECT_EQ(a, b) << w;
    back.actors_for(w, a);
    d.actors_for(w, b);
    EXPECT_EQ(a, b) << w;
    EXPECT_EQ(back.is_noun(w), d.is_noun(w)) << w;
  }
  EXPECT_TRUE(back.is_noun("HOPE"));
  // Truncated or foreign files are refused with a reason, never crash.
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  for (size_t cut : {bytes.size() - 1, bytes.size() / 2, size_t{12}, size_t{3}}) {
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(bytes.data(), static_cast<long>(cut));
    Dictionaries bad;
    EXPECT_FALSE(bad.load_compiled(path, err)) << cut;
    EXPECT_FALSE(err.empty());
  }
  std::string flipped = bytes;
  flipped[20] = '\x7f';
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(flipped.data(), static_cast<long>(flipped.size()));
  Dictionaries maybe;
  maybe.load_compiled(path, err);  // either refused or loaded; it must not crash
  std::remove(path.c_str());
  EXPECT_FALSE(back.load_compiled(path, err));
  EXPECT_NE(err.find("cannot read"), std::string::npos);
}

}  // namespace
}  // namespace claimtrace::dict
