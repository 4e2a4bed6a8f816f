#include "ingest/html/dates.h"

#include <array>
#include <cctype>
#include <cstdio>

namespace claimtrace::html {

namespace {

bool digit(char c) {
  return c >= '0' && c <= '9';
}

bool valid(int y, int m, int d) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return y >= 1990 && y <= 2035 && m >= 1 && m <= 12 && d >= 1 && d <= kDays[m - 1];
}

std::string format(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// Reads exactly `n` digits at s[i]; -1 when they are not all digits.
int read_digits(std::string_view s, size_t i, size_t n) {
  if (i + n > s.size()) return -1;
  int v = 0;
  for (size_t k = 0; k < n; ++k) {
    if (!digit(s[i + k])) return -1;
    v = v * 10 + (s[i + k] - '0');
  }
  return v;
}

// Reads 1 or 2 digits at s[i]; sets `len`.
int read_day(std::string_view s, size_t i, size_t& len) {
  len = 0;
  if (i >= s.size() || !digit(s[i])) return -1;
  int v = s[i] - '0';
  len = 1;
  if (i + 1 < s.size() && digit(s[i + 1])) {
    v = v * 10 + (s[i + 1] - '0');
    len = 2;
  }
  if (i + len < s.size() && digit(s[i + len])) return -1;
  return v;
}

struct MonthName {
  std::string_view name;  // lower-case, UTF-8
  int month;
};

// Full names and common abbreviations: English, German, French, Spanish,
// Italian, Portuguese, Dutch, the Scandinavian languages, and the genitive
// forms Polish and Russian use in dates ("17 maja 2024", "17 мая 2024").
constexpr MonthName kMonths[] = {
    {"january", 1},
    {"januar", 1},
    {"jänner", 1},
    {"janvier", 1},
    {"enero", 1},
    {"gennaio", 1},
    {"janeiro", 1},
    {"januari", 1},
    {"stycznia", 1},
    {"января", 1},
    {"jan", 1},
    {"february", 2},
    {"februar", 2},
    {"février", 2},
    {"febrero", 2},
    {"febbraio", 2},
    {"fevereiro", 2},
    {"februari", 2},
    {"lutego", 2},
    {"февраля", 2},
    {"feb", 2},
    {"march", 3},
    {"märz", 3},
    {"mars", 3},
    {"marzo", 3},
    {"março", 3},
    {"maart", 3},
    {"marca", 3},
    {"марта", 3},
    {"mar", 3},
    {"april", 4},
    {"avril", 4},
    {"abril", 4},
    {"aprile", 4},
    {"kwietnia", 4},
    {"апреля", 4},
    {"apr", 4},
    {"may", 5},
    {"mai", 5},
    {"mayo", 5},
    {"maggio", 5},
    {"maio", 5},
    {"mei", 5},
    {"maj", 5},
    {"maja", 5},
    {"мая", 5},
    {"june", 6},
    {"juni", 6},
    {"juin", 6},
    {"junio", 6},
    {"giugno", 6},
    {"junho", 6},
    {"czerwca", 6},
    {"июня", 6},
    {"jun", 6},
    {"july", 7},
    {"juli", 7},
    {"juillet", 7},
    {"julio", 7},
    {"luglio", 7},
    {"julho", 7},
    {"lipca", 7},
    {"июля", 7},
    {"jul", 7},
    {"august", 8},
    {"août", 8},
    {"agosto", 8},
    {"augustus", 8},
    {"augusti", 8},
    {"sierpnia", 8},
    {"августа", 8},
    {"aug", 8},
    {"september", 9},
    {"septembre", 9},
    {"septiembre", 9},
    {"settembre", 9},
    {"setembro", 9},
    {"września", 9},
    {"сентября", 9},
    {"sept", 9},
    {"sep", 9},
    {"october", 10},
    {"oktober", 10},
    {"octobre", 10},
    {"octubre", 10},
    {"ottobre", 10},
    {"outubro", 10},
    {"października", 10},
    {"октября", 10},
    {"oct", 10},
    {"okt", 10},
    {"november", 11},
    {"novembre", 11},
    {"noviembre", 11},
    {"novembro", 11},
    {"listopada", 11},
    {"ноября", 11},
    {"nov", 11},
    {"december", 12},
    {"dezember", 12},
    {"décembre", 12},
    {"diciembre", 12},
    {"dicembre", 12},
    {"dezembro", 12},
    {"grudnia", 12},
    {"декабря", 12},
    {"dec", 12},
    {"dez", 12},
    // Turkish; Indonesian and Malay where they differ from Dutch.
    {"ocak", 1},
    {"şubat", 2},
    {"Şubat", 2},
    {"mart", 3},
    {"nisan", 4},
    {"mayıs", 5},
    {"haziran", 6},
    {"temmuz", 7},
    {"ağustos", 8},
    {"eylül", 9},
    {"ekim", 10},
    {"kasım", 11},
    {"aralık", 12},
    {"pebruari", 2},
    {"maret", 3},
    {"agustus", 8},
    {"desember", 12},
    // Arabic: the names Egypt and the Gulf use (with and without hamza) and
    // the one-word Levantine names (كانون/تشرين take two words and are left out).
    {"يناير", 1},
    {"فبراير", 2},
    {"مارس", 3},
    {"أبريل", 4},
    {"ابريل", 4},
    {"إبريل", 4},
    {"مايو", 5},
    {"يونيو", 6},
    {"يونيه", 6},
    {"يوليو", 7},
    {"يوليه", 7},
    {"أغسطس", 8},
    {"اغسطس", 8},
    {"سبتمبر", 9},
    {"أكتوبر", 10},
    {"اكتوبر", 10},
    {"نوفمبر", 11},
    {"ديسمبر", 12},
    {"شباط", 2},
    {"آذار", 3},
    {"نيسان", 4},
    {"أيار", 5},
    {"حزيران", 6},
    {"تموز", 7},
    {"آب", 8},
    {"أيلول", 9},
};

bool alpha_byte(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
}

// Length of a non-ASCII separator at s[i]: no-break space (C2 A0), the
// spaces, dashes and quotes of U+2000..U+203F (E2 80 xx), the Arabic comma
// (D8 8C); 0 otherwise. Their bytes are not letters, although alpha_byte
// cannot tell.
size_t separator_at(std::string_view s, size_t i) {
  if (i + 1 < s.size() && s[i] == '\xC2' && s[i + 1] == '\xA0') return 2;
  if (i + 1 < s.size() && s[i] == '\xD8' && s[i + 1] == '\x8C') return 2;
  if (i + 2 < s.size() && s[i] == '\xE2' && s[i + 1] == '\x80' &&
      static_cast<unsigned char>(s[i + 2]) <= 0xBF)
    return 3;
  return 0;
}

// Whether s[i] starts a word: the byte before is neither a digit nor part of
// a letter (a multi-byte separator ending at i counts as a space).
bool word_start(std::string_view s, size_t i) {
  if (i == 0) return true;
  if (!digit(s[i - 1]) && !alpha_byte(s[i - 1])) return true;
  return (i >= 2 && separator_at(s, i - 2) == 2) || (i >= 3 && separator_at(s, i - 3) == 3);
}

// Matches a month name at s[i] (case-insensitive, whole word, optional
// trailing '.'); returns the month and sets `len`, or 0.
int read_month(std::string_view s, size_t i, size_t& len) {
  if (!word_start(s, i)) return 0;
  size_t e = i;
  while (e < s.size() && alpha_byte(s[e]) && !separator_at(s, e) && e - i < 24) ++e;
  if (e == i) return 0;
  char lowered[24];  // the loop above stops at 24 bytes
  for (size_t k = i; k < e; ++k)
    lowered[k - i] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[k])));
  std::string_view word(lowered, e - i);
  // Upper-case non-ASCII letters of the names above (Ä, É, Û) are rare in dates.
  for (const MonthName& m : kMonths) {
    if (word == m.name) {
      len = e - i;
      if (e < s.size() && s[e] == '.') ++len;
      return m.month;
    }
  }
  return 0;
}

