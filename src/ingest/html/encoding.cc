#include "ingest/html/encoding.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "core/utf8.h"

namespace claimtrace::html {

namespace {

std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

// Reads a charset label starting at `p` (after "charset="), stopping at a
// quote, semicolon, space or tag end.
std::string read_label(std::string_view s, size_t p) {
  while (p < s.size() && (s[p] == ' ' || s[p] == '"' || s[p] == '\'' || s[p] == '=')) ++p;
  size_t e = p;
  while (e < s.size() && (std::isalnum(static_cast<unsigned char>(s[e])) || s[e] == '-' ||
                          s[e] == '_' || s[e] == ':' || s[e] == '.'))
    ++e;
  return lower(s.substr(p, e - p));
}

// Labels that mean "treat as windows-1252" in practice (WHATWG encoding spec).
std::string canonical(std::string label) {
  if (label == "iso-8859-1" || label == "latin1" || label == "latin-1" || label == "us-ascii" ||
      label == "ascii" || label == "iso8859-1" || label == "cp1252")
    return "windows-1252";
  if (label == "utf8") return "utf-8";
  return label;
}

bool convert(std::string_view bytes, const std::string& charset, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset.c_str(), &status);
  if (U_FAILURE(status) || conv == nullptr) return false;
  std::unique_ptr<UConverter, void (*)(UConverter*)> guard(conv, ucnv_close);
  // Two steps through UTF-16 keep the default substitution (U+FFFD) for
  // undecodable bytes.
  std::u16string u16(bytes.size() + 1, u'\0');
  int32_t n = ucnv_toUChars(conv, u16.data(), static_cast<int32_t>(u16.size()), bytes.data(),
                            static_cast<int32_t>(bytes.size()), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    status = U_ZERO_ERROR;
    u16.assign(static_cast<size_t>(n) + 1, u'\0');
    n = ucnv_toUChars(conv, u16.data(), static_cast<int32_t>(u16.size()), bytes.data(),
                      static_cast<int32_t>(bytes.size()), &status);
  }
  if (U_FAILURE(status)) return false;
  out.clear();
  out.reserve(static_cast<size_t>(n) + static_cast<size_t>(n) / 4);
  for (int32_t i = 0; i < n; ++i) {
    char32_t c = u16[static_cast<size_t>(i)];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && u16[static_cast<size_t>(i) + 1] >= 0xDC00 &&
        u16[static_cast<size_t>(i) + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (u16[static_cast<size_t>(i) + 1] - 0xDC00);
      ++i;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = 0xFFFD;
    }
    append_utf8(out, c);
  }
  return true;
}

// Replaces invalid UTF-8 sequences by U+FFFD.
void repair_utf8(std::string_view in, std::string& out) {
  out.clear();
  out.reserve(in.size());
  while (!in.empty()) {
    size_t bad = find_invalid_utf8(in);
    if (bad == std::string_view::npos) {
      out.append(in);
      return;
    }
    out.append(in.substr(0, bad));
    out.append("\xEF\xBF\xBD");
    // Skip the offending lead byte and any continuation bytes after it.
    size_t k = bad + 1;
    while (k < in.size() && (static_cast<unsigned char>(in[k]) & 0xC0) == 0x80 && k < bad + 4) ++k;
    in.remove_prefix(k);
  }
}

}  // namespace

std::string sniff_charset(std::string_view bytes) {
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") return "utf-8";
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE") return "utf-16le";
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF") return "utf-16be";
  std::string head = lower(bytes.substr(0, std::min<size_t>(bytes.size(), 4096)));
  size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    size_t end = head.find('>', pos);
    if (end == std::string::npos) break;
    std::string_view tag(head.data() + pos, end - pos);
    size_t c = tag.find("charset");
    if (c != std::string::npos) {
      std::string label = read_label(tag, c + 7);
      if (!label.empty()) return canonical(label);
    }
    pos = end;
  }
  return "";
}

std::string to_utf8(std::string_view bytes, std::string_view hint, std::string& out) {
  std::string charset;
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    charset = "utf-8";
  } else if (bytes.size() >= 2 &&
             (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    charset = sniff_charset(bytes);
  } else if (!hint.empty()) {
    charset = canonical(lower(hint));
  } else {
    charset = sniff_charset(bytes);
  }
  const bool valid_utf8 = find_invalid_utf8(bytes) == std::string_view::npos;
  // Pages often declare latin-1 but are UTF-8 (or the reverse); bytes that
  // are valid UTF-8 and contain non-ASCII are almost never legacy text.
  if (charset.empty() || charset == "utf-8" ||
      (valid_utf8 && charset == "windows-1252" &&
       std::any_of(bytes.begin(), bytes.end(), [](char ch) { return ch & 0x80; }))) {
    if (valid_utf8) {
      out.assign(bytes);
      return "utf-8";
    }
    if (charset == "utf-8") {
      repair_utf8(bytes, out);
      return "utf-8";
    }
    charset = "windows-1252";
  }
  if (convert(bytes, charset, out)) return charset;
  // Unknown label: fall back to UTF-8 with repair.
  repair_utf8(bytes, out);
  return "utf-8";
}

}  // namespace claimtrace::html
