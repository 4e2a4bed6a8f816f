#include "segment/char_class.h"

#include <array>

#include <unicode/uchar.h>

namespace claimtrace::segment {

namespace {

constexpr std::array<CharClass, 128> make_ascii_table() {
  std::array<CharClass, 128> t{};
  for (int c = 0; c < 128; ++c) {
    CharClass k = CharClass::kControl;
    if (c == ' ' || c == '\t' || c == '\v' || c == '\f')
      k = CharClass::kSpace;
    else if (c == '\n' || c == '\r')
      k = CharClass::kNewline;
    else if (c >= 'A' && c <= 'Z')
      k = CharClass::kUpper;
    else if (c >= 'a' && c <= 'z')
      k = CharClass::kLower;
    else if (c >= '0' && c <= '9')
      k = CharClass::kDigit;
    else if (c == '\'' || c == '`')
      k = CharClass::kApostrophe;
    else if (c == '"')
      k = CharClass::kDoubleQuote;
    else if (c == '-')
      k = CharClass::kHyphen;
    else if (c == '.')
      k = CharClass::kPeriod;
    else if (c == '!' || c == '?')
      k = CharClass::kTerminal;
    else if (c == '(' || c == '[' || c == '{')
      k = CharClass::kOpenBracket;
    else if (c == ')' || c == ']' || c == '}')
      k = CharClass::kCloseBracket;
    else if (c == ',' || c == ';' || c == ':' || c == '/' || c == '\\' || c == '_' || c == '*')
      k = CharClass::kOtherPunct;
    else if (c > 32 && c < 127)
      k = CharClass::kSymbol;
    t[c] = k;
  }
  return t;
}

constexpr auto kAscii = make_ascii_table();

}  // namespace

CharClass classify(char32_t cp) {
  if (cp < 128) return kAscii[cp];
  switch (cp) {
    case 0x2019:
    case 0x2018:
    case 0x02BC:
    case 0x2032:
    case 0x201B:
    case 0x02BB:
      return CharClass::kApostrophe;
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2039:
    case 0x203A:
    case 0x2033:
      return CharClass::kDoubleQuote;
    case 0x2010:
    case 0x2011:
      return CharClass::kHyphen;
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
      return CharClass::kDash;
    case 0x2026:
    case 0x203C:
    case 0x2047:
    case 0x2048:
    case 0x2049:
      return CharClass::kTerminal;
    case 0x2028:
    case 0x2029:
    case 0x0085:
      return CharClass::kNewline;
    case 0x00A0:
    case 0x202F:
    case 0x2007:
      return CharClass::kSpace;
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
    case 0x00AD:
      return CharClass::kControl;
    default:
      break;
  }
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_UPPERCASE_LETTER:
    case U_TITLECASE_LETTER:
      return CharClass::kUpper;
    case U_LOWERCASE_LETTER:
      return CharClass::kLower;
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_ENCLOSING_MARK:
      return CharClass::kLetterOther;
    case U_DECIMAL_DIGIT_NUMBER:
      return CharClass::kDigit;
    case U_SPACE_SEPARATOR:
      return CharClass::kSpace;
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
      return CharClass::kNewline;
    case U_START_PUNCTUATION:
      return CharClass::kOpenBracket;
    case U_END_PUNCTUATION:
      return CharClass::kCloseBracket;
    case U_DASH_PUNCTUATION:
      return CharClass::kDash;
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
      return CharClass::kDoubleQuote;
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
      return CharClass::kOtherPunct;
    case U_MATH_SYMBOL:
    case U_CURRENCY_SYMBOL:
    case U_MODIFIER_SYMBOL:
    case U_OTHER_SYMBOL:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return CharClass::kSymbol;
    default:
      return CharClass::kControl;
  }
}

QuoteDir quote_direction(char32_t cp) {
  switch (cp) {
    case '"':
    case '\'':
      return QuoteDir::kAmbiguous;
    case 0x201C:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x2039:
    case 0x2018:
    case 0x201A:
      return QuoteDir::kOpen;
    case 0x201D:
    case 0x00BB:
    case 0x203A:
    case 0x2019:
      return QuoteDir::kClose;
    default:
      return QuoteDir::kNone;
  }
}

char32_t to_lower(char32_t cp) {
  if (cp < 128) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
}

}  // namespace claimtrace::segment