size_t skip_space(std::string_view s, size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == ',' ||
                          static_cast<unsigned char>(s[i]) == 0xA0))
    ++i;
  // UTF-8 no-break, thin and narrow spaces (C2 A0, E2 80 80..8A, E2 80 AF).
  if (size_t n = separator_at(s, i);
      n == 2 || (n == 3 && (static_cast<unsigned char>(s[i + 2]) <= 0x8A ||
                            static_cast<unsigned char>(s[i + 2]) == 0xAF)))
    return skip_space(s, i + n);
  return i;
}

// A numeric or named date starting at s[i]; "" if none.
std::string date_at(std::string_view s, size_t i) {
  if (i > 0 && (digit(s[i - 1]) || std::isalpha(static_cast<unsigned char>(s[i - 1])))) {
    // Must start a token.
    if (digit(s[i])) return "";
  }
  if (digit(s[i])) {
    // YYYY-MM-DD / YYYY/MM/DD / YYYY.MM.DD
    int y = read_digits(s, i, 4);
    if (y > 0 && i + 4 < s.size() && (s[i + 4] == '-' || s[i + 4] == '/' || s[i + 4] == '.')) {
      char sep = s[i + 4];
      size_t ml;
      int m = read_day(s, i + 5, ml);
      if (m > 0 && i + 5 + ml < s.size() && s[i + 5 + ml] == sep) {
        size_t dl;
        int d = read_day(s, i + 6 + ml, dl);
        if (valid(y, m, d)) return format(y, m, d);
      }
      return "";
    }
    // "2024年5月17日" (Chinese, Japanese) and "2024년 5월 17일" (Korean).
    if (y > 0) {
      static constexpr std::string_view kYear[] = {"\u5E74", "\uB144"};
      static constexpr std::string_view kMonth[] = {"\u6708", "\uC6D4"};
      for (size_t script = 0; script < 2; ++script) {
        if (s.substr(i + 4, kYear[script].size()) != kYear[script]) continue;
        size_t j = skip_space(s, i + 4 + kYear[script].size());
        size_t ml, dl;
        int m = read_day(s, j, ml);
        if (m <= 0 || s.substr(j + ml, kMonth[script].size()) != kMonth[script]) return "";
        j = skip_space(s, j + ml + kMonth[script].size());
        int d = read_day(s, j, dl);
        if (valid(y, m, d)) return format(y, m, d);
        return "";
      }
    }
    // D.M.YYYY, D/M/YYYY (day first), "17. Mai 2024", "17 May 2024"
    size_t dl;
    int d = read_day(s, i, dl);
    if (d <= 0) return "";
    size_t j = i + dl;
    // "4. 2. 2022": dots followed by (thin) spaces, as German typesetting has it.
    if (j < s.size() && s[j] == '.' && skip_space(s, j + 1) > j + 1) {
      size_t ms = skip_space(s, j + 1), ml;
      int m = read_day(s, ms, ml);
      if (m > 0 && ms + ml < s.size() && s[ms + ml] == '.') {
        size_t ys = skip_space(s, ms + ml + 1);
        int yy = read_digits(s, ys, 4);
        if (yy > 0 && !(ys + 4 < s.size() && digit(s[ys + 4])) && valid(yy, m, d))
          return format(yy, m, d);
      }
    }
    if (j < s.size() && (s[j] == '.' || s[j] == '/' || s[j] == '-') && j + 1 < s.size() &&
        digit(s[j + 1])) {
      char sep = s[j];
      size_t ml;
      int m = read_day(s, j + 1, ml);
      size_t k = j + 1 + ml;
      if (m > 0 && k < s.size() && s[k] == sep) {
        int yy = read_digits(s, k + 1, 4);
        // "28.09.1912:44": a two-digit year glued to the time of day (the
        // page had them in two elements), not the year 1912.
        const bool time_glued = k + 7 < s.size() && s[k + 5] == ':' && digit(s[k + 6]) &&
                                digit(s[k + 7]) && !(k + 8 < s.size() && digit(s[k + 8]));
        if (yy > 0 && !time_glued && !(k + 5 < s.size() && digit(s[k + 5]))) {
          if (sep == '/' && m <= 12 && d <= 12) {
            // Ambiguous D/M vs M/D: slashes are mostly US order.
            if (valid(yy, d, m)) return format(yy, d, m);
          }
          if (valid(yy, m, d)) return format(yy, m, d);
          if (valid(yy, d, m)) return format(yy, d, m);
        }
        // "31.10.23": a two-digit year after dots (German, Russian, Polish
        // datelines); not "1.2.3.4" version numbers.
        int y2 = read_digits(s, k + 1, 2);
        bool ends = time_glued || k + 3 >= s.size() ||
                    (!digit(s[k + 3]) && !(s[k + 3] == '.' && k + 4 < s.size() && digit(s[k + 4])));
        if (sep == '.' && y2 >= 0 && ends) {
          int year = y2 < 90 ? 2000 + y2 : 1900 + y2;
          if (valid(year, m, d)) return format(year, m, d);
        }
      }
      return "";
    }
    if (j < s.size() && s[j] == '.') ++j;
    if (j < s.size() && (s[j] == 's' || s[j] == 'n' || s[j] == 'r' || s[j] == 't') &&
        j + 1 < s.size() && std::isalpha(static_cast<unsigned char>(s[j + 1])) &&
        !std::isalpha(static_cast<unsigned char>(j + 2 < s.size() ? s[j + 2] : ' ')))
      j += 2;  // 1st, 2nd, 3rd, 17th
    j = skip_space(s, j);
    if (j < s.size() && s.substr(j, 3) == "de ") j += 3;  // "17 de mayo de 2024"
    size_t ml;
    int m = read_month(s, j, ml);
    if (!m) return "";
    j = skip_space(s, j + ml);
    // "24 نيسان / أبريل 2020": Levantine papers give the month's Syriac and
    // Egyptian names together.
    if (j < s.size() && s[j] == '/') {
      size_t k = skip_space(s, j + 1), kl;
      if (read_month(s, k, kl) == m) j = skip_space(s, k + kl);
    }
    if (j < s.size() && s.substr(j, 3) == "de ") j += 3;
    int year = read_digits(s, j, 4);
    if (year > 0 && !(j + 4 < s.size() && digit(s[j + 4])) && valid(year, m, d))
      return format(year, m, d);
    return "";
  }
  // "May 17, 2024"
  size_t ml;
  int m = read_month(s, i, ml);
  if (!m) return "";
  size_t j = skip_space(s, i + ml);
  size_t dl;
  int d = read_day(s, j, dl);
  if (d <= 0) {
    // "Feb 182009": day and year glued together (two elements on the page).
    size_t run = 0;
    while (j + run < s.size() && digit(s[j + run])) ++run;
    if (run != 5 && run != 6) return "";
    int glued_day = read_digits(s, j, run - 4), glued_year = read_digits(s, j + run - 4, 4);
    return valid(glued_year, m, glued_day) ? format(glued_year, m, glued_day) : "";
  }
  j += dl;
  if (j + 1 < s.size() && std::isalpha(static_cast<unsigned char>(s[j])) &&
      std::isalpha(static_cast<unsigned char>(s[j + 1])))
    j += 2;
  j = skip_space(s, j);
  int y = read_digits(s, j, 4);
  if (y > 0 && !(j + 4 < s.size() && digit(s[j + 4])) && valid(y, m, d)) return format(y, m, d);
  return "";
}

}  // namespace

