#pragma once
// RSS 2.0 (also 0.9x/1.0 RDF) and Atom feeds: one item per entry with its
// link, title, date, author and body (content:encoded / Atom content, else
// the description / summary), parsed with libxml2's XML reader in recovery
// mode so that the usual feed errors (stray entities, bad nesting) do not
// lose the whole feed.
#include <string>
#include <string_view>
#include <vector>

namespace claimtrace {

struct FeedItem {
  std::string id;  // guid / Atom id, else the link
  std::string title;
  std::string link;
  std::string published;  // YYYY-MM-DD or ""
  std::string author;
  std::string body_html;  // the richest body the entry carries (HTML or text)
};

struct Feed {
  std::string title;  // channel / feed title (the outlet)
  std::vector<FeedItem> items;
};

// Parses feed bytes. Returns false with `error` when the input is not an
// RSS or Atom document.
bool parse_feed(std::string_view bytes, Feed& feed, std::string& error);

// Plain text of an item body: paragraphs separated by '\n' (the body is run
// through the HTML extractor; bodies too small for it are flattened).
std::string feed_item_text(const FeedItem& item);

}  // namespace claimtrace
