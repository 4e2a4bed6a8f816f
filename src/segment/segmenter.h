#pragma once
// The segment stage: tokens, then sentences, for one Document.
#include "core/document.h"

namespace claimtrace::segment {

// Fills doc.tokens, doc.norm_pool and doc.sentences from doc.text.
void segment(Document& doc);

}  // namespace claimtrace::segment
