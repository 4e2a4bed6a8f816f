#pragma once
// HTML page -> article: the main text (our own content scoring over the
// libxml2 DOM) and metadata (title, author, publication date, language,
// canonical URL, site name). See docs/cli.md ("claimtrace extract") for
// what is kept and what is dropped.
#include <string>
#include <string_view>

namespace claimtrace::html {

struct Article {
  std::string title;
  std::string text;       // paragraphs separated by '\n'
  std::string published;  // YYYY-MM-DD or ""
  std::string author;
  std::string language;  // primary subtag, lower-case ("de", "en") or ""
  std::string url;       // canonical URL, else og:url, else the URL given
  std::string outlet;    // og:site_name / JSON-LD publisher
  std::string description;
  std::string charset;  // the encoding the bytes were decoded from
};

struct ExtractOptions {
  std::string url;           // where the page came from (helps dates in URLs)
  std::string charset;       // transport charset (HTTP Content-Type), wins over <meta>
  std::string fetched = {};  // YYYY-MM-DD the page was fetched (WARC-Date), when known:
                             // no later day is taken as its publication date
};

// Extracts the article from raw page bytes (any encoding). Returns false
// with `error` only for input that cannot be a page (empty, or binary
// data); a page without recognisable content yields true and empty text.
// Never throws on malformed markup.
bool extract_article(std::string_view bytes, const ExtractOptions& options, Article& out,
                     std::string& error);

}  // namespace claimtrace::html
