// SQLite backend of the Store. Every SQL statement of claimtrace lives in
// this file: the schema and its migrations, the write path and the queries.
//
// Why it is shaped this way:
//  - WAL journal + synchronous=NORMAL: readers never block the writer, a
//    transaction is one append to the WAL, and a killed process (kill -9)
//    loses at most the transaction in flight; the file stays consistent.
//  - One transaction per batch (BEGIN IMMEDIATE ... COMMIT): the per-commit
//    cost is paid once per few hundred articles, and a batch is all or
//    nothing, so a half-written article can never be seen.
//  - Prepared statements for the write path are compiled once and reused.
//  - Article text is stored once, zstd-compressed; full-text search uses an
//    FTS5 index with *external content* read through a view that
//    decompresses on demand (SQL function claimtrace_text), so the text is
//    not stored a second time uncompressed.
//  - Schema changes are migrations, numbered from 1, recorded in
//    PRAGMA user_version; a store written by a newer claimtrace is refused.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <ctime>
#include <map>
#include <mutex>
#include <unordered_set>

#include "store/store.h"
#include "store/zstd_codec.h"

namespace claimtrace::store {

namespace {

// ---------------------------------------------------------------- schema --

struct Migration {
  int version;
  const char* sql;
};

// Append only: never edit a migration that has shipped; add the next one.
constexpr Migration kMigrations[] = {
    {1, R"sql(
CREATE TABLE documents (
  doc         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  hash        TEXT NOT NULL UNIQUE,
  near_key    TEXT NOT NULL,
  url         TEXT,
  outlet      TEXT,
  published   TEXT,
  title       TEXT,
  text_size   INTEGER NOT NULL,
  text_zstd   BLOB NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE INDEX documents_outlet ON documents(outlet);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_near_key ON documents(near_key);

CREATE TABLE copies (
  id          TEXT PRIMARY KEY,
  doc         INTEGER NOT NULL REFERENCES documents(doc),
  url         TEXT,
  outlet      TEXT,
  published   TEXT,
  title       TEXT,
  ingested_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX copies_doc ON copies(doc);

CREATE TABLE sentences (
  doc       INTEGER NOT NULL REFERENCES documents(doc),
  n         INTEGER NOT NULL,
  start     INTEGER NOT NULL,
  "end"     INTEGER NOT NULL,
  paragraph INTEGER NOT NULL,
  uncertain INTEGER NOT NULL,
  PRIMARY KEY (doc, n)
) WITHOUT ROWID;

CREATE TABLE entities (
  doc       INTEGER NOT NULL REFERENCES documents(doc),
  n         INTEGER NOT NULL,
  eid       TEXT NOT NULL,
  type      TEXT NOT NULL,
  name      TEXT NOT NULL,
  actor     TEXT,
  geonameid INTEGER,
  lat       REAL,
  lon       REAL,
  country   TEXT,
  admin1    TEXT,
  feature   TEXT,
  PRIMARY KEY (doc, n)
) WITHOUT ROWID;
CREATE INDEX entities_name ON entities(name);

CREATE TABLE mentions (
  doc    INTEGER NOT NULL,
  entity INTEGER NOT NULL,
  n      INTEGER NOT NULL,
  start  INTEGER NOT NULL,
  "end"  INTEGER NOT NULL,
  PRIMARY KEY (doc, entity, n)
) WITHOUT ROWID;

CREATE TABLE cues (
  doc   INTEGER NOT NULL REFERENCES documents(doc),
  n     INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  class TEXT NOT NULL,
  rule  TEXT,
  PRIMARY KEY (doc, n)
) WITHOUT ROWID;

CREATE TABLE attributions (
  doc           INTEGER NOT NULL REFERENCES documents(doc),
  n             INTEGER NOT NULL,
  aid           TEXT NOT NULL,
  source_start  INTEGER,
  source_end    INTEGER,
  source_text   TEXT,
  source_kind   TEXT NOT NULL,
  source_entity INTEGER,
  cue_start     INTEGER NOT NULL,
  cue_end       INTEGER NOT NULL,
  cue_text      TEXT NOT NULL,
  via           INTEGER,
  quoted        INTEGER NOT NULL,
  certainty     TEXT NOT NULL,
  content_text  TEXT NOT NULL,
  rule          TEXT,
  PRIMARY KEY (doc, n)
) WITHOUT ROWID;
CREATE INDEX attributions_certainty ON attributions(certainty);
CREATE INDEX attributions_source_kind ON attributions(source_kind);

CREATE TABLE attribution_spans (
  doc         INTEGER NOT NULL,
  attribution INTEGER NOT NULL,
  n           INTEGER NOT NULL,
  start       INTEGER NOT NULL,
  "end"       INTEGER NOT NULL,
  PRIMARY KEY (doc, attribution, n)
) WITHOUT ROWID;

CREATE TABLE attribution_cues (
  doc         INTEGER NOT NULL,
  attribution INTEGER NOT NULL,
  cue         INTEGER NOT NULL,
  PRIMARY KEY (doc, attribution, cue)
) WITHOUT ROWID;

CREATE TABLE events (
  doc          INTEGER NOT NULL REFERENCES documents(doc),
  n            INTEGER NOT NULL,
  vid          TEXT NOT NULL,
  code         TEXT NOT NULL,
  root         TEXT NOT NULL,
  quad_class   INTEGER NOT NULL,
  goldstein    REAL,
  source_code  TEXT NOT NULL,
  source_start INTEGER,
  source_end   INTEGER,
  target_code  TEXT,
  target_start INTEGER,
  target_end   INTEGER,
  verb_start   INTEGER,
  verb_end     INTEGER,
  location     INTEGER,
  attribution  INTEGER,
  time         TEXT,
  certainty    TEXT NOT NULL,
  negated      INTEGER NOT NULL,
  PRIMARY KEY (doc, n)
) WITHOUT ROWID;
CREATE INDEX events_code ON events(code);
CREATE INDEX events_root ON events(root);

CREATE VIEW documents_fts_source AS
  SELECT doc, title, claimtrace_text(text_zstd) AS body FROM documents;
CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, body, content='documents_fts_source', content_rowid='doc',
  tokenize='unicode61 remove_diacritics 2');
)sql"},
    // 2: why an event was coded: its dictionary entry and modifier (modal, control verb).
    {2, R"sql(
ALTER TABLE events ADD COLUMN entry TEXT;
ALTER TABLE events ADD COLUMN modifier TEXT;
)sql"},
    // 3: places, outlets and claims as tables of their own (docs/schema.md),
    // filled from the layers already stored, with the same rules as ingest
    // (write_derived): one place per GeoNames id (or, for countries and
    // regions without one, per name, country and feature code); one outlet
    // per claimtrace_key() of a publishing outlet's or a cited outlet's name;
    // one claim row per attribution with its resolved source and via chain.
    {3, R"sql(
CREATE TABLE places (
  place     INTEGER PRIMARY KEY,
  geonameid INTEGER UNIQUE,
  name      TEXT NOT NULL,
  lat       REAL NOT NULL,
  lon       REAL NOT NULL,
  country   TEXT,
  admin1    TEXT,
  feature   TEXT NOT NULL
);
CREATE UNIQUE INDEX places_unnumbered ON places(name, coalesce(country, ''), feature)
  WHERE geonameid IS NULL;
CREATE INDEX places_name ON places(name COLLATE NOCASE);

CREATE TABLE outlets (
  outlet INTEGER PRIMARY KEY,
  key    TEXT NOT NULL UNIQUE,
  name   TEXT NOT NULL
);

CREATE TABLE claims (
  doc           INTEGER NOT NULL REFERENCES documents(doc),
  n             INTEGER NOT NULL,
  source_name   TEXT,
  source_key    TEXT,
  source_outlet INTEGER REFERENCES outlets(outlet),
  depth         INTEGER NOT NULL,
  chain         TEXT NOT NULL,
  PRIMARY KEY (doc, n)
) WITHOUT ROWID;
CREATE INDEX claims_source_key ON claims(source_key);
CREATE INDEX claims_source_outlet ON claims(source_outlet);

ALTER TABLE documents ADD COLUMN outlet_id INTEGER REFERENCES outlets(outlet);
ALTER TABLE copies ADD COLUMN outlet_id INTEGER REFERENCES outlets(outlet);
ALTER TABLE entities ADD COLUMN place INTEGER REFERENCES places(place);
ALTER TABLE events ADD COLUMN place INTEGER REFERENCES places(place);
CREATE INDEX documents_outlet_id ON documents(outlet_id);
CREATE INDEX events_place ON events(place);

-- Backfill from stores written before version 3.
INSERT INTO places (geonameid, name, lat, lon, country, admin1, feature)
  SELECT geonameid, name, lat, lon, country, admin1, feature FROM (
    SELECT *, row_number() OVER (
      PARTITION BY geonameid, CASE WHEN geonameid IS NULL THEN name END,
                   CASE WHEN geonameid IS NULL THEN coalesce(country, '') END,
                   CASE WHEN geonameid IS NULL THEN feature END
      ORDER BY doc, n) AS r
    FROM entities WHERE feature IS NOT NULL)
  WHERE r = 1 ORDER BY doc, n;
UPDATE entities SET place = (SELECT p.place FROM places p WHERE p.geonameid = entities.geonameid)
  WHERE geonameid IS NOT NULL AND feature IS NOT NULL;
UPDATE entities SET place = (SELECT p.place FROM places p WHERE p.geonameid IS NULL
    AND p.name = entities.name AND coalesce(p.country, '') = coalesce(entities.country, '')
    AND p.feature = entities.feature)
  WHERE geonameid IS NULL AND feature IS NOT NULL;
UPDATE events SET place = (SELECT e.place FROM entities e WHERE e.doc = events.doc
    AND e.n = events.location)
  WHERE location IS NOT NULL;

INSERT OR IGNORE INTO outlets (key, name)
  SELECT claimtrace_key(outlet), outlet FROM (
    SELECT doc AS k, outlet FROM documents UNION ALL
    SELECT c.doc, c.outlet FROM copies c)
  WHERE outlet IS NOT NULL AND claimtrace_key(outlet) <> '' ORDER BY k;
UPDATE documents SET outlet_id = (SELECT o.outlet FROM outlets o
    WHERE o.key = claimtrace_key(documents.outlet)) WHERE outlet IS NOT NULL;
UPDATE copies SET outlet_id = (SELECT o.outlet FROM outlets o
    WHERE o.key = claimtrace_key(copies.outlet)) WHERE outlet IS NOT NULL;

WITH RECURSIVE named(doc, n, via, name) AS (
    SELECT a.doc, a.n, a.via, coalesce(e.name, a.source_text)
    FROM attributions a LEFT JOIN entities e ON e.doc = a.doc AND e.n = a.source_entity),
  walk(doc, n, at, depth, chain) AS (
    SELECT doc, n, via, 0, coalesce(name, '(unnamed)') FROM named
    UNION ALL
    SELECT w.doc, w.n, x.via, w.depth + 1, w.chain || ' via ' || coalesce(x.name, '(unnamed)')
    FROM walk w JOIN named x ON x.doc = w.doc AND x.n = w.at WHERE w.depth < 8)
INSERT INTO claims (doc, n, source_name, source_key, depth, chain)
  SELECT w.doc, w.n, x.name, nullif(claimtrace_key(x.name), ''), max(w.depth), w.chain
  FROM walk w JOIN named x ON x.doc = w.doc AND x.n = w.n
  GROUP BY w.doc, w.n;
INSERT OR IGNORE INTO outlets (key, name)
  SELECT c.source_key, c.source_name FROM claims c
    JOIN attributions a ON a.doc = c.doc AND a.n = c.n
    LEFT JOIN entities e ON e.doc = a.doc AND e.n = a.source_entity
  WHERE c.source_key IS NOT NULL AND (a.source_kind = 'outlet' OR e.type = 'MEDIA')
  ORDER BY c.doc, c.n;
UPDATE claims SET source_outlet = (SELECT o.outlet FROM outlets o WHERE o.key = claims.source_key)
  WHERE source_key IS NOT NULL AND EXISTS (
    SELECT 1 FROM attributions a LEFT JOIN entities e ON e.doc = a.doc AND e.n = a.source_entity
    WHERE a.doc = claims.doc AND a.n = claims.n AND (a.source_kind = 'outlet' OR e.type = 'MEDIA'));
)sql"},
    // Cross-document links (src/link/, `claimtrace link`): self-contained, it
    // only adds its own table. Per stored document: the features linking
    // needs (MinHash signature, zstd-compressed story terms), so new
    // documents are linked without reloading the old ones, and the groups
    // found: near_group (near-duplicate group; the id of the document that
    // started it) and story (story cluster; the smallest document key in it,
    // so ids stay stable as documents join). Absent row = not linked yet.
    {4, R"sql(
CREATE TABLE link_documents (
  doc        INTEGER PRIMARY KEY REFERENCES documents(doc),
  minhash    BLOB NOT NULL,
  terms_zstd BLOB NOT NULL,
  near_group INTEGER NOT NULL,
  story      INTEGER NOT NULL
);
CREATE INDEX link_documents_story ON link_documents(story);
)sql"},
    // 5: when an event happened: `time` holds the ISO interval START/END ("" when the
    // text's time needs a published date the article lacks); the words that say it.
    {5, R"sql(
ALTER TABLE events ADD COLUMN time_start INTEGER;
ALTER TABLE events ADD COLUMN time_end INTEGER;
)sql"},
    // 6: what an entity is beyond its name: its role or title ("Deputy Foreign
    // Minister of Russia"), the government a capital stands for ("RUSGOV") and
    // which of its mentions stand for it ("Moscow denied"). Older rows read as
    // having none, as analysis before version 6 produced.
    {6, R"sql(
ALTER TABLE entities ADD COLUMN role TEXT;
ALTER TABLE entities ADD COLUMN stands_for TEXT;
ALTER TABLE mentions ADD COLUMN metonymic INTEGER NOT NULL DEFAULT 0;
)sql"},
    // 7: the PETRARCH issues an event's sentence names (coded with an issues
    // file, docs/dictionaries.md), n-th of the event's list. Nothing to fill:
    // events stored before version 7 read as naming none, as no store kept them.
    {7, R"sql(
CREATE TABLE event_issues (
  doc      INTEGER NOT NULL REFERENCES documents(doc),
  event    INTEGER NOT NULL,
  n        INTEGER NOT NULL,
  category TEXT NOT NULL,
  code     TEXT NOT NULL,
  PRIMARY KEY (doc, event, n)
) WITHOUT ROWID;
)sql"},
};

// ------------------------------------------------------------- helpers --

std::string_view intern(std::string_view s) {
  // Rule names are string_views with static storage in a Document; loaded
  // ones are interned here (a small, bounded set: one entry per rule).
  static std::mutex mu;
  static std::unordered_set<std::string> pool;
  std::lock_guard<std::mutex> lock(mu);
  return *pool.emplace(s).first;
}

template <typename E, int N>
E parse_enum(std::string_view s, E fallback) {
  for (int i = 0; i < N; ++i)
    if (to_string(static_cast<E>(i)) == s) return static_cast<E>(i);
  return fallback;
}

std::string utc_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void text_function(sqlite3_context* ctx, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(ctx);
    return;
  }
  std::string_view in(static_cast<const char*>(sqlite3_value_blob(argv[0])),
                      static_cast<size_t>(sqlite3_value_bytes(argv[0])));
  std::string out;
  if (!zstd_decompress(in, out)) {
    sqlite3_result_error(ctx, "claimtrace_text: not a zstd frame", -1);
    return;
  }
  sqlite3_result_text64(ctx, out.data(), out.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

// claimtrace_key(name): name_key() in SQL, so migrations and queries group
// names exactly as the write path does.
void key_function(sqlite3_context* ctx, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(ctx);
    return;
  }
  const unsigned char* p = sqlite3_value_text(argv[0]);
  std::string key = name_key(std::string_view(reinterpret_cast<const char*>(p),
                                              static_cast<size_t>(sqlite3_value_bytes(argv[0]))));
  sqlite3_result_text64(ctx, key.data(), key.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

class Stmt {
 public:
  Stmt() = default;
  Stmt(sqlite3* db, std::string_view sql) : db_(db) {
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &stmt_, nullptr) != SQLITE_OK)
      throw StoreError(std::string("SQL prepare failed: ") + sqlite3_errmsg(db));
  }
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(Stmt&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
  Stmt& operator=(Stmt&& o) noexcept {
    std::swap(db_, o.db_);
    std::swap(stmt_, o.stmt_);
    return *this;
  }

  Stmt& reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    next_ = 1;
    return *this;
  }
  // Binds without copying (SQLITE_STATIC): `s` must stay valid until the
  // statement has been stepped.
  Stmt& bind(std::string_view s) {
    check(sqlite3_bind_text64(stmt_, next_++, s.data(), s.size(), SQLITE_STATIC, SQLITE_UTF8));
    return *this;
  }
  // Empty string -> NULL (metadata fields: absent rather than "").
  Stmt& bind_or_null(std::string_view s) {
    if (s.empty()) return bind_null();
    return bind(s);
  }
  Stmt& bind_blob(std::string_view s) {
    check(sqlite3_bind_blob64(stmt_, next_++, s.data(), s.size(), SQLITE_STATIC));
    return *this;
  }
  Stmt& bind(int64_t v) {
    check(sqlite3_bind_int64(stmt_, next_++, v));
    return *this;
  }
  Stmt& bind(double v) {
    check(sqlite3_bind_double(stmt_, next_++, v));
    return *this;
  }
  Stmt& bind_null() {
    check(sqlite3_bind_null(stmt_, next_++));
    return *this;
  }
  // Index into a layer, or NULL when negative.
  Stmt& bind_index(int64_t i) { return i < 0 ? bind_null() : bind(i); }

  // Steps once; true when a row is available.
  bool step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw StoreError(std::string("SQL step failed: ") + sqlite3_errmsg(db_));
  }
  void exec() {
    while (step()) {
    }
  }

  bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
  double real(int col) const { return sqlite3_column_double(stmt_, col); }
  std::string_view text(int col) const {
    const unsigned char* p = sqlite3_column_text(stmt_, col);
    return p ? std::string_view(reinterpret_cast<const char*>(p),
                                static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string_view();
  }
  std::string_view blob(int col) const {
    const void* p = sqlite3_column_blob(stmt_, col);
    return p ? std::string_view(static_cast<const char*>(p),
                                static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string_view();
  }
  sqlite3_stmt* raw() const { return stmt_; }

 private:
  void check(int rc) {
    if (rc != SQLITE_OK) throw StoreError(std::string("SQL bind failed: ") + sqlite3_errmsg(db_));
  }
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  int next_ = 1;
};

// Runs a query and converts every row to text cells.
ResultTable run_table(sqlite3* db, const std::string& sql, const std::vector<std::string>& params,
                      std::vector<Column> columns) {
  Stmt st(db, sql);
  st.reset();
  for (const auto& p : params) st.bind(std::string_view(p));
  ResultTable t;
  t.columns = std::move(columns);
  while (st.step()) {
    auto& row = t.rows.emplace_back();
    for (size_t i = 0; i < t.columns.size(); ++i) {
      int c = static_cast<int>(i);
      if (st.is_null(c))
        row.emplace_back(std::nullopt);
      else
        row.emplace_back(std::string(st.text(c)));
    }
  }
  return t;
}

// Appends WHERE clauses shared by the document-level filters.
// Appends "WHERE/AND clause" with its parameter when the filter value is set.
void add_filter(std::string& where, std::vector<std::string>& params, const char* clause,
                const std::string& v) {
  if (v.empty()) return;
  where += where.empty() ? " WHERE " : " AND ";
  where += clause;
  params.push_back(v);
}

void document_filters(const QueryFilter& f, std::string& where, std::vector<std::string>& params) {
  auto add = [&](const char* clause, const std::string& v) {
    add_filter(where, params, clause, v);
  };
  add("d.outlet_id = (SELECT outlet FROM outlets WHERE key = claimtrace_key(?))", f.outlet);
  add("d.published >= ?", f.since);
  add("d.published <= ?", f.until);
  add("d.id = ?", f.doc_id);
}

// Filters on an event `v` (code, root, actor, target, place), shared by the
// events query and, through EXISTS, by the claim and source queries.
void event_filters(const QueryFilter& f, std::string& where, std::vector<std::string>& params) {
  auto add = [&](const char* clause, const std::string& v) {
    add_filter(where, params, clause, v);
  };
  // Code prefixes as ranges, so the events_code index is used.
  if (!f.code.empty()) {
    add("v.code >= ?", f.code);
    add("v.code < ?", f.code + "\x7f");
  }
  add("v.root = ?", f.root);
  if (!f.actor.empty()) {
    add("v.source_code >= ?", f.actor);
    add("v.source_code < ?", f.actor + "\x7f");
  }
  if (!f.target.empty()) {
    add("v.target_code >= ?", f.target);
    add("v.target_code < ?", f.target + "\x7f");
  }
  // A resolved place by name or GeoNames id, or the name of the location
  // entity (places the gazetteer did not resolve have no places row).
  if (!f.place.empty()) {
    add("(v.place IN (SELECT place FROM places WHERE name = ? COLLATE NOCASE "
        "OR geonameid = ?) OR EXISTS (SELECT 1 FROM entities le WHERE le.doc = v.doc "
        "AND le.n = v.location AND le.name = ? COLLATE NOCASE))",
        f.place);
    params.push_back(f.place);
    params.push_back(f.place);
  }
}

bool has_event_filter(const QueryFilter& f) {
  return !f.code.empty() || !f.root.empty() || !f.actor.empty() || !f.target.empty() ||
         !f.place.empty();
}

// Claims (attribution `a`) that report an event matching the event filters.
void claim_event_filter(const QueryFilter& f, std::string& where,
                        std::vector<std::string>& params) {
  if (!has_event_filter(f)) return;
  std::string sub;
  event_filters(f, sub, params);
  where += where.empty() ? " WHERE " : " AND ";
  where += "EXISTS (SELECT 1 FROM events v WHERE v.doc = a.doc AND v.attribution = a.n AND " +
           sub.substr(7) + ")";
}

// The WHERE clause `claims` and `sources` share: document filters, the
// claim's certainty and source kind, and the events it reports.
void claim_filters(const QueryFilter& f, std::string& where, std::vector<std::string>& params) {
  document_filters(f, where, params);
  add_filter(where, params, "a.certainty = ?", f.certainty);
  add_filter(where, params, "a.source_kind = ?", f.source_kind);
  claim_event_filter(f, where, params);
}

std::string limit_clause(int64_t limit) {
  return limit > 0 ? " LIMIT " + std::to_string(limit) : std::string();
}

// ---------------------------------------------------------------- store --

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(const std::string& path) {
    int rc =
        sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      db_ = nullptr;
      throw StoreError(path + ": cannot open: " + msg);
    }
    try {
      sqlite3_busy_timeout(db_, 10000);
      if (sqlite3_create_function_v2(db_, "claimtrace_text", 1,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                     text_function, nullptr, nullptr, nullptr) != SQLITE_OK)
        throw StoreError(std::string("cannot register claimtrace_text: ") + sqlite3_errmsg(db_));
      if (sqlite3_create_function_v2(db_, "claimtrace_key", 1,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                     key_function, nullptr, nullptr, nullptr) != SQLITE_OK)
        throw StoreError(std::string("cannot register claimtrace_key: ") + sqlite3_errmsg(db_));
      exec("PRAGMA journal_mode=WAL");
      exec("PRAGMA synchronous=NORMAL");
      exec("PRAGMA temp_store=MEMORY");
      exec("PRAGMA cache_size=-65536");  // 64 MiB
      migrate(path);
      prepare_statements();
    } catch (const StoreError& e) {
      stmts_.clear();
      sqlite3_close(db_);
      db_ = nullptr;
      throw StoreError(path + ": " + e.what());
    }
  }

  ~SqliteStore() override {
    stmts_.clear();
    if (db_) sqlite3_close(db_);
  }

  int schema_version() override { return user_version(); }

  void write_batch(std::span<const PreparedDocument> docs,
                   std::vector<WriteResult>& results) override {
    results.assign(docs.size(), WriteResult{});
    const std::string now = utc_now();
    exec("BEGIN IMMEDIATE");
    try {
      for (size_t i = 0; i < docs.size(); ++i) write_one(docs[i], now, results[i]);
      exec("COMMIT");
    } catch (...) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      // Rows the caches learnt in this transaction are gone with it.
      place_ids_.clear();
      outlet_ids_.clear();
      throw;
    }
  }

