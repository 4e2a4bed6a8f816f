// Tests for extract/attribution.cc: how far a cue reaches (its extent) and
// the word orders of verbs of saying that are cues only in some frames.
// All texts are invented for these tests (fictional outlets and people).
#include <gtest/gtest.h>

#include <string>
#include <string_view>

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

const Attribution* by_cue(const Document& d, std::string_view cue) {
  for (const Attribution& a : d.attributions)
    if (d.slice(a.cue) == cue) return &a;
  return nullptr;
}

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
