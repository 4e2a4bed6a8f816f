#include "link/near_duplicates.h"

#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <string>

namespace claimtrace::link {

namespace {

uint64_t mix64(uint64_t x) {  // splitmix64 finaliser: a cheap, well-spread permutation
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Per-position seeds of the kMinHashSize hash functions, fixed forever: the
// signatures are stored, so changing them would need a re-link.
const std::array<uint64_t, kMinHashSize>& seeds() {
  static const std::array<uint64_t, kMinHashSize> s = [] {
    std::array<uint64_t, kMinHashSize> out{};
    uint64_t x = 0x636c61696d747261ULL;  // "claimtra"
    for (auto& v : out) v = x = mix64(x);
    return out;
  }();
  return s;
}

bool word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Lower-cased words of the text (ASCII letters and digits, and any non-ASCII
// byte, so UTF-8 letters stay inside their word). Punctuation, line breaks
// and spacing do not matter: reprints re-wrap and re-punctuate.
// `capitalised_inside` (parallel to the result): the word starts with a
// capital letter and does not start a sentence, i.e. it is likely a name.
std::vector<std::string> words_of(std::string_view text, std::vector<bool>* capitalised_inside) {
  std::vector<std::string> words;
  size_t i = 0;
  bool sentence_start = true;
  while (i < text.size()) {
    while (i < text.size() && !word_byte(static_cast<unsigned char>(text[i]))) {
      if (text[i] == '.' || text[i] == '!' || text[i] == '?' || text[i] == '"' || text[i] == ':')
        sentence_start = true;
      ++i;
    }
    size_t start = i;
    while (i < text.size() &&
           (word_byte(static_cast<unsigned char>(text[i])) ||
            // keep "1.5", "1,000", "7-1/4" and "5/8" one number
            ((text[i] == '.' || text[i] == ',' || text[i] == '-' || text[i] == '/') && i > start &&
             i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i - 1])) &&
             std::isdigit(static_cast<unsigned char>(text[i + 1])))))
      ++i;
    if (i > start) {
      capitalised_inside->push_back(!sentence_start && text[start] >= 'A' && text[start] <= 'Z');
      sentence_start = false;
      std::string w(text.substr(start, i - start));
      for (char& c : w)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      words.push_back(std::move(w));
    }
  }
  return words;
}

}  // namespace

MinHashSignature minhash_signature(std::string_view text, const NearDuplicateOptions& opts) {
  MinHashSignature sig;
  sig.values.fill(UINT32_MAX);
  std::vector<bool> capitalised_inside;
  const std::vector<std::string> words = words_of(text, &capitalised_inside);
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (capitalised_inside[i] ||
        std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      const uint64_t bit = XXH3_64bits(w.data(), w.size()) & 127;
      sig.facts[bit >> 6] |= uint64_t{1} << (bit & 63);
    }
  }

  const size_t k = std::max<size_t>(1, opts.shingle_words);
  std::vector<uint64_t> shingles;
  if (!words.empty()) {
    const size_t count = words.size() >= k ? words.size() - k + 1 : 1;
    std::string joined;
    for (size_t i = 0; i < count; ++i) {
      joined.clear();
      for (size_t j = i; j < std::min(words.size(), i + k); ++j) {
        joined += words[j];
        joined += ' ';
      }
      shingles.push_back(XXH3_64bits(joined.data(), joined.size()));
    }
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  sig.shingles = static_cast<uint32_t>(shingles.size());
  const auto& seed = seeds();
  for (uint64_t h : shingles)
    for (size_t i = 0; i < kMinHashSize; ++i)
      sig.values[i] = std::min(sig.values[i], static_cast<uint32_t>(mix64(h ^ seed[i]) >> 32));
  return sig;
}

float estimated_jaccard(const MinHashSignature& a, const MinHashSignature& b) {
  size_t equal = 0;
  for (size_t i = 0; i < kMinHashSize; ++i) equal += a.values[i] == b.values[i];
  return static_cast<float>(equal) / static_cast<float>(kMinHashSize);
}

