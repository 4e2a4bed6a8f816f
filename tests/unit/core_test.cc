// Tests for src/core: spans, UTF-8 validation, content hash, JSON writer.
#include <gtest/gtest.h>

#include "core/content_hash.h"
#include "core/json_writer.h"
#include "core/span.h"
#include "core/utf8.h"

namespace claimtrace {
namespace {

TEST(Span, ContainsAndOverlaps) {
  Span a{2, 10}, b{3, 5}, c{10, 12};
  EXPECT_TRUE(a.contains(b));
  EXPECT_FALSE(b.contains(a));
  EXPECT_FALSE(a.overlaps(c));  // end-exclusive
  EXPECT_TRUE(a.overlaps(Span{9, 11}));
  EXPECT_EQ(a.size(), 8u);
  EXPECT_EQ(Span({1, 4}).in("abcdef"), "bcd");
}

TEST(Utf8, AcceptsValidText) {
  EXPECT_EQ(find_invalid_utf8("plain ascii"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("Syria\xE2\x80\x99s \xF0\x9F\x98\x80 caf\xC3\xA9"),
            std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8(""), std::string_view::npos);
}

TEST(Utf8, ReportsOffsetOfFirstBadByte) {
  EXPECT_EQ(find_invalid_utf8("abc\xFFxyz"), 3u);
  EXPECT_EQ(find_invalid_utf8("0123456789\xC3"), 10u);              // truncated 2-byte
  EXPECT_EQ(find_invalid_utf8("ab\xC0\xAF"), 2u);                   // overlong
  EXPECT_EQ(find_invalid_utf8("x\xED\xA0\x80"), 1u);                // surrogate
  EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);             // > U+10FFFF
  EXPECT_EQ(find_invalid_utf8("long ascii prefix here\x80"), 22u);  // after fast path
}

TEST(Utf8, DecodeAdvancesOnGarbage) {
  uint32_t len = 0;
  EXPECT_EQ(decode_utf8("\xE2\x80\x99", 0, len), U'\u2019');
  EXPECT_EQ(len, 3u);
  EXPECT_EQ(decode_utf8("\xE2\x80", 0, len), U'\uFFFD');
  EXPECT_EQ(len, 1u);
}

TEST(ContentHash, StableAndSensitive) {
  std::string h = content_hash("The council met on Tuesday.");
  EXPECT_EQ(h.size(), 32u);
  EXPECT_EQ(h, content_hash("The council met on Tuesday."));
  EXPECT_NE(h, content_hash("The council met on Tuesday!"));
  // Frozen value: changing the hash function would break stored ids.
  EXPECT_EQ(content_hash(""), "99aa06d3014798d86001c324468d497f");
}

TEST(JsonWriter, EscapesAndSeparates) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.field("s", std::string_view("a\"b\\c\nd\x01 \xE2\x80\xA8"));
  w.field("n", int64_t{-42});
  w.field("b", true);
  w.null_field("z");
  w.key("arr");
  w.begin_array();
  w.value(1);
  w.value(2.5);
  w.begin_object();
  w.end_object();
  w.end_array();
  w.end_object();
  EXPECT_EQ(out,
            "{\"s\":\"a\\\"b\\\\c\\nd\\u0001 \\u2028\",\"n\":-42,\"b\":true,\"z\":null,"
            "\"arr\":[1,2.5,{}]}");
}

}  // namespace
}  // namespace claimtrace
