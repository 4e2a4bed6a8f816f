// Tests for src/pipeline: the analyzer and the ordered parallel runner.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/analyzer.h"
#include "pipeline/ordered_runner.h"

namespace claimtrace {
namespace {

struct NumBatch {
  int value = 0;
  int result = 0;
};

TEST(OrderedRunner, OutputKeepsInputOrderUnderUnevenWork) {
  for (size_t threads : {1u, 2u, 4u, 8u}) {
    int next = 0;
    std::vector<int> written;
    std::atomic<int> in_flight{0}, max_in_flight{0};
    uint64_t batches = run_ordered<NumBatch>(
        threads,
        [&](NumBatch& b) {
          if (next == 200) return false;
          b.value = next++;
          return true;
        },
        [&](NumBatch& b) {
          int now = ++in_flight;
          int seen = max_in_flight.load();
          while (now > seen && !max_in_flight.compare_exchange_weak(seen, now)) {
          }
          // Later batches finish first often: odd values sleep.
          if (b.value % 3 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
          b.result = b.value * 2;
          --in_flight;
        },
        [&](NumBatch& b) { written.push_back(b.result); });
    EXPECT_EQ(batches, 200u);
    ASSERT_EQ(written.size(), 200u);
    for (int i = 0; i < 200; ++i) EXPECT_EQ(written[i], 2 * i);
    EXPECT_LE(max_in_flight.load(), static_cast<int>(threads));  // bounded memory
  }
}

TEST(OrderedRunner, EmptyInput) {
  uint64_t n = run_ordered<NumBatch>(
      3, [](NumBatch&) { return false; }, [](NumBatch&) {}, [](NumBatch&) { FAIL(); });
  EXPECT_EQ(n, 0u);
}

TEST(Analyzer, FillsSentencesAndTokens) {
  Analyzer analyzer;
  Document doc;
  doc.text = "Officials met. They agreed.";
  analyzer.analyze(doc);
  EXPECT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.tokens.size(), 6u);
  // Reusing the document for another article starts from clean layers.
  doc.text = "One.";
  doc.clear_layers();
  analyzer.analyze(doc);
  EXPECT_EQ(doc.sentences.size(), 1u);
}

}  // namespace
}  // namespace claimtrace
