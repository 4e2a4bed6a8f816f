// HTML extraction throughput (Google Benchmark): pages/s on one core for
// html::extract_article (decode + libxml2 parse + content scoring +
// metadata), and the libxml2 parse alone as the floor.
//
// Pages: every *.html.gz / *.html under CLAIMTRACE_BENCH_PAGES (default
// ../shared/data/extraction/trafilatura-eval, evaluation data read in place
// and never copied into the repo). When that is missing, a page of our own
// built from the fixture articles stands in.
#include <benchmark/benchmark.h>
#include <libxml/HTMLparser.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "ingest/html/article.h"
#include "ingest/line_reader.h"

namespace {

using namespace claimtrace;
namespace fs = std::filesystem;

const std::vector<std::string>& pages() {
  static const std::vector<std::string> loaded = [] {
    std::vector<std::string> out;
    const char* env = std::getenv("CLAIMTRACE_BENCH_PAGES");
    fs::path root = env ? env : "../shared/data/extraction/trafilatura-eval";
    std::error_code ec;
    if (fs::is_directory(root, ec)) {
      for (const auto& e : fs::recursive_directory_iterator(root, ec)) {
        std::string name = e.path().filename().string();
        if (!e.is_regular_file() ||
            (name.find(".html") == std::string::npos && name.find(".htm") == std::string::npos))
          continue;
        std::string bytes, err;
        if (read_whole_file(e.path().string(), bytes, err)) out.push_back(std::move(bytes));
      }
    }
    if (out.empty()) {
      std::string page =
          "<html><head><title>Fixture | Desk</title></head><body><nav><a "
          "href=/>Home</a></nav><article>";
      for (const auto& e : fs::directory_iterator(CLAIMTRACE_FIXTURES, ec)) {
        std::string text, err;
        if (read_whole_file(e.path().string(), text, err)) page += "<p>" + text + "</p>";
      }
      page += "</article><footer>Desk</footer></body></html>";
      out.push_back(page);
    }
    return out;
  }();
  return loaded;
}

void BM_ExtractArticle(benchmark::State& state) {
  const auto& all = pages();
  size_t bytes = 0, i = 0;
  html::Article article;
  std::string error;
  for (auto _ : state) {
    const std::string& p = all[i++ % all.size()];
    html::extract_article(p, {}, article, error);
    benchmark::DoNotOptimize(article.text.data());
    bytes += p.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));  // items = pages
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["pages"] = static_cast<double>(all.size());
}
BENCHMARK(BM_ExtractArticle)->Unit(benchmark::kMicrosecond)->MinTime(3.0);

void BM_LibxmlParseOnly(benchmark::State& state) {
  const auto& all = pages();
  size_t bytes = 0, i = 0;
  for (auto _ : state) {
    const std::string& p = all[i++ % all.size()];
    htmlDocPtr doc = htmlReadMemory(p.data(), static_cast<int>(p.size()), nullptr, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET | HTML_PARSE_COMPACT);
    xmlFreeDoc(doc);
    bytes += p.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_LibxmlParseOnly)->Unit(benchmark::kMicrosecond)->MinTime(3.0);

}  // namespace

BENCHMARK_MAIN();
