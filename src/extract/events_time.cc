#include "extract/events_time.h"

#include <chrono>
#include <cstdlib>

namespace claimtrace::extract::events {

namespace {

namespace chr = std::chrono;

bool make_date(int y, int m, int d, Days& out) {
  chr::year_month_day ymd{chr::year{y}, chr::month{static_cast<unsigned>(m)},
                          chr::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return false;
  out = static_cast<Days>(chr::sys_days(ymd).time_since_epoch().count());
  return true;
}

chr::year_month_day ymd_of(Days d) {
  return chr::year_month_day{chr::sys_days{chr::days{d}}};
}

// 0 = Monday .. 6 = Sunday.
int weekday_of(Days d) {
  return static_cast<int>(chr::weekday{chr::sys_days{chr::days{d}}}.iso_encoding()) - 1;
}

Days month_start(int y, int m) {
  Days d = 0;
  make_date(y, m, 1, d);
  return d;
}

Days month_end(int y, int m) {
  return m == 12 ? month_start(y + 1, 1) - 1 : month_start(y, m + 1) - 1;
}

int month_of(std::string_view w) {
  static constexpr std::string_view kFull[] = {"january",   "february", "march",    "april",
                                               "may",       "june",     "july",     "august",
                                               "september", "october",  "november", "december"};
  static constexpr std::string_view kShort[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                "jul", "aug", "sep", "oct", "nov", "dec"};
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  for (int m = 0; m < 12; ++m)
    if (w == kFull[m] || w == kShort[m]) return m + 1;
  if (w == "sept") return 9;
  return 0;
}

int weekday_named(std::string_view w) {
  static constexpr std::string_view kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                               "friday", "saturday", "sunday"};
  for (int k = 0; k < 7; ++k)
    if (w == kDays[k]) return k;
  return -1;
}

// 1..31 from "15", "15th", "1st"; 0 if not a day of the month.
int day_number(std::string_view w) {
  size_t n = 0;
  while (n < w.size() && w[n] >= '0' && w[n] <= '9') ++n;
  if (n == 0 || n > 2) return 0;
  std::string_view suffix = w.substr(n);
  if (!(suffix.empty() || suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th"))
    return 0;
  int d = std::atoi(std::string(w.substr(0, n)).c_str());
  return d >= 1 && d <= 31 ? d : 0;
}

int year_number(std::string_view w) {
  if (w.size() != 4) return 0;
  for (char c : w)
    if (c < '0' || c > '9') return 0;
  int y = std::atoi(std::string(w).c_str());
  return y >= 1900 && y <= 2100 ? y : 0;
}

int count_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {"a",   "one",   "two",   "three", "four", "five",
                                                "six", "seven", "eight", "nine",  "ten"};
  for (int k = 0; k < 11; ++k)
    if (w == kWords[k]) return k == 0 ? 1 : k;
  int d = day_number(w);
  return d > 0 && w.find_first_not_of("0123456789") == std::string_view::npos ? d : 0;
}

class Reader {
 public:
  Reader(const Document& doc, uint32_t begin, uint32_t end, bool has_pub, Days pub)
      : doc_(doc), begin_(begin), end_(end), has_pub_(has_pub), pub_(pub) {}

  void run(std::vector<TimeExpr>& out) {
    for (uint32_t t = begin_; t < end_;) {
      TimeExpr x;
      if (read_at(t, x)) {
        x.token_begin = t;
        x.span = {doc_.tokens[t].span.begin, doc_.tokens[x.token_end - 1].span.end};
        out.push_back(x);
        t = x.token_end;
      } else {
        ++t;
      }
    }
  }

 private:
  std::string_view norm(uint32_t t) const { return t < end_ ? doc_.norm(doc_.tokens[t]) : ""; }
  bool capitalized(uint32_t t) const { return t < end_ && doc_.tokens[t].has(kTokenCapitalized); }

  // A month name that is not the verb "march" or the modal "may": capitalised,
  // or an abbreviation with its period.
  int month_at(uint32_t t) const {
    if (t >= end_) return 0;
    int m = month_of(norm(t));
    if (m == 0) return 0;
    if (!capitalized(t) && doc_.tokens[t].kind != TokenKind::kAbbreviation) return 0;
    return m;
  }

  void set(TimeExpr& x, Days a, Days b, std::string_view rule) const {
    x.resolved = true;
    x.start = a;
    x.end = b;
    x.rule = rule;
  }

  // The year that puts month/day closest to the published date.
  bool closest_year(int m, int d, Days& out) const {
    if (!has_pub_) return false;
    int y = static_cast<int>(ymd_of(pub_).year());
    bool found = false;
    for (int cand = y - 1; cand <= y + 1; ++cand) {
      Days v = 0;
      if (!make_date(cand, m, d, v)) continue;
      if (!found || std::abs(v - pub_) < std::abs(out - pub_)) out = v;
      found = true;
    }
    return found;
  }

  bool read_at(uint32_t t, TimeExpr& x) const {
    std::string_view w = norm(t);
    // 2023-10-15
    if (w.size() == 10 && w[4] == '-' && w[7] == '-') {
      Days d = 0;
      if (!parse_iso_date(w, d)) return false;
      x.token_end = t + 1;
      set(x, d, d, "date");
      return true;
    }
    if (int d = day_number(w); d > 0 && doc_.tokens[t].kind == TokenKind::kNumber) {
      // 15 October (2023), 15th of March
      uint32_t k = t + 1;
      if (norm(k) == "of") ++k;
      if (int m = month_at(k); m > 0) return day_month(x, d, m, k + 1, "date");
      return false;
    }
    if (int m = month_at(t); m > 0) {
      // October 15(, 2023), October 2023, in October
      uint32_t k = t + 1;
      if (int d = day_number(norm(k));
          d > 0 && doc_.tokens[k].kind == TokenKind::kNumber && year_number(norm(k)) == 0)
        return day_month(x, d, m, k + 1, "date");
      if (int y = year_number(norm(k)); y > 0) {
        x.token_end = k + 1;
        set(x, month_start(y, m), month_end(y, m), "month");
        return true;
      }
      if (t > begin_ && (norm(t - 1) == "in" || norm(t - 1) == "since" || norm(t - 1) == "early" ||
                         norm(t - 1) == "late" || norm(t - 1) == "mid")) {
        x.token_end = t + 1;
        x.rule = "month";
        if (has_pub_) {
          int y = static_cast<int>(ymd_of(pub_).year());
          if (month_start(y, m) > pub_) --y;
          set(x, month_start(y, m), month_end(y, m), "month");
        }
        return true;
      }
      return false;
    }
    if (int y = year_number(w);
        y > 0 && t > begin_ && norm(t - 1) == "in" && doc_.tokens[t].kind == TokenKind::kNumber) {
      Days a = 0, b = 0;
      make_date(y, 1, 1, a);
      make_date(y, 12, 31, b);
      x.token_end = t + 1;
      set(x, a, b, "year");
      return true;
    }
    if (int wd = weekday_named(w); wd >= 0) {
      x.token_end = t + 1;
      if (in_day_part(norm(t + 1))) ++x.token_end;
      x.weekday = static_cast<int8_t>(wd);
      x.rule = "weekday";
      // "Monday, Oct. 16": the date that follows says it.
      uint32_t k = x.token_end;
      if (norm(k) == ",") ++k;
      TimeExpr dated;
      if (k < end_ && read_at(k, dated) && dated.rule == "date") {
        x.token_end = dated.token_end;
        x.weekday = -1;
        if (dated.resolved) set(x, dated.start, dated.end, "date");
        return true;
      }
      if (has_pub_) {
        int back = (weekday_of(pub_) - wd + 7) % 7;
        set(x, pub_ - back, pub_ - back, "weekday");
      }
      return true;
    }
    return relative(t, w, x);
  }

  static bool in_day_part(std::string_view w) {
    return w == "night" || w == "morning" || w == "afternoon" || w == "evening";
  }

  bool day_month(TimeExpr& x, int d, int m, uint32_t k, std::string_view rule) const {
    uint32_t after = k;
    if (norm(after) == ",") ++after;
    if (int y = year_number(norm(after)); y > 0) {
      Days v = 0;
      if (!make_date(y, m, d, v)) return false;
      x.token_end = after + 1;
      set(x, v, v, rule);
      return true;
    }
    x.token_end = k;
    x.rule = rule;
    Days v = 0;
    if (closest_year(m, d, v)) set(x, v, v, rule);
    return true;
  }

  // Words relative to the published date.
  bool relative(uint32_t t, std::string_view w, TimeExpr& x) const {
    auto day = [&](uint32_t n_tokens, int offset) {
      x.token_end = t + n_tokens;
      x.rule = "relative";
      if (has_pub_) set(x, pub_ + offset, pub_ + offset, "relative");
      return true;
    };
    if (w == "yesterday") return day(in_day_part(norm(t + 1)) ? 2 : 1, -1);
    if (w == "today" || w == "tonight") return day(1, 0);
    if (w == "tomorrow") return day(in_day_part(norm(t + 1)) ? 2 : 1, 1);
    std::string_view n1 = norm(t + 1);
    if (w == "this" && in_day_part(n1)) return day(2, 0);
    if (w == "last" && n1 == "night") return day(2, -1);
    if (w == "earlier" && norm(t + 1) == "this") return period(t, t + 2, 0, true, x);
    if (w == "last" || w == "this" || w == "next") {
      int dir = w == "last" ? -1 : w == "this" ? 0 : 1;
      if (int wd = weekday_named(n1); wd >= 0) {
        x.token_end = t + 2;
        x.rule = "weekday";
        if (has_pub_) {
          int pw = weekday_of(pub_);
          Days v = dir < 0   ? pub_ - ((pw - wd + 6) % 7 + 1)
                   : dir > 0 ? pub_ + ((wd - pw + 6) % 7 + 1)
                             : pub_ - pw + wd;
          set(x, v, v, "weekday");
        }
        return true;
      }
      return period(t, t + 1, dir, false, x);
    }
    // "three days ago", "two weeks ago"
    if (int n = count_word(w); n > 0 && norm(t + 2) == "ago") {
      int unit = (n1 == "day" || n1 == "days") ? 1 : (n1 == "week" || n1 == "weeks") ? 7 : 0;
      if (unit == 0) return false;
      return day(3, -n * unit);
    }
    return false;
  }

  // "last week", "this month", "next year", "earlier this month" (up to the
  // published date). `unit_at` is the token of the unit word.
  bool period(uint32_t t, uint32_t unit_at, int dir, bool up_to_pub, TimeExpr& x) const {
    std::string_view u = norm(unit_at);
    if (u != "week" && u != "weekend" && u != "month" && u != "year") return false;
    x.token_end = unit_at + 1;
    x.rule = "relative";
    if (!has_pub_) return true;
    (void)t;
    Days a = 0, b = 0;
    if (u == "week" || u == "weekend") {
      Days monday = pub_ - weekday_of(pub_) + 7 * dir;
      a = u == "week" ? monday : monday + 5;
      b = monday + 6;
    } else if (u == "month") {
      auto ymd = ymd_of(pub_);
      int y = static_cast<int>(ymd.year()),
          m = static_cast<int>(static_cast<unsigned>(ymd.month()));
      m += dir;
      if (m < 1) m += 12, --y;
      if (m > 12) m -= 12, ++y;
      a = month_start(y, m);
      b = month_end(y, m);
    } else {
      int y = static_cast<int>(ymd_of(pub_).year()) + dir;
      make_date(y, 1, 1, a);
      make_date(y, 12, 31, b);
    }
    if (up_to_pub && b > pub_) b = pub_;
    set(x, a, b, "relative");
    return true;
  }

  const Document& doc_;
  uint32_t begin_, end_;
  bool has_pub_;
  Days pub_;
};

}  // namespace

bool parse_iso_date(std::string_view s, Days& out) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  auto num = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  return make_date(num(0, 4), num(5, 2), num(8, 2), out);
}

std::string iso_date(Days d) {
  auto ymd = ymd_of(d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

void find_times(const Document& doc, uint32_t begin, uint32_t end, bool has_published,
                Days published, std::vector<TimeExpr>& out) {
  Reader(doc, begin, std::min<uint32_t>(end, static_cast<uint32_t>(doc.tokens.size())),
         has_published, published)
      .run(out);
}

TimeExpr resolve_future(const TimeExpr& t, Days published) {
  TimeExpr x = t;
  if (t.weekday >= 0) {
    Days v = published + (t.weekday - weekday_of(published) + 7) % 7;
    x.resolved = true;
    x.start = x.end = v;
  }
  return x;
}

}  // namespace claimtrace::extract::events
