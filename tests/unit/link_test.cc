// Tests for src/link/stories: story clustering on documents we wrote.
#include <gtest/gtest.h>

#include "shipped_lexicon.h"

#include <algorithm>
#include <string>
#include <vector>

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
