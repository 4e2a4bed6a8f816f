#include "extract/extract.h"

namespace claimtrace::extract {

void detect_certainty_cues(Document&) {}

}  // namespace claimtrace::extract
