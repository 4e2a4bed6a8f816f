// Tests for extract/attribution.cc: quotes, cues, sources, contents, chains.
// All texts are invented for these tests (fictional outlets and people).
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "pipeline/analyzer.h"

namespace claimtrace {
namespace {

Document analyze(std::string text) {
  Document doc;
  doc.text = std::move(text);
  Analyzer().analyze(doc);
  return doc;
}

std::string_view source(const Document& d, const Attribution& a) {
  return a.has_source ? d.slice(a.source) : std::string_view("<none>");
}

std::string content(const Document& d, const Attribution& a) {
  std::string out;
  for (const Span& s : a.content) {
    if (!out.empty()) out += " | ";
    out += d.slice(s);
  }
  return out;
}

// The attribution whose cue text is `cue` (the first one), or null.
const Attribution* by_cue(const Document& d, std::string_view cue) {
  for (const Attribution& a : d.attributions)
    if (d.slice(a.cue) == cue) return &a;
  return nullptr;
}

TEST(Attribution, SourceCueThatContent) {
  Document d = analyze("Mayor Elna Vorst said that the bridge will reopen in May.");
  ASSERT_EQ(d.attributions.size(), 1u);
  const Attribution& a = d.attributions[0];
  EXPECT_EQ(source(d, a), "Mayor Elna Vorst");
  EXPECT_EQ(d.slice(a.cue), "said");
  EXPECT_EQ(content(d, a), "that the bridge will reopen in May");
  EXPECT_EQ(a.source_kind, SourceKind::kPerson);
  EXPECT_EQ(a.certainty, Certainty::kReported);
  EXPECT_FALSE(a.quoted);
  EXPECT_EQ(a.id, "a1");
}

TEST(Attribution, ContentCommaSourceCue) {
  Document d = analyze(
      "The harbour tax will double next year, the Daily Lantern newspaper claimed "
      "on Friday.");
  const Attribution* a = by_cue(d, "claimed");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "the Daily Lantern newspaper");
  EXPECT_EQ(content(d, *a), "The harbour tax will double next year");
  EXPECT_EQ(a->source_kind, SourceKind::kOutlet);
  EXPECT_EQ(a->certainty, Certainty::kAlleged);  // "claimed" keeps its distance
}

TEST(Attribution, QuoteCommaCueSourceInverted) {
  Document d = analyze("\"We will not sell the farm,\" said Tomas Brill.");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Tomas Brill");
  EXPECT_EQ(content(d, *a), "\"We will not sell the farm,\"");
  EXPECT_TRUE(a->quoted);
}

TEST(Attribution, QuoteCommaSourceCue) {
  Document d = analyze("\u201cThe river is rising fast,\u201d the engineer warned.");
  const Attribution* a = by_cue(d, "warned");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "the engineer");
  EXPECT_EQ(content(d, *a), "\u201cThe river is rising fast,\u201d");
  EXPECT_TRUE(a->quoted);
}

TEST(Attribution, SplitQuoteGivesTwoContentSpans) {
  Document d =
      analyze("\u201cThe vote was fair,\u201d Ilse Marrow said, \u201cand we accept it.\u201d");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->content.size(), 2u);
  EXPECT_EQ(content(d, *a), "\u201cThe vote was fair,\u201d | \u201cand we accept it.\u201d");
}

TEST(Attribution, AccordingToInitialAndFinal) {
  Document d = analyze(
      "According to the Corvale Herald, the mine closed in March. "
      "Prices rose sharply, according to a survey by Orlin Bank.");
  ASSERT_EQ(d.attributions.size(), 2u);
  EXPECT_EQ(source(d, d.attributions[0]), "the Corvale Herald");
  EXPECT_EQ(content(d, d.attributions[0]), "the mine closed in March");
  EXPECT_EQ(d.attributions[0].source_kind, SourceKind::kOutlet);
  EXPECT_EQ(source(d, d.attributions[1]), "a survey by Orlin Bank");
  EXPECT_EQ(content(d, d.attributions[1]), "Prices rose sharply");
  EXPECT_EQ(d.attributions[1].source_kind, SourceKind::kDocument);
  for (const Attribution& a : d.attributions) {
    ASSERT_FALSE(a.cues.empty());
    EXPECT_EQ(d.cues[a.cues[0]].cue_class, CueClass::kAccordingTo);
  }
}

TEST(Attribution, CitingChainSetsVia) {
  Document d = analyze(
      "The Norvik Courier agency reported the convoy was attacked, citing a "
      "source in the port.");
  const Attribution* main = by_cue(d, "reported");
  const Attribution* cited = by_cue(d, "citing");
  ASSERT_NE(main, nullptr);
  ASSERT_NE(cited, nullptr);
  EXPECT_EQ(source(d, *main), "The Norvik Courier agency");
  EXPECT_EQ(content(d, *main), "the convoy was attacked");
  EXPECT_EQ(source(d, *cited), "a source in the port");
  EXPECT_EQ(cited->source_kind, SourceKind::kAnonymous);
  ASSERT_GE(cited->via, 0);
  EXPECT_EQ(&d.attributions[cited->via], main);
  EXPECT_EQ(content(d, *cited), "the convoy was attacked");
}

TEST(Attribution, CitingBetweenCueAndThat) {
  Document d = analyze(
      "Radio Pelt also claimed, citing sources in Varna, that the talks had "
      "failed.");
  const Attribution* main = by_cue(d, "also claimed");
  const Attribution* cited = by_cue(d, "citing");
  ASSERT_NE(main, nullptr);
  ASSERT_NE(cited, nullptr);
  EXPECT_EQ(source(d, *main), "Radio Pelt");
  EXPECT_EQ(content(d, *main), "that the talks had failed");
  EXPECT_EQ(source(d, *cited), "sources in Varna");
  EXPECT_EQ(&d.attributions[cited->via], main);
}

TEST(Attribution, PassiveReportedBy) {
  Document d = analyze("The strike has also been reported by the Velm Gazette.");
  const Attribution* a = by_cue(d, "has also been reported");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "the Velm Gazette");
  EXPECT_EQ(content(d, *a), "The strike");
  EXPECT_EQ(a->rule, "passive_by");
}

TEST(Attribution, ParticipleTakesMainSubject) {
  Document d = analyze(
      "Senator Ada Quill urged the council to act, stating that delays could "
      "cost lives.");
  const Attribution* main = by_cue(d, "urged");
  const Attribution* part = by_cue(d, "stating");
  ASSERT_NE(main, nullptr);
  ASSERT_NE(part, nullptr);
  EXPECT_EQ(content(d, *main), "the council to act");
  EXPECT_EQ(main->certainty, Certainty::kAsserted);
  EXPECT_EQ(source(d, *part), "Senator Ada Quill");
  EXPECT_EQ(content(d, *part), "that delays could cost lives");
  EXPECT_EQ(part->certainty, Certainty::kSpeculative);  // "could"
}

TEST(Attribution, HeadlineReportedlyHasNoSource) {
  Document d = analyze("Forty engineers from Dranmoor have reportedly left for the coast.");
  ASSERT_EQ(d.attributions.size(), 1u);
  const Attribution& a = d.attributions[0];
  EXPECT_FALSE(a.has_source);
  EXPECT_EQ(a.source_kind, SourceKind::kUnspecified);
  EXPECT_EQ(d.slice(a.cue), "reportedly");
  EXPECT_EQ(a.certainty, Certainty::kReported);
  EXPECT_EQ(content(d, a), "Forty engineers from Dranmoor have | left for the coast");
}

TEST(Attribution, ReportedlyInsideContentIsAHedgeNotASecondAttribution) {
  Document d = analyze("Troops have reportedly crossed the river, Lake Radio said.");
  ASSERT_EQ(d.attributions.size(), 1u);
  EXPECT_EQ(d.slice(d.attributions[0].cue), "said");
  EXPECT_EQ(d.attributions[0].certainty, Certainty::kReported);
  EXPECT_GE(d.attributions[0].cues.size(), 2u);  // the cue and the hedge
}

TEST(Attribution, ScareQuotesAreNotSpeech) {
  Document d = analyze("The plan offers \u201cfull protection\u201d to the valley farms.");
  EXPECT_TRUE(d.attributions.empty());
  for (const Cue& c : d.cues) EXPECT_NE(c.cue_class, CueClass::kSay);
}

TEST(Attribution, CueWordsInsideQuotesAreNotCues) {
  Document d = analyze("There is \u201cconfirmed information\u201d about the storm.");
  EXPECT_TRUE(d.attributions.empty());
}

TEST(Attribution, MultiParagraphQuote) {
  Document d = analyze(
      "Ren Osk said: \u201cWe waited all night. Nobody came.\n"
      "\u201cIn the morning the water was gone.\u201d\n"
      "The town was quiet.");
  const Attribution* a = by_cue(d, "said:");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(content(d, *a),
            "\u201cWe waited all night. Nobody came.\n\u201cIn the morning the water was "
            "gone.\u201d");
  EXPECT_TRUE(a->quoted);
  EXPECT_EQ(d.attributions.size(), 1u);
}

TEST(Attribution, GuillemetsAndLowQuotes) {
  Document d = analyze(
      "\u00abLes prix vont baisser,\u00bb said Anouk Feyt. "
      "\u201eDas stimmt nicht,\u201c said Jorn Hale.");
  ASSERT_EQ(d.attributions.size(), 2u);
  EXPECT_EQ(content(d, d.attributions[0]), "\u00abLes prix vont baisser,\u00bb");
  EXPECT_EQ(source(d, d.attributions[1]), "Jorn Hale");
  EXPECT_EQ(content(d, d.attributions[1]), "\u201eDas stimmt nicht,\u201c");
}

TEST(Attribution, PronounAndPossessiveSourcesFollowTheRelay) {
  Document d = analyze(
      "The fort was shelled, the Arvel Post reported, citing a witness. "
      "\u201cIt burned for hours,\u201d the outlet\u2019s source said. "
      "He added that two guards fled.");
  const Attribution* outlet = by_cue(d, "reported");
  const Attribution* poss = by_cue(d, "said");
  const Attribution* pron = by_cue(d, "added");
  ASSERT_NE(outlet, nullptr);
  ASSERT_NE(poss, nullptr);
  ASSERT_NE(pron, nullptr);
  EXPECT_EQ(poss->source_kind, SourceKind::kAnonymous);
  ASSERT_GE(poss->via, 0);
  EXPECT_EQ(&d.attributions[poss->via], outlet);
  EXPECT_EQ(pron->source_kind, SourceKind::kPronoun);
  EXPECT_EQ(pron->via, poss->via);
}