std::string parse_date(std::string_view s) {
  size_t b = 0;
  while (b < s.size() && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  s.remove_prefix(b);
  // Compact ISO: 20240517 or 20240517T...
  int y = read_digits(s, 0, 4);
  if (y > 0 && s.size() >= 8 && !(s.size() > 4 && (s[4] == '-' || s[4] == '/' || s[4] == '.'))) {
    int m = read_digits(s, 4, 2), d = read_digits(s, 6, 2);
    if (m > 0 && d > 0 && (s.size() == 8 || !digit(s[8])) && valid(y, m, d)) return format(y, m, d);
  }
  return find_text_date(s);
}

std::string date_from_url(std::string_view url) {
  // Skip scheme and host.
  size_t p = url.find("://");
  p = p == std::string_view::npos ? 0 : url.find('/', p + 3);
  if (p == std::string_view::npos) return "";
  std::string_view path = url.substr(p);
  for (size_t i = 0; i + 8 <= path.size(); ++i) {
    if (i > 0 && digit(path[i - 1])) continue;
    if (path[i] != '1' && path[i] != '2') continue;
    int y = read_digits(path, i, 4);
    if (y <= 0 || i + 4 >= path.size()) continue;
    char sep = path[i + 4];
    if (sep == '/') {
      // /2024/05/17/ and /2024/5/7/ (some engines do not pad).
      size_t ml, dl;
      int m = read_day(path, i + 5, ml);
      if (m > 0 && i + 5 + ml < path.size() && path[i + 5 + ml] == '/') {
        size_t at = i + 6 + ml;
        int d = read_day(path, at, dl);
        if (d > 0 && valid(y, m, d) && (dl == 2 || at + dl == path.size() || path[at + dl] == '/'))
          return format(y, m, d);
      }
    } else if (sep == '-' || sep == '_') {
      int m = read_digits(path, i + 5, 2);
      if (m > 0 && i + 7 < path.size() && path[i + 7] == sep) {
        int d = read_digits(path, i + 8, 2);
        if (d > 0 && !(i + 10 < path.size() && digit(path[i + 10])) && valid(y, m, d))
          return format(y, m, d);
      }
    } else if (digit(sep)) {
      int m = read_digits(path, i + 4, 2), d = read_digits(path, i + 6, 2);
      if (m > 0 && d > 0 && !(i + 8 < path.size() && digit(path[i + 8])) && valid(y, m, d))
        return format(y, m, d);
    }
  }
  return "";
}

std::string find_text_date(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (!digit(c) && !alpha_byte(c)) continue;
    if (!word_start(text, i)) continue;  // token starts only
    std::string d = date_at(text, i);
    if (!d.empty()) return d;
  }
  return "";
}

