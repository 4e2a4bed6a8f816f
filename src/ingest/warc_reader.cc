#include "ingest/warc_reader.h"

#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstring>

#include <zlib.h>

namespace claimtrace {

namespace {

// Refills only need to cover record and HTTP headers: content blocks are
// read straight into the record (see read_exact).
constexpr size_t kChunk = 1 << 13;
// Records larger than this are rejected instead of buffered (a 50 MB page is
// fine; a 2 GB video is not text).
constexpr uint64_t kMaxBlock = 256ull << 20;

std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool parse_u64(std::string_view s, uint64_t& v) {
  s = trim(s);
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size() && !s.empty();
}

// Inflates gzip or zlib/deflate data (auto-detected).
bool inflate_all(std::string_view in, std::string& out) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return false;
  out.clear();
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  char buf[kChunk];
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) break;  // truncated: keep what we have
    if (out.size() > kMaxBlock) break;
  }
  inflateEnd(&zs);
  return rc == Z_STREAM_END || rc == Z_BUF_ERROR || rc == Z_OK;
}

// Removes HTTP/1.1 chunked transfer coding; false if the framing is broken.
bool dechunk(std::string_view in, std::string& out) {
  out.clear();
  size_t p = 0;
  while (p < in.size()) {
    size_t eol = in.find('\n', p);
    if (eol == std::string_view::npos) return false;
    std::string_view line = trim(in.substr(p, eol - p));
    size_t semi = line.find(';');
    if (semi != std::string_view::npos) line = line.substr(0, semi);
    uint64_t n = 0;
    auto [q, ec] = std::from_chars(line.data(), line.data() + line.size(), n, 16);
    if (ec != std::errc() || q != line.data() + line.size()) return false;
    p = eol + 1;
    if (n == 0) return true;
    if (n > in.size() - p) return false;
    out.append(in.substr(p, n));
    p += n;
    if (p < in.size() && in[p] == '\r') ++p;
    if (p < in.size() && in[p] == '\n') ++p;
  }
  return true;
}

}  // namespace

bool WarcReader::open(const std::string& path, std::string& error) {
  path_ = path == "-" ? "<stdin>" : path;
  open_ = input_.open(path, error);
  return open_;
}

bool WarcReader::fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    buffer_.erase(0, pos_);
    consumed_ += pos_;
    pos_ = 0;
  }
  size_t old = buffer_.size();
  buffer_.resize(old + kChunk);
  size_t n = input_.read(buffer_.data() + old, kChunk);
  buffer_.resize(old + n);
  if (n == 0) {
    eof_ = true;
    error_ = input_.error();
    return false;
  }
  return true;
}

bool WarcReader::read_line(std::string& line) {
  for (;;) {
    size_t nl = buffer_.find('\n', pos_);
    if (nl != std::string::npos) {
      line.assign(buffer_, pos_, nl - pos_);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      pos_ = nl + 1;
      return true;
    }
    if (buffer_.size() - pos_ > (1u << 20)) {  // a 1 MiB "line" is not a header
      line.assign(buffer_, pos_, std::string::npos);
      pos_ = buffer_.size();
      return true;
    }
    if (!fill()) {
      if (pos_ < buffer_.size()) {
        line.assign(buffer_, pos_, std::string::npos);
        pos_ = buffer_.size();
        return true;
      }
      return false;
    }
  }
}

bool WarcReader::read_exact(std::string& out, uint64_t n) {
  uint64_t buffered = std::min<uint64_t>(n, buffer_.size() - pos_);
  out.assign(buffer_, pos_, buffered);
  pos_ += buffered;
  // The rest of the block goes straight from the input into `out`, saving a
  // copy through buffer_ (blocks are mostly larger than one buffer fill).
  if (buffered < n && !eof_) {
    out.resize(n);
    size_t have = buffered;
    while (have < n) {
      size_t got = input_.read(out.data() + have, n - have);
      if (got == 0) {
        eof_ = true;
        error_ = input_.error();
        break;
      }
      have += got;
    }
    out.resize(have);
    consumed_ += have - buffered;  // these bytes never pass through buffer_
  }
  return out.size() == n;
}