TEST(Attribution, SourceKinds) {
  Document d = analyze(
      "The Interior Ministry said the road is closed. "
      "Officials who declined to be named said the road is open. "
      "The report said costs had doubled. "
      "They said nothing had changed.");
  ASSERT_EQ(d.attributions.size(), 4u);
  EXPECT_EQ(d.attributions[0].source_kind, SourceKind::kOrganisation);
  EXPECT_EQ(d.attributions[2].source_kind, SourceKind::kDocument);
  EXPECT_EQ(d.attributions[3].source_kind, SourceKind::kPronoun);
}

TEST(Attribution, NegatedCueIsDenied) {
  Document d = analyze(
      "Vera Lund did not say that the dam was unsafe. "
      "The company denied that it had paid the fine.");
  ASSERT_EQ(d.attributions.size(), 2u);
  EXPECT_EQ(d.attributions[0].certainty, Certainty::kDenied);
  EXPECT_EQ(d.attributions[1].certainty, Certainty::kDenied);
}

TEST(Attribution, DeterminerBeforeCueWordMeansNoCue) {
  Document d = analyze("The alleged theft shocked the village.");
  EXPECT_TRUE(d.attributions.empty());
}

TEST(Attribution, ByteOffsetsWithNonAscii) {
  // Multi-byte letters before and inside the spans.
  std::string text = "Zoë Müller-Šťastná said that the café in Łódź is closed.";
  Document d = analyze(text);
  ASSERT_EQ(d.attributions.size(), 1u);
  const Attribution& a = d.attributions[0];
  EXPECT_EQ(a.source.begin, 0u);
  EXPECT_EQ(a.source.end, text.find(" said"));
  EXPECT_EQ(a.cue.begin, text.find("said"));
  ASSERT_EQ(a.content.size(), 1u);
  EXPECT_EQ(a.content[0].begin, text.find("that the café"));
  EXPECT_EQ(a.content[0].end, text.find(".", text.find("Łódź")));
}

TEST(Attribution, CuesSortedAndIndicesValid) {
  Document d = analyze("Prices may fall, the bank said. Lena Moss claimed the data was old.");
  for (size_t i = 1; i < d.cues.size(); ++i)
    EXPECT_LE(d.cues[i - 1].span.begin, d.cues[i].span.begin);
  for (const Attribution& a : d.attributions)
    for (uint32_t c : a.cues) EXPECT_LT(c, d.cues.size());
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->certainty, Certainty::kSpeculative);  // "may"
}

TEST(Attribution, EmptyAndCueOnlyTexts) {
  EXPECT_TRUE(analyze("").attributions.empty());
  EXPECT_TRUE(analyze("said").attributions.empty());
  EXPECT_TRUE(analyze("According to").attributions.empty());
  EXPECT_TRUE(analyze("\u201c").attributions.empty());
}

TEST(Attribution, DashAfterQuoteNamesTheSpeaker) {
  Document d = analyze("\u201cThe ferry is late again.\u201d \u2015 Mara Velt\nNo one answered.");
  ASSERT_EQ(d.attributions.size(), 1u);
  EXPECT_EQ(source(d, d.attributions[0]), "Mara Velt");
  EXPECT_EQ(content(d, d.attributions[0]), "\u201cThe ferry is late again.\u201d");
  EXPECT_TRUE(d.attributions[0].quoted);
}

TEST(Attribution, TranscriptSpeakerLabel) {
  Document d = analyze("HOST: Welcome back.\nVOSS: Thank you for having me.");
  ASSERT_EQ(d.attributions.size(), 2u);
  EXPECT_EQ(source(d, d.attributions[1]), "VOSS");
  EXPECT_EQ(content(d, d.attributions[1]), "Thank you for having me");
  // A lower-case or mixed-case label without a quotation is a heading, not a speaker.
  EXPECT_TRUE(analyze("Update: the road is open.").attributions.empty());
}

TEST(Attribution, ToldAddresseeIsNotContent) {
  Document d = analyze("\u201cWe are ready,\u201d Paavo Lind told the Brenn Observer.");
  const Attribution* a = by_cue(d, "told");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(content(d, *a), "\u201cWe are ready,\u201d");
}

TEST(Attribution, NestedStatementRelaysThroughOuter) {
  Document d = analyze("Nils Aro said the minister claimed the budget was balanced.");
  const Attribution* outer = by_cue(d, "said");
  const Attribution* inner = by_cue(d, "claimed");
  ASSERT_NE(outer, nullptr);
  ASSERT_NE(inner, nullptr);
  ASSERT_GE(inner->via, 0);
  EXPECT_EQ(&d.attributions[inner->via], outer);
}

TEST(Attribution, DoubledApostropheQuotes) {
  Document d = analyze("''The levy is too high,'' said Mr. Arnt.");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Mr. Arnt");
  EXPECT_EQ(content(d, *a), "''The levy is too high,''");
  EXPECT_TRUE(a->quoted);
}

TEST(Attribution, NestedQuoteClosingMarks) {
  // ''' closes a single quotation and the doubled-apostrophe one around it.
  Document d = analyze("''They keep telling us, 'Wait a year,''' Mr. Arnt said.");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Mr. Arnt");
  EXPECT_EQ(content(d, *a), "''They keep telling us, 'Wait a year,'''");
  // A straight mark with spaces on both sides closes the open quotation.
  Document e = analyze("\"They keep telling us, 'Wait a year,' \" Ilse Varn said.");
  const Attribution* b = by_cue(e, "said");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(source(e, *b), "Ilse Varn");
  EXPECT_EQ(content(e, *b), "\"They keep telling us, 'Wait a year,' \"");
  EXPECT_EQ(by_cue(e, "telling"), nullptr);
}

TEST(Attribution, AbbreviationInsideAppositiveSubject) {
  Document d =
      analyze("\u201cThe levy will pass,\u201d Council Leader Orla Venn, R-Tarn., said Tuesday.");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Council Leader Orla Venn, R-Tarn.");
  EXPECT_EQ(content(d, *a), "\u201cThe levy will pass,\u201d");
}

TEST(Attribution, LongAppositiveSubject) {
  Document d =
      analyze("Ilka Moor, 61, of Sandvik, a nurse at the clinic, said the wards were full.");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Ilka Moor, 61, of Sandvik, a nurse at the clinic");
  EXPECT_EQ(content(d, *a), "the wards were full");
  EXPECT_EQ(a->source_kind, SourceKind::kPerson);
}

// ---- PolNeAR span conventions and further constructions ------------------

TEST(Attribution, CueKeepsAuxiliariesAndColon) {
  Document d = analyze(
      "Mayor Orla Venn has also said that the ferry will run. Ilse Varn said: \u201cWe are "
      "ready.\u201d");
  const Attribution* a = by_cue(d, "has also said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Mayor Orla Venn");
  EXPECT_EQ(content(d, *a), "that the ferry will run");
  const Attribution* b = by_cue(d, "said:");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(content(d, *b), "\u201cWe are ready.\u201d");
  EXPECT_EQ(by_cue(d, "said"), nullptr);
}

TEST(Attribution, NegatedCueSpanIncludesNegation) {
  Document d = analyze("The ministry did not say that the dam was safe.");
  const Attribution* a = by_cue(d, "did not say");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->certainty, Certainty::kDenied);
}

TEST(Attribution, CueWordAfterPrepositionIsANoun) {
  Document d = analyze("Farmers marched in support of the miners on Friday.");
  EXPECT_TRUE(d.attributions.empty());
  Document e = analyze("Farmers said they support the miners.");
  EXPECT_EQ(e.attributions.size(), 1u);
}

TEST(Attribution, CueWordAfterAdjectiveIsANoun) {
  Document d = analyze("Too many late calls still go to voicemail.");
  EXPECT_EQ(by_cue(d, "calls"), nullptr);
  Document e = analyze("The senator claims the clinic is safe.");
  EXPECT_NE(by_cue(e, "claims"), nullptr);
}

TEST(Attribution, AskedAboutTopicAndTheAnswer) {
  Document d = analyze("When asked about the harbour levy, Mayor Orla Venn said it would pass.");
  const Attribution* q = by_cue(d, "asked about");
  ASSERT_NE(q, nullptr);
  EXPECT_FALSE(q->has_source);
  EXPECT_EQ(content(d, *q), "the harbour levy");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Mayor Orla Venn");
  EXPECT_EQ(content(d, *a), "it would pass");
}

TEST(Attribution, WentOnToIsPartOfTheCue) {
  Document d = analyze("Ilse Varn went on to explain how the ferry would run.");
  const Attribution* a = by_cue(d, "went on to explain");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Ilse Varn");
  EXPECT_EQ(content(d, *a), "how the ferry would run");
  Document e = analyze("The minister was quick to point out that the dam was safe.");
  EXPECT_NE(by_cue(e, "was quick to point out"), nullptr);
}

TEST(Attribution, BareVerbAfterAndIsNoReport) {
  Document d = analyze("The mayor needs to sell herself and tell more jokes about the harbour.");
  EXPECT_EQ(by_cue(d, "tell"), nullptr);
}

TEST(Attribution, PluralSubjectOpeningTheSentenceBeforeShow) {
  Document d = analyze("Polls show a close race in the northern provinces.");
  const Attribution* a = by_cue(d, "show");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Polls");
}

TEST(Attribution, DeclinedToBeNamedIsNoStatement) {
  Document d = analyze("A clerk who declined to be identified said the files were gone.");
  ASSERT_EQ(d.attributions.size(), 1u);
  EXPECT_EQ(d.slice(d.attributions[0].cue), "said");
  Document e = analyze("The harbour office declined to comment on the fire.");
  const Attribution* a = by_cue(e, "declined");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(e, *a), "The harbour office");
}