long day_number(std::string_view d) {
  if (d.size() < 10) return 0;
  int y = read_digits(d, 0, 4), m = read_digits(d, 5, 2), day = read_digits(d, 8, 2);
  if (y < 0 || m < 1 || day < 1) return 0;
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string day_string(long days) {
  const long z = days + 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2));
  return format(y, m, d);
}

bool parse_stamp(std::string_view s, Stamp& out) {
  out.day = parse_date(s);
  if (out.day.empty()) return false;
  // The time of day: the first "H:MM" or "HH:MM" after the year.
  size_t year_at = s.find(out.day.substr(0, 4));
  if (year_at == std::string_view::npos) return false;
  size_t c = s.find(':', year_at + 4);
  while (c != std::string_view::npos &&
         !(c >= 1 && digit(s[c - 1]) && c + 2 < s.size() && digit(s[c + 1]) && digit(s[c + 2])))
    c = s.find(':', c + 1);
  if (c == std::string_view::npos) return false;
  int h = s[c - 1] - '0';
  if (c >= 2 && digit(s[c - 2])) h += 10 * (s[c - 2] - '0');
  int minute = (s[c + 1] - '0') * 10 + (s[c + 2] - '0');
  if (h > 23 || minute > 59) return false;
  size_t i = c + 3;
  if (i + 2 < s.size() && s[i] == ':' && digit(s[i + 1]) && digit(s[i + 2])) i += 3;  // seconds
  if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
    ++i;
    while (i < s.size() && digit(s[i])) ++i;  // fraction
  }
  while (i < s.size() && s[i] == ' ') ++i;
  int offset = 0;
  bool zone = false;
  if (i < s.size() && s[i] == 'Z') {
    zone = true;
  } else {
    if (s.substr(i, 3) == "GMT" || s.substr(i, 3) == "UTC") {
      zone = true;
      i += 3;
    }
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      int oh = read_digits(s, i + 1, 2);
      size_t mi = i + 3 + (i + 3 < s.size() && s[i + 3] == ':');
      int om = read_digits(s, mi, 2);
      if (oh >= 0 && oh <= 14 && om >= 0 && om < 60) {
        offset = (s[i] == '-' ? -1 : 1) * (oh * 60 + om);
        zone = true;
      }
    }
  }
  if (!zone) return false;
  out.offset_minutes = offset;
  out.utc_minute = day_number(out.day) * 1440 + h * 60 + minute - offset;
  return true;
}

