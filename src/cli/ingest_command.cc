// `claimtrace ingest`: read, analyse in parallel, store in batched
// transactions (DESIGN §5, §6).
//
// Pipeline: one reader (under run_ordered's read lock) cuts the inputs into
// batches of raw records; all cores parse, analyse, compress and key them;
// the ordered writer stores each batch in one transaction. Memory is bounded
// by threads x batch size. Re-running on the same inputs is safe: stored
// records are recognised by id and content hash and skipped, so a run killed
// at any moment is completed by running it again.
#include <unistd.h>

#include <xxhash.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "cli/args.h"
#include "cli/input_files.h"
#include "cli/linked_stories.h"
#include "cli/store_args.h"
#include "core/json_writer.h"
#include "dict/tabari.h"
#include "ingest/feed_reader.h"
#include "ingest/html/article.h"
#include "ingest/html/dates.h"
#include "ingest/html_page_reader.h"
#include "ingest/jsonl_reader.h"
#include "ingest/line_reader.h"
#include "ingest/text_reader.h"
#include "ingest/warc_reader.h"
#include "pipeline/analyzer.h"
#include "pipeline/ordered_runner.h"
#include "store/store.h"

namespace claimtrace::cli {

namespace {

using Clock = std::chrono::steady_clock;

// What one work item holds.
enum class ItemKind {
  kLine,      // a JSONL line (raw)
  kFile,      // a text or HTML file, read whole by the worker
  kWarcPage,  // the HTML body of a WARC response (raw), with its URL and charset
  kFeedItem,  // one item of an RSS or Atom feed
};

struct Item {
  uint32_t file = 0;
  uint64_t seq = 0;  // JSONL line, WARC record or feed item number; 0 for a whole file
  ItemKind kind = ItemKind::kLine;
  std::string raw;               // the JSONL line or the page's HTML
  std::string id, url, charset;  // WARC page
  std::string fetched;           // WARC page: the day of WARC-Date
  FeedItem feed_item;            // feed item
  std::string outlet;            // feed title
};

struct Failure {
  uint32_t file = 0;
  uint64_t line = 0;  // reported line (JSONL); 0 when a line says nothing
  uint64_t seq = 0;   // position in the file, for reporting in input order
  std::string id;
  std::string reason;
};

struct IngestBatch {
  std::vector<Item> items;
  size_t count = 0;
  std::vector<Document> docs;
  std::vector<store::PreparedDocument> prepared;
  std::vector<size_t> doc_item;  // item index of each prepared document
  size_t ndocs = 0;
  std::vector<Failure> failures;  // read and analysis failures, in input order
  uint64_t bytes = 0;
};

// WARC records that are not articles: skipped and counted, not errors.
struct WarcSkips {
  uint64_t records = 0, not_response = 0, not_ok = 0, not_html = 0, bad_http = 0;
  uint64_t skipped() const { return not_response + not_ok + not_html + bad_http; }
};

// Reads records from the input files in order; called under the read lock.
class Reader {
 public:
  // inflate_threads: for .warc.gz files (WarcReader::set_threads; 0 = all cores).
  Reader(const std::vector<InputFile>& files, unsigned batch_size, unsigned inflate_threads)
      : files_(files), batch_size_(batch_size), inflate_threads_(inflate_threads) {}

  bool fill(IngestBatch& b) {
    b.count = 0;
    b.failures.clear();
    b.bytes = 0;
    if (b.items.size() < batch_size_) b.items.resize(batch_size_);
    while (b.count < batch_size_ && next_file_or_open(b)) {
      const InputFile& f = files_[current_];
      Item& it = b.items[b.count];
      it.file = static_cast<uint32_t>(current_);
      if (f.warc) {
        if (next_warc_page(b, it)) ++b.count;
        continue;
      }
      if (f.feed) {
        if (feed_next_ == feed_.items.size()) {
          close_current();
          continue;
        }
        it.kind = ItemKind::kFeedItem;
        it.seq = ++feed_next_;
        it.feed_item = std::move(feed_.items[feed_next_ - 1]);
        it.outlet = feed_.title;
        ++b.count;
        continue;
      }
      if (!f.jsonl) {  // one record: the whole file, read by the worker
        it.kind = ItemKind::kFile;
        it.seq = 0;
        it.raw.clear();
        b.bytes += f.size;
        ++b.count;
        close_current();
        continue;
      }
      if (!reader_->next(it.raw)) {
        if (!reader_->error().empty())
          b.failures.push_back({static_cast<uint32_t>(current_), reader_->line_number(),
                                reader_->line_number(), "", reader_->error()});
        close_current();
        continue;
      }
      b.bytes += it.raw.size() + 1;
      if (it.raw.find_first_not_of(" \t") == std::string::npos) continue;  // blank line
      it.kind = ItemKind::kLine;
      it.seq = reader_->line_number();
      ++b.count;
    }
    return b.count > 0 || !b.failures.empty();
  }

