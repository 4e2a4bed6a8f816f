#include "extract/extract.h"

namespace claimtrace::extract {

void extract(Document& doc) {
  detect_certainty_cues(doc);
  extract_attributions(doc);
}

}  // namespace claimtrace::extract
