#include "segment/tokenizer.h"

#include "core/utf8.h"
#include "segment/abbreviations.h"
#include "segment/char_class.h"

namespace claimtrace::segment {

namespace {

// Read-only view of the text with code-point helpers.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}
  size_t size() const { return text_.size(); }
  // Code point at byte offset i (must be < size()).
  char32_t at(size_t i, uint32_t& len) const {
    auto c = static_cast<unsigned char>(text_[i]);
    if (c < 0x80) {
      len = 1;
      return c;
    }
    return decode_utf8(text_, i, len);
  }
  CharClass cls(size_t i, uint32_t& len) const { return classify(at(i, len)); }
  CharClass cls(size_t i) const {
    uint32_t len;
    return i < text_.size() ? classify(at(i, len)) : CharClass::kSpace;
  }
  char byte(size_t i) const { return i < text_.size() ? text_[i] : '\0'; }
  // Class of the code point ending just before byte offset i.
  CharClass cls_before(size_t i) const {
    if (i == 0) return CharClass::kSpace;
    size_t b = i - 1;
    while (b > 0 && (static_cast<unsigned char>(text_[b]) & 0xC0) == 0x80) --b;
    return cls(b);
  }
  std::string_view text() const { return text_; }

 private:
  std::string_view text_;
};

bool ascii_lower_equals(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != lower[i]) return false;
  }
  return true;
}

bool is_email_local_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '%' || c == '+' || c == '-';
}
bool is_domain_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-';
}

// Trailing characters that end a sentence or clause rather than a URL.
bool is_url_trailer(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
         c == '"' || c == '\'' || c == ']';
}

class Tokenizer {
 public:
  explicit Tokenizer(Document& doc) : doc_(doc), cur_(doc.text) {}

  void run() {
    const size_t n = cur_.size();
    wrapped_ = looks_hard_wrapped(doc_.text);
    size_t i = 0;
    bool space_before = true;
    bool paragraph_start = true;
    int newlines = 0;
    bool indented = false;  // a space/tab right after the last newline
    while (i < n) {
      uint32_t len;
      CharClass c = cur_.cls(i, len);
      if (c == CharClass::kSpace || c == CharClass::kNewline || c == CharClass::kControl) {
        if (c == CharClass::kNewline) {
          // \r\n counts once.
          if (!(cur_.byte(i) == '\r' && cur_.byte(i + 1) == '\n')) ++newlines;
          indented = false;
        } else if (c == CharClass::kSpace && newlines > 0) {
          indented = true;
        }
        if (c != CharClass::kControl) space_before = true;
        i += len;
        continue;
      }
      if (newlines >= 2 || (newlines == 1 && (!wrapped_ || indented))) paragraph_start = true;
      size_t end = scan_token(i, c, len);
      uint8_t flags = 0;
      if (space_before) flags |= kTokenSpaceBefore;
      if (paragraph_start && !doc_.tokens.empty()) flags |= kTokenParagraphStart;
      if (doc_.tokens.empty()) flags |= kTokenParagraphStart;
      emit(i, end, flags);
      i = end;
      if (pending_nt_) {
        // "n't" as its own token: n, apostrophe, t.
        pending_nt_ = false;
        uint32_t apos_len;
        cur_.at(i + 1, apos_len);
        size_t nt_end = i + 1 + apos_len + 1;
        kind_ = TokenKind::kWord;
        emit(i, nt_end, 0);
        i = nt_end;
      }
      space_before = false;
      paragraph_start = false;
      newlines = 0;
      indented = false;
    }
  }

 private:
  // Returns the end offset of the token starting at `i` (class c, length len).
  size_t scan_token(size_t i, CharClass c, uint32_t len) {
    kind_ = TokenKind::kPunct;
    if (is_alnum(c)) return scan_word(i);
    switch (c) {
      case CharClass::kPeriod: {
        size_t j = i;
        while (cur_.byte(j) == '.') ++j;
        if (j - i == 2) j = i + 1;  // ".." is two periods; "..." and longer are ellipses
        return j;
      }
      case CharClass::kTerminal: {
        size_t j = i + len;
        while (j < cur_.size() && (cur_.byte(j) == '!' || cur_.byte(j) == '?')) ++j;
        return j;
      }
      case CharClass::kHyphen:
        if (cur_.byte(i) == '-' && cur_.byte(i + 1) == '-') {
          size_t j = i;
          while (cur_.byte(j) == '-') ++j;
          return j;
        }
        return i + len;
      case CharClass::kApostrophe: {
        // A clitic ('s 're 've 'll 'd 'm) glued to the previous word.
        size_t clitic = clitic_end(i, len);
        if (clitic != 0 && !doc_.tokens.empty() && doc_.tokens.back().span.end == i) {
          kind_ = TokenKind::kWord;
          return clitic;
        }
        return i + len;
      }
      case CharClass::kSymbol:
        kind_ = TokenKind::kSymbol;
        return i + len;
      default:
        return i + len;
    }
  }