TEST(Attribution, AccordingToWithALongSourceOrNoComma) {
  Document d = analyze(
      "According to early figures from a survey conducted by the Tarn Institute for the Velm "
      "Herald, turnout fell sharply. Wheat prices rose according to the grain board.");
  ASSERT_EQ(d.attributions.size(), 2u);
  EXPECT_EQ(source(d, d.attributions[0]),
            "early figures from a survey conducted by the Tarn Institute for the Velm Herald");
  EXPECT_EQ(content(d, d.attributions[0]), "turnout fell sharply");
  EXPECT_EQ(source(d, d.attributions[1]), "the grain board");
  EXPECT_EQ(content(d, d.attributions[1]), "Wheat prices rose");
}

TEST(Attribution, ParticipleTakesTheSentenceSubject) {
  Document d = analyze(
      "Ana Pirel threw her weight behind the levy on Tuesday, saying it would fund the clinics. "
      "Jorn Hale closed the debate by noting that the vote would go ahead.");
  const Attribution* a = by_cue(d, "saying");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Ana Pirel");
  EXPECT_EQ(content(d, *a), "it would fund the clinics");
  const Attribution* b = by_cue(d, "noting");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(source(d, *b), "Jorn Hale");
  EXPECT_EQ(content(d, *b), "that the vote would go ahead");
}

TEST(Attribution, SecondVerbEndsTheFirstContent) {
  Document d = analyze("Ada Quill praised the ruling and said she would not appeal.");
  const Attribution* a = by_cue(d, "praised");
  const Attribution* b = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(content(d, *a), "the ruling");
  EXPECT_EQ(source(d, *b), "Ada Quill");
  EXPECT_EQ(content(d, *b), "she would not appeal");
}

TEST(Attribution, HeadlineColonNamesTheSpeaker) {
  Document d = analyze(
      "Quill: Harbour Levy Will Double Next Year\n"
      "Update: Ferries Run Late\n"
      "The council met on Monday.");
  ASSERT_EQ(d.attributions.size(), 1u);
  EXPECT_EQ(source(d, d.attributions[0]), "Quill");
  EXPECT_EQ(d.slice(d.attributions[0].cue), ":");
  EXPECT_EQ(content(d, d.attributions[0]), "Harbour Levy Will Double Next Year");
}

TEST(Attribution, NameBeforeColonAndQuotation) {
  Document d = analyze(
      "The result did not surprise the analyst Pia Lund: \u201cTurnout was low everywhere.\u201d");
  ASSERT_EQ(d.attributions.size(), 1u);
  EXPECT_EQ(source(d, d.attributions[0]), "the analyst Pia Lund");
  EXPECT_EQ(content(d, d.attributions[0]), "\u201cTurnout was low everywhere.\u201d");
  EXPECT_TRUE(d.attributions[0].quoted);
}

TEST(Attribution, SeemIsASourcelessImpression) {
  Document d = analyze(
      "The ferry crew seemed unconcerned by the delay. The talks appeared to stall. "
      "Orla Venn appeared on television.");
  ASSERT_EQ(d.attributions.size(), 2u);
  EXPECT_FALSE(d.attributions[0].has_source);
  EXPECT_EQ(content(d, d.attributions[0]), "The ferry crew | unconcerned by the delay");
  EXPECT_EQ(d.attributions[0].certainty, Certainty::kSpeculative);
  EXPECT_EQ(content(d, d.attributions[1]), "The talks | to stall");
}

TEST(Attribution, MoreVerbsOfSayingAndStance) {
  Document d = analyze(
      "Senator Pia Lund joked that the vote was rigged. The union blamed the board for the "
      "strike. Jorn Hale plans to run again.");
  const Attribution* a = by_cue(d, "joked");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(content(d, *a), "that the vote was rigged");
  const Attribution* b = by_cue(d, "blamed");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(source(d, *b), "The union");
  EXPECT_EQ(b->certainty, Certainty::kAlleged);
  EXPECT_EQ(by_cue(d, "plans to"), nullptr);  // an intention, not a statement
}
}  // namespace
}  // namespace claimtrace

// Source entities need the entity stages: run the whole analyzer with the
// shipped lexicon.
#include "pipeline/analyzer.h"

