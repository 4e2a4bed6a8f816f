#pragma once
// The certainty lexicon (hedge, booster and negation cues) and its lookup index.
//
// The lexicon is written in data/certainty_cues.tsv and compiled into the
// binary at build time (tools/gen_certainty_lexicon.cmake generates the table
// included by certainty_lexicon.cc); nothing is read or parsed at analysis time.
// The index is built once, on first use, and is immutable afterwards, so it is
// safe to share between worker threads.
#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/document.h"

namespace claimtrace::extract {

// kWeasel entries are emitted as CueClass::kHedge; see is_weasel().
enum class LexClass : uint8_t { kHedge, kWeasel, kBooster, kNegation, kBlock };

// Context checks named in the TSV "condition" column (see hedging.cc).
enum class Cond : uint8_t {
  kNone,
  kModal,
  kAbility,
  kPassive,
  kQuantifier,
  kVagueSource,
  kWeak,
  kVagueSubject,
  kVagueNoun
};

struct LexEntry {
  std::string_view phrase;  // normalized tokens separated by single spaces
  LexClass cls;
  Cond cond;
  std::string_view rule;              // "<class>:<phrase>" (static storage)
  std::string_view rule_not_counted;  // "<class>:<phrase>:not-counted" (static storage)
};

// Every entry of data/certainty_cues.tsv, in file order.
std::span<const LexEntry> certainty_lexicon();

inline constexpr size_t kMaxPhraseTokens = 6;

struct LexCandidate {
  const LexEntry* entry = nullptr;
  std::array<std::string_view, kMaxPhraseTokens> tokens{};  // views into entry->phrase
  uint8_t size = 0;
};

// First-token norm -> candidate phrases starting with it, longest first.
class CertaintyIndex {
 public:
  static const CertaintyIndex& get();
  // nullptr when no phrase starts with `first`.
  const std::vector<LexCandidate>* find(std::string_view first) const {
    auto it = by_first_.find(first);
    return it == by_first_.end() ? nullptr : &it->second;
  }

 private:
  CertaintyIndex();
  std::unordered_map<std::string_view, std::vector<LexCandidate>> by_first_;
};

// A certainty cue is "not counted" when it was emitted but must not change
// certainty or sentence uncertainty: a booster inside quotation marks (the
// quoted text's word, not the writer's: “confirmed information”) or a modal in
// a root, non-epistemic use ("users may choose"). Such cues carry the rule
// "<class>:<phrase>:not-counted".
bool cue_counts(const Cue& cue);

// A weasel is a hedge cue of vagueness rather than doubt (Wikipedia's "weasel
// words", CoNLL-2010): a vague quantifier or source ("many", "critics"), a
// vague degree or praise ("widely", "one of the finest"). It makes the
// sentence uncertain, but does not make a claim speculative: "Many residents
// fled" is still asserted. Its rule starts with "weasel:".
bool is_weasel(const Cue& cue);

}  // namespace claimtrace::extract
