// WARC reading throughput (Google Benchmark): MB/s of compressed input for
// WarcReader (gzip member per record, WARC headers, content block) plus
// parse_http_response (status, content type, body), the work `analyze
// --input-format warc` does before HTML extraction.
//
// The archive is built at start-up in the temporary directory: the pages
// under CLAIMTRACE_BENCH_PAGES (default ../shared/data/extraction/
// trafilatura-eval, read in place) as response records, each with a request
// record before it, as crawlers write them; our fixture articles stand in
// when the folder is missing.
#include <benchmark/benchmark.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "ingest/line_reader.h"
#include "ingest/warc_reader.h"

namespace {

using namespace claimtrace;
namespace fs = std::filesystem;

std::string gzip_member(const std::string& data) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string record(const std::string& type, const std::string& uri, const std::string& block) {
  std::string r = "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
                  "\r\nWARC-Date: 2026-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:" + uri +
                  ">\r\nContent-Type: application/http; msgtype=" + type +
                  "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block +
                  "\r\n\r\n";
  return gzip_member(r);
}

// Path and compressed size of the archive.
const std::pair<std::string, size_t>& archive() {
  static const std::pair<std::string, size_t> built = [] {
    std::vector<std::string> pages;
    const char* env = std::getenv("CLAIMTRACE_BENCH_PAGES");
    fs::path root = env ? env : "../shared/data/extraction/trafilatura-eval";
    std::error_code ec;
    if (fs::is_directory(root, ec)) {
      for (const auto& e : fs::recursive_directory_iterator(root, ec)) {
        std::string name = e.path().filename().string();
        if (!e.is_regular_file() || name.find(".htm") == std::string::npos) continue;
        std::string bytes, err;
        if (read_whole_file(e.path().string(), bytes, err)) pages.push_back(std::move(bytes));
      }
    }
    if (pages.empty()) {
      for (const auto& e : fs::directory_iterator(CLAIMTRACE_FIXTURES, ec)) {
        std::string text, err;
        if (read_whole_file(e.path().string(), text, err))
          pages.push_back("<html><body><article><p>" + text + "</p></article></body></html>");
      }
    }
    std::string path = (fs::temp_directory_path() /
                        ("claimtrace_warc_bench_" + std::to_string(getpid()) + ".warc.gz"))
                           .string();
    std::ofstream out(path, std::ios::binary);
    size_t size = 0;
    for (size_t i = 0; i < pages.size(); ++i) {
      std::string uri = "https://news.example/" + std::to_string(i);
      std::string req = record(
          "request", uri, "GET /" + std::to_string(i) + " HTTP/1.1\r\nHost: news.example\r\n\r\n");
      std::string resp = record("response", uri,
                                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                                "Content-Length: " +
                                    std::to_string(pages[i].size()) + "\r\n\r\n" + pages[i]);
      out << req << resp;
      size += req.size() + resp.size();
    }
    return std::pair<std::string, size_t>(path, size);
  }();
  return built;
}

// Reads the archive with `threads` inflating (1: all on the calling thread).
void read_archive(benchmark::State& state, unsigned threads) {
  const auto& [path, size] = archive();
  size_t pages = 0;
  for (auto _ : state) {
    WarcReader reader;
    reader.set_threads(threads);
    std::string error;
    if (!reader.open(path, error)) {
      state.SkipWithError(error.c_str());
      return;
    }
    WarcRecord rec;
    HttpResponse resp;
    pages = 0;
    while (reader.next(rec)) {
      if (rec.type != "response") continue;
      if (parse_http_response(rec.block, resp, error) && resp.status == 200) ++pages;
      benchmark::DoNotOptimize(resp.body.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * size));  // compressed
  state.counters["archive_MB"] = static_cast<double>(size) / 1e6;
  state.counters["pages"] = static_cast<double>(pages);
}

// One core: bytes per CPU second.
void BM_ReadWarc(benchmark::State& state) {
  read_archive(state, 1);
}
BENCHMARK(BM_ReadWarc)->Unit(benchmark::kMillisecond)->MinTime(3.0);

// All cores, as `analyze` and `ingest` read: bytes per wall-clock second (the
// CPU time shown is that of every thread, so CPU-time rates are per core).
void BM_ReadWarcAllCores(benchmark::State& state) {
  read_archive(state, 0);
}
BENCHMARK(BM_ReadWarcAllCores)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(3.0)
    ->UseRealTime()
    ->MeasureProcessCPUTime();

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  std::error_code ec;
  fs::remove(archive().first, ec);
  return 0;
}
