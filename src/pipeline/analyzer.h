#pragma once
// Analyzer: runs every per-document stage in order on one Document.
//
// Holds the shared, immutable resources of a run (none yet beyond static
// tables; lexicons join here) and is safe to use from many threads at once:
// analyze() touches only the Document it is given.
#include "core/document.h"
#include "lexicon/lexicon.h"

namespace claimtrace {

class Analyzer {
 public:
  // Without a lexicon, entities are not recognised (their layer stays empty).
  explicit Analyzer(const lexicon::Lexicon* lexicon = nullptr) : lexicon_(lexicon) {}

  // segment -> entity mentions -> resolve (entities, places) -> extract
  // (certainty cues, attribution)
  void analyze(Document& doc) const;

 private:
  const lexicon::Lexicon* lexicon_;
};

}  // namespace claimtrace
