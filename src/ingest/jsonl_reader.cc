#include "ingest/jsonl_reader.h"

#include <simdjson.h>

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

std::string normalize_published(std::string_view s) {
  if (s.size() >= 10 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3]) &&
      s[4] == '-' && is_digit(s[5]) && is_digit(s[6]) && s[7] == '-' && is_digit(s[8]) &&
      is_digit(s[9]) && (s.size() == 10 || s[10] == 'T' || s[10] == ' ')) {
    int month = (s[5] - '0') * 10 + (s[6] - '0');
    int day = (s[8] - '0') * 10 + (s[9] - '0');
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return std::string(s.substr(0, 10));
  }
  return {};
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
      err = read_string(v, rec.published);
    } else if (key == "date") {
      // Tolerate non-string dates in foreign dumps: only a string is used.
      if (v.is_string()) err = read_string(v, date_fallback);
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
  if (rec.published.empty()) rec.published = date_fallback;
  rec.published = normalize_published(rec.published);
  return true;
}

}  // namespace claimtrace
