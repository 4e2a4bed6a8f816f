// Tests for src/ingest/feed_reader: RSS 2.0 and Atom items, bodies, dates,
// and input that is not a feed. The feeds are written here (fictional).
#include <gtest/gtest.h>

#include <string>

#include "ingest/feed_reader.h"

namespace claimtrace {
namespace {

const char* kRss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour Weekly</title><link>https://harbour.example/</link>
<item><title>New pier opens</title><link>https://harbour.example/pier</link><guid>pier-1</guid>
<pubDate>Sun, 02 Mar 2031 09:00:00 +0100</pubDate><dc:creator>Ola Wend</dc:creator>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>The new pier at the east harbour opened on Sunday after two years
of building work.</p><p>Fishing boats will moor there from April, the port authority said.</p>
<div class="share"><a href="#">Share</a></div>]]></content:encoded></item>
<item><title>Only a summary</title><link>https://harbour.example/b</link>
<description>Ferry fares rise by five percent in May &amp; June.</description></item>
</channel></rss>)";

TEST(FeedReader, ReadsRssItems) {
  Feed feed;
  std::string error;
  ASSERT_TRUE(parse_feed(kRss, feed, error)) << error;
  EXPECT_EQ(feed.title, "Harbour Weekly");
  ASSERT_EQ(feed.items.size(), 2u);
  const FeedItem& a = feed.items[0];
  EXPECT_EQ(a.id, "pier-1");
  EXPECT_EQ(a.title, "New pier opens");
  EXPECT_EQ(a.link, "https://harbour.example/pier");
  EXPECT_EQ(a.published, "2031-03-02");
  EXPECT_EQ(a.author, "Ola Wend");
  std::string text = feed_item_text(a);
  EXPECT_NE(text.find("east harbour opened on Sunday"), std::string::npos) << text;
  EXPECT_NE(text.find("\nFishing boats"), std::string::npos) << text;
  EXPECT_EQ(text.find("Share"), std::string::npos) << text;
  EXPECT_EQ(feed.items[1].id, "https://harbour.example/b");  // no guid: the link
  EXPECT_EQ(feed_item_text(feed.items[1]), "Ferry fares rise by five percent in May & June.");
}

TEST(FeedReader, ReadsAtomEntries) {
  const char* atom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Notes</title>
<entry><title>Bridge closed</title><link rel="self" href="https://valley.example/api/1"/>
<link rel="alternate" href="https://valley.example/bridge"/><id>tag:valley.example,2031:1</id>
<updated>2031-06-03T08:00:00Z</updated><published>2031-06-01T08:00:00Z</published>
<author><name>Ida Moor</name></author>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The valley bridge is closed
for inspection until Thursday, the council said on Monday.</p></div></content></entry></feed>)";
  Feed feed;
  std::string error;
  ASSERT_TRUE(parse_feed(atom, feed, error)) << error;
  EXPECT_EQ(feed.title, "Valley Notes");
  ASSERT_EQ(feed.items.size(), 1u);
  EXPECT_EQ(feed.items[0].link, "https://valley.example/bridge");
  EXPECT_EQ(feed.items[0].published, "2031-06-01");
  EXPECT_EQ(feed.items[0].author, "Ida Moor");
  EXPECT_NE(feed_item_text(feed.items[0]).find("closed for inspection"), std::string::npos);
}

TEST(FeedReader, RejectsWhatIsNotAFeed) {
  Feed feed;
  std::string error;
  EXPECT_FALSE(parse_feed("<html><body><p>a page</p></body></html>", feed, error));
  EXPECT_FALSE(parse_feed("", feed, error));
  EXPECT_FALSE(parse_feed(std::string("\x00\x01\x02", 3), feed, error));
  // Broken but recognisable: what can be read is kept.
  EXPECT_TRUE(parse_feed("<rss><channel><item><title>Cut", feed, error)) << error;
}

}  // namespace
}  // namespace claimtrace
