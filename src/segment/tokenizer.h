#pragma once
// Tokenizer: splits Document::text into Document::tokens with byte offsets.
//
// Rules (PTB-like, adjusted for news): words keep inner hyphens and
// apostrophes (al-Shughur, Hay’at, O'Brien); possessive and verb clitics are
// split ('s, n't, 're); numbers keep decimal points, thousands separators and
// times (3.5, 1,000, 10:30); known abbreviations, initials and dotted
// acronyms keep their period (Mr., J., U.S.); URLs and e-mail addresses are
// single tokens; every punctuation mark, quote, dash and bracket is its own
// token ("..." and runs of ?! are one). The text itself is never modified.
//
// Paragraph breaks are marked on the first token after them
// (kTokenParagraphStart): a blank line always breaks; a single newline breaks
// unless the text is hard-wrapped (see looks_hard_wrapped), where only an
// indented line starts a new paragraph.
#include <string_view>

#include "core/document.h"

namespace claimtrace::segment {

void tokenize(Document& doc);

// True when most single line breaks in `text` fall inside sentences, as in
// wire copy wrapped at a fixed width (lines that end without terminal
// punctuation and either run long or continue in lower case).
bool looks_hard_wrapped(std::string_view text);

}  // namespace claimtrace::segment
