#pragma once
// Store: the persistent record of analysed documents (DESIGN §5).
//
// One interface, several backends: SQLite today (sqlite_store.cc, the default,
// zero configuration), PostgreSQL later with the same schema and queries. All
// SQL lives in the backend; callers see documents, batches and result tables.
//
// Guarantees every backend gives:
//  - write_batch() is atomic: a batch is committed whole or not at all, so a
//    crash (even kill -9) never leaves half an article behind;
//  - idempotency: a record whose id is already stored with the same content
//    hash is skipped; a record whose body (content hash) is already stored
//    under another id is recorded as a *copy* of that document (its id and
//    metadata are kept, its layers are those of the original);
//  - queries never modify the store.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "store/result_table.h"

namespace claimtrace::store {

// A backend failure (I/O, corrupt file, schema newer than this program).
// Thrown by Store methods; the CLI turns it into a message and exit code.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A Document ready to store: the parts that cost CPU (compression, the
// near-duplicate key) are computed by prepare() on the worker threads so the
// single writer only runs SQL.
struct PreparedDocument {
  const Document* doc = nullptr;
  std::string text_zstd;  // zstd frame of doc->text
  std::string near_key;   // see near_duplicate_key()
  // False for a record that ingest did not analyse because its content hash
  // is already stored (StoredRecords): it can only be skipped or recorded as
  // a copy, never stored as a new document (it has no layers).
  bool analysed = true;
};

// Fills `out` for `doc` (which must outlive `out`).
void prepare(const Document& doc, PreparedDocument& out);
// Fills `out` for a record that is not analysed (see PreparedDocument::analysed).
void prepare_unanalysed(const Document& doc, PreparedDocument& out);

// The normalised form under which outlet and source names are grouped
// (outlets.key, claims.source_key): ASCII lower case, every run of ASCII
// punctuation and white space one space, trimmed, a leading "the " dropped
// ("The  Associated Press" -> "associated press"). Bytes >= 0x80 are kept.
std::string name_key(std::string_view name);

// Key of the first, simplest story grouping (documented in docs/schema.md):
// XXH3-128 of the normalised title and the normalised first 40 words of the
// body, with a leading dateline ("LONDON, May 2 (Reuters) -") removed, so
// reprints of one wire story by different outlets share it.
std::string near_duplicate_key(std::string_view title, std::string_view body);

enum class WriteOutcome : uint8_t {
  kStored,    // new document with its layers
  kCopy,      // body already stored under another id: recorded as a copy
  kSkipped,   // this id is already stored with the same content
  kConflict,  // this id is already stored with a different content hash
};

struct WriteResult {
  WriteOutcome outcome = WriteOutcome::kStored;
  std::string detail;  // reason for kConflict; original id for kCopy
};

// Filters shared by the claim, event and search queries. Empty = no filter.
//
// Verbs and the filters they honour (the CLI registers the same sets):
//   search:   outlet, since, until, place
//   claims, sources: outlet, since, until, certainty, source_kind, and the
//             event filters (code, root, actor, target, place), which keep
//             the claims that report a matching event;
//   events:   all but type;   entities: outlet, since, until, type, actor.
struct QueryFilter {
  std::string outlet;       // outlet name, compared by name_key() ("reuters" = "Reuters")
  std::string since;        // published >= (YYYY-MM-DD)
  std::string until;        // published <= (YYYY-MM-DD)
  std::string certainty;    // asserted|reported|alleged|speculative|denied
  std::string source_kind;  // person|organisation|...
  std::string code;         // CAMEO event code prefix ("19" matches 190..196)
  std::string root;         // CAMEO root code, two digits ("19")
  std::string actor;        // event source actor code prefix ("UKR" matches UKRMIL);
                            // entities: the entity's actor code prefix
  std::string target;       // event target actor code prefix
  std::string place;        // event location: place or entity name (any case) or GeoNames id
  std::string type;         // entities: entity type (PER, ORG, GPE, ...)
  std::string doc_id;       // one document
  int64_t limit = 100;      // <= 0: no limit
};

// Metadata of one stored record: a document or one of its copies.
struct StoredRecord {
  std::string id, url, outlet, published, title;
  std::string ingested_at;  // UTC ISO 8601
};

// A stored document (its layers are load_document(doc.id)) with the records
// stored as its copies. `key` is the backend's stable integer key of the
// document (SQLite: documents.doc), usable to build stable numeric ids.
struct DocumentRecords {
  int64_t key = 0;
  StoredRecord doc;
  std::vector<StoredRecord> copies;  // by id
};

struct Story {
  std::string id;
  std::string earliest;                // earliest published date among its documents
  std::vector<std::string> documents;  // input record ids
};

// Cross-document link state of one stored document (src/link/, `claimtrace
// link`). `linked` is false for a document stored since the last link run.
struct LinkState {
  int64_t key = 0;  // documents key (see DocumentRecords::key)
  std::string id, published;
  bool linked = false;
  int64_t near_group = 0;  // key of the document that started its near-duplicate group
  int64_t story = 0;       // story cluster id: the smallest document key in the story
  std::string minhash;     // serialised MinHash signature (link/near_duplicates.h)
  std::string terms;       // story terms, as link/stories.h serialises them
};

class Store {
 public:
  virtual ~Store() = default;

