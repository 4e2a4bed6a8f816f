#pragma once
// The speech-cue lexicon (data/speech_cues.tsv, compiled in at build time) and
// a token-level matcher over it. Tables are built once, on first use, and are
// read-only afterwards, so matching is safe from many threads.
#include <cstdint>
#include <string_view>

#include "core/document.h"

namespace claimtrace::extract {

// How a cue combines with its source and content (see data/speech_cues.tsv).
// kFrame: a verb that is a cue only in one frame (see do_frame_verbs in
// attribution.cc), never on its own.
enum class CueRole : uint8_t { kVerb, kPrep, kCite, kAdverb, kSeem, kFrame };

struct SpeechCueEntry {
  std::string_view form;  // space-separated normalized tokens
  std::string_view rule;  // "cue:<lemma>"
  CueClass cue_class;
  CueRole role;
  Certainty certainty;  // how content introduced by this cue is presented
};

struct SpeechCueMatch {
  const SpeechCueEntry* entry = nullptr;  // null: no match
  uint32_t token_count = 0;
};

// Longest lexicon entry starting at token `i` (tokens [i, i + token_count)).
SpeechCueMatch match_speech_cue(const Document& doc, uint32_t i);

}  // namespace claimtrace::extract