namespace claimtrace {
namespace {

TEST(AttributionEntities, SourcesLinkToEntitiesAndPronounsToThePersonBefore) {
  std::string err;
  auto lex = lexicon::Lexicon::open(CLAIMTRACE_LEXICON_IMAGE, err);
  ASSERT_TRUE(lex) << err;
  Document doc;
  doc.text =
      "Foreign Minister Ilona Markova said the border would reopen. The minister stressed that "
      "trade must resume. The daily Il Faro, citing an official in Valmora, said talks failed.";
  Analyzer(lex.get()).analyze(doc);
  auto entity_name = [&](const Attribution& a) {
    return a.source_entity >= 0 ? doc.entities[a.source_entity].name : std::string("-");
  };
  ASSERT_GE(doc.attributions.size(), 3u);
  EXPECT_EQ(entity_name(doc.attributions[0]), "Ilona Markova");
  EXPECT_EQ(entity_name(doc.attributions[1]), "Ilona Markova");  // "The minister"
  bool anonymous_seen = false;
  for (const Attribution& a : doc.attributions) {
    if (a.source_kind != SourceKind::kAnonymous) continue;
    anonymous_seen = true;
    EXPECT_EQ(a.source_entity, -1);  // "an official in Valmora" is not Valmora
    EXPECT_GE(a.via, 0);
  }
  EXPECT_TRUE(anonymous_seen);
}

TEST(Attribution, NestedStatementReachesUsThroughTheReportingClause) {
  Document d = analyze(
      "The two envoys have been discussing a ceasefire, the agency\u2019s source claimed, "
      "noting that talks began in March.");
  const Attribution* inner = by_cue(d, "have been discussing");
  const Attribution* outer = by_cue(d, "claimed");
  ASSERT_NE(inner, nullptr);
  ASSERT_NE(outer, nullptr);
  EXPECT_EQ(content(d, *inner), "a ceasefire");
  EXPECT_EQ(content(d, *outer), "The two envoys have been discussing a ceasefire");
  ASSERT_GE(inner->via, 0);
  EXPECT_EQ(&d.attributions[inner->via], outer);
}

TEST(Attribution, SideClauseHedgeMarksOnlyThatClause) {
  Document d = analyze(
      "The Velm Gazette reported that port officials met smugglers in May, allegedly offering "
      "fuel for safe passage.");
  const Attribution* main = by_cue(d, "reported");
  const Attribution* side = by_cue(d, "allegedly");
  ASSERT_NE(main, nullptr);
  ASSERT_NE(side, nullptr);
  EXPECT_EQ(main->certainty, Certainty::kReported);  // not demoted by the side clause
  EXPECT_EQ(side->certainty, Certainty::kAlleged);
  EXPECT_FALSE(side->has_source);
  EXPECT_EQ(content(d, *side), "offering fuel for safe passage");
  ASSERT_GE(side->via, 0);
  EXPECT_EQ(&d.attributions[side->via], main);
  // A hedge in the main clause still demotes it.
  Document e = analyze("The Velm Gazette reported that port officials allegedly met smugglers.");
  ASSERT_EQ(e.attributions.size(), 1u);
  EXPECT_EQ(e.attributions[0].certainty, Certainty::kAlleged);
}

TEST(Attribution, HedgeBeforeTheCueGradesIt) {
  Document d = analyze("Two clerks have allegedly said that the ledger was burned.");
  const Attribution* a = by_cue(d, "have allegedly said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->certainty, Certainty::kAlleged);
}

TEST(Attribution, SourceSpans) {
  // An apposition that ends the sentence belongs to an inverted source.
  Document d = analyze(
      "\u201cThe dam will hold,\u201d said Ivo Tarn, the chief engineer of the valley board.");
  ASSERT_EQ(d.attributions.size(), 1u);
  EXPECT_EQ(source(d, d.attributions[0]), "Ivo Tarn, the chief engineer of the valley board");
  // ... but not a participle clause with its own cue.
  Document e =
      analyze("\u201cThe dam will hold,\u201d said Ivo Tarn, adding that repairs start soon.");
  const Attribution* a = by_cue(e, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(e, *a), "Ivo Tarn");
  // A parenthetical between subject and verb is not the source.
  Document f = analyze("Mayor Orla Venn, however, said the ferry would run.");
  ASSERT_EQ(f.attributions.size(), 1u);
  EXPECT_EQ(source(f, f.attributions[0]), "Mayor Orla Venn");
  // A possessive determiner opens the source group.
  Document g = analyze("Her closest advisers said the plan was dead.");
  ASSERT_EQ(g.attributions.size(), 1u);
  EXPECT_EQ(source(g, g.attributions[0]), "Her closest advisers");
  // "now" sits between subject and verb.
  Document h = analyze("Jorn Hale now says the vote was fair.");
  ASSERT_EQ(h.attributions.size(), 1u);
  EXPECT_EQ(source(h, h.attributions[0]), "Jorn Hale");
  EXPECT_EQ(h.slice(h.attributions[0].cue), "now says");
}

TEST(Attribution, QuoteContinuesAfterAnInvertedSourceWithApposition) {
  Document d = analyze(
      "\u201cThe levy is fair,\u201d said Ivo Tarn, a tax adviser in Velm. "
      "\u201cNobody pays twice.\u201d");
  ASSERT_EQ(d.attributions.size(), 1u);
  EXPECT_EQ(content(d, d.attributions[0]),
            "\u201cThe levy is fair,\u201d | \u201cNobody pays twice.\u201d");
}

TEST(Attribution, AppositiveSourceAfterAQuote) {
  Document d = analyze(
      "\u201cWe lost the harvest,\u201d Ana Pirel, a farmer from the valley, said on Monday.");
  ASSERT_EQ(d.attributions.size(), 1u);
  EXPECT_EQ(source(d, d.attributions[0]), "Ana Pirel, a farmer from the valley");
}

TEST(Attribution, InvertedSourceWithPrepositionalTail) {
  Document d = analyze("\u201cIt is chaos,\u201d said one official on the council.");
  ASSERT_EQ(d.attributions.size(), 1u);
  EXPECT_EQ(source(d, d.attributions[0]), "one official on the council");
}

TEST(Attribution, ButToldAndCapitalisedAddressee) {
  Document d =
      analyze("Jorn Hale did not name his rivals, but told The Velm Herald he would run again.");
  const Attribution* a = by_cue(d, "told");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Jorn Hale");
  EXPECT_EQ(content(d, *a), "he would run again");
}

TEST(Attribution, OwnedNounOfSayingWithThatClause) {
  Document d = analyze("Critics mocked Ana Pirel's claim that the harbour was safe.");
  const Attribution* a = by_cue(d, "claim");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Ana Pirel's");
  EXPECT_EQ(content(d, *a), "that the harbour was safe");
  EXPECT_EQ(a->certainty, Certainty::kAlleged);
  // A relative clause or an ownerless noun is no attribution.
  Document e = analyze("The idea that was floated died. There is a fear that prices will rise.");
  EXPECT_TRUE(e.attributions.empty());
}

TEST(Attribution, UnownedNounOfSayingWithThatClause) {
  // A noun naming what unnamed people say reports a statement without a
  // source; after a determiner the "that" clause is mostly relative.
  Document d = analyze("The mill reopened despite complaints that the river was polluted.");
  const Attribution* a = by_cue(d, "complaints");
  ASSERT_NE(a, nullptr);
  EXPECT_FALSE(a->has_source);
  EXPECT_EQ(content(d, *a), "that the river was polluted");
  Document e = analyze("The needless speculation that Ana Pirel fuelled has faded.");
  EXPECT_EQ(by_cue(e, "speculation"), nullptr);
  Document f = analyze("The notion that prices will rise is common.");
  EXPECT_TRUE(f.attributions.empty());
  // ", warning that X" is the verb: no noun cue.
  Document g = analyze("Orla Venn, the port chief, left early, but warning that tolls would rise.");
  for (const Attribution& x : g.attributions) EXPECT_NE(x.rule, "noun_that");
}

TEST(Attribution, AskedWithoutASource) {
  Document d = analyze("Asked whether the bridge would reopen, Mayor Orla Venn said it would.");
  const Attribution* q = by_cue(d, "Asked");
  ASSERT_NE(q, nullptr);
  EXPECT_FALSE(q->has_source);
  EXPECT_EQ(content(d, *q), "whether the bridge would reopen");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Mayor Orla Venn");
}

TEST(Attribution, SentenceInitialDocument) {
  Document d =
      analyze("In a Velm Herald poll released Monday, most farmers ranked the levy first.");
  ASSERT_EQ(d.attributions.size(), 1u);
  EXPECT_EQ(source(d, d.attributions[0]), "a Velm Herald poll released Monday");
  EXPECT_EQ(content(d, d.attributions[0]), "most farmers ranked the levy first");
  Document e = analyze("In a village near the coast, farmers grew wheat.");
  EXPECT_TRUE(e.attributions.empty());
}

TEST(Attribution, MadeItClear) {
  Document d = analyze("The minister made it clear that the levy would stay.");
  const Attribution* a = by_cue(d, "made it clear");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "The minister");
  EXPECT_EQ(content(d, *a), "that the levy would stay");
}

TEST(Attribution, UnlistedPastVerbBeforeAThatClause) {
  Document d = analyze("The review panel surmised that the pumps had failed.");
  ASSERT_EQ(d.attributions.size(), 1u);
  EXPECT_EQ(source(d, d.attributions[0]), "The review panel");
  EXPECT_EQ(d.slice(d.attributions[0].cue), "surmised");
  EXPECT_EQ(content(d, d.attributions[0]), "that the pumps had failed");
  // Not after a non-subject, nor with "so that".
  Document e =
      analyze("It happened that the pumps failed. They worked so that the town stayed dry.");
  EXPECT_TRUE(e.attributions.empty());
}

TEST(Attribution, VerbParticleBelongsToTheCue) {
  Document d =
      analyze("The union railed against the levy. Jorn Hale said on Monday that it would pass.");
  const Attribution* a = by_cue(d, "railed against");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(content(d, *a), "the levy");
  const Attribution* b = by_cue(d, "said");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(content(d, *b), "that it would pass");
}

TEST(Attribution, PassiveContentIsTheSubject) {
  Document d = analyze("After the vote, the new levy was backed by the farmers' union.");
  const Attribution* a = by_cue(d, "was backed");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(content(d, *a), "the new levy");
  EXPECT_EQ(a->rule, "passive_by");
  // A relative clause is not taken apart.
  Document e = analyze("They built the dam, which was backed by the farmers.");
  EXPECT_EQ(by_cue(e, "was backed"), nullptr);
}

TEST(Attribution, NameColonQuoteNeedsNoEarlierVerb) {
  Document d = analyze("Ana Pirel told the Velm Herald: \u201cThe harbour is safe.\u201d");
  ASSERT_EQ(d.attributions.size(), 1u);
  EXPECT_EQ(source(d, d.attributions[0]), "Ana Pirel");
}

TEST(Attribution, UnmatchedClosingBracketIsTrimmed) {
  Document d = analyze("(Ana Pirel said the vote was fair.) Jorn Hale said the levy rose (again).");
  ASSERT_EQ(d.attributions.size(), 2u);
  EXPECT_EQ(content(d, d.attributions[0]), "the vote was fair");
  EXPECT_EQ(content(d, d.attributions[1]), "the levy rose (again)");
}

TEST(Attribution, CalledAfterAnIndefiniteNounNamesAThing) {
  Document d = analyze("Ana Pirel runs a charity called Harbour Aid.");
  EXPECT_TRUE(d.attributions.empty());
  Document e = analyze("Ana Pirel called the levy a disgrace.");
  ASSERT_EQ(e.attributions.size(), 1u);
  EXPECT_EQ(content(e, e.attributions[0]), "the levy a disgrace");
}

TEST(Attribution, StanceObjectEndsBeforeAnAdjunct) {
  Document d = analyze(
      "Ana Pirel blamed the board during a visit to Velm. Jorn Hale said the levy rose "
      "after the flood.");
  const Attribution* a = by_cue(d, "blamed");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(content(d, *a), "the board");
  const Attribution* b = by_cue(d, "said");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(content(d, *b), "the levy rose after the flood");  // a clause keeps it
}

TEST(Attribution, QuestionQuoteEndsTheSentenceBeforeItsSpeaker) {
  Document d = analyze(
      "\u201cWhy is the bridge closed?\u201d Ana Pirel asked. \u201cNobody knows!\u201d said Jorn "
      "Hale.");
  ASSERT_EQ(d.attributions.size(), 2u);
  EXPECT_EQ(source(d, d.attributions[0]), "Ana Pirel");
  EXPECT_EQ(content(d, d.attributions[0]), "\u201cWhy is the bridge closed?\u201d");
  EXPECT_EQ(source(d, d.attributions[1]), "Jorn Hale");
  EXPECT_EQ(content(d, d.attributions[1]), "\u201cNobody knows!\u201d");
}

TEST(Attribution, PassiveWithInfinitiveHasNoSource) {
  Document d = analyze(
      "The envoy is expected to resign on Friday. The smugglers are believed to have fled. "
      "Ana Pirel believed the smugglers.");
  ASSERT_EQ(d.attributions.size(), 2u);
  EXPECT_FALSE(d.attributions[0].has_source);
  EXPECT_EQ(d.slice(d.attributions[0].cue), "is expected");
  EXPECT_EQ(content(d, d.attributions[0]), "The envoy | to resign on Friday");
  EXPECT_EQ(content(d, d.attributions[1]), "The smugglers | to have fled");
  EXPECT_EQ(d.attributions[1].certainty, Certainty::kAlleged);
}

TEST(Attribution, PresentFormsAndCharacterisations) {
  Document d =
      analyze("The report mentions that two pumps failed. Jorn Hale compared the levy to a toll.");
  const Attribution* a = by_cue(d, "mentions");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "The report");
  EXPECT_EQ(a->source_kind, SourceKind::kDocument);
  const Attribution* b = by_cue(d, "compared");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(content(d, *b), "the levy to a toll");
}

TEST(Attribution, ParticipleClauseIsNotAnApposition) {
  Document d = analyze("Ana Pirel, speaking to farmers in Velm, said the levy would fall.");
  ASSERT_EQ(d.attributions.size(), 1u);
  EXPECT_EQ(source(d, d.attributions[0]), "Ana Pirel");
}

TEST(Attribution, ParticipleSourceIsNeverAnIntroductoryWord) {
  Document d = analyze("Chastened, the board met again on Monday, promising to cut the levy.");
  for (const Attribution& a : d.attributions) EXPECT_NE(source(d, a), "Chastened");
  Document e = analyze("Jorn Hale beamed and asked the crowd to welcome the mayor.");
  const Attribution* a = by_cue(e, "asked");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(e, *a), "Jorn Hale");
}

TEST(Attribution, OnInsideAnOrganisationName) {
  Document d = analyze("The Commission on Harbour Safety says the cranes are sound.");
  ASSERT_EQ(d.attributions.size(), 1u);
  EXPECT_EQ(source(d, d.attributions[0]), "The Commission on Harbour Safety");
}

TEST(Attribution, TimeAdjunctAndObjectBeforeThat) {
  Document d =
      analyze("The Velm port authority on Friday denied reports that the cranes had failed.");
  ASSERT_EQ(d.attributions.size(), 1u);
  EXPECT_EQ(source(d, d.attributions[0]), "The Velm port authority");
  EXPECT_EQ(content(d, d.attributions[0]), "reports that the cranes had failed");
  EXPECT_EQ(d.attributions[0].certainty, Certainty::kDenied);
}

TEST(Attribution, AdjunctBeforeCitingAndThat) {
  Document d = analyze(
      "The Tarn Courier had reported on Monday, quoting two clerks, that the ledger was burned.");
  const Attribution* main = by_cue(d, "had reported");
  const Attribution* cited = by_cue(d, "quoting");
  ASSERT_NE(main, nullptr);
  ASSERT_NE(cited, nullptr);
  EXPECT_EQ(content(d, *main), "that the ledger was burned");
  EXPECT_EQ(source(d, *cited), "two clerks");
  EXPECT_EQ(&d.attributions[cited->via], main);
}

TEST(Attribution, PossessiveApostropheInsideAnApposition) {
  // A plural possessive "Farmers’" is not a closing quotation mark.
  Document d = analyze(
      "\u201cWe will rebuild the barns,\u201d Lina Osk, the Farmers\u2019 Union spokeswoman, "
      "said in a statement.");
  const Attribution* a = by_cue(d, "said in a statement");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Lina Osk, the Farmers\u2019 Union spokeswoman");
  EXPECT_EQ(content(d, *a), "\u201cWe will rebuild the barns,\u201d");
}