  // If an apostrophe at `i` starts a verb/possessive clitic that ends the
  // word, returns the clitic's end offset, else 0.
  size_t clitic_end(size_t i, uint32_t apos_len) const {
    size_t j = i + apos_len;
    size_t k = j;
    while (k < cur_.size() && k - j < 3) {
      char b = cur_.byte(k);
      if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z'))
        ++k;
      else
        break;
    }
    if (k == j || is_alnum(cur_.cls(k))) return 0;
    std::string_view suffix = cur_.text().substr(j, k - j);
    for (std::string_view s : {"s", "re", "ve", "ll", "d", "m"})
      if (ascii_lower_equals(suffix, s)) return k;
    return 0;
  }

  size_t scan_email_or_url(size_t i) {
    const std::string_view t = cur_.text();
    const size_t n = t.size();
    // URL: http://, https://, www.
    auto starts = [&](std::string_view p) {
      return n - i >= p.size() && ascii_lower_equals(t.substr(i, p.size()), p);
    };
    if (starts("http://") || starts("https://") || starts("www.")) {
      size_t j = i;
      while (j < n && cur_.cls(j) != CharClass::kSpace && cur_.cls(j) != CharClass::kNewline) {
        uint32_t len;
        cur_.at(j, len);
        j += len;
      }
      // Trim sentence punctuation, keeping a ')' that closes a '(' in the URL.
      while (j > i + 4 && is_url_trailer(t[j - 1])) {
        if (t[j - 1] == ')' && t.substr(i, j - i).find('(') != std::string_view::npos) break;
        --j;
      }
      // Trailing closing curly quotes.
      while (j >= i + 7 && t.substr(j - 3, 3) == "\u201d") j -= 3;
      kind_ = TokenKind::kUrl;
      return j;
    }
    // E-mail: local@domain.tld
    size_t j = i;
    while (j < n && is_email_local_byte(t[j])) ++j;
    if (j < n && t[j] == '@' && j > i) {
      size_t d = j + 1;
      while (d < n && is_domain_byte(t[d])) ++d;
      while (d > j + 1 && (t[d - 1] == '.' || t[d - 1] == '-')) --d;
      std::string_view domain = t.substr(j + 1, d - j - 1);
      if (domain.find('.') != std::string_view::npos && domain.front() != '.') {
        kind_ = TokenKind::kEmail;
        return d;
      }
    }
    return 0;
  }

