#include "lexicon/builder.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <unordered_set>

#include "core/document.h"
#include "lexicon/fold.h"
#include "segment/tokenizer.h"

namespace claimtrace::lexicon {

namespace {

// Lower sorts first: which reading of a phrase to offer first.
int kind_rank(LexKind k) {
  switch (k) {
    case LexKind::kCountry:
      return 0;
    case LexKind::kOrg:
      return 1;
    case LexKind::kPerson:
      return 2;
    case LexKind::kRegion:
      return 3;
    case LexKind::kDemonym:
      return 4;
    case LexKind::kPlace:
      return 5;
    case LexKind::kKeyword:
      return 6;
  }
  return 7;
}

constexpr size_t kMaxEntriesPerPhrase = 48;

uint64_t align8(uint64_t v) {
  return (v + 7) & ~uint64_t{7};
}

}  // namespace

uint32_t LexiconBuilder::intern(std::string_view s) {
  if (s.empty()) return 0;
  auto it = interned_.find(std::string(s));
  if (it != interned_.end()) return it->second;
  uint32_t off = pool_base_ + static_cast<uint32_t>(pool_.size());
  pool_.append(s);
  pool_.push_back('\0');
  interned_.emplace(std::string(s), off);
  return off;
}

uint32_t LexiconBuilder::add_entry(const EntrySpec& s) {
  LexEntry e{};
  e.name = intern(s.name);
  e.geonameid = s.geonameid;
  e.lat = s.lat;
  e.lon = s.lon;
  e.population = s.population;
  e.actor = intern(s.actor);
  e.admin1 = intern(s.admin1);
  e.role = intern(s.role);
  e.valid_from = s.valid_from;
  e.valid_until = s.valid_until;
  if (s.country.size() == 2) std::memcpy(e.country, s.country.data(), 2);
  std::memcpy(e.feature, s.feature.data(), std::min<size_t>(s.feature.size(), sizeof e.feature));
  e.kind = static_cast<uint8_t>(s.kind);
  e.type = s.type;
  e.flags = s.flags;
  entries_.push_back(e);
  return static_cast<uint32_t>(entries_.size() - 1);  // local index; see write()
}

bool LexiconBuilder::add_phrase(std::string_view text, uint32_t id, bool alias) {
  Document doc;
  doc.text.assign(text);
  segment::tokenize(doc);
  if (doc.tokens.empty() || doc.tokens.size() > 12) return false;
  uint64_t h = kPhraseSeed;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    h = phrase_hash_step(h, doc.norm(doc.tokens[i]));
    if (i + 1 < doc.tokens.size()) prefixes_[h] = true;
  }
  add_key(h, id, alias);
  if (doc.tokens.size() == 1) single_token_norm_[h] = std::string(doc.norm(doc.tokens[0]));
  max_tokens_ = std::max<uint32_t>(max_tokens_, static_cast<uint32_t>(doc.tokens.size()));
  // The folded key of names (not of keywords): always an alias reading.
  if (static_cast<LexKind>(entries_[id].kind) != LexKind::kKeyword) {
    uint64_t f = kFoldedSeed;
    std::vector<uint64_t> prefix_keys;
    for (const Token& t : doc.tokens) {
      std::string folded = fold_token(doc.norm(t));
      if (folded.empty()) continue;
      f = phrase_hash_step(f, folded);
      prefix_keys.push_back(f);
    }
    if (!prefix_keys.empty()) {
      for (size_t i = 0; i + 1 < prefix_keys.size(); ++i) prefixes_[prefix_keys[i]] = true;
      add_key(f, id, true);
    }
  }
  return true;
}

void LexiconBuilder::add_key(uint64_t key, uint32_t id, bool alias) {
  auto& list = phrases_[key];
  for (auto& [eid, a] : list)
    if (eid == id) {
      a = a && alias;
      return;
    }
  list.emplace_back(id, alias);
}

