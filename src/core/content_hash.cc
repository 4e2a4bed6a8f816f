#include "core/content_hash.h"

#include <xxhash.h>

namespace claimtrace {

std::string content_hash(std::string_view text) {
  XXH128_hash_t h = XXH3_128bits(text.data(), text.size());
  XXH128_canonical_t canonical;
  XXH128_canonicalFromHash(&canonical, h);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(32, '0');
  for (int i = 0; i < 16; ++i) {
    out[2 * i] = kHex[canonical.digest[i] >> 4];
    out[2 * i + 1] = kHex[canonical.digest[i] & 15];
  }
  return out;
}

}  // namespace claimtrace
