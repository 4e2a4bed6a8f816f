#include "store/zstd_codec.h"

#include <zstd.h>

namespace claimtrace::store {

namespace {
// One context per thread: ZSTD_compressCCtx reuses its tables across calls,
// which is markedly faster than ZSTD_compress for many small texts.
struct CCtx {
  ZSTD_CCtx* ctx = ZSTD_createCCtx();
  ~CCtx() { ZSTD_freeCCtx(ctx); }
};
struct DCtx {
  ZSTD_DCtx* ctx = ZSTD_createDCtx();
  ~DCtx() { ZSTD_freeDCtx(ctx); }
};
}  // namespace

void zstd_compress(std::string_view in, std::string& out, int level) {
  thread_local CCtx cctx;
  out.resize(ZSTD_compressBound(in.size()));
  size_t n = ZSTD_compressCCtx(cctx.ctx, out.data(), out.size(), in.data(), in.size(), level);
  // Compression into a buffer of compressBound size cannot fail.
  out.resize(ZSTD_isError(n) ? 0 : n);
}

bool zstd_decompress(std::string_view in, std::string& out) {
  thread_local DCtx dctx;
  unsigned long long size = ZSTD_getFrameContentSize(in.data(), in.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN) return false;
  if (size > (1ull << 31)) return false;
  out.resize(size);
  size_t n = ZSTD_decompressDCtx(dctx.ctx, out.data(), out.size(), in.data(), in.size());
  return !ZSTD_isError(n) && n == size;
}

}  // namespace claimtrace::store
