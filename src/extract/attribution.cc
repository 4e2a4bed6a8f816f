#include "extract/extract.h"

namespace claimtrace::extract {

void extract_attributions(Document&) {}

}  // namespace claimtrace::extract
