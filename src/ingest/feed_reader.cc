#include "ingest/feed_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstring>
#include <memory>
#include <mutex>

#include "ingest/html/article.h"
#include "ingest/html/dates.h"

namespace claimtrace {

namespace {

const char* local_name(const xmlNode* n) {
  return reinterpret_cast<const char*>(n->name);
}

bool named(const xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && std::strcmp(local_name(n), name) == 0;
}

bool in_ns(const xmlNode* n, const char* fragment) {
  return n->ns && n->ns->href &&
         std::strstr(reinterpret_cast<const char*>(n->ns->href), fragment) != nullptr;
}

std::string content_of(const xmlNode* n) {
  xmlChar* s = xmlNodeGetContent(n);
  std::string out = s ? reinterpret_cast<const char*>(s) : "";
  xmlFree(s);
  size_t b = out.find_first_not_of(" \t\r\n");
  size_t e = out.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : out.substr(b, e - b + 1);
}

std::string attribute(const xmlNode* n, const char* name) {
  xmlChar* s = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string out = s ? reinterpret_cast<const char*>(s) : "";
  xmlFree(s);
  return out;
}

// The markup of an Atom content element of type="xhtml" (its children).
std::string inner_markup(xmlNode* n) {
  std::unique_ptr<xmlBuffer, void (*)(xmlBuffer*)> buf(xmlBufferCreate(), xmlBufferFree);
  for (xmlNode* c = n->children; c; c = c->next) xmlNodeDump(buf.get(), n->doc, c, 0, 0);
  return reinterpret_cast<const char*>(xmlBufferContent(buf.get()));
}

FeedItem read_item(xmlNode* item, bool atom) {
  FeedItem it;
  std::string description, content, date, updated;
  for (xmlNode* c = item->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const char* name = local_name(c);
    if (std::strcmp(name, "title") == 0) {
      it.title = content_of(c);
    } else if (std::strcmp(name, "link") == 0) {
      std::string href = attribute(c, "href");
      std::string rel = attribute(c, "rel");
      if (!href.empty()) {
        if (it.link.empty() || rel == "alternate") it.link = href;
      } else if (it.link.empty()) {
        it.link = content_of(c);
      }
    } else if (std::strcmp(name, "guid") == 0 || (atom && std::strcmp(name, "id") == 0)) {
      it.id = content_of(c);
    } else if (std::strcmp(name, "pubDate") == 0 || std::strcmp(name, "published") == 0 ||
               std::strcmp(name, "issued") == 0 ||
               (std::strcmp(name, "date") == 0 && in_ns(c, "purl.org/dc"))) {
      if (date.empty()) date = content_of(c);
    } else if (std::strcmp(name, "updated") == 0 || std::strcmp(name, "modified") == 0) {
      updated = content_of(c);
    } else if (std::strcmp(name, "author") == 0 || std::strcmp(name, "creator") == 0) {
      if (it.author.empty()) {
        it.author = content_of(c);
        for (xmlNode* a = c->children; a; a = a->next)
          if (named(a, "name")) it.author = content_of(a);
      }
    } else if (std::strcmp(name, "encoded") == 0 || (atom && std::strcmp(name, "content") == 0)) {
      content = attribute(c, "type") == "xhtml" ? inner_markup(c) : content_of(c);
    } else if (std::strcmp(name, "description") == 0 || std::strcmp(name, "summary") == 0) {
      description = content_of(c);
    }
  }
  it.body_html = content.size() >= description.size() ? content : description;
  it.published = html::parse_date(date);
  if (it.published.empty()) it.published = html::parse_date(updated);
  if (it.id.empty()) it.id = it.link;
  return it;
}

void collect(xmlNode* n, Feed& feed, int depth) {
  if (depth > 8) return;
  for (xmlNode* c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (named(c, "item")) {
      feed.items.push_back(read_item(c, false));
    } else if (named(c, "entry")) {
      feed.items.push_back(read_item(c, true));
    } else if (named(c, "title") && feed.title.empty()) {
      feed.title = content_of(c);
    } else if (named(c, "channel")) {
      collect(c, feed, depth + 1);
    }
  }
}

}  // namespace

bool parse_feed(std::string_view bytes, Feed& feed, std::string& error) {
  feed = Feed{};
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) {
    error = "feed too large";
    return false;
  }
  xmlDocPtr doc = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
                                XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                    XML_PARSE_NONET | XML_PARSE_NOCDATA);
  if (!doc) {
    error = "not an XML document";
    return false;
  }
  std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> guard(doc, xmlFreeDoc);
  xmlNode* root = xmlDocGetRootElement(doc);
  if (!root || !(named(root, "rss") || named(root, "feed") || named(root, "RDF"))) {
    error = "not an RSS or Atom feed";
    return false;
  }
  collect(root, feed, 0);  // an Atom <feed> is its own channel
  return true;
}

std::string feed_item_text(const FeedItem& item) {
  if (item.body_html.empty()) return "";
  html::Article article;
  std::string error;
  std::string page = "<html><body><article>" + item.body_html + "</article></body></html>";
  if (html::extract_article(page, {.url = item.link, .charset = "utf-8"}, article, error) &&
      !article.text.empty())
    return article.text;
  // Too little for the extractor (a one-line summary): the text as it is.
  if (html::extract_article("<html><body><p>" + item.body_html + "</p></body></html>",
                            {.url = "", .charset = "utf-8"}, article, error))
    return article.text;
  return "";
}

}  // namespace claimtrace
