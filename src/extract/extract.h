#pragma once
// The extract stage: everything read off one segmented Document.
//
// Order matters and data flows forward: hedges/boosters/negation first
// (sentence uncertainty and certainty cues), then attribution (quotes, cues
// of saying, sources, contents, chains), which uses the certainty cues.
#include "core/document.h"

namespace claimtrace::extract {

// Runs all extractors on a segmented document (tokens and sentences filled).
void extract(Document& doc);

// Hedge, booster and negation cues -> doc.cues (classes hedge|booster|
// negation); sentences[].uncertain. See hedging.cc.
void detect_certainty_cues(Document& doc);

// Quotes, cues of saying, sources and contents -> doc.cues (say|claim|
// report|cite|according_to) and doc.attributions. See attribution.cc.
void extract_attributions(Document& doc);

// Sets Attribution::source_entity from entity mentions inside the source
// span, and for pronoun/nominal person sources from the latest named person
// source. Needs entities (resolve stage) and attributions.
void link_source_entities(Document& doc);

}  // namespace claimtrace::extract
