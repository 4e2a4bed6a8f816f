#pragma once
// zstd compression of stored article text (libzstd, one frame per text).
#include <string>
#include <string_view>

namespace claimtrace::store {

// Appends nothing; replaces `out` with one zstd frame holding `in`.
void zstd_compress(std::string_view in, std::string& out, int level = 3);

// Decompresses one frame. Returns false (and leaves `out` unspecified) when
// `in` is not a valid frame with a recorded content size.
bool zstd_decompress(std::string_view in, std::string& out);

}  // namespace claimtrace::store