  void for_each_stored_record(
      const std::function<void(std::string_view, std::string_view)>& fn) override {
    Stmt st(db_,
            "SELECT id, hash FROM documents UNION ALL "
            "SELECT c.id, d.hash FROM copies c JOIN documents d ON d.doc = c.doc");
    st.reset();
    while (st.step()) fn(st.text(0), st.text(1));
  }

  void optimize() override { exec("PRAGMA analysis_limit = 1000; ANALYZE; PRAGMA optimize"); }

  bool load_document(std::string_view id, Document& doc) override;
  void for_each_document(const std::function<bool(const DocumentRecords&)>& fn) override;
  ResultTable totals() override;
  ResultTable outlets(int64_t limit) override;
  ResultTable search(std::string_view fts_query, const QueryFilter& filter) override;
  ResultTable claims(const QueryFilter& filter) override;
  ResultTable events(const QueryFilter& filter) override;
  ResultTable entities(const QueryFilter& filter) override;
  ResultTable sources(const QueryFilter& filter) override;
  std::vector<Story> stories(int64_t limit) override;
  void for_each_link_state(bool with_features,
                           const std::function<void(const LinkState&)>& fn) override;
  void write_link_states(std::span<const LinkState> rows) override;
  std::string check_integrity() override;

 private:
  enum StmtId {
    kFindId,
    kFindCopy,
    kFindHash,
    kInsertDoc,
    kInsertCopy,
    kInsertFts,
    kInsertSentence,
    kInsertEntity,
    kInsertMention,
    kInsertCue,
    kInsertAttribution,
    kInsertAttributionSpan,
    kInsertAttributionCue,
    kInsertEvent,
    kFindNumberedPlace,
    kFindUnnumberedPlace,
    kInsertPlace,
    kFindOutlet,
    kInsertOutlet,
    kInsertClaim,
    kInsertEventIssue,
    kStmtCount
  };

