// Segmentation micro-benchmarks (Google Benchmark).
//
// Input: the first N articles of a JSONL corpus named by CLAIMTRACE_BENCH_CORPUS
// (default ../shared/data/corpus/all_news.jsonl, evaluation data that is
// never copied into the repo), or, when that is missing, the repo's own
// example and fixture articles repeated. Reports bytes/s per core for our
// tokenizer + sentence splitter, and for ICU's sentence and word break
// iterators over the same text, the baseline we measured before writing ours.
#include <benchmark/benchmark.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/jsonl_reader.h"
#include "ingest/line_reader.h"
#include "segment/segmenter.h"

namespace {

using namespace claimtrace;

std::vector<std::string> load_texts() {
  std::vector<std::string> texts;
  const char* env = std::getenv("CLAIMTRACE_BENCH_CORPUS");
  std::string path = env ? env : "../shared/data/corpus/all_news.jsonl";
  LineReader reader;
  std::string err, line;
  if (reader.open(path, err)) {
    JsonlParser parser;
    InputRecord rec;
    while (texts.size() < 3000 && reader.next(line))
      if (parser.parse(line, rec, err)) texts.push_back(std::move(rec.text));
  }
  if (texts.empty()) {
    for (const char* p : {"examples/port-drones.txt", "../examples/port-drones.txt"}) {
      std::ifstream in(p);
      if (!in) continue;
      std::stringstream ss;
      ss << in.rdbuf();
      for (int i = 0; i < 500; ++i) texts.push_back(ss.str());
      break;
    }
  }
  return texts;
}

const std::vector<std::string>& texts() {
  static const std::vector<std::string> t = load_texts();
  return t;
}

int64_t total_bytes() {
  int64_t n = 0;
  for (const auto& t : texts()) n += static_cast<int64_t>(t.size());
  return n;
}

void BM_Segment(benchmark::State& state) {
  Document doc;
  size_t sentences = 0;
  for (auto _ : state) {
    for (const auto& t : texts()) {
      doc.text = t;
      segment::segment(doc);
      sentences += doc.sentences.size();
    }
  }
  benchmark::DoNotOptimize(sentences);
  state.SetBytesProcessed(state.iterations() * total_bytes());
  state.counters["articles"] = static_cast<double>(texts().size());
}
BENCHMARK(BM_Segment)->Unit(benchmark::kMillisecond);

void BM_IcuBreakIterator(benchmark::State& state, bool sentence) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      sentence ? icu::BreakIterator::createSentenceInstance(icu::Locale::getUS(), status)
               : icu::BreakIterator::createWordInstance(icu::Locale::getUS(), status));
  if (U_FAILURE(status)) {
    state.SkipWithError("ICU break iterator unavailable");
    return;
  }
  size_t boundaries = 0;
  for (auto _ : state) {
    for (const auto& t : texts()) {
      UText ut = UTEXT_INITIALIZER;
      utext_openUTF8(&ut, t.data(), static_cast<int64_t>(t.size()), &status);
      it->setText(&ut, status);
      for (int32_t p = it->first(); p != icu::BreakIterator::DONE; p = it->next()) ++boundaries;
      utext_close(&ut);
    }
  }
  benchmark::DoNotOptimize(boundaries);
  state.SetBytesProcessed(state.iterations() * total_bytes());
}
BENCHMARK_CAPTURE(BM_IcuBreakIterator, sentences, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_IcuBreakIterator, words, false)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
