#pragma once
// CompressedInput: the bytes of a file or of stdin ("-"), decompressed
// transparently when they are gzip (one or more members, as in .warc.gz) or
// zstd (one or more frames). The format is sniffed from the magic bytes, so
// plain files pass through unchanged whatever their name.
//
// A regular file of many gzip members (a .warc.gz has one per record) is
// inflated on several threads: see the comment on parallel reading in
// compressed_input.cc. The bytes read are the same either way.
#include <cstddef>
#include <memory>
#include <string>

namespace claimtrace {

class CompressedInput {
 public:
  CompressedInput();
  ~CompressedInput();
  CompressedInput(const CompressedInput&) = delete;
  CompressedInput& operator=(const CompressedInput&) = delete;

  // Opens `path` ("-" = stdin). False with `error` filled on failure.
  bool open(const std::string& path, std::string& error);

  // Threads that inflate a multi-member gzip file (0, the default: one per
  // core, at most 8; 1: inflate on the calling thread only), and the size of
  // the compressed slice each takes at a time (tests use small slices). Call
  // before the first read().
  void set_threads(unsigned threads, size_t slice_bytes = 256 << 10);

  // Reads up to `n` decompressed bytes into `dst`. Returns the count, 0 at
  // the end of the input or after an error. error() is non-empty once the
  // input turned out truncated or corrupt; bytes returned before stay valid.
  size_t read(char* dst, size_t n);

  const std::string& error() const { return error_; }
  // "plain", "gzip" or "zstd" (valid after open()).
  const char* format() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string error_;
};

}  // namespace claimtrace