  void exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      throw StoreError(msg);
    }
  }

  int user_version() {
    Stmt st(db_, "PRAGMA user_version");
    st.reset();
    return st.step() ? static_cast<int>(st.integer(0)) : 0;
  }

  void migrate(const std::string& path) {
    int current = user_version();
    int latest = sqlite_latest_schema_version();
    if (current > latest)
      throw StoreError("schema version " + std::to_string(current) +
                       " is newer than this claimtrace (" + std::to_string(latest) +
                       "); upgrade claimtrace to use " + path);
    for (const Migration& m : kMigrations) {
      if (m.version <= current) continue;
      // The migration and its version number commit together or not at all.
      exec("BEGIN IMMEDIATE");
      try {
        if (user_version() < m.version) {  // another process may have migrated
          exec(m.sql);
          exec(("PRAGMA user_version = " + std::to_string(m.version)).c_str());
        }
        exec("COMMIT");
      } catch (...) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
      }
    }
  }

  void prepare_statements() {
    static const char* const kSql[kStmtCount] = {
        "SELECT doc, hash FROM documents WHERE id = ?",
        "SELECT d.doc, d.hash FROM copies c JOIN documents d ON d.doc = c.doc WHERE c.id = ?",
        "SELECT doc, id FROM documents WHERE hash = ?",
        "INSERT INTO documents (id, hash, near_key, url, outlet, published, title, text_size, "
        "text_zstd, ingested_at, outlet_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        "INSERT INTO copies (id, doc, url, outlet, published, title, ingested_at, outlet_id) "
        "VALUES (?,?,?,?,?,?,?,?)",
        "INSERT INTO documents_fts (rowid, title, body) VALUES (?,?,?)",
        "INSERT INTO sentences VALUES (?,?,?,?,?,?)",
        "INSERT INTO entities (doc, n, eid, type, name, actor, geonameid, lat, lon, country, "
        "admin1, feature, place, role, stands_for) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        "INSERT INTO mentions (doc, entity, n, start, \"end\", metonymic) VALUES (?,?,?,?,?,?)",
        "INSERT INTO cues VALUES (?,?,?,?,?,?)",
        "INSERT INTO attributions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        "INSERT INTO attribution_spans VALUES (?,?,?,?,?)",
        "INSERT INTO attribution_cues VALUES (?,?,?)",
        "INSERT INTO events (doc, n, vid, code, root, quad_class, goldstein, source_code, "
        "source_start, source_end, target_code, target_start, target_end, verb_start, verb_end, "
        "location, attribution, time, certainty, negated, entry, modifier, place, time_start, "
        "time_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        "SELECT place FROM places WHERE geonameid = ?",
        "SELECT place FROM places WHERE geonameid IS NULL AND name = ? "
        "AND coalesce(country, '') = ? AND feature = ?",
        "INSERT INTO places (geonameid, name, lat, lon, country, admin1, feature) "
        "VALUES (?,?,?,?,?,?,?)",
        "SELECT outlet FROM outlets WHERE key = ?",
        "INSERT INTO outlets (key, name) VALUES (?,?)",
        "INSERT INTO claims (doc, n, source_name, source_key, source_outlet, depth, chain) "
        "VALUES (?,?,?,?,?,?,?)",
        "INSERT INTO event_issues (doc, event, n, category, code) VALUES (?,?,?,?,?)",
    };
    stmts_.clear();
    for (const char* sql : kSql) stmts_.emplace_back(db_, sql);
  }

  Stmt& stmt(StmtId id) { return stmts_[id].reset(); }

  void write_one(const PreparedDocument& p, const std::string& now, WriteResult& result) {
    const Document& d = *p.doc;
    // 1. Is this record id already stored (as a document or a copy)?
    for (StmtId find : {kFindId, kFindCopy}) {
      Stmt& st = stmt(find);
      st.bind(d.id);
      if (st.step()) {
        std::string stored_hash(st.text(1));
        st.reset();
        if (stored_hash == d.hash) {
          result.outcome = WriteOutcome::kSkipped;
        } else {
          result.outcome = WriteOutcome::kConflict;
          result.detail = "id already stored with different content (hash " + stored_hash +
                          ", this record " + d.hash + ")";
        }
        return;
      }
    }
    // 2. Is the body already stored under another id? Then it is a copy.
    {
      Stmt& st = stmt(kFindHash);
      st.bind(d.hash);
      if (st.step()) {
        int64_t doc = st.integer(0);
        result.outcome = WriteOutcome::kCopy;
        result.detail = std::string(st.text(1));
        const int64_t outlet = outlet_id(d.outlet);
        Stmt& ins = stmt(kInsertCopy);
        ins.bind(d.id).bind(doc).bind_or_null(d.url).bind_or_null(d.outlet);
        ins.bind_or_null(d.published).bind_or_null(d.title).bind(now).bind_index(outlet).exec();
        return;
      }
    }
    // 3. A new document with its layers.
    if (!p.analysed) {  // the caller's list of stored hashes was wrong (or the store changed)
      result.outcome = WriteOutcome::kConflict;
      result.detail = "not analysed (its content hash looked stored, but it is not); re-run ingest";
      return;
    }
    const int64_t outlet = outlet_id(d.outlet);
    Stmt& ins = stmt(kInsertDoc);
    ins.bind(d.id).bind(d.hash).bind(p.near_key).bind_or_null(d.url).bind_or_null(d.outlet);
    ins.bind_or_null(d.published).bind_or_null(d.title);
    ins.bind(static_cast<int64_t>(d.text.size())).bind_blob(p.text_zstd).bind(now);
    ins.bind_index(outlet).exec();
    const int64_t doc = sqlite3_last_insert_rowid(db_);
    stmt(kInsertFts).bind(doc).bind(d.title).bind(d.text).exec();
    write_layers(doc, d);
    result.outcome = WriteOutcome::kStored;
  }

  // The outlets row of `name` (by name_key), created on first use; -1 for an
  // empty name. Cached for the life of the connection (cleared on rollback).
  int64_t outlet_id(std::string_view name) {
    std::string key = name_key(name);
    if (key.empty()) return -1;
    auto it = outlet_ids_.find(key);
    if (it != outlet_ids_.end()) return it->second;
    int64_t id = -1;
    Stmt& find = stmt(kFindOutlet);
    find.bind(key);
    if (find.step()) {
      id = find.integer(0);
    } else {
      stmt(kInsertOutlet).bind(key).bind(name).exec();
      id = sqlite3_last_insert_rowid(db_);
    }
    find.reset();
    outlet_ids_.emplace(std::move(key), id);
    return id;
  }

  // The places row of a geocoded entity: one per GeoNames id, or per name,
  // country and feature code for places without one (countries, regions).
  int64_t place_id(const Entity& e) {
    const std::string_view country(e.geo.country, strnlen(e.geo.country, 2));
    std::string key = e.geo.geonameid
                          ? "g" + std::to_string(e.geo.geonameid)
                          : "n" + e.name + '\x1f' + std::string(country) + '\x1f' + e.geo.feature;
    auto it = place_ids_.find(key);
    if (it != place_ids_.end()) return it->second;
    Stmt& find = e.geo.geonameid ? stmt(kFindNumberedPlace) : stmt(kFindUnnumberedPlace);
    if (e.geo.geonameid)
      find.bind(int64_t{e.geo.geonameid});
    else
      find.bind(e.name).bind(country).bind(e.geo.feature);
    int64_t id = -1;
    if (find.step()) {
      id = find.integer(0);
    } else {
      Stmt& ins = stmt(kInsertPlace);
      if (e.geo.geonameid)
        ins.bind(int64_t{e.geo.geonameid});
      else
        ins.bind_null();
      ins.bind(e.name).bind(static_cast<double>(e.geo.lat)).bind(static_cast<double>(e.geo.lon));
      ins.bind_or_null(country).bind_or_null(e.geo.admin1).bind(e.geo.feature).exec();
      id = sqlite3_last_insert_rowid(db_);
    }
    find.reset();
    place_ids_.emplace(std::move(key), id);
    return id;
  }

  void write_layers(int64_t doc, const Document& d) {
    std::vector<int64_t> entity_place(d.entities.size(), -1);
    for (size_t i = 0; i < d.entities.size(); ++i)
      if (d.entities[i].has_geo) entity_place[i] = place_id(d.entities[i]);
    for (size_t i = 0; i < d.sentences.size(); ++i) {
      const Sentence& s = d.sentences[i];
      stmt(kInsertSentence)
          .bind(doc)
          .bind(static_cast<int64_t>(i))
          .bind(int64_t{s.span.begin})
          .bind(int64_t{s.span.end})
          .bind(int64_t{s.paragraph})
          .bind(int64_t{s.uncertain})
          .exec();
    }
    for (size_t i = 0; i < d.entities.size(); ++i) {
      const Entity& e = d.entities[i];
      stmt(kInsertEntity)
          .bind(doc)
          .bind(static_cast<int64_t>(i))
          .bind(e.id)
          .bind(to_string(e.type))
          .bind(e.name)
          .bind_or_null(e.actor);
      Stmt& st = stmts_[kInsertEntity];
      if (e.has_geo) {  // the resolved place; `feature` is never NULL for a geocoded entity
        if (e.geo.geonameid)
          st.bind(int64_t{e.geo.geonameid});
        else
          st.bind_null();
        st.bind(static_cast<double>(e.geo.lat)).bind(static_cast<double>(e.geo.lon));
        st.bind_or_null(std::string_view(e.geo.country, strnlen(e.geo.country, 2)));
        st.bind_or_null(e.geo.admin1).bind(std::string_view(e.geo.feature));
      } else {
        st.bind_null().bind_null().bind_null().bind_null().bind_null().bind_null();
      }
      st.bind_index(entity_place[i]).bind_or_null(e.role).bind_or_null(e.stands_for).exec();
      for (size_t m = 0; m < e.mentions.size(); ++m) {
        const Span sp = e.mentions[m];
        const bool metonymic =
            std::find_if(e.metonymic_mentions.begin(), e.metonymic_mentions.end(), [&](Span x) {
              return x.begin == sp.begin && x.end == sp.end;
            }) != e.metonymic_mentions.end();
        stmt(kInsertMention)
            .bind(doc)
            .bind(static_cast<int64_t>(i))
            .bind(static_cast<int64_t>(m))
            .bind(int64_t{sp.begin})
            .bind(int64_t{sp.end})
            .bind(int64_t{metonymic ? 1 : 0})
            .exec();
      }
    }
    for (size_t i = 0; i < d.cues.size(); ++i) {
      const Cue& c = d.cues[i];
      stmt(kInsertCue)
          .bind(doc)
          .bind(static_cast<int64_t>(i))
          .bind(int64_t{c.span.begin})
          .bind(int64_t{c.span.end})
          .bind(to_string(c.cue_class))
          .bind_or_null(c.rule)
          .exec();
    }
    std::string content;
    for (size_t i = 0; i < d.attributions.size(); ++i) {
      const Attribution& a = d.attributions[i];
      content.clear();
      for (const Span& s : a.content) {
        if (!content.empty()) content += " \u2026 ";
        content += d.slice(s);
      }
      Stmt& st = stmt(kInsertAttribution);
      st.bind(doc).bind(static_cast<int64_t>(i)).bind(a.id);
      if (a.has_source)
        st.bind(int64_t{a.source.begin}).bind(int64_t{a.source.end}).bind(d.slice(a.source));
      else
        st.bind_null().bind_null().bind_null();
      st.bind(to_string(a.source_kind)).bind_index(a.source_entity);
      st.bind(int64_t{a.cue.begin}).bind(int64_t{a.cue.end}).bind(d.slice(a.cue));
      st.bind_index(a.via).bind(int64_t{a.quoted}).bind(to_string(a.certainty));
      st.bind(std::string_view(content)).bind_or_null(a.rule).exec();
      for (size_t k = 0; k < a.content.size(); ++k)
        stmt(kInsertAttributionSpan)
            .bind(doc)
            .bind(static_cast<int64_t>(i))
            .bind(static_cast<int64_t>(k))
            .bind(int64_t{a.content[k].begin})
            .bind(int64_t{a.content[k].end})
            .exec();
      for (uint32_t cue : a.cues)
        stmt(kInsertAttributionCue)
            .bind(doc)
            .bind(static_cast<int64_t>(i))
            .bind(int64_t{cue})
            .exec();
    }
    for (size_t i = 0; i < d.events.size(); ++i) {
      const Event& v = d.events[i];
      // bind() does not copy (SQLITE_STATIC): the root must outlive exec().
      const std::string root = cameo_root(v.code);
      Stmt& st = stmt(kInsertEvent);
      st.bind(doc).bind(static_cast<int64_t>(i)).bind(v.id).bind(v.code).bind(root);
      st.bind(int64_t{cameo_quad_class(v.code)});
      if (auto g = cameo_goldstein(v.code))
        st.bind(*g);
      else
        st.bind_null();
      st.bind(v.source.code);
      if (v.source.has_text)
        st.bind(int64_t{v.source.text.begin}).bind(int64_t{v.source.text.end});
      else
        st.bind_null().bind_null();
      if (v.has_target) {
        st.bind(v.target.code);
        if (v.target.has_text)
          st.bind(int64_t{v.target.text.begin}).bind(int64_t{v.target.text.end});
        else
          st.bind_null().bind_null();
      } else {
        st.bind_null().bind_null().bind_null();
      }
      if (v.has_verb)
        st.bind(int64_t{v.verb.begin}).bind(int64_t{v.verb.end});
      else
        st.bind_null().bind_null();
      // bind() does not copy: the interval must outlive exec().
      const std::string interval =
          v.time_start.empty() ? std::string() : v.time_start + "/" + v.time_end;
      st.bind_index(v.location).bind_index(v.attribution);
      if (v.has_time)
        st.bind(interval);
      else
        st.bind_null();
      st.bind(to_string(v.certainty)).bind(int64_t{v.negated});
      st.bind_or_null(v.entry).bind_or_null(v.modifier);
      const bool located = v.location >= 0 && static_cast<size_t>(v.location) < d.entities.size();
      st.bind_index(located ? entity_place[static_cast<size_t>(v.location)] : -1);
      if (v.has_time)
        st.bind(int64_t{v.time_text.begin}).bind(int64_t{v.time_text.end});
      else
        st.bind_null().bind_null();
      st.exec();
      for (size_t k = 0; k < v.issues.size(); ++k)
        stmt(kInsertEventIssue)
            .bind(doc)
            .bind(static_cast<int64_t>(i))
            .bind(static_cast<int64_t>(k))
            .bind(v.issues[k].first)
            .bind(v.issues[k].second)
            .exec();
    }
    write_claims(doc, d);
  }

  // One claims row per attribution: its source resolved to a name (the
  // entity's canonical name, else the words of the source), the outlets row
  // when the source is a media outlet, and the via chain ("officials via
  // Reuters"). Migration 3 derives the same rows in SQL for older stores.
  void write_claims(int64_t doc, const Document& d) {
    const auto& as = d.attributions;
    auto valid = [&](int32_t i) { return i >= 0 && static_cast<size_t>(i) < as.size(); };
    auto name_of = [&](const Attribution& a) -> std::string_view {
      if (a.source_entity >= 0 && static_cast<size_t>(a.source_entity) < d.entities.size())
        return d.entities[static_cast<size_t>(a.source_entity)].name;
      return a.has_source ? d.slice(a.source) : std::string_view();
    };
    std::string chain;
    for (size_t i = 0; i < as.size(); ++i) {
      const Attribution& a = as[i];
      const std::string_view name = name_of(a);
      chain.assign(name.empty() ? std::string_view("(unnamed)") : name);
      int64_t depth = 0;
      for (int32_t at = a.via; valid(at) && depth < kMaxViaDepth; ++depth) {
        std::string_view relay = name_of(as[static_cast<size_t>(at)]);
        chain += " via ";
        chain += relay.empty() ? std::string_view("(unnamed)") : relay;
        at = as[static_cast<size_t>(at)].via;
      }
      const std::string key = name_key(name);
      const bool media =
          a.source_kind == SourceKind::kOutlet ||
          (a.source_entity >= 0 && static_cast<size_t>(a.source_entity) < d.entities.size() &&
           d.entities[static_cast<size_t>(a.source_entity)].type == EntityType::kMedia);
      const int64_t outlet = media && !key.empty() ? outlet_id(name) : -1;
      Stmt& st = stmt(kInsertClaim);
      st.bind(doc).bind(static_cast<int64_t>(i));
      if (name.empty())
        st.bind_null();
      else
        st.bind(name);
      st.bind_or_null(key).bind_index(outlet).bind(depth).bind(std::string_view(chain)).exec();
    }
  }

  // Relays followed at most (a cycle in `via` would otherwise never end);
  // migration 3 uses the same bound.
  static constexpr int64_t kMaxViaDepth = 8;

  sqlite3* db_ = nullptr;
  std::vector<Stmt> stmts_;
  std::map<std::string, int64_t> place_ids_, outlet_ids_;
};

