#include "extract/speech_cues.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace claimtrace::extract {
namespace {

constexpr SpeechCueEntry kEntries[] = {
#include "extract/speech_cues.inc"
};

constexpr size_t kMaxPhraseTokens = 6;

struct Phrase {
  const SpeechCueEntry* entry;
  std::array<std::string_view, kMaxPhraseTokens> tokens;
  uint32_t size;
};

// First token -> phrases starting with it, longest first.
class CueIndex {
 public:
  CueIndex() {
    for (const SpeechCueEntry& e : kEntries) {
      Phrase p{&e, {}, 0};
      std::string_view rest = e.form;
      while (!rest.empty() && p.size < kMaxPhraseTokens) {
        size_t sp = rest.find(' ');
        p.tokens[p.size++] = rest.substr(0, sp);
        rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
      }
      by_first_[p.tokens[0]].push_back(p);
    }
    for (auto& [first, phrases] : by_first_) {
      std::stable_sort(phrases.begin(), phrases.end(),
                       [](const Phrase& a, const Phrase& b) { return a.size > b.size; });
    }
  }

  const std::vector<Phrase>* find(std::string_view first) const {
    auto it = by_first_.find(first);
    return it == by_first_.end() ? nullptr : &it->second;
  }

 private:
  std::unordered_map<std::string_view, std::vector<Phrase>> by_first_;
};

const CueIndex& index() {
  static const CueIndex kIndex;
  return kIndex;
}

}  // namespace

SpeechCueMatch match_speech_cue(const Document& doc, uint32_t i) {
  const auto* phrases = index().find(doc.norm(doc.tokens[i]));
  if (phrases == nullptr) return {};
  for (const Phrase& p : *phrases) {
    if (i + p.size > doc.tokens.size()) continue;
    bool ok = true;
    for (uint32_t k = 1; k < p.size && ok; ++k) ok = doc.norm(doc.tokens[i + k]) == p.tokens[k];
    if (ok) return {p.entry, p.size};
  }
  return {};
}

}  // namespace claimtrace::extract
