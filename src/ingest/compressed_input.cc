#include "ingest/compressed_input.h"

#include <fcntl.h>
#include <libdeflate.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>
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

// ---------------------------------------------------------------------------
// Parallel reading of multi-member gzip files.
//
// Inflating is nearly all the cost of reading a .warc.gz, and one core inflates
// about 1 GB/s of output. Where a gzip member ends is only known once it is
// inflated, so the file cannot simply be cut at member boundaries. Instead it
// is cut into fixed slices; the worker of a slice starts at the first gzip
// header in it that inflates cleanly (CRC and length checked) and inflates
// member after member until it passes the end of its slice. Its output is
// used only if the previous slice's chain of members ended exactly where it
// started. When that fails (a byte pattern that looked like a header, a
// damaged or oversized member, trailing garbage), reading goes on with the
// single-threaded code from the end of the last member it verified, so the
// bytes produced, and any error, are those of the sequential reader.
// ---------------------------------------------------------------------------

// A growable output buffer that, unlike std::vector, does not zero what it
// allocates (it is written by the inflater before it is read).
struct RawBuffer {
  std::unique_ptr<char[]> data;
  size_t capacity = 0;
  size_t size = 0;

  void ensure_free(size_t free) {
    if (capacity - size >= free) return;
    size_t grown = std::max(capacity * 2, size + free);
    std::unique_ptr<char[]> bigger(new char[grown]);
    if (size) std::memcpy(bigger.get(), data.get(), size);
    data = std::move(bigger);
    capacity = grown;
  }
};

// Inflate buffers not in use, shared by every reader: a slice handed out
// gives its buffer to the next one, and a finished reader to the next reader.
// A fresh buffer costs a page fault per 4 KiB page when first written, which
// for a reader of one small archive after another is a good part of the work.
class BufferCache {
 public:
  static RawBuffer take() {
    std::lock_guard<std::mutex> lock(mutex());
    auto& kept = buffers();
    if (kept.empty()) return {};
    RawBuffer b = std::move(kept.back());
    kept.pop_back();
    return b;
  }
  static void give(RawBuffer&& b) {
    if (!b.data || b.capacity > kLargest) return;
    std::lock_guard<std::mutex> lock(mutex());
    if (buffers().size() < kKept) buffers().push_back(std::move(b));
  }

 private:
  static constexpr size_t kKept = 8;  // at most 64 MiB kept, usually a few
  static constexpr size_t kLargest = 8 << 20;
  static std::mutex& mutex() {
    static std::mutex m;
    return m;
  }
  static std::vector<RawBuffer>& buffers() {
    static std::vector<RawBuffer> kept;
    return kept;
  }
};

constexpr uint64_t kNoMember = ~0ull;

// What one worker inflated from one slice.
struct InflatedSlice {
  uint64_t first_member = kNoMember;  // offset of the first member inflated
  uint64_t end = kNoMember;           // offset after the last member inflated
  bool clean = false;                 // stopped past the slice or at the end of the file
  RawBuffer out;
};

bool looks_like_gzip_header(const unsigned char* p, uint64_t left) {
  // ID1 ID2, CM = deflate, reserved flag bits zero.
  return left >= 18 && p[0] == 0x1F && p[1] == 0x8B && p[2] == 8 && (p[3] & 0xE0) == 0;
}

// A worker's view of the compressed file: a range read with pread (not a
// memory map, whose page faults cost more than the copy), in a buffer the
// worker keeps from slice to slice.
struct InputWindow {
  int fd = -1;
  uint64_t file_size = 0;
  uint64_t start = 0;  // file offset of buffer.data[0]
  RawBuffer buffer;

  uint64_t end() const { return start + buffer.size; }
  const unsigned char* at(uint64_t offset) const {
    return reinterpret_cast<const unsigned char*>(buffer.data.get()) + (offset - start);
  }
  // Holds [from, from + length), clipped to the file; false on a read error.
  bool load(uint64_t from, uint64_t length) {
    length = std::min(length, file_size - from);
    buffer.size = 0;
    buffer.ensure_free(length);
    start = from;
    while (buffer.size < length) {
      ssize_t n = pread(fd, buffer.data.get() + buffer.size, length - buffer.size,
                        static_cast<off_t>(from + buffer.size));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      buffer.size += static_cast<size_t>(n);
    }
    return true;
  }
};