Span span_at(const Stmt& st, int col) {
  return Span{static_cast<uint32_t>(st.integer(col)), static_cast<uint32_t>(st.integer(col + 1))};
}

bool SqliteStore::load_document(std::string_view id, Document& doc) {
  doc = Document{};
  int64_t rowid = -1;
  {
    Stmt st(db_,
            "SELECT doc, id, hash, url, outlet, published, title, text_zstd FROM documents "
            "WHERE id = ?1 UNION ALL "
            "SELECT d.doc, c.id, d.hash, c.url, c.outlet, c.published, c.title, d.text_zstd "
            "FROM copies c JOIN documents d ON d.doc = c.doc WHERE c.id = ?1");
    st.reset();
    st.bind(id);
    if (!st.step()) return false;
    rowid = st.integer(0);
    doc.id = st.text(1);
    doc.hash = st.text(2);
    doc.url = st.text(3);
    doc.outlet = st.text(4);
    doc.published = st.text(5);
    doc.title = st.text(6);
    if (!zstd_decompress(st.blob(7), doc.text))
      throw StoreError("document " + std::string(id) + ": stored text is not a valid zstd frame");
  }
  auto each = [&](const char* sql, auto&& fn) {
    Stmt st(db_, sql);
    st.reset();
    st.bind(rowid);
    while (st.step()) fn(st);
  };
  each("SELECT start, \"end\", paragraph, uncertain FROM sentences WHERE doc = ? ORDER BY n",
       [&](Stmt& st) {
         Sentence& s = doc.sentences.emplace_back();
         s.span = span_at(st, 0);
         s.paragraph = static_cast<uint32_t>(st.integer(2));
         s.uncertain = st.integer(3) != 0;
       });
  each(
      "SELECT eid, type, name, actor, geonameid, lat, lon, country, admin1, feature, role, "
      "stands_for FROM entities WHERE doc = ? ORDER BY n",
      [&](Stmt& st) {
        Entity& e = doc.entities.emplace_back();
        e.id = st.text(0);
        e.type = parse_enum<EntityType, 9>(st.text(1), EntityType::kMisc);
        e.name = st.text(2);
        e.actor = st.text(3);
        e.has_geo = !st.is_null(9);
        if (e.has_geo) {
          e.geo.geonameid = static_cast<uint32_t>(st.integer(4));
          e.geo.lat = static_cast<float>(st.real(5));
          e.geo.lon = static_cast<float>(st.real(6));
          std::string_view c = st.text(7);
          for (size_t i = 0; i < 2 && i < c.size(); ++i) e.geo.country[i] = c[i];
          e.geo.admin1 = st.text(8);
          e.geo.feature = st.text(9);
        }
        e.role = st.text(10);
        e.stands_for = st.text(11);
      });
  each("SELECT entity, start, \"end\", metonymic FROM mentions WHERE doc = ? ORDER BY entity, n",
       [&](Stmt& st) {
         size_t e = static_cast<size_t>(st.integer(0));
         if (e >= doc.entities.size()) return;
         doc.entities[e].mentions.push_back(span_at(st, 1));
         if (st.integer(3) != 0) doc.entities[e].metonymic_mentions.push_back(span_at(st, 1));
       });
  each("SELECT start, \"end\", class, rule FROM cues WHERE doc = ? ORDER BY n", [&](Stmt& st) {
    Cue& c = doc.cues.emplace_back();
    c.span = span_at(st, 0);
    c.cue_class = parse_enum<CueClass, 8>(st.text(2), CueClass::kSay);
    c.rule = intern(st.text(3));
  });
  each(
      "SELECT aid, source_start, source_end, source_kind, source_entity, cue_start, cue_end, "
      "via, quoted, certainty, rule FROM attributions WHERE doc = ? ORDER BY n",
      [&](Stmt& st) {
        Attribution& a = doc.attributions.emplace_back();
        a.id = st.text(0);
        a.has_source = !st.is_null(1);
        if (a.has_source) a.source = span_at(st, 1);
        a.source_kind = parse_enum<SourceKind, 7>(st.text(3), SourceKind::kUnspecified);
        a.source_entity = st.is_null(4) ? -1 : static_cast<int32_t>(st.integer(4));
        a.cue = span_at(st, 5);
        a.via = st.is_null(7) ? -1 : static_cast<int32_t>(st.integer(7));
        a.quoted = st.integer(8) != 0;
        a.certainty = parse_enum<Certainty, 5>(st.text(9), Certainty::kReported);
        a.rule = intern(st.text(10));
      });
  each(
      "SELECT attribution, start, \"end\" FROM attribution_spans WHERE doc = ? "
      "ORDER BY attribution, n",
      [&](Stmt& st) {
        size_t a = static_cast<size_t>(st.integer(0));
        if (a < doc.attributions.size()) doc.attributions[a].content.push_back(span_at(st, 1));
      });
  each("SELECT attribution, cue FROM attribution_cues WHERE doc = ? ORDER BY attribution, cue",
       [&](Stmt& st) {
         size_t a = static_cast<size_t>(st.integer(0));
         if (a < doc.attributions.size())
           doc.attributions[a].cues.push_back(static_cast<uint32_t>(st.integer(1)));
       });
  each(
      "SELECT vid, code, source_code, source_start, source_end, target_code, target_start, "
      "target_end, verb_start, verb_end, location, attribution, certainty, negated, entry, "
      "modifier, time, time_start, time_end FROM events WHERE doc = ? ORDER BY n",
      [&](Stmt& st) {
        Event& v = doc.events.emplace_back();
        v.id = st.text(0);
        v.code = st.text(1);
        v.source.code = st.text(2);
        v.source.has_text = !st.is_null(3);
        if (v.source.has_text) v.source.text = span_at(st, 3);
        v.has_target = !st.is_null(5);
        if (v.has_target) {
          v.target.code = st.text(5);
          v.target.has_text = !st.is_null(6);
          if (v.target.has_text) v.target.text = span_at(st, 6);
        }
        v.has_verb = !st.is_null(8);
        if (v.has_verb) v.verb = span_at(st, 8);
        v.location = st.is_null(10) ? -1 : static_cast<int32_t>(st.integer(10));
        v.attribution = st.is_null(11) ? -1 : static_cast<int32_t>(st.integer(11));
        v.certainty = parse_enum<Certainty, 5>(st.text(12), Certainty::kAsserted);
        v.negated = st.integer(13) != 0;
        if (!st.is_null(14)) v.entry = intern(st.text(14));
        if (!st.is_null(15)) v.modifier = intern(st.text(15));
        v.has_time = !st.is_null(16) && !st.is_null(17) && !st.is_null(18);
        if (v.has_time) {
          v.time_text = span_at(st, 17);
          std::string_view interval = st.text(16);
          size_t slash = interval.find('/');
          if (slash != std::string_view::npos) {
            v.time_start = interval.substr(0, slash);
            v.time_end = interval.substr(slash + 1);
          }
        }
      });
  each("SELECT event, category, code FROM event_issues WHERE doc = ? ORDER BY event, n",
       [&](Stmt& st) {
         size_t v = static_cast<size_t>(st.integer(0));
         if (v < doc.events.size())
           doc.events[v].issues.emplace_back(std::string(st.text(1)), std::string(st.text(2)));
       });
  // Indices that point outside the loaded layers would crash consumers;
  // a consistent store never has them, but a damaged one must not crash us.
  auto valid = [](int32_t i, size_t n) { return i < static_cast<int64_t>(n) ? i : -1; };
  for (Attribution& a : doc.attributions) {
    a.source_entity = valid(a.source_entity, doc.entities.size());
    a.via = valid(a.via, doc.attributions.size());
  }
  for (Event& v : doc.events) {
    v.location = valid(v.location, doc.entities.size());
    v.attribution = valid(v.attribution, doc.attributions.size());
    if (v.has_time && (v.time_text.begin > v.time_text.end || v.time_text.end > doc.text.size()))
      v.has_time = false;
  }
  return true;
}

