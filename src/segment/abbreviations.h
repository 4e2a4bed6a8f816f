#pragma once
// Abbreviations whose final period belongs to the word, by how they behave
// at a sentence end. Lookup is on the lower-cased form without the final
// period ("mr", "u.s", "p.m").
#include <string_view>

namespace claimtrace::segment {

enum class AbbrevKind {
  kNone,
  kTitle,         // Mr. Dr. Gen. Sen. St.: precede a name, never end a sentence
  kAmbiguous,     // U.S. Inc. p.m. Jan.: may end a sentence
  kBeforeNumber,  // No. Art. pp.: an abbreviation only when a number follows
};

AbbrevKind abbreviation_kind(std::string_view lower_without_period);

// True for capitalized words that commonly open a sentence ("The", "He",
// "But"); used to decide whether an ambiguous abbreviation ends a sentence.
bool is_common_sentence_starter(std::string_view lower_word);

}  // namespace claimtrace::segment
