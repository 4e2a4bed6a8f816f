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

// Normalizes a date string to YYYY-MM-DD when it starts with one (ISO 8601
// timestamps included); returns "" when the form is not recognised.
std::string normalize_published(std::string_view s);

}  // namespace claimtrace
