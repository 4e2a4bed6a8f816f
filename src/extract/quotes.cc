#include "extract/quotes.h"

#include <string_view>

namespace claimtrace::extract {
namespace {

bool is_double(std::string_view norm) {
  return norm == "\"";
}

// Three adjacent apostrophes glued to the word before: the first closes a
// nested single quotation, the other two the double one.
bool closes_single_before_pair(const Document& doc, uint32_t i) {
  const auto& toks = doc.tokens;
  if (i == 0 || i + 2 >= toks.size() || doc.norm(toks[i]) != "'" ||
      toks[i].has(kTokenSpaceBefore) || toks[i].has(kTokenParagraphStart))
    return false;
  for (uint32_t k = i + 1; k <= i + 2; ++k)
    if (doc.norm(toks[k]) != "'" || toks[k].span.begin != toks[k - 1].span.end) return false;
  return true;
}

bool spaced_both_sides(const Document& doc, uint32_t i) {
  const auto& toks = doc.tokens;
  return toks[i].has(kTokenSpaceBefore) &&
         (i + 1 >= toks.size() || toks[i + 1].has(kTokenSpaceBefore) ||
          toks[i + 1].has(kTokenParagraphStart));
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
    // "...,''' said": a single quotation closing inside a double one written
    // as two apostrophes; the single mark is passed over, the pair closes.
    if (open >= 0 && closes_single_before_pair(doc, i)) continue;
    // Two adjacent apostrophes ('' ... '') are one double quotation mark.
    uint32_t width = 1;
    bool is_open = t.has(kTokenOpenQuote), is_close = t.has(kTokenCloseQuote);
    // A straight mark with spaces on both sides ("... 'a quote' " he said)
    // closes the open quotation of its kind.
    if (is_open && open >= 0 && open_double && is_double(doc.norm(t)) && spaced_both_sides(doc, i))
      is_open = false, is_close = true;
    if (doc.norm(t) == "'" && i + 1 < toks.size() && doc.norm(toks[i + 1]) == "'" &&
        toks[i + 1].span.begin == t.span.end) {
      width = 2;
      const bool space_before = i == 0 || t.has(kTokenSpaceBefore) || t.has(kTokenParagraphStart);
      const bool space_after = i + 2 >= toks.size() || toks[i + 2].has(kTokenSpaceBefore) ||
                               toks[i + 2].kind == TokenKind::kPunct;
      is_open = space_before && !space_after;
      is_close = !is_open;
    }
    if (!is_open && !is_close) continue;
    const bool dbl = width == 2 || is_double(doc.norm(t));
    const uint32_t last = i + width - 1;
    if (open < 0) {
      if (is_open) {
        open = i;
        open_double = dbl;
      }
      i = last;
      continue;
    }
    if (dbl != open_double) {  // a nested quote of the other kind
      i = last;
      continue;
    }
    if (is_close) {
      i = last;
      QuoteRegion r{static_cast<uint32_t>(open), i, 0};
      for (uint32_t k = r.open + 1; k < i; ++k)
        if (toks[k].kind == TokenKind::kWord || toks[k].kind == TokenKind::kNumber) ++r.words;
      for (uint32_t k = r.open; k <= i; ++k) inside[k] = static_cast<int32_t>(regions.size());
      regions.push_back(r);
      open = -1;
    } else {
      open = i;  // two opening marks of one kind: the first was unmatched
      i = last;
    }
  }
}

}  // namespace claimtrace::extract
