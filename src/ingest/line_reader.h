#pragma once
// LineReader: reads '\n'-terminated lines from a file or stdin ("-"), with
// gzip- or zstd-compressed input decompressed transparently (CompressedInput
// sniffs the magic bytes, so plain files pass through unchanged). A trailing
// '\r' is removed.
#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/compressed_input.h"

namespace claimtrace {

class LineReader {
 public:
  LineReader() = default;
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Opens `path` ("-" = stdin). Returns false and fills `error` on failure.
  bool open(const std::string& path, std::string& error);

  // Reads the next line into `line` (without the newline). Returns false at
  // end of input or on a read error; error() is non-empty in the latter case
  // (e.g. a truncated gzip stream), and lines read before it stay valid.
  bool next(std::string& line);

  uint64_t line_number() const { return line_number_; }
  const std::string& error() const { return error_; }

 private:
  bool fill();
  CompressedInput input_;
  bool open_ = false;
  std::string path_;
  std::string buffer_;
  size_t pos_ = 0;
  bool eof_ = false;
  uint64_t line_number_ = 0;
  std::string error_;
};

// Reads a whole file (or stdin for "-"), decompressing gzip or zstd.
bool read_whole_file(const std::string& path, std::string& out, std::string& error);

}  // namespace claimtrace
