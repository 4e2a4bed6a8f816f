// Tests for src/link/stories: story clustering on documents we wrote.
#include <gtest/gtest.h>

#include "shipped_lexicon.h"

#include <algorithm>
#include <string>
#include <vector>

#include "link/claim_clusters.h"
#include "link/event_clusters.h"
#include "link/stories.h"
#include "pipeline/analyzer.h"

namespace claimtrace::link {
namespace {

class Stories : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_NE(lex_, nullptr) << "no lexicon image"; }

  StoryDoc terms(const std::string& id, const std::string& text) {
    Document doc;
    doc.id = id;
    doc.text = text;
    Analyzer(lex_).analyze(doc);
    return story_terms(doc);
  }
  const lexicon::Lexicon* lex_ = testing::shipped_lexicon();
};

std::vector<std::vector<std::string>> ids_of(const std::vector<Story>& stories,
                                             const std::vector<StoryDoc>& docs) {
  std::vector<std::vector<std::string>> out;
  for (const Story& s : stories) {
    std::vector<std::string> ids;
    for (uint32_t m : s.members) ids.push_back(docs[m].id);
    std::sort(ids.begin(), ids.end());
    out.push_back(ids);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST_F(Stories, SameEventTogetherLookAlikeEventApart) {
  std::vector<StoryDoc> docs = {
      terms("quake-a1",
            "A magnitude 6.1 earthquake struck near Izmir in Turkey on Sunday, damaging "
            "buildings in 2019. Rescuers searched collapsed houses in Izmir."),
      terms("quake-a2",
            "Rescuers in Izmir searched collapsed houses after the magnitude 6.1 earthquake "
            "that hit Turkey in 2019, officials said."),
      terms("quake-b1",
            "A magnitude 7.4 earthquake hit Sumatra in Indonesia in 2004, and a tsunami "
            "followed. Villages on Sumatra were flooded."),
      terms("quake-b2",
            "The tsunami after the 7.4 earthquake flooded villages on Sumatra, Indonesia "
            "officials said of the 2004 disaster."),
      terms("budget",
            "The city council of Valmora approved a budget for schools and a new bridge."),
  };
  auto stories = cluster_stories(docs);
  EXPECT_EQ(ids_of(stories, docs), (std::vector<std::vector<std::string>>{
                                       {"quake-a1", "quake-a2"}, {"quake-b1", "quake-b2"}}));
}

TEST(StoriesRaw, EmptyAndSingletons) {
  EXPECT_TRUE(cluster_stories(std::vector<StoryDoc>{}).empty());
  std::vector<StoryDoc> docs(3);
  docs[0].terms = {{"W:alpha", 1.0f}};
  docs[1].terms = {{"W:beta", 1.0f}};
  docs[2].terms = {};
  EXPECT_TRUE(cluster_stories(docs).empty());  // nothing shared: all singletons, omitted
}

TEST(StoriesRaw, IdenticalTermVectorsCluster) {
  std::vector<StoryDoc> docs(4);
  for (int i = 0; i < 4; ++i) {
    docs[i].id = "d" + std::to_string(i);
    docs[i].terms = {{"E:harbour board", 3.0f}, {"W:strike", 2.0f}, {"W:ferries", 1.0f}};
  }
  docs[3].terms = {{"W:election", 2.0f}, {"W:ballots", 1.0f}};
  auto stories = cluster_stories(docs);
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0].members, (std::vector<uint32_t>{0, 1, 2}));
}

