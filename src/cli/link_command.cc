// `claimtrace link` (also run at the end of `ingest`): near-duplicate groups
// and story clusters, computed incrementally and stored; and how the query
// verbs read them back (read_stories).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <numeric>
#include <unordered_map>

#include "cli/args.h"
#include "cli/linked_stories.h"
#include "cli/store_args.h"
#include "link/near_duplicates.h"
#include "link/stories.h"
#include "segment/segmenter.h"

namespace claimtrace::cli {

namespace {

struct LinkItem {
  store::LinkState state;
  link::MinHashSignature signature;
  std::string terms;   // serialised story terms (link::serialize_terms), parsed only for originals
  bool fresh = false;  // features computed by this run
};

// Earliest first; undated documents after the dated ones, then in storage order.
bool published_before(const std::string& pa, int64_t ka, const std::string& pb, int64_t kb) {
  if (pa.empty() != pb.empty()) return !pa.empty();
  if (pa != pb) return pa < pb;
  return ka < kb;
}

}  // namespace

LinkStats link_store(store::Store& db, bool relink_all) {
  const auto start = std::chrono::steady_clock::now();
  auto since = [](std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
  };
  LinkStats stats;
  std::vector<LinkItem> items;
  db.for_each_link_state(true, [&](const store::LinkState& s) {
    LinkItem& it = items.emplace_back();
    it.state = s;
    it.fresh = relink_all || !s.linked ||
               !link::deserialize(reinterpret_cast<const uint8_t*>(s.minhash.data()),
                                  s.minhash.size(), it.signature) ||
               s.terms.empty();
    if (!it.fresh) it.terms = s.terms;
    it.state.minhash.clear();
    it.state.terms.clear();
  });
  stats.documents = items.size();

  // Features of the new documents: the only per-document work, done once.
  auto phase = std::chrono::steady_clock::now();
  Document doc;
  for (LinkItem& it : items) {
    if (!it.fresh) continue;
    ++stats.newly_linked;
    if (!db.load_document(it.state.id, doc))
      throw store::StoreError("link: stored document " + it.state.id + " cannot be loaded");
    segment::segment(doc);  // tokens are not stored; entities are
    // The headline takes part when it is not the body's first line: notices
    // whose bodies are one template often differ only there ("X SETS QUARTERLY").
    it.signature = link::minhash_signature(doc.title.empty() || doc.text.starts_with(doc.title)
                                               ? doc.text
                                               : doc.title + "\n" + doc.text);
    it.terms = link::serialize_terms(link::story_terms(doc));
  }

  stats.feature_seconds = since(phase);
  if (stats.newly_linked == 0) {  // nothing new: the stored groups and stories stand
    stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return stats;
  }

  phase = std::chrono::steady_clock::now();
  // Near-duplicate groups: old documents restore the LSH index from their
  // stored signatures; new ones join it earliest first.
  std::unordered_map<int64_t, uint32_t> index_of;
  for (uint32_t i = 0; i < items.size(); ++i) index_of.emplace(items[i].state.key, i);
  link::NearDuplicateGrouper grouper;
  std::vector<uint32_t> group(items.size());
  std::vector<uint32_t> fresh;
  for (uint32_t i = 0; i < items.size(); ++i) {
    if (items[i].fresh) {
      fresh.push_back(i);
      continue;
    }
    auto g = index_of.find(items[i].state.near_group);
    group[i] = g == index_of.end() ? i : g->second;
    grouper.restore(i, items[i].signature, group[i]);
  }
  std::sort(fresh.begin(), fresh.end(), [&](uint32_t a, uint32_t b) {
    return published_before(items[a].state.published, items[a].state.key, items[b].state.published,
                            items[b].state.key);
  });
  for (uint32_t i : fresh) group[i] = grouper.add(i, items[i].signature);

  stats.grouping_seconds = since(phase);
  phase = std::chrono::steady_clock::now();
  // Stories over the groups, each represented by its original's terms.
  std::map<uint32_t, std::vector<uint32_t>> members;  // group -> items
  for (uint32_t i = 0; i < items.size(); ++i) members[group[i]].push_back(i);
  std::vector<std::vector<uint32_t>> groups;
  std::vector<link::HashedTerms> group_terms;
  for (auto& [g, m] : members) {
    if (m.size() > 1) ++stats.near_groups;
    uint32_t original = *std::min_element(m.begin(), m.end(), [&](uint32_t a, uint32_t b) {
      return published_before(items[a].state.published, items[a].state.key,
                              items[b].state.published, items[b].state.key);
    });
    if (!link::parse_hashed_terms(items[original].terms, group_terms.emplace_back()))
      throw store::StoreError("link: stored story terms of " + items[original].state.id +
                              " are malformed (run claimtrace link --all)");
    for (uint32_t i : m)
      if (!items[i].fresh) std::string().swap(items[i].terms);  // only new ones are written back
    groups.push_back(std::move(m));
  }
  std::vector<int64_t> story_of_group(groups.size(), -1);
  auto min_key = [&](const std::vector<size_t>& gs) {
    int64_t k = INT64_MAX;
    for (size_t g : gs)
      for (uint32_t i : groups[g]) k = std::min(k, items[i].state.key);
    return k;
  };
  for (const link::Story& s : link::cluster_stories(group_terms)) {
    std::vector<size_t> gs(s.members.begin(), s.members.end());
    const int64_t id = min_key(gs);
    size_t docs = 0;
    for (size_t g : gs) {
      story_of_group[g] = id;
      docs += groups[g].size();
    }
    ++stats.stories;
    stats.largest_story = std::max(stats.largest_story, docs);
  }
  for (size_t g = 0; g < groups.size(); ++g)
    if (story_of_group[g] < 0) story_of_group[g] = min_key({g});

  stats.story_seconds = since(phase);
  // Store what is new or changed.
  std::vector<store::LinkState> rows;
  for (size_t g = 0; g < groups.size(); ++g)
    for (uint32_t i : groups[g]) {
      LinkItem& it = items[i];
      const int64_t near = items[group[i]].state.key, story = story_of_group[g];
      if (!it.fresh && it.state.near_group == near && it.state.story == story) continue;
      store::LinkState r = it.state;
      r.near_group = near;
      r.story = story;
      if (it.fresh) {
        std::vector<uint8_t> sig = link::serialize(it.signature);
        r.minhash.assign(sig.begin(), sig.end());
        r.terms = std::move(it.terms);
      }
      rows.push_back(std::move(r));
    }
  if (!rows.empty()) db.write_link_states(rows);
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

LinkedStories read_stories(store::Store& db, bool use_links) {
  struct Place {
    int64_t near_group = 0, story = 0;
  };
  std::unordered_map<int64_t, Place> linked;
  LinkedStories ls;
  if (use_links)
    db.for_each_link_state(false, [&](const store::LinkState& s) {
      if (s.linked)
        linked.emplace(s.key, Place{s.near_group, s.story});
      else
        ++ls.unlinked;
    });
  struct Record {
    std::string published, id, outlet;
  };
  std::map<int64_t, std::vector<Record>> group_records;  // by group key
  std::map<int64_t, int64_t> story_of_group;
  db.for_each_document([&](const store::DocumentRecords& r) {
    auto it = linked.find(r.key);
    const Place p = it == linked.end() ? Place{r.key, r.key} : it->second;
    auto& recs = group_records[p.near_group];
    recs.push_back({r.doc.published, r.doc.id, r.doc.outlet});
    for (const auto& c : r.copies) recs.push_back({c.published, c.id, c.outlet});
    story_of_group.emplace(p.near_group, p.story);
    return true;
  });
  std::map<int64_t, std::vector<size_t>> stories;  // by story key
  for (auto& [key, recs] : group_records) {
    std::stable_sort(recs.begin(), recs.end(), [](const Record& a, const Record& b) {
      if (a.published.empty() != b.published.empty()) return !a.published.empty();
      return a.published < b.published;
    });
    StoryGroup& g = ls.groups.emplace_back();
    g.earliest = recs.front().published;
    for (const Record& r : recs) {
      g.documents.push_back(r.id);
      g.outlets.push_back(r.outlet);
    }
    stories[story_of_group[key]].push_back(ls.groups.size() - 1);
  }
  std::vector<std::pair<int64_t, std::vector<size_t>>> ordered(stories.begin(), stories.end());
  std::stable_sort(ordered.begin(), ordered.end(), [&](const auto& a, const auto& b) {
    return ls.reports(a.second) > ls.reports(b.second);
  });
  for (auto& [key, gs] : ordered) {
    ls.ids.push_back("s" + std::to_string(key));
    ls.stories.push_back(std::move(gs));
  }
  return ls;
}

std::vector<link::ReportInput> story_reports(store::Store& db, const LinkedStories& ls,
                                             const std::vector<size_t>& story,
                                             std::vector<Document>& docs) {
  docs.clear();
  docs.reserve(story.size());
  std::vector<size_t> loaded;  // group of each loaded document
  for (size_t g : story) {
    Document& d = docs.emplace_back();
    if (!db.load_document(ls.groups[g].documents[0], d)) {
      docs.pop_back();
      continue;
    }
    loaded.push_back(g);
  }
  std::vector<link::ReportInput> inputs;
  for (size_t i = 0; i < docs.size(); ++i) {
    const StoryGroup& g = ls.groups[loaded[i]];
    link::ReportInput& in = inputs.emplace_back();
    in.doc = &docs[i];
    in.copies = static_cast<uint32_t>(g.documents.size());
    in.copy_outlets.assign(g.outlets.begin() + 1, g.outlets.end());
  }
  return inputs;
}

link::Provenance story_provenance(store::Store& db, const LinkedStories& ls,
                                  const std::vector<size_t>& story, std::vector<Document>& docs) {
  return link::trace_provenance(story_reports(db, ls, story, docs));
}

int run_link(const QueryArgs& a) {
  if (access(a.db.c_str(), F_OK) != 0) {
    std::fprintf(stderr, "claimtrace: %s: no such store (run claimtrace ingest first)\n",
                 a.db.c_str());
    return kExitSomeFailed;
  }
  try {
    auto db = store::open_sqlite_store(a.db);
    LinkStats s = link_store(*db, a.relink_all);
    if (s.newly_linked == 0) {
      std::fprintf(stderr, "claimtrace: nothing new to link (%zu documents already linked)\n",
                   s.documents);
      return kExitOk;
    }
    std::fprintf(stderr,
                 "claimtrace: linked %zu new of %zu documents in %.2f s (features %.2f s, "
                 "near-duplicates %.2f s, stories %.2f s): %zu near-duplicate groups, %zu "
                 "stories (largest %zu documents)\n",
                 s.newly_linked, s.documents, s.seconds, s.feature_seconds, s.grouping_seconds,
                 s.story_seconds, s.near_groups, s.stories, s.largest_story);
  } catch (const store::StoreError& e) {
    std::fprintf(stderr, "claimtrace: link: %s\n", e.what());
    return kExitSomeFailed;
  }
  return kExitOk;
}

}  // namespace claimtrace::cli