  // Schema version of the open store (== latest after open).
  virtual int schema_version() = 0;

  // Writes a batch in one transaction; results[i] describes docs[i].
  // Throws StoreError (after rolling back) when the backend fails.
  virtual void write_batch(std::span<const PreparedDocument> docs,
                           std::vector<WriteResult>& results) = 0;

  // Calls `fn(id, hash)` for every stored record (documents and copies), so
  // ingest can recognise records it need not analyse again. Streaming.
  virtual void for_each_stored_record(
      const std::function<void(std::string_view id, std::string_view hash)>& fn) = 0;

  // Refreshes the query planner's statistics after bulk writes (cheap: a
  // bounded sample per index). Without it SQLite may, for example, start a
  // filtered event query from the documents of an outlet instead of events.
  virtual void optimize() = 0;

  // Loads a stored document (metadata, text and all stored layers) by the id
  // of its input record (a copy's id loads the copy's metadata with the
  // original's text and layers). Returns false when no such id is stored.
  virtual bool load_document(std::string_view id, Document& doc) = 0;

  // Calls `fn` for every stored document in key order with its copies,
  // streaming (one document's records in memory at a time); stops early when
  // `fn` returns false. `fn` may call load_document().
  virtual void for_each_document(const std::function<bool(const DocumentRecords&)>& fn) = 0;

  // Summary tables: one row of totals, and documents per outlet (outlets
  // table: names grouped by name_key(), with how often claims cite them).
  virtual ResultTable totals() = 0;
  virtual ResultTable outlets(int64_t limit) = 0;

  virtual ResultTable search(std::string_view fts_query, const QueryFilter& filter) = 0;
  virtual ResultTable claims(const QueryFilter& filter) = 0;
  virtual ResultTable events(const QueryFilter& filter) = 0;
  // Attribution sources (grouped by name_key() of their resolved name, and
  // kind) with claim, document and outlet counts, most claims first.
  virtual ResultTable sources(const QueryFilter& filter) = 0;
  // Entities by name and type across documents, most documents first.
  virtual ResultTable entities(const QueryFilter& filter) = 0;

  // Stories ranked by number of documents (then id); limit <= 0: all.
  virtual std::vector<Story> stories(int64_t limit) = 0;

  // Calls `fn` for every stored document in key order with its link state;
  // the stored features (minhash, terms) only when `with_features`.
  virtual void for_each_link_state(bool with_features,
                                   const std::function<void(const LinkState&)>& fn) = 0;
  // Stores link states in one transaction: a row with features (non-empty
  // minhash) is inserted or replaced whole; a row without updates the
  // groups of an already linked document.
  virtual void write_link_states(std::span<const LinkState> rows) = 0;

  // Runs the backend's integrity checks; returns "ok" or the problems found.
  virtual std::string check_integrity() = 0;
};

// Opens (creating and migrating as needed) the SQLite store at `path`.
std::unique_ptr<Store> open_sqlite_store(const std::string& path);

// The schema version this program writes (the last migration).
int sqlite_latest_schema_version();

// CAMEO helpers used by the store: the two-digit root of an event code
// ("0231" -> "02"), and its QuadClass (1 verbal cooperation, 2 material
// cooperation, 3 verbal conflict, 4 material conflict; 0 when unknown).
std::string cameo_root(std::string_view code);
int cameo_quad_class(std::string_view code);
// The Goldstein scale value of a CAMEO event code (data/cameo/event_codes.tsv,
// compiled in); nullopt for a code the tables do not know.
std::optional<double> cameo_goldstein(std::string_view code);

}  // namespace claimtrace::store
