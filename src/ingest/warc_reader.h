#pragma once
// WARC archives (ISO 28500; WARC/0.17 to 1.1), plain, gzip-compressed with
// one member per record, or zstd-compressed (CompressedInput reads member
// after member, frame after frame). Records are read
// one at a time; a damaged record or a truncated archive is reported through
// error() and reading stops cleanly with every record read before it intact.
#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/compressed_input.h"

namespace claimtrace {

struct WarcRecord {
  std::string version;       // "WARC/1.0"
  std::string type;          // WARC-Type: response, request, warcinfo, ...
  std::string record_id;     // WARC-Record-ID
  std::string target_uri;    // WARC-Target-URI (angle brackets removed)
  std::string date;          // WARC-Date
  std::string content_type;  // Content-Type of the block
  std::string block;         // the record's content block
  uint64_t offset = 0;       // uncompressed byte offset of the record header
};

class WarcReader {
 public:
  WarcReader() = default;
  ~WarcReader() = default;
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  // Opens `path` ("-" = stdin). Returns false and fills `error` on failure.
  bool open(const std::string& path, std::string& error);
  // Threads inflating a .warc.gz (CompressedInput::set_threads); before next().
  void set_threads(unsigned threads) { input_.set_threads(threads); }

  // Reads the next record. Returns false at the end of the archive or on
  // damage; error() then says which (empty at a clean end).
  bool next(WarcRecord& rec);

  const std::string& error() const { return error_; }
  uint64_t records() const { return records_; }

 private:
  bool read_line(std::string& line);
  bool read_exact(std::string& out, uint64_t n);
  bool fill();

  CompressedInput input_;
  bool open_ = false;
  std::string path_;
  std::string buffer_;
  size_t pos_ = 0;
  uint64_t consumed_ = 0;  // bytes handed out before buffer_[pos_]
  bool eof_ = false;
  uint64_t records_ = 0;
  std::string error_;
};

// An HTTP response as stored in a WARC response record.
struct HttpResponse {
  int status = 0;
  std::string content_type;  // media type, lower-case, without parameters
  std::string charset;       // from Content-Type, lower-case
  std::string body;          // de-chunked and decompressed (gzip/deflate)
};

// Parses a response block. Returns false with `error` when it is not an
// HTTP response or its body cannot be decoded.
bool parse_http_response(std::string_view block, HttpResponse& out, std::string& error);

}  // namespace claimtrace
