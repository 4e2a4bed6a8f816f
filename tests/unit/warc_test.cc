// Tests for src/ingest/warc_reader: records, gzip members, HTTP decoding,
// truncated and damaged archives. The archives are built here, from our own
// fictional pages.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "ingest/warc_reader.h"

namespace claimtrace {
namespace {

namespace fs = std::filesystem;

// Temporary file names unique to this process: ctest runs test cases of one
// executable as parallel processes.
inline std::string unique(const std::string& name) {
  return std::to_string(getpid()) + "_" + name;
}

std::string record(const std::string& type, const std::string& uri, const std::string& block) {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: <" + uri +
         ">\r\nWARC-Date: 2031-05-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:" + uri +
         ">\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
         std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string http(int status, const std::string& type, const std::string& body) {
  return "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: " + type +
         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::string gzip_member(const std::string& s) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, s.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(s.data()));
  zs.avail_in = static_cast<uInt>(s.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

fs::path write(const std::string& name, const std::string& content) {
  fs::path p = fs::temp_directory_path() / unique("claimtrace_warc_" + name);
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

const std::string kPage =
    "<html><body><p>The river ferry at Osk now runs every hour, the harbour office said.</p>"
    "</body></html>";

std::vector<std::string> three_records() {
  return {record("warcinfo", "info", "software: test\r\n"),
          record("response", "https://osk.example/ferry", http(200, "text/html", kPage)),
          record("response", "https://osk.example/logo.png", http(200, "image/png", "PNG..."))};
}

std::vector<WarcRecord> read_all(const fs::path& p, std::string& error) {
  WarcReader reader;
  std::vector<WarcRecord> out;
  EXPECT_TRUE(reader.open(p.string(), error)) << error;
  WarcRecord rec;
  while (reader.next(rec)) out.push_back(rec);
  error = reader.error();
  return out;
}

TEST(WarcReader, ReadsPlainRecords) {
  std::string all;
  for (const auto& r : three_records()) all += r;
  std::string error;
  auto recs = read_all(write("plain.warc", all), error);
  EXPECT_EQ(error, "");
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[0].type, "warcinfo");
  EXPECT_EQ(recs[1].type, "response");
  EXPECT_EQ(recs[1].target_uri, "https://osk.example/ferry");
  EXPECT_EQ(recs[1].date, "2031-05-01T10:00:00Z");
  HttpResponse resp;
  ASSERT_TRUE(parse_http_response(recs[1].block, resp, error)) << error;
  EXPECT_EQ(resp.status, 200);
  EXPECT_EQ(resp.content_type, "text/html");
  EXPECT_EQ(resp.body, kPage);
}

// Blocks larger than one read buffer, some only a few bytes apart, so that
// record starts fall at every position relative to the buffer fills.
TEST(WarcReader, LargeBlocksKeepContentAndRecordOffsets) {
  std::string all;
  std::vector<size_t> starts;
  std::vector<std::string> blocks;
  for (int i = 0; i < 6; ++i) {
    std::string block;
    for (int j = 0; j < (i % 2 ? 9000 : 20) * (i + 1); ++j)
      block += "line " + std::to_string(i) + "." + std::to_string(j) + "\n";
    starts.push_back(all.size());
    blocks.push_back(block);
    all += record("resource", "https://osk.example/" + std::to_string(i), block);
  }
  std::string error;
  auto recs = read_all(write("large.warc", all), error);
  EXPECT_EQ(error, "");
  ASSERT_EQ(recs.size(), blocks.size());
  for (size_t i = 0; i < recs.size(); ++i) {
    EXPECT_EQ(recs[i].offset, starts[i]) << i;
    EXPECT_TRUE(recs[i].block == blocks[i]) << i;
  }
  // Cut inside the last large block: earlier records stay, the error says how much arrived.
  recs = read_all(write("large_cut.warc", all.substr(0, starts[5] + 1000)), error);
  EXPECT_EQ(recs.size(), 5u);
  EXPECT_NE(error.find("truncated record"), std::string::npos) << error;
}

TEST(WarcReader, ReadsOneGzipMemberPerRecord) {
  std::string all;
  for (const auto& r : three_records()) all += gzip_member(r);
  std::string error;
  auto recs = read_all(write("members.warc.gz", all), error);
  EXPECT_EQ(error, "");
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[2].target_uri, "https://osk.example/logo.png");
}

TEST(WarcReader, TruncatedArchiveKeepsEarlierRecordsAndSaysSo) {
  std::string all;
  for (const auto& r : three_records()) all += r;
  all.resize(all.size() - 20);  // cut into the last record's block
  std::string error;
  auto recs = read_all(write("trunc.warc", all), error);
  EXPECT_EQ(recs.size(), 2u);
  EXPECT_NE(error.find("truncated record"), std::string::npos) << error;
}

TEST(WarcReader, TruncatedGzipKeepsEarlierRecordsAndSaysSo) {
  std::string all;
  std::string last;
  for (const auto& r : three_records()) all += (last = gzip_member(r));
  all.resize(all.size() - last.size() / 2);  // half of the last member
  std::string error;
  auto recs = read_all(write("trunc.warc.gz", all), error);
  EXPECT_EQ(recs.size(), 2u);
  EXPECT_FALSE(error.empty());
}

TEST(WarcReader, GarbageIsAnErrorNotACrash) {
  std::string error;
  auto recs = read_all(write("garbage.warc", "this is not an archive\nat all\n"), error);
  EXPECT_TRUE(recs.empty());
  EXPECT_NE(error.find("not a WARC record header"), std::string::npos) << error;
  recs = read_all(write("nolength.warc", "WARC/1.0\r\nWARC-Type: response\r\n\r\nbody"), error);
  EXPECT_TRUE(recs.empty());
  EXPECT_NE(error.find("Content-Length"), std::string::npos) << error;
}

TEST(HttpResponse, DecodesChunkedAndGzipBodies) {
  std::string block =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n"
      "Transfer-Encoding: chunked\r\n\r\n5\r\nHello\r\n7\r\n, ferry\r\n0\r\n\r\n";
  HttpResponse r;
  std::string error;
  ASSERT_TRUE(parse_http_response(block, r, error));
  EXPECT_EQ(r.body, "Hello, ferry");
  EXPECT_EQ(r.charset, "iso-8859-1");
  std::string gz = gzip_member(kPage);
  block =
      "HTTP/1.1 404 Not Found\r\nContent-Encoding: gzip\r\nContent-Type: text/html\r\n\r\n" + gz;
  ASSERT_TRUE(parse_http_response(block, r, error));
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body, kPage);
  EXPECT_FALSE(parse_http_response("GET / HTTP/1.1\r\n\r\n", r, error));
}

}  // namespace
}  // namespace claimtrace
