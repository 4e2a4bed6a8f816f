// Tests for src/segment: tokens and sentences with exact byte offsets.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "segment/segmenter.h"
#include "segment/tokenizer.h"

namespace claimtrace {
namespace {

Document segmented(std::string text) {
  Document doc;
  doc.text = std::move(text);
  segment::segment(doc);
  return doc;
}

std::vector<std::string> sentences(const std::string& text) {
  Document doc = segmented(text);
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) out.emplace_back(doc.slice(s.span));
  return out;
}

std::vector<std::string> tokens(const std::string& text) {
  Document doc = segmented(text);
  std::vector<std::string> out;
  for (const Token& t : doc.tokens) out.emplace_back(doc.slice(t.span));
  return out;
}

using V = std::vector<std::string>;

TEST(Tokenizer, WordsPunctuationAndClitics) {
  EXPECT_EQ(tokens("Syria’s army didn't move, they're sure."),
            (V{"Syria", "’s", "army", "did", "n't", "move", ",", "they", "'re", "sure", "."}));
  EXPECT_EQ(tokens("Can't stop"), (V{"Ca", "n't", "stop"}));
}

TEST(Tokenizer, HyphensAndTransliteratedNames) {
  EXPECT_EQ(tokens("Jisr al-Shughur and Hay’at Tahrir al-Sham, O'Brien's"),
            (V{"Jisr", "al-Shughur", "and", "Hay’at", "Tahrir", "al-Sham", ",", "O'Brien", "'s"}));
  EXPECT_EQ(tokens("a 250-strong unit"), (V{"a", "250-strong", "unit"}));
}

TEST(Tokenizer, NumbersCurrencyPercentOrdinals) {
  EXPECT_EQ(tokens("3.5 1,000 250 2nd 10:30 $4.2 billion 7% 1/2"),
            (V{"3.5", "1,000", "250", "2nd", "10:30", "$", "4.2", "billion", "7", "%", "1/2"}));
  EXPECT_EQ(tokens("in 1,00 cases"), (V{"in", "1", ",", "00", "cases"}));
  Document doc = segmented("3.5 2nd x9");
  EXPECT_EQ(doc.tokens[0].kind, TokenKind::kNumber);
  EXPECT_EQ(doc.tokens[1].kind, TokenKind::kNumber);
  EXPECT_EQ(doc.tokens[2].kind, TokenKind::kWord);
}

TEST(Tokenizer, AbbreviationsInitialsAcronyms) {
  EXPECT_EQ(tokens("Mr. J. R. R. Smith of Acme Inc. met U.S. Gen. Ray at 5 p.m. today"),
            (V{"Mr.", "J.", "R.", "R.", "Smith", "of", "Acme", "Inc.", "met", "U.S.", "Gen.", "Ray",
               "at", "5", "p.m.", "today"}));
  // A dotted acronym after a hyphen (party and state labels) keeps its periods.
  EXPECT_EQ(tokens("Jo Kent (D-N.Y.) said"), (V{"Jo", "Kent", "(", "D", "-", "N.Y.", ")", "said"}));
  EXPECT_EQ(sentences("Rep. Jo Kent (D-N.Y.) said so. Others did not."),
            (V{"Rep. Jo Kent (D-N.Y.) said so.", "Others did not."}));
  // "No." is an abbreviation only before a number.
  EXPECT_EQ(tokens("No. 5 said no."), (V{"No.", "5", "said", "no", "."}));
}

TEST(Tokenizer, UrlsAndEmails) {
  EXPECT_EQ(
      tokens("See https://news.example.org/a?b=1. Mail desk@example.co.uk, or www.example.com)"),
      (V{"See", "https://news.example.org/a?b=1", ".", "Mail", "desk@example.co.uk", ",", "or",
         "www.example.com", ")"}));
}

TEST(Tokenizer, QuotesDashesEllipsesBrackets) {
  EXPECT_EQ(tokens("“The [army] is—maybe…” «oui» „ja“ it's -- ok..."),
            (V{"“",   "The", "[", "army", "]", "is", "—",  "maybe", "…",  "”",  "«",
               "oui", "»",   "„", "ja",   "“", "it", "'s", "--",    "ok", "..."}));
}

TEST(Tokenizer, NormalizedFormsLeaveTextUntouched) {
  std::string text = "“Syria’s” Army—ÉTAT";
  Document doc = segmented(text);
  EXPECT_EQ(doc.text, text);
  std::vector<std::string> norms;
  for (const Token& t : doc.tokens) norms.emplace_back(doc.norm(t));
  EXPECT_EQ(norms, (V{"\"", "syria", "'s", "\"", "army", "-", "état"}));
  EXPECT_TRUE(doc.tokens[0].has(kTokenOpenQuote));
  EXPECT_TRUE(doc.tokens[3].has(kTokenCloseQuote));
  EXPECT_TRUE(doc.tokens[4].has(kTokenCapitalized));
  EXPECT_TRUE(doc.tokens[6].has(kTokenAllCaps));
}

TEST(Tokenizer, StraightQuotesGetDirectionFromContext) {
  Document doc = segmented("He said \"go now\" and 'fine'.");
  EXPECT_TRUE(doc.tokens[2].has(kTokenOpenQuote));
  EXPECT_TRUE(doc.tokens[5].has(kTokenCloseQuote));
  EXPECT_TRUE(doc.tokens[7].has(kTokenOpenQuote));
  EXPECT_TRUE(doc.tokens[9].has(kTokenCloseQuote));
}

TEST(Tokenizer, OffsetsAreExactBytesAfterMultibyteText) {
  std::string text = "Ča “ok” — 5 €";
  Document doc = segmented(text);
  for (const Token& t : doc.tokens) {
    ASSERT_LE(t.span.end, text.size());
    EXPECT_FALSE(doc.slice(t.span).empty());
    EXPECT_NE(doc.slice(t.span).front(), ' ');
  }
  EXPECT_EQ(tokens(text), (V{"Ča", "“", "ok", "”", "—", "5", "€"}));
  EXPECT_EQ(doc.tokens[2].span.begin, 7u);  // "Ča " = 4 bytes, "“" = 3 bytes
}

TEST(Sentences, AbbreviationsDoNotSplit) {
  EXPECT_EQ(sentences("Mr. Smith met Dr. Jones at 5 p.m. on Jan. 5 in St. Louis. They talked."),
            (V{"Mr. Smith met Dr. Jones at 5 p.m. on Jan. 5 in St. Louis.", "They talked."}));
  EXPECT_EQ(sentences("Gen. Ray spoke. Sen. Lee replied."),
            (V{"Gen. Ray spoke.", "Sen. Lee replied."}));
}

TEST(Sentences, AmbiguousAbbreviationEndsSentenceBeforeCommonOpener) {
  EXPECT_EQ(sentences("The envoy flew to the U.S. The talks begin Monday."),
            (V{"The envoy flew to the U.S.", "The talks begin Monday."}));
  EXPECT_EQ(sentences("The U.S. Navy sailed. It left."), (V{"The U.S. Navy sailed.", "It left."}));
  EXPECT_EQ(sentences("Shares of Acme Inc. He said so."),
            (V{"Shares of Acme Inc.", "He said so."}));
}

TEST(Sentences, InitialsAndDecimals) {
  EXPECT_EQ(sentences("J. R. R. Tolkien wrote it. Growth was 3.5 percent. Next."),
            (V{"J. R. R. Tolkien wrote it.", "Growth was 3.5 percent.", "Next."}));
}

TEST(Sentences, QuotesClosingAfterPeriod) {
  EXPECT_EQ(
      sentences("He said, “It is over.” Then he left. “Why?” she asked. 'Fine.' Done."),
      (V{"He said, “It is over.”", "Then he left.", "“Why?” she asked.", "'Fine.'", "Done."}));
  EXPECT_EQ(sentences("He called it \"a disgrace.\" The vote failed."),
            (V{"He called it \"a disgrace.\"", "The vote failed."}));
}

TEST(Sentences, BracketsAndEllipses) {
  EXPECT_EQ(sentences("The [Northern army] is here (again). We wait... and wait… Then rain."),
            (V{"The [Northern army] is here (again).", "We wait... and wait…", "Then rain."}));
}

TEST(Sentences, HeadlineAndParagraphsAreHardBreaks) {
  std::string text =
      "Storm hits the coast without warning\nA storm hit the coast. Boats sank\n\n"
      "Rescuers arrived at 3 a.m.\nThey found no one.";
  Document doc = segmented(text);
  std::vector<std::string> got;
  for (const Sentence& s : doc.sentences) got.emplace_back(doc.slice(s.span));
  EXPECT_EQ(got, (V{"Storm hits the coast without warning", "A storm hit the coast.", "Boats sank",
                    "Rescuers arrived at 3 a.m.", "They found no one."}));
  EXPECT_EQ(doc.sentences[0].paragraph, 0u);
  EXPECT_EQ(doc.sentences[2].paragraph, 1u);
  EXPECT_EQ(doc.sentences[4].paragraph, 3u);
}

TEST(Sentences, HardWrappedWireCopyJoinsLines) {
  std::string text =
      "The harbour authority said on Monday that shipments of grain\n"
      "through the northern terminal would resume next week after\n"
      "repairs, officials told reporters.\n"
      "    Traffic had been halted since the storm damaged two of\n"
      "the cranes. Exporters welcomed the news.\n";
  EXPECT_TRUE(segment::looks_hard_wrapped(text));
  auto got = sentences(text);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].substr(0, 30), "The harbour authority said on ");
  EXPECT_EQ(got[0].substr(got[0].size() - 15), "told reporters.");
  EXPECT_EQ(got[2], "Exporters welcomed the news.");
}

