#include "ingest/jsonl_reader.h"

#include <simdjson.h>

#include <chrono>
#include <cstdio>
#include <vector>

#include "core/utf8.h"

namespace claimtrace {

struct JsonlParser::Impl {
  // The DOM API dispatches to the best SIMD kernel at run time (On-Demand
  // would be fixed to the compile-time target, i.e. the slow fallback).
  simdjson::dom::parser parser;
  std::string padded;  // line copy with simdjson's required padding
};

JsonlParser::JsonlParser() : impl_(new Impl) {}
JsonlParser::~JsonlParser() {
  delete impl_;
}

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Reads an optional string field; a JSON null counts as absent.
simdjson::error_code read_string(simdjson::dom::element v, std::string& out) {
  if (v.is_null()) {
    out.clear();
    return simdjson::SUCCESS;
  }
  std::string_view sv;
  auto err = v.get_string().get(sv);
  if (err) return err;
  out.assign(sv);
  return simdjson::SUCCESS;
}

}  // namespace

namespace {

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// "YYYY-MM-DD" of a calendar date, or "" when it does not exist.
std::string format_date(int year, int month, int day) {
  const std::chrono::year_month_day ymd{std::chrono::year(year),
                                        std::chrono::month(static_cast<unsigned>(month)),
                                        std::chrono::day(static_cast<unsigned>(day))};
  if (year < 1000 || year > 9999 || !ymd.ok()) return {};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

// The UTC date of a Unix time in seconds.
std::string date_from_epoch(int64_t seconds) {
  using namespace std::chrono;
  const year_month_day ymd{floor<days>(sys_seconds(std::chrono::seconds(seconds)))};
  return format_date(static_cast<int>(ymd.year()), static_cast<int>(unsigned(ymd.month())),
                     static_cast<int>(unsigned(ymd.day())));
}

// 1..12 for an English month name or its three-letter abbreviation (any
// case, "Sept" too); 0 otherwise.
int month_number(std::string_view word) {
  static constexpr std::string_view kMonths[] = {"january",   "february", "march",    "april",
                                                 "may",       "june",     "july",     "august",
                                                 "september", "october",  "november", "december"};
  if (word.size() < 3) return 0;
  std::string w;
  for (char c : word) w.push_back(lower(c));
  for (int m = 0; m < 12; ++m) {
    const std::string_view full = kMonths[m];
    if (w == full || w == full.substr(0, 3) || (m == 8 && w == "sept")) return m + 1;
  }
  return 0;
}

bool is_weekday(std::string_view word) {
  std::string w;
  for (char c : word) w.push_back(lower(c));
  for (std::string_view d : {"mon", "tue", "wed", "thu", "fri", "sat", "sun"})
    if (w.rfind(d, 0) == 0) return true;
  return false;
}

int to_int(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!is_digit(c)) return false;
  return true;
}

// The leading words and numbers of a date: letters and digits runs, split
// at spaces, commas, dashes, slashes and dots (so that "26-FEB-1987",
// "Tue, 05 Mar 2024" and "March 5, 2024" give three or four tokens).
std::vector<std::string_view> date_tokens(std::string_view s, size_t limit) {
  std::vector<std::string_view> tokens;
  size_t i = 0;
  while (i < s.size() && tokens.size() < limit) {
    while (i < s.size() && !is_digit(s[i]) && !is_alpha(s[i])) ++i;
    size_t b = i;
    if (i < s.size() && is_digit(s[i]))
      while (i < s.size() && is_digit(s[i])) ++i;
    else
      while (i < s.size() && is_alpha(s[i])) ++i;
    if (i > b) tokens.push_back(s.substr(b, i - b));
  }
  return tokens;
}

// "26-FEB-1987 15:01:01.79", "Tue, 05 Mar 2024 10:00:00 GMT", "5 March
// 2024", "March 5, 2024": day and month name in either order, then a
// four-digit year. The date is taken as written (no time-zone shift).
std::string parse_named_month_date(std::string_view s) {
  std::vector<std::string_view> t = date_tokens(s, 4);
  size_t i = 0;
  if (!t.empty() && is_alpha(t[0][0]) && !month_number(t[0]) && is_weekday(t[0])) i = 1;
  if (t.size() < i + 3) return {};
  int day = 0, month = 0;
  if (all_digits(t[i]) && t[i].size() <= 2 && (month = month_number(t[i + 1]))) {
    day = to_int(t[i]);
  } else if ((month = month_number(t[i])) && all_digits(t[i + 1]) && t[i + 1].size() <= 2) {
    day = to_int(t[i + 1]);
  } else {
    return {};
  }
  if (!all_digits(t[i + 2]) || t[i + 2].size() != 4) return {};
  return format_date(to_int(t[i + 2]), month, day);
}

}  // namespace