// Bytes read past a slice's end for the member that crosses it; a member
// running further is read again in a window of kLongMemberWindow, and one
// longer than that is left to the single-threaded reader.
constexpr uint64_t kWindowSpill = 64 << 10;
constexpr uint64_t kLongMemberWindow = 2 << 20;

// Inflates one member at `at` into out; the compressed size, or 0 when it
// does not inflate (not a member, damaged, too long, or larger than
// kMaxWholeMember once inflated).
size_t inflate_member(libdeflate_decompressor* inflater, InputWindow& in, uint64_t at,
                      RawBuffer& out) {
  size_t free_space = 256 << 10;  // most members inflate to less; larger ones are retried
  for (;;) {
    out.ensure_free(free_space);
    size_t in_used = 0, out_used = 0;
    libdeflate_result rc =
        libdeflate_gzip_decompress_ex(inflater, in.at(at), in.end() - at, out.data.get() + out.size,
                                      out.capacity - out.size, &in_used, &out_used);
    if (rc == LIBDEFLATE_SUCCESS) {
      out.size += out_used;
      return in_used;
    }
    if (rc == LIBDEFLATE_INSUFFICIENT_SPACE) {
      if (free_space >= kMaxWholeMember) return 0;
      free_space *= 4;
      continue;
    }
    // Damaged, or cut off by the end of the window (libdeflate cannot tell
    // which): one retry with a long window.
    if (in.end() == in.file_size || in.end() - at >= kLongMemberWindow ||
        !in.load(at, kLongMemberWindow))
      return 0;
  }
}

// The worker: the chain of members from the first one at or after `from`
// (which is known to be a member when `from_is_member`) until one starts at
// or after `limit`.
InflatedSlice inflate_slice(InputWindow& in, uint64_t from, uint64_t limit, bool from_is_member,
                            RawBuffer buffer) {
  InflatedSlice slice;
  slice.out = std::move(buffer);
  slice.out.size = 0;
  if (!in.load(from, limit - from + kWindowSpill)) return slice;
  libdeflate_decompressor* inflater = libdeflate_alloc_decompressor();
  if (!inflater) return slice;
  const uint64_t size = in.file_size;
  uint64_t pos = from;
  if (from_is_member) {
    slice.first_member = from;
  } else {
    while (pos < limit) {
      const void* hit = std::memchr(in.at(pos), 0x1F, limit - pos);
      if (!hit) break;
      pos += static_cast<const unsigned char*>(hit) - in.at(pos);
      size_t used = looks_like_gzip_header(in.at(pos), in.end() - pos)
                        ? inflate_member(inflater, in, pos, slice.out)
                        : 0;
      if (used > 0) {
        slice.first_member = pos;
        pos += used;
        break;
      }
      ++pos;
    }
  }
  if (slice.first_member != kNoMember) {
    for (;;) {
      if (pos >= limit || pos == size) {
        slice.clean = true;
        break;
      }
      if (!looks_like_gzip_header(in.at(pos), in.end() - pos)) break;
      size_t used = inflate_member(inflater, in, pos, slice.out);
      if (used == 0) break;
      pos += used;
    }
    slice.end = pos;
  }
  libdeflate_free_decompressor(inflater);
  return slice;
}

// Workers inflating slices in the background; results are taken in the order
// the slices were queued.
class SlicePool {
 public:
  struct Job {
    uint64_t from = 0, limit = 0;
    bool from_is_member = false;
    bool done = false;
    InflatedSlice result;
  };