void SqliteStore::for_each_document(const std::function<bool(const DocumentRecords&)>& fn) {
  // One pass in key order; a document's copies follow it (LEFT JOIN, ordered
  // by copy id), so only one document's records are held at a time.
  Stmt st(db_,
          "SELECT d.doc, d.id, d.url, d.outlet, d.published, d.title, d.ingested_at, "
          "c.id, c.url, c.outlet, c.published, c.title, c.ingested_at "
          "FROM documents d LEFT JOIN copies c ON c.doc = d.doc ORDER BY d.doc, c.id");
  st.reset();
  auto read = [&](int col, StoredRecord& r) {
    r.id = st.text(col);
    r.url = st.text(col + 1);
    r.outlet = st.text(col + 2);
    r.published = st.text(col + 3);
    r.title = st.text(col + 4);
    r.ingested_at = st.text(col + 5);
  };
  DocumentRecords cur;
  bool have = false;
  while (st.step()) {
    int64_t key = st.integer(0);
    if (!have || key != cur.key) {
      if (have && !fn(cur)) return;
      cur.key = key;
      cur.copies.clear();
      read(1, cur.doc);
      have = true;
    }
    if (!st.is_null(7)) read(7, cur.copies.emplace_back());
  }
  if (have) fn(cur);
}

