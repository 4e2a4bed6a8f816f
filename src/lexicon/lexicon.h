#pragma once
// Lexicon: the compiled dictionary image, memory-mapped (format.h).
// Immutable after open(); safe to share between threads.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "lexicon/format.h"

namespace claimtrace::lexicon {

struct Match {
  uint32_t begin_token = 0;
  uint32_t end_token = 0;             // exclusive
  std::span<const uint32_t> entries;  // payload values (payload_entry()), most relevant first
};

class Lexicon {
 public:
  ~Lexicon();
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  // Maps a compiled image. Returns null and sets `error` (path and reason)
  // when the file is missing, truncated or of another format version.
  static std::unique_ptr<Lexicon> open(const std::string& path, std::string& error);

  // The default image: $CLAIMTRACE_LEXICON, else claimtrace.lex next to the
  // executable, else ../share/claimtrace/claimtrace.lex relative to it.
  static std::string default_path();

  // Longest phrase starting at token `begin` and ending before `limit`.
  // Returns false when no phrase starts there.
  bool longest(const Document& doc, uint32_t begin, uint32_t limit, Match& out) const;

  // Longest phrase under transliteration folding (fold.h); `out` spans the
  // tokens consumed, including skipped articles. Readings are aliases.
  bool longest_folded(const Document& doc, uint32_t begin, uint32_t limit, Match& out) const;

  // One word whose capitalised parts are joined by hyphens, read as the
  // phrase the gazetteer writes with spaces: "Kvemo-Kartli" for Kvemo
  // Kartli. "Washington-based" and "al-Shughur" (a part in lower case) are
  // not. `out` spans the one token.
  bool hyphen_joined(const Document& doc, uint32_t token, Match& out) const;

  // Every phrase starting at token `begin` (shortest first), for `lexicon lookup`.
  std::vector<Match> all(const Document& doc, uint32_t begin, uint32_t limit) const;

  // Entries of an exact phrase given as normalized tokens.
  std::span<const uint32_t> find(std::span<const std::string_view> norms) const;

  // Entries and strings of this image or of its overlay, by global id/offset.
  const LexEntry& entry(uint32_t payload_value) const {
    uint32_t id = payload_entry(payload_value);
    if (id >= entry_end_ && overlay_) return overlay_->entry(id);
    return entries_[id - header_->entry_base];
  }
  // Strings are NUL-terminated: data() may be passed to C functions.
  std::string_view str(uint32_t offset) const {
    if (offset == 0) return std::string_view("", 0);
    if (offset >= pool_end_ && overlay_) return overlay_->str(offset);
    return std::string_view(pool_ + (offset - header_->pool_base));
  }

  // Ids and offsets an overlay built on top of this image must start at.
  uint32_t next_entry_id() const { return entry_end_; }
  uint32_t next_pool_offset() const { return pool_end_; }

  // Adds an overlay (user dictionaries, built with set_bases() from this
  // image): its phrases are matched too and win ties with this image's.
  void set_overlay(std::unique_ptr<Lexicon> overlay) { overlay_ = std::move(overlay); }
  const Lexicon* overlay() const { return overlay_.get(); }
  const Header& header() const { return *header_; }
  size_t mapped_bytes() const { return size_; }
  uint32_t max_phrase_tokens() const { return header_->max_phrase_tokens; }

 private:
  Lexicon() = default;
  const PhraseBucket* lookup(uint64_t key) const;

  const uint8_t* base_ = nullptr;
  size_t size_ = 0;
  const Header* header_ = nullptr;
  const LexEntry* entries_ = nullptr;
  const PhraseBucket* buckets_ = nullptr;
  const uint32_t* payload_ = nullptr;
  const char* pool_ = nullptr;
  uint64_t bucket_mask_ = 0;
  uint32_t entry_end_ = 0;  // entry_base + n_entries
  uint32_t pool_end_ = 0;   // pool_base + pool_size
  std::unique_ptr<Lexicon> overlay_;
  template <typename OnMatch>
  void walk(const Document& doc, uint32_t begin, uint32_t limit, bool folded,
            OnMatch&& on_match) const;
  bool longest_of(const Document& doc, uint32_t begin, uint32_t limit, bool folded,
                  Match& out) const;
};

}  // namespace claimtrace::lexicon