TEST(Attribution, DashAppositionBeforeTheCue) {
  Document d =
      analyze("Pel Arno \u2014 a baker from Tarn \u2014 says the flour price has doubled.");
  const Attribution* a = by_cue(d, "says");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Pel Arno \u2014 a baker from Tarn");
  EXPECT_EQ(content(d, *a), "the flour price has doubled");
}

TEST(Attribution, LongNameWithPartyLabelAndApposition) {
  Document d = analyze(
      "Republican Rep. Ada Lind (R-Ore.), a member of the harbour panel, said the bill "
      "will pass.");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Republican Rep. Ada Lind (R-Ore.), a member of the harbour panel");
  EXPECT_EQ(content(d, *a), "the bill will pass");
}

TEST(Attribution, PlainNounGroupSubjectWithIncluding) {
  Document d = analyze(
      "Three newspapers in the valley, including the Tarn Courier, said the mayor should "
      "resign.");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Three newspapers in the valley, including the Tarn Courier");
  EXPECT_EQ(content(d, *a), "the mayor should resign");
}

TEST(Attribution, InvertedSourceBeforeASubordinateClause) {
  Document d = analyze(
      "\u201cThe bridge is safe,\u201d said engineer Ivo Kast when asked about the cracks.");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "engineer Ivo Kast");
  EXPECT_EQ(content(d, *a), "\u201cThe bridge is safe,\u201d");
}

TEST(Attribution, SentenceInitialSaidBeforeTheSourceAndQuote) {
  Document d = analyze("Said Mira Holt, who runs the bakery, \u201cWe lost everything.\u201d");
  const Attribution* a = by_cue(d, "Said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Mira Holt, who runs the bakery");
  EXPECT_EQ(content(d, *a), "\u201cWe lost everything.\u201d");
  EXPECT_TRUE(a->quoted);
}

TEST(Attribution, AccordingToSourceWithARelativeClause) {
  Document d = analyze(
      "\"The talks resumed at dawn,\" according to an official who spoke on condition of "
      "anonymity.");
  const Attribution* a = by_cue(d, "according to");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "an official who spoke on condition of anonymity");
  EXPECT_EQ(a->source_kind, SourceKind::kAnonymous);
  EXPECT_EQ(content(d, *a), "\"The talks resumed at dawn,\"");
}

TEST(Attribution, AgentlessPassiveHasNoSource) {
  Document d = analyze("Two harbour clerks were accused of forging the ledger.");
  ASSERT_EQ(d.attributions.size(), 1u);
  const Attribution& a = d.attributions[0];
  EXPECT_FALSE(a.has_source);
  EXPECT_EQ(a.rule, "passive_sourceless");
  EXPECT_EQ(d.slice(a.cue), "were accused of");
  EXPECT_EQ(content(d, a), "Two harbour clerks | forging the ledger");
  // An event verb in the passive inside a report is no attribution of its own.
  Document r = analyze("The Velm Courier reported the ferry was attacked near the port.");
  ASSERT_EQ(r.attributions.size(), 1u);
  EXPECT_EQ(r.slice(r.attributions[0].cue), "reported");
}

TEST(Attribution, WhenAskedAfterTheAnswerIsASourcelessQuestion) {
  Document d =
      analyze("\"You bet I would,\" Tova Rell said when asked whether she would run again.");
  const Attribution* said = by_cue(d, "said");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(source(d, *said), "Tova Rell");
  const Attribution* asked = by_cue(d, "asked");
  ASSERT_NE(asked, nullptr);
  EXPECT_FALSE(asked->has_source);
  EXPECT_EQ(content(d, *asked), "whether she would run again");

  Document e = analyze("Asked on Velm Radio who leads the party, she named the mayor.");
  const Attribution* q = by_cue(e, "Asked");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(content(e, *q), "who leads the party");
}

TEST(Attribution, ParticipleAfterACommaInsideTheClosingQuote) {
  Document d = analyze(
      "Ana Ruiz told the paper that the plan \u201cwas a gamble,\u201d adding, \u201cWe lost "
      "the vote.\u201d");
  const Attribution* told = by_cue(d, "told");
  const Attribution* adding = by_cue(d, "adding");
  ASSERT_NE(told, nullptr);
  ASSERT_NE(adding, nullptr);
  EXPECT_EQ(content(d, *told), "that the plan \u201cwas a gamble,\u201d");
  EXPECT_EQ(source(d, *adding), "Ana Ruiz");
  EXPECT_EQ(content(d, *adding), "\u201cWe lost the vote.\u201d");
}

TEST(Attribution, ShowIsAVerbOnlyAfterAPluralSubject) {
  Document noun = analyze("Ana Ruiz hosts a radio show that airs on Sundays in Tarn.");
  EXPECT_EQ(by_cue(noun, "show"), nullptr);
  Document verb = analyze("Harbour records show that the pier was sold in 2019.");
  const Attribution* a = by_cue(verb, "show");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(verb, *a), "Harbour records");
  EXPECT_EQ(content(verb, *a), "that the pier was sold in 2019");
}

TEST(Attribution, RelativeClauseWithoutThatLeavesTheAntecedentOut) {
  Document d = analyze("It was a tactic Velm Labour hopes will win the port towns.");
  const Attribution* a = by_cue(d, "hopes");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Velm Labour");
  // A title before a name belongs to the source.
  Document t = analyze("The harbour candidate Ana Ruiz said the pier will reopen.");
  ASSERT_NE(by_cue(t, "said"), nullptr);
  EXPECT_EQ(source(t, *by_cue(t, "said")), "The harbour candidate Ana Ruiz");
}

TEST(Attribution, ContentEndsBeforeANewClauseAfterAnd) {
  Document d = analyze("Ana Ruiz said the plan is fair, and the council voted for it.");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(content(d, *a), "the plan is fair");
  // A list after "and" stays in the content.
  Document l = analyze("Ana Ruiz said the mill, the bakery, and the school will close.");
  ASSERT_NE(by_cue(l, "said"), nullptr);
  EXPECT_EQ(content(l, *by_cue(l, "said")), "the mill, the bakery, and the school will close");
}

TEST(Attribution, AttitudeInsideAnotherContentIsNotItsOwnStatement) {
  Document d = analyze("Ana Ruiz said the ferry captain believes the pier is unsafe.");
  ASSERT_NE(by_cue(d, "said"), nullptr);
  EXPECT_EQ(by_cue(d, "believes"), nullptr);
  EXPECT_EQ(d.attributions.size(), 1u);
  // On its own the attitude is an attribution.
  Document own = analyze("The ferry captain believes the pier is unsafe.");
  const Attribution* a = by_cue(own, "believes");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(own, *a), "The ferry captain");
}

TEST(Attribution, InvertedSourceKeepsItsRelativeClause) {
  Document d = analyze(
      "\"The tide tables are wrong,\" said a retired harbour pilot who worked the port "
      "for thirty years.");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "a retired harbour pilot who worked the port for thirty years");
  EXPECT_EQ(content(d, *a), "\"The tide tables are wrong,\"");
}

TEST(Attribution, SlashAndPluralPossessiveStayInTheSource) {
  Document d = analyze("A Lantern/Velm poll showed that the mayor is ahead.");
  const Attribution* a = by_cue(d, "showed");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "A Lantern/Velm poll");
  Document p = analyze("The farmers\xe2\x80\x99 lawyers argued that the tax is unfair.");
  ASSERT_NE(by_cue(p, "argued"), nullptr);
  EXPECT_EQ(source(p, *by_cue(p, "argued")), "The farmers\xe2\x80\x99 lawyers");
}

TEST(Attribution, LongTailCueVerbs) {
  Document d = analyze("The council decided to close the harbour road.");
  ASSERT_NE(by_cue(d, "decided"), nullptr);
  Document s = analyze("Ana Ruiz shot back that the figures were invented.");
  const Attribution* a = by_cue(s, "shot back");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(content(s, *a), "that the figures were invented");
  Document c = analyze("The mayor said the plan is fair, while critics call it a giveaway.");
  ASSERT_NE(by_cue(c, "said"), nullptr);
  EXPECT_EQ(content(c, *by_cue(c, "said")), "the plan is fair");
}

TEST(Attribution, SemicolonEndsTheContent) {
  Document d = analyze(
      "The Velm Budget Office estimates that the levy would raise $4 billion; a rival "
      "institute puts the figure far lower.");
  const Attribution* a = by_cue(d, "estimates");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(content(d, *a), "that the levy would raise $4 billion");
}

TEST(Attribution, ContentEndsWhereANewSubjectSpeaks) {
  Document d = analyze(
      "Mayor Elna Vorst said the harbour would close for a week and she accused the "
      "port authority of hiding the damage.");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(content(d, *a), "the harbour would close for a week");
}

TEST(Attribution, SubordinateAttributionEndsAtTheMainClause) {
  Document d =
      analyze("While Ivo Kast criticized the new toll, the council approved it on Monday.");
  const Attribution* a = by_cue(d, "criticized");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Ivo Kast");
  EXPECT_EQ(content(d, *a), "the new toll");
}

TEST(Attribution, NounObjectEndsAtACommaButKeepsAList) {
  Document d =
      analyze("Senator Ada Lind praised the harbour plan, and the council will debate it in May.");
  const Attribution* a = by_cue(d, "praised");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(content(d, *a), "the harbour plan");
  Document l = analyze("Senator Ada Lind criticized Vorst, Kast and Holt for the delay.");
  const Attribution* b = by_cue(l, "criticized");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(content(l, *b), "Vorst, Kast and Holt for the delay");
}

TEST(Attribution, InvertedSourceKeepsPartyLabelAndLongApposition) {
  Document d = analyze("\"The bridge is safe,\" said Rep. Ana Ruiz (D-Ore.).");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Rep. Ana Ruiz (D-Ore.)");
  Document e = analyze(
      "\"The bridge is safe,\" said Ivo Kast, a Tarn engineer who has criticized the "
      "council over three earlier repairs.");
  const Attribution* b = by_cue(e, "said");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(source(e, *b),
            "Ivo Kast, a Tarn engineer who has criticized the council over three earlier repairs");
}

