#include "tag/tag_lexicon.h"

#include <cstring>
#include <stdexcept>

namespace claimtrace::tag {

std::unique_ptr<TagLexicon> TagLexicon::from_image(std::span<const uint8_t> image,
                                                   std::string& error) {
  error.clear();
  auto fail = [&](const char* why) {
    error = std::string("tag lexicon image: ") + why;
    return nullptr;
  };
  if (image.size() < sizeof(TagImageHeader)) return fail("truncated header");
  const auto* h = reinterpret_cast<const TagImageHeader*>(image.data());
  if (std::memcmp(h->magic, kTagMagic, sizeof kTagMagic) != 0) return fail("bad magic");
  if (h->version != kTagFormatVersion) return fail("unsupported format version");
  if (h->pos_count != static_cast<uint32_t>(Pos::kCount)) return fail("tag set mismatch");
  if (h->n_slots == 0 || (h->n_slots & (h->n_slots - 1)) != 0) return fail("slot count");
  const uint64_t size = image.size();
  auto section_ok = [&](uint64_t off, uint64_t bytes) {
    return off % 4 == 0 && off <= size && bytes <= size - off;
  };
  if (!section_ok(h->off_entries, uint64_t{h->n_entries} * sizeof(TagEntry)) ||
      !section_ok(h->off_slots, uint64_t{h->n_slots} * 4) ||
      !section_ok(h->off_pool, h->pool_size) || h->pool_size == 0)
    return fail("section out of bounds");
  const char* pool = reinterpret_cast<const char*>(image.data() + h->off_pool);
  if (pool[0] != '\0' || pool[h->pool_size - 1] != '\0') return fail("string pool not terminated");
  const auto* entries = reinterpret_cast<const TagEntry*>(image.data() + h->off_entries);
  for (uint32_t i = 0; i < h->n_entries; ++i) {
    const TagEntry& e = entries[i];
    if (e.word >= h->pool_size || e.verb_lemma >= h->pool_size || e.other_lemma >= h->pool_size ||
        uint64_t{e.word} + e.word_size >= h->pool_size || pool[e.word + e.word_size] != '\0')
      return fail("entry string out of bounds");
    for (uint8_t t : e.tags)
      if (t >= static_cast<uint8_t>(Pos::kCount)) return fail("unknown tag value");
  }
  const auto* slots = reinterpret_cast<const uint32_t*>(image.data() + h->off_slots);
  for (uint32_t i = 0; i < h->n_slots; ++i)
    if (slots[i] > h->n_entries) return fail("slot out of bounds");

  std::unique_ptr<TagLexicon> lex(new TagLexicon());
  lex->image_ = image;
  lex->header_ = h;
  lex->entries_ = entries;
  lex->slots_ = slots;
  lex->pool_ = pool;
  lex->slot_mask_ = h->n_slots - 1;
  return lex;
}

const TagLexicon& TagLexicon::builtin() {
  static const std::unique_ptr<TagLexicon> lexicon = [] {
    std::string error;
    auto lex = from_image(builtin_tag_image(), error);
    // The image is produced by our own build; a bad one is a build defect.
    if (!lex) throw std::logic_error("built-in " + error);
    return lex;
  }();
  return *lexicon;
}

namespace {

// Words are short: a plain loop beats a call to memcmp here.
inline bool same_bytes(const char* a, const char* b, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

}  // namespace

const TagEntry* TagLexicon::find(std::string_view word) const {
  if (word.empty() || word.size() > 255) return nullptr;
  uint32_t i = static_cast<uint32_t>(tag_word_hash(word)) & slot_mask_;
  // Load factor <= 1/2 and at least one empty slot, so the probe ends.
  for (uint32_t probes = 0; probes <= slot_mask_; ++probes, i = (i + 1) & slot_mask_) {
    const uint32_t slot = slots_[i];
    if (slot == 0) return nullptr;
    const TagEntry& e = entries_[slot - 1];
    if (e.word_size == word.size() && same_bytes(pool_ + e.word, word.data(), word.size()))
      return &e;
  }
  return nullptr;
}

}  // namespace claimtrace::tag
