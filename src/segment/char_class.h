#pragma once
// Character classes the tokenizer needs, for one Unicode code point.
// ASCII is answered from a table; everything else asks ICU's character
// properties (u_charType), which are table lookups too.
#include <cstdint>

namespace claimtrace::segment {

enum class CharClass : uint8_t {
  kSpace,        // any white space except line breaks
  kNewline,      // \n, \r, U+2028, U+2029, U+0085
  kUpper,        // upper/title-case letter
  kLower,        // lower-case letter
  kLetterOther,  // letters without case (Arabic, CJK, ...) and combining marks
  kDigit,
  kApostrophe,    // ' ’ ‘ ʼ ′ (also used as single quotes)
  kDoubleQuote,   // " “ ” „ ‟ « » ‹ › ″
  kHyphen,        // - ‐ ‑ (joins words)
  kDash,          // – — ‒ ― −
  kPeriod,        // .
  kTerminal,      // ! ? ‼ ⁇ ⁈ ⁉ and the ellipsis …
  kOpenBracket,   // ( [ {
  kCloseBracket,  // ) ] }
  kOtherPunct,    // , ; : / and the rest of Unicode punctuation
  kSymbol,        // $ % & + < = > @ # etc., currency, math, other symbols
  kControl        // other control / format characters (zero-width etc.)
};

CharClass classify(char32_t cp);

inline bool is_letter(CharClass c) {
  return c == CharClass::kUpper || c == CharClass::kLower || c == CharClass::kLetterOther;
}
inline bool is_alnum(CharClass c) {
  return is_letter(c) || c == CharClass::kDigit;
}

// Quote direction for quotation-mark code points (both straight quotes are
// kAmbiguous and resolved from context by the tokenizer).
enum class QuoteDir : uint8_t { kNone, kOpen, kClose, kAmbiguous };
QuoteDir quote_direction(char32_t cp);

// Simple lower-case mapping (one code point to one), for normalized forms.
char32_t to_lower(char32_t cp);

}  // namespace claimtrace::segment
