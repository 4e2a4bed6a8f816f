#include "ingest/line_reader.h"

#include <unistd.h>
#include <cerrno>
#include <cstring>

namespace claimtrace {

namespace {
constexpr size_t kChunk = 1 << 20;

gzFile open_gz(const std::string& path, std::string& error) {
  gzFile f = path == "-" ? gzdopen(dup(STDIN_FILENO), "rb") : gzopen(path.c_str(), "rb");
  if (f == nullptr) {
    error = path + ": cannot open: " + (errno ? std::strerror(errno) : "out of memory");
    return nullptr;
  }
  gzbuffer(f, 256 * 1024);
  return f;
}

// Reads up to `want` bytes; returns bytes read, or -1 with `error` set.
int read_gz(gzFile f, const std::string& path, char* dst, unsigned want, std::string& error) {
  int n = gzread(f, dst, want);
  if (n < 0) {
    int code = 0;
    const char* msg = gzerror(f, &code);
    error = path + ": read error: " + (code == Z_ERRNO ? std::strerror(errno) : msg);
    return -1;
  }
  if (n == 0 && !gzeof(f)) {
    error = path + ": read error";
    return -1;
  }
  // zlib reports a truncated gzip stream as end of file with an error set.
  int code = 0;
  const char* msg = gzerror(f, &code);
  if (code != Z_OK && code != Z_STREAM_END) {
    error = path + ": " + msg + " (truncated or corrupt compressed input)";
    return n > 0 ? n : -1;
  }
  return n;
}
}  // namespace

LineReader::~LineReader() {
  if (file_ != nullptr) gzclose(file_);
}

bool LineReader::open(const std::string& path, std::string& error) {
  path_ = path;
  file_ = open_gz(path, error);
  return file_ != nullptr;
}

bool LineReader::fill() {
  if (eof_ || !error_.empty()) return false;
  buffer_.erase(0, pos_);
  pos_ = 0;
  size_t old = buffer_.size();
  buffer_.resize(old + kChunk);
  int n = read_gz(file_, path_, buffer_.data() + old, kChunk, error_);
  buffer_.resize(old + (n > 0 ? n : 0));
  if (n <= 0) eof_ = true;
  return n > 0;
}

bool LineReader::next(std::string& line) {
  if (file_ == nullptr) return false;
  for (;;) {
    size_t nl = buffer_.find('\n', pos_);
    if (nl != std::string::npos) {
      line.assign(buffer_, pos_, nl - pos_);
      pos_ = nl + 1;
      break;
    }
    if (!fill()) {
      if (pos_ >= buffer_.size()) return false;
      line.assign(buffer_, pos_, std::string::npos);  // last line without '\n'
      pos_ = buffer_.size();
      break;
    }
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  ++line_number_;
  return true;
}

bool read_whole_file(const std::string& path, std::string& out, std::string& error) {
  error.clear();  // success is "no error", so a caller's earlier message must not linger
  gzFile f = open_gz(path, error);
  if (f == nullptr) return false;
  out.clear();
  for (;;) {
    size_t old = out.size();
    out.resize(old + kChunk);
    int n = read_gz(f, path, out.data() + old, kChunk, error);
    out.resize(old + (n > 0 ? n : 0));
    if (n <= 0) break;
  }
  gzclose(f);
  return error.empty();
}

}  // namespace claimtrace
