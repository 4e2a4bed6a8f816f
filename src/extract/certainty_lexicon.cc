#include "extract/certainty_lexicon.h"

#include <algorithm>
#include <stdexcept>

namespace claimtrace::extract {
namespace {

constexpr LexEntry kLexicon[] = {
#include "extract/certainty_cues.inc"
};

}  // namespace

std::span<const LexEntry> certainty_lexicon() {
  return kLexicon;
}

CertaintyIndex::CertaintyIndex() {
  by_first_.reserve(std::size(kLexicon) * 2);
  for (const LexEntry& e : kLexicon) {
    LexCandidate c;
    c.entry = &e;
    std::string_view rest = e.phrase;
    while (!rest.empty()) {
      size_t sp = rest.find(' ');
      if (c.size == kMaxPhraseTokens) throw std::logic_error("certainty lexicon: phrase too long");
      c.tokens[c.size++] = rest.substr(0, sp);
      rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
    }
    by_first_[c.tokens[0]].push_back(c);
  }
  for (auto& [first, cands] : by_first_) {
    std::stable_sort(cands.begin(), cands.end(),
                     [](const LexCandidate& a, const LexCandidate& b) { return a.size > b.size; });
  }
}

const CertaintyIndex& CertaintyIndex::get() {
  static const CertaintyIndex index;
  return index;
}

bool cue_counts(const Cue& cue) {
  return !cue.rule.ends_with(":not-counted");
}

bool is_weasel(const Cue& cue) {
  return cue.rule.starts_with("weasel:");
}

}  // namespace claimtrace::extract
