// Fuzz target: arbitrary bytes as an HTML page through encoding detection,
// the libxml2 parse, content scoring and metadata extraction. Checks that
// extraction never crashes, that a failure says why, and that everything it
// returns is valid UTF-8 (the analysis stages rely on it).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "ingest/html/article.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace claimtrace;
  std::string_view page(reinterpret_cast<const char*>(data), size);
  html::Article article;
  std::string error;
  if (!html::extract_article(page, {.url = "https://fuzz.example/2020/01/02/x", .charset = ""},
                             article, error)) {
    if (error.empty()) std::abort();
    return 0;
  }
  for (const std::string* s : {&article.text, &article.title, &article.author, &article.outlet,
                               &article.published, &article.language, &article.url})
    if (find_invalid_utf8(*s) != std::string_view::npos) std::abort();
  if (!article.published.empty() && article.published.size() != 10) std::abort();
  return 0;
}