TEST(Attribution, ADatedReportIsNoObjectGap) {
  Document d = analyze("The report published Tuesday showed that exports fell by a third.");
  const Attribution* a = by_cue(d, "showed");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "The report published Tuesday");
}

TEST(Attribution, PersonCloseToTheTalksIsTheSource) {
  Document d = analyze("The deal is nearly done, according to a person close to the talks.");
  const Attribution* a = by_cue(d, "according to");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "a person close to the talks");
}

TEST(Attribution, AspectVerbAndLongJoinTheCue) {
  Document d = analyze("Ana Ruiz continued to criticize the harbour tax on Monday.");
  ASSERT_EQ(d.attributions.size(), 1u);
  EXPECT_EQ(d.slice(d.attributions[0].cue), "continued to criticize");
  EXPECT_EQ(source(d, d.attributions[0]), "Ana Ruiz");
  Document l = analyze("The ferry union has long argued that the pier is unsafe.");
  const Attribution* a = by_cue(l, "has long argued");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(l, *a), "The ferry union");
  EXPECT_EQ(content(l, *a), "that the pier is unsafe");
}

TEST(Attribution, TranscriptLabelInsideQuotationMarks) {
  Document d = analyze(
      "The exchange went as follows.\n\n\"VORST: The bridge will reopen in May.\n\n"
      "\"BRILL: Nobody in Tarn believes that.\n");
  const Attribution* a = by_cue(d, ":");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "VORST");
  EXPECT_EQ(content(d, *a), "The bridge will reopen in May");
  EXPECT_EQ(a->rule, std::string_view("speaker_colon"));
}

TEST(Attribution, UnknownVerbWithThatClause) {
  Document d = analyze("The harbour board expects that ferry traffic will double.");
  const Attribution* a = by_cue(d, "expects");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "The harbour board");
  EXPECT_EQ(content(d, *a), "that ferry traffic will double");
  // "that" as a determiner: no clause follows.
  Document n = analyze("The mayor accepted that invitation.");
  EXPECT_EQ(by_cue(n, "accepted"), nullptr);
}

TEST(Attribution, NestedStanceOnAThingStaysInTheOuterContent) {
  Document d = analyze("Ana Ruiz said the mayor talked about the budget on Monday.");
  ASSERT_NE(by_cue(d, "said"), nullptr);
  EXPECT_EQ(by_cue(d, "talked about"), nullptr);
  // A relayed statement with a clause keeps its own attribution.
  Document r = analyze("Ana Ruiz said the mayor claimed that the budget is balanced.");
  ASSERT_NE(by_cue(r, "claimed"), nullptr);
}

TEST(Attribution, UnmatchedVerbOfSayingInARelativeClause) {
  // The relative pronoun is the source (as PolNeAR marks it).
  Document d = analyze(
      "The Tarn Gazette, which first reported the closure, published the letter on Monday.");
  const Attribution* a = by_cue(d, "first reported");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "which");
  EXPECT_EQ(content(d, *a), "the closure");
  EXPECT_EQ(a->rule, std::string_view("unmatched_verb"));
}

TEST(Attribution, UnmatchedVerbAfterAndTakesTheOpeningSubject) {
  Document d = analyze(
      "In a meeting with the port board on Monday the mayor Elna Vorst smiled and said "
      "the ferry would run again in May.");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_NE(source(d, *a), "<none>");
  EXPECT_EQ(content(d, *a), "the ferry would run again in May");
}

TEST(Attribution, UnmatchedVerbSkipsParticiplesImperativesAndInfinitives) {
  // A participle describing a thing, an imperative and a bare infinitive
  // after an adjective are no statements.
  Document d = analyze("The levy, backed by the harbour board, doubles in May.");
  EXPECT_EQ(by_cue(d, "backed"), nullptr);
  Document i = analyze("Tell the mayor the ferry is late.");
  EXPECT_EQ(by_cue(i, "Tell"), nullptr);
  Document n = analyze("The board is likely to announce the new fares in May.");
  EXPECT_EQ(by_cue(n, "announce"), nullptr);
}

TEST(Attribution, ContractedAuxiliaryAfterAPronounJoinsTheCue) {
  Document d = analyze("He's claiming that the harbour tax will double.");
  ASSERT_EQ(d.attributions.size(), 1u);
  EXPECT_EQ(d.slice(d.attributions[0].cue), "'s claiming");
  EXPECT_EQ(source(d, d.attributions[0]), "He");
  // A possessive stays a noun: "Ana's claims" is no cue.
  Document p = analyze("Ana's claims were printed in the Tarn Gazette.");
  EXPECT_EQ(by_cue(p, "claims"), nullptr);
}

TEST(Attribution, IssuedIsACueOfferedIsAnEvent) {
  Document i = analyze("The port board issued a warning that the pier is unsafe.");
  const Attribution* a = by_cue(i, "issued");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(i, *a), "The port board");
  // Offering help is an event, not a statement.
  Document d = analyze("The harbour board offered help to the ferry union.");
  EXPECT_EQ(by_cue(d, "offered"), nullptr);
}

TEST(Attribution, UnrelayedCueInsideAnotherContentIsDropped) {
  // "by adding" lies in what Ana Ruiz said and is not relayed through it.
  Document d = analyze(
      "Ana Ruiz said the developers had drawn the map by adding two poor districts to the "
      "rich ones.");
  ASSERT_EQ(d.attributions.size(), 1u);
  EXPECT_EQ(d.slice(d.attributions[0].cue), "said");
  EXPECT_EQ(d.attributions[0].id, "a1");
  // "according to" takes the whole clause before it: the statement inside stays.
  Document a = analyze("The police have said they will release the video, according to the mayor.");
  EXPECT_NE(by_cue(a, "have said"), nullptr);
  EXPECT_NE(by_cue(a, "according to"), nullptr);
}

TEST(Attribution, RelativeClauseInsideTheContentKeepsItsVerb) {
  Document d = analyze(
      "Officials said that Mayor Ivo Brandt, who runs the harbour board, will step down "
      "in June.");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(content(d, *a),
            "that Mayor Ivo Brandt, who runs the harbour board, will step down in June");
}

TEST(Attribution, RelativeClauseAtTheEndIsTheWriters) {
  Document d =
      analyze("Officials said that the ferry will stop at Velm, which lies on the north shore.");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(content(d, *a), "that the ferry will stop at Velm");
}

TEST(Attribution, QuotationEndingInACommaIsNotContinued) {
  Document d = analyze(
      "\u201cWe are ready,\u201d Ana Ruiz said. \u201cThe nets are mended. The boats are "
      "painted,\u201d her brother Ivo added.");
  const Attribution* said = by_cue(d, "said");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(content(d, *said), "\u201cWe are ready,\u201d");
  const Attribution* added = by_cue(d, "added");
  ASSERT_NE(added, nullptr);
  EXPECT_EQ(content(d, *added), "\u201cThe nets are mended. The boats are painted,\u201d");
}

TEST(Attribution, AfterAQuotationOnlyAQuotationContinues) {
  Document d = analyze("\u201cIt was a fair vote,\u201d Ana Ruiz said of the count on Monday.");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(content(d, *a), "\u201cIt was a fair vote,\u201d");
  Document e = analyze(
      "\u201cIt was a fair vote,\u201d Ana Ruiz said on Monday, \u201cand we accept it.\u201d");
  const Attribution* b = by_cue(e, "said");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(content(e, *b), "\u201cIt was a fair vote,\u201d | \u201cand we accept it.\u201d");
}

TEST(Attribution, StanceObjectEndsBeforeTimeOrMedium) {
  Document d = analyze("Senator Ana Ruiz attacked the toll plan in early-morning tweets.");
  const Attribution* a = by_cue(d, "attacked");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(content(d, *a), "the toll plan");
  Document e = analyze("The council rejected the argument in July.");
  const Attribution* b = by_cue(e, "rejected");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(content(e, *b), "the argument");
  // A complement after the phrase keeps it inside: "described X on Y as Z".
  Document f = analyze("Ivo Brandt described himself in an interview as a cautious man.");
  const Attribution* c = by_cue(f, "described");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(content(f, *c), "himself in an interview as a cautious man");
}

TEST(Attribution, ClauseBeforeTheSubjectBeatsAnAdjunctAfterTheCue) {
  Document d = analyze(
      "The bridge will reopen in May, Mayor Elna Vorst said in a video message to the "
      "council.");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(content(d, *a), "The bridge will reopen in May");
}

TEST(Attribution, ButThatGoesOnWithTheStatement) {
  Document d = analyze(
      "Ana Ruiz said that the mill would close, but that its workers would be paid until "
      "spring.");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(content(d, *a),
            "that the mill would close, but that its workers would be paid until spring");
  // Without "that" the clause after ", but" stays the writer's.
  Document e = analyze("Ana Ruiz said that the mill would close, but nobody believed her.");
  const Attribution* b = by_cue(e, "said");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(content(e, *b), "that the mill would close");
}

TEST(Attribution, QuotationContinuesAfterALongReportingClause) {
  Document d = analyze(
      "\u201cWe are ready,\u201d Ana Ruiz said on stage at the harbour festival on Sunday. "
      "\u201cThe boats are painted.\u201d");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(content(d, *a), "\u201cWe are ready,\u201d | \u201cThe boats are painted.\u201d");
  // Another sentence between them ends the statement.
  Document e = analyze(
      "\u201cWe are ready,\u201d Ana Ruiz said. The crowd cheered. \u201cThe boats are "
      "painted.\u201d");
  const Attribution* b = by_cue(e, "said");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(content(e, *b), "\u201cWe are ready,\u201d");
}

TEST(Attribution, AppositionAtTheEndOfTheSentenceIsTheWriters) {
  Document d = analyze("The mill said it would cut 300 jobs, a tenth of its staff.");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(content(d, *a), "it would cut 300 jobs");
  // A list is no apposition.
  Document e = analyze("Ana Ruiz said they differ on taxes, the port and the new bridge.");
  const Attribution* b = by_cue(e, "said");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(content(e, *b), "they differ on taxes, the port and the new bridge");
}

TEST(Attribution, AnotherSpeakerAfterAndEndsTheContent) {
  Document d = analyze(
      "Most farmers said they were worried about the drought, and more than half said the "
      "ministry had done too little.");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(content(d, *a), "they were worried about the drought");
  // A second clause without a verb of saying stays inside.
  Document e =
      analyze("Ana Ruiz said the harbour was too shallow, and ships waited offshore for days.");
  const Attribution* b = by_cue(e, "said");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(content(e, *b), "the harbour was too shallow, and ships waited offshore for days");
}

