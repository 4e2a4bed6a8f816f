#pragma once
// Character encoding of HTML bytes: detection (BOM, an HTTP/transport hint,
// <meta charset> / http-equiv in the first bytes) and conversion to UTF-8
// with ICU converters. Undecodable bytes become U+FFFD; the result is always
// valid UTF-8.
#include <string>
#include <string_view>

namespace claimtrace::html {

// Returns the charset label declared by a BOM or a <meta> tag within the
// first 4 KiB of `bytes`, lower-cased; empty when none is found.
std::string sniff_charset(std::string_view bytes);

// Converts `bytes` to UTF-8 into `out`. `hint` (e.g. from an HTTP
// Content-Type header) wins over the document's own declaration, a BOM wins
// over both. Undeclared input that is valid UTF-8 stays as is; otherwise it
// is read as windows-1252. Returns the charset that was used.
std::string to_utf8(std::string_view bytes, std::string_view hint, std::string& out);

}  // namespace claimtrace::html
