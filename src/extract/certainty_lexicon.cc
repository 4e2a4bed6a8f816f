#include "extract/certainty_lexicon.h"

#include <algorithm>
#include <stdexcept>

namespace claimtrace::extract {
namespace {

constexpr CertaintyEntry kLexicon[] = {
#include "extract/certainty_cues.inc"
};

}  // namespace

std::span<const CertaintyEntry> certainty_lexicon() {
  return kLexicon;
}

CertaintyIndex::CertaintyIndex() {
  std::vector<LexCandidate> all;
  all.reserve(std::size(kLexicon));
  for (const CertaintyEntry& e : kLexicon) {
    LexCandidate c;
    c.entry = &e;
    std::string_view rest = e.phrase;
    while (!rest.empty()) {
      size_t sp = rest.find(' ');
      if (c.size == kMaxPhraseTokens) throw std::logic_error("certainty lexicon: phrase too long");
      c.tokens[c.size++] = rest.substr(0, sp);
      rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
    }
    all.push_back(c);
  }
  // Group by first token, longest phrase first within a group.
  std::stable_sort(all.begin(), all.end(), [](const LexCandidate& a, const LexCandidate& b) {
    if (a.tokens[0] != b.tokens[0]) return a.tokens[0] < b.tokens[0];
    return a.size > b.size;
  });
  candidates_ = std::move(all);

  size_t keys = 0;
  for (size_t i = 0; i < candidates_.size(); ++i)
    if (i == 0 || candidates_[i].tokens[0] != candidates_[i - 1].tokens[0]) ++keys;
  size_t cap = 16;
  while (cap < keys * 4) cap *= 2;  // load factor <= 1/4: short probes
  slots_.assign(cap, Slot{});
  mask_ = cap - 1;
  for (size_t i = 0; i < candidates_.size();) {
    std::string_view key = candidates_[i].tokens[0];
    size_t j = i;
    while (j < candidates_.size() && candidates_[j].tokens[0] == key) ++j;
    size_t h = hash(key) & mask_;
    while (slots_[h].count != 0) h = (h + 1) & mask_;
    slots_[h] = Slot{key, static_cast<uint32_t>(i), static_cast<uint32_t>(j - i)};
    max_len_ = std::max(max_len_, key.size());
    auto b = static_cast<unsigned char>(key[0]);
    first_bytes_[b >> 6] |= uint64_t{1} << (b & 63);
    i = j;
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