long shown_minute(std::string_view s) {
  std::string day = find_text_date(s);
  if (day.empty()) return -1;
  for (size_t c = s.find(':'); c != std::string_view::npos; c = s.find(':', c + 1)) {
    if (c < 1 || !digit(s[c - 1]) || c + 2 >= s.size() || !digit(s[c + 1]) || !digit(s[c + 2]))
      continue;
    if (c + 3 < s.size() && digit(s[c + 3])) continue;
    int h = s[c - 1] - '0';
    if (c >= 2 && digit(s[c - 2])) h += 10 * (s[c - 2] - '0');
    if (c >= 3 && digit(s[c - 3])) continue;  // "2024:05", not a time of day
    int minute = (s[c + 1] - '0') * 10 + (s[c + 2] - '0');
    if (h > 23 || minute > 59) return -1;
    // A 12-hour clock: "10:04 PM", "10:04 p.m.".
    size_t i = c + 3;
    if (i + 2 < s.size() && s[i] == ':' && digit(s[i + 1]) && digit(s[i + 2])) i += 3;
    while (i < s.size() && s[i] == ' ') ++i;
    if (i < s.size() && h <= 12) {
      char ap = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
      size_t m = i + 1 + (i + 1 < s.size() && s[i + 1] == '.');
      bool marker = (ap == 'a' || ap == 'p') && m < s.size() &&
                    std::tolower(static_cast<unsigned char>(s[m])) == 'm' &&
                    (m + 1 == s.size() || !std::isalpha(static_cast<unsigned char>(s[m + 1])));
      if (marker) h = (h % 12) + (ap == 'p' ? 12 : 0);
    }
    return day_number(day) * 1440 + h * 60 + minute;
  }
  return -1;
}

}  // namespace claimtrace::html