  const WarcSkips& warc_skips() const { return warc_skips_; }

 private:
  // Reads the next WARC record of the current file into `it` when it is an
  // HTML page (HTTP 200); other records are counted as skipped. False when
  // the record was skipped or the archive ended (then the file is closed).
  bool next_warc_page(IngestBatch& b, Item& it) {
    if (!warc_->next(warc_record_)) {
      if (!warc_->error().empty())
        b.failures.push_back({static_cast<uint32_t>(current_), 0, warc_->records() + 1, "",
                              strip_path(warc_->error(), files_[current_].path)});
      close_current();
      return false;
    }
    ++warc_skips_.records;
    b.bytes += warc_record_.block.size();
    if (warc_record_.type != "response") {
      ++warc_skips_.not_response;
      return false;
    }
    std::string err;
    if (!parse_http_response(warc_record_.block, http_, err)) {
      ++warc_skips_.bad_http;
      return false;
    }
    if (http_.status != 200) {
      ++warc_skips_.not_ok;
      return false;
    }
    if (http_.content_type != "text/html" && http_.content_type != "application/xhtml+xml") {
      ++warc_skips_.not_html;
      return false;
    }
    it.kind = ItemKind::kWarcPage;
    it.seq = warc_->records();
    it.id = warc_record_.record_id.empty() ? warc_record_.target_uri : warc_record_.record_id;
    it.url = warc_record_.target_uri;
    it.charset = http_.charset;
    it.fetched = html::parse_date(warc_record_.date);
    it.raw = std::move(http_.body);
    return true;
  }

  // Readers' messages start with the path, which the report adds.
  static std::string strip_path(std::string err, const std::string& path) {
    if (err.rfind(path + ": ", 0) == 0) err.erase(0, path.size() + 2);
    return err;
  }

  // Ensures a file is open (advancing past finished or unreadable ones);
  // false when every file has been read.
  bool next_file_or_open(IngestBatch& b) {
    while (current_ < files_.size()) {
      if (open_) return true;
      const InputFile& f = files_[current_];
      std::string err;
      if (f.warc) {
        warc_ = std::make_unique<WarcReader>();
        warc_->set_threads(inflate_threads_);
        if (warc_->open(f.path, err)) {
          open_ = true;
          return true;
        }
      } else if (f.feed) {
        std::string bytes;
        feed_ = Feed{};
        feed_next_ = 0;
        if (read_whole_file(f.path, bytes, err) && parse_feed(bytes, feed_, err)) {
          b.bytes += f.size;
          open_ = true;
          return true;
        }
      } else if (!f.jsonl) {
        open_ = true;
        return true;
      } else {
        reader_ = std::make_unique<LineReader>();
        if (reader_->open(f.path, err)) {
          open_ = true;
          return true;
        }
      }
      b.failures.push_back({static_cast<uint32_t>(current_), 0, 0, "", strip_path(err, f.path)});
      ++current_;
    }
    return false;
  }
  void close_current() {
    reader_.reset();
    warc_.reset();
    feed_ = Feed{};
    feed_next_ = 0;
    open_ = false;
    ++current_;
  }