TEST(Attribution, TranscriptTurnEndsAtItsParagraph) {
  // Quoted paragraph by paragraph, with the closing marks left out.
  Document d = analyze(
      "The exchange went as follows.\n\n\"VORST: The bridge will reopen in May.\n\n"
      "\"BRILL: Nobody in Tarn believes that.\n\n\"VORST: They will see.\"\n");
  ASSERT_GE(d.attributions.size(), 1u);
  const Attribution& a = d.attributions[0];
  EXPECT_EQ(source(d, a), "VORST");
  EXPECT_EQ(content(d, a), "The bridge will reopen in May.");
}

// A participle or a second predicate takes the subject of the verb it hangs
// on, not the sentence's first name or an earlier attribution's source.
TEST(Attribution, ParticipleTakesSubjectOfNearestGoverningVerb) {
  Document d = analyze(
      "Ivo Kast complained that the count was unfair, a charge that harbour officials "
      "strongly denied, noting that the rules had not changed.");
  const Attribution* a = by_cue(d, "noting");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "harbour officials");
}

TEST(Attribution, ParticipleSkipsSubjectOfComplementClause) {
  Document d = analyze(
      "Mayor Elna Vorst rebuked critics who say she should resign, saying the port "
      "had never been busier.");
  const Attribution* a = by_cue(d, "saying");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Mayor Elna Vorst");
}

TEST(Attribution, SecondPredicatePairsWithVerbOfSameTense) {
  Document d = analyze(
      "Ana Ruiz slammed the council for suggesting that farmers cling to old ways, and "
      "bragged that her plan would work.");
  const Attribution* a = by_cue(d, "bragged");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Ana Ruiz");
}

TEST(Attribution, SecondPredicateOfRelativeClauseKeepsRelativePronoun) {
  Document d = analyze(
      "The inquiry heard from Ivo Kast, who saw the crash and said the driver was "
      "not at fault.");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "who");
}

// The whole subject: a prepositional tail, a relative clause, coordination.
TEST(Attribution, SubjectKeepsItsPrepositionalTail) {
  Document d = analyze("But aides to the mayor say she will not run again.");
  const Attribution* a = by_cue(d, "say");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "aides to the mayor");
  Document e = analyze("Most of them said the harbour should stay open.");
  const Attribution* b = by_cue(e, "said");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(source(e, *b), "Most of them");
  Document f = analyze("A review by the Tarn Courier shows that the fund lost money.");
  const Attribution* c = by_cue(f, "shows");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(source(f, *c), "A review by the Tarn Courier");
}

TEST(Attribution, SubjectKeepsItsRelativeClause) {
  Document d = analyze("Farmers in Velm who lost their crops said the aid came too late.");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Farmers in Velm who lost their crops");
}

TEST(Attribution, CoordinatedSubjectIsOneSource) {
  Document d = analyze("Mayor Elna Vorst and her advisers said the budget was sound.");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Mayor Elna Vorst and her advisers");
  Document e = analyze("Teachers, nurses and many shop owners say the tax is unfair.");
  const Attribution* b = by_cue(e, "say");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(source(e, *b), "Teachers, nurses and many shop owners");
}

TEST(Attribution, ObjectOfEarlierVerbIsNotCoordinatedIntoSubject) {
  Document d =
      analyze("The mayor will not attend the opening and her deputy said the plan was rushed.");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "her deputy");
}

// Verbs of speaking, judging and considering beyond "say" and "claim", and
// light-verb phrases whose whole phrase is the cue.
TEST(Attribution, JudgingAndConsideringVerbsAreCues) {
  Document d = analyze("Councillor Ivo Kast chided the board for the delay.");
  const Attribution* a = by_cue(d, "chided");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Councillor Ivo Kast");
  EXPECT_EQ(content(d, *a), "the board for the delay");
  Document e = analyze("Ana Ruiz reaffirmed that the clinic will stay open.");
  const Attribution* b = by_cue(e, "reaffirmed");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(source(e, *b), "Ana Ruiz");
  EXPECT_EQ(content(e, *b), "that the clinic will stay open");
  Document f = analyze("Critics mulled whether the fund could survive another year.");
  const Attribution* c = by_cue(f, "mulled");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(content(f, *c), "whether the fund could survive another year");
}

TEST(Attribution, LightVerbPhrasesAreWholeCues) {
  Document d = analyze("The harbour master made no secret of his doubts about the new pier.");
  const Attribution* a = by_cue(d, "made no secret of");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "The harbour master");
  EXPECT_EQ(content(d, *a), "his doubts about the new pier");
  Document e = analyze("Mayor Elna Vorst took aim at the regional council over the bus fares.");
  const Attribution* b = by_cue(e, "took aim at");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(source(e, *b), "Mayor Elna Vorst");
  Document f = analyze("The minister walked back her remarks about the tax on Friday.");
  const Attribution* c = by_cue(f, "walked back");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->certainty, Certainty::kDenied);
}

TEST(Attribution, StanceAdjectiveAfterCopula) {
  Document d = analyze("Senator Ivo Markel has been critical of the harbour tax since June.");
  const Attribution* a = by_cue(d, "has been critical of");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Senator Ivo Markel");
  EXPECT_EQ(content(d, *a), "the harbour tax");
  Document c = analyze("Farmers in Tarn are not confident that the dam will hold.");
  const Attribution* b = by_cue(c, "are not confident");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(source(c, *b), "Farmers in Tarn");
  EXPECT_EQ(content(c, *b), "that the dam will hold");
  EXPECT_EQ(b->certainty, Certainty::kDenied);
  Document v = analyze("Voters in Velm remain deeply divided on the harbour tax.");
  const Attribution* x = by_cue(v, "remain deeply divided on");
  ASSERT_NE(x, nullptr);
  EXPECT_EQ(source(v, *x), "Voters in Velm");
  Document g = analyze("The mayor is eager to reopen the bridge before winter.");
  const Attribution* y = by_cue(g, "is eager");
  ASSERT_NE(y, nullptr);
  EXPECT_EQ(content(g, *y), "to reopen the bridge before winter");
  // The writer's own judgement ("it is clear that") and an adjective of
  // fact rather than stance hold no attribution.
  Document e = analyze("It is clear that the dam will hold. The river is full of fish.");
  EXPECT_TRUE(e.attributions.empty());
}

TEST(Attribution, OpeningSubordinateClauseStaysInTheContent) {
  Document d = analyze(
      "The mayor said that, if elected, she would close the port. Ivo Kast argued that since "
      "he is not running, he should keep his notes private.");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(content(d, *a), "that, if elected, she would close the port");
  const Attribution* b = by_cue(d, "argued");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(content(d, *b), "that since he is not running, he should keep his notes private");
}

TEST(Attribution, CoordinatedSubjectOfTheContentIsNoSecondStatement) {
  Document d =
      analyze("The auditor noted that both Ana Ruiz and Ivo Kast were referring to one study.");
  const Attribution* a = by_cue(d, "noted");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(content(d, *a), "that both Ana Ruiz and Ivo Kast were referring to one study");
}

TEST(Attribution, WritersClauseAfterCommaInsideClosingQuote) {
  Document d = analyze(
      "The panel ruled that the claim was \"false,\" but its members could not agree on the "
      "reasons.");
  const Attribution* a = by_cue(d, "ruled");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(content(d, *a), "that the claim was \"false,\"");
}

TEST(Attribution, SecondPredicateAfterAVerblessObjectIsTheWriters) {
  Document d = analyze(
      "Ana Ruiz rejected the plan and left the meeting early. The union declined to renew the "
      "contract and the council could not find another operator.");
  const Attribution* a = by_cue(d, "rejected");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(content(d, *a), "the plan");
  const Attribution* b = by_cue(d, "declined");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(content(d, *b), "to renew the contract");
  // A noun group before "and" may be the first half of the content's subject.
  Document e = analyze("Ivo Kast said the mill and the bakery had closed.");
  const Attribution* c = by_cue(e, "said");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(content(e, *c), "the mill and the bakery had closed");
}

TEST(Attribution, ObjectOfAVerbBeforeAndIsNotInTheSubject) {
  Document d = analyze(
      "Ana Ruiz declined to answer the paper's questions and Ivo Kast said the deal was fair.");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Ivo Kast");
}

TEST(Attribution, QuotationAfterAnInvertedSourceGoesOn) {
  Document d = analyze(
      "\"It is a hard issue,\" said the senator from Tarn, \"because it puts two rights in "
      "conflict.\"");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "the senator from Tarn");
  EXPECT_EQ(content(d, *a),
            "\"It is a hard issue,\" | \"because it puts two rights in conflict.\"");
}

TEST(Attribution, NextQuotationContinuesPastAVerbInTheSourcesRelativeClause) {
  Document d = analyze(
      "\"I would want answers,\" said a party member who backs Ruiz. \"That is the kind of "
      "stuff I would read.\"");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(content(d, *a),
            "\"I would want answers,\" | \"That is the kind of stuff I would read.\"");
}

TEST(Attribution, FinalAccordingToSourceRunsToTheSentenceEnd) {
  Document d = analyze(
      "Some families would pay more, according to an analysis by Ana Ruiz, a former tax aide "
      "now teaching at Tarn University. The bridge is unsafe, according to a CNN/ORC poll in "
      "February.");
  ASSERT_EQ(d.attributions.size(), 2u);
  EXPECT_EQ(source(d, d.attributions[0]),
            "an analysis by Ana Ruiz, a former tax aide now teaching at Tarn University");
  EXPECT_EQ(content(d, d.attributions[0]), "Some families would pay more");
  EXPECT_EQ(source(d, d.attributions[1]), "a CNN/ORC poll in February");
  // A clause after the source's comma is more of the content.
  Document e = analyze("Many of them left the town, according to officials, and never came back.");
  ASSERT_EQ(e.attributions.size(), 1u);
  EXPECT_EQ(source(e, e.attributions[0]), "officials");
  EXPECT_EQ(content(e, e.attributions[0]), "Many of them left the town | and never came back");
}

