// Worker-side preparation of documents for the store, and CAMEO helpers.
#include <cctype>
#include <cmath>

#include "core/content_hash.h"
#include "extract/events_dictionary.h"
#include "store/store.h"
#include "store/zstd_codec.h"

namespace claimtrace::store {

namespace {

// Lower-cases ASCII letters, keeps every other byte >= 0x80 (UTF-8 letters),
// turns ASCII punctuation and whitespace into single spaces; stops after
// `max_words` words.
void normalise_words(std::string_view s, size_t max_words, std::string& out) {
  size_t words = 0;
  bool in_word = false;
  for (unsigned char c : s) {
    bool word_char = std::isalnum(c) || c >= 0x80;
    if (word_char) {
      if (!in_word) {
        if (words == max_words) return;
        if (words > 0) out.push_back(' ');
        ++words;
        in_word = true;
      }
      out.push_back(static_cast<char>(std::tolower(c)));
    } else {
      in_word = false;
    }
  }
}

// Drops a leading dateline: text up to and including the first " - ", " -- "
// or " \u2014 " found in the first 80 bytes, when it ends a line-free prefix
// ("LONDON, Feb 26 (Reuters) - ...").
std::string_view strip_dateline(std::string_view body) {
  std::string_view head = body.substr(0, 80);
  for (std::string_view dash : {" - ", " -- ", " \u2014 ", " \u2013 "}) {
    size_t p = head.find(dash);
    if (p != std::string_view::npos && head.substr(0, p).find('\n') == std::string_view::npos)
      return body.substr(p + dash.size());
  }
  return body;
}

}  // namespace

std::string near_duplicate_key(std::string_view title, std::string_view body) {
  std::string norm;
  norm.reserve(512);
  normalise_words(title, 30, norm);
  norm.push_back('\n');
  normalise_words(strip_dateline(body), 40, norm);
  return content_hash(norm);
}

void prepare(const Document& doc, PreparedDocument& out) {
  out.doc = &doc;
  zstd_compress(doc.text, out.text_zstd);
  out.near_key = near_duplicate_key(doc.title, doc.text);
  out.analysed = true;
}

void prepare_unanalysed(const Document& doc, PreparedDocument& out) {
  out.doc = &doc;
  out.text_zstd.clear();
  out.near_key.clear();
  out.analysed = false;
}

std::string name_key(std::string_view name) {
  std::string key;
  key.reserve(name.size());
  bool pending_space = false;
  for (unsigned char c : name) {
    if (std::isalnum(c) || c >= 0x80) {
      if (pending_space && !key.empty()) key.push_back(' ');
      pending_space = false;
      key.push_back(static_cast<char>(std::tolower(c)));
    } else {
      pending_space = true;
    }
  }
  if (key.rfind("the ", 0) == 0) key.erase(0, 4);
  return key;
}

std::string cameo_root(std::string_view code) {
  if (code.size() < 2 || !std::isdigit(static_cast<unsigned char>(code[0])) ||
      !std::isdigit(static_cast<unsigned char>(code[1])))
    return std::string();
  return std::string(code.substr(0, 2));
}

int cameo_quad_class(std::string_view code) {
  std::string root = cameo_root(code);
  if (root.empty()) return 0;
  int r = std::stoi(root);
  if (r >= 1 && r <= 5) return 1;
  if (r >= 6 && r <= 8) return 2;
  if (r >= 9 && r <= 13) return 3;
  if (r >= 14 && r <= 20) return 4;
  return 0;
}

std::optional<double> cameo_goldstein(std::string_view code) {
  const extract::events::CodeInfo* info = extract::events::code_info(code);
  if (info == nullptr) return std::nullopt;
  // The tables hold one decimal; a float widened to double would print 1.89999997...
  return std::round(static_cast<double>(info->goldstein) * 10.0) / 10.0;
}

}  // namespace claimtrace::store
