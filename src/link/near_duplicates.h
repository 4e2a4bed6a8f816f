#pragma once
// Near-duplicates: wire copies, reprints and updated versions of one text.
//
// A document's body is reduced to its set of word shingles (runs of
// `shingle_words` consecutive normalised words) and summarised by a MinHash
// signature of kMinHashSize values; the fraction of equal values of two
// signatures estimates the Jaccard similarity of their shingle sets.
// Candidates are found by LSH banding: the signature is cut into `bands`
// bands of kMinHashSize / bands rows, and two documents are candidates when
// one whole band is equal. Each document is hashed into `bands` buckets and
// compared only with the documents in those buckets, so the work grows with
// the number of documents times the (small) number of true look-alikes, not
// with the square of the collection.
//
// With 32 bands of 4 rows, a pair of Jaccard J is a candidate with
// probability 1 - (1 - J^4)^32: 0.9998 at J = 0.6, 0.92 at J = 0.4, 0.28 at
// J = 0.2. Candidates are then kept when the estimated Jaccard reaches
// `threshold` (0.5 by default; see docs/linking.md for why).
//
// Template notices (standard wire items that share their wording and differ
// in the facts: a company, an amount, a date) must not be merged. A changed
// fact breaks every shingle that contains it, but a long template can still
// share most shingles, so near-duplicates must also agree on their *facts*:
// the set of numbers and of capitalised words inside sentences (names),
// summarised in a 128-bit mask whose Jaccard must reach `facts_threshold`.
// A reprint or an updated version keeps most of its names and figures; two
// bond issues or dividend notices of different companies do not.
#include <array>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace claimtrace::link {

inline constexpr size_t kMinHashSize = 128;

struct NearDuplicateOptions {
  size_t shingle_words = 5;
  size_t bands = 32;        // kMinHashSize must be a multiple
  float threshold = 0.5f;   // estimated Jaccard of the shingle sets
  size_t min_shingles = 4;  // shorter texts (a headline, an empty body) are never near-duplicates
  float facts_threshold = 0.5f;  // Jaccard of the fact masks (numbers and names)
};

struct MinHashSignature {
  std::array<uint32_t, kMinHashSize> values{};
  uint32_t shingles = 0;            // distinct shingles of the text
  std::array<uint64_t, 2> facts{};  // one bit per distinct number or name (hashed)
};

MinHashSignature minhash_signature(std::string_view text, const NearDuplicateOptions& opts = {});

// Fraction of equal signature values (estimates the Jaccard similarity).
float estimated_jaccard(const MinHashSignature& a, const MinHashSignature& b);

// Jaccard of the fact masks (1 when neither text has any fact).
float facts_jaccard(const MinHashSignature& a, const MinHashSignature& b);

// Whether two signatures are near-duplicates under `opts` (similarity,
// minimum length, shared facts).
bool near_duplicates(const MinHashSignature& a, const MinHashSignature& b,
                     const NearDuplicateOptions& opts = {});

// Serialised form stored with a document (little-endian, fixed size).
std::vector<uint8_t> serialize(const MinHashSignature& s);
bool deserialize(const uint8_t* data, size_t size, MinHashSignature& out);

// The LSH index: items (caller's ids) by band bucket. Adding is O(bands);
// candidates() returns every item sharing at least one band, once.
class LshIndex {
 public:
  explicit LshIndex(const NearDuplicateOptions& opts = {});
  void add(uint32_t item, const MinHashSignature& s);
  std::vector<uint32_t> candidates(const MinHashSignature& s) const;
  size_t size() const { return items_; }

 private:
  uint64_t band_key(const MinHashSignature& s, size_t band) const;
  size_t bands_, rows_;
  size_t items_ = 0;
  std::unordered_map<uint64_t, std::vector<uint32_t>> buckets_;
};

// Groups documents into near-duplicate groups, incrementally. Documents are
// added in publication order (earliest first); each joins the group of its
// most similar earlier near-duplicate, whose first member is the original.
class NearDuplicateGrouper {
 public:
  explicit NearDuplicateGrouper(const NearDuplicateOptions& opts = {});
  // Registers an already grouped document (loaded from the store).
  void restore(uint32_t item, const MinHashSignature& s, uint32_t group);
  // Adds a new document; returns its group: the group of a near-duplicate,
  // or `item` itself when it has none (it starts a group).
  uint32_t add(uint32_t item, const MinHashSignature& s);

 private:
  NearDuplicateOptions opts_;
  LshIndex index_;
  std::unordered_map<uint32_t, std::pair<MinHashSignature, uint32_t>> items_;
};

}  // namespace claimtrace::link