ResultTable SqliteStore::totals() {
  return run_table(
      db_,
      "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM copies), "
      "(SELECT count(*) FROM outlets), "
      "(SELECT min(published) FROM documents), (SELECT max(published) FROM documents), "
      "(SELECT count(*) FROM sentences), (SELECT count(*) FROM entities), "
      "(SELECT count(*) FROM mentions), (SELECT count(*) FROM places), "
      "(SELECT count(*) FROM cues), (SELECT count(*) FROM attributions), "
      "(SELECT count(*) FROM claims), (SELECT count(*) FROM events), "
      "(SELECT coalesce(sum(text_size), 0) FROM documents), "
      "(SELECT coalesce(sum(length(text_zstd)), 0) FROM documents), "
      "(SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()), "
      "(SELECT user_version FROM pragma_user_version())",
      {},
      {{"documents", CellType::kInteger},
       {"copies", CellType::kInteger},
       {"outlets", CellType::kInteger},
       {"earliest", CellType::kText},
       {"latest", CellType::kText},
       {"sentences", CellType::kInteger},
       {"entities", CellType::kInteger},
       {"mentions", CellType::kInteger},
       {"places", CellType::kInteger},
       {"cues", CellType::kInteger},
       {"attributions", CellType::kInteger},
       {"claims", CellType::kInteger},
       {"events", CellType::kInteger},
       {"text_bytes", CellType::kInteger},
       {"text_zstd_bytes", CellType::kInteger},
       {"db_bytes", CellType::kInteger},
       {"schema_version", CellType::kInteger}});
}

