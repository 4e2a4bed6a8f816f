#pragma once
// Quotation regions: pairs of opening and closing quotation marks in any style
// (" " ' ' « » „ “ ‚ ‘), possibly spanning sentences, and spanning paragraphs
// when the next paragraph opens with a quotation mark (the typographic
// convention for a quote that continues).
#include <cstdint>
#include <vector>

#include "core/document.h"

namespace claimtrace::extract {

struct QuoteRegion {
  uint32_t open = 0;   // token index of the opening mark
  uint32_t close = 0;  // token index of the closing mark
  uint32_t words = 0;  // word tokens inside
};

// Finds quote regions in token order. `inside[i]` is set to the region index
// containing token i (marks included), or -1.
void find_quotes(const Document& doc, std::vector<QuoteRegion>& regions,
                 std::vector<int32_t>& inside);

}  // namespace claimtrace::extract
