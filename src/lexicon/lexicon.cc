#include "lexicon/lexicon.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iterator>

#include "lexicon/fold.h"

namespace claimtrace::lexicon {

uint64_t phrase_hash_step(uint64_t h, std::string_view token_norm) {
  uint64_t k = XXH3_64bits_withSeed(token_norm.data(), token_norm.size(), h);
  return k == 0 ? 1 : k;  // 0 marks an empty bucket
}

Lexicon::~Lexicon() {
  if (base_ != nullptr) munmap(const_cast<uint8_t*>(base_), size_);
}

std::string Lexicon::default_path() {
  if (const char* env = std::getenv("CLAIMTRACE_LEXICON"); env && *env) return env;
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    auto dir = exe.parent_path();
    for (auto candidate :
         {dir / "claimtrace.lex", dir / ".." / "share" / "claimtrace" / "claimtrace.lex"})
      if (std::filesystem::exists(candidate, ec)) return candidate.string();
  }
  return "claimtrace.lex";
}

std::unique_ptr<Lexicon> Lexicon::open(const std::string& path, std::string& error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = path + ": cannot open lexicon image: " + std::strerror(errno);
    return nullptr;
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || st.st_size < static_cast<off_t>(sizeof(Header))) {
    ::close(fd);
    error = path + ": not a claimtrace lexicon image (too small)";
    return nullptr;
  }
  size_t size = static_cast<size_t>(st.st_size);
  void* map = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) {
    error = path + ": mmap failed: " + std::strerror(errno);
    return nullptr;
  }
  std::unique_ptr<Lexicon> lex(new Lexicon());
  lex->base_ = static_cast<const uint8_t*>(map);
  lex->size_ = size;
  const auto* h = reinterpret_cast<const Header*>(lex->base_);
  auto fits = [&](uint64_t off, uint64_t count, uint64_t elem) {
    return off <= size && count <= (size - off) / (elem ? elem : 1);
  };
  if (std::memcmp(h->magic, kMagic, sizeof kMagic) != 0 || h->version != kFormatVersion) {
    error = path + ": not a claimtrace lexicon image of format version " +
            std::to_string(kFormatVersion) + " (rebuild it)";
    return nullptr;
  }
  if (!fits(h->off_entries, h->n_entries, sizeof(LexEntry)) ||
      !fits(h->off_buckets, h->n_buckets, sizeof(PhraseBucket)) ||
      !fits(h->off_payload, h->n_payload, sizeof(uint32_t)) ||
      !fits(h->off_pool, h->pool_size, 1) || h->n_buckets == 0 ||
      (h->n_buckets & (h->n_buckets - 1)) != 0 || h->pool_size == 0 ||
      lex->base_[h->off_pool + h->pool_size - 1] != '\0') {
    error = path + ": lexicon image is truncated or corrupt";
    return nullptr;
  }
  // Every offset and id inside must point inside the image: a corrupt or
  // hostile file is rejected here, not trusted at analysis time.
  const auto* entries = reinterpret_cast<const LexEntry*>(lex->base_ + h->off_entries);
  const auto* buckets = reinterpret_cast<const PhraseBucket*>(lex->base_ + h->off_buckets);
  const auto* payload = reinterpret_cast<const uint32_t*>(lex->base_ + h->off_payload);
  const uint64_t pool_end = h->pool_base + h->pool_size, entry_end = h->entry_base + h->n_entries;
  auto str_ok = [&](uint32_t o) { return o == 0 || (o >= h->pool_base && o < pool_end); };
  bool ok = pool_end <= UINT32_MAX && entry_end < kPayloadAliasBit;
  for (uint64_t i = 0; ok && i < h->n_entries; ++i) {
    const LexEntry& e = entries[i];
    ok = str_ok(e.name) && str_ok(e.actor) && str_ok(e.admin1) && str_ok(e.role);
  }
  for (uint64_t i = 0; ok && i < h->n_buckets; ++i)
    ok = uint64_t{buckets[i].payload_begin} + buckets[i].payload_count <= h->n_payload;
  for (uint64_t i = 0; ok && i < h->n_payload; ++i) {
    uint32_t id = payload_entry(payload[i]);
    ok = id >= h->entry_base && id < entry_end;
  }
  if (!ok) {
    error = path + ": lexicon image is truncated or corrupt (offsets out of range)";
    return nullptr;
  }
  lex->entry_end_ = static_cast<uint32_t>(entry_end);
  lex->pool_end_ = static_cast<uint32_t>(pool_end);
  lex->header_ = h;
  lex->entries_ = reinterpret_cast<const LexEntry*>(lex->base_ + h->off_entries);
  lex->buckets_ = reinterpret_cast<const PhraseBucket*>(lex->base_ + h->off_buckets);
  lex->payload_ = reinterpret_cast<const uint32_t*>(lex->base_ + h->off_payload);
  lex->pool_ = reinterpret_cast<const char*>(lex->base_ + h->off_pool);
  lex->bucket_mask_ = h->n_buckets - 1;
  return lex;
}

