#pragma once
// One saved web page as an article record: the main text and metadata
// extracted by html::extract_article.
#include <string>

#include "ingest/record.h"

namespace claimtrace {

// Reads `path` ("-" = stdin; gzip or zstd decompressed) and extracts the
// article. `url` is where the page came from, if known (dates in URLs).
// Returns false with `error` naming the file and the reason (unreadable,
// not HTML, no article text).
bool read_html_page(const std::string& path, const std::string& url, bool use_title,
                    InputRecord& rec, std::string& error);

}  // namespace claimtrace
