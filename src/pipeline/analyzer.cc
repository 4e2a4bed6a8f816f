#include "pipeline/analyzer.h"

#include "extract/extract.h"
#include "segment/segmenter.h"

namespace claimtrace {

void Analyzer::analyze(Document& doc) const {
  segment::segment(doc);
  extract::extract(doc);
}

}  // namespace claimtrace
