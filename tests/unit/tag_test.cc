// Tests for src/tag: part of speech, lemmas, chunks, the tag lexicon image.
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "segment/segmenter.h"
#include "tag/tagger.h"

namespace claimtrace {
namespace {

Document tagged(const std::string& text) {
  Document doc;
  doc.text = text;
  segment::segment(doc);
  tag::tag_document(tag::TagLexicon::builtin(), doc);
  return doc;
}

// The token whose text is `word` (the first one), or fails the test.
const Token& token(const Document& doc, std::string_view word) {
  for (const Token& t : doc.tokens)
    if (doc.slice(t.span) == word) return t;
  ADD_FAILURE() << "no token '" << word << "' in: " << doc.text;
  static const Token none;
  return none;
}

std::string pos(const Document& doc, std::string_view word) {
  return std::string(to_string(token(doc, word).pos));
}

// The verb group whose head is `word`.
const Chunk* verb_group(const Document& doc, std::string_view head) {
  for (const Chunk& c : doc.chunks)
    if (c.kind == ChunkKind::kVerb && doc.slice(doc.tokens[c.head].span) == head) return &c;
  return nullptr;
}

TEST(Tagger, PassiveVerbGroup) {
  Document doc = tagged("The convoy was attacked near the border on Tuesday.");
  EXPECT_EQ(pos(doc, "attacked"), "VBN");
  const Chunk* vg = verb_group(doc, "attacked");
  ASSERT_NE(vg, nullptr);
  EXPECT_EQ(doc.slice(vg->span), "was attacked");
  EXPECT_EQ(vg->voice, Voice::kPassive);
  EXPECT_EQ(vg->tense, Tense::kPast);
  EXPECT_EQ(vg->aspect, Aspect::kSimple);
  EXPECT_EQ(doc.lemma(doc.tokens[vg->head]), "attack");
  EXPECT_FALSE(vg->negated);
  EXPECT_EQ(vg->modal, -1);
}

TEST(Tagger, ActiveVerbGroupIsNotPassive) {
  Document doc = tagged("Gunmen attacked the convoy near the border.");
  const Chunk* vg = verb_group(doc, "attacked");
  ASSERT_NE(vg, nullptr);
  EXPECT_EQ(vg->voice, Voice::kActive);
  EXPECT_EQ(vg->tense, Tense::kPast);
}

TEST(Tagger, NegatedModalVerbGroup) {
  Document doc = tagged("The army will not withdraw from the city.");
  const Chunk* vg = verb_group(doc, "withdraw");
  ASSERT_NE(vg, nullptr);
  EXPECT_EQ(doc.slice(vg->span), "will not withdraw");
  EXPECT_TRUE(vg->negated);
  ASSERT_GE(vg->modal, 0);
  EXPECT_EQ(doc.norm(doc.tokens[vg->modal]), "will");
  EXPECT_EQ(vg->tense, Tense::kFuture);
  EXPECT_EQ(pos(doc, "withdraw"), "VB");
}

TEST(Tagger, ContractedNegationAndOtherModals) {
  Document doc = tagged("They didn't know whether the talks could resume.");
  const Chunk* know = verb_group(doc, "know");
  ASSERT_NE(know, nullptr);
  EXPECT_TRUE(know->negated);
  EXPECT_EQ(know->tense, Tense::kPast);  // did
  const Chunk* resume = verb_group(doc, "resume");
  ASSERT_NE(resume, nullptr);
  EXPECT_EQ(resume->tense, Tense::kModal);
  EXPECT_FALSE(resume->negated);
}

TEST(Tagger, PerfectAndProgressiveAspect) {
  Document doc = tagged("Ukraine's defence ministry says it has been shelling the positions.");
  const Chunk* vg = verb_group(doc, "shelling");
  ASSERT_NE(vg, nullptr);
  EXPECT_EQ(vg->aspect, Aspect::kPerfectProgressive);
  EXPECT_EQ(vg->tense, Tense::kPresent);
  EXPECT_EQ(vg->voice, Voice::kActive);
  EXPECT_EQ(doc.lemma(doc.tokens[vg->head]), "shell");
  Document perfect = tagged("Two journalists have been detained.");
  const Chunk* p = verb_group(perfect, "detained");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->aspect, Aspect::kPerfect);
  EXPECT_EQ(p->voice, Voice::kPassive);
}

TEST(Tagger, NounGroupsWithPossessiveAndHead) {
  Document doc = tagged("Ukraine's defence ministry denied the report.");
  ASSERT_FALSE(doc.chunks.empty());
  const Chunk& first = doc.chunks[0];
  EXPECT_EQ(first.kind, ChunkKind::kNoun);
  EXPECT_EQ(doc.slice(first.span), "Ukraine's defence ministry");
  EXPECT_EQ(doc.slice(doc.tokens[first.head].span), "ministry");
  EXPECT_EQ(pos(doc, "'s"), "POS");
  EXPECT_EQ(pos(doc, "report"), "NN");
}

TEST(Tagger, AllCapsHeadline) {
  Document doc = tagged("RUSSIA SENDS MORE TROOPS TO BORDER");
  EXPECT_EQ(pos(doc, "RUSSIA"), "NNP");
  EXPECT_EQ(pos(doc, "SENDS"), "VBZ");
  EXPECT_EQ(pos(doc, "TROOPS"), "NNS");
  EXPECT_EQ(doc.lemma(token(doc, "TROOPS")), "troop");
  EXPECT_NE(verb_group(doc, "SENDS"), nullptr);
}

TEST(Tagger, TitleCaseHeadline) {
  Document doc = tagged("Government Rejects Claims Of Election Fraud");
  EXPECT_EQ(pos(doc, "Rejects"), "VBZ");
  EXPECT_EQ(pos(doc, "Claims"), "NNS");
  EXPECT_EQ(pos(doc, "Of"), "IN");
}

TEST(Tagger, SentenceInitialCapitalisedVerb) {
  Document doc =
      tagged("Speaking to reporters, she said talks had stalled. Asked why, she declined.");
  EXPECT_EQ(pos(doc, "Speaking"), "VBG");
  const Pos asked = token(doc, "Asked").pos;
  EXPECT_TRUE(asked == Pos::kVBD || asked == Pos::kVBN) << to_string(asked);
  EXPECT_EQ(doc.lemma(token(doc, "Asked")), "ask");
}

TEST(Tagger, CapitalisedNamesInsideTheSentence) {
  Document doc = tagged("Officials in Kyiv met Anna Berg and the UN envoy.");
  EXPECT_EQ(pos(doc, "Kyiv"), "NNP");
  EXPECT_EQ(pos(doc, "Anna"), "NNP");
  EXPECT_EQ(pos(doc, "Berg"), "NNP");
  EXPECT_EQ(pos(doc, "UN"), "NNP");
}

TEST(Tagger, IrregularLemmas) {
  Document doc = tagged("The children went home and the women were better off.");
  EXPECT_EQ(doc.lemma(token(doc, "children")), "child");
  EXPECT_EQ(doc.lemma(token(doc, "went")), "go");
  EXPECT_EQ(doc.lemma(token(doc, "women")), "woman");
  EXPECT_EQ(doc.lemma(token(doc, "were")), "be");
  EXPECT_EQ(doc.lemma(token(doc, "home")), "home");
}

TEST(Tagger, UnknownWordsBySuffix) {
  Document doc = tagged("The zorblification of the grintly blorfs continued.");
  EXPECT_EQ(pos(doc, "zorblification"), "NN");
  EXPECT_EQ(pos(doc, "grintly"), "RB");
  EXPECT_EQ(pos(doc, "blorfs"), "NNS");
  EXPECT_EQ(doc.lemma(token(doc, "blorfs")), "blorf");
}

TEST(Tagger, EveryTokenTaggedAndLayersReset) {
  Document doc = tagged("A quote: \"we won't go\" (they said) -- 50% of $3.");
  for (const Token& t : doc.tokens) EXPECT_NE(t.pos, Pos::kNone) << doc.slice(t.span);
  EXPECT_EQ(pos(doc, "50"), "CD");
  EXPECT_EQ(pos(doc, "$"), "$");
  EXPECT_EQ(pos(doc, "("), "-LRB-");
  // Tagging again (a reused Document) gives the same chunks, not twice as many.
  const size_t chunks = doc.chunks.size();
  tag::tag_document(tag::TagLexicon::builtin(), doc);
  EXPECT_EQ(doc.chunks.size(), chunks);
}

// Per-token accuracy on sentences we tagged by hand (tests/tag/hand_tagged.txt).
TEST(Tagger, AccuracyOnHandTaggedSentences) {
  std::ifstream in(std::string(CLAIMTRACE_TEST_DATA) + "/tag/hand_tagged.txt");
  ASSERT_TRUE(in) << "missing tests/tag/hand_tagged.txt";
  std::string line;
  size_t total = 0, correct = 0, sentences = 0;
  std::ostringstream misses;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::pair<std::string, std::string>> gold;
    std::istringstream words(line);
    std::string item;
    std::string text;
    bool open_quote = true;
    while (words >> item) {
      const size_t slash = item.rfind('/');
      ASSERT_NE(slash, std::string::npos) << line;
      std::string word = item.substr(0, slash), tag = item.substr(slash + 1);
      const bool attach = word == "," || word == "." || word == "?" || word == "!" || word == ":" ||
                          word == ";" || word == ")" || word == "'s" || word == "n't" ||
                          (word == "\"" && !open_quote);
      if (!text.empty() && !attach && text.back() != '(' && !(text.back() == '"' && !open_quote))
        text += ' ';
      if (word == "\"") open_quote = !open_quote;
      text += word;
      gold.emplace_back(word, tag);
    }
    Document doc = tagged(text);
    ASSERT_EQ(doc.tokens.size(), gold.size()) << "tokenization differs: " << text;
    for (size_t i = 0; i < gold.size(); ++i) {
      ++total;
      const std::string_view got = to_string(doc.tokens[i].pos);
      if (got == gold[i].second)
        ++correct;
      else
        misses << gold[i].first << "/" << gold[i].second << "->" << got << " ";
    }
    ++sentences;
  }
  ASSERT_GE(total, 300u);
  const double accuracy = static_cast<double>(correct) / static_cast<double>(total);
  std::cout << "tag accuracy " << correct << "/" << total << " = " << accuracy << " over "
            << sentences << " sentences\nmisses: " << misses.str() << "\n";
  EXPECT_GE(accuracy, 0.93);
}