ResultTable SqliteStore::outlets(int64_t limit) {
  // Every outlet: documents it published (documents and copies) and claims
  // citing it as a source; documents without an outlet as "(none)".
  return run_table(db_,
                   "WITH pub AS (SELECT outlet_id, count(*) AS n, min(published) AS earliest, "
                   "max(published) AS latest FROM (SELECT outlet_id, published FROM documents "
                   "UNION ALL SELECT outlet_id, published FROM copies) GROUP BY outlet_id), "
                   "cited AS (SELECT source_outlet, count(*) AS n FROM claims "
                   "WHERE source_outlet IS NOT NULL GROUP BY source_outlet) "
                   "SELECT o.name, coalesce(pub.n, 0), pub.earliest, pub.latest, "
                   "coalesce(cited.n, 0) FROM outlets o "
                   "LEFT JOIN pub ON pub.outlet_id = o.outlet "
                   "LEFT JOIN cited ON cited.source_outlet = o.outlet "
                   "UNION ALL SELECT '(none)', n, earliest, latest, 0 FROM pub "
                   "WHERE outlet_id IS NULL ORDER BY 2 DESC, 5 DESC, 1" +
                       limit_clause(limit),
                   {},
                   {{"outlet", CellType::kText},
                    {"documents", CellType::kInteger},
                    {"earliest", CellType::kText},
                    {"latest", CellType::kText},
                    {"cited", CellType::kInteger}});
}

ResultTable SqliteStore::search(std::string_view fts_query, const QueryFilter& f) {
  std::vector<std::string> params{std::string(fts_query)};
  std::string where;
  document_filters(f, where, params);
  if (!f.place.empty()) {  // documents that name the place
    add_filter(where, params,
               "EXISTS (SELECT 1 FROM entities e LEFT JOIN places p ON p.place = e.place "
               "WHERE e.doc = d.doc AND (e.name = ? COLLATE NOCASE OR p.geonameid = ?))",
               f.place);
    params.push_back(f.place);
  }
  // bm25 ranking happens inside the FTS5 virtual table ("ORDER BY rank");
  // snippet() decompresses the body through the external-content view, and
  // SQLite evaluates it only for the rows returned.
  std::string sql;
  sql =
      "SELECT d.id, d.published, d.outlet, d.title, "
      "snippet(documents_fts, 1, '[', ']', '\u2026', 16), round(documents_fts.rank, 3) "
      "FROM documents_fts JOIN documents d ON d.doc = documents_fts.rowid "
      "WHERE documents_fts MATCH ?" +
      (where.empty() ? std::string() : " AND " + where.substr(7)) + " ORDER BY documents_fts.rank" +
      limit_clause(f.limit);
  try {
    return run_table(db_, sql, params,
                     {{"id", CellType::kText},
                      {"published", CellType::kText},
                      {"outlet", CellType::kText},
                      {"title", CellType::kText},
                      {"snippet", CellType::kText},
                      {"rank", CellType::kReal}});
  } catch (const StoreError& e) {
    throw StoreError(std::string("search \"") + std::string(fts_query) + "\": " + e.what());
  }
}

ResultTable SqliteStore::claims(const QueryFilter& f) {
  std::vector<std::string> params;
  std::string where;
  claim_filters(f, where, params);
  return run_table(db_,
                   "SELECT d.id, d.published, d.outlet, a.aid, a.source_text, a.source_kind, "
                   "a.cue_text, v.aid, c.chain, a.quoted, a.certainty, a.content_text "
                   "FROM attributions a JOIN documents d ON d.doc = a.doc "
                   "LEFT JOIN claims c ON c.doc = a.doc AND c.n = a.n "
                   "LEFT JOIN attributions v ON v.doc = a.doc AND v.n = a.via" +
                       where + " ORDER BY d.published, d.doc, a.n" + limit_clause(f.limit),
                   params,
                   {{"doc", CellType::kText},
                    {"published", CellType::kText},
                    {"outlet", CellType::kText},
                    {"id", CellType::kText},
                    {"source", CellType::kText},
                    {"source_kind", CellType::kText},
                    {"cue", CellType::kText},
                    {"via", CellType::kText},
                    {"chain", CellType::kText},
                    {"quoted", CellType::kBool},
                    {"certainty", CellType::kText},
                    {"content", CellType::kText}});
}

