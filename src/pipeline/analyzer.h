#pragma once
// Analyzer: runs every per-document stage in order on one Document.
//
// Holds the shared, immutable resources of a run (none yet beyond static
// tables; lexicons join here) and is safe to use from many threads at once:
// analyze() touches only the Document it is given.
#include "core/document.h"
#include "dict/tabari.h"
#include "lexicon/lexicon.h"

namespace claimtrace {

class Analyzer {
 public:
  // Without a lexicon, entities are not recognised (their layer stays empty).
  explicit Analyzer(const lexicon::Lexicon* lexicon = nullptr) : lexicon_(lexicon) {}
  // With TABARI dictionaries, events are coded by their patterns instead of
  // our own verb dictionary (`dicts` must outlive the analyzer).
  Analyzer(const lexicon::Lexicon* lexicon, const dict::Dictionaries* dicts)
      : lexicon_(lexicon), dicts_(dicts) {}

  // segment -> tag (part of speech, lemmas, chunks; the built-in tag
  // lexicon) -> entity mentions -> resolve (entities, places) -> extract
  // (certainty cues, attribution)
  void analyze(Document& doc) const;

 private:
  void code_with_dictionaries(Document& doc) const;

  const lexicon::Lexicon* lexicon_;
  const dict::Dictionaries* dicts_ = nullptr;
};

}  // namespace claimtrace