TEST(TagLexicon, BuiltinImageKnowsCommonWords) {
  const tag::TagLexicon& lex = tag::TagLexicon::builtin();
  EXPECT_GT(lex.entry_count(), 50000u);
  const tag::TagEntry* said = lex.find("said");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(static_cast<Pos>(said->tags[0]), Pos::kVBD);
  EXPECT_EQ(lex.str(said->verb_lemma), "say");
  EXPECT_EQ(lex.find("qqxqzzv"), nullptr);
  EXPECT_EQ(lex.find(""), nullptr);
}

TEST(TagLexicon, RejectsCorruptImages) {
  const std::span<const uint8_t> good = tag::builtin_tag_image();
  std::string error;
  EXPECT_EQ(tag::TagLexicon::from_image(good.first(10), error), nullptr);
  EXPECT_NE(error.find("truncated"), std::string::npos) << error;

  std::vector<uint8_t> copy(good.begin(), good.end());
  copy[0] = 'X';
  EXPECT_EQ(tag::TagLexicon::from_image(copy, error), nullptr);
  EXPECT_NE(error.find("magic"), std::string::npos) << error;

  copy.assign(good.begin(), good.end());
  copy.resize(copy.size() / 2);  // the pool and part of the slots are missing
  EXPECT_EQ(tag::TagLexicon::from_image(copy, error), nullptr);
  EXPECT_FALSE(error.empty());

  copy.assign(good.begin(), good.end());
  tag::TagImageHeader h;
  std::memcpy(&h, copy.data(), sizeof h);
  auto* first = reinterpret_cast<tag::TagEntry*>(copy.data() + h.off_entries);
  first->word = h.pool_size + 100;  // points past the pool
  EXPECT_EQ(tag::TagLexicon::from_image(copy, error), nullptr);
  EXPECT_NE(error.find("entry"), std::string::npos) << error;

  copy.assign(good.begin(), good.end());
  EXPECT_NE(tag::TagLexicon::from_image(copy, error), nullptr) << error;
}

}  // namespace
}  // namespace claimtrace