void LexiconBuilder::set_common_words(std::vector<std::string> lower_words) {
  std::unordered_set<std::string> words(lower_words.begin(), lower_words.end());
  for (auto& [key, norm] : single_token_norm_) {
    if (!words.count(norm)) continue;
    for (auto& [eid, alias] : phrases_[key]) {
      LexKind k = static_cast<LexKind>(entries_[eid].kind);
      if (k == LexKind::kPlace || k == LexKind::kRegion) entries_[eid].flags |= kLexCommonWord;
    }
  }
}

bool LexiconBuilder::write(const std::string& path, std::string& error) {
  // Sort each phrase's readings and flatten into the payload array.
  std::vector<uint32_t> payload;
  std::unordered_map<uint64_t, std::pair<uint32_t, uint16_t>> ranges;
  for (auto& [key, list] : phrases_) {
    std::sort(list.begin(), list.end(), [&](const auto& a, const auto& b) {
      const LexEntry& x = entries_[a.first];
      const LexEntry& y = entries_[b.first];
      if (a.second != b.second) return !a.second;  // canonical names before aliases
      bool cx = x.flags & kLexCurated, cy = y.flags & kLexCurated;
      if (cx != cy) return cx;  // our curated data before registry data
      int rx = kind_rank(static_cast<LexKind>(x.kind)),
          ry = kind_rank(static_cast<LexKind>(y.kind));
      if (rx != ry) return rx < ry;
      if (x.population != y.population) return x.population > y.population;
      return a.first < b.first;
    });
    size_t n = std::min(list.size(), kMaxEntriesPerPhrase);
    ranges[key] = {static_cast<uint32_t>(payload.size()), static_cast<uint16_t>(n)};
    for (size_t i = 0; i < n; ++i)
      payload.push_back((entry_base_ + list[i].first) | (list[i].second ? kPayloadAliasBit : 0));
  }
  std::unordered_set<uint64_t> keys;
  for (auto& [k, r] : ranges) keys.insert(k);
  for (auto& [k, p] : prefixes_) keys.insert(k);
  uint64_t n_buckets = 1024;
  while (n_buckets < keys.size() * 2) n_buckets <<= 1;
  std::vector<PhraseBucket> buckets(n_buckets);
  for (uint64_t k : keys) {
    uint64_t i = k & (n_buckets - 1);
    while (buckets[i].key != 0) i = (i + 1) & (n_buckets - 1);
    PhraseBucket& b = buckets[i];
    b.key = k;
    if (auto it = ranges.find(k); it != ranges.end()) {
      b.payload_begin = it->second.first;
      b.payload_count = it->second.second;
    }
    b.is_prefix = prefixes_.count(k) ? 1 : 0;
  }

  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.version = kFormatVersion;
  h.max_phrase_tokens = max_tokens_;
  h.entry_base = entry_base_;
  h.pool_base = pool_base_;
  h.n_entries = entries_.size();
  h.n_buckets = n_buckets;
  h.n_payload = payload.size();
  h.pool_size = pool_.size();
  h.off_entries = align8(sizeof(Header));
  h.off_buckets = align8(h.off_entries + entries_.size() * sizeof(LexEntry));
  h.off_payload = align8(h.off_buckets + n_buckets * sizeof(PhraseBucket));
  h.off_pool = align8(h.off_payload + payload.size() * sizeof(uint32_t));

  std::string tmp = path + ".tmp";
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  auto put = [&](const void* data, size_t n) { out.write(static_cast<const char*>(data), n); };
  auto pad_to = [&](uint64_t off) {
    static const char zeros[8] = {};
    uint64_t pos = static_cast<uint64_t>(out.tellp());
    if (off > pos) put(zeros, off - pos);
  };
  put(&h, sizeof h);
  pad_to(h.off_entries);
  put(entries_.data(), entries_.size() * sizeof(LexEntry));
  pad_to(h.off_buckets);
  put(buckets.data(), buckets.size() * sizeof(PhraseBucket));
  pad_to(h.off_payload);
  put(payload.data(), payload.size() * sizeof(uint32_t));
  pad_to(h.off_pool);
  put(pool_.data(), pool_.size());
  out.close();
  if (!out) {
    error = tmp + ": write failed";
    return false;
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    error = path + ": rename failed";
    return false;
  }
  return true;
}

}  // namespace claimtrace::lexicon
