#pragma once
// Analyzer: runs every per-document stage in order on one Document.
//
// Holds the shared, immutable resources of a run (none yet beyond static
// tables; lexicons join here) and is safe to use from many threads at once:
// analyze() touches only the Document it is given.
#include "core/document.h"

namespace claimtrace {

class Analyzer {
 public:
  // segment -> extract (tag and resolve join as those stages land)
  void analyze(Document& doc) const;
};

}  // namespace claimtrace
