#pragma once
// JSONL records (CONTRACT.md): {"id", "text", "title"?, "url"?,
// "published"?, "outlet"?} per line. Unknown fields are ignored; "date" is
// read as a fallback for "published". Parsing uses simdjson On-Demand.
#include <string>
#include <string_view>

#include "ingest/record.h"

namespace claimtrace {

class JsonlParser {
 public:
  JsonlParser();
  ~JsonlParser();
  JsonlParser(const JsonlParser&) = delete;
  JsonlParser& operator=(const JsonlParser&) = delete;

  // Parses one line. On failure returns false, sets `error` to a reason, and
  // fills rec.id when the id could still be recovered (so the error record
  // can name it).
  bool parse(std::string_view line, InputRecord& rec, std::string& error);

 private:
  struct Impl;
  Impl* impl_;
};

// Normalizes a publication date to YYYY-MM-DD: ISO 8601 (with time and
// offset; the date as written), RFC 2822 ("Tue, 05 Mar 2024 10:00:00 GMT"),
// wire style ("26-FEB-1987 15:01:01.79"), "March 5, 2024", "5 March 2024",
// and Unix time (9-10 digits: seconds, 12-13: milliseconds; UTC date).
// Returns "" when the form is not recognised or the date does not exist.
std::string normalize_published(std::string_view s);

}  // namespace claimtrace
