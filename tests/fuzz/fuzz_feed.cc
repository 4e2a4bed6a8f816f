// Fuzz target: arbitrary bytes as an RSS/Atom feed through the feed parser
// and the item-body extraction. Checks for crashes and that a rejected input
// says why.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ingest/feed_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace claimtrace;
  Feed feed;
  std::string error;
  if (!parse_feed(std::string_view(reinterpret_cast<const char*>(data), size), feed, error)) {
    if (error.empty()) std::abort();
    return 0;
  }
  for (const FeedItem& item : feed.items) {
    std::string text = feed_item_text(item);
    if (text.size() > item.body_html.size() * 4 + 64) std::abort();
  }
  return 0;
}
