#pragma once
// Stories as the `stories`, `trace` and `export` verbs see them: the store's
// groups of copies and reprints (Store::stories), linked further by content
// (link/stories.h). Defined in query_commands.cc.
#include <cstddef>
#include <vector>

#include "core/document.h"
#include "link/provenance.h"
#include "store/store.h"

namespace claimtrace::cli {

struct LinkedStories {
  std::vector<store::Story> groups;
  std::vector<std::vector<size_t>> stories;  // indices into groups, largest story first
  size_t reports(const std::vector<size_t>& s) const {
    size_t n = 0;
    for (size_t g : s) n += groups[g].documents.size();
    return n;
  }
};

// Loads each group's first document once and clusters the groups into stories.
LinkedStories link_stories(store::Store& db);

// Provenance of one story: its groups' first documents, each standing for its
// copies (`docs` receives the loaded documents and must outlive the result's use).
link::Provenance story_provenance(store::Store& db, const LinkedStories& ls,
                                  const std::vector<size_t>& story, std::vector<Document>& docs);

}  // namespace claimtrace::cli
