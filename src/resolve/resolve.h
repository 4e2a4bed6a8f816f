#pragma once
// The resolve stage: groups doc.mentions into doc.entities (same lexicon
// entry, same name, surname of an earlier person, acronym defined in the
// text), assigns CAMEO actor codes and roles, and geocodes places.
#include "core/document.h"
#include "lexicon/lexicon.h"

namespace claimtrace::resolve {

void resolve_entities(Document& doc, const lexicon::Lexicon& lex);

}  // namespace claimtrace::resolve