  SlicePool(int fd, uint64_t size, unsigned threads) : fd_(fd), size_(size) {
    for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
  }
  ~SlicePool() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    for (auto& t : workers_) t.join();
    for (auto& job : jobs_) BufferCache::give(std::move(job->result.out));
  }

  size_t queued() const { return jobs_.size(); }

  void queue(uint64_t from, uint64_t limit, bool from_is_member, RawBuffer buffer) {
    auto job = std::make_unique<Job>();
    job->from = from;
    job->limit = limit;
    job->from_is_member = from_is_member;
    job->result.out = std::move(buffer);
    std::lock_guard<std::mutex> lock(mutex_);
    unclaimed_.push_back(job.get());
    jobs_.push_back(std::move(job));
    wake_.notify_one();
  }

  // The oldest queued slice, once inflated.
  InflatedSlice take() {
    std::unique_ptr<Job> job;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      finished_.wait(lock, [&] { return jobs_.front()->done; });
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    return std::move(job->result);
  }

 private:
  void work() {
    InputWindow window;  // this worker's, reused from slice to slice
    window.fd = fd_;
    window.file_size = size_;
    window.buffer = BufferCache::take();
    struct GiveBack {
      RawBuffer& b;
      ~GiveBack() { BufferCache::give(std::move(b)); }
    } give_back{window.buffer};
    for (;;) {
      Job* job;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait(lock, [&] { return stopping_ || !unclaimed_.empty(); });
        if (stopping_) return;
        job = unclaimed_.front();
        unclaimed_.pop_front();
      }
      InflatedSlice result;
      try {
        result = inflate_slice(window, job->from, job->limit, job->from_is_member,
                               std::move(job->result.out));
      } catch (const std::bad_alloc&) {
        // An empty result: the chain stops here and the reader falls back to
        // one thread.
      }
      std::lock_guard<std::mutex> lock(mutex_);
      job->result = std::move(result);
      job->done = true;
      finished_.notify_all();
    }
  }

  int fd_;
  uint64_t size_;
  std::mutex mutex_;
  std::condition_variable wake_, finished_;
  bool stopping_ = false;
  std::deque<std::unique_ptr<Job>> jobs_;  // queued, oldest first
  std::deque<Job*> unclaimed_;             // not yet taken by a worker
  std::vector<std::thread> workers_;
};

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
  uint64_t raw_read = 0;       // bytes read from fd so far

  // Parallel reading (see above).
  unsigned threads = 0;
  size_t slice_bytes = 256 << 10;
  // Parallel reading is tried at the first member boundary past this offset
  // (after a fall-back: past the member the workers could not take).
  uint64_t parallel_after = 0;
  bool parallel = false;
  uint64_t file_size = 0;
  uint64_t next_slice = 0;    // offset where the next slice to schedule starts
  uint64_t verified_end = 0;  // end of the last member handed out
  std::unique_ptr<SlicePool> pool;
  InflatedSlice current;  // the slice being handed out
  size_t current_pos = 0;
  // The workers' last slice could not be inflated: after `current`, read
  // on one thread.
  bool pending_fallback = false;

  ~Impl() {
    stop_parallel();
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
      raw_read += static_cast<uint64_t>(n);
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
    // (refill moves the unread bytes to the front first, so the loop also
    // runs when the buffer is filled to its end but mostly consumed.)
    if (!raw_eof && available() < in.size() / 2) {
      while (!raw_eof && available() < in.size())
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

  // Called at a member boundary of the sequential reader: switches to
  // parallel reading when the input is a large regular file.
  // Offset in the compressed file of the next unread byte.
  uint64_t compressed_offset() const { return raw_read - available(); }

  // Called at a member boundary of the sequential reader: switches to
  // parallel reading when the input is a large regular file.
  void maybe_start_parallel() {
    unsigned n = threads ? threads : std::min(8u, std::thread::hardware_concurrency());
    struct stat st;
    uint64_t here = compressed_offset();
    if (n < 2 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
        static_cast<uint64_t>(st.st_size) < here + 2 * slice_bytes) {
      parallel_after = kNoMember;  // never
      return;
    }
    file_size = static_cast<uint64_t>(st.st_size);
    try {
      pool = std::make_unique<SlicePool>(fd, file_size, n);
    } catch (const std::exception&) {  // no threads to be had: stay sequential
      parallel_after = kNoMember;
      return;
    }
    parallel = true;
    verified_end = here;
    next_slice = here;
    while (pool->queued() < n + 1 && schedule_slice()) {  // one slice ahead of the workers
    }
  }

  bool schedule_slice() {
    if (next_slice >= file_size) return false;
    uint64_t from = next_slice, limit = std::min(file_size, from + slice_bytes);
    bool from_is_member = from == verified_end && pool->queued() == 0;
    RawBuffer buffer = BufferCache::take();
    // Sized here, for the usual ratio of text, so that workers seldom grow it:
    // fresh memory costs a page fault per page, and buffers are reused.
    buffer.size = 0;
    buffer.ensure_free(slice_bytes * 6);
    pool->queue(from, limit, from_is_member, std::move(buffer));
    next_slice = limit;
    return true;
  }

  // Makes `current` the next slice that continues the verified chain; false
  // when there is none (end of file, or reading falls back to one thread).
  bool next_parallel_slice() {
    for (;;) {
      BufferCache::give(std::move(current.out));
      current = InflatedSlice{};
      current_pos = 0;
      if (verified_end == file_size) return false;
      if (pool->queued() == 0) {
        fall_back_to_sequential();
        return false;
      }
      InflatedSlice slice = pool->take();
      schedule_slice();
      if (slice.first_member == kNoMember) {  // one member spans the slice
        BufferCache::give(std::move(slice.out));
        continue;
      }
      if (slice.first_member != verified_end) {
        BufferCache::give(std::move(slice.out));
        fall_back_to_sequential();
        return false;
      }
      current = std::move(slice);
      bool clean = current.clean;
      verified_end = current.end;
      if (!clean) {
        // Hand out what was verified, then let the sequential reader meet
        // the member the worker could not inflate (and report it).
        pending_fallback = true;
      }
      if (current.out.size > 0) return true;
      if (pending_fallback) {
        fall_back_to_sequential();
        return false;
      }
    }
  }

  // Stops the workers and repositions the sequential reader at verified_end.
  void fall_back_to_sequential() {
    uint64_t resume = verified_end;
    stop_parallel();
    pending_fallback = false;
    parallel_after = resume;
    if (lseek(fd, static_cast<off_t>(resume), SEEK_SET) < 0) {
      raw_eof = true;
      in_pos = in_end = 0;
      return;
    }
    raw_read = resume;
    in_pos = in_end = 0;
    raw_eof = false;
    if (zs_live) inflateReset(&zs);
    // As after a member read on one thread: what follows may be padding.
    std::string read_error;
    at_member_start = next_member_follows(read_error);
    gzip_finished = !at_member_start && read_error.empty();
  }

  void stop_parallel() {
    pool.reset();  // joins the workers
    parallel = false;
    BufferCache::give(std::move(current.out));
    current = InflatedSlice{};
    current_pos = 0;
  }
};

CompressedInput::CompressedInput() : impl_(std::make_unique<Impl>()) {}
CompressedInput::~CompressedInput() = default;

void CompressedInput::set_threads(unsigned threads, size_t slice_bytes) {
  impl_->threads = threads;
  impl_->slice_bytes = std::max<size_t>(slice_bytes, 64);
}

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
    if (s.parallel) {
      if (s.current_pos < s.current.out.size) {
        size_t k = std::min(n, s.current.out.size - s.current_pos);
        std::memcpy(dst, s.current.out.data.get() + s.current_pos, k);
        s.current_pos += k;
        return k;
      }
      if (s.pending_fallback) {
        s.fall_back_to_sequential();
        continue;
      }
      if (s.next_parallel_slice() || !s.parallel) continue;
      s.stop_parallel();  // every member of the file has been handed out
      s.done = true;
      return 0;
    }
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
    if (s.at_member_start && s.member_pos == s.member_end && s.whole_inflater &&
        s.parallel_after != kNoMember && s.compressed_offset() > s.parallel_after) {
      s.maybe_start_parallel();  // after one member read sequentially
      if (s.parallel) continue;
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
