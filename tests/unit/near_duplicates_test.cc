// Tests for src/link/near_duplicates: MinHash/LSH near-duplicate grouping on
// texts we wrote (identical, lightly edited, updated, different, templated).
#include <gtest/gtest.h>

#include <string>

#include "link/near_duplicates.h"
#include "link/stories.h"

namespace claimtrace::link {
namespace {

const std::string kWire =
    "Flooding along the Varna river forced the evacuation of about 1,200 residents of "
    "Meltbridge on Tuesday, the regional emergency office said. Water rose above the old stone "
    "embankment shortly after midnight and reached the market square by dawn. Volunteers filled "
    "sandbags at the railway depot while two ferries carried elderly residents to the school "
    "on the hill. The office said no one had been hurt but warned that more rain was expected "
    "over the weekend. Roads to the north of the town remain closed and the night train to the "
    "coast was cancelled. The mayor asked residents not to return to their homes before the "
    "engineers had inspected the embankment.";

// A reprint: another outlet's dateline, re-wrapped lines, one sentence trimmed.
const std::string kReprint =
    "MELTBRIDGE (Coastal Courier) - Flooding along the Varna river forced the evacuation of "
    "about 1,200 residents of\nMeltbridge on Tuesday, the regional emergency office said. Water "
    "rose above the old stone embankment shortly after midnight and reached the market square "
    "by dawn. Volunteers filled sandbags at the railway depot while two ferries carried elderly "
    "residents to the school on the hill. The office said no one had been hurt but warned that "
    "more rain was expected over the weekend. Roads to the north of the town remain closed and "
    "the night train to the coast was cancelled.";

// A different story on a related subject, with much shared vocabulary.
const std::string kOther =
    "The regional emergency office opened a new flood warning centre in Meltbridge on Tuesday, "
    "three years after the Varna river last broke its banks. The centre will watch water levels "
    "along the river and send alerts to residents by text message. Engineers said the old stone "
    "embankment would be raised by half a metre next summer, and the railway depot will get a "
    "pumping station. The mayor said the town had learned from the last flood and thanked the "
    "volunteers who had filled sandbags then.";

TEST(NearDuplicates, IdenticalTextsHaveEqualSignatures) {
  MinHashSignature a = minhash_signature(kWire), b = minhash_signature(kWire);
  EXPECT_EQ(estimated_jaccard(a, b), 1.0f);
  EXPECT_TRUE(near_duplicates(a, b));
}

TEST(NearDuplicates, LightlyEditedReprintIsANearDuplicate) {
  MinHashSignature a = minhash_signature(kWire), b = minhash_signature(kReprint);
  EXPECT_GT(estimated_jaccard(a, b), 0.6f);
  EXPECT_LT(estimated_jaccard(a, b), 1.0f);
  EXPECT_TRUE(near_duplicates(a, b));
}

TEST(NearDuplicates, DifferentStoryOnTheSameSubjectIsNot) {
  MinHashSignature a = minhash_signature(kWire), b = minhash_signature(kOther);
  EXPECT_LT(estimated_jaccard(a, b), 0.2f);
  EXPECT_FALSE(near_duplicates(a, b));
}

TEST(NearDuplicates, TemplateNoticesWithDifferentFactsAreNot) {
  // Standard notices: the same wording, different company, amounts and dates.
  auto notice = [](const std::string& company, const std::string& cents, const std::string& day) {
    return company + " said its board declared a regular quarterly dividend of " + cents +
           " cents per share, payable on " + day +
           " to shareholders of record two weeks "
           "earlier. The company said the dividend was unchanged from the previous quarter.";
  };
  MinHashSignature a = minhash_signature(notice("Harbourline Freight Inc", "14", "June 3"));
  MinHashSignature b = minhash_signature(notice("Orchard Valley Mills", "22", "July 9"));
  EXPECT_FALSE(near_duplicates(a, b));
  // The same notice sent twice is one.
  MinHashSignature c = minhash_signature(notice("Harbourline Freight Inc", "14", "June 3"));
  EXPECT_TRUE(near_duplicates(a, c));
}

TEST(NearDuplicates, LongTemplateWithDifferentNamesAndFiguresIsNot) {
  // Most of the text is the template; only the first sentence carries the facts.
  auto issue = [](const std::string& issuer, const std::string& amount, const std::string& bank) {
    return issuer + " is issuing a " + amount + " mln dlr bond due 2031 paying " +
           amount.substr(0, 1) + " pct, lead manager " + bank +
           " said. The non-callable bond is available in "
           "denominations of 5,000 dlrs and will be listed in Luxembourg. The selling concession "
           "is 1-1/4 pct, while management and underwriting combined pays 5/8 pct. The payment "
           "date is the fifteenth of next month. The issue is guaranteed by the parent company.";
  };
  MinHashSignature a = minhash_signature(issue("Northfjord Energy AS", "150", "Halvorsen Bank"));
  MinHashSignature b = minhash_signature(issue("Castellane Autoroutes SA", "200", "Banque Verne"));
  EXPECT_GT(estimated_jaccard(a, b), 0.4f);  // the template alone looks like a reprint...
  EXPECT_LT(facts_jaccard(a, b), 0.5f);      // ...but the facts differ
  EXPECT_FALSE(near_duplicates(a, b));
}

TEST(NearDuplicates, ShortTextsAreNeverNearDuplicates) {
  MinHashSignature a = minhash_signature("Markets closed."),
                   b = minhash_signature("Markets closed.");
  EXPECT_FALSE(near_duplicates(a, b));
}

TEST(NearDuplicates, SignatureSurvivesSerialisation) {
  MinHashSignature a = minhash_signature(kWire), b;
  std::vector<uint8_t> bytes = serialize(a);
  ASSERT_TRUE(deserialize(bytes.data(), bytes.size(), b));
  EXPECT_EQ(a.values, b.values);
  EXPECT_EQ(a.shingles, b.shingles);
  EXPECT_EQ(a.facts, b.facts);
  EXPECT_FALSE(deserialize(bytes.data(), bytes.size() - 1, b));
}

TEST(NearDuplicates, LshFindsTheReprintAndNotTheOtherStory) {
  LshIndex index;
  index.add(1, minhash_signature(kWire));
  index.add(2, minhash_signature(kOther));
  std::vector<uint32_t> c = index.candidates(minhash_signature(kReprint));
  EXPECT_NE(std::find(c.begin(), c.end(), 1u), c.end());
  EXPECT_EQ(std::find(c.begin(), c.end(), 2u), c.end());
}

TEST(NearDuplicates, GrouperJoinsCopiesToTheEarliestAndContinuesAfterRestore) {
  NearDuplicateGrouper g;
  EXPECT_EQ(g.add(10, minhash_signature(kWire)), 10u);     // the original starts a group
  EXPECT_EQ(g.add(11, minhash_signature(kOther)), 11u);    // unrelated: its own group
  EXPECT_EQ(g.add(12, minhash_signature(kReprint)), 10u);  // joins the original's group
  // A later run restores the stored state and keeps grouping into it.
  NearDuplicateGrouper later;
  later.restore(10, minhash_signature(kWire), 10);
  later.restore(12, minhash_signature(kReprint), 10);
  later.restore(11, minhash_signature(kOther), 11);
  EXPECT_EQ(later.add(13, minhash_signature(kReprint + " Updated at noon.")), 10u);
}

TEST(StoryTerms, SerialisedTermsParseBack) {
  StoryDoc d;
  d.terms = {{"E:varna river", 6.0f}, {"W:flood\tgate", 1.5f}, {"Y:2026", 2.0f}};
  StoryDoc back;
  ASSERT_TRUE(parse_terms(serialize_terms(d), back));
  ASSERT_EQ(back.terms.size(), 3u);
  EXPECT_EQ(back.terms[0].first, "E:varna river");
  EXPECT_EQ(back.terms[1].first, "W:flood gate");  // a tab inside a term cannot survive
  EXPECT_FLOAT_EQ(back.terms[1].second, 1.5f);
  EXPECT_FALSE(parse_terms("no count here\n", back));
  EXPECT_FALSE(parse_terms("E:x\t-1\n", back));
}

}  // namespace
}  // namespace claimtrace::link
