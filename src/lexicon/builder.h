#pragma once
// LexiconBuilder: collects entries and their phrases, writes the image of
// format.h. Used by tools/lexicon_compiler at build time. Phrases are
// tokenized with the engine's own tokenizer, so build-time and run-time
// normalized forms can never disagree.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lexicon/format.h"

namespace claimtrace::lexicon {

struct EntrySpec {
  std::string name;
  LexKind kind = LexKind::kPlace;
  uint8_t type = 0;
  uint8_t flags = 0;
  uint32_t geonameid = 0;
  float lat = 0, lon = 0;
  uint32_t population = 0;
  std::string actor, admin1, role, country, feature;
  uint32_t valid_from = 0, valid_until = 0;
};

class LexiconBuilder {
 public:
  // Adds an entry; returns its id.
  uint32_t add_entry(const EntrySpec& spec);
  void set_geonameid(uint32_t id, uint32_t geonameid) { entries_[id].geonameid = geonameid; }
  // For an overlay image: number entries and strings after those of `base`
  // (Lexicon::next_entry_id / next_pool_offset). Call before adding anything.
  void set_bases(uint32_t entry_base, uint32_t pool_base) {
    entry_base_ = entry_base;
    pool_base_ = pool_base;
  }
  // Makes `text` (tokenized and normalized) a phrase of entry `id`.
  // Returns false when the text has no tokens.
  bool add_phrase(std::string_view text, uint32_t id, bool alias);
  // Marks single-token phrases whose norm is in `words` as common words.
  void set_common_words(std::vector<std::string> lower_words);

  size_t entry_count() const { return entries_.size(); }
  size_t phrase_count() const { return phrases_.size(); }

  // Writes the image; returns false with `error` on I/O failure.
  bool write(const std::string& path, std::string& error);

 private:
  uint32_t intern(std::string_view s);
  void add_key(uint64_t key, uint32_t id, bool alias);
  std::vector<LexEntry> entries_;
  std::string pool_{'\0'};  // offset 0 is the empty string
  std::unordered_map<std::string, uint32_t> interned_;
  // phrase key -> (entry id, alias?) list; prefixes tracked separately.
  std::unordered_map<uint64_t, std::vector<std::pair<uint32_t, bool>>> phrases_;
  std::unordered_map<uint64_t, bool> prefixes_;
  std::unordered_map<uint64_t, std::string> single_token_norm_;
  uint32_t max_tokens_ = 1;
  uint32_t entry_base_ = 0;
  uint32_t pool_base_ = 0;
};

}  // namespace claimtrace::lexicon
