#pragma once
// JsonWriter: a minimal, allocation-light streaming JSON writer into a string.
//
// Output-only (parsing is simdjson's job). The caller is responsible for
// structure; the writer handles commas, escaping and number formatting.
// Strings must be valid UTF-8 (our inputs are validated on ingest); control
// characters are escaped as \u00XX, and U+2028/U+2029 are escaped so output
// is also safe to embed in JavaScript.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace claimtrace {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void key(std::string_view k);
  void value(std::string_view s);
  void value(const char* s) { value(std::string_view(s)); }
  void value(int64_t v);
  void value(uint32_t v) { value(static_cast<int64_t>(v)); }
  void value(int v) { value(static_cast<int64_t>(v)); }
  void value(double v);
  void value(bool b);
  void null();
  // Convenience: "key": value
  template <typename T>
  void field(std::string_view k, const T& v) {
    key(k);
    value(v);
  }
  void null_field(std::string_view k) {
    key(k);
    null();
  }

 private:
  void separate();
  std::string& out_;
  // One entry per open container: true once it holds an element.
  std::vector<bool> has_element_;
  bool after_key_ = false;
};

// Appends `s` JSON-escaped (without surrounding quotes) to `out`.
void append_json_escaped(std::string& out, std::string_view s);

}  // namespace claimtrace