const PhraseBucket* Lexicon::lookup(uint64_t key) const {
  for (uint64_t i = key & bucket_mask_, probes = 0; probes <= bucket_mask_;
       i = (i + 1) & bucket_mask_, ++probes) {
    const PhraseBucket& b = buckets_[i];
    if (b.key == key) return &b;
    if (b.key == 0) return nullptr;
  }
  return nullptr;
}

// Walks the phrases of this image that start at token `begin`, token by
// token, calling on_match(match) for each complete phrase (shortest first).
// Plain phrases key tokens by their normalized form; folded ones by
// fold_token(), skipping article tokens (a name does not start with one).
template <typename OnMatch>
void Lexicon::walk(const Document& doc, uint32_t begin, uint32_t limit, bool folded,
                   OnMatch&& on_match) const {
  uint64_t h = folded ? kFoldedSeed : kPhraseSeed;
  uint32_t used = 0;
  std::string key;
  for (uint32_t i = begin; i < limit && used < header_->max_phrase_tokens; ++i) {
    std::string_view norm = doc.norm(doc.tokens[i]);
    if (folded) {
      key = fold_token(norm);
      if (key.empty()) {
        if (i == begin) return;
        continue;
      }
      norm = key;
    }
    ++used;
    h = phrase_hash_step(h, norm);
    const PhraseBucket* b = lookup(h);
    if (b == nullptr) return;
    if (b->payload_count > 0)
      on_match(Match{begin, i + 1, {payload_ + b->payload_begin, b->payload_count}});
    if (!b->is_prefix) return;
  }
}

// The longest phrase here or in the overlay; the overlay wins ties.
bool Lexicon::longest_of(const Document& doc, uint32_t begin, uint32_t limit, bool folded,
                         Match& out) const {
  bool found = false;
  walk(doc, begin, limit, folded, [&](const Match& m) {
    out = m;
    found = true;
  });
  Match o;
  if (overlay_ && overlay_->longest_of(doc, begin, limit, folded, o) &&
      (!found || o.end_token >= out.end_token)) {
    out = o;
    return true;
  }
  return found;
}

bool Lexicon::longest(const Document& doc, uint32_t begin, uint32_t limit, Match& out) const {
  return longest_of(doc, begin, limit, false, out);
}

bool Lexicon::longest_folded(const Document& doc, uint32_t begin, uint32_t limit,
                             Match& out) const {
  return longest_of(doc, begin, limit, true, out);
}

bool Lexicon::hyphen_joined(const Document& doc, uint32_t token, Match& out) const {
  const Token& t = doc.tokens[token];
  if (t.kind != TokenKind::kWord || !t.has(kTokenCapitalized)) return false;
  const std::string_view w = doc.slice(t.span);
  const std::string_view n = doc.norm(t);
  if (n.size() != w.size() || n.find('-') == std::string_view::npos) return false;
  std::string_view parts[8];
  size_t count = 0, from = 0;
  while (from <= n.size()) {
    const size_t dash = std::min(n.find('-', from), n.size());
    if (dash == from || count == std::size(parts)) return false;  // "--", or too many parts
    const auto first = static_cast<unsigned char>(w[from]);
    if (first < 0x80 && !(first >= 'A' && first <= 'Z')) return false;
    parts[count++] = n.substr(from, dash - from);
    from = dash + 1;
  }
  if (count < 2) return false;
  out.entries = find(std::span<const std::string_view>(parts, count));
  out.begin_token = token;
  out.end_token = token + 1;
  return !out.entries.empty();
}

std::vector<Match> Lexicon::all(const Document& doc, uint32_t begin, uint32_t limit) const {
  std::vector<Match> out;
  walk(doc, begin, limit, false, [&](const Match& m) { out.push_back(m); });
  if (overlay_) {
    std::vector<Match> more = overlay_->all(doc, begin, limit);
    out.insert(out.end(), more.begin(), more.end());
  }
  return out;
}

std::span<const uint32_t> Lexicon::find(std::span<const std::string_view> norms) const {
  uint64_t h = kPhraseSeed;
  if (overlay_) {
    auto found = overlay_->find(norms);
    if (!found.empty()) return found;
  }
  for (std::string_view n : norms) h = phrase_hash_step(h, n);
  const PhraseBucket* b = norms.empty() ? nullptr : lookup(h);
  if (b == nullptr || b->payload_count == 0) return {};
  return {payload_ + b->payload_begin, b->payload_count};
}

}  // namespace claimtrace::lexicon
