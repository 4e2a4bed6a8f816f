// Fuzz target: arbitrary bytes read by CompressedInput on one thread and on
// three threads with tiny slices. Parallel reading must give exactly the
// bytes and the error of the sequential reader, whatever the input holds
// (damaged members, gzip headers inside stored members, padding).
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "ingest/compressed_input.h"

namespace {

constexpr size_t kCap = 64u << 20;  // a gzip bomb is read this far only

std::string read_all(const std::string& path, unsigned threads, size_t slice, std::string& error) {
  claimtrace::CompressedInput in;
  in.set_threads(threads, slice);
  std::string out;
  if (!in.open(path, error)) return out;
  char buf[4096];
  size_t n;
  while (out.size() < kCap && (n = in.read(buf, sizeof buf)) > 0) out.append(buf, n);
  error = in.error();
  if (out.size() >= kCap) {  // chunk sizes differ between the two readers
    out.resize(kCap);
    error = "capped";
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  int fd = memfd_create("fuzz_gzip_members", 0);
  if (fd < 0) return 0;
  if (write(fd, data, size) != static_cast<ssize_t>(size)) {
    close(fd);
    return 0;
  }
  std::string path = "/proc/self/fd/" + std::to_string(fd);
  std::string one_error, many_error;
  std::string one = read_all(path, 1, 64, one_error);
  std::string many = read_all(path, 3, 64, many_error);
  close(fd);
  if (one != many || one_error != many_error) std::abort();
  return 0;
}
