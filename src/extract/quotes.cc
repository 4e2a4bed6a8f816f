#include "extract/quotes.h"

#include <string_view>

namespace claimtrace::extract {
namespace {

bool is_double(std::string_view norm) {
  return norm == "\"";
}

}  // namespace

void find_quotes(const Document& doc, std::vector<QuoteRegion>& regions,
                 std::vector<int32_t>& inside) {
  regions.clear();
  inside.assign(doc.tokens.size(), -1);
  const auto& toks = doc.tokens;
  int64_t open = -1;  // token index of the pending opening mark
  bool open_double = true;
  for (uint32_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    const bool starts_paragraph = t.has(kTokenParagraphStart) && i > 0;
    if (starts_paragraph && open >= 0) {
      // An open quote runs on into this paragraph only if the paragraph opens
      // with a quotation mark of the same kind; otherwise it was a stray mark.
      if (!(t.has(kTokenOpenQuote) && is_double(doc.norm(t)) == open_double))
        open = -1;
      else
        continue;  // continuation mark: the region stays open
    }
    if (!t.has(kTokenOpenQuote) && !t.has(kTokenCloseQuote)) continue;
    const bool dbl = is_double(doc.norm(t));
    if (open < 0) {
      if (t.has(kTokenOpenQuote)) {
        open = i;
        open_double = dbl;
      }
      continue;
    }
    if (dbl != open_double) continue;  // a nested quote of the other kind
    if (t.has(kTokenCloseQuote)) {
      QuoteRegion r{static_cast<uint32_t>(open), i, 0};
      for (uint32_t k = r.open + 1; k < i; ++k)
        if (toks[k].kind == TokenKind::kWord || toks[k].kind == TokenKind::kNumber) ++r.words;
      for (uint32_t k = r.open; k <= i; ++k) inside[k] = static_cast<int32_t>(regions.size());
      regions.push_back(r);
      open = -1;
    } else {
      open = i;  // two opening marks of one kind: the first was unmatched
    }
  }
}

}  // namespace claimtrace::extract
