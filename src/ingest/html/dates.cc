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
    {"january", 1},   {"januar", 1},     {"jänner", 1},     {"janvier", 1},
    {"enero", 1},     {"gennaio", 1},    {"janeiro", 1},    {"januari", 1},
    {"stycznia", 1},  {"января", 1},     {"jan", 1},        {"february", 2},
    {"februar", 2},   {"février", 2},    {"febrero", 2},    {"febbraio", 2},
    {"fevereiro", 2}, {"februari", 2},   {"lutego", 2},     {"февраля", 2},
    {"feb", 2},       {"march", 3},      {"märz", 3},       {"mars", 3},
    {"marzo", 3},     {"março", 3},      {"maart", 3},      {"marca", 3},
    {"марта", 3},     {"mar", 3},        {"april", 4},      {"avril", 4},
    {"abril", 4},     {"aprile", 4},     {"kwietnia", 4},   {"апреля", 4},
    {"apr", 4},       {"may", 5},        {"mai", 5},        {"mayo", 5},
    {"maggio", 5},    {"maio", 5},       {"mei", 5},        {"maj", 5},
    {"maja", 5},      {"мая", 5},        {"june", 6},       {"juni", 6},
    {"juin", 6},      {"junio", 6},      {"giugno", 6},     {"junho", 6},
    {"czerwca", 6},   {"июня", 6},       {"jun", 6},        {"july", 7},
    {"juli", 7},      {"juillet", 7},    {"julio", 7},      {"luglio", 7},
    {"julho", 7},     {"lipca", 7},      {"июля", 7},       {"jul", 7},
    {"august", 8},    {"août", 8},       {"agosto", 8},     {"augustus", 8},
    {"augusti", 8},   {"sierpnia", 8},   {"августа", 8},    {"aug", 8},
    {"september", 9}, {"septembre", 9},  {"septiembre", 9}, {"settembre", 9},
    {"setembro", 9},  {"września", 9},   {"сентября", 9},   {"sept", 9},
    {"sep", 9},       {"october", 10},   {"oktober", 10},   {"octobre", 10},
    {"octubre", 10},  {"ottobre", 10},   {"outubro", 10},   {"października", 10},
    {"октября", 10},  {"oct", 10},       {"okt", 10},       {"november", 11},
    {"novembre", 11}, {"noviembre", 11}, {"novembro", 11},  {"listopada", 11},
    {"ноября", 11},   {"nov", 11},       {"december", 12},  {"dezember", 12},
    {"décembre", 12}, {"diciembre", 12}, {"dicembre", 12},  {"dezembro", 12},
    {"grudnia", 12},  {"декабря", 12},   {"dec", 12},       {"dez", 12},
};

bool alpha_byte(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
}

// Matches a month name at s[i] (case-insensitive, whole word, optional
// trailing '.'); returns the month and sets `len`, or 0.
int read_month(std::string_view s, size_t i, size_t& len) {
  if (i > 0 && alpha_byte(s[i - 1])) return 0;
  size_t e = i;
  while (e < s.size() && alpha_byte(s[e]) && e - i < 12) ++e;
  if (e == i) return 0;
  char lowered[12];  // the loop above stops at 12 bytes
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
  // A UTF-8 no-break space (C2 A0).
  if (i + 1 < s.size() && s[i] == '\xC2' && s[i + 1] == '\xA0') return skip_space(s, i + 2);
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
    if (j < s.size() && (s[j] == '.' || s[j] == '/' || s[j] == '-') && j + 1 < s.size() &&
        digit(s[j + 1])) {
      char sep = s[j];
      size_t ml;
      int m = read_day(s, j + 1, ml);
      size_t k = j + 1 + ml;
      if (m > 0 && k < s.size() && s[k] == sep) {
        int yy = read_digits(s, k + 1, 4);
        if (yy > 0 && !(k + 5 < s.size() && digit(s[k + 5]))) {
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
        bool ends = k + 3 >= s.size() ||
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
  if (d <= 0) return "";
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
    if (sep == '/' || sep == '-' || sep == '_') {
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
    if (i > 0 && (digit(text[i - 1]) || alpha_byte(text[i - 1]))) continue;  // token starts only
    std::string d = date_at(text, i);
    if (!d.empty()) return d;
  }
  return "";
}

}  // namespace claimtrace::html
