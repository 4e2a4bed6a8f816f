#include "segment/sentence_splitter.h"

#include "core/utf8.h"
#include "segment/abbreviations.h"
#include "segment/char_class.h"

namespace claimtrace::segment {

namespace {

bool is_terminal(const Document& doc, const Token& t) {
  if (t.kind != TokenKind::kPunct) return false;
  std::string_view s = doc.norm(t);
  char c = s.empty() ? '\0' : s[0];
  return c == '.' || c == '!' || c == '?' || s == "\u203c" || s == "\u2047" || s == "\u2048" ||
         s == "\u2049";
}

bool is_closer(const Document& doc, const Token& t) {
  if (t.has(kTokenCloseQuote)) return true;
  if (t.kind != TokenKind::kPunct) return false;
  std::string_view s = doc.slice(t.span);
  uint32_t len;
  return classify(decode_utf8(s, 0, len)) == CharClass::kCloseBracket;
}

bool can_open_sentence(const Document& doc, const Token& t) {
  if (t.has(kTokenCapitalized) || t.has(kTokenOpenQuote)) return true;
  std::string_view s = doc.slice(t.span);
  uint32_t len;
  CharClass c = classify(decode_utf8(s, 0, len));
  if (c == CharClass::kDigit || c == CharClass::kOpenBracket || c == CharClass::kDash ||
      c == CharClass::kLetterOther)
    return true;
  // A bullet or similar symbol opening a list item.
  return t.kind == TokenKind::kSymbol && (s == "\u2022" || s == "*");
}

// Whether an abbreviation token's period also ends the sentence, given the
// token after it.
bool abbreviation_ends_sentence(const Document& doc, const Token& abbr, const Token& next) {
  std::string_view a = doc.norm(abbr);
  if (a.empty() || a.back() != '.') return false;
  a.remove_suffix(1);
  if (abbreviation_kind(a) == AbbrevKind::kTitle) return false;
  if (abbreviation_kind(a) == AbbrevKind::kBeforeNumber) return false;
  if (!next.has(kTokenCapitalized) && !next.has(kTokenOpenQuote)) return false;
  if (next.has(kTokenOpenQuote)) return true;
  return is_common_sentence_starter(doc.norm(next));
}

}  // namespace

void split_sentences(Document& doc) {
  doc.sentences.clear();
  const auto& toks = doc.tokens;
  const uint32_t n = static_cast<uint32_t>(toks.size());
  uint32_t start = 0;
  uint32_t paragraph = 0;
  auto close = [&](uint32_t end_tok) {  // [start, end_tok)
    if (end_tok <= start) return;
    Sentence s;
    s.first_token = start;
    s.token_count = end_tok - start;
    s.span = Span{toks[start].span.begin, toks[end_tok - 1].span.end};
    s.paragraph = paragraph;
    doc.sentences.push_back(s);
    start = end_tok;
  };
  for (uint32_t k = 0; k < n; ++k) {
    if (k > start && toks[k].has(kTokenParagraphStart)) {
      close(k);
    }
    if (k > 0 && toks[k].has(kTokenParagraphStart)) ++paragraph;
    const Token& t = toks[k];
    bool terminal = is_terminal(doc, t);
    bool abbrev = t.kind == TokenKind::kAbbreviation;
    if (!terminal && !abbrev) continue;
    // Absorb closing quotes/brackets and further terminal marks.
    uint32_t m = k + 1;
    while (m < n && !toks[m].has(kTokenParagraphStart) &&
           (is_closer(doc, toks[m]) || (terminal && is_terminal(doc, toks[m]))))
      ++m;
    if (m >= n || toks[m].has(kTokenParagraphStart)) {
      k = m - 1;
      continue;  // the paragraph or text end closes it
    }
    bool ends = terminal ? can_open_sentence(doc, toks[m])
                         : m == k + 1 && abbreviation_ends_sentence(doc, t, toks[m]);
    if (ends) {
      close(m);
      k = m - 1;
    }
  }
  close(n);
}

}  // namespace claimtrace::segment
