// Fuzz target: arbitrary bytes as a WARC archive (plain or gzip) through the
// record reader and the HTTP response decoder. Checks that reading never
// crashes and that a stop before the end of the input is explained.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "ingest/warc_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace claimtrace;
  int fd = memfd_create("fuzz_warc", 0);
  if (fd < 0) return 0;
  if (write(fd, data, size) != static_cast<ssize_t>(size)) {
    close(fd);
    return 0;
  }
  std::string path = "/proc/self/fd/" + std::to_string(fd);
  {
    WarcReader reader;
    std::string error;
    if (reader.open(path, error)) {
      WarcRecord rec;
      HttpResponse http;
      while (reader.next(rec)) {
        if (rec.block.size() > size * 1100 + 1024) std::abort();  // never invents data
        parse_http_response(rec.block, http, error);
      }
    }
  }
  close(fd);
  return 0;
}