bool WarcReader::next(WarcRecord& rec) {
  if (!open_ || !error_.empty()) return false;
  std::string line;
  // Skip blank lines between records (each record ends with CRLF CRLF).
  uint64_t line_start = 0;
  do {
    line_start = consumed_ + pos_;  // unchanged by refills: they move bytes into consumed_
    if (!read_line(line)) return false;
  } while (trim(line).empty());
  std::string block = std::move(rec.block);  // keep its capacity for this record
  rec = WarcRecord{};
  rec.block = std::move(block);
  rec.offset = line_start;
  if (line.rfind("WARC/", 0) != 0) {
    error_ = path_ + ": offset " + std::to_string(rec.offset) +
             ": not a WARC record header (after " + std::to_string(records_) + " records)";
    return false;
  }
  rec.version = line;
  uint64_t length = 0;
  bool have_length = false;
  while (read_line(line)) {
    if (line.empty()) break;
    size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = lower(trim(std::string_view(line).substr(0, colon)));
    std::string_view value = trim(std::string_view(line).substr(colon + 1));
    if (name == "warc-type") {
      rec.type = value;
    } else if (name == "warc-record-id") {
      rec.record_id = value;
    } else if (name == "warc-target-uri") {
      if (value.size() >= 2 && value.front() == '<' && value.back() == '>')
        value = value.substr(1, value.size() - 2);
      rec.target_uri = value;
    } else if (name == "warc-date") {
      rec.date = value;
    } else if (name == "content-type") {
      rec.content_type = value;
    } else if (name == "content-length") {
      have_length = parse_u64(value, length);
    }
  }
  if (!have_length) {
    error_ = path_ + ": offset " + std::to_string(rec.offset) + ": record without Content-Length";
    return false;
  }
  if (length > kMaxBlock) {
    error_ = path_ + ": offset " + std::to_string(rec.offset) + ": record of " +
             std::to_string(length) + " bytes is too large";
    return false;
  }
  if (!read_exact(rec.block, length)) {
    if (error_.empty())
      error_ = path_ + ": offset " + std::to_string(rec.offset) + ": truncated record (" +
               std::to_string(rec.block.size()) + " of " + std::to_string(length) + " bytes)";
    return false;
  }
  ++records_;
  return true;
}

bool parse_http_response(std::string_view block, HttpResponse& out, std::string& error) {
  out = HttpResponse{};
  if (block.rfind("HTTP/", 0) != 0) {
    error = "not an HTTP response";
    return false;
  }
  size_t head_end = block.find("\r\n\r\n");
  size_t body_start = head_end == std::string_view::npos ? std::string_view::npos : head_end + 4;
  if (head_end == std::string_view::npos) {
    head_end = block.find("\n\n");
    body_start = head_end == std::string_view::npos ? block.size() : head_end + 2;
    if (head_end == std::string_view::npos) head_end = block.size();
  }
  std::string_view head = block.substr(0, head_end);
  size_t eol = head.find('\n');
  std::string_view status_line = trim(head.substr(0, eol));
  size_t sp = status_line.find(' ');
  if (sp == std::string_view::npos) {
    error = "bad HTTP status line";
    return false;
  }
  std::string_view code = status_line.substr(sp + 1, 3);
  auto [p, ec] = std::from_chars(code.data(), code.data() + code.size(), out.status);
  if (ec != std::errc()) {
    error = "bad HTTP status line";
    return false;
  }
  (void)p;
  bool chunked = false;
  std::string encoding;
  size_t pos = eol == std::string_view::npos ? head.size() : eol + 1;
  while (pos < head.size()) {
    size_t e = head.find('\n', pos);
    if (e == std::string_view::npos) e = head.size();
    std::string_view line = trim(head.substr(pos, e - pos));
    pos = e + 1;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string name = lower(trim(line.substr(0, colon)));
    std::string value = lower(trim(line.substr(colon + 1)));
    if (name == "content-type") {
      size_t semi = value.find(';');
      out.content_type = std::string(trim(value.substr(0, semi)));
      size_t cs = value.find("charset=");
      if (cs != std::string::npos) {
        std::string_view c = std::string_view(value).substr(cs + 8);
        size_t end = c.find_first_of("; \t\"'");
        c = c.substr(0, end);
        while (!c.empty() && (c.front() == '"' || c.front() == '\'')) c.remove_prefix(1);
        out.charset = c;
      }
    } else if (name == "transfer-encoding") {
      chunked = value.find("chunked") != std::string::npos;
    } else if (name == "content-encoding") {
      encoding = value;
    }
  }
  std::string_view body = body_start < block.size() ? block.substr(body_start) : "";
  std::string tmp;
  // Archives often store bodies already de-chunked while keeping the header;
  // fall back to the raw bytes when the chunk framing does not parse.
  if (chunked && dechunk(body, tmp)) {
    out.body = std::move(tmp);
  } else {
    out.body.assign(body);
  }
  if (encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") {
    if (inflate_all(out.body, tmp)) out.body = std::move(tmp);
  }
  return true;
}

}  // namespace claimtrace