  const std::vector<InputFile>& files_;
  unsigned batch_size_;
  unsigned inflate_threads_;
  size_t current_ = 0;
  bool open_ = false;
  std::unique_ptr<LineReader> reader_;
  std::unique_ptr<WarcReader> warc_;
  WarcRecord warc_record_;
  HttpResponse http_;
  WarcSkips warc_skips_;
  Feed feed_;
  size_t feed_next_ = 0;  // items of feed_ handed out
};

// The records already in the store, as 64-bit fingerprints in sorted
// vectors (8 bytes per record): a worker that finds a record here does not
// analyse it, because the writer will only skip it (same id and hash) or
// record it as a copy (known hash). The writer still decides from the store
// itself; a fingerprint collision (odds ~n^2/2^64) costs at most one record
// reported as an error, never a wrong row.
class StoredRecords {
 public:
  void load(store::Store& db) {
    db.for_each_stored_record([&](std::string_view id, std::string_view hash) {
      ids_.push_back(id_fingerprint(id, hash));
      hashes_.push_back(hash_fingerprint(hash));
    });
    for (auto* v : {&ids_, &hashes_}) std::sort(v->begin(), v->end());
  }
  // Same id with the same content hash: the writer skips it.
  bool has_record(const Document& d) const {
    return std::binary_search(ids_.begin(), ids_.end(), id_fingerprint(d.id, d.hash));
  }
  // The body is stored (under this or another id).
  bool has_body(const Document& d) const {
    return std::binary_search(hashes_.begin(), hashes_.end(), hash_fingerprint(d.hash));
  }

 private:
  static uint64_t id_fingerprint(std::string_view id, std::string_view hash) {
    return XXH3_64bits_withSeed(id.data(), id.size(), hash_fingerprint(hash));
  }
  static uint64_t hash_fingerprint(std::string_view hash) {
    return XXH3_64bits(hash.data(), hash.size());
  }
  std::vector<uint64_t> ids_, hashes_;
};

// Turns one work item into a record (parsing, reading or extracting it).
// On failure `rec.id` is whatever id is known and `error` says why.
bool read_item(JsonlParser& parser, Item& it, const InputFile& file, bool use_title,
               InputRecord& rec, std::string& error) {
  switch (it.kind) {
    case ItemKind::kLine:
      return parser.parse(it.raw, rec, error);
    case ItemKind::kFile:
      return file.html ? read_html_page(file.path, "", use_title, rec, error)
                       : read_text_article(file.path, use_title, rec, error);
    case ItemKind::kWarcPage: {
      rec.id = it.id;
      html::Article article;
      bool ok = html::extract_article(
          it.raw, {.url = it.url, .charset = it.charset, .fetched = it.fetched}, article, error);
      if (ok && article.text.empty()) {
        ok = false;
        error = "no article text found in the page";
      }
      if (!ok) {
        error = it.url + ": " + error;
        return false;
      }
      rec.text = std::move(article.text);
      rec.title = std::move(article.title);
      rec.url = it.url.empty() ? std::move(article.url) : it.url;
      rec.outlet = std::move(article.outlet);
      rec.published = std::move(article.published);
      return true;
    }
    case ItemKind::kFeedItem: {
      FeedItem& item = it.feed_item;
      rec.id = item.id;
      rec.text = feed_item_text(item);
      if (rec.text.empty()) {
        error = (item.link.empty() ? "item " + std::to_string(it.seq) : item.link) +
                ": item without text";
        return false;
      }
      rec.title = std::move(item.title);
      rec.url = std::move(item.link);
      rec.published = std::move(item.published);
      rec.outlet = it.outlet;
      return true;
    }
  }
  return false;
}

struct Totals {
  uint64_t records = 0, stored = 0, copies = 0, skipped = 0, failed = 0, bytes = 0;
};

std::string format_duration(double s) {
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%dh%02dm", static_cast<int>(s / 3600),
                  static_cast<int>(s / 60) % 60);
  else
    std::snprintf(buf, sizeof buf, "%dm%02ds", static_cast<int>(s / 60), static_cast<int>(s) % 60);
  return buf;
}

}  // namespace

