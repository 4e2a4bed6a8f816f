#include "ingest/compressed_input.h"

#include <fcntl.h>
#include <libdeflate.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace claimtrace {

namespace {
enum class Format { kPlain, kGzip, kZstd };
// Large enough that most gzip members (one per WARC record) fit whole.
constexpr size_t kInChunk = 1024 * 1024;
// Output buffer for members inflated whole; members inflating to more than
// kMaxWholeMember bytes are streamed through zlib instead.
constexpr size_t kFirstMemberBuffer = 1024 * 1024;
constexpr size_t kMaxWholeMember = 64 * 1024 * 1024;
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
  // gzip: members that lie whole in `in` are inflated in one call with
  // libdeflate (much faster than zlib); the rest, and anything libdeflate
  // rejects (truncated or corrupt data), go through zlib, which streams and
  // reports errors as before.
  libdeflate_decompressor* whole_inflater = nullptr;
  std::vector<char> member;
  size_t member_pos = 0, member_end = 0;
  bool at_member_start = true;
  bool gzip_finished = false;  // no member follows the current output

  ~Impl() {
    if (zs_live) inflateEnd(&zs);
    if (whole_inflater) libdeflate_free_decompressor(whole_inflater);
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

  // After a gzip member: true when another member starts at in_pos
  // (trailing padding that is not a gzip member is ignored, as gzip(1) does).
  bool next_member_follows(std::string& error) {
    while (available() < 2 && !raw_eof)
      if (!refill(error)) return false;
    const auto* b = reinterpret_cast<const unsigned char*>(in.data() + in_pos);
    return available() >= 2 && b[0] == 0x1F && b[1] == 0x8B;
  }

  // Inflates the gzip member at in_pos whole into `member`; false when it
  // should be streamed through zlib instead.
  bool inflate_whole_member(std::string& error) {
    // Top up once the buffer is half consumed, so each byte moves at most once.
    if (!raw_eof && available() < in.size() / 2) {
      while (!raw_eof && in_end < in.size())
        if (!refill(error)) return false;
    }
    if (!whole_inflater) {
      whole_inflater = libdeflate_alloc_decompressor();
      if (!whole_inflater) return false;
      member.resize(kFirstMemberBuffer);
    }
    for (;;) {
      size_t in_used = 0, out_used = 0;
      libdeflate_result rc =
          libdeflate_gzip_decompress_ex(whole_inflater, in.data() + in_pos, available(),
                                        member.data(), member.size(), &in_used, &out_used);
      if (rc == LIBDEFLATE_SUCCESS) {
        in_pos += in_used;
        member_pos = 0;
        member_end = out_used;
        return true;
      }
      if (rc != LIBDEFLATE_INSUFFICIENT_SPACE || member.size() >= kMaxWholeMember) return false;
      member.resize(member.size() * 4);
    }
  }
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
    // Output of a gzip member inflated whole.
    if (s.member_pos < s.member_end) {
      size_t k = std::min(n, s.member_end - s.member_pos);
      std::memcpy(dst, s.member.data() + s.member_pos, k);
      s.member_pos += k;
      return k;
    }
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
    if (s.gzip_finished) {
      s.done = true;
      return 0;
    }
    if (s.at_member_start && s.available() > 0) {
      s.at_member_start = false;
      if (s.inflate_whole_member(error_)) {
        if (s.next_member_follows(error_))
          s.at_member_start = true;
        else
          s.gzip_finished = true;
        continue;
      }
      if (!error_.empty()) return 0;
    }
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
      // Another member follows, or the input ends.
      if (s.next_member_follows(error_)) {
        inflateReset(&s.zs);
        s.at_member_start = true;
      } else {
        if (!error_.empty()) return produced;
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
