#pragma once
// CAMEO event coding: who did what to whom, where, and who says so.
//
// Reads tokens, mentions/entities and attributions; writes doc.events. No
// parser: noun groups ("actor units") are chunked around lexicon mentions
// and agent nouns, the event phrase comes from our dictionary
// (data/event_verbs.tsv), and the subject/object/prepositional slots are
// found by position. A verb we do not know yields no event (no catch-all).
#include "core/document.h"
#include "lexicon/lexicon.h"

namespace claimtrace::extract {

// Fills doc.events. Needs segment, mentions/entities (resolve) and
// attributions (extract). `lex` may be null (agent nouns still work).
void code_events(Document& doc, const lexicon::Lexicon* lex);

}  // namespace claimtrace::extract
