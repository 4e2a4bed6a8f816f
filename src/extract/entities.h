#pragma once
// Entity mentions: names in the text, typed PER/ORG/GPE/LOC/NORP/MEDIA/MISC,
// from capitalised token sequences, the lexicon (places, countries,
// organisations, outlets, people, demonyms) and typing keywords around them
// ("Minister X", "X Party", "newspaper X", "X province"). Fills
// doc.mentions; grouping into entities is resolve/'s job.
#include "core/document.h"
#include "lexicon/lexicon.h"

namespace claimtrace::extract {

void find_mentions(Document& doc, const lexicon::Lexicon& lex);

}  // namespace claimtrace::extract
