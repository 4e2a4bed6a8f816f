// Tests for src/ingest: JSONL records, text articles, gzip and line reading.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "ingest/compressed_input.h"
#include "ingest/jsonl_reader.h"
#include "ingest/line_reader.h"
#include "ingest/text_reader.h"

namespace claimtrace {
namespace {

namespace fs = std::filesystem;

// Temporary file names unique to this process: ctest runs test cases of one
// executable as parallel processes.
inline std::string unique(const std::string& name) {
  return std::to_string(getpid()) + "_" + name;
}

fs::path temp_file(const std::string& name, const std::string& content) {
  fs::path p = fs::temp_directory_path() / unique("claimtrace_ingest_" + name);
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

TEST(JsonlParser, ReadsContractFields) {
  JsonlParser parser;
  InputRecord rec;
  std::string err;
  ASSERT_TRUE(parser.parse(
      R"({"id":"r1","text":"Body.\nMore.","title":"T","url":"http://x.test/a","published":"2026-11-25T08:00:00Z","outlet":"The Ledger","extra":[1,2]})",
      rec, err))
      << err;
  EXPECT_EQ(rec.id, "r1");
  EXPECT_EQ(rec.text, "Body.\nMore.");
  EXPECT_EQ(rec.title, "T");
  EXPECT_EQ(rec.url, "http://x.test/a");
  EXPECT_EQ(rec.published, "2026-11-25");
  EXPECT_EQ(rec.outlet, "The Ledger");
}

TEST(JsonlParser, NumericIdNullFieldsAndDateFallback) {
  JsonlParser parser;
  InputRecord rec;
  std::string err;
  ASSERT_TRUE(parser.parse(R"({"id":17,"text":"x","url":null,"date":"2020-02-03"})", rec, err));
  EXPECT_EQ(rec.id, "17");
  EXPECT_EQ(rec.url, "");
  EXPECT_EQ(rec.published, "2020-02-03");
  // An unparseable date is dropped, not an error.
  ASSERT_TRUE(parser.parse(R"({"id":"a","text":"x","date":"FEB-1987"})", rec, err));
  EXPECT_EQ(rec.published, "");
}

TEST(JsonlParser, ErrorsNameTheReasonAndKeepTheId) {
  JsonlParser parser;
  InputRecord rec;
  std::string err;
  EXPECT_FALSE(parser.parse(R"({"id":"a","text":"x")", rec, err));
  EXPECT_NE(err.find("malformed JSON"), std::string::npos);
  EXPECT_FALSE(parser.parse(R"({"id":"b"})", rec, err));
  EXPECT_EQ(err, "missing \"text\" field");
  EXPECT_FALSE(parser.parse(R"({"id":"c","text":5})", rec, err));
  EXPECT_NE(err.find("\"text\""), std::string::npos);
  EXPECT_FALSE(parser.parse("[1,2]", rec, err));
  EXPECT_EQ(err, "not a JSON object");
  EXPECT_FALSE(parser.parse("{\"id\":\"d\",\"text\":\"bad \xC3\x28 byte\"}", rec, err));
  EXPECT_EQ(err, "invalid UTF-8 at byte 22 of the line");
  EXPECT_EQ(rec.id, "d");
}

TEST(NormalizePublished, IsoDates) {
  EXPECT_EQ(normalize_published("2026-11-25"), "2026-11-25");
  EXPECT_EQ(normalize_published("2026-11-25 10:00"), "2026-11-25");
  // The date as written, whatever the offset.
  EXPECT_EQ(normalize_published("2024-03-05T23:30:00-05:00"), "2024-03-05");
  EXPECT_EQ(normalize_published("2024-03-05T00:10:00.123+09:00"), "2024-03-05");
  EXPECT_EQ(normalize_published(" 2024-03-05T10:00:00Z "), "2024-03-05");
  EXPECT_EQ(normalize_published("2026-13-25"), "");
  EXPECT_EQ(normalize_published("2023-02-29"), "");  // not a leap year
  EXPECT_EQ(normalize_published("2024-02-29"), "2024-02-29");
  EXPECT_EQ(normalize_published("2026-11-2"), "");
  EXPECT_EQ(normalize_published("20261125"), "");  // too ambiguous to guess
}

TEST(NormalizePublished, Rfc2822AndWrittenDates) {
  EXPECT_EQ(normalize_published("Tue, 05 Mar 2024 10:00:00 GMT"), "2024-03-05");
  EXPECT_EQ(normalize_published("Sun, 1 Dec 2019 23:59:59 +0100"), "2019-12-01");
  EXPECT_EQ(normalize_published("26-FEB-1987 15:01:01.79"), "1987-02-26");
  EXPECT_EQ(normalize_published("9-APR-1987 23:57:19.95"), "1987-04-09");
  EXPECT_EQ(normalize_published("March 5, 2024"), "2024-03-05");
  EXPECT_EQ(normalize_published("Sept 30 2021"), "2021-09-30");
  EXPECT_EQ(normalize_published("5 March 2024"), "2024-03-05");
  EXPECT_EQ(normalize_published("Thursday, 7 November 2024"), "2024-11-07");
  EXPECT_EQ(normalize_published("31 June 2024"), "");  // no such day
  EXPECT_EQ(normalize_published("March 2024"), "");
  EXPECT_EQ(normalize_published("5 Marchy 2024"), "");
  EXPECT_EQ(normalize_published("yesterday"), "");
  EXPECT_EQ(normalize_published(""), "");
}

TEST(NormalizePublished, UnixTime) {
  EXPECT_EQ(normalize_published("1709632800"), "2024-03-05");  // 2024-03-05T10:00:00Z
  EXPECT_EQ(normalize_published("1709683199"), "2024-03-05");  // 23:59:59 UTC
  EXPECT_EQ(normalize_published("1709683200"), "2024-03-06");
  EXPECT_EQ(normalize_published("1709632800.5"), "2024-03-05");
  EXPECT_EQ(normalize_published("1709632800000"), "2024-03-05");  // milliseconds
  EXPECT_EQ(normalize_published("123"), "");
}

TEST(JsonlParser, DateFieldsInCommonFormats) {
  JsonlParser parser;
  InputRecord rec;
  std::string err;
  ASSERT_TRUE(parser.parse(R"({"text":"x","date":"26-FEB-1987 15:01:01.79"})", rec, err)) << err;
  EXPECT_EQ(rec.published, "1987-02-26");
  ASSERT_TRUE(
      parser.parse(R"({"text":"x","published":"Tue, 05 Mar 2024 10:00:00 GMT"})", rec, err));
  EXPECT_EQ(rec.published, "2024-03-05");
  ASSERT_TRUE(parser.parse(R"({"text":"x","date":1709632800})", rec, err)) << err;
  EXPECT_EQ(rec.published, "2024-03-05");
  ASSERT_TRUE(parser.parse(R"({"text":"x","published":1709683200})", rec, err)) << err;
  EXPECT_EQ(rec.published, "2024-03-06");
  ASSERT_TRUE(parser.parse(R"({"text":"x","pubDate":"5 March 2024"})", rec, err)) << err;
  EXPECT_EQ(rec.published, "2024-03-05");
  // "published" wins over "date"; an unreadable "published" falls back to it.
  ASSERT_TRUE(
      parser.parse(R"({"text":"x","date":"2020-01-01","published":"2024-03-05"})", rec, err));
  EXPECT_EQ(rec.published, "2024-03-05");
  ASSERT_TRUE(parser.parse(R"({"text":"x","published":"soon","date":"March 5, 2024"})", rec, err));
  EXPECT_EQ(rec.published, "2024-03-05");
  // Unknown forms and other value types leave the date empty, not an error.
  ASSERT_TRUE(parser.parse(R"({"text":"x","date":"last week"})", rec, err)) << err;
  EXPECT_EQ(rec.published, "");
  ASSERT_TRUE(parser.parse(R"({"text":"x","date":null})", rec, err)) << err;
  EXPECT_EQ(rec.published, "");
  ASSERT_TRUE(parser.parse(R"({"text":"x","date":[2024]})", rec, err)) << err;
  EXPECT_EQ(rec.published, "");
}

TEST(TextReader, WholeFileIsTextFirstLineIsTitle) {
  auto p = temp_file("a.txt", "Headline here\r\nBody one.\n\nBody two.\n");
  InputRecord rec;
  std::string err;
  ASSERT_TRUE(read_text_article(p.string(), true, rec, err)) << err;
  EXPECT_EQ(rec.title, "Headline here");
  EXPECT_EQ(rec.text, "Headline here\r\nBody one.\n\nBody two.\n");
  ASSERT_TRUE(read_text_article(p.string(), false, rec, err));
  EXPECT_EQ(rec.title, "");
}

TEST(TextReader, RejectsInvalidUtf8WithOffset) {
  auto p = temp_file("bad.txt", "fine text \xFE more");
  InputRecord rec;
  std::string err;
  EXPECT_FALSE(read_text_article(p.string(), true, rec, err));
  EXPECT_NE(err.find("invalid UTF-8 at byte offset 10"), std::string::npos) << err;
  EXPECT_NE(err.find(p.string()), std::string::npos);
}

TEST(TextReader, MissingFileIsAnError) {
  InputRecord rec;
  std::string err;
  EXPECT_FALSE(read_text_article("/nonexistent/claimtrace.txt", true, rec, err));
  EXPECT_NE(err.find("cannot open"), std::string::npos);
}

// level 0 stores the bytes verbatim.
std::string gzip_member(const std::string& data, int level = 6) {
  z_stream zs{};
  deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string zstd_frame(const std::string& data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3));
  return out;
}

std::string read_all(const fs::path& p, std::string& error, unsigned threads = 0,
                     size_t slice_bytes = 256 << 10) {
  CompressedInput in;
  in.set_threads(threads, slice_bytes);
  std::string out;
  if (!in.open(p.string(), error)) return out;
  char buf[7];  // small reads cross member and frame boundaries
  size_t n;
  while ((n = in.read(buf, sizeof buf)) > 0) out.append(buf, n);
  error = in.error();
  return out;
}

TEST(CompressedInput, PlainGzipMembersAndZstdFramesReadAlike) {
  const std::string a = "first part of the file, ", b = "second part\n";
  std::string error;
  EXPECT_EQ(read_all(temp_file("plain.txt", a + b), error), a + b);
  EXPECT_EQ(error, "");
  EXPECT_EQ(read_all(temp_file("two.gz", gzip_member(a) + gzip_member(b)), error), a + b);
  EXPECT_EQ(error, "");
  // Zero padding after the last member (some archivers) is not an error.
  EXPECT_EQ(read_all(temp_file("pad.gz", gzip_member(a) + std::string(8, '\0')), error), a);
  EXPECT_EQ(error, "");
  // The name does not matter: content is sniffed.
  EXPECT_EQ(read_all(temp_file("two.txt", zstd_frame(a) + zstd_frame(b)), error), a + b);
  EXPECT_EQ(error, "");
  EXPECT_EQ(read_all(temp_file("empty.zst", ""), error), "");
  EXPECT_EQ(error, "");
}

TEST(CompressedInput, TruncatedOrCorruptStreamsAreReported) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "line " + std::to_string(i) + " of the record file\n";
  std::string error;
  std::string z = zstd_frame(text);
  std::string got = read_all(temp_file("trunc.zst", z.substr(0, z.size() / 2)), error);
  EXPECT_NE(error.find("truncated or corrupt"), std::string::npos) << error;
  EXPECT_LT(got.size(), text.size());
  EXPECT_EQ(text.compare(0, got.size(), got), 0);  // what was read is intact
  std::string g = gzip_member(text);
  read_all(temp_file("trunc.gz", g.substr(0, g.size() / 2)), error);
  EXPECT_NE(error.find("truncated or corrupt"), std::string::npos) << error;
  g[g.size() / 2] ^= 0x55;
  g[g.size() / 2 + 1] ^= 0x55;
  read_all(temp_file("bad.gz", g), error);
  EXPECT_NE(error.find("truncated or corrupt"), std::string::npos) << error;
  EXPECT_FALSE(CompressedInput().open("/nonexistent/claimtrace/file.zst", error));
  EXPECT_NE(error.find("cannot open"), std::string::npos);
}

// Members small enough to sit whole in the input buffer take a faster path
// than large ones; the output must not depend on which path a member takes.
TEST(CompressedInput, LargeAndSmallGzipMembersReadAlike) {
  std::string noisy;  // hardly compresses: more compressed bytes than one input buffer
  uint32_t state = 12345;
  for (int i = 0; i < 3 << 20; ++i) {
    state = state * 1103515245u + 12345u;
    noisy += static_cast<char>(state >> 24);
  }
  std::string repetitive;  // inflates to more than the first output buffer
  for (int i = 0; i < 200000; ++i) repetitive += "row " + std::to_string(i % 97) + "\n";
  const std::string small = "a short member\n";
  std::string error;
  std::string all = small + noisy + small + repetitive + small;
  std::string got =
      read_all(temp_file("mixed.gz", gzip_member(small) + gzip_member(noisy) + gzip_member(small) +
                                         gzip_member(repetitive) + gzip_member(small)),
               error);
  EXPECT_EQ(error, "");
  EXPECT_EQ(got.size(), all.size());
  EXPECT_TRUE(got == all);
  // A corrupt member after good ones: the good ones are read, then the error.
  std::string bad = gzip_member(repetitive);
  bad[bad.size() / 2] ^= 0x55;
  bad[bad.size() / 2 + 1] ^= 0x55;
  got = read_all(temp_file("good_then_bad.gz", gzip_member(small) + bad), error);
  EXPECT_NE(error.find("truncated or corrupt"), std::string::npos) << error;
  EXPECT_EQ(got.compare(0, small.size(), small), 0);
}

// Many members of varied size, as in a .warc.gz; `members` receives each
// member's text.
std::string many_members(int count, std::vector<std::string>& members) {
  std::string file;
  uint32_t state = 777;
  for (int i = 0; i < count; ++i) {
    state = state * 1103515245u + 12345u;
    std::string text = "record " + std::to_string(i) + "\n";
    int lines = static_cast<int>(state >> 20) % 200;
    for (int j = 0; j < lines; ++j) text += "line " + std::to_string((j * 7919 + i) % 1013) + "\n";
    members.push_back(text);
    file += gzip_member(text);
  }
  return file;
}

// Several threads inflate slices of a multi-member file; the bytes must be
// those of one thread, whatever the slice size and wherever members fall.
TEST(CompressedInput, ParallelReadingGivesTheSequentialBytes) {
  std::vector<std::string> members;
  std::string file = many_members(3000, members);
  std::string all;
  for (const auto& m : members) all += m;
  auto path = temp_file("many.gz", file);
  for (unsigned threads : {1u, 2u, 4u}) {
    for (size_t slice : {size_t{64}, size_t{4096}, size_t{50000}, size_t{256} << 10}) {
      std::string error;
      std::string got = read_all(path, error, threads, slice);
      EXPECT_EQ(error, "") << threads << " threads, slice " << slice;
      EXPECT_TRUE(got == all) << threads << " threads, slice " << slice << ": " << got.size()
                              << " of " << all.size() << " bytes";
    }
  }
}

// A member stored uncompressed can hold what looks like, and even inflates
// as, a gzip member: a worker starting there must not be believed.
TEST(CompressedInput, ParallelReadingIsNotFooledByMembersInsideMembers) {
  std::vector<std::string> members;
  std::string file = many_members(400, members);
  std::string inner = gzip_member("a member inside another member\n");
  std::string decoy;
  for (int i = 0; i < 200; ++i) decoy += inner + "filler " + std::to_string(i) + "\n";
  std::string all;
  for (size_t i = 0; i < members.size(); ++i) all += members[i];
  file += gzip_member(decoy, 0) + file;
  all += decoy + all;
  auto path = temp_file("decoy.gz", file);
  for (size_t slice : {size_t{100}, size_t{3000}, size_t{20000}}) {
    std::string error;
    std::string got = read_all(path, error, 3, slice);
    EXPECT_EQ(error, "") << "slice " << slice;
    EXPECT_TRUE(got == all) << "slice " << slice << ": " << got.size() << " of " << all.size();
  }
}

// Damage found by a worker is reported as the sequential reader reports it,
// after every byte before it.
TEST(CompressedInput, ParallelReadingReportsDamageAfterTheGoodMembers) {
  std::vector<std::string> members;
  std::string file = many_members(2000, members);
  std::string all;
  for (const auto& m : members) all += m;
  for (double where : {0.3, 0.9}) {
    std::string bad = file;
    size_t at = static_cast<size_t>(bad.size() * where);
    bad[at] ^= 0x55;
    bad[at + 1] ^= 0x55;
    std::string seq_error, par_error;
    std::string seq = read_all(temp_file("bad_seq.gz", bad), seq_error, 1);
    std::string par = read_all(temp_file("bad_par.gz", bad), par_error, 2, 2048);
    EXPECT_NE(par_error.find("truncated or corrupt"), std::string::npos) << par_error;
    EXPECT_EQ(par_error.substr(par_error.find(':')), seq_error.substr(seq_error.find(':')));
    EXPECT_TRUE(par == seq) << par.size() << " vs " << seq.size();
    EXPECT_GT(par.size(), all.size() * where * 0.8);
    // Truncated there instead.
    std::string cut = file.substr(0, at);
    par = read_all(temp_file("cut_par.gz", cut), par_error, 2, 2048);
    EXPECT_NE(par_error.find("truncated or corrupt"), std::string::npos) << par_error;
    EXPECT_EQ(all.compare(0, par.size(), par), 0);
    EXPECT_GT(par.size(), all.size() * where * 0.8);
  }
  // Padding after the last member is ignored, as by one thread.
  std::string error;
  std::string got = read_all(temp_file("padded.gz", file + std::string(100, '\0')), error, 2, 2048);
  EXPECT_EQ(error, "");
  EXPECT_TRUE(got == all);
}

TEST(LineReader, ReadsGzipAndPlainAlike) {
  std::string content = "one\ntwo\r\n\nlast-without-newline";
  auto plain = temp_file("plain.jsonl", content);
  fs::path gz = fs::temp_directory_path() / unique("claimtrace_ingest_lines.jsonl.gz");
  gzFile f = gzopen(gz.c_str(), "wb");
  gzwrite(f, content.data(), static_cast<unsigned>(content.size()));
  gzclose(f);
  for (const fs::path& p : {plain, gz}) {
    LineReader r;
    std::string err, line;
    ASSERT_TRUE(r.open(p.string(), err)) << err;
    std::vector<std::string> lines;
    while (r.next(line)) lines.push_back(line);
    EXPECT_TRUE(r.error().empty());
    EXPECT_EQ(lines, (std::vector<std::string>{"one", "two", "", "last-without-newline"}));
    EXPECT_EQ(r.line_number(), 4u);
  }
}

TEST(LineReader, TruncatedGzipIsReportedNotFatal) {
  std::string content;
  for (int i = 0; i < 20000; ++i)
    content += "{\"id\":\"" + std::to_string(i) + "\",\"text\":\"x\"}\n";
  fs::path gz = fs::temp_directory_path() / unique("claimtrace_ingest_trunc.jsonl.gz");
  gzFile f = gzopen(gz.c_str(), "wb");
  gzwrite(f, content.data(), static_cast<unsigned>(content.size()));
  gzclose(f);
  fs::resize_file(gz, fs::file_size(gz) / 2);
  LineReader r;
  std::string err, line;
  ASSERT_TRUE(r.open(gz.string(), err));
  size_t n = 0;
  while (r.next(line)) ++n;
  EXPECT_GT(n, 0u);
  EXPECT_LT(n, 20000u);
  EXPECT_FALSE(r.error().empty());
}

}  // namespace
}  // namespace claimtrace
