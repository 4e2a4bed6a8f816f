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
  kVagueNoun,
  kDegree,
  kVagueClaimant,
  kSuggest,
  kWhether,
  kAppearTo
};

struct CertaintyEntry {
  std::string_view phrase;  // normalized tokens separated by single spaces
  LexClass cls;
  Cond cond;
  std::string_view rule;              // "<class>:<phrase>" (static storage)
  std::string_view rule_not_counted;  // "<class>:<phrase>:not-counted" (static storage)
};

// Every entry of data/certainty_cues.tsv, in file order.
std::span<const CertaintyEntry> certainty_lexicon();

inline constexpr size_t kMaxPhraseTokens = 6;

struct LexCandidate {
  const CertaintyEntry* entry = nullptr;
  std::array<std::string_view, kMaxPhraseTokens> tokens{};  // views into entry->phrase
  uint8_t size = 0;
};

// First-token norm -> candidate phrases starting with it, longest first.
// An open-addressing hash table with a cheap FNV-1a hash over the (short) word,
// behind a first-byte and length filter that rejects most words without
// hashing: lookups cost a few nanoseconds and never allocate.
class CertaintyIndex {
 public:
  static const CertaintyIndex& get();
  // Empty when no phrase starts with `first`.
  std::span<const LexCandidate> find(std::string_view first) const {
    if (first.empty() || first.size() > max_len_) return {};
    auto b = static_cast<unsigned char>(first[0]);
    if (((first_bytes_[b >> 6] >> (b & 63)) & 1) == 0) return {};
    for (size_t i = hash(first) & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.count == 0) return {};
      if (s.key == first) return {candidates_.data() + s.begin, s.count};
    }
  }

 private:
  struct Slot {
    std::string_view key;
    uint32_t begin = 0;
    uint32_t count = 0;  // 0 = empty slot
  };
  static uint64_t hash(std::string_view w) {
    uint64_t h = 14695981039346656037ull;
    for (char ch : w) h = (h ^ static_cast<unsigned char>(ch)) * 1099511628211ull;
    return h;
  }
  CertaintyIndex();
  std::vector<LexCandidate> candidates_;  // grouped by first token, longest first
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t max_len_ = 0;
  std::array<uint64_t, 4> first_bytes_{};
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
