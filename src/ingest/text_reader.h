#pragma once
// Plain-text articles: the whole file is the body, verbatim. Its first
// non-empty line is also recorded as the title unless `use_title` is false.
#include <string>

#include "ingest/record.h"

namespace claimtrace {

// Reads `path` ("-" = stdin). Returns false with `error` naming the file and
// reason (unreadable, or invalid UTF-8 with the byte offset).
bool read_text_article(const std::string& path, bool use_title, InputRecord& rec,
                       std::string& error);

}  // namespace claimtrace
