#pragma once
// Options of the store verbs (ingest, stats, show, search, claims, events,
// stories, trace, export) and their registration with CLI11.
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace claimtrace::cli {

inline constexpr const char* kDefaultDb = "claimtrace.db";

struct IngestArgs {
  std::vector<std::string> inputs;  // files, directories or "-"
  std::string db = kDefaultDb;
  std::string input_format;  // text | jsonl | html | warc | rss | "" (guess per file)
  std::string errors;        // JSONL error report, "" = none
  bool quiet = false;
  bool no_title = false;
  unsigned threads = 0;
  unsigned batch_size = 256;
  bool no_link = false;                    // skip `link` after storing
  std::string lexicon_image;               // "" = the default image
  std::vector<std::string> user_lexicons;  // --lexicon FILE
  std::string dictionaries;                // --dictionaries, as for analyze ("" = our own)
};

struct QueryArgs {
  std::string db = kDefaultDb;
  std::string format;  // table | json | jsonl | csv ("" = table on a terminal, else jsonl)
  std::string outlet, since, until, certainty, source_kind, code, root, actor, target, place, type;
  std::string text;         // search: the words; show: the document id
  bool raw = false;         // search: pass the text to FTS5 unchanged
  bool check = false;       // stats: run integrity checks
  std::string output;       // export: the file to write, "-" = stdout
  bool no_link = false;     // export: story counts from exact copies only
  bool relink_all = false;  // link: recompute every document's features
  long long limit = 50;
};

struct StoreCommands {
  CLI::App* ingest = nullptr;
  CLI::App* stats = nullptr;
  CLI::App* show = nullptr;
  CLI::App* search = nullptr;
  CLI::App* claims = nullptr;
  CLI::App* events = nullptr;
  CLI::App* stories = nullptr;
  CLI::App* trace = nullptr;
  CLI::App* entities = nullptr;
  CLI::App* sources = nullptr;
  CLI::App* export_ = nullptr;
  CLI::App* link = nullptr;
};

// Registers every store verb; `ingest` fills `in`, the others fill `q`.
StoreCommands add_store_commands(CLI::App& app, IngestArgs& in, QueryArgs& q);

int run_ingest(const IngestArgs& args);
int run_stats(const QueryArgs& args);
int run_show(const QueryArgs& args);
int run_search(const QueryArgs& args);
int run_claims(const QueryArgs& args);
int run_events(const QueryArgs& args);
int run_stories(const QueryArgs& args);
int run_trace(const QueryArgs& args);
int run_entities(const QueryArgs& args);
int run_sources(const QueryArgs& args);
int run_export(const QueryArgs& args);
int run_link(const QueryArgs& args);

}  // namespace claimtrace::cli
