// Tag stage micro-benchmark (Google Benchmark): part of speech, lemmas and
// chunks over pre-segmented articles, in tokens/s per core.
//
// Input: the first 3,000 articles of the JSONL corpus named by
// CLAIMTRACE_BENCH_CORPUS (default ../shared/data/corpus/all_news.jsonl;
// evaluation data, never copied into the repo), or, when that is missing, the
// repo's example article repeated. Run from the repository root.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/jsonl_reader.h"
#include "ingest/line_reader.h"
#include "segment/segmenter.h"
#include "tag/tagger.h"

namespace {

using namespace claimtrace;

std::vector<Document> load_documents() {
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
    std::ifstream in("examples/port-drones.txt");
    std::stringstream ss;
    ss << in.rdbuf();
    texts.assign(500, ss.str());
  }
  std::vector<Document> docs(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    docs[i].text = std::move(texts[i]);
    segment::segment(docs[i]);
  }
  return docs;
}

void BM_Tag(benchmark::State& state) {
  static std::vector<Document> docs = load_documents();
  const tag::TagLexicon& lexicon = tag::TagLexicon::builtin();
  int64_t tokens = 0;
  for (const Document& d : docs) tokens += static_cast<int64_t>(d.tokens.size());
  const std::vector<size_t> pool_sizes = [&] {
    std::vector<size_t> s;
    for (const Document& d : docs) s.push_back(d.norm_pool.size());
    return s;
  }();
  size_t chunks = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < docs.size(); ++i) {
      docs[i].norm_pool.resize(pool_sizes[i]);  // drop the previous round's lemmas
      tag::tag_document(lexicon, docs[i]);
      chunks += docs[i].chunks.size();
    }
  }
  benchmark::DoNotOptimize(chunks);
  state.SetItemsProcessed(state.iterations() * tokens);  // items/s = tokens/s
  state.counters["articles"] = static_cast<double>(docs.size());
  state.counters["tokens"] = static_cast<double>(tokens);
}
BENCHMARK(BM_Tag)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
