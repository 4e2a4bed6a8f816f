#pragma once
// Publication dates as they appear in HTML: ISO 8601 and its relatives in
// metadata, dates inside URLs, and dates written out in running text
// ("17 May 2024", "May 17, 2024", "17. Mai 2024", "17.05.2024").
#include <string>
#include <string_view>

namespace claimtrace::html {

// Parses a machine-readable date (ISO 8601 "2024-05-17T10:00:00Z",
// "2024/05/17", "20240517", RFC 822 "Fri, 17 May 2024 ...") or, failing
// that, a human one. Returns "YYYY-MM-DD" or "" when no plausible date
// (years 1990..2035) is found.
std::string parse_date(std::string_view s);

// A date written as /2024/05/17/ or /2024-05-17 or /20240517/ in a URL path.
std::string date_from_url(std::string_view url);

// The first date written out in running text (numeric D.M.Y, or with an
// English, German, French or Spanish month name); "" if none.
std::string find_text_date(std::string_view text);

}  // namespace claimtrace::html
