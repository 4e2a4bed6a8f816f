// Store tests on articles we write: schema and migrations, idempotent and
// atomic writes, copies, round-trip of every layer, full-text search, query
// filters and the first story grouping.
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/content_hash.h"
#include "output/json_output.h"
#include "pipeline/analyzer.h"
#include "segment/segmenter.h"
#include "store/store.h"

namespace claimtrace::store {
namespace {

namespace fs = std::filesystem;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("claimtrace_store_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "t.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  static Document article(std::string id, std::string text, std::string title = "",
                          std::string outlet = "Test Desk", std::string published = "2026-11-20") {
    Document d;
    d.text = std::move(text);
    d.hash = content_hash(d.text);
    d.id = std::move(id);
    d.title = std::move(title);
    d.outlet = std::move(outlet);
    d.published = std::move(published);
    return d;
  }

  // Writes docs in one batch and returns the outcomes.
  static std::vector<WriteOutcome> write(Store& s, const std::vector<Document>& docs) {
    std::vector<PreparedDocument> prepared(docs.size());
    for (size_t i = 0; i < docs.size(); ++i) prepare(docs[i], prepared[i]);
    std::vector<WriteResult> results;
    s.write_batch(prepared, results);
    std::vector<WriteOutcome> out;
    for (const auto& r : results) out.push_back(r.outcome);
    return out;
  }

  static std::string cell(const ResultTable& t, size_t row, const std::string& col) {
    for (size_t c = 0; c < t.columns.size(); ++c)
      if (t.columns[c].name == col) return t.rows.at(row).at(c).value_or("NULL");
    ADD_FAILURE() << "no column " << col;
    return "";
  }

  // The span of the first occurrence of `needle` in the document text.
  static Span at(const Document& d, std::string_view needle) {
    size_t p = d.text.find(needle);
    EXPECT_NE(p, std::string::npos) << needle;
    return Span{static_cast<uint32_t>(p), static_cast<uint32_t>(p + needle.size())};
  }

  // A document with every layer filled, spans pointing into its text.
  static Document full_document() {
    Document d = article("full-1",
                         "Officials in Dalmar said on Monday that rebels shelled the port. "
                         "A source told the agency the attack may continue.",
                         "Port shelled", "Example Wire", "2026-11-21");
    segment::segment(d);  // real sentences and tokens; the other layers are set below
    Entity& e = d.entities.emplace_back();
    e.id = "e1";
    e.type = EntityType::kGpe;
    e.name = "Dalmar";
    e.mentions = {at(d, "Dalmar")};
    e.actor = "DLM";
    Cue& c = d.cues.emplace_back();
    c.span = at(d, "said");
    c.cue_class = CueClass::kSay;
    c.rule = "say-verb";
    Cue& c2 = d.cues.emplace_back();
    c2.span = at(d, "may");
    c2.cue_class = CueClass::kHedge;
    c2.rule = "modal-may";
    Attribution& a = d.attributions.emplace_back();
    a.id = "a1";
    a.has_source = true;
    a.source = at(d, "Officials in Dalmar");
    a.source_kind = SourceKind::kOrganisation;
    a.source_entity = 0;
    a.cue = at(d, "said");
    a.content = {at(d, "rebels shelled the port")};
    a.certainty = Certainty::kReported;
    a.cues = {0};
    a.rule = "source-say-content";
    Attribution& b = d.attributions.emplace_back();
    b.id = "a2";
    b.has_source = true;
    b.source = at(d, "A source");
    b.source_kind = SourceKind::kAnonymous;
    b.cue = at(d, "told");
    b.content = {at(d, "attack"), at(d, "may continue.")};
    b.via = 0;
    b.quoted = true;
    b.certainty = Certainty::kSpeculative;
    b.cues = {0, 1};
    b.rule = "told-agency";
    Event& v = d.events.emplace_back();
    v.id = "v1";
    v.source.code = "DLMREB";
    v.source.has_text = true;
    v.source.text = at(d, "rebels");
    v.has_target = true;
    v.target.code = "DLM";
    v.code = "195";
    v.has_verb = true;
    v.verb = at(d, "shelled");
    v.location = 0;
    v.attribution = 0;
    v.certainty = Certainty::kReported;
    v.issues = {{"MILITARY", "SHELLING"},
                {"ECONOMIC", "PORTS"}};  // as a PETRARCH issues file codes
    Event& w = d.events.emplace_back();
    w.id = "v2";
    w.source.code = "DLM";
    w.code = "036";
    w.attribution = 1;
    w.certainty = Certainty::kSpeculative;
    w.negated = true;
    return d;
  }

  fs::path dir_;
  std::string path_;
};

TEST_F(StoreTest, NewStoreIsAtLatestSchemaVersion) {
  ASSERT_GE(sqlite_latest_schema_version(), 1);
  {
    auto s = open_sqlite_store(path_);
    EXPECT_EQ(s->schema_version(), sqlite_latest_schema_version());
    EXPECT_EQ(s->check_integrity(), "ok");
  }
  // Reopening does not re-run migrations (they would fail: tables exist).
  auto s = open_sqlite_store(path_);
  EXPECT_EQ(s->schema_version(), sqlite_latest_schema_version());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "wal");
  sqlite3_finalize(st);
  sqlite3_close(db);
}

TEST_F(StoreTest, RefusesStoreFromNewerClaimtrace) {
  open_sqlite_store(path_).reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 999", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  EXPECT_THROW(open_sqlite_store(path_), StoreError);
}

TEST_F(StoreTest, RoundTripsEveryLayer) {
  Document d = full_document();
  {
    auto s = open_sqlite_store(path_);
    EXPECT_EQ(write(*s, {d}), std::vector<WriteOutcome>{WriteOutcome::kStored});
  }
  auto s = open_sqlite_store(path_);
  Document back;
  ASSERT_TRUE(s->load_document("full-1", back));
  std::string want, got;
  output::write_document_json(d, {}, want);
  output::write_document_json(back, {}, got);
  EXPECT_EQ(got, want);
  EXPECT_GE(back.sentences.size(), 2u);
  ASSERT_EQ(back.attributions.size(), 2u);
  EXPECT_EQ(back.attributions[1].via, 0);
  EXPECT_EQ(back.attributions[1].content.size(), 2u);
  EXPECT_EQ(back.attributions[1].rule, "told-agency");
  ASSERT_EQ(back.events.size(), 2u);
  EXPECT_EQ(back.events[0].issues, d.events[0].issues);  // in their order
  EXPECT_TRUE(back.events[1].issues.empty());
  EXPECT_FALSE(s->load_document("no-such-id", back));
}

TEST_F(StoreTest, EventIssuesAreStoredQueriedAndAddedToOlderStores) {
  Document d = full_document();
  {
    auto s = open_sqlite_store(path_);
    write(*s, {d});
    ResultTable t = s->events(QueryFilter{});
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(cell(t, 0, "issues"), "MILITARY:SHELLING;ECONOMIC:PORTS");
    EXPECT_EQ(cell(t, 1, "issues"), "NULL");
  }
  // A store as version 6 wrote it (no event_issues table) opens, is migrated,
  // still loads its events (with no issues) and stores new ones with theirs.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "DROP TABLE event_issues; PRAGMA user_version = 6", nullptr, nullptr,
                         nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto s = open_sqlite_store(path_);
  EXPECT_EQ(s->schema_version(), sqlite_latest_schema_version());
  EXPECT_EQ(s->check_integrity(), "ok");
  Document back;
  ASSERT_TRUE(s->load_document("full-1", back));
  ASSERT_EQ(back.events.size(), 2u);
  EXPECT_TRUE(back.events[0].issues.empty());
  EXPECT_EQ(back.events[0].code, "195");
  Document other = d;
  other.id = "full-2";
  other.text += " More.";
  other.hash = content_hash(other.text);
  EXPECT_EQ(write(*s, {other}), std::vector<WriteOutcome>{WriteOutcome::kStored});
  ASSERT_TRUE(s->load_document("full-2", back));
  EXPECT_EQ(back.events[0].issues, d.events[0].issues);
}

TEST_F(StoreTest, SameRecordTwiceIsStoredOnce) {
  auto s = open_sqlite_store(path_);
  std::vector<Document> docs = {article("a", "Alpha text here."), article("b", "Beta text here.")};
  EXPECT_EQ(write(*s, docs), (std::vector{WriteOutcome::kStored, WriteOutcome::kStored}));
  EXPECT_EQ(write(*s, docs), (std::vector{WriteOutcome::kSkipped, WriteOutcome::kSkipped}));
  ResultTable t = s->totals();
  EXPECT_EQ(cell(t, 0, "documents"), "2");
  EXPECT_EQ(cell(t, 0, "copies"), "0");
}

TEST_F(StoreTest, SameBodyUnderAnotherIdIsACopy) {
  auto s = open_sqlite_store(path_);
  std::vector<Document> docs = {article("orig", "The same wire story.", "T", "Wire A"),
                                article("reprint", "The same wire story.", "T2", "Paper B")};
  EXPECT_EQ(write(*s, docs), (std::vector{WriteOutcome::kStored, WriteOutcome::kCopy}));
  Document c;
  ASSERT_TRUE(s->load_document("reprint", c));
  EXPECT_EQ(c.id, "reprint");
  EXPECT_EQ(c.outlet, "Paper B");
  EXPECT_EQ(c.text, "The same wire story.");
  ResultTable t = s->totals();
  EXPECT_EQ(cell(t, 0, "documents"), "1");
  EXPECT_EQ(cell(t, 0, "copies"), "1");
  // Ingesting the copy again is skipped too.
  EXPECT_EQ(write(*s, {docs[1]}), std::vector{WriteOutcome::kSkipped});
}

TEST_F(StoreTest, SameIdWithOtherContentIsAConflict) {
  auto s = open_sqlite_store(path_);
  write(*s, {article("x", "First version.")});
  EXPECT_EQ(write(*s, {article("x", "Second version.")}), std::vector{WriteOutcome::kConflict});
  Document d;
  ASSERT_TRUE(s->load_document("x", d));
  EXPECT_EQ(d.text, "First version.");
}

TEST_F(StoreTest, FailedBatchLeavesNothingBehind) {
  auto s = open_sqlite_store(path_);
  // A trigger (installed behind the store's back) makes the second article
  // of the batch fail after the first one and its layers were inserted.
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other,
                         "CREATE TRIGGER fail_bad BEFORE INSERT ON documents WHEN NEW.id = 'bad' "
                         "BEGIN SELECT RAISE(ABORT, 'injected failure'); END",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  Document good = full_document();
  std::vector<Document> docs = {good, article("bad", "This one fails.")};
  EXPECT_THROW(write(*s, docs), StoreError);
  Document d;
  EXPECT_FALSE(s->load_document("full-1", d));
  ResultTable t = s->totals();
  EXPECT_EQ(cell(t, 0, "documents"), "0");
  EXPECT_EQ(cell(t, 0, "sentences"), "0");
  EXPECT_EQ(cell(t, 0, "attributions"), "0");
  EXPECT_TRUE(s->search("\"dalmar\"", QueryFilter{}).rows.empty());
  // The store stays usable: without the failure the batch commits.
  ASSERT_EQ(sqlite3_exec(other, "DROP TRIGGER fail_bad", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(other);
  EXPECT_EQ(write(*s, docs), (std::vector{WriteOutcome::kStored, WriteOutcome::kStored}));
  EXPECT_TRUE(s->load_document("full-1", d));
  EXPECT_EQ(s->check_integrity(), "ok");
}

TEST_F(StoreTest, FullTextSearchFindsWordsAndHonoursFilters) {
  auto s = open_sqlite_store(path_);
  write(*s, {article("h1", "Harbour workers went on strike in Velmora on Tuesday.", "Strike",
                     "Coast Post", "2026-10-01"),
             article("h2", "The Velmora council approved a new budget.", "Budget", "City Daily",
                     "2026-11-01"),
             article("h3", "Nothing about the town here.", "Other", "City Daily", "2026-11-02")});
  QueryFilter f;
  ResultTable r = s->search("\"velmora\"", f);
  ASSERT_EQ(r.rows.size(), 2u);
  r = s->search("\"strike\"", f);
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(cell(r, 0, "id"), "h1");
  EXPECT_NE(cell(r, 0, "snippet").find("[strike]"), std::string::npos) << cell(r, 0, "snippet");
  EXPECT_TRUE(s->search("\"zebra\"", f).rows.empty());
  f.outlet = "City Daily";
  r = s->search("\"velmora\"", f);
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(cell(r, 0, "id"), "h2");
  f = QueryFilter{};
  f.until = "2026-10-15";
  r = s->search("\"velmora\"", f);
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(cell(r, 0, "id"), "h1");
  EXPECT_EQ(s->check_integrity(), "ok");
}

TEST_F(StoreTest, ClaimAndEventFilters) {
  auto s = open_sqlite_store(path_);
  write(*s, {full_document()});
  QueryFilter f;
  EXPECT_EQ(s->claims(f).rows.size(), 2u);
  f.certainty = "speculative";
  ResultTable c = s->claims(f);
  ASSERT_EQ(c.rows.size(), 1u);
  EXPECT_EQ(cell(c, 0, "id"), "a2");
  EXPECT_EQ(cell(c, 0, "via"), "a1");
  EXPECT_EQ(cell(c, 0, "source_kind"), "anonymous");
  EXPECT_EQ(cell(c, 0, "content"), "attack \u2026 may continue.");
  f = QueryFilter{};
  f.source_kind = "organisation";
  EXPECT_EQ(s->claims(f).rows.size(), 1u);
  f.source_kind = "person";
  EXPECT_TRUE(s->claims(f).rows.empty());

  ResultTable src = s->sources(QueryFilter{});
  ASSERT_EQ(src.rows.size(), 2u);
  EXPECT_EQ(cell(src, 0, "source"), "A source");
  EXPECT_EQ(cell(src, 0, "kind"), "anonymous");
  EXPECT_EQ(cell(src, 0, "claims"), "1");
  f = QueryFilter{};
  f.source_kind = "anonymous";
  EXPECT_EQ(s->sources(f).rows.size(), 1u);

  f = QueryFilter{};
  EXPECT_EQ(s->events(f).rows.size(), 2u);
  f.code = "19";
  ResultTable v = s->events(f);
  ASSERT_EQ(v.rows.size(), 1u);
  EXPECT_EQ(cell(v, 0, "code"), "195");
  EXPECT_EQ(cell(v, 0, "root"), "19");
  EXPECT_EQ(cell(v, 0, "quad_class"), "4");
  EXPECT_EQ(cell(v, 0, "location"), "Dalmar");
  EXPECT_EQ(cell(v, 0, "goldstein"), "-10.0");  // data/cameo/event_codes.tsv, filled at write time
  f = QueryFilter{};
  f.root = "03";
  v = s->events(f);
  ASSERT_EQ(v.rows.size(), 1u);
  EXPECT_EQ(cell(v, 0, "quad_class"), "1");
  EXPECT_EQ(cell(v, 0, "negated"), "1");
  f = QueryFilter{};
  f.actor = "DLMR";
  v = s->events(f);
  ASSERT_EQ(v.rows.size(), 1u);
  EXPECT_EQ(cell(v, 0, "id"), "v1");
  f.actor.clear();
  f.target = "DLM";
  EXPECT_EQ(s->events(f).rows.size(), 1u);  // v2 has no target
  f.target.clear();
  f.place = "Dalmar";
  EXPECT_EQ(s->events(f).rows.size(), 1u);
  f.place = "Velmora";
  EXPECT_TRUE(s->events(f).rows.empty());
  f = QueryFilter{};
  f.since = "2026-11-22";
  EXPECT_TRUE(s->events(f).rows.empty());
  f = QueryFilter{};
  f.limit = 1;
  EXPECT_EQ(s->events(f).rows.size(), 1u);
}

TEST_F(StoreTest, EntitiesAcrossDocuments) {
  auto s = open_sqlite_store(path_);
  Document a = full_document();
  Document b = full_document();
  b.id = "full-2";
  b.text += " More.";
  b.hash = content_hash(b.text);
  b.entities[0].mentions.push_back(at(b, "More"));
  Entity& p = b.entities.emplace_back();
  p.id = "e2";
  p.type = EntityType::kPer;
  p.name = "A source";
  p.mentions = {at(b, "A source")};
  write(*s, {a, b});
  ResultTable t = s->entities(QueryFilter{});
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(cell(t, 0, "name"), "Dalmar");
  EXPECT_EQ(cell(t, 0, "documents"), "2");
  EXPECT_EQ(cell(t, 0, "mentions"), "3");
  EXPECT_EQ(cell(t, 0, "actor"), "DLM");
  QueryFilter f;
  f.type = "PER";
  t = s->entities(f);
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(cell(t, 0, "name"), "A source");
}

TEST_F(StoreTest, StoriesGroupCopiesAndReprintsOnly) {
  auto s = open_sqlite_store(path_);
  std::string body =
      "Flooding closed the main road between Arlen and Tove on Sunday, officials said, and "
      "three villages were evacuated as the river rose for a second day.";
  write(*s, {article("w1", "ARLEN, Nov 2 (Wire) - " + body, "Floods close road", "Wire"),
             article("p1", "ARLEN (Daily) - " + body, "Floods close road", "Daily"),
             article("c1", "ARLEN, Nov 2 (Wire) - " + body, "Floods close road", "Copier"),
             article("o1", "The council met to discuss the harvest festival.", "Festival")});
  std::vector<Story> stories = s->stories(0);
  ASSERT_EQ(stories.size(), 2u);
  EXPECT_EQ(stories[0].documents, (std::vector<std::string>{"c1", "p1", "w1"}));
  EXPECT_EQ(stories[1].documents, std::vector<std::string>{"o1"});
  EXPECT_EQ(s->stories(1).size(), 1u);
}

// Runs one SQL query on the store file behind the interface's back and
// returns the first column of every row ("NULL" for NULL).
std::vector<std::string> sql_column(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  std::vector<std::string> out;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &st, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  while (st && sqlite3_step(st) == SQLITE_ROW) {
    const unsigned char* t = sqlite3_column_text(st, 0);
    out.emplace_back(t ? reinterpret_cast<const char*>(t) : "NULL");
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

// Makes entity `n` of `d` a resolved place.
void geocode(Entity& e, uint32_t geonameid, const char* country, const char* feature) {
  e.has_geo = true;
  e.geo.geonameid = geonameid;
  e.geo.lat = 35.5f;
  e.geo.lon = 36.25f;
  e.geo.country[0] = country[0];
  e.geo.country[1] = country[1];
  e.geo.feature = feature;
}

TEST_F(StoreTest, PlacesAreOnePerGeonamesIdAndEventsPointToThem) {
  auto s = open_sqlite_store(path_);
  Document a = full_document();
  geocode(a.entities[0], 4242, "DL", "PPLA");
  Document b = full_document();
  b.id = "full-2";
  b.text += " Dalmar again.";
  b.hash = content_hash(b.text);
  geocode(b.entities[0], 4242, "DL", "PPLA");
  Entity& country = b.entities.emplace_back();  // no GeoNames id: keyed by name and feature
  country.id = "e2";
  country.type = EntityType::kGpe;
  country.name = "Dalmaria";
  country.mentions = {at(b, "again")};
  geocode(country, 0, "DL", "PCLI");
  write(*s, {a, b});
  EXPECT_EQ(sql_column(path_, "SELECT coalesce(geonameid, name) FROM places ORDER BY place"),
            (std::vector<std::string>{"4242", "Dalmaria"}));
  EXPECT_EQ(sql_column(path_, "SELECT count(*) FROM entities WHERE place = 1"),
            std::vector<std::string>{"2"});
  EXPECT_EQ(sql_column(path_, "SELECT count(*) FROM events WHERE place = 1"),
            std::vector<std::string>{"2"});  // v1 of each document is located in Dalmar
  QueryFilter f;
  f.place = "4242";
  EXPECT_EQ(s->events(f).rows.size(), 2u);
  f.place = "DALMAR";
  ResultTable v = s->events(f);
  ASSERT_EQ(v.rows.size(), 2u);
  EXPECT_EQ(cell(v, 0, "geonameid"), "4242");
  // Claims reporting an event located there: a1 of each document.
  EXPECT_EQ(s->claims(f).rows.size(), 2u);
  ResultTable t = s->totals();
  EXPECT_EQ(cell(t, 0, "places"), "2");
}

TEST_F(StoreTest, RolledBackBatchForgetsItsPlacesAndOutlets) {
  auto s = open_sqlite_store(path_);
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other,
                         "CREATE TRIGGER fail_bad BEFORE INSERT ON documents WHEN NEW.id = 'bad' "
                         "BEGIN SELECT RAISE(ABORT, 'injected failure'); END",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  Document a = full_document();
  geocode(a.entities[0], 4242, "DL", "PPLA");
  std::vector<Document> docs = {a, article("bad", "This one fails.")};
  EXPECT_THROW(write(*s, docs), StoreError);
  ASSERT_EQ(sqlite3_exec(other, "DROP TRIGGER fail_bad", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(other);
  // The same connection writes again: its caches must not point at the
  // rows that were rolled back.
  EXPECT_EQ(write(*s, docs), (std::vector{WriteOutcome::kStored, WriteOutcome::kStored}));
  EXPECT_EQ(sql_column(path_,
                       "SELECT count(*) FROM entities e JOIN places p ON p.place = e.place "
                       "WHERE p.geonameid = 4242"),
            std::vector<std::string>{"1"});
  EXPECT_EQ(sql_column(path_,
                       "SELECT o.name FROM documents d JOIN outlets o ON o.outlet = d.outlet_id "
                       "WHERE d.id = 'full-1'"),
            std::vector<std::string>{"Example Wire"});
}

TEST_F(StoreTest, OutletsAreGroupedByNameKey) {
  auto s = open_sqlite_store(path_);
  write(*s,
        {article("o1", "One.", "", "The Example Wire"), article("o2", "Two.", "", "example  wire"),
         article("o3", "Three.", "", "Other Paper")});
  EXPECT_EQ(sql_column(path_, "SELECT key FROM outlets ORDER BY outlet"),
            (std::vector<std::string>{"example wire", "other paper"}));
  QueryFilter f;
  f.outlet = "EXAMPLE WIRE";
  EXPECT_EQ(s->search("\"two\" OR \"one\" OR \"three\"", f).rows.size(), 2u);
  ResultTable o = s->outlets(0);
  ASSERT_EQ(o.rows.size(), 2u);
  EXPECT_EQ(cell(o, 0, "outlet"), "The Example Wire");  // the first spelling seen
  EXPECT_EQ(cell(o, 0, "documents"), "2");
}

TEST_F(StoreTest, ClaimsCarryTheViaChainAndCitedOutlets) {
  auto s = open_sqlite_store(path_);
  Document d = full_document();
  d.attributions[0].source_kind = SourceKind::kOutlet;  // "Officials in Dalmar" as a cited outlet
  d.attributions[0].source_entity = -1;
  write(*s, {d});
  EXPECT_EQ(sql_column(path_, "SELECT chain FROM claims ORDER BY n"),
            (std::vector<std::string>{"Officials in Dalmar", "A source via Officials in Dalmar"}));
  EXPECT_EQ(sql_column(path_, "SELECT depth FROM claims ORDER BY n"),
            (std::vector<std::string>{"0", "1"}));
  EXPECT_EQ(
      sql_column(path_, "SELECT o.key FROM claims c JOIN outlets o ON o.outlet = c.source_outlet"),
      std::vector<std::string>{"officials in dalmar"});
  ResultTable src = s->sources(QueryFilter{});
  ASSERT_EQ(src.rows.size(), 2u);
  EXPECT_EQ(cell(src, 1, "outlet"), "Officials in Dalmar");
  ResultTable c = s->claims(QueryFilter{});
  EXPECT_EQ(cell(c, 1, "chain"), "A source via Officials in Dalmar");
}

TEST_F(StoreTest, ViaCycleEndsAtTheDepthBound) {
  auto s = open_sqlite_store(path_);
  Document d = full_document();
  d.attributions[0].via = 1;  // a1 via a2 via a1 ...: damaged input must not hang the writer
  write(*s, {d});
  EXPECT_EQ(sql_column(path_, "SELECT depth FROM claims ORDER BY n"),
            (std::vector<std::string>{"8", "8"}));
}

TEST_F(StoreTest, UnanalysedRecordIsSkippedOrACopyButNeverStored) {
  auto s = open_sqlite_store(path_);
  write(*s, {article("a", "Alpha text here.")});
  std::vector<Document> docs = {article("a", "Alpha text here."),
                                article("a-copy", "Alpha text here."),
                                article("new", "Never seen before.")};
  std::vector<PreparedDocument> prepared(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) prepare_unanalysed(docs[i], prepared[i]);
  std::vector<WriteResult> results;
  s->write_batch(prepared, results);
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[0].outcome, WriteOutcome::kSkipped);
  EXPECT_EQ(results[1].outcome, WriteOutcome::kCopy);
  EXPECT_EQ(results[2].outcome, WriteOutcome::kConflict);  // would be stored without layers
  Document back;
  EXPECT_FALSE(s->load_document("new", back));
  std::vector<std::string> seen;
  s->for_each_stored_record([&](std::string_view id, std::string_view hash) {
    seen.push_back(std::string(id) + ":" + std::string(hash.substr(0, 4)));
  });
  std::sort(seen.begin(), seen.end());
  const std::string h = content_hash("Alpha text here.").substr(0, 4);
  EXPECT_EQ(seen, (std::vector<std::string>{"a-copy:" + h, "a:" + h}));
}

TEST(StoreHelpers, NameKeyFoldsCaseSpacingPunctuationAndTheArticle) {
  EXPECT_EQ(name_key("The  Associated Press"), "associated press");
  EXPECT_EQ(name_key("  Reuters. "), "reuters");
  EXPECT_EQ(name_key("RIA-Novosti"), "ria novosti");
  EXPECT_EQ(name_key("Théâtre"), "th\u00e9\u00e2tre");
  EXPECT_EQ(name_key("Other"), "other");  // "the" only as a word of its own
  EXPECT_EQ(name_key(" ... "), "");
}

TEST(StoreHelpers, CameoRootAndQuadClass) {
  EXPECT_EQ(cameo_root("0231"), "02");
  EXPECT_EQ(cameo_root("x1"), "");
  EXPECT_EQ(cameo_quad_class("042"), 1);
  EXPECT_EQ(cameo_quad_class("073"), 2);
  EXPECT_EQ(cameo_quad_class("112"), 3);
  EXPECT_EQ(cameo_quad_class("20"), 4);
  EXPECT_EQ(cameo_quad_class("21"), 0);
  EXPECT_EQ(cameo_quad_class(""), 0);
}

TEST(StoreHelpers, NearDuplicateKeyIgnoresDatelineCaseAndPunctuation) {
  std::string body = "Prices rose again, the agency said. More later.";
  EXPECT_EQ(near_duplicate_key("Prices Rise", "PARIS, May 2 (Agency) - " + body),
            near_duplicate_key("prices rise!", body));
  EXPECT_NE(near_duplicate_key("Prices Rise", body), near_duplicate_key("Prices Fall", body));
  EXPECT_NE(near_duplicate_key("", "Prices fell again."), near_duplicate_key("", body));
}

}  // namespace
}  // namespace claimtrace::store