// Spellings of one name are one term: punctuation, case, a leading "the"
// and the abbreviations "Mt", leading "St" and "Ft" do not split a story.
TEST(StoriesRaw, SpellingsOfOneNameAreOneTerm) {
  EXPECT_EQ(term_key("E:mt. cook national park"), term_key("E:mount cook national park"));
  EXPECT_EQ(term_key("E:Mt Cook"), term_key("E:mount cook"));
  EXPECT_EQ(term_key("E:st. louis"), term_key("E:saint louis"));
  EXPECT_EQ(term_key("E:ft worth"), term_key("E:fort worth"));
  EXPECT_EQ(term_key("E:the hague"), term_key("E:hague"));
  EXPECT_EQ(term_key("E:al-shabaab"), term_key("E:al shabaab"));
  EXPECT_NE(term_key("E:main st"), term_key("E:main saint"));  // a final "St" is a street
  EXPECT_NE(term_key("E:mount cook"), term_key("E:cook"));
  EXPECT_NE(term_key("W:mt"), term_key("W:mount"));  // words are left as they are
  EXPECT_NE(term_key("E:cook") & kNameTermBit, 0u);
  // One document's spellings add up to one term.
  StoryDoc d;
  d.terms = {{"E:mount cook", 3.0f}, {"E:mt cook", 6.0f}, {"W:climber", 1.0f}};
  HashedTerms h = hash_terms(d);
  ASSERT_EQ(h.size(), 2u);
  EXPECT_TRUE(std::is_sorted(h.begin(), h.end()));
  for (const auto& [key, c] : h) EXPECT_EQ(c, key == term_key("E:mount cook") ? 9.0f : 1.0f);

  // Reports that share a place only under different spellings are one story.
  std::vector<StoryDoc> docs(3);
  docs[0].terms = {{"E:mt. cook national park", 3.0f}, {"W:climber", 2.0f}, {"W:glacier", 1.0f}};
  docs[1].terms = {{"E:mount cook national park", 3.0f}, {"W:climber", 2.0f}, {"W:fell", 1.0f}};
  docs[2].terms = {{"E:lake tekapo", 3.0f}, {"W:festival", 2.0f}};
  auto stories = cluster_stories(docs);
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0].members, (std::vector<uint32_t>{0, 1}));
}

}  // namespace
}  // namespace claimtrace::link

