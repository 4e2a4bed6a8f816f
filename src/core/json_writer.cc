#include "core/json_writer.h"

#include <charconv>
#include <cmath>

namespace claimtrace {

namespace {
// 1 for bytes that need escaping in a JSON string.
constexpr bool needs_escape(unsigned char c) {
  return c < 0x20 || c == '"' || c == '\\';
}
}  // namespace

void append_json_escaped(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  size_t run_start = 0;
  const size_t n = s.size();
  for (size_t i = 0; i < n; ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    bool line_sep = c == 0xE2 && i + 2 < n && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                    (static_cast<unsigned char>(s[i + 2]) == 0xA8 ||
                     static_cast<unsigned char>(s[i + 2]) == 0xA9);
    if (!needs_escape(c) && !line_sep) continue;
    out.append(s.data() + run_start, i - run_start);
    if (line_sep) {
      out.append(static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029");
      i += 2;
    } else {
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        default:
          out.append("\\u00");
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 15]);
      }
    }
    run_start = i + 1;
  }
  out.append(s.data() + run_start, n - run_start);
}

void JsonWriter::separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!has_element_.empty()) {
    if (has_element_.back()) out_.push_back(',');
    has_element_.back() = true;
  }
}

void JsonWriter::begin_object() {
  separate();
  out_.push_back('{');
  has_element_.push_back(false);
}
void JsonWriter::end_object() {
  out_.push_back('}');
  has_element_.pop_back();
}
void JsonWriter::begin_array() {
  separate();
  out_.push_back('[');
  has_element_.push_back(false);
}
void JsonWriter::end_array() {
  out_.push_back(']');
  has_element_.pop_back();
}
void JsonWriter::key(std::string_view k) {
  separate();
  out_.push_back('"');
  append_json_escaped(out_, k);
  out_.append("\":");
  after_key_ = true;
}
void JsonWriter::value(std::string_view s) {
  separate();
  out_.push_back('"');
  append_json_escaped(out_, s);
  out_.push_back('"');
}
void JsonWriter::value(int64_t v) {
  separate();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, r.ptr);
}
void JsonWriter::value(double v) {
  separate();
  if (!std::isfinite(v)) {
    out_.append("null");
    return;
  }
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, r.ptr);
}
void JsonWriter::value(bool b) {
  separate();
  out_.append(b ? "true" : "false");
}
void JsonWriter::null() {
  separate();
  out_.append("null");
}

}  // namespace claimtrace