  size_t scan_word(size_t i) {
    char first = cur_.byte(i);
    if (first == 'h' || first == 'H' || first == 'w' || first == 'W' ||
        is_email_local_byte(first)) {
      size_t special = scan_email_or_url(i);
      if (special != 0) return special;
    }
    const size_t n = cur_.size();
    bool all_digits = true;  // so far: digits and numeric separators only
    bool starts_digit = cur_.cls(i) == CharClass::kDigit;
    size_t chars = 0;
    size_t j = i;
    while (j < n) {
      uint32_t len;
      CharClass c = cur_.cls(j, len);
      if (is_alnum(c)) {
        if (c != CharClass::kDigit) all_digits = false;
        j += len;
        ++chars;
        continue;
      }
      if (c == CharClass::kHyphen && is_alnum(cur_.cls(j + len))) {
        // A dotted acronym after the hyphen is a token of its own, so its
        // periods are not read as a sentence end: "(D-N.Y.)" -> D - N.Y.
        const size_t a = j + len;
        if (cur_.byte(a + 1) == '.' && is_letter(cur_.cls(a + 2)) && cur_.byte(a + 3) == '.') break;
        all_digits = false;
        j += len;
        continue;
      }
      if (c == CharClass::kApostrophe) {
        uint32_t next_len;
        if (j + len >= n || !is_letter(cur_.cls(j + len, next_len))) break;
        if (clitic_end(j, len) != 0) break;  // Syria’s -> Syria ’s
        // n't: split before the n ("don't" -> "do" "n't").
        if ((cur_.byte(j + len) == 't' || cur_.byte(j + len) == 'T') &&
            !is_alnum(cur_.cls(j + len + 1)) && j > i + 1 &&
            (cur_.byte(j - 1) == 'n' || cur_.byte(j - 1) == 'N')) {
          pending_nt_ = true;
          j -= 1;
          break;
        }
        all_digits = false;
        j += len;
        continue;
      }
      char b = cur_.byte(j);
      if (all_digits && (b == '.' || b == ',' || b == ':' || b == '/')) {
        // 3.5  1,000  10:30  1/2
        size_t k = j + 1;
        size_t digits = 0;
        while (k < n && cur_.byte(k) >= '0' && cur_.byte(k) <= '9') {
          ++k;
          ++digits;
        }
        bool ok = digits > 0;
        if (b == ',') ok = digits == 3;
        if (b == ':') ok = digits == 2;
        if (ok) {
          j = k;
          continue;
        }
        break;
      }
      if (b == '.' && chars == 1 && !starts_digit) {
        // Dotted acronym: U.S.  p.m.  e.g.  U.S.S.R.
        size_t k = j;
        size_t pairs = 0;
        while (cur_.byte(k) == '.' && is_letter(cur_.cls(k + 1)) && cur_.byte(k + 2) == '.') {
          uint32_t l2;
          cur_.at(k + 1, l2);
          if (l2 != 1) break;
          k += 2;
          ++pairs;
        }
        if (pairs > 0) {
          kind_ = TokenKind::kAbbreviation;
          return k + 1;  // include the final period
        }
      }
      break;
    }
    if (pending_nt_ && j == i) pending_nt_ = false;
    if (starts_digit) {
      // Numbers, including ordinals (2nd, 31st); digits with other letters are words.
      std::string_view tok = cur_.text().substr(i, j - i);
      size_t d = 0;
      while (d < tok.size() && (tok[d] >= '0' && tok[d] <= '9')) ++d;
      std::string_view rest = tok.substr(d);
      bool ordinal = d > 0 && (ascii_lower_equals(rest, "st") || ascii_lower_equals(rest, "nd") ||
                               ascii_lower_equals(rest, "rd") || ascii_lower_equals(rest, "th"));
      kind_ = (all_digits || ordinal) ? TokenKind::kNumber : TokenKind::kWord;
      return j;
    }
    kind_ = TokenKind::kWord;
    // Does a following period belong to this word?
    if (cur_.byte(j) == '.' && cur_.byte(j + 1) != '.') {
      std::string_view word = cur_.text().substr(i, j - i);
      bool initial = chars == 1 && cur_.cls(i) == CharClass::kUpper;
      AbbrevKind ak = AbbrevKind::kNone;
      if (!initial && word.size() <= 8) {
        char lower[9];
        for (size_t k = 0; k < word.size(); ++k) {
          char ch = word[k];
          lower[k] = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
        }
        ak = abbreviation_kind(std::string_view(lower, word.size()));
      }
      bool attach = initial || ak == AbbrevKind::kTitle || ak == AbbrevKind::kAmbiguous;
      if (ak == AbbrevKind::kBeforeNumber) {
        size_t k = j + 1;
        while (cur_.byte(k) == ' ') ++k;
        attach = cur_.byte(k) >= '0' && cur_.byte(k) <= '9';
      }
      if (attach) {
        kind_ = TokenKind::kAbbreviation;
        return j + 1;
      }
    }
    return j;
  }

  void emit(size_t b, size_t e, uint8_t flags) {
    Token t;
    t.span = Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
    t.kind = kind_;
    normalize(t, flags);
    doc_.tokens.push_back(t);
  }

