#pragma once
// Time expressions for events: explicit dates ("15 October 2023", "Oct. 15",
// "2023-10-15", "in March 2022"), weekdays ("on Monday", "last Friday") and
// words relative to the article's published date ("yesterday", "last week",
// "three days ago"), resolved to a day or an inclusive range of days.
//
// No parser: expressions are read from the tokens of one sentence. A weekday
// or a date without a year needs the published date; without one it is
// found (its span is known) but left unresolved.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace claimtrace::extract::events {

// Days since 1970-01-01 (proleptic Gregorian).
using Days = int32_t;

bool parse_iso_date(std::string_view text, Days& out);
std::string iso_date(Days d);

struct TimeExpr {
  uint32_t token_begin = 0, token_end = 0;  // tokens, end exclusive
  Span span;
  bool resolved = false;
  Days start = 0, end = 0;  // inclusive; valid when resolved
  // A bare weekday ("on Monday") is resolved against the published date:
  // the last one on or before it, or for an event expected to happen the
  // next one on or after it (resolve_future()).
  int8_t weekday = -1;    // 0 = Monday .. 6 = Sunday when the expression is a bare weekday
  std::string_view rule;  // "date", "weekday", "relative", ... (static storage)
};

// Appends the time expressions in tokens [begin, end) to `out`. `published`
// is the article's date, or has_published = false when it has none.
void find_times(const Document& doc, uint32_t begin, uint32_t end, bool has_published,
                Days published, std::vector<TimeExpr>& out);

// The bare weekday of `t` read as the next one on or after the published date.
TimeExpr resolve_future(const TimeExpr& t, Days published);

}  // namespace claimtrace::extract::events
