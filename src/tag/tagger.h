#pragma once
// The tag stage: part of speech, lemmas and chunks for one segmented Document.
//
//   1. Lexicon tags: every token gets the tags the lexicon lists for it (most
//      frequent first), looked up case-aware: a capitalised word at the start
//      of a sentence or in a headline (Title Case or ALL CAPS) is looked up in
//      lower case too, so "Sends" in "Russia Sends Troops" is a verb and
//      "RUSSIA" a proper noun. Unknown words are guessed from their shape and
//      suffix ("-tion" NN, "-ly" RB, capitalised NNP).
//   2. Contextual rules (Brill-style transformations we wrote, tagger.cc):
//      each may only move a token to another tag the lexicon allows for it
//      ("the attack" NN, "they attack" VBP, "was attacked" VBN, "will attack" VB).
//   3. Lemmas from the lexicon (WordNet exceptions + regular rules).
//   4. Chunks (chunker.cc): noun groups and verb groups with heads; verb groups
//      carry tense, aspect, voice, negation and their modal.
#include "core/document.h"
#include "tag/tag_lexicon.h"

namespace claimtrace::tag {

// Penn tag families, shared by the tagger's rules and the chunker.
inline bool is_verb(Pos p) {
  return p >= Pos::kVB && p <= Pos::kVBZ;
}
inline bool is_noun(Pos p) {
  return p == Pos::kNN || p == Pos::kNNS || p == Pos::kNNP || p == Pos::kNNPS;
}
inline bool is_proper(Pos p) {
  return p == Pos::kNNP || p == Pos::kNNPS;
}
inline bool is_adjective(Pos p) {
  return p == Pos::kJJ || p == Pos::kJJR || p == Pos::kJJS;
}

// Fills Token::pos, Token lemmas (in doc.norm_pool) and doc.chunks.
// Needs doc.tokens and doc.sentences (segment stage).
void tag_document(const TagLexicon& lexicon, Document& doc);

// Chunking alone, on tokens that already carry tags (chunker.cc).
void find_chunks(Document& doc);

}  // namespace claimtrace::tag
