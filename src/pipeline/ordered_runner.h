#pragma once
// run_ordered: a bounded, ordered parallel map over batches.
//
// Each worker thread repeatedly (1) takes the next batch from `read` under a
// lock, (2) processes it without any lock, (3) waits for its turn and hands
// the result to `write` in input order. At most `threads` batches are in
// flight, so memory stays flat whatever the input size, and output order
// equals input order regardless of thread timing (DESIGN §6).
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace claimtrace {

// Read(Batch&) -> bool: fills the batch; false when input is exhausted.
// Process(Batch&): pure per-batch work, runs concurrently on different batches.
// Write(Batch&): consumes results in input order, one at a time.
// Returns the number of batches processed.
template <typename Batch, typename Read, typename Process, typename Write>
uint64_t run_ordered(size_t threads, Read&& read, Process&& process, Write&& write) {
  if (threads == 0) threads = 1;
  std::mutex read_mutex;
  std::mutex write_mutex;
  std::condition_variable turn;
  uint64_t next_read = 0;   // sequence number of the next batch read
  uint64_t next_write = 0;  // sequence number whose turn it is to write
  bool input_done = false;

  auto worker = [&] {
    Batch batch;  // reused across batches: buffers keep their capacity
    for (;;) {
      uint64_t seq;
      {
        std::lock_guard<std::mutex> lock(read_mutex);
        if (input_done || !read(batch)) {
          input_done = true;
          break;
        }
        seq = next_read++;
      }
      process(batch);
      std::unique_lock<std::mutex> lock(write_mutex);
      turn.wait(lock, [&] { return next_write == seq; });
      write(batch);
      ++next_write;
      turn.notify_all();
    }
  };

  if (threads == 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    pool.reserve(threads);
    for (size_t i = 0; i < threads; ++i) pool.emplace_back(worker);
    for (auto& t : pool) t.join();
  }
  return next_read;
}

}  // namespace claimtrace
