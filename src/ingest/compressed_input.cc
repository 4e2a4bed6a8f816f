#include "ingest/compressed_input.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace claimtrace {

namespace {
enum class Format { kPlain, kGzip, kZstd };
constexpr size_t kInChunk = 256 * 1024;
}  // namespace

struct CompressedInput::Impl {
  int fd = -1;
  bool own_fd = false;
  std::string name;
  Format format = Format::kPlain;
  std::vector<char> in = std::vector<char>(kInChunk);
  size_t in_pos = 0, in_end = 0;
  bool raw_eof = false;
  bool done = false;
  z_stream zs{};
  bool zs_live = false;
  ZSTD_DStream* zstd = nullptr;
  size_t zstd_hint = 0;  // non-zero while a zstd frame is incomplete

  ~Impl() {
    if (zs_live) inflateEnd(&zs);
    if (zstd) ZSTD_freeDStream(zstd);
    if (own_fd && fd >= 0) close(fd);
  }

  // Tops up the input buffer; false on a read error.
  bool refill(std::string& error) {
    if (raw_eof) return true;
    if (in_pos > 0) {
      std::memmove(in.data(), in.data() + in_pos, in_end - in_pos);
      in_end -= in_pos;
      in_pos = 0;
    }
    while (in_end < in.size()) {
      ssize_t n = ::read(fd, in.data() + in_end, in.size() - in_end);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        error = name + ": read error: " + std::strerror(errno);
        return false;
      }
      if (n == 0) {
        raw_eof = true;
        break;
      }
      in_end += static_cast<size_t>(n);
      break;
    }
    return true;
  }

  size_t available() const { return in_end - in_pos; }
};

CompressedInput::CompressedInput() : impl_(std::make_unique<Impl>()) {}
CompressedInput::~CompressedInput() = default;

const char* CompressedInput::format() const {
  switch (impl_->format) {
    case Format::kGzip:
      return "gzip";
    case Format::kZstd:
      return "zstd";
    default:
      return "plain";
  }
}

bool CompressedInput::open(const std::string& path, std::string& error) {
  Impl& s = *impl_;
  s.name = path == "-" ? "<stdin>" : path;
  if (path == "-") {
    s.fd = STDIN_FILENO;
  } else {
    s.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (s.fd < 0) {
      error = path + ": cannot open: " + std::strerror(errno);
      return false;
    }
    s.own_fd = true;
  }
  // Enough bytes to see the magic number.
  while (s.available() < 4 && !s.raw_eof)
    if (!s.refill(error)) return false;
  const auto* b = reinterpret_cast<const unsigned char*>(s.in.data());
  if (s.available() >= 2 && b[0] == 0x1F && b[1] == 0x8B) {
    s.format = Format::kGzip;
    if (inflateInit2(&s.zs, 15 + 16) != Z_OK) {
      error = s.name + ": out of memory";
      return false;
    }
    s.zs_live = true;
  } else if (s.available() >= 4 && b[0] == 0x28 && b[1] == 0xB5 && b[2] == 0x2F && b[3] == 0xFD) {
    s.format = Format::kZstd;
    s.zstd = ZSTD_createDStream();
    if (!s.zstd) {
      error = s.name + ": out of memory";
      return false;
    }
  }
  return true;
}

size_t CompressedInput::read(char* dst, size_t n) {
  Impl& s = *impl_;
  if (s.done || !error_.empty() || n == 0) return 0;
  size_t produced = 0;
  while (produced == 0) {
    if (s.available() == 0 && !s.raw_eof && !s.refill(error_)) return 0;
    if (s.format == Format::kPlain) {
      size_t k = std::min(n, s.available());
      if (k == 0) {
        s.done = true;
        return 0;
      }
      std::memcpy(dst, s.in.data() + s.in_pos, k);
      s.in_pos += k;
      return k;
    }
    if (s.format == Format::kZstd) {
      if (s.available() == 0) {  // raw end of input
        s.done = true;
        if (s.zstd_hint != 0)
          error_ = s.name + ": truncated or corrupt compressed input (zstd stream ends early)";
        return 0;
      }
      ZSTD_inBuffer zin{s.in.data() + s.in_pos, s.available(), 0};
      ZSTD_outBuffer zout{dst, n, 0};
      size_t rc = ZSTD_decompressStream(s.zstd, &zout, &zin);
      s.in_pos += zin.pos;
      if (ZSTD_isError(rc)) {
        error_ = s.name +
                 ": truncated or corrupt compressed input (zstd: " + ZSTD_getErrorName(rc) + ")";
        s.done = true;
        return zout.pos;
      }
      s.zstd_hint = rc;
      produced = zout.pos;
      continue;
    }
    // gzip, member after member.
    if (s.available() == 0) {
      s.done = true;
      error_ = s.name + ": truncated or corrupt compressed input (gzip stream ends early)";
      return 0;
    }
    s.zs.next_in = reinterpret_cast<Bytef*>(s.in.data() + s.in_pos);
    s.zs.avail_in = static_cast<uInt>(s.available());
    s.zs.next_out = reinterpret_cast<Bytef*>(dst);
    s.zs.avail_out = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
    int rc = inflate(&s.zs, Z_NO_FLUSH);
    s.in_pos = s.in_end - s.zs.avail_in;
    produced = std::min<size_t>(n, 1u << 30) - s.zs.avail_out;
    if (rc == Z_STREAM_END) {
      // Another member follows, or the input ends (trailing padding that is
      // not a gzip member is ignored, as gzip(1) does).
      while (s.available() < 2 && !s.raw_eof)
        if (!s.refill(error_)) return produced;
      const auto* b = reinterpret_cast<const unsigned char*>(s.in.data() + s.in_pos);
      if (s.available() >= 2 && b[0] == 0x1F && b[1] == 0x8B) {
        inflateReset(&s.zs);
      } else {
        s.done = true;
        return produced;
      }
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      error_ = s.name + ": truncated or corrupt compressed input (gzip: " +
               (s.zs.msg ? s.zs.msg : "inflate failed") + ")";
      s.done = true;
      return produced;
    }
  }
  return produced;
}

}  // namespace claimtrace