ResultTable SqliteStore::events(const QueryFilter& f) {
  std::vector<std::string> params;
  std::string where;
  document_filters(f, where, params);
  add_filter(where, params, "v.certainty = ?", f.certainty);
  event_filters(f, where, params);
  add_filter(where, params, "a.source_kind = ?", f.source_kind);
  // With a code filter the events_code/events_root index is the selective
  // start; CROSS JOIN fixes that order (SQLite's planner may otherwise start
  // from the documents of an outlet, e.g. while the events table has no
  // statistics yet).
  const std::string join = f.code.empty() && f.root.empty() ? "JOIN" : "CROSS JOIN";
  return run_table(db_,
                   "SELECT d.id, d.published, d.outlet, v.vid, v.source_code, v.code, "
                   "v.target_code, v.root, v.quad_class, v.goldstein, coalesce(p.name, e.name), "
                   "p.geonameid, a.aid, v.certainty, v.negated, "
                   // CATEGORY:CODE;... in the event's order; NULL: no issues.
                   "(SELECT group_concat(x, ';') FROM (SELECT i.category || ':' || i.code AS x "
                   "FROM event_issues i WHERE i.doc = v.doc AND i.event = v.n ORDER BY i.n)) "
                   "FROM events v " +
                       join +
                       " documents d ON d.doc = v.doc "
                       "LEFT JOIN entities e ON e.doc = v.doc AND e.n = v.location "
                       "LEFT JOIN places p ON p.place = v.place "
                       "LEFT JOIN attributions a ON a.doc = v.doc AND a.n = v.attribution" +
                       where + " ORDER BY d.published, d.doc, v.n" + limit_clause(f.limit),
                   params,
                   {{"doc", CellType::kText},
                    {"published", CellType::kText},
                    {"outlet", CellType::kText},
                    {"id", CellType::kText},
                    {"source", CellType::kText},
                    {"code", CellType::kText},
                    {"target", CellType::kText},
                    {"root", CellType::kText},
                    {"quad_class", CellType::kInteger},
                    {"goldstein", CellType::kReal},
                    {"location", CellType::kText},
                    {"geonameid", CellType::kInteger},
                    {"attribution", CellType::kText},
                    {"certainty", CellType::kText},
                    {"negated", CellType::kBool},
                    {"issues", CellType::kText}});
}

ResultTable SqliteStore::sources(const QueryFilter& f) {
  std::vector<std::string> params;
  std::string where;
  claim_filters(f, where, params);
  // Sources are grouped by the key of their resolved name (entity name, else
  // the words of the source) and kind; "RIA" and "RIA Novosti" stay apart
  // unless the entity layer resolved them to one entity.
  return run_table(db_,
                   "SELECT coalesce(min(c.source_name), '(none)'), a.source_kind, "
                   "min(o.name), count(*) AS claims, count(DISTINCT a.doc), "
                   "count(DISTINCT d.outlet_id) "
                   "FROM attributions a JOIN documents d ON d.doc = a.doc "
                   "LEFT JOIN claims c ON c.doc = a.doc AND c.n = a.n "
                   "LEFT JOIN outlets o ON o.outlet = c.source_outlet" +
                       where + " GROUP BY c.source_key, a.source_kind ORDER BY claims DESC, 1" +
                       limit_clause(f.limit),
                   params,
                   {{"source", CellType::kText},
                    {"kind", CellType::kText},
                    {"outlet", CellType::kText},
                    {"claims", CellType::kInteger},
                    {"documents", CellType::kInteger},
                    {"outlets", CellType::kInteger}});
}

ResultTable SqliteStore::entities(const QueryFilter& f) {
  std::vector<std::string> params;
  std::string where;
  document_filters(f, where, params);
  add_filter(where, params, "e.type = ?", f.type);
  if (!f.actor.empty()) {
    add_filter(where, params, "e.actor >= ?", f.actor);
    add_filter(where, params, "e.actor < ?", f.actor + "\x7f");
  }
  return run_table(db_,
                   "SELECT e.name, e.type, max(e.actor), max(p.geonameid), "
                   "count(DISTINCT e.doc) AS docs, "
                   "sum((SELECT count(*) FROM mentions m WHERE m.doc = e.doc AND m.entity = e.n)) "
                   "FROM entities e JOIN documents d ON d.doc = e.doc "
                   "LEFT JOIN places p ON p.place = e.place" +
                       where + " GROUP BY e.name, e.type ORDER BY docs DESC, e.name" +
                       limit_clause(f.limit),
                   params,
                   {{"name", CellType::kText},
                    {"type", CellType::kText},
                    {"actor", CellType::kText},
                    {"geonameid", CellType::kInteger},
                    {"documents", CellType::kInteger},
                    {"mentions", CellType::kInteger}});
}

std::vector<Story> SqliteStore::stories(int64_t limit) {
  Stmt st(db_,
          "SELECT d.near_key, d.id, d.published FROM documents d UNION ALL "
          "SELECT d.near_key, c.id, c.published FROM copies c JOIN documents d ON d.doc = c.doc "
          "ORDER BY 1, 3, 2");
  st.reset();
  std::vector<Story> out;
  std::string key;
  while (st.step()) {
    if (out.empty() || st.text(0) != key) {
      key = st.text(0);
      out.emplace_back().id = "s" + key.substr(0, 16);
    }
    Story& s = out.back();
    s.documents.emplace_back(st.text(1));
    std::string_view date = st.text(2);
    if (!date.empty() && (s.earliest.empty() || date < s.earliest)) s.earliest = date;
  }
  std::stable_sort(out.begin(), out.end(), [](const Story& a, const Story& b) {
    if (a.documents.size() != b.documents.size()) return a.documents.size() > b.documents.size();
    return a.id < b.id;
  });
  if (limit > 0 && out.size() > static_cast<size_t>(limit)) out.resize(static_cast<size_t>(limit));
  return out;
}

void SqliteStore::for_each_link_state(bool with_features,
                                      const std::function<void(const LinkState&)>& fn) {
  Stmt st(db_, with_features
                   ? "SELECT d.doc, d.id, d.published, l.near_group, l.story, l.minhash, "
                     "l.terms_zstd FROM documents d LEFT JOIN link_documents l ON l.doc = d.doc "
                     "ORDER BY d.doc"
                   : "SELECT d.doc, d.id, d.published, l.near_group, l.story FROM documents d "
                     "LEFT JOIN link_documents l ON l.doc = d.doc ORDER BY d.doc");
  st.reset();
  LinkState s;
  while (st.step()) {
    s.key = st.integer(0);
    s.id = st.text(1);
    s.published = st.text(2);
    s.linked = !st.is_null(3);
    s.near_group = s.linked ? st.integer(3) : 0;
    s.story = s.linked ? st.integer(4) : 0;
    s.minhash.clear();
    s.terms.clear();
    if (with_features && s.linked) {
      s.minhash = st.blob(5);
      if (!zstd_decompress(st.blob(6), s.terms))
        throw StoreError("link_documents: stored terms of document " + s.id + " are corrupt");
    }
    fn(s);
  }
}

void SqliteStore::write_link_states(std::span<const LinkState> rows) {
  Stmt features(db_,
                "INSERT INTO link_documents (doc, minhash, terms_zstd, near_group, story) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT(doc) DO UPDATE SET minhash = excluded.minhash, "
                "terms_zstd = excluded.terms_zstd, near_group = excluded.near_group, "
                "story = excluded.story");
  Stmt groups(db_, "UPDATE link_documents SET near_group = ?, story = ? WHERE doc = ?");
  exec("BEGIN IMMEDIATE");
  try {
    std::string compressed;
    for (const LinkState& r : rows) {
      if (!r.minhash.empty()) {
        zstd_compress(r.terms, compressed);
        features.reset()
            .bind(r.key)
            .bind_blob(r.minhash)
            .bind_blob(compressed)
            .bind(r.near_group)
            .bind(r.story)
            .exec();
      } else {
        groups.reset().bind(r.near_group).bind(r.story).bind(r.key).exec();
      }
    }
    exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

std::string SqliteStore::check_integrity() {
  std::string problems;
  {
    Stmt st(db_, "PRAGMA integrity_check");
    st.reset();
    while (st.step()) {
      if (st.text(0) == "ok") continue;
      problems += std::string(st.text(0)) + "\n";
    }
  }
  char* err = nullptr;
  if (sqlite3_exec(db_, "INSERT INTO documents_fts(documents_fts) VALUES('integrity-check')",
                   nullptr, nullptr, &err) != SQLITE_OK) {
    problems += std::string("full-text index: ") + (err ? err : "check failed") + "\n";
    sqlite3_free(err);
  }
  return problems.empty() ? "ok" : problems;
}

}  // namespace

int sqlite_latest_schema_version() {
  return kMigrations[std::size(kMigrations) - 1].version;
}

std::unique_ptr<Store> open_sqlite_store(const std::string& path) {
  return std::make_unique<SqliteStore>(path);
}

}  // namespace claimtrace::store
