// Tests for extract/hedging.cc: hedge, booster and negation cues and
// sentence uncertainty. All sentences here are written for these tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "extract/certainty_lexicon.h"
#include "extract/extract.h"
#include "segment/segmenter.h"
#include "tag/tagger.h"

namespace claimtrace {
namespace {

Document analyze(std::string text) {
  Document doc;
  doc.text = std::move(text);
  segment::segment(doc);
  extract::detect_certainty_cues(doc);
  return doc;
}

// With part of speech, as in the pipeline (the checks that need tags).
Document analyze_tagged(std::string text) {
  Document doc;
  doc.text = std::move(text);
  segment::segment(doc);
  tag::tag_document(tag::TagLexicon::builtin(), doc);
  extract::detect_certainty_cues(doc);
  return doc;
}

bool counted_hedge(const Document& doc) {
  for (const Cue& c : doc.cues)
    if (c.cue_class == CueClass::kHedge && extract::cue_counts(c)) return true;
  return false;
}

std::vector<const Cue*> cues_of(const Document& doc, CueClass cls) {
  std::vector<const Cue*> out;
  for (const Cue& c : doc.cues)
    if (c.cue_class == cls) out.push_back(&c);
  return out;
}

std::vector<std::string> texts_of(const Document& doc, CueClass cls) {
  std::vector<std::string> out;
  for (const Cue* c : cues_of(doc, cls)) out.emplace_back(doc.slice(c->span));
  return out;
}

using Strings = std::vector<std::string>;

TEST(Hedging, HedgeAdverbDetectedAndSentenceUncertain) {
  Document doc = analyze("The minister reportedly resigned on Tuesday.");
  ASSERT_EQ(doc.sentences.size(), 1u);
  EXPECT_EQ(texts_of(doc, CueClass::kHedge), Strings{"reportedly"});
  EXPECT_TRUE(doc.sentences[0].uncertain);
  EXPECT_EQ(cues_of(doc, CueClass::kHedge)[0]->rule, "hedge:reportedly");
}

TEST(Hedging, PlainStatementHasNoCuesAndIsCertain) {
  Document doc = analyze("The bridge opened to traffic on Monday morning.");
  EXPECT_TRUE(doc.cues.empty());
  ASSERT_EQ(doc.sentences.size(), 1u);
  EXPECT_FALSE(doc.sentences[0].uncertain);
}

TEST(Hedging, BoosterDetectedAndDoesNotMakeSentenceUncertain) {
  Document doc = analyze("Police officially confirmed the arrest.");
  EXPECT_EQ(texts_of(doc, CueClass::kBooster), (Strings{"officially", "confirmed"}));
  EXPECT_TRUE(texts_of(doc, CueClass::kHedge).empty());
  EXPECT_FALSE(doc.sentences[0].uncertain);
  for (const Cue* c : cues_of(doc, CueClass::kBooster)) EXPECT_TRUE(extract::cue_counts(*c));
}

TEST(Hedging, NegationDetectedIncludingContraction) {
  Document doc = analyze("She didn't attend and never called back; nobody came.");
  EXPECT_EQ(texts_of(doc, CueClass::kNegation), (Strings{"n't", "never", "nobody"}));
  EXPECT_FALSE(doc.sentences[0].uncertain);

  // "nobody knows" states an open question: one hedge cue, no negation cue.
  Document open = analyze("Nobody knows why the dam failed.");
  EXPECT_EQ(texts_of(open, CueClass::kHedge), Strings{"Nobody knows"});
  EXPECT_TRUE(texts_of(open, CueClass::kNegation).empty());
  EXPECT_TRUE(open.sentences[0].uncertain);
}

TEST(Hedging, DenialAndRefusalAreNegation) {
  Document doc = analyze("The company denied the report and refused to comment.");
  EXPECT_EQ(texts_of(doc, CueClass::kNegation), (Strings{"denied", "refused to"}));
}

TEST(Hedging, NotOnlyIsNotANegation) {
  Document doc = analyze("The plan helps not only farmers but also bakers.");
  EXPECT_TRUE(texts_of(doc, CueClass::kNegation).empty());
}

TEST(Hedging, MayTheMonthIsNotAHedge) {
  for (const char* text : {"The vote took place in May 2021.", "In May, the council met twice.",
                           "The fair opens on 3 May every year.", "May 2019 was unusually wet."}) {
    Document doc = analyze(text);
    EXPECT_TRUE(texts_of(doc, CueClass::kHedge).empty()) << text;
    EXPECT_FALSE(doc.sentences[0].uncertain) << text;
  }
}

TEST(Hedging, MayTheModalIsAHedge) {
  Document doc = analyze("The council may have approved the budget.");
  EXPECT_EQ(texts_of(doc, CueClass::kHedge), Strings{"may"});
  EXPECT_TRUE(doc.sentences[0].uncertain);
}

TEST(Hedging, SentenceInitialModalMayIsAHedge) {
  Document doc = analyze("May the deal be signed soon? Nobody can tell.");
  // "May" opening a question is the modal, not the month.
  EXPECT_EQ(texts_of(doc, CueClass::kHedge).size(), 1u);
}

TEST(Hedging, MightTheNounIsNotAHedge) {
  for (const char* text : {"The parade showed the military might of the republic.",
                           "She pushed the cart with all her might."}) {
    Document doc = analyze(text);
    EXPECT_TRUE(texts_of(doc, CueClass::kHedge).empty()) << text;
    EXPECT_FALSE(doc.sentences[0].uncertain) << text;
  }
  Document modal = analyze("The talks might resume in spring.");
  EXPECT_EQ(texts_of(modal, CueClass::kHedge), Strings{"might"});
  EXPECT_TRUE(modal.sentences[0].uncertain);
}

TEST(Hedging, RootModalIsEmittedButNotCounted) {
  Document doc = analyze("Visitors may park behind the library.");
  auto hedges = cues_of(doc, CueClass::kHedge);
  ASSERT_EQ(hedges.size(), 1u);
  EXPECT_FALSE(extract::cue_counts(*hedges[0]));
  EXPECT_EQ(hedges[0]->rule, "hedge:may:not-counted");
  EXPECT_FALSE(doc.sentences[0].uncertain);
}

TEST(Hedging, CouldNotIsAbilityNotHedge) {
  Document doc = analyze("The pilot could not land in the fog.");
  EXPECT_TRUE(texts_of(doc, CueClass::kHedge).empty());
  EXPECT_EQ(texts_of(doc, CueClass::kNegation), Strings{"not"});
  EXPECT_FALSE(doc.sentences[0].uncertain);

  Document doc2 = analyze("The fire could have started in the kitchen.");
  EXPECT_EQ(texts_of(doc2, CueClass::kHedge), Strings{"could"});
  EXPECT_TRUE(doc2.sentences[0].uncertain);
}

TEST(Hedging, ScareQuotedBoosterIsEmittedButNotCounted) {
  Document doc = analyze(
      "The site shared \xE2\x80\x9C"
      "confirmed information\xE2\x80\x9D about the storm.");
  auto boosters = cues_of(doc, CueClass::kBooster);
  ASSERT_EQ(boosters.size(), 1u);
  EXPECT_EQ(doc.slice(boosters[0]->span), "confirmed");
  EXPECT_FALSE(extract::cue_counts(*boosters[0]));
  EXPECT_EQ(boosters[0]->rule, "booster:confirmed:not-counted");

  Document plain = analyze("The agency confirmed the storm's path.");
  auto b2 = cues_of(plain, CueClass::kBooster);
  ASSERT_EQ(b2.size(), 1u);
  EXPECT_TRUE(extract::cue_counts(*b2[0]));
}

TEST(Hedging, BoostersInStraightAndSingleQuotesAreNotCounted) {
  Document doc = analyze(
      "They cited \"confirmed reports\" and \xE2\x80\x98"
      "clearly\xE2\x80\x99 false claims. Police "
      "clearly lied.");
  auto boosters = cues_of(doc, CueClass::kBooster);
  ASSERT_EQ(boosters.size(), 3u);
  EXPECT_FALSE(extract::cue_counts(*boosters[0]));  // "confirmed" in straight quotes
  EXPECT_FALSE(extract::cue_counts(*boosters[1]));  // 'clearly' in single curly quotes
  EXPECT_TRUE(extract::cue_counts(*boosters[2]));   // the writer's own "clearly"
}

TEST(Hedging, UncertainFlagSetOnlyOnHedgedSentence) {
  Document doc = analyze(
      "The mayor resigned on Friday. It is believed that she will move abroad. The office "
      "closed early.");
  ASSERT_EQ(doc.sentences.size(), 3u);
  EXPECT_FALSE(doc.sentences[0].uncertain);
  EXPECT_TRUE(doc.sentences[1].uncertain);
  EXPECT_FALSE(doc.sentences[2].uncertain);
}

TEST(Hedging, MultiwordCueSpansWholePhrase) {
  std::string text = "It is believed the tower leans, according to some engineers.";
  Document doc = analyze(text);
  EXPECT_EQ(texts_of(doc, CueClass::kHedge), (Strings{"It is believed", "according to some"}));
  auto hedges = cues_of(doc, CueClass::kHedge);
  ASSERT_EQ(hedges.size(), 2u);
  EXPECT_EQ(hedges[0]->span.begin, 0u);
  EXPECT_EQ(hedges[0]->span.end, 14u);
  EXPECT_EQ(hedges[0]->rule, "hedge:it is believed");
  EXPECT_TRUE(extract::is_weasel(*hedges[1]));
}

TEST(Hedging, PassiveBeliefVerbOnlyInPassive) {
  Document doc = analyze("The wreck is now thought to be Spanish.");
  EXPECT_EQ(texts_of(doc, CueClass::kHedge), Strings{"thought"});
  EXPECT_TRUE(doc.sentences[0].uncertain);

  Document active = analyze("He thought about the offer overnight.");
  EXPECT_TRUE(texts_of(active, CueClass::kHedge).empty());
  EXPECT_FALSE(active.sentences[0].uncertain);
}

TEST(Hedging, CapitalizedAndSentenceInitialForms) {
  Document doc =
      analyze("Perhaps the shop will reopen. ALLEGEDLY the owner left. Reportedly, it rained.");
  EXPECT_EQ(texts_of(doc, CueClass::kHedge), (Strings{"Perhaps", "ALLEGEDLY", "Reportedly"}));
  ASSERT_EQ(doc.sentences.size(), 3u);
  for (const Sentence& s : doc.sentences) EXPECT_TRUE(s.uncertain);
}

TEST(Hedging, VagueQuantifierIsWeaselButNotBeforeNumbersOrTime) {
  Document doc = analyze("Some critics say the film is too long.");
  EXPECT_TRUE(doc.sentences[0].uncertain);
  auto hedges = cues_of(doc, CueClass::kHedge);
  ASSERT_FALSE(hedges.empty());
  EXPECT_TRUE(extract::is_weasel(*hedges[0]));

  Document num = analyze("The storm left some 300 homes without power for many hours.");
  EXPECT_TRUE(texts_of(num, CueClass::kHedge).empty());
  EXPECT_FALSE(num.sentences[0].uncertain);
}

TEST(Hedging, ComparativeLikelihoodIsNotAHedge) {
  Document doc = analyze("Older bikes are more likely to rust.");
  EXPECT_TRUE(texts_of(doc, CueClass::kHedge).empty());
  Document hedged = analyze("The strike will likely end tomorrow.");
  EXPECT_EQ(texts_of(hedged, CueClass::kHedge), Strings{"likely"});
}

TEST(Hedging, ByteOffsetsAreExactAfterNonAsciiText) {
  // Multi-byte letters (2, 2, 2 and 3-byte characters) before the cue.
  std::string text =
      "Zo\xC3\xAB M\xC3\xBCller of \xC5\x81\xC3\xB3"
      "d\xC5\xBA \xE2\x82\xAC"
      "5 fund allegedly collapsed.";
  Document doc = analyze(text);
  auto hedges = cues_of(doc, CueClass::kHedge);
  ASSERT_EQ(hedges.size(), 1u);
  size_t at = text.find("allegedly");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(hedges[0]->span.begin, at);
  EXPECT_EQ(hedges[0]->span.end, at + 9);
  EXPECT_EQ(doc.slice(hedges[0]->span), "allegedly");
}

TEST(Hedging, CuesAreSortedByStart) {
  Document doc = analyze(
      "Officials clearly denied it. Perhaps they never knew, and critics argue nothing was "
      "confirmed.");
  ASSERT_GE(doc.cues.size(), 6u);
  EXPECT_TRUE(std::is_sorted(doc.cues.begin(), doc.cues.end(), [](const Cue& a, const Cue& b) {
    return a.span.begin < b.span.begin;
  }));
}

TEST(Hedging, SubstringsOfWordsDoNotMatch) {
  // "notable" contains "not", "nowhere" is one word, "mayor" contains "may".
  Document doc = analyze("The mayor knows a notebook trick.");
  EXPECT_TRUE(doc.cues.empty());
}

TEST(Hedging, ModalWithSpecificSubjectCountsWithGenericSubjectNot) {
  Document specific = analyze("The merger could collapse next week.");
  auto h1 = cues_of(specific, CueClass::kHedge);
  ASSERT_EQ(h1.size(), 1u);
  EXPECT_TRUE(extract::cue_counts(*h1[0]));
  EXPECT_TRUE(specific.sentences[0].uncertain);

  Document generic = analyze("Tenants may keep small pets.");
  auto h2 = cues_of(generic, CueClass::kHedge);
  ASSERT_EQ(h2.size(), 1u);
  EXPECT_FALSE(extract::cue_counts(*h2[0]));
  EXPECT_FALSE(generic.sentences[0].uncertain);
}

TEST(Hedging, OthersIsAWeaselOnlyAsASubject) {
  Document subject = analyze("Others argue the tax is unfair.");
  EXPECT_TRUE(subject.sentences[0].uncertain);
  Document list = analyze("The team hired Ana, Ben and others.");
  EXPECT_TRUE(texts_of(list, CueClass::kHedge).empty());
  EXPECT_FALSE(list.sentences[0].uncertain);
}

TEST(Hedging, NegationInsideHedgePhraseIsPartOfThePhrase) {
  Document doc = analyze("It is not clear who won.");
  EXPECT_EQ(texts_of(doc, CueClass::kHedge), Strings{"It is not clear"});
  EXPECT_TRUE(texts_of(doc, CueClass::kNegation).empty());
  EXPECT_TRUE(doc.sentences[0].uncertain);
}

TEST(Hedging, VagueSourceNounUnlessANameMakesItSpecific) {
  Document vague = analyze("Analysts expect a weaker pound.");
  auto h = cues_of(vague, CueClass::kHedge);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_TRUE(extract::is_weasel(*h[0]));
  EXPECT_TRUE(vague.sentences[0].uncertain);

  Document named = analyze("The Zurich analysts expect a weaker pound; experts at Harwell agree.");
  EXPECT_TRUE(texts_of(named, CueClass::kHedge).empty());
  EXPECT_FALSE(named.sentences[0].uncertain);
}

TEST(Hedging, SentenceInitialNameAsModalSubjectCounts) {
  Document doc = analyze("Norway could raise fuel taxes next year.");
  auto h = cues_of(doc, CueClass::kHedge);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_TRUE(extract::cue_counts(*h[0]));
  Document generic = analyze("They may bring their own food.");
  auto g = cues_of(generic, CueClass::kHedge);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_FALSE(extract::cue_counts(*g[0]));
}

TEST(Hedging, GenerallyAndWidelyOnlyBeforeAParticiple) {
  Document vague = analyze("The treaty is generally considered a success.");
  Strings cues = texts_of(vague, CueClass::kHedge);
  EXPECT_NE(std::find(cues.begin(), cues.end(), "generally"), cues.end());
  EXPECT_TRUE(vague.sentences[0].uncertain);
  Document degree = analyze("Summers in the valley are generally dry and widely sunny.");
  EXPECT_TRUE(texts_of(degree, CueClass::kHedge).empty());
  EXPECT_FALSE(degree.sentences[0].uncertain);
}

TEST(Hedging, PraiseAdjectiveIsEmittedButNotCounted) {
  Document doc = analyze("She won a prestigious award in 2019.");
  auto h = cues_of(doc, CueClass::kHedge);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_FALSE(extract::cue_counts(*h[0]));
  EXPECT_FALSE(doc.sentences[0].uncertain);
}

TEST(Hedging, MayWithAPersonAsSubjectIsPermission) {
  for (const char* text :
       {"The player may bid two points.", "Visiting members may be seated at the back."}) {
    Document doc = analyze(text);
    auto h = cues_of(doc, CueClass::kHedge);
    ASSERT_EQ(h.size(), 1u) << text;
    EXPECT_FALSE(extract::cue_counts(*h[0])) << text;
    EXPECT_FALSE(doc.sentences[0].uncertain) << text;
  }
  for (const char* text : {"It may rain tomorrow.", "Officials said Velmora may be invited.",
                           "A further escalation of the dispute \u201cmay end badly.\u201d"}) {
    Document doc = analyze(text);
    EXPECT_TRUE(doc.sentences[0].uncertain) << text;
  }
  // "might" grants no permission: a common-noun subject still counts.
  EXPECT_TRUE(analyze("The ferry might sink.").sentences[0].uncertain);
}

TEST(CertaintyLexicon, EveryEntryHasAStaticRuleNamingIt) {
  auto lex = extract::certainty_lexicon();
  ASSERT_GT(lex.size(), 100u);
  for (const extract::CertaintyEntry& e : lex) {
    EXPECT_FALSE(e.phrase.empty());
    EXPECT_NE(e.rule.find(e.phrase), std::string_view::npos) << e.phrase;
    EXPECT_TRUE(e.rule_not_counted.ends_with(":not-counted")) << e.phrase;
  }
  // The index finds multiword entries by their first token, longest first,
  // and nothing for words that start no phrase.
  auto cands = extract::CertaintyIndex::get().find("it");
  ASSERT_GT(cands.size(), 3u);
  for (const extract::LexCandidate& c : cands) EXPECT_EQ(c.tokens[0], "it");
  for (size_t i = 1; i < cands.size(); ++i) EXPECT_GE(cands[i - 1].size, cands[i].size);
  EXPECT_TRUE(extract::CertaintyIndex::get().find("bridge").empty());
  EXPECT_TRUE(extract::CertaintyIndex::get().find("").empty());
  EXPECT_EQ(extract::CertaintyIndex::get().find("reportedly").size(), 1u);
  // Every entry is reachable through the index.
  for (const extract::CertaintyEntry& e : lex) {
    std::string_view first = e.phrase.substr(0, e.phrase.find(' '));
    auto found = extract::CertaintyIndex::get().find(first);
    EXPECT_TRUE(std::any_of(found.begin(), found.end(), [&](const extract::LexCandidate& c) {
      return c.entry == &e;
    })) << e.phrase;
  }
}

TEST(Hedging, MayAndCouldCountOnlyInTheirEpistemicForms) {
  // Epistemic: a possibility about the past, "well", identity, progressive.
  for (const char* text :
       {"The dam may have failed overnight.", "The vote could well be delayed.",
        "The wreck may be the oldest in the bay.", "The firm may be hiding losses."}) {
    EXPECT_TRUE(counted_hedge(analyze_tagged(text))) << text;
  }
  // A plain verb or a passive also reads as ability, permission or
  // "sometimes": emitted, not counted...
  for (const char* text : {"The tail may be bright blue.", "The valve may be opened by hand.",
                           "He could play the violin.", "Frost may damage young shoots."}) {
    Document doc = analyze_tagged(text);
    EXPECT_EQ(cues_of(doc, CueClass::kHedge).size(), 1u) << text;
    EXPECT_FALSE(doc.sentences[0].uncertain) << text;
  }
  // ...unless the sentence looks ahead or reports a speaker's prediction.
  for (const char* text : {"Frost may damage young shoots next week.",
                           "Growers warned that frost may damage young shoots.",
                           "\u201cFrost could damage the shoots,\u201d the growers' union said."}) {
    EXPECT_TRUE(counted_hedge(analyze_tagged(text))) << text;
  }
  // Single quotation marks (titles, scare quotes) are not speech.
  EXPECT_FALSE(analyze_tagged("The band played 'Frost may come' twice.").sentences[0].uncertain);
}

TEST(Hedging, PlainVerbModalCountsBeforeADeadlineOrWithWeatherIt) {
  for (const char* text :
       {"It may rain before noon.", "It could snow.", "The ferry service may resume by Friday.",
        "The bridge may reopen before the weekend."}) {
    EXPECT_TRUE(counted_hedge(analyze_tagged(text))) << text;
  }
  // No deadline, no weather: the root reading stays.
  for (const char* text : {"The ferry may stop at the island.", "Pupils may bring a snack."}) {
    Document doc = analyze_tagged(text);
    EXPECT_EQ(cues_of(doc, CueClass::kHedge).size(), 1u) << text;
    EXPECT_FALSE(doc.sentences[0].uncertain) << text;
  }
}

TEST(Hedging, CouldIsPastAbilityOnlyInAPastTenseSentence) {
  for (const char* text :
       {"This process could take a year.", "The shortfall could widen as costs grow."}) {
    EXPECT_TRUE(counted_hedge(analyze_tagged(text))) << text;
  }
  for (const char* text : {"As a boy he could swim across the lake.",
                           "The team built a ramp so the carts could reach the dock."}) {
    EXPECT_FALSE(analyze_tagged(text).sentences[0].uncertain) << text;
  }
}

TEST(Hedging, PassiveOpinionWithANamedAgentIsAttributed) {
  for (const char* text : {"The plan was considered by the council in March.",
                           "The mural is regarded by Ana Ruiz as her best work."}) {
    EXPECT_FALSE(analyze_tagged(text).sentences[0].uncertain) << text;
  }
  // An unnamed many or no agent at all: still a weasel.
  for (const char* text : {"The mural is regarded by many as her best work.",
                           "The mural is regarded as her best work."}) {
    EXPECT_TRUE(analyze_tagged(text).sentences[0].uncertain) << text;
  }
}

TEST(Hedging, SaidToBeBeforeAQuotedTermIsADefinition) {
  EXPECT_FALSE(analyze_tagged("A valve in this state is said to be \"latched\" until reset.")
                   .sentences[0]
                   .uncertain);
  EXPECT_TRUE(analyze_tagged("The valve is said to be faulty.").sentences[0].uncertain);
}

TEST(Hedging, UnnamedResearchIsAWeasel) {
  Document doc = analyze_tagged("Studies have shown that the dye fades in sunlight.");
  auto h = cues_of(doc, CueClass::kHedge);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_TRUE(extract::is_weasel(*h[0]));
  EXPECT_TRUE(doc.sentences[0].uncertain);
}

TEST(Hedging, NumberWordsAfterAQuantifierAreAnApproximation) {
  for (const char* text : {"Several hundred residents gathered at the square.",
                           "Some thousand cars crossed the bridge."}) {
    EXPECT_FALSE(analyze_tagged(text).sentences[0].uncertain) << text;
  }
  EXPECT_TRUE(analyze_tagged("Several residents gathered at the square.").sentences[0].uncertain);
}

TEST(Hedging, ClaimsThatAfterANameIsAnAttributionNotAWeasel) {
  for (const char* text : {"Boyd claims that the ledger was forged.",
                           "The mayor, Ana Ruiz, claims that the ledger was forged.",
                           "His claim that the ledger was forged surprised nobody.",
                           "The historian argues for a later date."}) {
    EXPECT_FALSE(analyze_tagged(text).sentences[0].uncertain) << text;
  }
  for (const char* text :
       {"Some claim that the ledger was forged.", "Critics claim that the ledger was forged.",
        "The claim that the ledger was forged persists."}) {
    EXPECT_TRUE(analyze_tagged(text).sentences[0].uncertain) << text;
  }
}

TEST(Hedging, SuggestAsProposeIsNotAHedge) {
  for (const char* text :
       {"The mayor suggested closing the bridge.", "She suggested that the vote be delayed."}) {
    EXPECT_FALSE(analyze_tagged(text).sentences[0].uncertain) << text;
  }
  EXPECT_TRUE(analyze_tagged("The tests suggest that the water is safe.").sentences[0].uncertain);
}

TEST(Hedging, WhetherAsAChoiceIsNotAnOpenQuestion) {
  for (const char* text : {"The fee applies whether or not you stay.",
                           "The route depends on whether the pass is open.",
                           "Whether by rail or by road, the trip takes a day."}) {
    EXPECT_FALSE(analyze_tagged(text).sentences[0].uncertain) << text;
  }
  EXPECT_TRUE(analyze_tagged("Nobody asked whether the pass was open.").sentences[0].uncertain);
}

TEST(Hedging, VagueSourcesMustBeSourcesNotObjects) {
  // "from critics", "music critics", "three others", "help others who".
  for (const char* text :
       {"The album drew praise from critics.", "The poll asked music critics for lists.",
        "The blast wounded three others.", "She worked to help others who were poor."}) {
    EXPECT_FALSE(analyze_tagged(text).sentences[0].uncertain) << text;
  }
  for (const char* text : {"Critics say the plan is too costly.", "Others say it works."}) {
    EXPECT_TRUE(analyze_tagged(text).sentences[0].uncertain) << text;
  }
}

TEST(Hedging, GenerallyAndCommonlyCountOnlyForOpinionOrNaming) {
  EXPECT_TRUE(analyze_tagged("The dish is commonly known as stew.").sentences[0].uncertain);
  EXPECT_TRUE(analyze_tagged("The war is generally regarded as lost.").sentences[0].uncertain);
  for (const char* text : {"The soup is generally served hot.", "The tool is commonly used."}) {
    EXPECT_FALSE(analyze_tagged(text).sentences[0].uncertain) << text;
  }
}

TEST(Hedging, PeacockSuperlativeCounts) {
  EXPECT_TRUE(analyze_tagged("It is his most famous novel.").sentences[0].uncertain);
  EXPECT_TRUE(analyze_tagged("They crossed the famous bridge.").sentences[0].uncertain);
  // "as many ... as" compares; "as many seafarers left" is vague.
  EXPECT_FALSE(analyze_tagged("As many as 40 boats sank.").sentences[0].uncertain);
  EXPECT_TRUE(analyze_tagged("Prices fell, as many traders sold.").sentences[0].uncertain);
}

TEST(Hedging, AppearToShowUpIsNotAHedge) {
  // "appear to" + a verb hedges; "to" + a person or a noun phrase is "show up".
  for (const char* text :
       {"The ghost appeared to Anna in a dream.", "The dye will appear to the eye as red."}) {
    EXPECT_FALSE(analyze_tagged(text).sentences[0].uncertain) << text;
  }
  for (const char* text : {"The minister appeared to be tired.", "The rebels appear to have left.",
                           "Children appear to rarely lie."}) {
    EXPECT_TRUE(analyze_tagged(text).sentences[0].uncertain) << text;
  }
}

TEST(Hedging, CouldNoLongerOrHardlyIsLostAbility) {
  for (const char* text :
       {"The farmers could no longer afford seed.", "After the crash she could hardly walk."}) {
    Document doc = analyze_tagged(text);
    EXPECT_FALSE(doc.sentences[0].uncertain) << text;
    EXPECT_TRUE(texts_of(doc, CueClass::kHedge).empty()) << text;
  }
}

TEST(Hedging, SuggestThatShouldIsARecommendation) {
  EXPECT_FALSE(analyze_tagged("The nurse suggested that the children should leave first.")
                   .sentences[0]
                   .uncertain);
  EXPECT_TRUE(
      analyze_tagged("The tests suggested that the well was poisoned.").sentences[0].uncertain);
}

TEST(Hedging, NearCertaintyIsAHedgeNotABooster) {
  Document doc = analyze("A strike is almost certain. It will almost certainly rain.");
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_TRUE(doc.sentences[0].uncertain);
  EXPECT_TRUE(doc.sentences[1].uncertain);
  EXPECT_EQ(texts_of(doc, CueClass::kHedge), (Strings{"almost certain", "almost certainly"}));
  EXPECT_TRUE(texts_of(doc, CueClass::kBooster).empty());
}

TEST(Hedging, PassiveExpectationIsAPrediction) {
  for (const char* text :
       {"The vote is expected to be close.", "It is expected that prices will rise.",
        "The plant was widely expected to close."}) {
    EXPECT_TRUE(analyze_tagged(text).sentences[0].uncertain) << text;
  }
  EXPECT_FALSE(analyze_tagged("He expected to win the seat.").sentences[0].uncertain);
}

TEST(Hedging, ExpectationsAndFearsAreNotFacts) {
  for (const char* text : {"The company expects to cut 300 jobs.",
                           "Banks are hoarding cash, fearing that borrowers will default.",
                           "Shares fell on worries that the deal will collapse."}) {
    EXPECT_TRUE(analyze(text).sentences[0].uncertain) << text;
  }
  EXPECT_FALSE(
      analyze("The company cut 300 jobs, as its owners had feared.").sentences[0].uncertain);
}

TEST(Hedging, ModalInAComparisonOrAnyCaseIsNotAHedge) {
  for (const char* text :
       {"The state paid almost as much as it could have paid for the house.",
        "They ran as fast as they could.", "Prices rise whatever may happen to wages."}) {
    EXPECT_FALSE(analyze_tagged(text).sentences[0].uncertain) << text;
  }
  EXPECT_TRUE(analyze_tagged("The storm could have damaged the pier.").sentences[0].uncertain);
}

TEST(Hedging, ForecastsIntentionsAndHopesAreNotFacts) {
  for (const char* text :
       {"Analysts had forecast a loss of $2 billion.",
        "Ford predicted that it would be profitable.", "Fiat intends to buy the stake.",
        "Shares rose on hopes of a recovery."}) {
    EXPECT_TRUE(analyze(text).sentences[0].uncertain) << text;
  }
}

TEST(Hedging, SaidAsRecitedIsNotHearsay) {
  for (const char* text :
       {"The prayers are said aloud.", "Nothing is said about the cost in the report."}) {
    EXPECT_FALSE(analyze_tagged(text).sentences[0].uncertain) << text;
  }
  EXPECT_TRUE(analyze_tagged("The mayor is said to have resigned.").sentences[0].uncertain);
}

}  // namespace
}  // namespace claimtrace