float facts_jaccard(const MinHashSignature& a, const MinHashSignature& b) {
  int both = 0, either = 0;
  for (size_t i = 0; i < a.facts.size(); ++i) {
    both += std::popcount(a.facts[i] & b.facts[i]);
    either += std::popcount(a.facts[i] | b.facts[i]);
  }
  return either == 0 ? 1.0f : static_cast<float>(both) / static_cast<float>(either);
}

bool near_duplicates(const MinHashSignature& a, const MinHashSignature& b,
                     const NearDuplicateOptions& opts) {
  if (a.shingles < opts.min_shingles || b.shingles < opts.min_shingles) return false;
  return estimated_jaccard(a, b) >= opts.threshold && facts_jaccard(a, b) >= opts.facts_threshold;
}

std::vector<uint8_t> serialize(const MinHashSignature& s) {
  std::vector<uint8_t> out;
  out.reserve(kMinHashSize * 4 + 20);
  auto put = [&](uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<uint8_t>(v >> (8 * i)));
  };
  for (uint32_t v : s.values) put(v, 4);
  put(s.shingles, 4);
  put(s.facts[0], 8);
  put(s.facts[1], 8);
  return out;
}

bool deserialize(const uint8_t* data, size_t size, MinHashSignature& out) {
  if (size != kMinHashSize * 4 + 20) return false;
  auto get = [&](size_t at, int bytes) {
    uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v |= uint64_t{data[at + i]} << (8 * i);
    return v;
  };
  for (size_t i = 0; i < kMinHashSize; ++i) out.values[i] = static_cast<uint32_t>(get(i * 4, 4));
  out.shingles = static_cast<uint32_t>(get(kMinHashSize * 4, 4));
  out.facts[0] = get(kMinHashSize * 4 + 4, 8);
  out.facts[1] = get(kMinHashSize * 4 + 12, 8);
  return true;
}

LshIndex::LshIndex(const NearDuplicateOptions& opts)
    : bands_(std::max<size_t>(1, opts.bands)), rows_(kMinHashSize / bands_) {}

uint64_t LshIndex::band_key(const MinHashSignature& s, size_t band) const {
  // The band number is hashed in, so equal values in different bands never collide.
  return XXH3_64bits_withSeed(s.values.data() + band * rows_, rows_ * sizeof(uint32_t), band);
}

void LshIndex::add(uint32_t item, const MinHashSignature& s) {
  for (size_t b = 0; b < bands_; ++b) buckets_[band_key(s, b)].push_back(item);
  ++items_;
}

std::vector<uint32_t> LshIndex::candidates(const MinHashSignature& s) const {
  std::vector<uint32_t> out;
  for (size_t b = 0; b < bands_; ++b) {
    auto it = buckets_.find(band_key(s, b));
    if (it != buckets_.end()) out.insert(out.end(), it->second.begin(), it->second.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

NearDuplicateGrouper::NearDuplicateGrouper(const NearDuplicateOptions& opts)
    : opts_(opts), index_(opts) {}

void NearDuplicateGrouper::restore(uint32_t item, const MinHashSignature& s, uint32_t group) {
  if (s.shingles >= opts_.min_shingles) index_.add(item, s);
  items_.emplace(item, std::make_pair(s, group));
}

uint32_t NearDuplicateGrouper::add(uint32_t item, const MinHashSignature& s) {
  uint32_t group = item;
  float best = -1;
  if (s.shingles >= opts_.min_shingles) {
    for (uint32_t c : index_.candidates(s)) {
      const auto& [other, other_group] = items_.at(c);
      if (!near_duplicates(s, other, opts_)) continue;
      float j = estimated_jaccard(s, other);
      if (j > best) {
        best = j;
        group = other_group;
      }
    }
    index_.add(item, s);
  }
  items_.emplace(item, std::make_pair(s, group));
  return group;
}

}  // namespace claimtrace::link
