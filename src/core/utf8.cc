#include "core/utf8.h"

namespace claimtrace {

namespace {
inline bool is_cont(unsigned char c) {
  return (c & 0xC0) == 0x80;
}
}  // namespace

size_t find_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // ASCII fast path: eight bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      __builtin_memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF) {
      if (i + 1 >= n || !is_cont(p[i + 1])) return i;
      i += 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      if (i + 2 >= n || !is_cont(p[i + 1]) || !is_cont(p[i + 2])) return i;
      if (c == 0xE0 && p[i + 1] < 0xA0) return i;   // overlong
      if (c == 0xED && p[i + 1] >= 0xA0) return i;  // surrogate
      i += 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      if (i + 3 >= n || !is_cont(p[i + 1]) || !is_cont(p[i + 2]) || !is_cont(p[i + 3])) return i;
      if (c == 0xF0 && p[i + 1] < 0x90) return i;   // overlong
      if (c == 0xF4 && p[i + 1] >= 0x90) return i;  // > U+10FFFF
      i += 4;
    } else {
      return i;
    }
  }
  return std::string_view::npos;
}

char32_t decode_utf8(std::string_view s, size_t i, uint32_t& len) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  unsigned char c = p[i];
  if (c < 0x80) {
    len = 1;
    return c;
  }
  if (c >= 0xC2 && c <= 0xDF && i + 1 < n && is_cont(p[i + 1])) {
    len = 2;
    return ((c & 0x1F) << 6) | (p[i + 1] & 0x3F);
  }
  if (c >= 0xE0 && c <= 0xEF && i + 2 < n && is_cont(p[i + 1]) && is_cont(p[i + 2])) {
    len = 3;
    return ((c & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
  }
  if (c >= 0xF0 && c <= 0xF4 && i + 3 < n && is_cont(p[i + 1]) && is_cont(p[i + 2]) &&
      is_cont(p[i + 3])) {
    len = 4;
    return ((c & 0x07) << 18) | ((p[i + 1] & 0x3F) << 12) | ((p[i + 2] & 0x3F) << 6) |
           (p[i + 3] & 0x3F);
  }
  len = 1;
  return 0xFFFD;
}

}  // namespace claimtrace
