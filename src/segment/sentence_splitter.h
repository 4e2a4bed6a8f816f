#pragma once
// Sentence splitter: groups Document::tokens into Document::sentences.
//
// A sentence ends at a paragraph break, or after a terminal mark (. ! ? …)
// plus any closing quotes and brackets when the next token can open a
// sentence (capital letter, digit, opening quote or bracket). A period that
// belongs to an abbreviation ends a sentence only when the abbreviation can
// end one (U.S., Inc. — not Mr., Gen.) and the next word is a common
// sentence opener ("in the U.S. The ..."). Runs over tokens only.
#include "core/document.h"

namespace claimtrace::segment {

void split_sentences(Document& doc);

}  // namespace claimtrace::segment
