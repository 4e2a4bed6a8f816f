#include "cli/table_format.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "core/json_writer.h"

namespace claimtrace::cli {

namespace {

using store::CellType;
using store::ResultTable;

// Code points in a UTF-8 string (display width approximation).
size_t display_width(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Cell text for a table: line breaks and tabs become spaces.
std::string flat(const std::optional<std::string>& cell) {
  if (!cell) return "";
  std::string s = *cell;
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

// First `width` code points of `s`, ending in "…" when cut.
std::string fit(const std::string& s, size_t width) {
  if (display_width(s) <= width) return s + std::string(width - display_width(s), ' ');
  std::string out;
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80) {
      if (n + 1 == width) break;
      ++n;
    }
    out.push_back(s[i]);
  }
  out += "\u2026";
  return out;
}

void write_table(const ResultTable& t, size_t width, std::string& out) {
  const size_t cols = t.columns.size();
  std::vector<std::vector<std::string>> cells;
  cells.reserve(t.rows.size());
  std::vector<size_t> w(cols);
  for (size_t c = 0; c < cols; ++c) w[c] = display_width(t.columns[c].name);
  for (const auto& row : t.rows) {
    auto& r = cells.emplace_back();
    for (size_t c = 0; c < cols; ++c) {
      r.push_back(flat(row[c]));
      w[c] = std::max(w[c], display_width(r.back()));
    }
  }
  // Shrink the widest column until the row (with 2-space gaps) fits.
  auto total = [&] {
    size_t s = cols ? 2 * (cols - 1) : 0;
    for (size_t x : w) s += x;
    return s;
  };
  while (total() > width) {
    size_t widest = static_cast<size_t>(std::max_element(w.begin(), w.end()) - w.begin());
    if (w[widest] <= 6) break;
    --w[widest];
  }
  // Still too wide with every column at its minimum: leave out columns from
  // the right (never the first) and say so on stderr, so no line wraps.
  size_t shown = cols;
  auto shown_width = [&] {
    size_t s = shown ? 2 * (shown - 1) : 0;
    for (size_t c = 0; c < shown; ++c) s += w[c];
    return s;
  };
  while (shown > 1 && shown_width() > width) --shown;
  if (shown < cols) {
    std::string names;
    for (size_t c = shown; c < cols; ++c) names += (names.empty() ? "" : ", ") + t.columns[c].name;
    std::fprintf(stderr,
                 "claimtrace: %zu column(s) not shown in %zu terminal columns: %s "
                 "(widen the terminal or use --format json)\n",
                 cols - shown, width, names.c_str());
  }
  auto line = [&](const std::vector<std::string>& r) {
    std::string l;
    for (size_t c = 0; c < shown; ++c) {
      if (c) l += "  ";
      l += fit(r[c], w[c]);
    }
    while (!l.empty() && l.back() == ' ') l.pop_back();
    out += l;
    out += '\n';
  };
  std::vector<std::string> header;
  for (const auto& col : t.columns) header.push_back(col.name);
  line(header);
  for (const auto& r : cells) line(r);
}

void write_json_row(const ResultTable& t, size_t i, JsonWriter& w) {
  w.begin_object();
  for (size_t c = 0; c < t.columns.size(); ++c) {
    const auto& cell = t.rows[i][c];
    w.key(t.columns[c].name);
    if (!cell) {
      w.null();
      continue;
    }
    switch (t.columns[c].type) {
      case CellType::kInteger:
        w.value(static_cast<int64_t>(std::strtoll(cell->c_str(), nullptr, 10)));
        break;
      case CellType::kReal:
        w.value(std::strtod(cell->c_str(), nullptr));
        break;
      case CellType::kBool:
        w.value(*cell != "0" && !cell->empty());
        break;
      case CellType::kText:
        w.value(std::string_view(*cell));
        break;
    }
  }
  w.end_object();
}

void csv_cell(std::string_view s, std::string& out) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

void format_table(const ResultTable& t, const std::string& format, size_t width, std::string& out) {
  if (format == "table") {
    write_table(t, width, out);
  } else if (format == "json") {
    JsonWriter w(out);
    w.begin_array();
    for (size_t i = 0; i < t.rows.size(); ++i) write_json_row(t, i, w);
    w.end_array();
    out += '\n';
  } else if (format == "jsonl") {
    for (size_t i = 0; i < t.rows.size(); ++i) {
      JsonWriter w(out);
      write_json_row(t, i, w);
      out += '\n';
    }
  } else {  // csv (RFC 4180)
    for (size_t c = 0; c < t.columns.size(); ++c) {
      if (c) out += ',';
      csv_cell(t.columns[c].name, out);
    }
    out += "\r\n";
    for (const auto& row : t.rows) {
      for (size_t c = 0; c < row.size(); ++c) {
        if (c) out += ',';
        if (row[c]) csv_cell(*row[c], out);
      }
      out += "\r\n";
    }
  }
}

size_t terminal_width() {
  winsize ws{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20) return ws.ws_col;
  if (const char* c = std::getenv("COLUMNS")) {
    long v = std::strtol(c, nullptr, 10);
    if (v > 20) return static_cast<size_t>(v);
  }
  return 120;
}

std::string default_format(const std::string& given) {
  if (!given.empty()) return given;
  return isatty(STDOUT_FILENO) == 1 ? "table" : "jsonl";
}

}  // namespace claimtrace::cli
