#pragma once
// Stories as the `stories`, `trace` and `export` verbs see them, and the
// `link` step that computes and stores them (link_command.cc).
//
// A *group* is a set of copies and near-duplicates (wire copies, reprints,
// updated versions) whose earliest document is the original; a *story* is a
// set of groups that report the same story (link/stories.h). Both are
// computed by link_store() and stored (store::LinkState); reading them back
// is cheap.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/document.h"
#include "link/provenance.h"
#include "store/store.h"

namespace claimtrace::cli {

struct StoryGroup {
  std::string earliest;                // earliest published date among its records
  std::vector<std::string> documents;  // record ids, earliest first: [0] is the original
  std::vector<std::string> outlets;    // outlet of each record (parallel to documents)
};

struct LinkedStories {
  std::vector<StoryGroup> groups;
  std::vector<std::vector<size_t>> stories;  // indices into groups, most reports first
  std::vector<std::string> ids;              // stable id of each story ("s" + number)
  size_t unlinked = 0;                       // stored documents not linked yet
  size_t reports(const std::vector<size_t>& s) const {
    size_t n = 0;
    for (size_t g : s) n += groups[g].documents.size();
    return n;
  }
};

// Reads the stored groups and stories. Documents not linked yet (ingested
// with --no-link) stand alone with their exact copies. With `use_links`
// false every stored document is its own group and story (exact copies only).
LinkedStories read_stories(store::Store& db, bool use_links = true);

struct LinkStats {
  size_t documents = 0;         // stored documents
  size_t newly_linked = 0;      // documents whose features were computed by this run
  size_t near_groups = 0;       // groups of two or more documents
  size_t stories = 0;           // stories of two or more groups
  size_t largest_story = 0;     // in documents
  double seconds = 0;           // in all, of which:
  double feature_seconds = 0;   //   loading and hashing the new documents
  double grouping_seconds = 0;  //   near-duplicate grouping (LSH)
  double story_seconds = 0;     //   story clustering
};

// Links the documents stored since the last run (all of them with
// `relink_all`): computes their features, groups near-duplicates
// incrementally through the stored MinHash signatures, re-clusters stories
// from the stored terms, and stores what changed. Throws store::StoreError.
LinkStats link_store(store::Store& db, bool relink_all = false);

// The reports of one story: its groups' originals (loaded into `docs`, which
// must outlive the result), each standing for its copies.
std::vector<link::ReportInput> story_reports(store::Store& db, const LinkedStories& ls,
                                             const std::vector<size_t>& story,
                                             std::vector<Document>& docs);

// Provenance of one story: its groups' originals, each standing for its
// copies (`docs` receives the loaded documents and must outlive the result's use).
link::Provenance story_provenance(store::Store& db, const LinkedStories& ls,
                                  const std::vector<size_t>& story, std::vector<Document>& docs);

}  // namespace claimtrace::cli