TEST(Sentences, OneSentencePerLineIsNotWrapped) {
  EXPECT_FALSE(segment::looks_hard_wrapped(
      "EU rejects German call\nPeter Blackburn\nBRUSSELS 1996-08-22\n"));
  EXPECT_EQ(sentences("EU rejects German call\nPeter Blackburn\nBRUSSELS 1996-08-22"),
            (V{"EU rejects German call", "Peter Blackburn", "BRUSSELS 1996-08-22"}));
}

TEST(Sentences, SpansCoverTokensExactly) {
  std::string text = "  First one.   Second “quoted.”\n\n Third  ";
  Document doc = segmented(text);
  ASSERT_EQ(doc.sentences.size(), 3u);
  uint32_t tokens_seen = 0;
  for (const Sentence& s : doc.sentences) {
    EXPECT_EQ(s.first_token, tokens_seen);
    tokens_seen += s.token_count;
    EXPECT_EQ(s.span.begin, doc.tokens[s.first_token].span.begin);
    EXPECT_EQ(s.span.end, doc.tokens[s.first_token + s.token_count - 1].span.end);
  }
  EXPECT_EQ(tokens_seen, doc.tokens.size());
  EXPECT_EQ(doc.slice(doc.sentences[2].span), "Third");
}

TEST(Sentences, EmptyAndWhitespaceOnly) {
  EXPECT_TRUE(sentences("").empty());
  EXPECT_TRUE(sentences(" \n\t\n ").empty());
  EXPECT_EQ(sentences("..."), (V{"..."}));
}

}  // namespace
}  // namespace claimtrace
