#include "ingest/html_page_reader.h"

#include "ingest/html/article.h"
#include "ingest/line_reader.h"

namespace claimtrace {

bool read_html_page(const std::string& path, const std::string& url, bool use_title,
                    InputRecord& rec, std::string& error) {
  std::string bytes;
  if (!read_whole_file(path, bytes, error)) return false;
  html::Article article;
  const std::string name = path == "-" ? "<stdin>" : path;
  if (!html::extract_article(bytes, {.url = url, .charset = ""}, article, error)) {
    error = name + ": " + error;
    return false;
  }
  if (article.text.empty()) {
    error = name + ": no article text found in the page";
    return false;
  }
  rec = InputRecord{};
  rec.text = std::move(article.text);
  if (use_title) rec.title = std::move(article.title);
  rec.url = std::move(article.url);
  rec.outlet = std::move(article.outlet);
  rec.published = std::move(article.published);
  return true;
}

}  // namespace claimtrace
