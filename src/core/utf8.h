#pragma once
// UTF-8 helpers: validation with the offset of the first bad byte, and
// decoding one code point. Policy (docs/cli.md): input that is not valid
// UTF-8 is rejected with the byte offset of the first invalid sequence; we
// never silently rewrite text, because rewriting would shift every offset.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace claimtrace {

// Returns the byte offset of the first invalid or truncated UTF-8 sequence,
// or std::string_view::npos when `s` is entirely valid (overlongs, surrogates
// and code points above U+10FFFF are invalid).
size_t find_invalid_utf8(std::string_view s);

// Decodes the code point starting at s[i]; sets `len` to its byte length.
// Must only be called on validated text; returns U+FFFD on malformed input
// with len = 1 so callers always advance.
char32_t decode_utf8(std::string_view s, size_t i, uint32_t& len);

// Appends the UTF-8 encoding of `cp` to `out`.
template <typename String>
void append_utf8(String& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace claimtrace
