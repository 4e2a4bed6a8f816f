#pragma once
// TagLexicon: the compiled part-of-speech lexicon (word -> Penn tags, most
// frequent first, and lemmas), built at compile time by
// tools/tag_lexicon_compiler from the npm package en-lexicon, WordNet's
// exception lists and our overrides in data/tag/ (see NOTICE).
//
// The image is linked into the program (tag_lexicon_image.cc, generated), so
// start-up costs nothing: no file to find, nothing parsed; the kernel pages it
// in on first use. Images are validated once before use.
//
// Layout (little-endian, sections 4-byte aligned):
//   TagImageHeader | TagEntry[n_entries] | uint32 slot[n_slots] | string pool
// Slots are an open-addressing table (linear probing) keyed by
// XXH3-64 of the word; a slot holds entry index + 1 (0 = empty). Strings in
// the pool are NUL-terminated; offset 0 is the empty string.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include <xxhash.h>

#include "core/document.h"

namespace claimtrace::tag {

inline constexpr char kTagMagic[8] = {'C', 'T', 'T', 'A', 'G', '0', '0', '1'};
inline constexpr uint32_t kTagFormatVersion = 1;
inline constexpr size_t kMaxTagsPerWord = 7;

struct TagImageHeader {
  char magic[8];
  uint32_t version;
  uint32_t pos_count;  // Pos::kCount when built: the tag numbering must match
  uint32_t n_entries, n_slots, pool_size;
  uint32_t off_entries, off_slots, off_pool;
};

struct TagEntry {
  uint32_t word;         // pool offset, exact case as in the source lexicon
  uint32_t verb_lemma;   // pool offset of the lemma of verb readings (0 = word itself)
  uint32_t other_lemma;  // lemma of plural/comparative/superlative readings (0 = word)
  uint8_t word_size;
  uint8_t tags[kMaxTagsPerWord];  // Pos values, most frequent first; 0 ends the list
};
static_assert(sizeof(TagEntry) == 20);

inline uint64_t tag_word_hash(std::string_view word) {
  return XXH3_64bits(word.data(), word.size());
}

class TagLexicon {
 public:
  // Checks every offset of `image` (which must outlive the lexicon). Returns
  // null and sets `error` when the image is corrupt or of another version.
  static std::unique_ptr<TagLexicon> from_image(std::span<const uint8_t> image, std::string& error);

  // The image linked into the program.
  static const TagLexicon& builtin();

  // Exact (case-sensitive) lookup; null when the word is unknown.
  const TagEntry* find(std::string_view word) const;

  std::string_view str(uint32_t offset) const { return std::string_view(pool_ + offset); }
  size_t entry_count() const { return header_->n_entries; }
  size_t image_bytes() const { return image_.size(); }

 private:
  TagLexicon() = default;
  std::span<const uint8_t> image_;
  const TagImageHeader* header_ = nullptr;
  const TagEntry* entries_ = nullptr;
  const uint32_t* slots_ = nullptr;
  const char* pool_ = nullptr;
  uint32_t slot_mask_ = 0;
};

// The image linked into the program (defined in the generated tag_lexicon_image.cc).
std::span<const uint8_t> builtin_tag_image();

}  // namespace claimtrace::tag