int run_ingest(const IngestArgs& args) {
  std::vector<InputFile> files = expand_inputs(args.inputs, args.input_format);
  std::unique_ptr<store::Store> db;
  try {
    db = store::open_sqlite_store(args.db);
  } catch (const store::StoreError& e) {
    std::fprintf(stderr, "claimtrace: %s\n", e.what());
    return kExitSomeFailed;
  }
  std::FILE* errors = nullptr;
  if (!args.errors.empty()) {
    errors = std::fopen(args.errors.c_str(), "w");
    if (!errors) {
      std::fprintf(stderr, "claimtrace: cannot write %s\n", args.errors.c_str());
      return kExitUsage;
    }
  }

  auto lex = open_lexicon(args.lexicon_image, args.user_lexicons);
  if (!lex) {
    if (errors) std::fclose(errors);
    return kExitSomeFailed;
  }
  bool dicts_ok = true;
  const std::unique_ptr<dict::Dictionaries> dicts = load_dictionaries(args.dictionaries, dicts_ok);
  if (!dicts_ok) {
    if (errors) std::fclose(errors);
    return kExitUsage;
  }
  const Analyzer analyzer(lex.get(), dicts.get());
  StoredRecords stored;
  try {
    stored.load(*db);
  } catch (const store::StoreError& e) {
    std::fprintf(stderr, "claimtrace: %s\n", e.what());
    if (errors) std::fclose(errors);
    return kExitSomeFailed;
  }
  Reader reader(files, args.batch_size, args.threads);
  const size_t threads =
      args.threads ? args.threads : std::max(1u, std::thread::hardware_concurrency());
  const bool progress = !args.quiet && isatty(STDERR_FILENO) == 1;
  uint64_t total_bytes = 0;
  bool eta_known = true;
  for (const auto& f : files) {
    total_bytes += f.size;
    if (f.compressed || f.path == "-") eta_known = false;
  }
  Totals t;
  bool stop = false;  // set by the writer on a store failure
  std::string fatal;
  std::vector<store::WriteResult> results;
  const auto start = Clock::now();
  // Draw the first line after the first batch, not only once 250 ms have passed:
  // a short run on a terminal still shows where it got to.
  auto last_progress = start - std::chrono::seconds(1);

  auto report_failure = [&](const Failure& f) {
    const std::string& file = files[f.file].path == "-" ? "<stdin>" : files[f.file].path;
    std::string where = f.line ? file + ":" + std::to_string(f.line) : file;
    std::fprintf(stderr, "%sclaimtrace: %s: %s%s\n", progress ? "\r\033[K" : "", where.c_str(),
                 f.id.empty() ? "" : ("[" + f.id + "] ").c_str(), f.reason.c_str());
    if (errors) {
      std::string line;
      JsonWriter w(line);
      w.begin_object();
      w.field("file", std::string_view(file));
      if (f.line)
        w.field("line", static_cast<int64_t>(f.line));
      else
        w.null_field("line");
      if (f.id.empty())
        w.null_field("id");
      else
        w.field("id", std::string_view(f.id));
      w.field("reason", std::string_view(f.reason));
      w.end_object();
      line += '\n';
      std::fwrite(line.data(), 1, line.size(), errors);
    }
    ++t.failed;
  };

  run_ordered<IngestBatch>(
      threads, [&](IngestBatch& b) { return !stop && reader.fill(b); },
      [&](IngestBatch& b) {
        thread_local JsonlParser parser;
        InputRecord rec;
        std::string err;
        if (b.docs.size() < b.count) {
          b.docs.resize(b.count);
          b.prepared.resize(b.count);
          b.doc_item.resize(b.count);
        }
        b.ndocs = 0;
        for (size_t i = 0; i < b.count; ++i) {
          Item& it = b.items[i];
          rec = InputRecord{};
          err.clear();  // read_whole_file reports failure through a non-empty error
          const InputFile& file = files[it.file];
          if (!read_item(parser, it, file, !args.no_title, rec, err)) {
            b.failures.push_back(
                {it.file, it.kind == ItemKind::kLine ? it.seq : 0, it.seq, rec.id, err});
            continue;
          }
          Document& doc = b.docs[b.ndocs];
          try {
            to_document(std::move(rec), doc);
            if (stored.has_record(doc) || stored.has_body(doc)) {
              store::prepare_unanalysed(doc, b.prepared[b.ndocs]);
              b.doc_item[b.ndocs++] = i;
              continue;
            }
            analyzer.analyze(doc);
            store::prepare(doc, b.prepared[b.ndocs]);
          } catch (const std::exception& e) {
            b.failures.push_back({it.file, it.kind == ItemKind::kLine ? it.seq : 0, it.seq, doc.id,
                                  std::string("analysis failed: ") + e.what()});
            continue;
          }
          b.doc_item[b.ndocs++] = i;
        }
      },
      [&](IngestBatch& b) {
        if (stop) return;
        try {
          db->write_batch(std::span(b.prepared.data(), b.ndocs), results);
        } catch (const store::StoreError& e) {
          fatal = e.what();
          stop = true;
          return;
        }
        // Failures were collected per stage; report them in input order.
        std::vector<Failure> failures = std::move(b.failures);
        for (size_t i = 0; i < b.ndocs; ++i) {
          switch (results[i].outcome) {
            case store::WriteOutcome::kStored:
              ++t.stored;
              break;
            case store::WriteOutcome::kCopy:
              ++t.copies;
              break;
            case store::WriteOutcome::kSkipped:
              ++t.skipped;
              break;
            case store::WriteOutcome::kConflict: {
              const Item& it = b.items[b.doc_item[i]];
              failures.push_back({it.file, it.kind == ItemKind::kLine ? it.seq : 0, it.seq,
                                  b.docs[i].id, results[i].detail});
              break;
            }
          }
        }
        std::stable_sort(failures.begin(), failures.end(), [](const Failure& x, const Failure& y) {
          return x.file != y.file ? x.file < y.file : x.seq < y.seq;
        });
        for (const Failure& f : failures) report_failure(f);
        b.failures.clear();
        t.records += b.count;
        t.bytes += b.bytes;
        if (progress) {
          auto now = Clock::now();
          if (now - last_progress > std::chrono::milliseconds(250)) {
            last_progress = now;
            double secs = std::chrono::duration<double>(now - start).count();
            double rate = secs > 0 ? t.records / secs : 0;
            std::string eta = "?";
            if (eta_known && t.bytes > 0 && total_bytes > t.bytes)
              eta = format_duration(secs * (total_bytes - t.bytes) / t.bytes);
            std::fprintf(stderr, "\r\033[K%llu documents  %.0f/s  %.1f MB  ETA %s  %llu errors",
                         static_cast<unsigned long long>(t.records), rate, t.bytes / 1e6,
                         eta.c_str(), static_cast<unsigned long long>(t.failed));
            std::fflush(stderr);
          }
        }
      });
  if (errors) std::fclose(errors);
  if (fatal.empty() && t.stored > 0) {
    try {
      db->optimize();
    } catch (const store::StoreError& e) {  // statistics only: not worth failing the run
      std::fprintf(stderr, "claimtrace: warning: %s\n", e.what());
    }
  }
  double secs = std::chrono::duration<double>(Clock::now() - start).count();
  if (progress) std::fputs("\r\033[K", stderr);
  if (!fatal.empty()) {
    std::fprintf(stderr,
                 "claimtrace: store failed: %s\nclaimtrace: %llu records were committed before "
                 "the failure; re-run to complete (stored records are skipped)\n",
                 fatal.c_str(), static_cast<unsigned long long>(t.records));
    return kExitSomeFailed;
  }
  if (!args.quiet)
    std::fprintf(
        stderr,
        "claimtrace: %llu records in %.2f s (%.0f/s) into %s: %llu stored, %llu copies, "
        "%llu skipped (already stored), %llu failed\n",
        static_cast<unsigned long long>(t.records), secs, secs > 0 ? t.records / secs : 0.0,
        args.db.c_str(), static_cast<unsigned long long>(t.stored),
        static_cast<unsigned long long>(t.copies), static_cast<unsigned long long>(t.skipped),
        static_cast<unsigned long long>(t.failed));
  const WarcSkips& ws = reader.warc_skips();
  if (!args.quiet && ws.records > 0)
    std::fprintf(
        stderr,
        "claimtrace: WARC: %llu records read, %llu skipped (%llu not responses, %llu "
        "not HTTP 200, %llu not HTML, %llu bad HTTP)\n",
        static_cast<unsigned long long>(ws.records), static_cast<unsigned long long>(ws.skipped()),
        static_cast<unsigned long long>(ws.not_response),
        static_cast<unsigned long long>(ws.not_ok), static_cast<unsigned long long>(ws.not_html),
        static_cast<unsigned long long>(ws.bad_http));
  if (!args.no_link) {
    try {
      LinkStats ls = link_store(*db);
      if (!args.quiet && ls.newly_linked == 0)
        std::fprintf(stderr, "claimtrace: nothing new to link (%zu documents already linked)\n",
                     ls.documents);
      else if (!args.quiet)
        std::fprintf(stderr,
                     "claimtrace: linked %zu new of %zu documents in %.2f s: %zu near-duplicate "
                     "groups, %zu stories\n",
                     ls.newly_linked, ls.documents, ls.seconds, ls.near_groups, ls.stories);
    } catch (const store::StoreError& e) {
      std::fprintf(stderr,
                   "claimtrace: link failed (the documents are stored; run claimtrace link): "
                   "%s\n",
                   e.what());
      return kExitSomeFailed;
    }
  }
  return t.failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace claimtrace::cli