namespace claimtrace::link {
namespace {

Document with_event(const std::string& id, const std::string& code, const std::string& source,
                    const std::string& target, const std::string& place) {
  Document d;
  d.id = id;
  Event& e = d.events.emplace_back();
  e.code = code;
  e.source.code = source;
  e.has_target = !target.empty();
  e.target.code = target;
  if (!place.empty()) {
    d.entities.emplace_back().name = place;
    e.location = 0;
  }
  return d;
}

TEST(EventClusters, SameFamilyCompatibleActorsAndPlaceCluster) {
  std::vector<Document> docs = {
      with_event("a", "190", "UKRMIL", "SYR", "Idlib"),
      with_event("b", "193", "UKRGOV", "SYRREB", ""),    // unplaced: joins the only known place
      with_event("c", "042", "UKRGOV", "SYR", "Idlib"),  // another family
  };
  std::vector<ReportInput> in;
  for (const Document& d : docs) in.push_back({&d, 1, {}});
  auto clusters = cluster_events(in);
  ASSERT_EQ(clusters.size(), 2u);
  EXPECT_EQ(clusters[0].key, "19:UKR>SYR@idlib");
  EXPECT_EQ(clusters[0].reports, (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ(clusters[1].key, "04:UKR>SYR@idlib");
}

TEST(EventClusters, DifferentPlacesStayApart) {
  std::vector<Document> docs = {
      with_event("a", "190", "UKRMIL", "SYR", "Idlib"),
      with_event("b", "190", "UKRMIL", "SYR", "Aleppo"),
      with_event("c", "190", "UKRMIL", "SYR", ""),       // two places known: it cannot tell which
      with_event("d", "190", "RUSMIL", "SYR", "Idlib"),  // another actor
  };
  std::vector<ReportInput> in;
  for (const Document& d : docs) in.push_back({&d, 1, {}});
  auto clusters = cluster_events(in);
  EXPECT_EQ(clusters.size(), 4u);
  for (const EventCluster& c : clusters) EXPECT_EQ(c.reports.size(), 1u) << c.key;
}

}  // namespace
}  // namespace claimtrace::link

namespace claimtrace::link {
namespace {

// A document whose attributions each claim the whole of one sentence we write.
Document with_claims(const std::string& id, const std::vector<std::string>& claims,
                     Certainty certainty = Certainty::kReported) {
  Document d;
  d.id = id;
  d.outlet = id + " outlet";
  for (const std::string& c : claims) {
    const uint32_t begin = static_cast<uint32_t>(d.text.size());
    d.text += c + " ";
    Attribution& a = d.attributions.emplace_back();
    a.content.push_back({begin, static_cast<uint32_t>(begin + c.size())});
    a.certainty = certainty;
  }
  return d;
}

TEST(ClaimClusters, RewordedStatementClustersDifferentStatementsStayApart) {
  std::vector<Document> docs = {
      with_claims("a", {"the ferry company cancelled all crossings to Marlow island on Tuesday",
                        "the harbour master resigned after the storm damaged the pier"}),
      with_claims("b", {"all crossings to Marlow island were cancelled by the ferry company "
                        "on Tuesday"}),
      with_claims("c", {"the harbour master has resigned following storm damage to the pier",
                        "fishermen demanded compensation for nets lost in the gale"}),
  };
  std::vector<ReportInput> in;
  for (const Document& d : docs) in.push_back({&d, 1, {}});
  auto clusters = cluster_claims(in);
  ASSERT_EQ(clusters.size(), 2u);
  std::vector<std::vector<uint32_t>> reports;
  for (const ClaimCluster& c : clusters) {
    EXPECT_EQ(c.key.rfind("claim:", 0), 0u) << c.key;
    EXPECT_FALSE(c.mixed_certainty);
    reports.push_back(c.reports);
  }
  std::sort(reports.begin(), reports.end());
  EXPECT_EQ(reports, (std::vector<std::vector<uint32_t>>{{0, 1}, {0, 2}}));
  EXPECT_NE(clusters[0].key, clusters[1].key);
  // The fishermen's claim is stated once: no cluster holds it.
  for (const ClaimCluster& c : clusters)
    for (const ClaimRef& r : c.claims) EXPECT_FALSE(r.report == 2 && r.attribution == 1);
}

TEST(ClaimClusters, DifferentFiguresStayApart) {
  std::vector<Document> docs = {
      with_claims("a", {"the port of Tarvik handled 800 containers on Monday"}),
      with_claims("b", {"the port of Tarvik handled 700 containers on Monday"}),
      with_claims("c", {"on Monday the port of Tarvik handled 800 containers"}),
  };
  std::vector<ReportInput> in;
  for (const Document& d : docs) in.push_back({&d, 1, {}});
  auto clusters = cluster_claims(in);
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_EQ(clusters[0].reports, (std::vector<uint32_t>{0, 2}));
}

TEST(ClaimClusters, StemmedTermsAndSimilarity) {
  Document d = with_claims("a", {"Crossings were cancelled", "the crossing cancels"});
  auto x = claim_terms(d, d.attributions[0]);
  auto y = claim_terms(d, d.attributions[1]);
  EXPECT_EQ(x, y);  // stemmed, case-folded, function words dropped
  EXPECT_DOUBLE_EQ(jaccard(x, y), 1.0);
  EXPECT_DOUBLE_EQ(jaccard(x, {"w:other"}), 0.0);
}

TEST(ClaimClusters, HedgedInOneReportAssertedInAnotherIsFlagged) {
  std::vector<Document> docs = {
      with_claims("a", {"the mayor of Orlen sold the city bus depot to her brother"},
                  Certainty::kAsserted),
      with_claims("b", {"the Orlen mayor sold the city bus depot to her brother"},
                  Certainty::kAlleged),
  };
  std::vector<ReportInput> in;
  for (const Document& d : docs) in.push_back({&d, 1, {}});
  auto clusters = cluster_claims(in);
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_TRUE(clusters[0].mixed_certainty);
  EXPECT_EQ(clusters[0].certainties,
            (std::vector<Certainty>{Certainty::kAsserted, Certainty::kAlleged}));
}

TEST(ClaimClusters, ClaimReportsKeepOnlyTheClaimAndItsRelay) {
  Document a = with_claims("a", {"unrelated remark about rainfall", "a relay source near the dam",
                                 "the dam at Veska will open its gates tonight"});
  a.attributions[2].via = 1;  // the claim is relayed through attribution 1
  Document b = with_claims("b", {"the Veska dam will open its gates tonight"});
  std::vector<ReportInput> in = {{&a, 1, {}}, {&b, 1, {}}};
  auto clusters = cluster_claims(in);
  ASSERT_EQ(clusters.size(), 1u);
  std::vector<Document> owned;
  auto sub = claim_reports(in, clusters[0], owned);
  ASSERT_EQ(sub.size(), 2u);
  ASSERT_EQ(sub[0].doc->attributions.size(), 2u);  // the claim and its relay, not the remark
  EXPECT_EQ(sub[0].doc->attributions[1].via, 0);
  EXPECT_EQ(sub[1].doc->attributions.size(), 1u);
}

}  // namespace
}  // namespace claimtrace::link
