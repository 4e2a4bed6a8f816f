#include "ingest/line_reader.h"

namespace claimtrace {

namespace {
constexpr size_t kChunk = 1 << 20;
}  // namespace

bool LineReader::open(const std::string& path, std::string& error) {
  path_ = path;
  open_ = input_.open(path, error);
  return open_;
}

bool LineReader::fill() {
  if (eof_ || !error_.empty()) return false;
  buffer_.erase(0, pos_);
  pos_ = 0;
  size_t old = buffer_.size();
  buffer_.resize(old + kChunk);
  size_t n = input_.read(buffer_.data() + old, kChunk);
  buffer_.resize(old + n);
  if (n == 0) {
    eof_ = true;
    error_ = input_.error();
  }
  return n > 0;
}

bool LineReader::next(std::string& line) {
  if (!open_) return false;
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
  CompressedInput input;
  if (!input.open(path, error)) return false;
  out.clear();
  for (;;) {
    size_t old = out.size();
    out.resize(old + kChunk);
    size_t n = input.read(out.data() + old, kChunk);
    out.resize(old + n);
    if (n == 0) break;
  }
  error = input.error();
  return error.empty();
}

}  // namespace claimtrace