  // Writes the normalized form to the pool and sets case/quote flags.
  void normalize(Token& t, uint8_t flags) {
    std::string& pool = doc_.norm_pool;
    t.norm_begin = static_cast<uint32_t>(pool.size());
    std::string_view s = doc_.slice(t.span);
    size_t letters = 0, uppers = 0;
    bool first_letter_seen = false;
    for (size_t i = 0; i < s.size();) {
      uint32_t len;
      char32_t cp = cur_.at(t.span.begin + i, len);
      CharClass c = classify(cp);
      switch (c) {
        case CharClass::kUpper:
          ++letters;
          ++uppers;
          if (!first_letter_seen) flags |= kTokenCapitalized;
          first_letter_seen = true;
          append_utf8(pool, to_lower(cp));
          break;
        case CharClass::kLower:
        case CharClass::kLetterOther:
          ++letters;
          first_letter_seen = true;
          append_utf8(pool, cp);
          break;
        case CharClass::kApostrophe:
          pool.push_back('\'');
          break;
        case CharClass::kDoubleQuote:
          pool.push_back('"');
          break;
        case CharClass::kHyphen:
        case CharClass::kDash:
          pool.push_back('-');
          break;
        default:
          if (cp == 0x2026)
            pool.append("...");
          else
            append_utf8(pool, cp);
      }
      i += len;
    }
    if (letters >= 2 && uppers == letters) flags |= kTokenAllCaps;
    if (t.kind == TokenKind::kPunct) {
      uint32_t len;
      char32_t cp = cur_.at(t.span.begin, len);
      QuoteDir dir = quote_direction(cp);
      CharClass c = classify(cp);
      if (dir != QuoteDir::kNone || c == CharClass::kDoubleQuote) {
        // Context decides: glued to a word on the left and free on the right closes.
        CharClass before = cur_.cls_before(t.span.begin);
        CharClass after = cur_.cls(t.span.end);
        bool space_before = before == CharClass::kSpace || before == CharClass::kNewline ||
                            before == CharClass::kOpenBracket || t.span.begin == 0;
        bool space_after = after == CharClass::kSpace || after == CharClass::kNewline ||
                           t.span.end >= cur_.size() || after == CharClass::kPeriod ||
                           after == CharClass::kOtherPunct || after == CharClass::kCloseBracket ||
                           after == CharClass::kTerminal;
        if (space_before && !space_after)
          dir = QuoteDir::kOpen;
        else if (!space_before && space_after)
          dir = QuoteDir::kClose;
        else if (dir == QuoteDir::kAmbiguous || dir == QuoteDir::kNone)
          dir = space_before ? QuoteDir::kOpen : QuoteDir::kClose;
        flags |= dir == QuoteDir::kOpen ? kTokenOpenQuote : kTokenCloseQuote;
      }
    }
    t.norm_size = static_cast<uint32_t>(pool.size() - t.norm_begin);
    t.flags = flags;
  }

 private:
  Document& doc_;
  Cursor cur_;
  bool wrapped_ = false;
  TokenKind kind_ = TokenKind::kWord;
  bool pending_nt_ = false;  // the word just scanned stops before "n't"
};

bool is_terminal_byte(unsigned char c) {
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '"' || c == '\'' ||
         c == ')' || c == ']';
}

}  // namespace

bool looks_hard_wrapped(std::string_view text) {
  size_t open_lines = 0, single_breaks = 0;
  size_t pos = 0;
  const size_t n = text.size();
  while (pos < n) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) break;
    std::string_view line = text.substr(pos, nl - pos);
    size_t next = nl + 1;
    // Only single newlines between two non-empty lines count.
    size_t lb = line.find_first_not_of(" \t\r");
    size_t nb = next < n ? text.find_first_not_of(" \t\r", next) : std::string_view::npos;
    if (lb != std::string_view::npos && nb != std::string_view::npos && text[nb] != '\n') {
      ++single_breaks;
      size_t le = line.find_last_not_of(" \t\r");
      auto last = static_cast<unsigned char>(line[le]);
      // Multi-byte endings (curly quotes, ellipsis) count as terminal.
      bool terminal = last >= 0x80 || is_terminal_byte(last);
      bool next_lower = text[nb] >= 'a' && text[nb] <= 'z';
      if (!terminal && (next_lower || le - lb >= 40)) ++open_lines;
    }
    pos = next;
  }
  return open_lines >= 2 && open_lines * 10 >= single_breaks * 4;
}

void tokenize(Document& doc) {
  doc.tokens.clear();
  doc.norm_pool.clear();
  doc.tokens.reserve(doc.text.size() / 5 + 8);
  doc.norm_pool.reserve(doc.text.size() + 16);
  Tokenizer(doc).run();
}

}  // namespace claimtrace::segment
