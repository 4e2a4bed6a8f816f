#pragma once
// Analyzer: runs every per-document stage in order on one Document.
//
// Holds the shared, immutable resources of a run (none yet beyond static
// tables; lexicons join here) and is safe to use from many threads at once:
// analyze() touches only the Document it is given.
#include "core/document.h"

namespace claimtrace {

struct AnalyzerOptions {};

class Analyzer {
 public:
  explicit Analyzer(const AnalyzerOptions& options = {}) : options_(options) {}

  // segment -> (tag -> extract -> resolve, as those stages land)
  void analyze(Document& doc) const;

 private:
  AnalyzerOptions options_;
};

}  // namespace claimtrace
