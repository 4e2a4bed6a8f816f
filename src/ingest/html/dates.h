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

// Days since 1970-01-01 of a "YYYY-MM-DD" day (proleptic Gregorian).
long day_number(std::string_view ymd);

// The "YYYY-MM-DD" day of a day number (the inverse of day_number).
std::string day_string(long days);

// A moment written with its time of day and its UTC offset: ISO 8601
// ("2024-05-17T22:04:00Z", "...+02:00", "...+0200") or RFC 822 ("Sat, 18 May
// 2024 00:04:00 +0200", "... GMT").
struct Stamp {
  std::string day;         // the calendar day as written: local to `offset_minutes`
  long utc_minute = 0;     // minutes since 1970-01-01T00:00Z
  int offset_minutes = 0;  // 0 for Z, GMT, UTC, +00:00
};

// False when `s` has no date, no time of day or no explicit zone.
bool parse_stamp(std::string_view s, Stamp& out);

// A date and a time of day as a page shows them to its readers, on their
// clock ("19.10.2019, 05:00 Uhr", "May 17, 2024 at 10:04 PM"): minutes
// since 1970-01-01T00:00 of that clock, or -1 when either is missing.
long shown_minute(std::string_view s);

}  // namespace claimtrace::html