// "call" reports words when it names or demands, not when it phones or
// labels a thing.
TEST(Attribution, CallNamingAndDemandAreCues) {
  Document d = analyze("Senator Ivo Marsh called the toll plan \"a disgrace.\"");
  const Attribution* a = by_cue(d, "called");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Senator Ivo Marsh");
  Document e = analyze("Mayor Elna Vorst called the new levy unfair.");
  EXPECT_NE(by_cue(e, "called"), nullptr);
  Document f = analyze("The union called for a strike at the harbour.");
  EXPECT_NE(by_cue(f, "called for"), nullptr);
  Document g = analyze("At the rally, Ana Ruiz called him a liar.");
  EXPECT_NE(by_cue(g, "called"), nullptr);
}

TEST(Attribution, CallAsPhoneOrLabelIsNoCue) {
  Document d = analyze("On Friday, Ana Ruiz called her brother and the two met for lunch.");
  EXPECT_EQ(by_cue(d, "called"), nullptr);
  Document e = analyze("She joined a reading club called Velm Pages, which meets weekly.");
  EXPECT_EQ(by_cue(e, "called"), nullptr);
  Document f = analyze("The governor called Ivo Kast after the vote to congratulate him.");
  EXPECT_EQ(by_cue(f, "called"), nullptr);
}

TEST(Attribution, ShowUpAndTelevisionShowsAreNoCues) {
  Document d = analyze("Hundreds of farmers showed up to hear the minister speak.");
  EXPECT_EQ(by_cue(d, "showed"), nullptr);
  Document e = analyze("Making the rounds on the morning shows, Ana Ruiz said she would run.");
  EXPECT_EQ(by_cue(e, "shows"), nullptr);
  EXPECT_NE(by_cue(e, "said"), nullptr);
  Document f = analyze("The survey shows that most voters back the levy.");
  EXPECT_NE(by_cue(f, "shows"), nullptr);
}

TEST(Attribution, PremodifyingParticipleIsNoCue) {
  Document d = analyze("Ruiz leads Kast by nearly 300 pledged delegates in the count.");
  EXPECT_EQ(by_cue(d, "pledged"), nullptr);
}

TEST(Attribution, FoundHimselfAndHelpedFoundAreNoCues) {
  Document d = analyze("Ivo Kast found himself in an awkward position on Monday.");
  EXPECT_EQ(by_cue(d, "found"), nullptr);
  Document e = analyze("Ana Ruiz, who helped found the group in 2009, left last year.");
  EXPECT_EQ(by_cue(e, "found"), nullptr);
  Document f = analyze("The audit found that the harbour fund lost money.");
  EXPECT_NE(by_cue(f, "found"), nullptr);
}

TEST(Attribution, ThatSaidIsAConnective) {
  Document d = analyze("That said, the bridge will stay closed until May.");
  EXPECT_TRUE(d.attributions.empty());
}

// Frame cues (lexicon role "frame"): an act or stance of a named, pronoun or
// role subject outside every other content.
TEST(Attribution, FrameVerbOfANamedSubject) {
  Document d = analyze("Mayor Elna Vorst offered her condolences to the families of the miners.");
  const Attribution* a = by_cue(d, "offered");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Mayor Elna Vorst");
  EXPECT_EQ(content(d, *a), "her condolences to the families of the miners");
  EXPECT_EQ(a->rule, "frame_verb");
}

TEST(Attribution, FrameVerbNeedsAPersonSubjectAndNoOtherContent) {
  // A thing as the subject: no attribution.
  Document d = analyze("The corner shop offered steep discounts on bread last winter.");
  EXPECT_EQ(by_cue(d, "offered"), nullptr);
  // Inside what somebody says: part of that statement, not a second one.
  Document e = analyze("Ivo Kast said that Ana Ruiz offered him a seat on the board.");
  EXPECT_NE(by_cue(e, "said"), nullptr);
  EXPECT_EQ(by_cue(e, "offered"), nullptr);
}

TEST(Attribution, FrameToFormIsACueOnlyBeforeABaseVerb) {
  Document d = analyze("The Velm council plans to close the old bridge in May.");
  const Attribution* a = by_cue(d, "plans");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "The Velm council");
  EXPECT_EQ(content(d, *a), "to close the old bridge in May");
  // A possessed noun is no verb.
  Document e = analyze("Her plans to close the old bridge were dropped in May.");
  EXPECT_EQ(by_cue(e, "plans"), nullptr);
}

TEST(Attribution, DrewCriticismIsACue) {
  Document d = analyze("Senator Tomas Brill drew criticism for his vote on the harbour tax.");
  // The particle belongs to the cue, as with "railed against".
  const Attribution* a = by_cue(d, "drew criticism for");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Senator Tomas Brill");
  EXPECT_EQ(content(d, *a), "his vote on the harbour tax");
}

TEST(Attribution, BareParticipleAfterNounTakesThatNoun) {
  // "ads attacking X": the noun the participle describes, not the clause
  // before it.
  Document d = analyze("Most of the money went to ads attacking the harbour board.");
  const Attribution* a = by_cue(d, "attacking");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "ads");
  EXPECT_EQ(content(d, *a), "the harbour board");
}

TEST(Attribution, BareParticipleAfterVerbTakesTheSubject) {
  Document d = analyze(
      "Ana Ruiz spoke for an hour on Monday, then sat down describing the plan as a waste.");
  const Attribution* a = by_cue(d, "describing");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Ana Ruiz");
  EXPECT_EQ(content(d, *a), "the plan as a waste");
}

TEST(Attribution, ReducedPassiveByAgent) {
  // "a practice criticized by X": X is the source, the noun is the content.
  Document d = analyze("The Velm council dropped a practice criticized by civil rights groups.");
  const Attribution* a = by_cue(d, "criticized");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "civil rights groups");
  EXPECT_EQ(content(d, *a), "a practice");
  // "responded by saying": "by" takes a gerund, the subject stays the source.
  Document e = analyze("Ivo Kast responded by saying that the port will stay open.");
  const Attribution* b = by_cue(e, "responded");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(source(e, *b), "Ivo Kast");
}

TEST(Attribution, AdjectiveBeforeNameStaysInSubject) {
  // Not the relative clause without "that" of "the income trends Democrats
  // point to": an adjective before a name belongs to the group.
  Document d = analyze("Many prominent Republicans have said the tax is too high.");
  const Attribution* a = by_cue(d, "have said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Many prominent Republicans");
}

TEST(Attribution, ShareIsNoDateInSubject) {
  Document d = analyze("Six in 10 say the harbour tax is too high.");
  const Attribution* a = by_cue(d, "say");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Six in 10");
  // A year after "in" is still a time adjunct, not part of the subject.
  Document e = analyze("Ana Ruiz in 2015 said the harbour tax is too high.");
  const Attribution* b = by_cue(e, "said");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(source(e, *b), "Ana Ruiz");
}

TEST(Attribution, SubjectWithParticiplePhrase) {
  Document d = analyze("Parents opposing the harbour plan said the tax is too high.");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Parents opposing the harbour plan");
}

TEST(Attribution, AddresseeSearchStopsAtAnotherVerbOfSaying) {
  // The "that" after "Ana Ruiz said" is that verb's, not "backing"'s.
  Document d = analyze("By Tuesday, voters backing Ana Ruiz said that the tax is too high.");
  const Attribution* a = by_cue(d, "backing");
  ASSERT_NE(a, nullptr);
  EXPECT_NE(content(d, *a), "that the tax is too high");
  // "told Reuters on Monday that": the addressee and adjunct are skipped.
  Document e = analyze("Ana Ruiz told Reuters on Monday that the tax is too high.");
  const Attribution* b = by_cue(e, "told");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(content(e, *b), "that the tax is too high");
}

TEST(Attribution, AdjunctParentheticalIsNotPartOfTheSource) {
  Document d = analyze(
      "Ana Ruiz, in a statement released by the campaign on Thursday, said the tax is too "
      "high.");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Ana Ruiz");
  Document e =
      analyze("The mayor's office, when contacted by the Velm Herald, said the tax is too high.");
  const Attribution* b = by_cue(e, "said");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(source(e, *b), "The mayor's office");
  // An apposition stays: it names the source.
  Document f = analyze("Ivo Kast, the harbour master, said the tax is too high.");
  const Attribution* c = by_cue(f, "said");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(source(f, *c), "Ivo Kast, the harbour master");
}

TEST(Attribution, TrailingAdjunctAfterInvertedSource) {
  Document d = analyze("\"The tax is too high,\" said Ana Ruiz, after a rally in Velm.");
  const Attribution* a = by_cue(d, "said");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "Ana Ruiz");
  Document e = analyze("\"The tax is too high,\" said Ivo Kast, the harbour master.");
  const Attribution* b = by_cue(e, "said");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(source(e, *b), "Ivo Kast, the harbour master");
}

// How far a cue reaches: a verb of publishing, its document and a participle
// of saying are one cue.
TEST(AttributionCueExtent, PublishedDocumentAndParticipleAreOneCue) {
  Document d =
      analyze("The Tarn Growers Union issued a statement saying the harvest fell by a third.");
  ASSERT_EQ(d.attributions.size(), 1u);
  const Attribution& a = d.attributions[0];
  EXPECT_EQ(d.slice(a.cue), "issued a statement saying");
  EXPECT_EQ(source(d, a), "The Tarn Growers Union");
  EXPECT_EQ(content(d, a), "the harvest fell by a third");
}

TEST(AttributionCueExtent, PublishedDocumentWithAdjunctBeforeTheParticiple) {
  Document d = analyze(
      "The mill's owners sent out a text message to workers on Friday, saying the "
      "plant will close.");
  const Attribution* a = by_cue(d, "sent out a text message to workers on Friday, saying");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(source(d, *a), "The mill's owners");
  EXPECT_EQ(content(d, *a), "the plant will close");
  EXPECT_EQ(by_cue(d, "saying"), nullptr);
}

TEST(AttributionCueExtent, ParticipleWithoutPublishingVerbStaysShort) {
  // "in a statement saying": no verb of publishing before the document.
  Document d = analyze(
      "Ivo Kast, in a statement saying little, did not explain the delay, "
      "officials said.");
  EXPECT_EQ(by_cue(d, "a statement saying"), nullptr);
  EXPECT_EQ(by_cue(d, "in a statement saying"), nullptr);
}

}  // namespace
}  // namespace claimtrace