std::string normalize_published(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  // ISO 8601: the date as written, whatever the time and offset after it.
  if (s.size() >= 10 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3]) &&
      s[4] == '-' && is_digit(s[5]) && is_digit(s[6]) && s[7] == '-' && is_digit(s[8]) &&
      is_digit(s[9]) && (s.size() == 10 || s[10] == 'T' || s[10] == ' '))
    return format_date(to_int(s.substr(0, 4)), to_int(s.substr(5, 2)), to_int(s.substr(8, 2)));
  // Unix time: 9-10 digits are seconds (1973..2286), 12-13 milliseconds;
  // shorter numbers are too ambiguous (20240305 is not a time stamp).
  std::string_view whole = s;
  if (size_t dot = s.find('.'); dot != std::string_view::npos && all_digits(s.substr(dot + 1)))
    whole = s.substr(0, dot);
  if (all_digits(whole)) {
    if (whole.size() == 9 || whole.size() == 10)
      return date_from_epoch(std::stoll(std::string(whole)));
    if (whole.size() == 12 || whole.size() == 13)
      return date_from_epoch(std::stoll(std::string(whole)) / 1000);
    return {};
  }
  return parse_named_month_date(s);
}

bool JsonlParser::parse(std::string_view line, InputRecord& rec, std::string& error) {
  rec = InputRecord{};
  size_t bad = find_invalid_utf8(line);
  if (bad != std::string_view::npos) {
    error = "invalid UTF-8 at byte " + std::to_string(bad) + " of the line";
    // Recover the id for the error record from a sanitised copy.
    std::string copy(line);
    for (size_t i = find_invalid_utf8(copy); i != std::string_view::npos;
         i = find_invalid_utf8(copy))
      copy[i] = '?';
    InputRecord tmp;
    std::string ignored;
    if (parse(copy, tmp, ignored) || !tmp.id.empty()) rec.id = tmp.id;
    return false;
  }
  auto& padded = impl_->padded;
  padded.assign(line);
  padded.resize(line.size() + simdjson::SIMDJSON_PADDING, '\0');

  simdjson::dom::object obj;
  auto err = impl_->parser.parse(padded.data(), line.size(), false).get(obj);
  if (err) {
    error = err == simdjson::INCORRECT_TYPE
                ? std::string("not a JSON object")
                : std::string("malformed JSON: ") + simdjson::error_message(err);
    return false;
  }
  bool has_text = false;
  std::string date_fallback;
  for (auto [key, v] : obj) {
    if (key == "id") {
      // Ids may be numbers in some dumps; keep their JSON spelling.
      if (v.is_number())
        rec.id = simdjson::minify(v);
      else
        err = read_string(v, rec.id);
    } else if (key == "text") {
      err = read_string(v, rec.text);
      has_text = !err && !v.is_null();
    } else if (key == "title") {
      err = read_string(v, rec.title);
    } else if (key == "url") {
      err = read_string(v, rec.url);
    } else if (key == "outlet") {
      err = read_string(v, rec.outlet);
    } else if (key == "published") {
      if (v.is_number())
        rec.published = simdjson::minify(v);  // Unix time
      else
        err = read_string(v, rec.published);
    } else if (key == "date" || key == "published_at" || key == "publish_date" ||
               key == "pubDate" || key == "datePublished") {
      // Other dumps' names for the date; a number is Unix time, other
      // non-string values are ignored. The first one present is used.
      if (date_fallback.empty()) {
        if (v.is_number())
          date_fallback = simdjson::minify(v);
        else if (v.is_string())
          err = read_string(v, date_fallback);
      }
    }
    if (err) {
      error = "field \"" + std::string(key) + "\" must be a string";
      return false;
    }
  }
  if (!has_text) {
    error = "missing \"text\" field";
    return false;
  }
  rec.published = normalize_published(rec.published);
  if (rec.published.empty()) rec.published = normalize_published(date_fallback);
  return true;
}

}  // namespace claimtrace
