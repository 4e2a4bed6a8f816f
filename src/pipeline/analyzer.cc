#include "pipeline/analyzer.h"

#include "extract/entities.h"
#include "extract/events.h"
#include "extract/extract.h"
#include "resolve/resolve.h"
#include "segment/segmenter.h"

namespace claimtrace {

void Analyzer::analyze(Document& doc) const {
  segment::segment(doc);
  if (lexicon_ != nullptr) {
    extract::find_mentions(doc, *lexicon_);
    resolve::resolve_entities(doc, *lexicon_);
  }
  extract::extract(doc);
  extract::code_events(doc, lexicon_);
}

}  // namespace claimtrace
