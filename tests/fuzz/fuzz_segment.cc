// Fuzz target: arbitrary bytes (valid UTF-8 or not) through the segmenter.
// Invariants: tokens are ordered, non-empty, non-overlapping and inside the
// text; sentences partition the token sequence.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "segment/segmenter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace claimtrace;
  Document doc;
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  segment::segment(doc);
  uint32_t prev_end = 0;
  for (const Token& t : doc.tokens) {
    if (t.span.begin < prev_end || t.span.end <= t.span.begin || t.span.end > size) std::abort();
    if (t.norm_begin + t.norm_size > doc.norm_pool.size()) std::abort();
    prev_end = t.span.end;
  }
  uint32_t next = 0;
  for (const Sentence& s : doc.sentences) {
    if (s.first_token != next || s.token_count == 0) std::abort();
    next += s.token_count;
  }
  if (next != doc.tokens.size()) std::abort();
  return 0;
}
